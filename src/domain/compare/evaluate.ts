/**
 * Running a scenario through the funnel (../funnel.ts). Each plan is run with every input at its
 * expected value; pessimistic, with every input at the end of its range that is worse for the plan
 * (low rates, high fees, high overlap); and optimistic, the other end. Each run is consistent: a
 * fee priced by the rules is worked out at that run's own engagement rate, the dearest rule's in
 * a pessimistic run and the cheapest in an optimistic one. Traackr's rule prices engagements, so
 * its fee rises with the rate, and the dearest fee comes with the highest rate: where a plan's fee
 * follows its rate, each side is also run with the rate at its other end, fee re-priced (for cost
 * per order, which no engagement rate changes, paying Traackr's price for a high rate is worse).
 * For each metric, low is the smallest of these results and high the largest. Every metric moves
 * one way with each input, so low ≤ expected ≤ high always holds, cost ratios included.
 */

import { funnel, type FunnelInputs, METRIC_NAMES, type MetricName, type Metrics } from '../funnel';
import { type AssumptionKey, feeByRulesAt, type Range, type Scenario } from './assumptions';
import { affordable } from './scenario';

/** Values for some inputs; the rest stay at their expected values. */
export type Setting = Partial<Record<AssumptionKey, number>>;

function valueOf(s: Scenario, key: AssumptionKey, setting: Setting): number | null {
  const at = setting[key];
  if (at !== undefined) return at;
  return s.assumptions[key].value?.expected ?? null;
}

/** The sum Plan B's count was bought with: the budget, when it decided the count; otherwise null. */
export function budgetBuyingMicros(s: Scenario): number | null {
  return s.b.influencersBasis === 'budget' ? s.budget : null;
}

/**
 * A plan's count at `setting`. A budget buys Plan B's count at its fee, so a micro fee moved from
 * the expected one buys what the budget buys at that fee (a dearer fee, fewer micro-influencers):
 * both plans still spend the budget.
 */
function influencersOf(s: Scenario, plan: 'A' | 'B', setting: Setting): number {
  const budget = budgetBuyingMicros(s);
  const fee = setting.fee_b;
  if (plan === 'A' || budget === null || fee === undefined) return (plan === 'A' ? s.a : s.b).influencers;
  return affordable(budget, fee, s.b.followersEach);
}

function funnelInputs(s: Scenario, plan: 'A' | 'B', setting: Setting): FunnelInputs {
  const spec = plan === 'A' ? s.a : s.b;
  const v = (key: AssumptionKey) => valueOf(s, key, setting);
  const need = (key: AssumptionKey) => v(key) ?? 0;
  return {
    influencers: influencersOf(s, plan, setting),
    followersEach: spec.followersEach,
    feeEach: need(plan === 'A' ? 'fee_a' : 'fee_b'),
    reachRate: v(plan === 'A' ? 'reach_rate_a' : 'reach_rate_b'),
    engagementRate: v(plan === 'A' ? 'engagement_rate_a' : 'engagement_rate_b'),
    frequency: need('frequency'),
    clickThrough: need('click_through'),
    conversion: need('conversion'),
    orderValue: need('order_value'),
    overlap: plan === 'B' ? need('overlap') : 0,
    observed: spec.observed,
  };
}

export function evaluate(s: Scenario, setting: Setting = {}): { A: Metrics; B: Metrics } {
  return { A: funnel(funnelInputs(s, 'A', setting)), B: funnel(funnelInputs(s, 'B', setting)) };
}

const ENGAGEMENT_OF: Partial<Record<AssumptionKey, AssumptionKey>> = { fee_a: 'engagement_rate_a', fee_b: 'engagement_rate_b' };
export type Ends = Partial<Record<AssumptionKey, 'low' | 'high'>>;

/**
 * Puts each fee priced by the rules at the cheapest or dearest rule's fee at the engagement rate of
 * `setting` itself, so a scenario never pairs a high engagement rate with Traackr's fee for a low
 * one. `ends` says which end each fee is at.
 */
