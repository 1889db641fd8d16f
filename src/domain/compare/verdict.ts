/**
 * The verdict. Only measures that do not follow from one another are counted: reach, engagements,
 * cost per engagement and cost per order. Each input with a range is moved alone to each end of
 * it; an input that changes a measure's winner decides it, and its break-even value is where the
 * new winner starts to win. The plans tie on a measure when its figures read the same, as
 * compare.csv writes them (comparedValue). A measure the plans tie on at the expected values is
 * decided by any input that gives one plan the win within its range. The verdict
 * "holds across every sourced range" (and across the ranges of Tierbot's own assumptions) when no
 * input does, not even all of them together at the ends that hurt the winner.
 */

import type { MetricName, Metrics } from '../funnel';
import { MAX_MONEY, SMALLEST_PERCENT } from '../units';
import type { Assumption, AssumptionKey, Scenario } from './assumptions';
import { budgetBuyingMicros, consistentVariants, type Ends, evaluate, type Setting, withConsistentFees } from './evaluate';
import { comparedValue } from './precision';
import { MAX_PERCENT, SMALLEST_FEE } from './options';

/** The measures counted in the verdict: the others follow from these (or from one shared rate). */
export const COUNTED = ['reach', 'engagements', 'cpe', 'cost_per_order'] as const;
export type CountedMetric = (typeof COUNTED)[number];

export const BETTER: Record<MetricName, 'higher' | 'lower' | null> = {
  followers: null,
  influencers: null,
  reach: 'higher',
  impressions: 'higher',
  engagements: 'higher',
  visits: 'higher',
  orders: 'higher',
  revenue: 'higher',
  cost: 'lower',
  cpe: 'lower',
  cpm: 'lower',
  cost_per_order: 'lower',
  roi: 'higher',
  roas: 'higher',
};

export const METRIC_LABEL: Record<MetricName, string> = {
  followers: 'Followers',
  influencers: 'Influencers',
  reach: 'Reach',
  impressions: 'Impressions',
  engagements: 'Engagements',
  visits: 'Website visits',
  orders: 'Orders',
  revenue: 'Revenue',
  cost: 'Cost',
  cpe: 'Cost per engagement',
  cpm: 'CPM',
  cost_per_order: 'Cost per order',
  roi: 'ROI',
  roas: 'ROAS',
};

/** 'tie' when both read the same (comparedValue); null when either side is not reported or not defined (countedValue). */
export type Winner = 'A' | 'B' | 'tie' | null;

/** Equal but for floating-point noise (a relative 1e-9). */
export function nearlyEqual(x: number, y: number): boolean {
  return x === y || Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y));
}

/** Who is better on `metric`, comparing the figures as shown (comparedValue): equal there is a tie. */
export function winnerOf(metric: CountedMetric, a: number | null, b: number | null): Winner {
  if (a === null || b === null) return null;
  const [x, y] = [comparedValue(metric, a), comparedValue(metric, b)];
  if (x === y) return 'tie';
  return (x < y) === (BETTER[metric] === 'lower') ? 'A' : 'B';
}

/** What a cost per engagement or per order divides by. */
const DIVISOR: Partial<Record<CountedMetric, MetricName>> = { cpe: 'engagements', cost_per_order: 'orders' };

/**
 * A plan's figure on a counted measure as the plans are compared on it. A plan that pays and gets
 * no engagements (or orders) has no cost per engagement (or order) but is worse on it than any
 * plan that gets some: Infinity. Null when the figure is not reported, or when nothing was paid.
 */
export function countedValue(m: Metrics, metric: CountedMetric): number | null {
  const value = m[metric];
  const divisor = DIVISOR[metric];
  if (value !== null || divisor === undefined) return value;
  return m[divisor] === 0 && (m.cost ?? 0) > 0 ? Infinity : null;
}

/** Who is better on `metric` in one evaluation of both plans. */
function winnerIn({ A, B }: { A: Metrics; B: Metrics }, metric: CountedMetric): Winner {
  return winnerOf(metric, countedValue(A, metric), countedValue(B, metric));
}

function winnerAt(s: Scenario, metric: CountedMetric, setting: Setting): Winner {
  return winnerIn(evaluate(s, setting), metric);
}

/**
 * How far Plan A is ahead on `metric` (negative: Plan B is ahead), unrounded; null when not
 * comparable. A lead over a plan with no engagements or orders for its money is the largest
 * number rather than Infinity, so that leads can still be subtracted.
 */
