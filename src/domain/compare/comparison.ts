/**
 * comparePlans: a scenario evaluated into what the reply, the chart and the export show (both
 * plans' metrics as ranges, the verdict, the budget, caveats), and equalBudget, what the Equal
 * budget button re-runs.
 */

import { CASE_NOTES, citeBrief, type Citation, CPM_REFERENCE, ENGAGEMENT_DISAGREEMENT, FEE_TABLES_NOTE, KARDASHIAN_CASE, OBSERVED_CLICKS, type Platform, PLATFORM_LABEL, STANDARD_CPM } from '../benchmarks';
import { formatCount } from '../format';
import { formatMoney } from '../units';
import { type Assumption, audienceText, type PlanSpec, priceRules, rulesAtExpected, type Scenario } from './assumptions';
import { evaluate, extremeSettings, missingReason, type PlanResult, rangesOf } from './evaluate';
import type { Overrides, PresetId } from './options';
import { affordable, DEFAULT_BIG_FOLLOWERS, DEFAULT_MICRO_COUNT, DEFAULT_MICRO_FOLLOWERS, mostMicros, wholeAt } from './scenario';
import { nearlyEqual, type Verdict, verdictOf } from './verdict';

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
   * When Plan A's followers were not bought by the budget (the user gave them) and the budget pays
   * its fee or cannot: what the price rules charge for that account at the expected engagement
   * rate (`at` says so when a rule follows that rate), so the reply can set the budget beside it.
   * Null otherwise.
   */
  rulesForA: { low: number; high: number; at: string } | null;
  /** Plan B's count was bought by the budget and stopped at the most Tierbot models (mostMicros): part of the budget is unspent. */
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
  observedClicks: { label: string; short: string; perFollower: number; perReachedA: number | null; perReachedB: number | null; source: Citation }[];
  /**
   * Plan A's and Plan B's order values when they differ (the observed case's against a value given
   * for Plan B): ROI and ROAS then do not follow from cost per order. Null when they are the same.
   */
  unlikeOrderValues: { a: number; b: number } | null;
  /** Plain-text caveats and disagreements, most important first. */
  notes: string[];
}

const count = (n: number) => formatCount(n);

/** "1 × 100,000 followers" ("subscribers" on YouTube); the observed tweet's are Twitter followers. */
function planName(spec: PlanSpec, preset: PresetId | null, platform: Platform): string {
  if (spec.plan === 'A' && preset === 'kardashian') return `Kim Kardashian’s tweet, ${count(spec.followersEach)} followers`;
  return `${count(spec.influencers)} × ${audienceText(spec.followersEach, platform)}`;
}

function titleOf(s: Scenario): string {
  const n = s.b.influencers;
  const micros = `${n === 1 ? 'one micro-influencer' : `${count(n)} micro-influencers`} (${audienceText(s.b.followersEach, s.platform)}${n === 1 ? '' : ' each'})`;
  if (s.preset === 'kardashian') return `The Kardashian tweet (observed) against ${micros} on ${PLATFORM_LABEL[s.platform]}, estimated`;
  const question = `One influencer with ${audienceText(s.a.followersEach, s.platform)}, or ${n === 1 ? 'one' : count(n)} with ${count(s.b.followersEach)}${n === 1 ? '' : ' each'}, on ${PLATFORM_LABEL[s.platform]}?`;
  const asInArticle = n === DEFAULT_MICRO_COUNT && s.b.followersEach === DEFAULT_MICRO_FOLLOWERS && s.a.followersEach === DEFAULT_BIG_FOLLOWERS;
  return s.preset === 'ten-micro' && asInArticle ? `The TapInfluence article’s advice, checked. ${question}` : question;
}

/**
 * Whether sources disagree on an engagement rate: a sourced rate with a range is one the sources
 * give different figures for, and its range spans them, as a rate held past a band's edge keeps
 * when more than one source gave its range.
 */
