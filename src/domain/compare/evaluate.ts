/**
 * Running a scenario through the funnel (../funnel.ts). Each plan is run three times: with every
 * input at its expected value; pessimistic, with every input at the end of its range that is worse
 * for the plan (low rates, high fees, high overlap); and optimistic, the other end. Each run is
 * consistent: a fee priced by the rules is worked out at that run's own engagement rate
 * (Traackr's rule prices engagements, so its fee rises with the rate), the lowest rule's fee in
 * the optimistic run and the highest in the pessimistic one. For each metric, low is the smaller
 * of the pessimistic and optimistic results and high the larger. Every metric moves one way with
 * each input, so low ≤ expected ≤ high always holds, cost ratios included.
 */

import { funnel, type FunnelInputs, METRIC_NAMES, type MetricName, type Metrics } from '../funnel';
import { type AssumptionKey, feeByRulesAt, type Range, type Scenario } from './assumptions';

/** Values for some inputs; the rest stay at their expected values. */
export type Setting = Partial<Record<AssumptionKey, number>>;

function valueOf(s: Scenario, key: AssumptionKey, setting: Setting): number | null {
  const at = setting[key];
  if (at !== undefined) return at;
  return s.assumptions[key].value?.expected ?? null;
}

function funnelInputs(s: Scenario, plan: 'A' | 'B', setting: Setting): FunnelInputs {
  const spec = plan === 'A' ? s.a : s.b;
  const v = (key: AssumptionKey) => valueOf(s, key, setting);
  const need = (key: AssumptionKey) => v(key) ?? 0;
  return {
    influencers: spec.influencers,
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

/**
 * Puts each fee priced by the rules at the lowest or highest rule's fee at the engagement rate of
 * `setting` itself, so a scenario never pairs a high engagement rate with Traackr's fee for a low
 * one. `ends` says which end each fee is at.
 */
export function withConsistentFees(s: Scenario, setting: Setting, ends: Partial<Record<AssumptionKey, 'low' | 'high'>>): Setting {
  const out = { ...setting };
  for (const [key, end] of Object.entries(ends) as [AssumptionKey, 'low' | 'high'][]) {
    const rules = s.assumptions[key].feeRules;
    const engagementKey = ENGAGEMENT_OF[key];
    if (!rules || !engagementKey) continue;
    out[key] = feeByRulesAt(rules, valueOf(s, engagementKey, setting), end);
  }
  return out;
}

/** Every input that feeds `plan` at the end of its range that is worse (or better) for it, fees priced at that scenario's rates. */
export function extremeSetting(s: Scenario, plan: 'A' | 'B', side: 'pessimistic' | 'optimistic'): Setting {
  const setting: Setting = {};
  const ends: Partial<Record<AssumptionKey, 'low' | 'high'>> = {};
  for (const a of Object.values(s.assumptions)) {
    if (a.value === null || !a.plans.includes(plan)) continue;
    const low = (a.better === 'higher') === (side === 'pessimistic');
    setting[a.key] = low ? a.value.low : a.value.high;
    ends[a.key] = low ? 'low' : 'high';
  }
  return withConsistentFees(s, setting, ends);
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

export function rangesOf(expected: Metrics, pessimistic: Metrics, optimistic: Metrics): MetricRanges {
  const out = {} as MetricRanges;
  for (const m of METRIC_NAMES) {
    const e = expected[m];
    if (e === null) {
      out[m] = null;
      continue;
    }
    // An end can be undefined where the expected value is not (a fee range reaching $0 leaves ROI
    // undefined): the range then runs from the other end to the expected value.
    const ends = [pessimistic[m], optimistic[m]].filter((x): x is number => x !== null);
    if (ends.length < 2) ends.push(e);
    out[m] = { low: Math.min(...ends), expected: e, high: Math.max(...ends) };
  }
  return out;
}
