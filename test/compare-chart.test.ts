/**
 * The /compare chart: its size, colours and title; ranges as whiskers, cut with arrowheads where
 * they run past a panel; every panel linear from zero to the scale of its bars; values, winners and
 * "not reported" or "not defined" as the reply gives them; a fraction of a count written "under 1"; money
 * far under a cent never written "$0" and range lines that fit their half of a panel; and
 * compare.png drawn by the renderer process.
 */

import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { renderChart, stopCharts } from '../src/charts/index';
import {
  COMPARE_CHART_SIZE,
  MIN_BAR_HEIGHT,
  PANEL_METRICS,
  PLAN_A_COLOUR,
  PLAN_B_COLOUR,
  WIN_COLOUR,
  chartTitle,
  compareChart,
  compareLayout,
  compareOption,
  valueText,
  type Box,
  type PanelLayout,
} from '../src/charts/compare-plans';
import { robustnessText, verdictHeadline, type Comparison, type MetricName } from '../src/domain/compare';
import { UNHURRIED_MS } from './fixtures/renderer-wait';
import { textWidth } from '../src/charts/text-width';
import { comparisonOf } from './support/compare';

const DEFAULT = comparisonOf({});
const KARDASHIAN = comparisonOf({ preset: 'kardashian' });
/** A fee of $250,000 against 3 micros at $100: costs 833× apart, orders 30 against about 1. */
const KARDASHIAN_250K = comparisonOf({ preset: 'kardashian', big_fee: '250k', micro_count: '3' });
const SCENARIOS = [DEFAULT, KARDASHIAN, KARDASHIAN_250K, comparisonOf({ budget: '5000' }), comparisonOf({ platform: 'tiktok', micro_count: '33' })];

const rgb = (css: string): number => parseInt(css.slice(1), 16);
const pixel = (png: PNG, x: number, y: number): number => {
  const i = (y * png.width + x) * 4;
  return (png.data[i]! << 16) | (png.data[i + 1]! << 8) | png.data[i + 2]!;
};

function count(png: PNG, colour: string, box: Box = { x: 0, y: 0, width: png.width, height: png.height }): number {
  const target = rgb(colour);
  let n = 0;
  for (let y = box.y; y < box.y + box.height; y++) for (let x = box.x; x < box.x + box.width; x++) if (pixel(png, x, y) === target) n++;
  return n;
}

/** The tallest column of `colour` inside `box`, and where it starts: a bar's height and top. */
function barIn(png: PNG, colour: string, box: Box): { height: number; top: number } {
  const target = rgb(colour);
  let best = { height: 0, top: -1 };
  for (let x = box.x; x < box.x + box.width; x++) {
    let height = 0;
    let top = -1;
    for (let y = box.y; y < box.y + box.height; y++) {
      if (pixel(png, x, y) !== target) continue;
      if (top < 0) top = y;
      height++;
    }
    if (height > best.height) best = { height, top };
  }
  return best;
}

const render = (c: Comparison): PNG => PNG.sync.read(compareChart({ comparison: c }).data);
const panel = (c: Comparison, key: MetricName) => compareLayout(c).panels.find((p) => p.key === key)!;

/** The plot's extent in pixels and the pixels per unit of its bars, from its tallest bar. */
function scaleOf(c: Comparison, p: PanelLayout): { perUnit: number; tallest: number } | null {
  const bars = ([c.a, c.b] as const).flatMap((plan, i) => {
    const range = plan.metrics[p.key];
    return range && range.expected !== 0 ? [{ value: Math.abs(range.expected), height: p.marks[i]!.bar.height }] : [];
  });
  if (bars.length === 0) return null;
  const tallest = bars.reduce((big, bar) => (bar.value > big.value ? bar : big));
  return { perUnit: tallest.height / tallest.value, tallest: tallest.height };
}

/**
 * Checks that a panel is drawn linear from zero, to the scale of its bars: every bar is its
 * expected value times one pixels-per-unit, within rounding (a bar too small to see is drawn at
 * the minimum height); every whisker end is its value on that scale, or, past the plot, cut at
 * its edge and marked so.
 */
