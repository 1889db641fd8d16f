/**
 * comparePlans: a scenario evaluated into what the reply, the chart and the export show (both
 * plans' metrics as ranges, the verdict, the budget, caveats), and equalBudget, what the Equal
 * budget button re-runs.
 */

import { CASE_NOTES, type Citation, CPM_REFERENCE, ENGAGEMENT_DISAGREEMENT, FEE_TABLES_NOTE, KARDASHIAN_CASE, OBSERVED_CLICKS, PLATFORM_LABEL, UPFLUENCE_CPM } from '../benchmarks';
import { followersText, formatCount } from '../format';
import { formatMoney } from '../units';
import { feeByRules, type PlanSpec, type Range, type Scenario } from './assumptions';
import { evaluate, extremeSetting, missingReason, type PlanResult, rangesOf } from './evaluate';
import { MAX_MICRO_COUNT, type Overrides, type PresetId } from './options';
import { affordable, DEFAULT_BIG_FOLLOWERS, DEFAULT_MICRO_COUNT, DEFAULT_MICRO_FOLLOWERS, wholeAt } from './scenario';
import { type Verdict, verdictOf } from './verdict';

export interface BudgetInfo {
  budget: number;
  costA: number;
  costB: number;
  /** Plan B's influencer count was bought by the budget. */
  countFromBudget: boolean;
  /** Plan A's followers follow from the budget by the fee rule. */
  followersFromBudget: boolean;
  /**
   * What Plan A's fee is: the budget; the user's big_fee; the observed case's reported price; or
   * the price rules, when the budget is below every rule's price for the followers given.
   */
  feeA: 'budget' | 'input' | 'case' | 'rules';
  /**
   * When the budget pays Plan A's fee for followers the user gave: what the price rules charge for
   * that account (at the expected engagement rate, `rangeAt`), so the reply can set the budget
   * beside it. Null otherwise.
   */
  rulesForA: { range: Range; rangeAt?: string } | null;
  /** Plan B's count was bought by the budget and stopped at MAX_MICRO_COUNT: part of the budget is unspent. */
  countCapped: boolean;
  overA: boolean;
  overB: boolean;
}

// ── Comparison ────────────────────────────────────────────────────────────────────────────────

export interface Comparison {
  scenario: Scenario;
  /** "One influencer with 100,000 followers or 10 with 10,000 each?" */
  title: string;
  a: PlanResult;
  b: PlanResult;
  verdict: Verdict;
  budget: BudgetInfo | null;
  /** The plans' expected costs differ by more than one micro-influencer's fee. */
  unequalCosts: boolean;
  /** Observed clicks per follower, converted per reached account at each plan's reach rate. */
  observedClicks: { label: string; perFollower: number; perReachedA: number | null; perReachedB: number | null; source: Citation }[];
  /** Plain-text caveats and disagreements, most important first. */
  notes: string[];
}

const count = (n: number) => formatCount(n);

function planName(spec: PlanSpec, preset: PresetId | null): string {
  if (spec.plan === 'A' && preset === 'kardashian') return `Kim Kardashian’s tweet, ${count(spec.followersEach)} followers`;
  return `${count(spec.influencers)} × ${followersText(spec.followersEach)}`;
}

function titleOf(s: Scenario): string {
  const n = s.b.influencers;
  const micros = `${n === 1 ? 'one micro-influencer' : `${count(n)} micro-influencers`} (${followersText(s.b.followersEach)}${n === 1 ? '' : ' each'})`;
  if (s.preset === 'kardashian') return `The Kardashian tweet (observed) against ${micros} on ${PLATFORM_LABEL[s.platform]}, estimated`;
  const question = `One influencer with ${followersText(s.a.followersEach)}, or ${n === 1 ? 'one' : count(n)} with ${count(s.b.followersEach)}${n === 1 ? '' : ' each'}, on ${PLATFORM_LABEL[s.platform]}?`;
  const asInArticle = n === DEFAULT_MICRO_COUNT && s.b.followersEach === DEFAULT_MICRO_FOLLOWERS && s.a.followersEach === DEFAULT_BIG_FOLLOWERS;
  return s.preset === 'ten-micro' && asInArticle ? `The TapInfluence article’s advice, checked. ${question}` : question;
}

function notesOf(s: Scenario, a: PlanResult, b: PlanResult): string[] {
  const notes: string[] = [];
  if (s.preset === 'kardashian') {
    const k = KARDASHIAN_CASE;
    notes.push(
      `Plan A is observed, as the TapInfluence blog reports it: ${count(k.followers)} followers, ${count(k.visits)} website visits, ${k.orders} orders averaging $${k.orderValue} (${formatMoney(k.orders * k.orderValue)}). ` +
        `Plan B is estimated through the funnel. The case was a tweet; Plan B uses ${PLATFORM_LABEL[s.platform]} figures.`,
    );
  }
  if ([s.assumptions.engagement_rate_a, s.assumptions.engagement_rate_b].some((x) => x.basis !== 'input' && x.value !== null) && s.platform === 'instagram') {
    notes.push(ENGAGEMENT_DISAGREEMENT);
  }
  if (s.assumptions.fee_a.basis === 'sourced' || s.assumptions.fee_b.basis === 'sourced') notes.push(FEE_TABLES_NOTE);
  const ref = CPM_REFERENCE[s.platform];
  const cpm = (p: PlanResult) => (p.metrics.cpm ? formatMoney(p.metrics.cpm.expected) : missingReason(p, 'cpm'));
  notes.push(
    `CPM for reference: ${formatMoney(ref.low)}–${formatMoney(ref.high)} on ${PLATFORM_LABEL[s.platform]} (Word on the Block, 2023); Upfluence's "industry standard" ${formatMoney(UPFLUENCE_CPM)}. Here: Plan A ${cpm(a)}, Plan B ${cpm(b)}.`,
  );
  notes.push('ROI and ROAS are shown but not counted: with the same order value for both plans they follow from cost per order.');
  notes.push(...CASE_NOTES);
  return notes;
}