function leadOf(at: { A: Metrics; B: Metrics }, metric: CountedMetric): number | null {
  const a = countedValue(at.A, metric);
  const b = countedValue(at.B, metric);
  if (a === null || b === null) return null;
  if (nearlyEqual(a, b)) return 0;
  const lead = BETTER[metric] === 'higher' ? a - b : b - a;
  return Math.max(-Number.MAX_VALUE, Math.min(Number.MAX_VALUE, lead));
}

export interface Flip {
  metric: CountedMetric;
  /**
   * The input's value from which `winner` wins this measure (towards `towards`): the edge of its
   * win, on its side, unrounded. Shown rounded further towards `towards`, it stays a value where
   * `winner` wins.
   */
  breakEven: number;
  /** Beyond the break-even (towards `towards`), this plan wins. */
  winner: 'A' | 'B';
  towards: 'higher' | 'lower';
  /** The plans tie on this measure at the expected values: a move towards `towards` breaks the tie for `winner`. */
  fromTie: boolean;
}

export interface Decider {
  key: AssumptionKey;
  flips: Flip[];
}

export interface Verdict {
  measures: { metric: CountedMetric; winner: Winner }[];
  /** The plan that wins more counted measures; 'tie' when even; null when none can be compared. */
  leader: 'A' | 'B' | 'tie' | null;
  /** True when no input, alone or all together at their worst ends, changes a counted winner. */
  holds: boolean;
  /** Inputs that alone change a counted winner within their range, the most decisive first. */
  deciders: Decider[];
  /**
   * When no input does it alone but all together do: the measure, and the two inputs that matter
   * most, each with its break-even while every other input stays at the end that hurts the winner
   * (no flip when it has none within its range). Only inputs with a break-even are named when any
   * has one, so there may be one.
   */
  jointly: { metric: CountedMetric; deciders: Decider[] } | null;
}

const IMPORTANCE: Record<CountedMetric, number> = { cost_per_order: 4, cpe: 3, engagements: 2, reach: 1 };

/**
 * The value of one input between `from`, where `winner` does not win `metric`, and `to`, where it
 * does, from which it wins: `settingAt(x)` is the scenario with that input at x. Bisection, keeping
 * the end where `winner` wins, so the value returned is one. The lead is monotone in one input, so
 * past the value returned there is only `winner` or a tie as shown, never the other plan.
 */
function breakEvenOf(s: Scenario, metric: CountedMetric, winner: 'A' | 'B', from: number, to: number, settingAt: (x: number) => Setting): number {
  let [without, within] = [from, to];
  for (let i = 0; i < 200; i++) {
    const middle = (without + within) / 2;
    if (middle === without || middle === within) break;
    if (winnerAt(s, metric, settingAt(middle)) === winner) within = middle;
    else without = middle;
    if (Math.abs(within - without) <= 1e-12 * Math.max(Math.abs(without), Math.abs(within))) break;
  }
  return within;
}

/**
 * The change of hands on `metric` between one input's `expected` value, where `winner` wins, and
 * `end` (the scenario there being `at`), with the break-even between them; null when the winner
 * at `end` is the same. A tie at the very end is not a change of hands.
 */
function flipTowards(s: Scenario, key: AssumptionKey, metric: CountedMetric, winner: Winner, expected: number, end: number, at: { A: Metrics; B: Metrics }): Flip | null {
  const there = winnerIn(at, metric);
  if (there === winner || there === null || there === 'tie') return null;
  const breakEven = breakEvenOf(s, metric, there, expected, end, (x) => ({ [key]: x }));
  return { metric, breakEven, winner: there, towards: end > expected ? 'higher' : 'lower', fromTie: winner === 'tie' };
}

/** Inputs whose range is a real spread: the ones that can move a verdict. */
function variable(s: Scenario): Assumption[] {
  return Object.values(s.assumptions).filter((a) => a.value !== null && a.value.low < a.value.high);
}

/**
 * One of the inputs that change `metric`'s winner only together: its break-even with every other
 * input at the end that hurts the winner (`worst`, one of the consistent scenarios there, fees
 * priced at its engagement rates), searched across its own range. No flip when the plans do not
 * change hands between its ends there: the others alone decide.
 */
