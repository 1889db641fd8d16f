/**
 * The /compare chart: Plan A (one big influencer) and Plan B (many micros) side by side, one
 * small panel per key metric. Cost, audience, engagements, CPE and orders differ by orders of
 * magnitude, so every panel has its own linear scale from zero and prints both values; the
 * better plan's value is bold and ticked. The verdict is the title: its first sentence as the
 * headline, the rest beneath.
 *
 * Everything is laid out here in pixels (ECharts title + graphic elements, no axes), which keeps
 * the text elements few: resvg re-reads the font for each one (see render.ts).
 */

import type { EChartsOption, GraphicComponentOption } from 'echarts';
import { TIER_COLOURS } from '../domain/tier-style';
import type { ReplyFile } from '../commands/types';
import { METRICS, type Comparison, type MetricInfo, type MetricKey, type Winner } from '../domain/compare';
import { formatCount } from '../domain/format';
import { FONT_FAMILY, hex, renderChart, type ChartSize } from './render';

export const COMPARE_CHART_SIZE: ChartSize = { width: 1000, height: 600 };

export const PLAN_A_COLOUR = hex(TIER_COLOURS.macro);
export const PLAN_B_COLOUR = hex(TIER_COLOURS.micro);
/** The tick beside the better value; not a plan colour. */
export const WIN_COLOUR = '#1e7b3c';

/** The panels, in reading order (four per row). */
export const PANEL_METRICS: readonly MetricKey[] = [
  'cost',
  'uniqueAudience',
  'engagements',
  'cpe',
  'orders',
  'revenue',
  'costPerOrder',
  'roi',
];
const COLUMNS = 4;

/** Panel headings: METRICS' labels, shortened where the panel is narrow. */
const HEADING: Partial<Record<MetricKey, string>> = { cpe: 'Cost per engagement' };

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
const VALUE = { size: 13, space: 20 }; // value labels above (or below) the bars
const BAR_MAX_WIDTH = 64;

// ── Text measurement ──────────────────────────────────────────────────────────────────────────

// Advance widths (1/1000 em) of Arimo, which has Arial's metrics, for ASCII 32–126 and the few
// other characters the chart uses; anything else counts as 1 em (too wide, never too narrow).
const REGULAR = [278,278,355,556,556,889,667,191,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,278,278,584,584,584,556,1015,667,667,722,722,667,611,778,722,278,500,667,556,833,722,778,667,778,722,667,611,722,667,944,667,667,611,278,278,278,469,556,333,556,556,500,556,556,278,556,556,222,222,500,222,833,556,556,556,556,333,500,278,556,500,722,500,500,500,334,260,334,584];
const BOLD = [278,333,474,556,556,889,722,238,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,333,333,584,584,584,611,975,722,722,722,722,667,611,778,722,278,556,722,611,833,722,778,667,778,722,667,611,722,667,944,667,667,611,333,278,333,584,556,333,556,611,556,611,556,333,611,611,278,278,556,278,889,611,611,611,611,389,556,333,611,556,778,556,556,500,389,280,389,584];
const OTHER: Record<string, number> = { '×': 584, '−': 584, '—': 1000, '–': 556, '↓': 500, '…': 1000, '“': 500, '”': 500, '’': 278 };

/** Width in pixels of `text` set in Arimo at `size`. */
export function textWidth(text: string, size: number, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  let em = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    em += (code >= 32 && code < 127 ? table[code - 32]! : (OTHER[ch] ?? 1000)) / 1000;
  }
  return em * size;
}

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

/** The verdict's first sentence (the headline) and the rest. A "." inside "$0.42" ends nothing. */
export function splitVerdict(verdict: string): { headline: string; rest: string } {
  const text = verdict.trim();
  const end = /[.!?](?=\s)/.exec(text);
  if (end === null) return { headline: text, rest: '' };
  return { headline: text.slice(0, end.index + 1), rest: text.slice(end.index + 1).trim() };
}

