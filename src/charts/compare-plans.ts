/**
 * The /compare chart: Plan A (one big influencer) and Plan B (many micros) side by side, one
 * small panel per metric. Each bar is the expected value and its whisker the low–high range.
 * Metrics differ by orders of magnitude, so every panel has its own scale, always linear from
 * zero: bar lengths are what readers compare, so within a panel they keep the values' ratios.
 * The scale is set by the bars, not the whiskers: a range can run forty times past its expected
 * value (cost per order), and scaling to it would shrink both bars to slivers that look equal.
 * So each panel leaves headroom for whiskers up to about twice the taller bar; a whisker running
 * further is cut at the panel's edge and ends in an arrowhead. Under each bar: the expected value,
 * and the full range. On the counted measures the better plan is bold and ticked.
 * The verdict and what it depends on are the title.
 *
 * Everything is laid out here in pixels (ECharts title + graphic elements, no axes), which keeps
 * the text elements few: resvg re-reads the font for each one (see render.ts).
 */

import type { ChartFile } from './file';
import type { EChartsOption, GraphicComponentOption } from 'echarts';
import { TIER_COLOURS } from '../domain/tier-style';
import { COUNTED, METRIC_LABEL, BETTER, comparedText, comparedValue, exportedRange, missingReason, robustnessText, verdictHeadline, type Comparison, type MetricName, type Range, type Winner } from '../domain/compare';
import { formatCount } from '../domain/format';
import { formatMoney, formatPercent, plainNumber } from '../domain/units';
import { FONT_FAMILY, hex, drawPng, type ChartSize } from './render';
import { textWidth } from './text-width';

export const COMPARE_CHART_SIZE: ChartSize = { width: 1000, height: 600 };

export const PLAN_A_COLOUR = hex(TIER_COLOURS.macro);
export const PLAN_B_COLOUR = hex(TIER_COLOURS.micro);
/** The tick beside the better value; not a plan colour. */
export const WIN_COLOUR = '#1e7b3c';

/** The panels, in reading order (four per row). */
export const PANEL_METRICS: readonly MetricName[] = ['cost', 'reach', 'engagements', 'cpe', 'visits', 'orders', 'cost_per_order', 'roi'];
const COLUMNS = 4;

/** Panel headings: METRICS' labels, shortened where the panel is narrow. */
const HEADING: Partial<Record<MetricName, string>> = { cpe: 'Cost per engagement', visits: 'Website visits' };

const TEXT = '#23272a';
const MUTED = '#5c6370';
const PANEL_FILL = '#f3f4f6';
const BASELINE = '#9aa0a6';

const MARGIN = 20;
const TITLE = { size: 18, line: 23 };
const SUBTITLE = { size: 12, line: 16 };
const LEGEND = { size: 12, line: 20 };
const GAP = 14; // between panels
const PAD = 10; // inside a panel
const HEAD = 38; // panel heading and its "lower is better" line
const VALUE = { size: 13, space: 34 }; // the value and its range, under the plot
const BAR_MAX_WIDTH = 64;
/** The least height of a bar for a non-zero value, so a value far smaller than the other still shows. */
export const MIN_BAR_HEIGHT = 3;

