/**
 * How the normalised tiers look, in embeds and in charts alike. Apart from embeds.ts because the
 * chart renderer needs these too, and embeds.ts imports discord.js: loading it only for them
 * cost the renderer's cold start about 0.8 s and 30 MB.
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