function expectLinearFromZero(c: Comparison, p: PanelLayout): void {
  const scale = scaleOf(c, p);
  if (scale === null) return;
  const { perUnit } = scale;
  ([c.a, c.b] as const).forEach((plan, i) => {
    const range = plan.metrics[p.key];
    const { bar, whisker } = p.marks[i]!;
    if (!range || !whisker) return;
    if (range.expected !== 0) {
      expect(Math.abs(bar.height - Math.max(MIN_BAR_HEIGHT, perUnit * Math.abs(range.expected))), `${p.key} bar at ${range.expected}`).toBeLessThanOrEqual(2);
      // On the zero line: above it when positive, below it when negative.
      expect(range.expected > 0 ? bar.y + bar.height : bar.y, `${p.key} bar's base`).toBe(p.zero);
    }
    const ends = [
      { value: range.high, y: whisker.top, cut: whisker.cutAtTop, edge: p.plot.top },
      { value: range.low, y: whisker.bottom, cut: whisker.cutAtBottom, edge: p.plot.bottom },
    ];
    for (const end of ends) {
      const unclipped = p.zero - perUnit * end.value;
      const beyond = end.edge === p.plot.top ? unclipped < end.edge - 2 : unclipped > end.edge + 2;
      if (end.cut) {
        expect(end.y, `${p.key} whisker cut at ${end.value}`).toBe(end.edge);
        expect(beyond, `${p.key} whisker at ${end.value} is past the edge`).toBe(true);
      } else expect(Math.abs(end.y - unclipped), `${p.key} whisker at ${end.value}`).toBeLessThanOrEqual(2);
    }
  });
}

/** The arrowheads drawn on cut whisker ends, as their tips: one per cut end. */
const arrowTips = (c: Comparison): [number, number][] =>
  (compareOption(c).graphic as { type: string; shape?: { points?: [number, number][] } }[]).filter((e) => e.type === 'polygon').map((e) => e.shape!.points![0]!);

interface TextEl {
  type: string;
  style?: { text?: string; fontWeight?: string };
}
const texts = (c: Comparison): TextEl[] => (compareOption(c).graphic as TextEl[]).filter((e) => e.type === 'text');
const labels = (c: Comparison) => texts(c).map((e) => e.style?.text ?? '');

afterAll(stopCharts);

