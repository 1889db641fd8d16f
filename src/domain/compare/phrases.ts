/** Plain-text phrases shared by the reply, the chart and the export: the verdict, break-evens, robustness. */

import { formatMoney, formatPercent, plainNumber } from '../units';
import { type Assumption, type AssumptionKey, exactPercent } from './assumptions';
import type { Comparison } from './comparison';
import { missingReason } from './evaluate';
import type { Decider, MicroBreakEven, MicroInput, TieMetric } from './verdict';

/** The counted measures, and ROI, in running text. */
export const MEASURE_LABEL: Record<TieMetric, string> = {
  reach: 'reach',
  engagements: 'engagements',
  cpe: 'cost per engagement',
  cost_per_order: 'cost per order',
  roi: 'ROI',
};

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "Plan B leads on reach, engagements and cost per engagement; Plan A on cost per order." */
export function verdictHeadline(c: Comparison): string {
  const v = c.verdict;
  const on = (p: 'A' | 'B') => v.measures.filter((m) => m.winner === p).map((m) => MEASURE_LABEL[m.metric]);
  const ties = v.measures.filter((m) => m.winner === 'tie').map((m) => MEASURE_LABEL[m.metric]);
  if (v.leader === null) return 'The plans cannot be compared on reach, engagements, cost per engagement or cost per order: each is not reported or not defined for one of them.';
  const first: 'A' | 'B' = v.leader === 'B' ? 'B' : 'A';
  const second: 'A' | 'B' = first === 'A' ? 'B' : 'A';
  const parts: string[] = [];
  const total = v.measures.filter((m) => m.winner !== null).length;
  const wins = on(first).length;
  if (wins > 0) parts.push(`Plan ${first} ${v.leader === 'tie' ? 'wins' : 'leads'} on ${list(on(first))}${total > 1 ? ` (${wins} of ${total})` : ''}`);
  if (on(second).length) parts.push(`Plan ${second} on ${list(on(second))}`);
  if (ties.length) parts.push(`the plans tie on ${list(ties)}`);
  const text = parts.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** A value of an input as people write it: "22.885%", "$1,000", "1.25×"; `exact` keeps a source's decimals. */
export function formatInput(unit: Assumption['unit'], value: number, exact = true): string {
  if (unit === 'percent') return exact ? exactPercent(value) : formatPercent(value);
  if (unit === 'money') return formatMoney(value);
  return `${Number(value.toFixed(2))}×`;
}

const CENTS = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * A break-even as text, with enough digits that it never reads the same as the expected value
 * ("above 2.28001%" beside "expected 2.28%"). Money stops at cents: a break-even within half a
 * cent of the expected fee is `atExpected`, and is written as the expected value.
 */
export function breakEvenText(unit: Assumption['unit'], breakEven: number, expected: number): { text: string; atExpected: boolean } {
  const suffix = unit === 'percent' ? '%' : '×';
  const forms: ((x: number) => string)[] =
    unit === 'money'
      ? [formatMoney, (x) => `$${CENTS.format(x)}`]
      : [(x) => formatInput(unit, x, false), ...[4, 5, 6].map((digits) => (x: number) => `${plainNumber(x, digits)}${suffix}`)];
  for (const form of forms) if (form(breakEven) !== form(expected)) return { text: form(breakEven), atExpected: false };
  return { text: formatInput(unit, expected), atExpected: true };
}

/**
 * "Plan A wins cost per order under $606.71, cost per engagement under $679.83": one clause per
 * winner, equal break-evens merged. A tie broken by any move reads "Plan A wins reach above the
 * expected 0%".
 */
export function flipsText(c: Comparison, d: Decider<TieMetric>): string {
  const input = c.scenario.assumptions[d.key];
  const expected = input.value?.expected ?? 0;
  const clauses: string[] = [];
  for (const winner of ['A', 'B'] as const) {
    const groups = new Map<string, string[]>();
    for (const f of d.flips.filter((x) => x.winner === winner)) {
      const { text, atExpected } = breakEvenText(input.unit, f.breakEven, expected);
      const side = f.towards === 'higher' ? 'above' : 'under';
      const where = f.fromTie ? `${side} the expected ${formatInput(input.unit, expected)}` : atExpected ? `just ${side} the expected ${text}` : `${side} ${text}`;
      groups.set(where, [...(groups.get(where) ?? []), MEASURE_LABEL[f.metric]]);
    }
    const parts = [...groups].map(([where, measures]) => `${measures.join(' and ')} ${where}`);
    if (parts.length) clauses.push(`Plan ${winner} wins ${parts.join(', ')}`);
  }
  return clauses.join('; ');
}

/** "Plan A fee (expected $1,000)". */
function inputAtExpected(c: Comparison, key: AssumptionKey): string {
  const input = c.scenario.assumptions[key];
  return `${input.label} (expected ${formatInput(input.unit, input.value!.expected)})`;
}

/** "Plan A fee (expected $1,000): Plan A wins cost per order under $606.71, …": an input and where the plans change hands. */
export function breakEvenLine(c: Comparison, d: Decider<TieMetric>): string {
  return `${inputAtExpected(c, d.key)}: ${flipsText(c, d)}`;
}

/** A micro-influencer input as the words "at any …" need it. */
const MICRO_INPUT_NOUN: Record<MicroInput, string> = { fee_b: 'micro fee', engagement_rate_b: 'micro engagement rate' };

/**
 * "Plan B fee each (expected $100): Plan A wins cost per engagement above $147.10; Plan B wins ROI
 * at any micro fee": where the plans tie, as a deciding input's line says it, then the measures
 * on which they do not, in plain words.
 */
export function microBreakEvenLine(c: Comparison, b: MicroBreakEven): string {
  const noun = MICRO_INPUT_NOUN[b.key];
  const none = b.throughout.map(({ metric, winner, moves }) => {
    const measure = MEASURE_LABEL[metric];
    if (winner === null) {
      const plan = c.a.metrics[metric] === null ? c.a : c.b;
      return `${measure} is ${missingReason(plan, metric)} for Plan ${plan.plan}`;
    }
    const still = moves ? '' : ` (it does not change ${measure})`;
    return winner === 'tie' ? `the plans tie on ${measure} at any ${noun}${still}` : `Plan ${winner} wins ${measure} at any ${noun}${still}`;
  });
  const ties = b.flips.length ? [flipsText(c, { key: b.key, flips: b.flips })] : [];
  return `${inputAtExpected(c, b.key)}: ${[...ties, ...none].join('; ')}`;
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
  const names = list(deciders.map((d) => c.scenario.assumptions[d.key].label));
  // Inputs with a break-even are named alone when any has one (verdict.ts): all or none have one.
  if (!deciders.some((d) => d.flips.length)) {
    return `Depends on: ${names} most, but only at the extremes: Plan ${gains} wins ${measure} only with every input at its worst for Plan ${hurt}; no single input has a break-even within its range.`;
  }
  const once = deciders.map((d) => {
    const input = c.scenario.assumptions[d.key];
    const flip = d.flips[0]!;
    return `${INPUT_NOUN[d.key]} is ${flip.towards === 'higher' ? 'above' : 'under'} ${breakEvenText(input.unit, flip.breakEven, input.value!.expected).text}`;
  });
  return `Depends on: ${names}, but only at the extremes: with every other input at its worst for Plan ${hurt}, Plan ${gains} wins ${measure} once ${once.join(' or ')}.`;
}

/** The verdict's robustness in plain words: HOLDS_TEXT, or "Depends on: …". */
export function robustnessText(c: Comparison, max = 2): string {
  const v = c.verdict;
  if (v.leader === null) return '';
  if (v.holds) return HOLDS_TEXT;
  if (v.deciders.length === 0 && v.jointly) return jointlyText(c, v.jointly);
  const parts = v.deciders.slice(0, max).map((d) => `${c.scenario.assumptions[d.key].label} (${flipsText(c, d)})`);
  return `Depends on: ${list(parts)}.`;
}