export function disputed(input: Assumption): boolean {
  const spansSources = input.basis === 'sourced' || (input.heldFrom !== undefined && input.sources.length > 1);
  return spansSources && input.value !== null && input.value.low < input.value.high;
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
  if (disputed(s.assumptions.engagement_rate_a) || disputed(s.assumptions.engagement_rate_b)) notes.push(ENGAGEMENT_DISAGREEMENT);
  // A fee the price rules gave (sourced, or extrapolated past the cent rule's examples) is set beside the per-tier tables.
  if (s.assumptions.fee_a.feeRules || s.assumptions.fee_b.feeRules || s.assumptions.fee_b.basis === 'sourced') notes.push(FEE_TABLES_NOTE);
  const ref = CPM_REFERENCE[s.platform];
  const cpm = (p: PlanResult) => (p.metrics.cpm ? formatMoney(p.metrics.cpm.expected) : missingReason(p, 'cpm'));
  notes.push(
    `CPM for reference: ${formatMoney(ref.low)}–${formatMoney(ref.high)} on ${PLATFORM_LABEL[s.platform]} (${citeBrief(ref.source)}); ${STANDARD_CPM.source.publisher}'s "industry standard" ${formatMoney(STANDARD_CPM.dollars)}. Here: Plan A ${cpm(a)}, Plan B ${cpm(b)}.`,
  );
  // That ROI follows from cost per order the main reply's footer says; order values that differ are a caveat here too.
  const unlike = unlikeOrderValues(s);
  if (unlike) notes.push(roiRoasText(unlike));
  notes.push(...CASE_NOTES);
  return notes;
}

/** The observed case's order value against Plan B's, when they differ. */
function unlikeOrderValues(s: Scenario): Comparison['unlikeOrderValues'] {
  const observed = s.a.observed;
  const b = s.assumptions.order_value.value!.expected;
  if (!observed || observed.orders === 0) return null;
  const a = observed.revenue / observed.orders;
  return nearlyEqual(a, b) ? null : { a, b };
}

/** Why ROI and ROAS are shown but not counted, true of the plans' order values. */
export function roiRoasText(unlike: Comparison['unlikeOrderValues']): string {
  if (!unlike) return 'ROI and ROAS follow from cost per order (one order value for both plans) and are not counted.';
  return `ROI and ROAS are not counted, and here they can favour another plan than cost per order does: Plan A’s observed orders at ${formatMoney(unlike.a)} and Plan B’s at ${formatMoney(unlike.b)}.`;
}

function feeAOrigin(s: Scenario): BudgetInfo['feeA'] {
  const basis = s.assumptions.fee_a.basis;
  if (basis === 'budget') return 'budget';
  if (basis === 'input') return 'input';
  return s.preset === 'kardashian' ? 'case' : 'rules';
}

/** What the price rules charge for Plan A's account, at the expected engagement rate, written as the main reply's budget line gives it. */
function rulesFor(s: Scenario): BudgetInfo['rulesForA'] {
  const engagement = s.assumptions.engagement_rate_a.value;
  return rulesAtExpected(priceRules(s.a.followersEach, engagement), engagement, 'glance');
}

/** Evaluates a scenario: both plans' metrics as ranges, the verdict and what decides it. */
export function comparePlans(s: Scenario): Comparison {
  const expected = evaluate(s);
  const result = (plan: 'A' | 'B'): PlanResult => ({
    plan,
    name: planName(plan === 'A' ? s.a : s.b, s.preset, s.platform),
    kind: plan === 'A' && s.a.observed ? 'observed' : 'estimated',
    metrics: rangesOf(
      expected[plan],
      [...extremeSettings(s, plan, 'pessimistic'), ...extremeSettings(s, plan, 'optimistic')].map((setting) => evaluate(s, setting)[plan]),
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
          rulesForA: (feeAOrigin(s) === 'budget' && s.a.followersBasis !== 'budget') || feeAOrigin(s) === 'rules' ? rulesFor(s) : null,
          // At the cap, a budget that would buy one more influencer is not all spent.
          countCapped: s.b.influencersBasis === 'budget' && s.b.influencers === mostMicros(s.b.followersEach) && s.budget - costB >= feeB - 1e-9,
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
    unlikeOrderValues: unlikeOrderValues(s),
    observedClicks: OBSERVED_CLICKS.map((o) => ({
      label: o.label,
      short: o.short,
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
 * `capped`: Plan A's cost would buy more micros than Tierbot models (mostMicros), so Plan B stops there and
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
  const influencers = affordable(costA, fee, c.scenario.b.followersEach);
  if (influencers === 0) return { kind: 'buys-none', costA, fee };
  if (influencers === c.scenario.b.influencers) return null;
  const { micro_count: _setByTheBudget, ...rest } = c.scenario.overrides;
  const overrides: Overrides =
    c.scenario.budget !== null ? { ...rest, budget: costA, setByEqualBudget: true } : { ...c.scenario.overrides, micro_count: influencers, setByEqualBudget: true };
  return { kind: 'rerun', overrides, influencers, costA, capped: wholeAt(costA, fee) > influencers };
}