describe('compare chart', () => {
  it('is a compare.png of the expected size, in both plan colours, with the winners ticked', () => {
    const file = compareChart({ comparison: DEFAULT });
    expect(file.name).toBe('compare.png');
    expect(file.description).toContain(verdictHeadline(DEFAULT));
    expect(file.description).toContain('whiskers the low-to-high range');
    expect(file.description).toContain('an arrowhead where a whisker runs past its panel');
    const png = PNG.sync.read(file.data);
    expect({ width: png.width, height: png.height }).toEqual(COMPARE_CHART_SIZE);
    expect(count(png, PLAN_A_COLOUR)).toBeGreaterThan(10_000);
    expect(count(png, PLAN_B_COLOUR)).toBeGreaterThan(10_000);
    expect(count(png, WIN_COLOUR)).toBeGreaterThan(50);
  });

  it('has the verdict as its title and what it depends on beneath, wrapped to fit', () => {
    for (const c of [DEFAULT, KARDASHIAN, comparisonOf({ budget: '5000' })]) {
      const title = compareOption(c).title as { text: string; subtext: string };
      expect(title.text.replace(/\n/g, ' ')).toBe(verdictHeadline(c));
      expect(title.subtext.replace(/\n/g, ' ')).toBe(robustnessText(c));
      for (const line of title.text.split('\n')) expect(textWidth(line, 18, true)).toBeLessThanOrEqual(COMPARE_CHART_SIZE.width - 40);
    }
    expect(chartTitle(KARDASHIAN).rest).toBe('The verdict holds across every sourced range, and across the ranges of Tierbot’s own assumptions.');
  });

  it('shows the ranges: a whisker from low to high around each expected bar, and the range in words', () => {
    // Plan B's reach: 37,720 expected, 22,632 at 40% overlap; Plan A's, 22,885 to 22,944.77 (99,999 × 22.945%),
    // is under a pixel.
    const reach = panel(DEFAULT, 'reach');
    const [a, b] = reach.marks;
    expect(a.whisker!.top).toBe(a.whisker!.bottom);
    expect(b.whisker!.top).toBe(b.bar.y);
    expect(b.whisker!.bottom).toBeGreaterThan(b.bar.y);
    // Linear from zero: the whisker's bottom sits at 22,632 ÷ 37,720 of the bar's height.
    const h = b.bar.height;
    expect(Math.abs(reach.zero - b.whisker!.bottom - (h * 22_632) / 37_720)).toBeLessThanOrEqual(1.5);
    expect(labels(DEFAULT)).toContain('22,632 to 37,720');
    expect(labels(DEFAULT)).toContain('22,885 to 22,945');
    expect(labels(DEFAULT)).toContain('1,550 to 3,800');
  });

  it('scales cost per order to its bars, not its whiskers: $348.66 against $212.09 reads as 1.6 times', () => {
    const costPerOrder = panel(DEFAULT, 'cost_per_order');
    const [a, b] = costPerOrder.marks;
    const [rangeA, rangeB] = [DEFAULT.a.metrics.cost_per_order!, DEFAULT.b.metrics.cost_per_order!];
    expect(a.bar.height).toBeGreaterThan(100);
    expect(Math.abs(b.bar.height - (a.bar.height * rangeB.expected) / rangeA.expected)).toBeLessThanOrEqual(1);
    expect(a.bar.height - b.bar.height).toBeGreaterThan(40);
    // Both whiskers run to about $8,800, far past twice the larger bar: cut at the panel's top, with an arrowhead.
    for (const [mark, range] of [
      [a, rangeA],
      [b, rangeB],
    ] as const) {
      expect(range.high).toBeGreaterThan(2 * rangeA.expected);
      expect(mark.whisker).toMatchObject({ top: costPerOrder.plot.top, cutAtTop: true, cutAtBottom: false });
      expect(arrowTips(DEFAULT)).toContainEqual([mark.bar.x + mark.bar.width / 2, costPerOrder.plot.top]);
    }
    // The full range is still written under each bar. Plan A's: $232.50 ÷ 11.4724 orders (99,999 × 22.945% × 2%
    // × 2.5%) = $20.27 to $1,000 ÷ 0.114425 (22,885 × 0.02% × 2.5%) = $8,739.
    expect(labels(DEFAULT)).toContain('$20.27 to $8,739');
    expect(labels(DEFAULT)).toContain('$4.29 to $8,837');
  });

  it('leaves headroom for whiskers up to twice the taller bar, and ends them at their values', () => {
    // Engagements: bars 1,620 and 2,280; Plan A's high, 3,800, is within twice 2,280 and sets the
    // top; Plan B's, 6,300, is past it.
    const engagements = panel(DEFAULT, 'engagements');
    const [a, b] = engagements.marks;
    expect(a.whisker).toMatchObject({ top: engagements.plot.top, cutAtTop: false });
    expect(b.whisker).toMatchObject({ top: engagements.plot.top, cutAtTop: true });
    expect(Math.abs(engagements.zero - b.bar.y - ((engagements.zero - engagements.plot.top) * 2_280) / 3_800)).toBeLessThanOrEqual(1);
    // Kardashian cost per order: Plan A's $16,667 sets the top; Plan B's $8,837 ends about halfway up.
    const costPerOrder = panel(KARDASHIAN, 'cost_per_order');
    const [highA, highB] = [KARDASHIAN.a.metrics.cost_per_order!.high, KARDASHIAN.b.metrics.cost_per_order!.high];
    const [markA, markB] = costPerOrder.marks;
    expect(markA.whisker).toMatchObject({ top: costPerOrder.plot.top, cutAtTop: false });
    expect(markB.whisker!.cutAtTop).toBe(false);
    expect(Math.abs(costPerOrder.zero - markB.whisker!.top - ((costPerOrder.zero - costPerOrder.plot.top) * highB) / highA)).toBeLessThanOrEqual(1);
    // Each cut end has one arrowhead, and nothing else does.
    for (const c of SCENARIOS) {
      const cutEnds = compareLayout(c).panels.flatMap((p) => p.marks.flatMap((m) => (m.whisker ? [m.whisker.cutAtTop, m.whisker.cutAtBottom] : []))).filter(Boolean);
      expect(arrowTips(c)).toHaveLength(cutEnds.length);
    }
  });

  it('cuts ROI whiskers that run far below the bars at the bottom, arrowheads pointing down', () => {
    // At a $330 order value Plan A's ROI is −5.6% and Plan B's +55.6%; both can fall to −96%.
    const c = comparisonOf({ order_value: '330' });
    const roi = panel(c, 'roi');
    const [a, b] = roi.marks;
    expect(c.a.metrics.roi!.expected).toBeLessThan(0);
    expect(c.a.metrics.roi!.low).toBeLessThan(-90);
    expect(a.bar.y + a.bar.height).toBe(roi.plot.bottom);
    for (const mark of [a, b]) {
      expect(mark.whisker).toMatchObject({ bottom: roi.plot.bottom, cutAtBottom: true });
      expect(arrowTips(c)).toContainEqual([mark.bar.x + mark.bar.width / 2, roi.plot.bottom]);
    }
    expectLinearFromZero(c, roi);
  });

  it('draws every panel linear from zero, each to the scale of its bars, with no log scale anywhere', () => {
    for (const c of SCENARIOS) {
      expect(labels(c).filter((t) => t.includes('log scale'))).toEqual([]);
      for (const p of compareLayout(c).panels) {
        expectLinearFromZero(c, p);
        // Bars, not whiskers, set the scale: the taller bar takes at least half of a panel drawn above zero.
        const scale = scaleOf(c, p);
        if (scale && p.zero === p.plot.bottom) expect(scale.tallest, `${p.key}'s taller bar`).toBeGreaterThanOrEqual((p.plot.bottom - p.plot.top) / 2 - 1);
      }
    }
  });

  it('keeps the ratios bar lengths suggest: $250,000 against $300 is 833 times, 30 orders against 1 is 30 times', () => {
    const c = KARDASHIAN_250K;
    const costs = [c.a.metrics.cost!.expected, c.b.metrics.cost!.expected];
    expect(costs).toEqual([250_000, 300]);
    const cost = panel(c, 'cost');
    const [a, b] = cost.marks.map((m) => m.bar.height) as [number, number];
    // $300 is a fraction of a pixel at $250,000's scale: drawn at the minimum height, so it still shows.
    expect(a).toBeGreaterThan(100);
    expect((a * 300) / 250_000).toBeLessThan(1);
    expect(b).toBe(MIN_BAR_HEIGHT);
    const png = render(c);
    expect(barIn(png, PLAN_B_COLOUR, cost.box).height).toBe(MIN_BAR_HEIGHT);

    const orders = panel(c, 'orders');
    const [ordersA, ordersB] = [c.a.metrics.orders!, c.b.metrics.orders!];
    expect(ordersA.expected).toBe(30);
    expect(Math.round(ordersB.expected)).toBe(1);
    const [barA, barB] = orders.marks.map((m) => m.bar.height) as [number, number];
    expect(Math.abs(barB - (barA * ordersB.expected) / ordersA.expected)).toBeLessThanOrEqual(1);
    // Plan B's whisker tops out at its high, on the same scale.
    expect(Math.abs(orders.zero - orders.marks[1].whisker!.top - (barA * ordersB.high) / ordersA.expected)).toBeLessThanOrEqual(1);
    expect(barIn(png, PLAN_A_COLOUR, orders.box).height).toBe(barA);
  });

  it('draws the expected values, winners in bold on counted measures only', () => {
    const all = labels(DEFAULT);
    for (const key of PANEL_METRICS) {
      expect(all).toContain(valueText(key, DEFAULT.a.metrics[key]!.expected));
      expect(all).toContain(valueText(key, DEFAULT.b.metrics[key]!.expected));
    }
    const bold = texts(DEFAULT).filter((e) => e.style?.fontWeight === 'bold').map((e) => e.style?.text);
    expect(bold).toEqual(expect.arrayContaining(['37,720', '2,280', '$0.44', '$212.09']));
    expect(bold).not.toContain('$1,000'); // cost is not counted
    expect(bold).not.toContain('189'); // visits are not counted
  });

  it('a win on figures that would read alike is drawn with the digits that decide it, as the reply shows it', () => {
    // A micro fee of $140.76: Plan A's CPE $1,000 ÷ 1,620 = $0.6173 against Plan B's $1,407.60 ÷ 2,280 =
    // $0.6174, both "$0.62" in cents.
    const close = comparisonOf({ micro_fee: '140.76' });
    expect(close.verdict.measures.find((m) => m.metric === 'cpe')?.winner).toBe('A');
    const bold = texts(close).filter((e) => e.style?.fontWeight === 'bold').map((e) => e.style?.text);
    expect(bold).toContain('$0.6173');
    expect(labels(close)).toContain('$0.6174'); // Plan B's, not bold
    expect(bold).not.toContain('$0.6174');
  });

  it('bar heights follow the numbers on a linear panel', () => {
    // Cost: $1,000 against 5 micros at $100 = $500.
    const half = comparisonOf({ micro_count: '5', micro_fee: '100', big_fee: '1000' });
    const cost = panel(half, 'cost');
    const png = render(half);
    const a = barIn(png, PLAN_A_COLOUR, cost.box).height;
    const b = barIn(png, PLAN_B_COLOUR, cost.box).height;
    expect(a).toBeGreaterThan(80);
    expect(Math.abs(b - a / 2)).toBeLessThanOrEqual(1);
    expect(barIn(png, PLAN_B_COLOUR, cost.box)).toEqual({ height: cost.marks[1].bar.height, top: cost.marks[1].bar.y });
  });

  it('Kardashian: "not reported" where Plan A has no figure, and no Plan A bar there', () => {
    expect(labels(KARDASHIAN).filter((t) => t === 'not reported').length).toBe(3); // reach, engagements, CPE
    const png = render(KARDASHIAN);
    expect(count(png, PLAN_A_COLOUR, panel(KARDASHIAN, 'reach').box)).toBe(0);
    expect(labels(KARDASHIAN)).toContain('$300,000–$500,000');
  });

  it('says "not defined" where a ratio would divide by zero, as the embed does', () => {
    const free = comparisonOf({ big_fee: '0' });
    expect(free.a.metrics.roi).toBeNull();
    expect(labels(free)).toContain('not defined');
    expect(labels(free)).not.toContain('not reported');
  });

  it('shortens values by the unit they round to: never "1000M"', () => {
    expect(valueText('revenue', 999_995_000, 0)).toBe('$1B');
    expect(valueText('reach', 999_960_000, 0)).toBe('1B');
    expect(valueText('reach', 12_345_678, 0)).toBe('12.3M');
  });

  it('draws a negative ROI below the zero line', () => {
    const roi = panel(DEFAULT, 'roi');
    const [a] = roi.marks;
    expect(DEFAULT.a.metrics.roi!.expected).toBeLessThan(0);
    expect(a.bar.y).toBe(roi.zero);
    const bar = barIn(render(DEFAULT), PLAN_A_COLOUR, roi.box);
    expect(bar.top).toBeGreaterThanOrEqual(roi.zero);
  });

  it('fits huge values in their half of the panel', () => {
    // 10,000,000,000 followers in all, the most Tierbot models.
    const odd = comparisonOf({ big_followers: '1', big_fee: '0', micro_count: '1m', micro_followers: '10k', order_value: '100m' });
    const layout = compareLayout(odd);
    const slot = (layout.panels[0]!.box.width - 20) / 2;
    for (const key of PANEL_METRICS) {
      for (const r of [odd.a.metrics[key], odd.b.metrics[key]]) expect(textWidth(valueText(key, r?.expected ?? null, slot - 18), 13, true)).toBeLessThanOrEqual(slot);
    }
    expect(() => render(odd)).not.toThrow();
  });

  it('is drawn by the renderer process as compare.png from the reply’s chart request', async () => {
    const file = await renderChart({ kind: 'compare', opts: { comparison: KARDASHIAN } }, UNHURRIED_MS);
    expect(file?.name).toBe('compare.png');
    const png = PNG.sync.read(Buffer.from(file!.data));
    expect({ width: png.width, height: png.height }).toEqual(COMPARE_CHART_SIZE);
  });
});