function feeAOrigin(s: Scenario): BudgetInfo['feeA'] {
  const basis = s.assumptions.fee_a.basis;
  if (basis === 'budget') return 'budget';
  if (basis === 'input') return 'input';
  return s.preset === 'kardashian' ? 'case' : 'rules';
}

/** What the price rules charge for Plan A's account, at the expected engagement rate. */
function rulesFor(s: Scenario): BudgetInfo['rulesForA'] {
  const byRules = feeByRules('A', s.a.followersEach, s.assumptions.engagement_rate_a.value, s.platform);
  return { range: byRules.value!, ...(byRules.rangeAt ? { rangeAt: byRules.rangeAt } : {}) };
}

/** Evaluates a scenario: both plans' metrics as ranges, the verdict and what decides it. */
export function comparePlans(s: Scenario): Comparison {
  const expected = evaluate(s);
  const result = (plan: 'A' | 'B'): PlanResult => ({
    plan,
    name: planName(plan === 'A' ? s.a : s.b, s.preset),
    kind: plan === 'A' && s.a.observed ? 'observed' : 'estimated',
    metrics: rangesOf(
      expected[plan],
      evaluate(s, extremeSetting(s, plan, 'pessimistic'))[plan],
      evaluate(s, extremeSetting(s, plan, 'optimistic'))[plan],
    ),
  });
  const a = result('A');
  const b = result('B');
  const costA = expected.A.cost!;
  const costB = expected.B.cost!;
  const feeB = s.assumptions.fee_b.value!.expected;
  const budget: BudgetInfo | null =
    s.budget === null
      ? null
      : {
          budget: s.budget,
          costA,
          costB,
          countFromBudget: s.b.influencersBasis === 'budget',
          followersFromBudget: s.a.followersBasis === 'budget',
          feeA: feeAOrigin(s),
          rulesForA: feeAOrigin(s) === 'budget' && s.a.followersBasis !== 'budget' ? rulesFor(s) : null,
          // At the cap, a budget that would buy one more influencer is not all spent.
          countCapped: s.b.influencersBasis === 'budget' && s.b.influencers === MAX_MICRO_COUNT && s.budget - costB >= feeB - 1e-9,
          overA: costA > s.budget + 1e-9,
          overB: costB > s.budget + 1e-9,
        };
  const reachA = s.assumptions.reach_rate_a.value?.expected ?? null;
  const reachB = s.assumptions.reach_rate_b.value?.expected ?? null;
  const perReached = (perFollower: number, rate: number | null) => (rate === null || rate <= 0 ? null : (perFollower / rate) * 100);
  return {
    scenario: s,
    title: titleOf(s),
    a,
    b,
    verdict: verdictOf(s, expected),
    budget,
    unequalCosts: feeB > 0 && Math.abs(costA - costB) > feeB + 1e-9,
    observedClicks: OBSERVED_CLICKS.map((o) => ({
      label: o.label,
      perFollower: o.perFollower,
      perReachedA: perReached(o.perFollower, reachA),
      perReachedB: perReached(o.perFollower, reachB),
      source: o.source,
    })),
    notes: notesOf(s, a, b),
  };
}

/**
 * What an "Equal budget" press does: re-run with Plan B at Plan A's cost, or say why it cannot.
 * `capped`: Plan A's cost would buy more than MAX_MICRO_COUNT micros, so Plan B stops there and
 * still costs less than Plan A.
 */
export type EqualBudget =
  | { kind: 'rerun'; overrides: Overrides; influencers: number; costA: number; capped: boolean }
  | { kind: 'buys-none'; costA: number; fee: number };

/**
 * Plan B with as many micros as Plan A's expected cost buys, rounded down. Without a budget that
 * is a micro_count; with one, the budget decides Plan B's count (micro_count cannot be given with
 * it), so the budget becomes Plan A's cost, which leaves Plan A as it was (its price never came
 * from the budget when the costs differ). `buys-none` when Plan A's cost is below one micro fee;
 * null when the micros are free or the count would not change.
 */
export function equalBudget(c: Comparison): EqualBudget | null {
  const fee = c.scenario.assumptions.fee_b.value!.expected;
  if (fee <= 0) return null;
  const costA = c.a.metrics.cost!.expected;
  const influencers = affordable(costA, fee);
  if (influencers === 0) return { kind: 'buys-none', costA, fee };
  if (influencers === c.scenario.b.influencers) return null;
  const { micro_count: _setByTheBudget, ...rest } = c.scenario.overrides;
  const overrides: Overrides =
    c.scenario.budget !== null ? { ...rest, budget: costA, setByEqualBudget: true } : { ...c.scenario.overrides, micro_count: influencers, setByEqualBudget: true };
  return { kind: 'rerun', overrides, influencers, costA, capped: wholeAt(costA, fee) > influencers };
}