/** Greedy word wrap to `width` pixels; a word longer than a line gets a line of its own. */
export function wrap(text: string, width: number, size: number, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line === '' ? word : `${line} ${word}`;
    if (line !== '' && textWidth(next, size, bold) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** The chart's title: the verdict as the headline, what it depends on beneath. */
export function chartTitle(c: Comparison): { headline: string; rest: string } {
  return { headline: verdictHeadline(c), rest: robustnessText(c) };
}


// ── Values ────────────────────────────────────────────────────────────────────────────────────

/** 15,000,000 → "15M"; past trillions, "1.66e25". */
function compact(n: number): string {
  const sign = n < 0 ? '−' : '';
  const abs = Math.abs(n);
  if (abs >= 1e15) return `${sign}${abs.toExponential(2).replace(/\.?0+e/, 'e').replace('e+', 'e')}`;
  const rounded = (x: number) => Number(x.toFixed(x < 10 ? 2 : 1));
  for (const [size, unit] of [
    [1e12, 'T'],
    [1e9, 'B'],
    [1e6, 'M'],
  ] as const) {
    // Decided after rounding, so 999,995,000 is "1B", never "1000M".
    if (rounded(abs / size) >= 1) return `${sign}${rounded(abs / size)}${unit}`;
  }
  return `${sign}${formatCount(Math.round(abs))}`;
}

const MONEY: ReadonlySet<MetricName> = new Set(['cost', 'cpe', 'cpm', 'cost_per_order', 'revenue']);
/** A count as a whole number; any fraction of one is "under 1", never 1, in the reply's words. */
const WHOLE = (n: number) => (n > 0 && n < 1 ? 'under 1' : formatCount(Math.round(n)));

/** The value as the embed shows it, or shorter if that is wider than `room`; null → why it is missing. */
export function valueText(key: MetricName, value: number | null, room = Infinity, missing = 'not reported'): string {
  if (value === null || !Number.isFinite(value)) return missing;
  const full = key === 'roi' ? formatPercent(value) : MONEY.has(key) ? formatMoney(value) : WHOLE(value);
  // Below 1,000 the embed's forms are already short ("$333.33", "<$0.01", "0.008%", "under 1"), and
  // rounding them further would write an amount above zero as "$0".
  if (textWidth(full, VALUE.size, true) <= room || Math.abs(value) < 1000) return full;
  if (key === 'roi') return `${compact(value)}%`;
  if (MONEY.has(key)) return `${value < 0 ? '−' : ''}$${compact(Math.abs(value))}`;
  return compact(value);
}

/**
 * A value written with every digit it is compared on (comparedText), shortened: amounts under a
 * dollar to two significant digits ("$0.000016"), so they still read as more than nothing and
 * apart from each other; anything else as valueText shortens it.
 */
function shortComparedText(key: MetricName, x: number): string {
  const compared = comparedValue(key, x);
  if (MONEY.has(key) && compared > 0 && compared < 1) return `$${plainNumber(compared, 2)}`;
  return valueText(key, x, 0);
}

/** The range line under a value: 11 px, shrunk to no less than 9 px where it still does not fit. */
const RANGE_SIZE = { normal: 11, least: 9 };

/**
 * "$20 to $8,739", or "$20–$8,739" where that does not fit `room` at 11 px, then with the values
 * shortened, in smaller type if need be. Null when there is no spread, or when even that does not
 * fit (amounts of a billionth of a dollar): the whisker still shows the range.
 */
export function rangeText(key: MetricName, r: Range | null, room = Infinity, precise = false): { text: string; size: number } | null {
  if (r === null) return null;
  const [lo, hi] = precise ? [comparedText(key, r.low), comparedText(key, r.high)] : [valueText(key, r.low), valueText(key, r.high)];
  if (lo === hi) return null;
  const short = precise ? (x: number) => shortComparedText(key, x) : (x: number) => valueText(key, x, 0);
  const shortened = `${short(r.low)}–${short(r.high)}`;
  for (const text of [`${lo} to ${hi}`, `${lo}–${hi}`, shortened]) if (textWidth(text, RANGE_SIZE.normal) <= room) return { text, size: RANGE_SIZE.normal };
  const size = (RANGE_SIZE.normal * room) / textWidth(shortened, RANGE_SIZE.normal);
  return size >= RANGE_SIZE.least ? { text: shortened, size } : null;
}

// ── Layout ────────────────────────────────────────────────────────────────────────────────────

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One plan in one panel: its bar (expected) and whisker (low to high), in pixels. */
export interface PlanMark {
  bar: Box;
  /**
   * The whisker's top and bottom y; equal when there is no spread; null when not reported. An end
   * past the plot is cut at its edge (cutAtTop, cutAtBottom) and drawn with an arrowhead.
   */
  whisker: { top: number; bottom: number; cutAtTop: boolean; cutAtBottom: boolean } | null;
}

export interface PanelLayout {
  key: MetricName;
  box: Box;
  marks: [PlanMark, PlanMark];
  /** The y of the zero line, the bars' base. */
  zero: number;
  /** The y of the plot's top and bottom edges, where cut whiskers end. */
  plot: { top: number; bottom: number };
  /** Where the value labels start. */
  labelsTop: number;
}

export interface CompareLayout {
  headline: string[];
  rest: string[];
  legendTop: number;
  panels: PanelLayout[];
}

const rangeOf = (c: Comparison, plan: 'A' | 'B', key: MetricName): Range | null => {
  const r = (plan === 'A' ? c.a : c.b).metrics[key];
  return r && [r.low, r.expected, r.high].every(Number.isFinite) ? r : null;
};

/**
 * The values at a panel's top and bottom edges. Room is left past the bars for whiskers up to the
 * bars' own extent again (above a positive bar: up to twice its value); the edge is the farthest
 * whisker end within that room, or the bar itself. Measured on the bars' whole extent, so ROI's
 * whiskers above zero still fit when both bars are negative. When every expected value is zero
 * there are no bars to keep readable, and the whiskers set the scale.
 */
function panelScale(ranges: readonly Range[]): { top: number; bottom: number } {
  const ends = ranges.flatMap((r) => [r.low, r.high]);
  const highest = Math.max(0, ...ranges.map((r) => r.expected));
  const lowest = Math.min(0, ...ranges.map((r) => r.expected));
  const room = highest - lowest;
  if (room === 0) return { top: Math.max(0, ...ends), bottom: Math.min(0, ...ends) };
  return {
    top: Math.max(highest, ...ends.filter((v) => v <= highest + room)),
    bottom: Math.min(lowest, ...ends.filter((v) => v >= lowest - room)),
  };
}

/** Where everything goes: exported so tests can look inside one panel of the PNG. */
export function compareLayout(comparison: Comparison): CompareLayout {
  const { width, height } = COMPARE_CHART_SIZE;
  const inner = width - 2 * MARGIN;
  const { headline, rest } = chartTitle(comparison);
  // Wrap a little short of the edge: the width table is exact, kerning and rounding are not.
  const headLines = wrap(headline, inner - 8, TITLE.size, true);
  const restLines = rest === '' ? [] : wrap(rest, inner - 8, SUBTITLE.size).slice(0, 4);
  const legendTop = 14 + headLines.length * TITLE.line + (restLines.length > 0 ? 4 + restLines.length * SUBTITLE.line : 0) + 8;
  const legendRows = legendItems(comparison, legendTop).rows;
  const panelsTop = legendTop + legendRows * LEGEND.line + 8;
  const rows = Math.ceil(PANEL_METRICS.length / COLUMNS);
  const panelWidth = (inner - (COLUMNS - 1) * GAP) / COLUMNS;
  const panelHeight = (height - MARGIN + 6 - panelsTop - (rows - 1) * GAP) / rows;
  const panels = PANEL_METRICS.map((key, i): PanelLayout => {
    const box = {
      x: Math.round(MARGIN + (i % COLUMNS) * (panelWidth + GAP)),
      y: Math.round(panelsTop + Math.floor(i / COLUMNS) * (panelHeight + GAP)),
      width: Math.round(panelWidth),
      height: Math.round(panelHeight),
    };
    const ranges = [rangeOf(comparison, 'A', key), rangeOf(comparison, 'B', key)] as const;
    const labelsTop = box.y + box.height - PAD - VALUE.space;
    const plot = { top: box.y + PAD + HEAD + 6, bottom: labelsTop - 6 };
    const scale = panelScale(ranges.filter((r) => r !== null));
    const span = scale.top - scale.bottom || 1;
    // Values past the edges are drawn at the edge: only whisker ends can be.
    const y = (v: number) => plot.bottom - ((plot.bottom - plot.top) * (Math.min(scale.top, Math.max(scale.bottom, v)) - scale.bottom)) / span;
    const zero = Math.round(y(0));
    const slot = (box.width - 2 * PAD) / 2;
    const barWidth = Math.round(Math.min(BAR_MAX_WIDTH, slot * 0.5));
    const mark = (r: Range | null, index: number): PlanMark => {
      const x = Math.round(box.x + PAD + slot * index + (slot - barWidth) / 2);
      if (r === null) return { bar: { x, y: zero, width: barWidth, height: 0 }, whisker: null };
      const at = Math.round(y(r.expected));
      const h = r.expected === 0 ? 0 : Math.max(MIN_BAR_HEIGHT, Math.abs(zero - at));
      const bar = r.expected >= 0 ? { x, y: Math.min(at, zero - h), width: barWidth, height: h } : { x, y: zero, width: barWidth, height: h };
      const whisker = { top: Math.round(y(r.high)), bottom: Math.round(y(r.low)), cutAtTop: r.high > scale.top, cutAtBottom: r.low < scale.bottom };
      return { bar, whisker };
    };
    return { key, box, marks: [mark(ranges[0], 0), mark(ranges[1], 1)], zero, plot, labelsTop };
  });
  return { headline: headLines, rest: restLines, legendTop, panels };
}

// ── Drawing ───────────────────────────────────────────────────────────────────────────────────

type Element = GraphicComponentOption;

const text = (
  t: string,
  x: number,
  y: number,
  opts: { size?: number; bold?: boolean; fill?: string; align?: 'left' | 'center' | 'right'; valign?: 'top' | 'middle' | 'bottom' } = {},
): Element => ({
  type: 'text',
  style: {
    text: t,
    x,
    y,
    fill: opts.fill ?? TEXT,
    fontSize: opts.size ?? 12,
    fontWeight: opts.bold ? 'bold' : 'normal',
    fontFamily: FONT_FAMILY,
    align: opts.align ?? 'left',
    verticalAlign: opts.valign ?? 'top',
  },
});

const rect = (box: Box, fill: string, r = 0): Element => ({
  type: 'rect',
  shape: { ...box, r },
  style: { fill },
});

const line = (x1: number, y1: number, x2: number, y2: number, stroke: string, lineWidth = 1.5): Element => ({
  type: 'line',
  shape: { x1, y1, x2, y2 },
  style: { stroke, lineWidth },
});

/** A tick mark drawn as a line (Arimo has no ✓), its left end at x, centred on y. */
const tick = (x: number, y: number): Element => ({
  type: 'polyline',
  shape: {
    points: [
      [x, y],
      [x + 4, y + 4],
      [x + 11, y - 5],
    ],
  },
  style: { stroke: WIN_COLOUR, lineWidth: 2.5, fill: 'none', lineCap: 'round', lineJoin: 'round' },
});

/** A whisker's end that runs on past the panel: a small arrowhead with its tip at (x, y). */
const arrowhead = (x: number, y: number, pointing: 'up' | 'down', halfWidth: number): Element => {
  const base = pointing === 'up' ? y + 1.4 * halfWidth : y - 1.4 * halfWidth;
  return {
    type: 'polygon',
    shape: {
      points: [
        [x, y],
        [x - halfWidth, base],
        [x + halfWidth, base],
      ],
    },
    style: { fill: TEXT },
  };
};

/** The legend: one swatch per plan, then how to read the panels; wraps as needed. */
function legendItems(comparison: Comparison, top: number): { elements: Element[]; rows: number } {
  const { width } = COMPARE_CHART_SIZE;
  const items: { width: number; draw: (x: number, y: number) => Element[] }[] = [];
  const swatch = (label: string, colour: string) => {
    items.push({
      width: 18 + textWidth(label, LEGEND.size),
      draw: (x, y) => [rect({ x, y: y + 4, width: 13, height: 12 }, colour, 2), text(label, x + 18, y + 10, { size: LEGEND.size, valign: 'middle' })],
    });
  };
  swatch(`Plan A (${comparison.a.kind}): ${comparison.a.name}`, PLAN_A_COLOUR);
  swatch(`Plan B (${comparison.b.kind}): ${comparison.b.name}`, PLAN_B_COLOUR);
  const key = 'better on a counted measure.   Bar: expected; whisker: low to high.';
  items.push({
    width: 17 + textWidth(key, LEGEND.size - 1),
    draw: (x, y) => [tick(x + 1, y + 10), text(key, x + 17, y + 10, { size: LEGEND.size - 1, fill: MUTED, valign: 'middle' })],
  });
  const elements: Element[] = [];
  let x = MARGIN;
  let row = 0;
  for (const item of items) {
    if (x > MARGIN && x + item.width > width - MARGIN) {
      row++;
      x = MARGIN;
    }
    elements.push(...item.draw(x, top + row * LEGEND.line));
    x += item.width + 24;
  }
  return { elements, rows: row + 1 };
}

const COUNTED_SET: ReadonlySet<MetricName> = new Set(COUNTED);

function panelElements(comparison: Comparison, panel: PanelLayout): Element[] {
  const { key, box, marks, zero, labelsTop } = panel;
  const counted = COUNTED_SET.has(key);
  const winner: Winner = counted ? (comparison.verdict.measures.find((m) => m.metric === key)?.winner ?? null) : null;
  const out: Element[] = [rect(box, PANEL_FILL, 6)];
  out.push(text(HEADING[key] ?? METRIC_LABEL[key], box.x + PAD, box.y + PAD, { size: 14, bold: true }));
  const notes = [BETTER[key] === 'lower' ? '↓ lower is better' : '', counted ? '' : 'not counted'].filter(Boolean);
  if (notes.length) out.push(text(notes.join(' · '), box.x + PAD, box.y + PAD + 19, { size: 11, fill: MUTED }));
  if (winner === 'tie') out.push(text('tie', box.x + box.width - PAD, box.y + PAD + 2, { size: 12, fill: MUTED, align: 'right' }));
  out.push(line(box.x + PAD, zero + 0.5, box.x + box.width - PAD, zero + 0.5, BASELINE, 1));
  const slot = (box.width - 2 * PAD) / 2;
  (['A', 'B'] as const).forEach((plan, i) => {
    const { bar, whisker } = marks[i]!;
    const r = rangeOf(comparison, plan, key);
    // The figures as the reply and compare.csv write them (the bars keep the funnel's own values).
    const shown = r === null ? null : exportedRange(key, r);
    if (bar.height > 0) out.push(rect(bar, plan === 'A' ? PLAN_A_COLOUR : PLAN_B_COLOUR));
    const centre = bar.x + bar.width / 2;
    // A whisker cut at the panel's edge is drawn even where the edge is its other end (low at the bar's top): its arrowhead says it runs on.
    if (whisker && (whisker.top !== whisker.bottom || whisker.cutAtTop || whisker.cutAtBottom)) {
      const cap = Math.min(8, bar.width / 3);
      const end = (y: number, cut: boolean, pointing: 'up' | 'down') => (cut ? arrowhead(centre, y, pointing, cap * 0.75) : line(centre - cap, y, centre + cap, y, TEXT));
      out.push(line(centre, whisker.top, centre, whisker.bottom, TEXT), end(whisker.top, whisker.cutAtTop, 'up'), end(whisker.bottom, whisker.cutAtBottom, 'down'));
    }
    const wins = winner === plan;
    const room = slot - (wins ? 18 : 4); // the winner's tick takes 14 px
    // A win on figures that would read alike: both are written with the digits that decide it, as in the reply.
    const otherRange = rangeOf(comparison, plan === 'A' ? 'B' : 'A', key);
    const readAlike = (winner === 'A' || winner === 'B') && shown !== null && otherRange !== null && valueText(key, shown.expected) === valueText(key, exportedRange(key, otherRange).expected);
    const label = readAlike ? comparedText(key, r!.expected) : valueText(key, shown?.expected ?? null, room, missingReason(plan === 'A' ? comparison.a : comparison.b, key));
    // Shrink only what still does not fit; never below 9 px.
    const size = Math.max(9, Math.min(VALUE.size, (VALUE.size * room) / textWidth(label, VALUE.size, wins)));
    const slotCentre = box.x + PAD + slot * i + slot / 2;
    const x = wins ? slotCentre - 8 : slotCentre;
    out.push(text(label, x, labelsTop, { size, bold: wins, fill: r === null ? MUTED : wins || winner === 'tie' ? TEXT : MUTED, align: 'center' }));
    if (wins) out.push(tick(x + textWidth(label, size, true) / 2 + 4, labelsTop + size / 2 + 1));
    const span = rangeText(key, shown, slot - 4, readAlike);
    if (span) out.push(text(span.text, slotCentre, labelsTop + 17, { size: span.size, fill: MUTED, align: 'center' }));
  });
  return out;
}

/** The ECharts option for a comparison (no series: a title and drawn elements). */
export function compareOption(comparison: Comparison): EChartsOption {
  const layout = compareLayout(comparison);
  return {
    backgroundColor: '#ffffff',
    title: {
      text: layout.headline.join('\n'),
      subtext: layout.rest.join('\n'),
      left: MARGIN,
      top: 12,
      padding: 0,
      itemGap: 4,
      textStyle: { fontSize: TITLE.size, lineHeight: TITLE.line, fontWeight: 'bold', color: TEXT, fontFamily: FONT_FAMILY },
      subtextStyle: { fontSize: SUBTITLE.size, lineHeight: SUBTITLE.line, color: MUTED, fontFamily: FONT_FAMILY },
    },
    graphic: [...legendItems(comparison, layout.legendTop).elements, ...layout.panels.flatMap((p) => panelElements(comparison, p))],
  };
}

/** What the chart draws: the comparison as the domain gives it (plain data, sent to the renderer as is). */
export interface CompareChartOptions {
  comparison: Comparison;
}

/** The drawn chart, always compare.png. */
export interface CompareChartFile extends ChartFile {
  name: 'compare.png';
  description: string;
}

export function compareChart(opts: CompareChartOptions): CompareChartFile {
  const { comparison } = opts;
  const data = drawPng(compareOption(comparison), COMPARE_CHART_SIZE);
  const labels = PANEL_METRICS.map((k) => HEADING[k] ?? METRIC_LABEL[k]).join(', ');
  const { headline, rest } = chartTitle(comparison);
  return {
    name: 'compare.png',
    data,
    description: `Chart: Plan A (orange) and Plan B (blue) on ${labels}; bars are expected values, whiskers the low-to-high range, with an arrowhead where a whisker runs past its panel. ${headline} ${rest}`.slice(0, 1024),
  };
}