interface DrawnText {
  text: string;
  x: number;
  y: number;
  size: number;
}

/** The texts drawn in one panel of the /compare chart. */
function panelTexts(c: Comparison, key: MetricName): DrawnText[] {
  const panel = compareLayout(c).panels.find((p) => p.key === key)!;
  const inside = ({ x, y }: DrawnText, { box }: PanelLayout) => x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height;
  return (compareOption(c).graphic as { type: string; style?: { text: string; x: number; y: number; fontSize: number } }[])
    .filter((e) => e.type === 'text')
    .map((e) => ({ text: e.style!.text, x: e.style!.x, y: e.style!.y, size: e.style!.fontSize }))
    .filter((t) => inside(t, panel));
}

/** The range lines under the values of one panel, Plan A's then Plan B's. */
function rangeLines(c: Comparison, key: MetricName): DrawnText[] {
  const panel = compareLayout(c).panels.find((p) => p.key === key)!;
  return panelTexts(c, key).filter((t) => t.y === panel.labelsTop + 17);
}

const MONEY_PANELS: MetricName[] = ['cost', 'cpe', 'cost_per_order'];
/** "$0" as a whole amount ("$0–$0"), not the start of "$0.0002". */
const ZERO_DOLLARS = /\$0(?![.\d])/;

