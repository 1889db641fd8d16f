/** Plain-text phrases shared by the reply, the chart and the export: the verdict, break-evens, robustness. */

import { andList, formatCount } from '../format';
import { formatMoney, formatMoneyExact, formatPercent, plainNumber } from '../units';
import { type Assumption, type AssumptionKey, audienceText, exactPercent, type RaisedForm } from './assumptions';
import type { Comparison } from './comparison';
import { budgetBuyingMicros, missingReason } from './evaluate';
import type { CountedMetric, Decider, Flip, MicroBreakEven } from './verdict';

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
    const audience = audienceText(followersEach, c.scenario.platform);
    const accounts = n === 1 ? `one influencer with ${audience}` : `${formatCount(n)} influencers with ${audience} each`;
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

/**
 * An input's value as a reply writes it: formatInput's, and Tierbot's raised rate in `form`: at a
 * glance in the main reply (22.945%, which gives the 22,945 people beside it), with its working's
 * digits on the Assumptions page (22.9448%, which the fees priced at it check against).
 */
export function workedInputText(a: Assumption, x: number, form: RaisedForm): string {
  const raised = a.value?.raised;
  return raised !== undefined && x === a.value!.expected ? raised[form] : formatInput(a.unit, x);
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
 * significant digits below 0.1%, so the plans change hands within one last digit of the value
 * written, on the side of the winner it names: no rate typed to a source's digits falls between.
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
 * A break-even as text, in the first of its unit's forms at which neither it nor the true
 * break-even reads the same as the expected value ("above 39.172%" beside "expected 0%"; "above
 * 2.28004%" beside "expected 2.28%", where 2.281% would hide how close the two are), rounded
 * towards the side where the new winner wins (up for "above", down for "under"): the value shown,
 * typed back in, gives that winner, and the plans change hands within one last digit of it.
 * Money stops at cents: a break-even within a cent of the expected fee is `atExpected`.
 */
export function breakEvenText(unit: Assumption['unit'], breakEven: number, expected: number, towards: Flip['towards']): { text: string; atExpected: boolean } {
  const { text, atExpected } = shownBreakEven(unit, breakEven, expected, towards);
  return { text, atExpected };
}

/** A break-even as written: breakEvenText's, the form it is written in, and the power of ten its last written digit stands for ("39.33%": −2; "$16": 0). */
interface ShownBreakEven {
  text: string;
  atExpected: boolean;
  value: number;
  form: Form;
  lastDigit: number;
}

function shownBreakEven(unit: Assumption['unit'], breakEven: number, expected: number, towards: Flip['towards']): ShownBreakEven {
  const forms = FORMS[unit];
  const shown = (form: Form) => {
    const exponent = breakEven === 0 ? 0 : form.exponent(breakEven);
    const value = breakEven === 0 ? 0 : roundTowards(breakEven, exponent, towards);
    const text = form.write(value);
    return { text, value, form, lastDigit: lastWrittenDigit(text, exponent) };
  };
  for (const form of forms) {
    const s = shown(form);
    const atExpected = form.write(expected);
    // Money is typed in cents, so the cent past a break-even is where it is typed; a rate is read
    // to its digits, and one that rounds onto the expected value would hide how close the two are.
    if (s.text !== atExpected && (unit === 'money' || form.write(breakEven) !== atExpected)) return { ...s, atExpected: false };
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
 * What a break-even is a value of, as "at a fee under $608.28" says it: `short` where the input's
 * label comes just before ("Plan A fee (expected $1,000): Plan A wins cost per order at a fee
 * under $608.28"), `full` where it does not ("at a Plan A fee under $608.28"). `each`: said after
 * every amount in the `full` form, for an input that is each influencer's ("at a Plan B fee under
 * $99.99 each"); in the `short` form the label before says it ("Plan B fee each").
 */
const VALUE_OF: Record<AssumptionKey, { short: string; full: string; each?: true }> = {
  reach_rate_a: { short: 'a reach rate', full: 'a Plan A reach rate' },
  reach_rate_b: { short: 'a reach rate', full: 'a Plan B reach rate' },
  engagement_rate_a: { short: 'an engagement rate', full: 'a Plan A engagement rate' },
  engagement_rate_b: { short: 'an engagement rate', full: 'a Plan B engagement rate' },
  fee_a: { short: 'a fee', full: 'a Plan A fee' },
  fee_b: { short: 'a fee', full: 'a Plan B fee', each: true },
  frequency: { short: 'a frequency', full: 'impressions per reached account' },
  click_through: { short: 'a click-through', full: 'a click-through' },
  conversion: { short: 'a conversion', full: 'a conversion' },
  order_value: { short: 'an order value', full: 'an order value' },
  overlap: { short: 'an overlap', full: 'an overlap' },
};

/** "a fee" → "fee": the input as "at any fee" and "which no fee changes" need it. */
const bare = (key: AssumptionKey) => VALUE_OF[key].short.replace(/^an? /, '');

/** One break-even as flipsText writes it: the measures it decides, its side and how it is written. */
interface BreakEvenGroup {
  towards: Flip['towards'];
  farthest: Flip;
  shown: ShownBreakEven;
  measures: string[];
}

/**
 * A decider's break-evens, by winner. Break-evens on one side that read the same to the coarser
 * of their written digits ("39.33%" and "39.331%", both 39.33%) are one break-even, written once
 * at the one farther on the winner's side, so the value shown, typed back in, gives that winner
 * on every measure named.
 */
function breakEvenGroups(c: Comparison, d: Decider): { winner: 'A' | 'B'; groups: BreakEvenGroup[] }[] {
  const input = c.scenario.assumptions[d.key];
  const expected = input.value?.expected ?? 0;
  return (['A', 'B'] as const).flatMap((winner) => {
    const groups: BreakEvenGroup[] = [];
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
    return groups.length ? [{ winner, groups }] : [];
  });
}

/**
 * "Plan A wins cost per order at a fee under $606.69, and cost per engagement under $679.75": for
 * each winner, what it wins and at what value of the input (VALUE_OF: `short` after the input's
 * label, `full` without it), so the threshold never reads as the measure's own figure.
 */
export function flipsText(c: Comparison, d: Decider, valueOf: 'short' | 'full' = 'short'): string {
  const value = VALUE_OF[d.key][valueOf];
  const each = valueOf === 'full' && VALUE_OF[d.key].each ? ' each' : '';
  return breakEvenGroups(c, d)
    .map(({ winner, groups }) => {
      const parts = groups.map(({ towards, shown: { text, atExpected }, measures }, i) => {
        const side = towards === 'higher' ? 'above' : 'under';
        const threshold = atExpected ? `just ${side} the expected ${text}${each}` : `${side} ${text}${each}`;
        return `${measures.join(' and ')}${i === 0 ? ` at ${value}` : ''} ${threshold}`;
      });
      // "a, and b"; "a, b, and c": the measures within a part are already joined by "and".
      const last = parts.length > 1 ? `, and ${parts.pop()!}` : '';
      return `Plan ${winner} wins ${parts.join(', ')}${last}`;
    })
    .join('; ');
}

/**
 * "Plan A fee (expected $1,000)". Every expected value is written to its last digit but a raised
 * rate at a glance ("22.945%" for 22.9448%): that one has at least the digits of the break-evens
 * beside it (`finest`), so that one a last digit past it never reads on the wrong side of it
 * ("expected 22.9448%: … above 22.9449%", not "expected 22.945%").
 */
function inputAtExpected(c: Comparison, key: AssumptionKey, form: RaisedForm, note = '', finest?: ShownBreakEven): string {
  const input = c.scenario.assumptions[key];
  const expected = input.value!.expected;
  const own = workedInputText(input, expected, form);
  const rounded = input.value!.raised !== undefined && form === 'glance';
  const finer = rounded && finest !== undefined && finest.lastDigit < lastWrittenDigit(own, 0);
  return `${input.label} (expected ${finer ? finest.form.write(expected) : own}${note ? `; ${note}` : ''})`;
}

/** The break-even of `d` written with the most digits, which the expected value beside it needs as well. */
function finestBreakEven(c: Comparison, d: Decider): ShownBreakEven | undefined {
  const shown = breakEvenGroups(c, d).flatMap(({ groups }) => groups.map((g) => g.shown));
  return shown.reduce<ShownBreakEven | undefined>((finest, x) => (finest === undefined || x.lastDigit < finest.lastDigit ? x : finest), undefined);
}

/** "Plan A fee (expected $1,000): Plan A wins cost per order at a fee under $606.69, …": an input and where the plans change hands, as the main reply gives it. */
export function breakEvenLine(c: Comparison, d: Decider): string {
  return `${inputAtExpected(c, d.key, 'glance', '', finestBreakEven(c, d))}: ${flipsText(c, d)}`;
}

/**
 * "Plan B fee each (expected $100): Plan A wins cost per order at a fee above $164.83, and cost per
 * engagement above $147.12": where the plans change hands, as a deciding input's line says it,
 * then the measures on which they do not, in plain words ("Plan A wins cost per engagement at any
 * fee", "Plan B wins cost per order, which no engagement rate changes").
 */
export function microBreakEvenLine(c: Comparison, b: MicroBreakEven): string {
  const noun = bare(b.key);
  const none = b.throughout.map(({ metric, winner, moves }) => {
    const measure = MEASURE_LABEL[metric];
    if (winner === null) {
      const plan = c.a.metrics[metric] === null ? c.a : c.b;
      return `${measure} is ${missingReason(plan, metric)} for Plan ${plan.plan}`;
    }
    const wins = winner === 'tie' ? `the plans tie on ${measure}` : `Plan ${winner} wins ${measure}`;
    return moves ? `${wins} at any ${noun}` : `${wins}, which no ${noun} changes`;
  });
  const decider = { key: b.key, flips: b.flips };
  const ties = b.flips.length ? [flipsText(c, decider)] : [];
  // With a budget, the fee also sets how many micro-influencers it buys: say why reach moves with it.
  const budget = b.key === 'fee_b' ? budgetBuyingMicros(c.scenario) : null;
  const buys = budget === null ? '' : `the budget, ${formatMoneyExact(budget)}, buys more micro-influencers at a lower fee and fewer at a higher one`;
  return `${inputAtExpected(c, b.key, 'working', buys, finestBreakEven(c, decider))}: ${[...ties, ...none].join('; ')}`;
}

/**
 * The verdict's robustness when nothing flips it. It holds across every input's range: the
 * sourced ones and Tierbot's own assumptions (click-through, overlap, frequency) alike.
 */
export const HOLDS_TEXT = 'The verdict holds across every sourced range, and across the ranges of Tierbot’s own assumptions.';

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
