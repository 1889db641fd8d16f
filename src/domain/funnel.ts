/**
 * One funnel, the same for both plans. Each step is named and has its own rate:
 *
 *   reach       = followers × reach rate (Plan B: the sum of the influencers' reach × (1 − overlap),
 *                 never less than one influencer's own reach)
 *   impressions = reach × frequency
 *   engagements = followers × engagement rate by followers (feeds CPE only: a like is never a visit)
 *   visits      = reach × click-through (visits per reached account)
 *   orders      = visits × conversion
 *   revenue     = orders × order value
 *
 * and cost = influencers × fee; CPE = cost ÷ engagements; CPM = cost ÷ impressions × 1,000;
 * cost per order = cost ÷ orders; ROI = (revenue − cost) ÷ cost × 100; ROAS = revenue ÷ cost.
 * A step whose rate is not known (null) is "not reported", and so is everything after it.
 */

import { audienceWord, type Platform } from './benchmarks';

export const METRIC_NAMES = [
  'followers',
  'influencers',
  'reach',
  'impressions',
  'engagements',
  'visits',
  'orders',
  'revenue',
  'cost',
  'cpe',
  'cpm',
  'cost_per_order',
  'roi',
  'roas',
] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

/** A plan's metrics; null = not reported (a rate is unknown) or not defined (a divisor is 0). */
export type Metrics = Record<MetricName, number | null>;

/** One plan's inputs at one setting. Rates are percentages (2.5 = 2.5%). */
export interface FunnelInputs {
  influencers: number;
  followersEach: number;
  feeEach: number;
  /** Reach ÷ followers; null when not reported. */
  reachRate: number | null;
  /** Engagements ÷ followers; null when not reported. */
  engagementRate: number | null;
  /** Impressions per reached account (1 = each sees the post once). */
  frequency: number;
  /** Visits per reached account. */
  clickThrough: number;
  /** Orders per visit. */
  conversion: number;
  orderValue: number;
  /** Share of the influencers' combined reach that is duplicated; applies only with several influencers. */
  overlap: number;
  /** An observed case: its visits, orders and revenue replace the estimated steps. */
  observed?: { visits: number; orders: number; revenue: number } | undefined;
}

const pct = (x: number) => x / 100;

/**
 * How uniqueReach counts several influencers, in words, their audience named as the platform
 * counts it ("subscribers" on YouTube): however much their audiences overlap, they reach at least
 * one influencer's audience.
 */
export function severalReachFormula(platform: Platform): string {
  return `${audienceWord(platform)} × reach rate × (1 − overlap), never less than one influencer’s reach`;
}

/** Unique accounts reached: one influencer's reach, or the sum less the overlap (never below one's own). */
export function uniqueReach(influencers: number, followersEach: number, reachRate: number, overlap: number): number {
  const each = followersEach * pct(reachRate);
  if (influencers <= 1) return influencers * each;
  return Math.max(each, influencers * each * (1 - pct(overlap)));
}

export function funnel(p: FunnelInputs): Metrics {
  const followers = p.influencers * p.followersEach;
  const reach = p.reachRate === null ? null : uniqueReach(p.influencers, p.followersEach, p.reachRate, p.overlap);
  const impressions = reach === null ? null : reach * p.frequency;
  const engagements = p.engagementRate === null ? null : followers * pct(p.engagementRate);
  const visits = p.observed ? p.observed.visits : reach === null ? null : reach * pct(p.clickThrough);
  const orders = p.observed ? p.observed.orders : visits === null ? null : visits * pct(p.conversion);
  const revenue = p.observed ? p.observed.revenue : orders === null ? null : orders * p.orderValue;
  const cost = p.influencers * p.feeEach;
  const per = (divisor: number | null, scale = 1) => (divisor === null || divisor <= 0 ? null : (cost / divisor) * scale);
  return {
    followers,
    influencers: p.influencers,
    reach,
    impressions,
    engagements,
    visits,
    orders,
    revenue,
    cost,
    cpe: per(engagements),
    cpm: per(impressions, 1000),
    cost_per_order: per(orders),
    roi: revenue === null || cost <= 0 ? null : ((revenue - cost) / cost) * 100,
    roas: revenue === null || cost <= 0 ? null : revenue / cost,
  };
}