// ── Values ────────────────────────────────────────────────────────────────────────────────────

const INFO = new Map<MetricKey, MetricInfo>(METRICS.map((m) => [m.key, m]));

/** 15,000,000 → "15M"; past trillions, "1.66e25" (for values too wide for their bar). */
function compact(n: number): string {
  const sign = n < 0 ? '−' : '';
  const abs = Math.abs(n);
  if (abs >= 1e15) return `${sign}${abs.toExponential(2).replace(/\.?0+e/, 'e').replace('e+', 'e')}`;
  for (const [size, unit] of [
    [1e12, 'T'],
    [1e9, 'B'],
    [1e6, 'M'],
  ] as const) {
    if (abs >= size) return `${sign}${Number((abs / size).toFixed(abs / size < 10 ? 2 : 1))}${unit}`;
  }
  return `${sign}${formatCount(Math.round(abs))}`;
}

/** The value as the embed shows it, or shorter if that is wider than `room`; null → "n/a". */
export function valueText(key: MetricKey, value: number | null, room = Infinity): string {
  if (value === null || !Number.isFinite(value)) return 'n/a';
  const full = INFO.get(key)!.format(value);
  if (textWidth(full, VALUE.size, true) <= room) return full;
  if (key === 'roi') return `${compact(value)}%`;
  if (full.includes('$')) return `${value < 0 ? '−' : ''}$${compact(Math.abs(value))}`;
  return compact(value);
}

// ── Layout ────────────────────────────────────────────────────────────────────────────────────

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PanelLayout {
  key: MetricKey;
  box: Box;
  /** Plan A's and Plan B's bars; height 0 when the value is 0 or not defined. */
  bars: [Box, Box];
  /** The y of the zero line. */
  zero: number;
}

export interface CompareLayout {
  headline: string[];
  rest: string[];
  legendTop: number;
  panels: PanelLayout[];
}

const numberOrNull = (v: number | null): number | null => (v !== null && Number.isFinite(v) ? v : null);

