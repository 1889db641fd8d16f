import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { renderChart, stopCharts } from '../src/charts/index';
import {
  COMPARE_CHART_SIZE,
  PANEL_METRICS,
  PLAN_A_COLOUR,
  PLAN_B_COLOUR,
  WIN_COLOUR,
  chartTitle,
  compareChart,
  compareLayout,
  compareOption,
  textWidth,
  valueText,
  type Box,
} from '../src/charts/compare-plans';
import { comparePlans, parseCompareInput, robustnessText, verdictHeadline, type CompareInput, type Comparison, type MetricName } from '../src/domain/compare';
import { UNHURRIED_MS } from './fixtures/renderer-wait';

function comparisonOf(input: CompareInput): Comparison {
  const parsed = parseCompareInput(input);
  if (!parsed.ok) throw new Error(parsed.reason);
  return comparePlans(parsed.scenario);
}

const DEFAULT = comparisonOf({});
const KARDASHIAN = comparisonOf({ preset: 'kardashian' });

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
    // Plan B's reach: 37,720 expected, 22,632 at 40% overlap; Plan A's has no spread.
    const reach = panel(DEFAULT, 'reach');
    const [a, b] = reach.marks;
    expect(reach.scale).toBe('linear');
    expect(a.whisker!.top).toBe(a.whisker!.bottom);
    expect(b.whisker!.top).toBe(b.bar.y);
    expect(b.whisker!.bottom).toBeGreaterThan(b.bar.y);
    // Linear from zero: the whisker's bottom sits at 22,632 ÷ 37,720 of the bar's height.
    const h = b.bar.height;
    expect(Math.abs(reach.zero - b.whisker!.bottom - (h * 22_632) / 37_720)).toBeLessThanOrEqual(1.5);
    expect(labels(DEFAULT)).toContain('22,632 to 37,720');
    expect(labels(DEFAULT)).toContain('1,550 to 3,800');
    // Cost per order spans $18 to $8,837: a log scale, said in the panel.
    expect(panel(DEFAULT, 'cost_per_order').scale).toBe('log');
    expect(labels(DEFAULT)).toContain('↓ lower is better · log scale');
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

  it('bar heights follow the numbers on a linear panel', () => {
    // Cost: $1,000 against 5 micros at $100 = $500.
    const half = comparisonOf({ micro_count: '5', micro_fee: '100', big_fee: '1000' });
    const cost = panel(half, 'cost');
    expect(cost.scale).toBe('linear');
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
    const odd = comparisonOf({ big_followers: '1', big_fee: '0', micro_count: '1m', micro_followers: '10b', order_value: '100m' });
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
