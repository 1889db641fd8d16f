/**
 * The tier groups a roster is totalled in (a tier, a tie, "below influencer size", "no tier"):
 * creators and followers per group, in the order of their counts. The reply and the platform
 * summary both total through here.
 */

import type { HouseTiers } from '../house-placing';
import { NORMAL_TIERS, type NormalTier } from '../sources';
import { TIER_LABELS } from '../tier-style';
import type { TierTotal } from './types';

/** The bucket for rows no tier takes (outside the house tiers, or no publisher places them). */
export const NO_TIER = 'no tier';

/** The bucket for counts most publishers put under their smallest tier. */
export const BELOW_INFLUENCER = 'below influencer size';

/** A tier group while rows are added to it, with the smallest count in it: what places it among the others. */
export type GroupTotal = TierTotal & { lowest: number };

/**
 * Tier groups from the smallest counts to the largest: "below influencer size" first, "no tier"
 * last, and every other group, ties included, where its counts fall. Each group is one stretch of
 * counts (house tiers do not overlap, and each publishers' answer holds for one stretch: "nano or
 * micro" is 1,000–2,499, below nano's 2,500–4,999), so its smallest count places it.
 */
export function inCountOrder(groups: Iterable<GroupTotal>): TierTotal[] {
  const first = (t: GroupTotal) => Number(t.tier === BELOW_INFLUENCER);
  const last = (t: GroupTotal) => Number(t.tier === NO_TIER);
  return [...groups].sort((a, b) => first(b) - first(a) || last(a) - last(b) || a.lowest - b.lowest).map(({ lowest: _lowest, ...t }) => t);
}

/** Creators and followers per tier, from the smallest counts to the largest (inCountOrder). */
export function totalsByTier(rows: readonly { count: number | undefined; bucket: string }[], house?: HouseTiers): TierTotal[] {
  const totals = new Map<string, GroupTotal>();
  const colours: { tier: string; normal: NormalTier | undefined }[] = house
    ? // A tier the publishers call below influencer size, or one spanning every tier, takes no tier's colour.
      house.tiers.map((t) => ({ tier: t.name, normal: t.notInfluencer || t.spansEveryTier ? undefined : t.normal }))
    : NORMAL_TIERS.map((t) => ({ tier: TIER_LABELS[t], normal: t }));
  for (const row of rows) {
    if (row.count === undefined) continue;
    const known = colours.find((o) => o.tier === row.bucket);
    addToGroup(totals, row.bucket, known?.normal, row.count);
  }
  return inCountOrder(totals.values());
}

/** Counts a creator with `count` followers in the group for `tier`, which its first creator starts (with `normal`, its colour). */
export function addToGroup(groups: Map<string, GroupTotal>, tier: string, normal: NormalTier | undefined, count: number): void {
  const group = groups.get(tier) ?? groups.set(tier, { tier, normal, creators: 0, followers: 0, lowest: count }).get(tier)!;
  group.creators++;
  group.followers += count;
  group.lowest = Math.min(group.lowest, count);
}
