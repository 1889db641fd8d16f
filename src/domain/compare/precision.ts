/**
 * How precisely each /compare metric is written (compare.csv, and the reply, which rounds the CSV's
 * figures further) and compared: two plans whose figures read the same there tie.
 */

import type { MetricName } from '../funnel';
import { plainNumber, roundSignificant, roundTo } from '../units';
import type { Range } from './assumptions';

/**
 * Decimals each metric is written with: money to cents, per-unit costs and ROAS to 4 places.
 * The funnel's estimated counts are not rounded (null: twelve significant digits, which drops only
 * floating-point noise), so a spreadsheet can check every step: reach × click-through = visits,
 * visits × conversion = orders, orders × order value = revenue. The screen shows them whole.
 */
export const DECIMALS: Record<MetricName, number | null> = {
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

const UNROUNDED_DIGITS = 12;
/** Significant digits kept for a row whose values are too small for its decimals. */
const SMALL_DIGITS = 6;

/**
 * A range at one precision: `decimals` places (null: unrounded), or, when a positive value would
 * round to 0 there ("<$0.01"), six significant digits for all three, so a spreadsheet dividing by
 * it does not divide by zero and the three still read alike.
 */
export function roundedRange(r: Range, decimals: number | null): Range {
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

/**
 * A value as the plans are compared on it: as compare.csv writes it (a value too small for its
 * decimals to six significant digits), counts as whole numbers, as the reply shows them (a
 * fraction of a person is no lead). Two values equal here are a tie, so no plan wins on figures
 * that read the same.
 */
export function comparedValue(m: MetricName, x: number): number {
  return roundedRange({ low: x, expected: x, high: x }, DECIMALS[m] ?? 0).expected;
}

/**
 * A value with every digit it is compared on ("$0.6452"): how the reply and the chart write a
 * winner whose figure would otherwise read the same as the other plan's.
 */
export function comparedText(m: MetricName, x: number): string {
  const money = m === 'cpe' || m === 'cost_per_order';
  return `${money ? '$' : ''}${plainNumber(comparedValue(m, x), 12, true)}`;
}