export function withConsistentFees(s: Scenario, setting: Setting, ends: Ends): Setting {
  const out = { ...setting };
  for (const [key, end] of Object.entries(ends) as [AssumptionKey, 'low' | 'high'][]) {
    const rules = s.assumptions[key].feeRules;
    const engagementKey = ENGAGEMENT_OF[key];
    if (!rules || !engagementKey) continue;
    out[key] = feeByRulesAt(rules, valueOf(s, engagementKey, setting), end);
  }
  return out;
}

/**
 * `setting` with its rule-priced fees re-priced, and again with the engagement rate behind each
 * such fee at the other end of its range (a fee that follows the rate is dearest at the highest
 * rate): every consistent scenario with these ends.
 */
export function consistentVariants(s: Scenario, setting: Setting, ends: Ends): Setting[] {
  let variants = [setting];
  for (const [fee, rate] of Object.entries(ENGAGEMENT_OF) as [AssumptionKey, AssumptionKey][]) {
    const range = s.assumptions[rate].value;
    if (!s.assumptions[fee].feeRules || ends[fee] === undefined || setting[rate] === undefined || range === null || range.low === range.high) continue;
    const other = setting[rate] === range.low ? range.high : range.low;
    variants = variants.flatMap((v) => [v, { ...v, [rate]: other }]);
  }
  return variants.map((v) => withConsistentFees(s, v, ends));
}

/** Every input that feeds `plan` at the end of its range that is worse (or better) for it: the consistent scenarios at those ends. */
export function extremeSettings(s: Scenario, plan: 'A' | 'B', side: 'pessimistic' | 'optimistic'): Setting[] {
  const setting: Setting = {};
  const ends: Ends = {};
  for (const a of Object.values(s.assumptions)) {
    if (a.value === null || !a.plans.includes(plan)) continue;
    const low = (a.better === 'higher') === (side === 'pessimistic');
    setting[a.key] = low ? a.value.low : a.value.high;
    ends[a.key] = low ? 'low' : 'high';
  }
  return consistentVariants(s, setting, ends);
}

export type MetricRanges = Record<MetricName, Range | null>;

export interface PlanResult {
  plan: 'A' | 'B';
  /** "1 × 100,000 followers". */
  name: string;
  /** Observed (a reported case) or estimated through the funnel. */
  kind: 'observed' | 'estimated';
  metrics: MetricRanges;
}

/** The divisor behind each ratio (ROI and ROAS divide by cost, but need revenue first). */
const RATIO_NEEDS: Partial<Record<MetricName, MetricName>> = { cpe: 'engagements', cpm: 'impressions', cost_per_order: 'orders', roi: 'revenue', roas: 'revenue' };

/** A cost per engagement or per order of a plan that pays and gets none, in words: it loses that measure. */
const NONE_FOR_ITS_COST: Partial<Record<MetricName, 'no engagements' | 'no orders'>> = { cpe: 'no engagements', cost_per_order: 'no orders' };

/**
 * Why a plan's metric has no value: "not reported" when a rate behind it is unknown (the observed
 * tweet's reach); "no orders" (or "no engagements") when the plan pays and gets none; "not
 * defined" when it would otherwise divide by zero (a reach rate of 0, a fee of $0).
 */
export function missingReason(p: PlanResult, m: MetricName): 'not reported' | 'not defined' | 'no engagements' | 'no orders' {
  const needs = RATIO_NEEDS[m];
  if (needs === undefined) return 'not reported';
  const divisor = p.metrics[needs];
  if (divisor === null) return 'not reported';
  const none = NONE_FOR_ITS_COST[m];
  return none !== undefined && divisor.expected === 0 && (p.metrics.cost?.expected ?? 0) > 0 ? none : 'not defined';
}

/** Each metric from the smallest to the largest of the extreme runs' results. */
export function rangesOf(expected: Metrics, extremes: readonly Metrics[]): MetricRanges {
  const out = {} as MetricRanges;
  for (const m of METRIC_NAMES) {
    const e = expected[m];
    if (e === null) {
      out[m] = null;
      continue;
    }
    // An end can be undefined where the expected value is not (a fee range reaching $0 leaves ROI
    // undefined): the range then runs from the other results to the expected value.
    const ends = extremes.map((x) => x[m]).filter((x): x is number => x !== null);
    if (ends.length < extremes.length) ends.push(e);
    out[m] = { low: Math.min(...ends), expected: e, high: Math.max(...ends) };
  }
  return out;
}