/** Where everything goes: exported so tests can look inside one panel of the PNG. */
export function compareLayout(comparison: Comparison): CompareLayout {
  const { width, height } = COMPARE_CHART_SIZE;
  const inner = width - 2 * MARGIN;
  const { headline, rest } = splitVerdict(comparison.verdict);
  // Wrap a little short of the edge: the width table is exact, kerning and rounding are not.
  const headLines = wrap(headline, inner - 8, TITLE.size, true);
  const restLines = rest === '' ? [] : wrap(rest, inner - 8, SUBTITLE.size);
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
    const a = numberOrNull(comparison.a[key]);
    const b = numberOrNull(comparison.b[key]);
    const hi = Math.max(0, a ?? 0, b ?? 0);
    const lo = Math.min(0, a ?? 0, b ?? 0);
    const top = box.y + PAD + HEAD + VALUE.space;
    const bottom = box.y + box.height - PAD - (lo < 0 ? VALUE.space : 4);
    const span = hi - lo;
    const zero = span === 0 ? bottom : Math.round(top + ((bottom - top) * hi) / span);
    const slot = (box.width - 2 * PAD) / 2;
    const barWidth = Math.round(Math.min(BAR_MAX_WIDTH, slot * 0.55));
    const bar = (value: number | null, index: number): Box => {
      const x = Math.round(box.x + PAD + slot * index + (slot - barWidth) / 2);
      if (value === null || value === 0 || span === 0) return { x, y: zero, width: barWidth, height: 0 };
      // At least 2 px, so a value far smaller than the other still shows as a bar.
      const h = Math.max(2, Math.round(((bottom - top) * Math.abs(value)) / span));
      return { x, y: value > 0 ? zero - h : zero, width: barWidth, height: h };
    };
    return { key, box, bars: [bar(a, 0), bar(b, 1)], zero };
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

/** The legend: one swatch per plan with its make-up, then how to read the panels; wraps as needed. */
function legendItems(comparison: Comparison, top: number): { elements: Element[]; rows: number } {
  const { width } = COMPARE_CHART_SIZE;
  const items: { width: number; draw: (x: number, y: number) => Element[] }[] = [];
  const swatch = (label: string, colour: string) => {
    items.push({
      width: 18 + textWidth(label, LEGEND.size),
      draw: (x, y) => [rect({ x, y: y + 4, width: 13, height: 12 }, colour, 2), text(label, x + 18, y + 10, { size: LEGEND.size, valign: 'middle' })],
    });
  };
  swatch(`Plan A: ${comparison.a.name}`, PLAN_A_COLOUR);
  swatch(`Plan B: ${comparison.b.name}`, PLAN_B_COLOUR);
  const key = 'the better plan on that measure.   Each panel has its own scale, from zero.';
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

function panelElements(comparison: Comparison, panel: PanelLayout): Element[] {
  const { key, box, bars, zero } = panel;
  const info = INFO.get(key)!;
  const winner: Winner = comparison.winners[key];
  const out: Element[] = [rect(box, PANEL_FILL, 6)];
  out.push(text(HEADING[key] ?? info.label, box.x + PAD, box.y + PAD, { size: 14, bold: true }));
  const note = info.better === 'lower' ? '↓ lower is better' : '';
  if (note !== '') out.push(text(note, box.x + PAD, box.y + PAD + 19, { size: 11, fill: MUTED }));
  if (winner === 'tie') out.push(text('tie', box.x + box.width - PAD, box.y + PAD + 2, { size: 12, fill: MUTED, align: 'right' }));
  out.push({
    type: 'line',
    shape: { x1: box.x + PAD, y1: zero + 0.5, x2: box.x + box.width - PAD, y2: zero + 0.5 },
    style: { stroke: BASELINE, lineWidth: 1 },
  });
  const slot = (box.width - 2 * PAD) / 2;
  (['A', 'B'] as const).forEach((plan, i) => {
    const bar = bars[i]!;
    const value = numberOrNull(plan === 'A' ? comparison.a[key] : comparison.b[key]);
    if (bar.height > 0) out.push(rect(bar, plan === 'A' ? PLAN_A_COLOUR : PLAN_B_COLOUR));
    const wins = winner === plan;
    const room = slot - (wins ? 18 : 4); // the winner's tick takes 14 px
    const label = valueText(key, value, room);
    // Shrink only what still does not fit (a huge ROI in percent); never below 9 px.
    const size = Math.max(9, Math.min(VALUE.size, (VALUE.size * room) / textWidth(label, VALUE.size, wins)));
    const below = value !== null && value < 0;
    const y = below ? bar.y + bar.height + 4 : bar.y - 4;
    const centre = bar.x + bar.width / 2;
    // The winner's label shifts left to make room for the tick on its right.
    const labelWidth = textWidth(label, size, wins);
    const x = wins ? centre - 8 : centre;
    out.push(
      text(label, x, y, {
        size,
        bold: wins,
        fill: value === null ? MUTED : wins || winner === 'tie' ? TEXT : MUTED,
        align: 'center',
        valign: below ? 'top' : 'bottom',
      }),
    );
    if (wins) out.push(tick(x + labelWidth / 2 + 4, below ? y + size / 2 + 1 : y - size / 2 + 1));
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

export interface CompareChartOptions {
  comparison: Comparison;
}

export function compareChart(opts: CompareChartOptions): ReplyFile {
  const { comparison } = opts;
  const data = renderChart(compareOption(comparison), COMPARE_CHART_SIZE);
  const labels = PANEL_METRICS.map((k) => HEADING[k] ?? INFO.get(k)!.label).join(', ');
  return {
    name: 'compare.png',
    data,
    description: `Chart: Plan A (orange) and Plan B (blue) side by side on ${labels}, each on its own scale. ${splitVerdict(comparison.verdict).headline}`,
  };
}