function jointDecider(s: Scenario, metric: CountedMetric, key: AssumptionKey, worst: Setting, ends: Ends, newWinner: 'A' | 'B'): Decider {
  const { low, high } = s.assumptions[key].value!;
  // A fee moved by hand is not re-priced by the rules; a moved engagement rate re-prices its fee.
  const { [key]: _moved, ...othersEnds } = ends;
  const settingAt = (x: number) => withConsistentFees(s, { ...worst, [key]: x }, othersEnds);
  // A rule-priced fee in `worst` is at a rule's price, not at an end of its range: its end is in `ends`.
  const worstIsLow = worst[key] === low || (worst[key] !== high && ends[key] === 'low');
  const [worstEnd, otherEnd] = worstIsLow ? [low, high] : [high, low];
  if (winnerAt(s, metric, settingAt(worstEnd)) !== newWinner || winnerAt(s, metric, settingAt(otherEnd)) === newWinner) return { key, flips: [] };
  const breakEven = breakEvenOf(s, metric, newWinner, otherEnd, worstEnd, settingAt);
  return { key, flips: [{ metric, breakEven, winner: newWinner, towards: worstEnd > otherEnd ? 'higher' : 'lower', fromTie: false }] };
}

export function verdictOf(s: Scenario, expected: { A: Metrics; B: Metrics }): Verdict {
  const measures = COUNTED.map((metric) => ({ metric, winner: winnerIn(expected, metric) }));
  const wins = (p: 'A' | 'B') => measures.filter((m) => m.winner === p).length;
  const comparable = measures.filter((m) => m.winner !== null).length;
  const leader = comparable === 0 ? null : wins('A') > wins('B') ? 'A' : wins('B') > wins('A') ? 'B' : 'tie';

  const deciders: Decider[] = [];
  const closeness = new Map<AssumptionKey, number>();
  // Each input alone at each end of its range, the others expected: evaluated once, used twice.
  const atEnds = new Map(variable(s).map((a) => [a.key, [a.value!.low, a.value!.high].map((end) => ({ end, at: evaluate(s, { [a.key]: end }) }))]));
  for (const a of variable(s)) {
    const range = a.value!;
    const flips: Flip[] = [];
    let closest = Infinity;
    const ends = atEnds.get(a.key)!.filter(({ end }) => end !== range.expected);
    for (const { metric, winner } of measures) {
      if (winner === null) continue;
      for (const { end, at } of ends) {
        const flip = flipTowards(s, a.key, metric, winner, range.expected, end, at);
        if (!flip) continue;
        flips.push(flip);
        closest = Math.min(closest, Math.abs(flip.breakEven - range.expected) / Math.abs(end - range.expected));
        // A winner loses towards one end at most (the lead is monotone); a tie can break either way.
        if (!flip.fromTie) break;
      }
    }
    if (flips.length) {
      flips.sort((x, y) => IMPORTANCE[y.metric] - IMPORTANCE[x.metric]);
      deciders.push({ key: a.key, flips });
      closeness.set(a.key, closest);
    }
  }
  const top = (d: Decider) => Math.max(...d.flips.map((f) => IMPORTANCE[f.metric]));
  deciders.sort((x, y) => top(y) - top(x) || y.flips.length - x.flips.length || closeness.get(x.key)! - closeness.get(y.key)!);

  // No input flips a measure alone: do they all together, each at the end that hurts the winner?
  let jointly: Verdict['jointly'] = null;
  const flipped = new Set(deciders.flatMap((d) => d.flips.map((f) => f.metric)));
  for (const { metric, winner } of measures) {
    if ((winner !== 'A' && winner !== 'B') || flipped.has(metric) || jointly) continue;
    const sign = winner === 'A' ? 1 : -1;
    const setting: Setting = {};
    const ends: Ends = {};
    const effect: { key: AssumptionKey; size: number }[] = [];
    const base = (leadOf(expected, metric) ?? 0) * sign;
    for (const a of variable(s)) {
      const [lo, hi] = atEnds.get(a.key)!.map(({ at }) => (leadOf(at, metric) ?? 0) * sign);
      ends[a.key] = lo! <= hi! ? 'low' : 'high';
      setting[a.key] = ends[a.key] === 'low' ? a.value!.low : a.value!.high;
      effect.push({ key: a.key, size: base - Math.min(lo!, hi!) });
    }
    // Of the consistent scenarios at these ends, the first where the winner loses, if any.
    const lost = consistentVariants(s, setting, ends)
      .map((worst) => ({ worst, there: winnerAt(s, metric, worst) }))
      .find(({ there }) => there !== winner && there !== null && there !== 'tie');
    if (lost) {
      const { worst, there } = lost as { worst: Setting; there: 'A' | 'B' };
      // The inputs that move the lead most, keeping those with a break-even: an input that scales both
      // plans alike (click-through against two estimated plans) moves the lead without deciding anything.
      const byEffect = effect.sort((x, y) => y.size - x.size).map((e) => jointDecider(s, metric, e.key, worst, ends, there));
      const deciding = byEffect.filter((d) => d.flips.length);
      jointly = { metric, deciders: (deciding.length ? deciding : byEffect).slice(0, 2) };
    }
  }
  return { measures, leader, holds: deciders.length === 0 && jointly === null, deciders, jointly };
}

