/** The rows of compare.csv (`plan,metric,low,expected,high,source`): both plans' metrics, then every input with its citation. */

import { audienceWord, type Basis, type Citation, citeText, type Platform } from '../benchmarks';
import { METRIC_NAMES, severalReachFormula, type MetricName } from '../funnel';
import { ASSUMPTION_KEYS, audienceText, ONE_FIGURE, type PlanSpec, type Range } from './assumptions';
import type { Comparison } from './comparison';
import { missingReason, type PlanResult } from './evaluate';
import { DECIMALS, roundedRange } from './precision';
import { microInfluencers } from './scenario';

export interface ExportRow {
  plan: 'A' | 'B' | 'assumption';
  metric: string;
  low: number | null;
  expected: number | null;
  high: number | null;
  source: string;
}

/** How a metric is estimated, in words, the audience named as the platform counts it ("subscribers" on YouTube). */
function formulaText(m: MetricName, platform: Platform): string {
  const audience = audienceWord(platform);
  const formulas: Record<MetricName, string> = {
    followers: `influencers × ${audience} each`,
    influencers: '',
    reach: `${audience} × reach rate`,
    impressions: 'reach × frequency',
    engagements: `${audience} × engagement rate`,
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
  return formulas[m];
}

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
function followersSource(spec: PlanSpec, platform: Platform): string {
  if (spec.influencers === 1 || spec.influencersNote === spec.followersNote) return spec.followersNote;
  return `${microInfluencers(spec.influencers)} (${spec.influencersNote}) × ${audienceText(spec.followersEach, platform)} each (${spec.followersNote})`;
}

function planSource(c: Comparison, p: PlanResult, m: MetricName): string {
  const spec = p.plan === 'A' ? c.scenario.a : c.scenario.b;
  if (m === 'followers') return followersSource(spec, c.scenario.platform);
  if (m === 'influencers') return spec.influencersNote;
  if (spec.observed && (m === 'visits' || m === 'orders' || m === 'revenue')) return 'observed (TapInfluence blog)';
  if (p.metrics[m] === null) {
    const reason = missingReason(p, m);
    if (reason === 'not defined') return 'not defined (a divisor is zero)';
    if (reason !== 'not reported') return `${reason} for its cost: worse than any plan with some`;
    return spec.observed ? 'not reported (no Twitter reach or engagement figures recorded)' : 'not reported';
  }
  if (m === 'reach' && p.plan === 'B' && spec.influencers > 1) return `estimate: ${severalReachFormula(c.scenario.platform)}`;
  if (m === 'cost') return `influencers × fee (fee_${p.plan.toLowerCase()} below)`;
  return `estimate: ${formulaText(m, c.scenario.platform)}`;
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
    const range = a.rangeNote === ONE_FIGURE ? `; ${ONE_FIGURE}` : a.rangeNote ? `; range: ${a.rangeNote}` : '';
    // A user's input's rule is "your input", or says why it does not apply.
    const source = a.basis === 'input' ? a.rule : `${BASIS_TEXT[a.basis]}: ${a.rule}${range}${a.sources.length ? ` (${sourceText(a.sources)})` : ''}`;
    // Percentages keep the digits they are kept to (a typed 0.00001% is not 0 here either).
    const d = a.unit === 'money' ? 2 : a.unit === 'percent' ? 12 : 4;
    rows.push({ plan: 'assumption', metric: key, ...roundedRow(a.value, d), source });
  }
  return rows;
}
