/** Plain-text phrases shared by the reply, the chart and the export: the verdict, break-evens, robustness. */

import { andList, followersText, formatCount } from '../format';
import { formatMoney, formatMoneyExact, formatPercent, plainNumber } from '../units';
import { type Assumption, type AssumptionKey, exactPercent, raisedPercent } from './assumptions';
import type { Comparison } from './comparison';
import { budgetBuyingMicros, missingReason } from './evaluate';
import type { CountedMetric, Decider, Flip, MicroBreakEven, MicroInput } from './verdict';

/** The counted measures in running text. */
export const MEASURE_LABEL: Record<CountedMetric, string> = {
  reach: 'reach',
  engagements: 'engagements',
  cpe: 'cost per engagement',
  cost_per_order: 'cost per order',
};

/**
 * Both plans are the same accounts and tie on every counted measure: nothing is compared, and a
 * break-even would only say which plan's copy of an input was moved.
 */
function samePlans(c: Comparison): boolean {
  const { a, b } = c.scenario;
  return !a.observed && a.influencers === b.influencers && a.followersEach === b.followersEach && c.verdict.measures.every((m) => m.winner === 'tie');
}

/** "Plan B leads on reach, engagements and cost per engagement; Plan A on cost per order." */
export function verdictHeadline(c: Comparison): string {
  const v = c.verdict;
  if (samePlans(c)) {
    const { influencers: n, followersEach } = c.scenario.a;
    const accounts = n === 1 ? `one influencer with ${followersText(followersEach)}` : `${formatCount(n)} influencers with ${followersText(followersEach)} each`;
    return `${c.scenario.budget === null ? 'Both' : 'At this budget both'} plans are ${accounts}: nothing to compare.`;
  }
  const on = (p: 'A' | 'B') => v.measures.filter((m) => m.winner === p).map((m) => MEASURE_LABEL[m.metric]);
  const ties = v.measures.filter((m) => m.winner === 'tie').map((m) => MEASURE_LABEL[m.metric]);
  if (v.leader === null) return 'The plans cannot be compared on reach, engagements, cost per engagement or cost per order: each is not reported or not defined for one of them.';
  const first: 'A' | 'B' = v.leader === 'B' ? 'B' : 'A';
  const second: 'A' | 'B' = first === 'A' ? 'B' : 'A';
  const parts: string[] = [];
  const total = v.measures.filter((m) => m.winner !== null).length;
  const wins = on(first).length;
  if (wins > 0) parts.push(`Plan ${first} ${v.leader === 'tie' ? 'wins' : 'leads'} on ${andList(on(first))}${total > 1 ? ` (${wins} of ${total})` : ''}`);
  if (on(second).length) parts.push(`Plan ${second} on ${andList(on(second))}`);
  if (ties.length) parts.push(`the plans tie on ${andList(ties)}`);
  const text = parts.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** A value of an input as people write it: "22.885%", "$1,000", "1.25×"; `exact` keeps a source's decimals. */
export function formatInput(unit: Assumption['unit'], value: number, exact = true): string {
  if (unit === 'percent') return exact ? exactPercent(value) : formatPercent(value);
  if (unit === 'money') return exact ? formatMoneyExact(value) : formatMoney(value);
  return `${Number(value.toFixed(2))}×`;
}

/** Whether `x` is the input's expected value where that is Tierbot's raised rate (heldPastEdges), not a source's figure. */
const isRaised = (a: Assumption, x: number): boolean => a.value?.raised === true && x === a.value.expected;

/**
 * An input's value as the reply writes it: formatInput's, and a raised rate with the digits its
 * working gives (22.9448%, 11.49999%), so followers × the rate shown gives the count shown and a
 * break-even beside it reads on the side it is on.
 */
export function workedInputText(a: Assumption, x: number): string {
  return isRaised(a, x) ? raisedPercent(x) : formatInput(a.unit, x);
}

const CENTS = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** One way of writing a value: the power of ten it is rounded to there, and the words. */
interface Form {
  exponent: (x: number) => number;
  write: (x: number) => string;
}

const magnitude = (x: number) => Math.floor(Math.log10(Math.abs(x)));
const significant = (digits: number, suffix: string): Form => ({ exponent: (x) => magnitude(x) - digits + 1, write: (x) => `${plainNumber(x, digits)}${suffix}` });

/**
 * Percentages to three decimals at least, as fine as a sourced rate is given ("22.885%"), and two
 * significant digits below 0.1%: a value one last digit past a break-even is past the true one.
 * Then four, five and six significant digits, never fewer decimals than that.
 */
const percentForm = (digits: number | null): Form => {
  const exponent = (x: number) => Math.min(-3, magnitude(x) - (digits ?? 2) + 1);
  return { exponent, write: (x) => `${plainNumber(x, magnitude(x) - exponent(x) + 1, true)}%` };
};
const PERCENT_FORMS: readonly Form[] = [null, 4, 5, 6].map(percentForm);
/** formatMoney's digits (cents under $1,000, whole dollars to a million, then two decimals of a million, billion…), then cents. */
const MONEY_FORMS: readonly Form[] = [
  { exponent: (x) => (x < 1_000 ? -2 : x < 1e6 ? 0 : 3 * Math.floor(magnitude(x) / 3) - 2), write: formatMoney },
  { exponent: () => -2, write: (x) => `$${CENTS.format(x)}` },
];
const MULTIPLIER_FORMS: readonly Form[] = [{ exponent: () => -2, write: (x) => formatInput('multiplier', x) }, ...[4, 5, 6].map((digits) => significant(digits, '×'))];
const FORMS: Record<Assumption['unit'], readonly Form[]> = { percent: PERCENT_FORMS, money: MONEY_FORMS, multiplier: MULTIPLIER_FORMS };

/**
 * `x` rounded to a multiple of 10^exponent towards `towards`, divided rather than multiplied where
 * the step is a fraction, so 3,934 × 0.01 is 39.34 and not 39.339999…. A break-even within the
 * search's precision of such a multiple is that multiple: the plans often change hands exactly
 * there (where a figure compared to the cent starts to round the other way), and the search
 * stops a hair past it ($156.6900000001 is $156.69, not $156.70).
 */
const SAME_MULTIPLE = 1e-6;
function roundTowards(x: number, exponent: number, towards: 'higher' | 'lower'): number {
  const scale = 10 ** Math.abs(exponent);
  const steps = exponent < 0 ? x * scale : x / scale;
  const nearest = Math.round(steps);
  const whole = Math.abs(steps - nearest) < SAME_MULTIPLE ? nearest : towards === 'higher' ? Math.ceil(steps) : Math.floor(steps);
  return exponent < 0 ? whole / scale : whole * scale;
}

/**
 * A break-even as text, with enough digits that it never reads the same as the expected value
 * ("above 2.28001%" beside "expected 2.28%"), rounded towards the side where the new winner wins
 * (up for "above", down for "under"): the value shown, typed back in, gives that winner. Money
 * stops at cents: a break-even within a cent of the expected fee is `atExpected`.
 */
export function breakEvenText(unit: Assumption['unit'], breakEven: number, expected: number, towards: Flip['towards']): { text: string; atExpected: boolean } {
  const { text, atExpected } = shownBreakEven(unit, breakEven, expected, towards);
  return { text, atExpected };
}

/** breakEvenText, and the power of ten its last written digit stands for ("39.33%": −2; "$16": 0). */
function shownBreakEven(unit: Assumption['unit'], breakEven: number, expected: number, towards: Flip['towards']): { text: string; atExpected: boolean; value: number; lastDigit: number } {
  const forms = FORMS[unit];
  const shown = (form: Form) => {
    const exponent = breakEven === 0 ? 0 : form.exponent(breakEven);
    const value = breakEven === 0 ? 0 : roundTowards(breakEven, exponent, towards);
    const text = form.write(value);
    return { text, value, lastDigit: lastWrittenDigit(text, exponent) };
  };
  for (const form of forms) {
    const s = shown(form);
    if (s.text !== form.write(expected)) return { ...s, atExpected: false };
  }
  return { ...shown(forms[forms.length - 1]!), atExpected: true };
}

/**
 * The power of ten of a written value's last digit: its decimals ("39.33%": −2, "$16.50": −2),
 * units for a whole number ("$16", "40%"), the digits rounded to for "$1.25M".
 */
function lastWrittenDigit(text: string, exponent: number): number {
  if (/\d[KMBT]/.test(text)) return exponent;
  const decimals = /\.(\d+)/.exec(text)?.[1]?.length;
  return decimals === undefined ? Math.max(0, exponent) : -decimals;
}

/** `x` to the nearest multiple of 10^exponent, as a whole count of them. */
const nearestSteps = (x: number, exponent: number) => Math.round(exponent < 0 ? x * 10 ** -exponent : x / 10 ** exponent);

/** Two written values that read the same to the coarser one's last digit; 0 reads as nothing else. */
function readAlike(x: { value: number; lastDigit: number }, y: { value: number; lastDigit: number }): boolean {
  if (x.value === 0 || y.value === 0) return x.value === y.value;
  const coarser = Math.max(x.lastDigit, y.lastDigit);
  return nearestSteps(x.value, coarser) === nearestSteps(y.value, coarser);
}

/**
 * "Plan A wins cost per order under $606.69, cost per engagement under $679.75": one clause per
 * winner. Break-evens on one side that read the same to the coarser of their written digits
 * ("39.33%" and "39.331%", both 39.33%) are one break-even, written once at the one farther on
 * the winner's side ("cost per order and reach above 39.331%"), so the value shown, typed back
 * in, gives that winner on every measure named.
 */
export function flipsText(c: Comparison, d: Decider): string {
  const input = c.scenario.assumptions[d.key];
  const expected = input.value?.expected ?? 0;
  const clauses: string[] = [];
  for (const winner of ['A', 'B'] as const) {
    const groups: { towards: Flip['towards']; farthest: Flip; shown: ReturnType<typeof shownBreakEven>; measures: string[] }[] = [];
    for (const f of d.flips.filter((x) => x.winner === winner)) {
      const shown = shownBreakEven(input.unit, f.breakEven, expected, f.towards);
      const same = groups.find((g) => g.towards === f.towards && readAlike(g.shown, shown));
      if (!same) {
        groups.push({ towards: f.towards, farthest: f, shown, measures: [MEASURE_LABEL[f.metric]] });
        continue;
      }
      same.measures.push(MEASURE_LABEL[f.metric]);
      if (f.towards === 'higher' ? f.breakEven > same.farthest.breakEven : f.breakEven < same.farthest.breakEven) {
        same.farthest = f;
        same.shown = shown;
      }
    }
    const parts = groups.map(({ towards, shown: { text, atExpected }, measures }) => {
      const side = towards === 'higher' ? 'above' : 'under';
      return `${measures.join(' and ')} ${atExpected ? `just ${side} the expected ${text}` : `${side} ${text}`}`;
    });
    if (parts.length) clauses.push(`Plan ${winner} wins ${parts.join(', ')}`);
  }
  return clauses.join('; ');
}

/** "Plan A fee (expected $1,000)". */
function inputAtExpected(c: Comparison, key: AssumptionKey, note = ''): string {
  const input = c.scenario.assumptions[key];
  return `${input.label} (expected ${workedInputText(input, input.value!.expected)}${note ? `; ${note}` : ''})`;
}

/** "Plan A fee (expected $1,000): Plan A wins cost per order under $606.69, …": an input and where the plans change hands. */
export function breakEvenLine(c: Comparison, d: Decider): string {
  return `${inputAtExpected(c, d.key)}: ${flipsText(c, d)}`;
}

/** A micro-influencer input as the words "at any …" need it. */
const MICRO_INPUT_NOUN: Record<MicroInput, string> = { fee_b: 'micro fee', engagement_rate_b: 'micro engagement rate' };

/**
 * "Plan B fee each (expected $100): Plan A wins cost per order above $164.83, cost per engagement
 * above $147.12": where the plans change hands, as a deciding input's line says it, then the
 * measures on which they do not, in plain words ("Plan A wins cost per engagement at any micro
 * fee", "Plan B wins cost per order, which it does not change").
 */
export function microBreakEvenLine(c: Comparison, b: MicroBreakEven): string {
  const noun = MICRO_INPUT_NOUN[b.key];
  const none = b.throughout.map(({ metric, winner, moves }) => {
    const measure = MEASURE_LABEL[metric];
    if (winner === null) {
      const plan = c.a.metrics[metric] === null ? c.a : c.b;
      return `${measure} is ${missingReason(plan, metric)} for Plan ${plan.plan}`;
    }
    if (!moves) return `${winner === 'tie' ? 'the plans tie on' : `Plan ${winner} wins`} ${measure}, which it does not change`;
    return winner === 'tie' ? `the plans tie on ${measure} at any ${noun}` : `Plan ${winner} wins ${measure} at any ${noun}`;
  });
  const ties = b.flips.length ? [flipsText(c, { key: b.key, flips: b.flips })] : [];
  // With a budget, the fee also sets how many micro-influencers it buys: say why reach moves with it.
  const budget = b.key === 'fee_b' ? budgetBuyingMicros(c.scenario) : null;
  const buys = budget === null ? '' : `the budget, ${formatMoneyExact(budget)}, buys more micro-influencers at a lower fee and fewer at a higher one`;
  return `${inputAtExpected(c, b.key, buys)}: ${[...ties, ...none].join('; ')}`;
}

/**
 * The verdict's robustness when nothing flips it. It holds across every input's range: the
 * sourced ones and Tierbot's own assumptions (click-through, overlap, frequency) alike.
 */
export const HOLDS_TEXT = 'The verdict holds across every sourced range, and across the ranges of Tierbot’s own assumptions.';

/** Each input in running text, once its label has been given: "once click-through is under 0.021%". */
const INPUT_NOUN: Record<AssumptionKey, string> = {
  reach_rate_a: 'Plan A’s reach rate',
  reach_rate_b: 'Plan B’s reach rate',
  engagement_rate_a: 'Plan A’s engagement rate',
  engagement_rate_b: 'Plan B’s engagement rate',
  fee_a: 'Plan A’s fee',
  fee_b: 'Plan B’s fee',
  frequency: 'impressions per reached account',
  click_through: 'click-through',
  conversion: 'conversion',
  order_value: 'the order value',
  overlap: 'overlap',
};

/**
 * When no input changes a winner alone but all of them together at their worst for it do: the
 * inputs that matter most, then what happens at those extremes, each input's break-even taken
 * with every other input at its worst ("Depends on: Click-through … and Audience overlap …, but
 * only at the extremes: with every other input at its worst for Plan B, Plan A wins cost per
 * order once click-through is under 0.021% or overlap is above 36.4%.").
 */
function jointlyText(c: Comparison, jointly: NonNullable<Comparison['verdict']['jointly']>): string {
  const { metric, deciders } = jointly;
  const measure = MEASURE_LABEL[metric];
  const hurt = c.verdict.measures.find((m) => m.metric === metric)!.winner;
  const gains = hurt === 'A' ? 'B' : 'A';
  const names = andList(deciders.map((d) => c.scenario.assumptions[d.key].label));
  // Inputs with a break-even are named alone when any has one (verdict.ts): all or none have one.
  if (!deciders.some((d) => d.flips.length)) {
    return `Depends on: ${names} most, but only at the extremes: Plan ${gains} wins ${measure} only with every input at its worst for Plan ${hurt}; no single input has a break-even within its range.`;
  }
  const once = deciders.map((d) => {
    const input = c.scenario.assumptions[d.key];
    const flip = d.flips[0]!;
    return `${INPUT_NOUN[d.key]} is ${flip.towards === 'higher' ? 'above' : 'under'} ${breakEvenText(input.unit, flip.breakEven, input.value!.expected, flip.towards).text}`;
  });
  return `Depends on: ${names}, but only at the extremes: with every other input at its worst for Plan ${hurt}, Plan ${gains} wins ${measure} once ${once.join(' or ')}.`;
}

/** The verdict's robustness in plain words: HOLDS_TEXT, or "Depends on: …"; nothing when the plans are the same. */
export function robustnessText(c: Comparison, max = 2): string {
  const v = c.verdict;
  if (v.leader === null || samePlans(c)) return '';
  if (v.holds) return HOLDS_TEXT;
  if (v.deciders.length === 0 && v.jointly) return jointlyText(c, v.jointly);
  const parts = v.deciders.slice(0, max).map((d) => `${c.scenario.assumptions[d.key].label} (${flipsText(c, d)})`);
  return `Depends on: ${andList(parts)}.`;
}
