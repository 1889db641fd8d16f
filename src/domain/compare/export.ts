/** The rows of compare.csv (`plan,metric,low,expected,high,source`): both plans' metrics, then every input with its citation. */

import { type Basis, type Citation, citeText } from '../benchmarks';
import { followersText } from '../format';
import { METRIC_NAMES, type MetricName } from '../funnel';
import { roundSignificant, roundTo } from '../units';
import { ASSUMPTION_KEYS, type PlanSpec, type Range } from './assumptions';
import type { Comparison } from './comparison';
import { missingReason, type PlanResult } from './evaluate';
import { microInfluencers } from './scenario';

export interface ExportRow {
  plan: 'A' | 'B' | 'assumption';
  metric: string;
  low: number | null;
  expected: number | null;
  high: number | null;
  source: string;
}

/**
 * Decimals each metric is written with: money to cents, per-unit costs and ROAS to 4 places.
 * The funnel's estimated counts are not rounded (null: twelve significant digits, which drops only
 * floating-point noise), so a spreadsheet can check every step: reach × click-through = visits,
 * visits × conversion = orders, orders × order value = revenue. The screen shows them whole.
 */
const DECIMALS: Record<MetricName, number | null> = {
  followers: 0,
  influencers: 0,
  reach: null,
  impressions: null,
  engagements: null,
  visits: null,
  orders: null,
  revenue: 2,
  cost: 2,
  cpe: 4,
  cpm: 4,
  cost_per_order: 2,
  roi: 2,
  roas: 4,
};

const FORMULA: Record<MetricName, string> = {
  followers: 'influencers × followers each',
  influencers: '',
  reach: 'followers × reach rate',
  impressions: 'reach × frequency',
  engagements: 'followers × engagement rate',
  visits: 'reach × click-through',
  orders: 'visits × conversion',
  revenue: 'orders × order value',
  cost: 'influencers × fee',
  cpe: 'cost ÷ engagements',
  cpm: 'cost ÷ impressions × 1,000',
  cost_per_order: 'cost ÷ orders',
  roi: '(revenue − cost) ÷ cost × 100',
  roas: 'revenue ÷ cost',
};

/** Each citation in full, second-hand ones "as reported by …", with its link. */
function sourceText(cites: readonly Citation[]): string {
  return cites.map((c) => `${citeText(c)}${c.url ? ` ${c.url}` : ''}`).join('; ');
}

/** The basis of an input in words, as the export's source column starts. */
export const BASIS_TEXT: Record<Basis, string> = {
  sourced: 'sourced',
  observed: 'observed',
  extrapolated: 'extrapolated',
  assumption: 'Tierbot assumption',
  input: 'your input',
  budget: 'from the budget',
  unreported: 'not reported',
};

/** Where a plan's followers come from: one note when the count and the followers each share it. */
function followersSource(spec: PlanSpec): string {
  if (spec.influencers === 1 || spec.influencersNote === spec.followersNote) return spec.followersNote;
  return `${microInfluencers(spec.influencers)} (${spec.influencersNote}) × ${followersText(spec.followersEach)} each (${spec.followersNote})`;
}

function planSource(c: Comparison, p: PlanResult, m: MetricName): string {
  const spec = p.plan === 'A' ? c.scenario.a : c.scenario.b;
  if (m === 'followers') return followersSource(spec);
  if (m === 'influencers') return spec.influencersNote;
  if (spec.observed && (m === 'visits' || m === 'orders' || m === 'revenue')) return 'observed (TapInfluence blog)';
  if (p.metrics[m] === null) {
    if (missingReason(p, m) === 'not defined') return 'not defined (a divisor is zero)';
    return spec.observed ? 'not reported (no Twitter reach or engagement figures recorded)' : 'not reported';
  }
  if (m === 'reach' && p.plan === 'B' && spec.influencers > 1) return 'estimate: followers × reach rate × (1 − overlap)';
  if (m === 'cost') return `influencers × fee (fee_${p.plan.toLowerCase()} below)`;
  return `estimate: ${FORMULA[m]}`;
}

const UNROUNDED_DIGITS = 12;
/** Significant digits kept for a row whose values are too small for its decimals. */
const SMALL_DIGITS = 6;

/**
 * A range at one precision: `decimals` places (null: unrounded), or, when a positive value would
 * round to 0 there ("<$0.01"), six significant digits for all three, so a spreadsheet dividing by
 * it does not divide by zero and the three still read alike.
 */
function roundedRange(r: Range, decimals: number | null): Range {
  const vanishes = decimals !== null && [r.low, r.expected, r.high].some((x) => x > 0 && roundTo(x, decimals) === 0);
  const round = (x: number) => (decimals === null ? roundSignificant(x, UNROUNDED_DIGITS) : vanishes ? roundSignificant(x, SMALL_DIGITS) : roundTo(x, decimals));
  return { low: round(r.low), expected: round(r.expected), high: round(r.high) };
}

/**
 * A metric's range as compare.csv writes it. The reply rounds these values further rather than
 * the funnel's own, so a figure on screen is always the CSV's, rounded (never 0.0022 beside 0.0023).
 */
export function exportedRange(m: MetricName, r: Range): Range {
  return roundedRange(r, DECIMALS[m]);
}

function roundedRow(r: Range | null, decimals: number | null): Pick<ExportRow, 'low' | 'expected' | 'high'> {
  return r === null ? { low: null, expected: null, high: null } : roundedRange(r, decimals);
}

/** The rows of compare.csv: both plans' metrics, then every input with its citation. */
export function exportRows(c: Comparison): ExportRow[] {
  const rows: ExportRow[] = [];
  for (const p of [c.a, c.b]) {
    for (const m of METRIC_NAMES) {
      rows.push({ plan: p.plan, metric: m, ...roundedRow(p.metrics[m], DECIMALS[m]), source: planSource(c, p, m) });
    }
  }
  if (c.scenario.budget !== null) {
    const source = c.scenario.overrides.setByEqualBudget ? 'set by Equal budget: Plan A’s cost' : 'your input';
    rows.push({ plan: 'assumption', metric: 'budget', low: c.scenario.budget, expected: c.scenario.budget, high: c.scenario.budget, source });
  }
  for (const key of ASSUMPTION_KEYS) {
    const a = c.scenario.assumptions[key];
    const range = a.rangeNote ? `; range: ${a.rangeNote}` : '';
    // A user's input's rule is "your input", or says why it does not apply.
    const source = a.basis === 'input' ? a.rule : `${BASIS_TEXT[a.basis]}: ${a.rule}${range}${a.sources.length ? ` (${sourceText(a.sources)})` : ''}`;
    // Percentages keep the digits they are kept to (a typed 0.00001% is not 0 here either).
    const d = a.unit === 'money' ? 2 : a.unit === 'percent' ? 12 : 4;
    rows.push({ plan: 'assumption', metric: key, ...roundedRow(a.value, d), source });
  }
  return rows;
}