describe('/compare chart: amounts of money far under a cent', () => {
  const tiny = comparisonOf({ big_fee: '1', micro_fee: '0.01' });

  it('never writes an amount above zero as $0, in values or ranges', () => {
    for (const key of MONEY_PANELS) {
      for (const plan of [tiny.a, tiny.b]) expect(plan.metrics[key]!.low).toBeGreaterThan(0);
      for (const { text } of panelTexts(tiny, key)) expect(text, key).not.toMatch(ZERO_DOLLARS);
    }
  });

  it('writes a cost per engagement range that does not fit with the digits that tell its ends apart', () => {
    // The reply: "$0.0000438596 ($0.000015873 to $0.0002)", too wide for the panel.
    const [, b] = rangeLines(tiny, 'cpe');
    expect(b?.text).toBe('$0.000016–$0.0002');
  });

  it('keeps every range line inside its half of the panel, even for billionths of a dollar', () => {
    for (const c of [tiny, comparisonOf({ big_fee: '0.01', micro_fee: '0.01', big_followers: '100m', micro_followers: '1m' })]) {
      const slot = (compareLayout(c).panels[0]!.box.width - 20) / 2;
      for (const key of MONEY_PANELS) {
        for (const line of rangeLines(c, key)) {
          expect(line.text).not.toMatch(ZERO_DOLLARS);
          expect(line.size).toBeGreaterThanOrEqual(9);
          expect(textWidth(line.text, line.size), line.text).toBeLessThanOrEqual(slot);
        }
      }
    }
  });

  it('shortens a value that does not fit without rounding it to nothing', () => {
    expect(valueText('cpe', 0.0004, 0)).toBe('<$0.01');
    expect(valueText('cost_per_order', 0.4, 0)).toBe('$0.40');
    expect(valueText('roi', 0.3, 0)).toBe('0.3%');
    expect(valueText('visits', 0.3, 0)).toBe('under 1');
    // Large values are still shortened by their unit.
    expect(valueText('revenue', 12_345_678, 0)).toBe('$12.3M');
  });
});

describe('/compare chart with one micro-influencer', () => {
  const c = comparisonOf({ micro_count: '1' });

  it('draws the arrowhead of a whisker whose low end is the bar and whose high end runs past the panel', () => {
    const engagements = compareLayout(c).panels.find((p) => p.key === 'engagements')!;
    const [a] = engagements.marks;
    expect(a.whisker).toMatchObject({ top: engagements.plot.top, cutAtTop: true });
    expect(arrowTips(c)).toContainEqual([a.bar.x + a.bar.width / 2, engagements.plot.top]);
  });

  it('writes a fraction of a count as under 1, as the reply does, never as 1', () => {
    expect(c.b.metrics.visits!.low).toBeGreaterThan(0.5);
    expect(c.b.metrics.visits!.low).toBeLessThan(1);
    expect(labels(c)).toContain('under 1 to 75');
    expect(labels(c)).not.toContain('1 to 75');
    expect(valueText('orders', 0.75)).toBe('under 1');
  });
});
