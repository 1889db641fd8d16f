/**
 * How the normalised tiers look, in embeds and in charts alike. Here rather than in
 * src/commands/embeds.ts because the chart renderer draws with them too, and a chart has no
 * business loading the commands' presentation layer.
 */

import type { NormalTier } from './sources';

/** One colour per normalised tier. */
export const TIER_COLOURS: Record<NormalTier, number> = {
  nano: 0x8ecae6,
  micro: 0x219ebc,
  mid: 0x2a9d8f,
  macro: 0xfb8500,
  mega: 0xd62828,
};

export const TIER_LABELS: Record<NormalTier, string> = {
  nano: 'nano',
  micro: 'micro',
  mid: 'mid-tier',
  macro: 'macro',
  mega: 'mega',
};
