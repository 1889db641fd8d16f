/**
 * A team's house definition ready to tag counts with: the house tier each count is in, or where it
 * falls outside them, in words and as the group totals count it in. Rosters and the message
 * command place counts through it.
 */

import { formatHousePlacement, houseTierFor, type HousePlacement, type HouseTier } from './house';

/** A server's house definition, ready to tag counts with. */
export interface HouseTiers {
  tiers: readonly HouseTier[];
  /**
   * The house tier a count is in, or where it falls outside them: in words ("below nano (1k–10k),
   * the lowest house tier") and as the group the totals count it in ("below nano", "above mega").
   */
  place(count: number): { tier: HouseTier } | { outside: string; bucket: string };
}

/** The group for counts outside the house tiers, named as /tier and /compare place them. */
function outsideBucket(placement: Exclude<HousePlacement, { kind: 'tier' }>): string {
  switch (placement.kind) {
    case 'below':
      return `below ${placement.lowest.name}`;
    case 'above':
      return `above ${placement.highest.name}`;
    case 'gap':
      return `between ${placement.under.name} and ${placement.over.name}`;
  }
}

/** A parsed house definition's tiers (house.ts), ready to tag counts with. */
export function houseTiersOf(tiers: readonly HouseTier[]): HouseTiers {
  return {
    tiers,
    place(count) {
      const placement = houseTierFor(tiers, count);
      return placement.kind === 'tier' ? { tier: placement.tier } : { outside: formatHousePlacement(placement), bucket: outsideBucket(placement) };
    },
  };
}
