/**
 * A team's house definition ready to tag counts with: the house tier each count is in, or where it
 * falls outside them, in words and as the group totals count it in. Rosters and the message
 * command place counts through it.
 */

import { formatHousePlacement, houseTierFor, shortHousePlacement, type HouseTier } from './house';

/** A server's house definition, ready to tag counts with. */
export interface HouseTiers {
  tiers: readonly HouseTier[];
  /**
   * The house tier a count is in, or where it falls outside them: in words ("below nano (1k–10k),
   * the lowest house tier") and as the group the totals count it in ("below nano", "above mega").
   */
  place(count: number): { tier: HouseTier } | { outside: string; bucket: string };
}

/** A parsed house definition's tiers (house.ts), ready to tag counts with. */
export function houseTiersOf(tiers: readonly HouseTier[]): HouseTiers {
  return {
    tiers,
    place(count) {
      const placement = houseTierFor(tiers, count);
      return placement.kind === 'tier' ? { tier: placement.tier } : { outside: formatHousePlacement(placement), bucket: shortHousePlacement(placement) };
    },
  };
}
