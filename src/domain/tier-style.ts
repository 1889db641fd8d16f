/**
 * How the normalised tiers look, in embeds and in charts alike. Here rather than in
 * src/commands/embeds.ts because the chart renderer draws with them too, and a chart has no
 * business loading the commands' presentation layer.
 */

import type { NormalTier } from './sources';

/**
 * One colour per normalised tier, drawn from the Okabe–Ito palette (and a darker red for mega) so
 * that any two stay apart for readers with red-green or blue-yellow colour blindness: a chart's
 * narrow segments carry no label, only their colour.
 */
export const TIER_COLOURS: Record<NormalTier, number> = {
  nano: 0x9ecae1,
  micro: 0x0072b2,
  mid: 0x009e73,
  macro: 0xe69f00,
  mega: 0xb2182b,
};

export const TIER_LABELS: Record<NormalTier, string> = {
  nano: 'nano',
  micro: 'micro',
  mid: 'mid-tier',
  macro: 'macro',
  mega: 'mega',
};