// ── Break-evens of the micro-influencers' inputs ──────────────────────────────────────────────

/**
 * The inputs whose break-evens are always given (the Assumptions page), and the counted measures
 * said to be won throughout when they do not change hands: cost per engagement, and cost per
 * order (which ROI follows only when both plans' orders are worth the same).
 */
const MICRO_INPUTS = ['fee_b', 'engagement_rate_b'] as const;
export type MicroInput = (typeof MICRO_INPUTS)[number];
const MICRO_MEASURES = ['cpe', 'cost_per_order'] as const satisfies readonly CountedMetric[];
export type MicroMeasure = (typeof MICRO_MEASURES)[number];
const isMicroMeasure = (m: CountedMetric): m is MicroMeasure => (MICRO_MEASURES as readonly CountedMetric[]).includes(m);

/**
 * Where the break-evens are looked for: every value the option accepts, not only the input's
 * sourced range, since the question is at what fee or rate the plans tie. The smallest is a cent
 * or the smallest percentage kept, not 0, where a cost per engagement would divide by zero. With
 * a budget, a micro fee runs up to the budget: a dearer one buys no micro-influencer.
 */
function acceptedValues(s: Scenario, key: MicroInput): readonly [number, number] {
  if (key === 'engagement_rate_b') return [SMALLEST_PERCENT, MAX_PERCENT];
  return [SMALLEST_FEE, budgetBuyingMicros(s) ?? MAX_MONEY];
}

export interface MicroBreakEven {
  key: MicroInput;
  /** Where the plans change hands, moving this input alone (the others expected), as a decider's flips. */
  flips: Flip[];
  /**
   * The measures on which no value of the input changes hands: who wins at every value
   * (`moves`: whether the input changes that measure at all); null winner when the measure is
   * not reported or not defined for a plan.
   */
  throughout: { metric: MicroMeasure; winner: Winner; moves: boolean }[];
}

/**
 * The micro fee and the micro engagement rate at which the plans change hands on cost per
 * engagement, cost per order, or another counted measure, each moved alone, found as the verdict finds a decider's
 * break-even, whether or not that input decides the verdict.
 */
export function microBreakEvens(s: Scenario): MicroBreakEven[] {
  const expected = evaluate(s);
  return MICRO_INPUTS.map((key) => {
    const value = s.assumptions[key].value!.expected;
    const ends = acceptedValues(s, key).map((end) => ({ end, at: evaluate(s, { [key]: end }) }));
    const flips: Flip[] = [];
    const throughout: MicroBreakEven['throughout'] = [];
    // Every counted measure's change of hands is given, as a decider's are (the micro engagement
    // rate moves engagements with cost per engagement); only MICRO_MEASURES are said not to change.
    for (const metric of COUNTED) {
      const winner = winnerIn(expected, metric);
      const found = winner === null ? [] : ends.filter(({ end }) => end !== value).flatMap(({ end, at }) => flipTowards(s, key, metric, winner, value, end, at) ?? []);
      if (found.length) flips.push(...found);
      else if (isMicroMeasure(metric)) {
        // Cost per order, for one, does not follow the engagement rate at all: a like is never a visit.
        const leads = [expected, ...ends.map((e) => e.at)].map((x) => leadOf(x, metric) ?? 0);
        throughout.push({ metric, winner, moves: !leads.every((l) => nearlyEqual(l, leads[0]!)) });
      }
    }
    // In the order the main reply gives a decider's, the most important measure first.
    flips.sort((x, y) => IMPORTANCE[y.metric] - IMPORTANCE[x.metric]);
    return { key, flips, throughout };
  });
}
