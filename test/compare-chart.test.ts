import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { chartFile } from '../src/charts/index';
import {
  COMPARE_CHART_SIZE,
  PANEL_METRICS,
  PLAN_A_COLOUR,
  PLAN_B_COLOUR,
  WIN_COLOUR,
  compareChart,
  compareLayout,
  compareOption,
  splitVerdict,
  textWidth,
  valueText,
  type Box,
} from '../src/charts/compare-plans';
import { comparePlans, parseCompareInput, type CompareInput, type Comparison, type MetricKey } from '../src/domain/compare';
import { UNHURRIED_MS } from './fixtures/renderer-wait';

function comparisonOf(input: CompareInput): Comparison {
  const parsed = parseCompareInput(input);
  if (!parsed.ok) throw new Error(parsed.reason);
  return comparePlans(parsed.scenario);
}

const DEFAULT = comparisonOf({});
const KARDASHIAN = comparisonOf({ preset: 'kardashian', big_fee: '10k' });

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
const panelBox = (c: Comparison, key: MetricKey): Box => compareLayout(c).panels.find((p) => p.key === key)!.box;

interface TextEl {
  type: string;
  style?: { text?: string; fontWeight?: string };
}
const texts = (c: Comparison): TextEl[] => (compareOption(c).graphic as TextEl[]).filter((e) => e.type === 'text');

describe('compare chart', () => {
  it('is a compare.png of the expected size, not blank, in both plan colours', () => {
    const file = compareChart({ comparison: DEFAULT });
    expect(file.name).toBe('compare.png');
    expect(file.description).toContain(splitVerdict(DEFAULT.verdict).headline);
    const png = PNG.sync.read(file.data);
    expect({ width: png.width, height: png.height }).toEqual(COMPARE_CHART_SIZE);
    const colours = new Set<number>();
    for (let i = 0; i < png.data.length; i += 4) colours.add((png.data[i]! << 16) | (png.data[i + 1]! << 8) | png.data[i + 2]!);
    expect(colours.size).toBeGreaterThan(100);
    expect(count(png, PLAN_A_COLOUR)).toBeGreaterThan(10_000);
    expect(count(png, PLAN_B_COLOUR)).toBeGreaterThan(10_000);
    expect(count(png, WIN_COLOUR)).toBeGreaterThan(50); // the ticks
  });

  it('has the verdict as its title: the first sentence as headline, the rest beneath, wrapped to fit', () => {
    for (const c of [DEFAULT, KARDASHIAN, comparisonOf({ budget: '500' })]) {
      const title = compareOption(c).title as { text: string; subtext: string };
      const { headline, rest } = splitVerdict(c.verdict);
      expect(title.text.replace(/\n/g, ' ')).toBe(headline);
      expect(`${title.text} ${title.subtext}`.replace(/\s+/g, ' ')).toBe(c.verdict);
      for (const line of title.text.split('\n')) expect(textWidth(line, 18, true)).toBeLessThanOrEqual(COMPARE_CHART_SIZE.width - 40);
      expect(rest).not.toBe('');
    }
    expect(splitVerdict('Plan B wins on CPE ($0.42 vs $0.50). Plan A wins 0.')).toEqual({
      headline: 'Plan B wins on CPE ($0.42 vs $0.50).',
      rest: 'Plan A wins 0.',
    });
  });

  it('draws one panel per metric with its values, the winner in bold', () => {
    const labels = texts(KARDASHIAN).map((e) => e.style?.text);
    for (const key of PANEL_METRICS) {
      expect(labels).toContain(valueText(key, KARDASHIAN.a[key]));
      expect(labels).toContain(valueText(key, KARDASHIAN.b[key]));
    }
    const bold = texts(KARDASHIAN).filter((e) => e.style?.fontWeight === 'bold').map((e) => e.style?.text);
    expect(bold).toContain('$1,000'); // Plan B's lower cost
    expect(bold).toContain('15,000,000'); // Plan A's larger audience
    expect(bold).not.toContain('$10,000');
    expect(labels).toContain('↓ lower is better');
  });

  it('bar heights follow the numbers, each panel on its own scale', () => {
    // Default: both plans cost $1,000; with 5 micros Plan B costs $500, half Plan A's bar.
    const even = render(DEFAULT);
    const half = comparisonOf({ micro_count: 5 });
    const halved = render(half);
    const box = panelBox(DEFAULT, 'cost');
    expect(panelBox(half, 'cost')).toEqual(box);
    const a1 = barIn(even, PLAN_A_COLOUR, box).height;
    const b1 = barIn(even, PLAN_B_COLOUR, box).height;
    const a2 = barIn(halved, PLAN_A_COLOUR, box).height;
    const b2 = barIn(halved, PLAN_B_COLOUR, box).height;
    expect(a1).toBeGreaterThan(100);
    expect(b1).toBe(a1);
    expect(a2).toBe(a1);
    expect(Math.abs(b2 - a1 / 2)).toBeLessThanOrEqual(1);

    // The drawn bars are where the layout says.
    const layout = compareLayout(half).panels.find((p) => p.key === 'cost')!;
    expect(barIn(halved, PLAN_B_COLOUR, box)).toEqual({ height: layout.bars[1].height, top: layout.bars[1].y });
  });

  it('shows a tiny value as a sliver, not as nothing', () => {
    // Kardashian: 15,000,000 against 100,000 unique audience.
    const png = render(KARDASHIAN);
    const box = panelBox(KARDASHIAN, 'uniqueAudience');
    expect(barIn(png, PLAN_A_COLOUR, box).height).toBeGreaterThan(100);
    expect(barIn(png, PLAN_B_COLOUR, box).height).toBeGreaterThanOrEqual(2);
    expect(barIn(png, PLAN_B_COLOUR, box).height).toBeLessThanOrEqual(3);
  });

  it('draws a negative ROI below the zero line', () => {
    expect(KARDASHIAN.a.roi).toBeLessThan(0);
    expect(KARDASHIAN.b.roi).toBeGreaterThan(0);
    const panel = compareLayout(KARDASHIAN).panels.find((p) => p.key === 'roi')!;
    const [a, b] = panel.bars;
    expect(a.y).toBe(panel.zero);
    expect(b.y + b.height).toBe(panel.zero);
    // −91% against +77.75%: Plan A's bar is the longer one.
    expect(a.height).toBeGreaterThan(b.height);
    const png = render(KARDASHIAN);
    const bar = barIn(png, PLAN_A_COLOUR, panel.box);
    expect(bar.top).toBeGreaterThanOrEqual(panel.zero);
    expect(bar.height).toBe(a.height);
    expect(texts(KARDASHIAN).map((e) => e.style?.text)).toContain('−91%');
  });

  it('shows "n/a" for a metric that is not defined, and fits huge values', () => {
    const odd = comparisonOf({ big_followers: '0', big_fee: '0', micro_count: '1m', micro_followers: '10b', order_value: '100m' });
    expect(odd.a.cpe).toBeNull();
    const labels = texts(odd).map((e) => e.style?.text ?? '');
    expect(labels.filter((t) => t === 'n/a').length).toBeGreaterThanOrEqual(2);
    const layout = compareLayout(odd);
    const png = PNG.sync.read(compareChart({ comparison: odd }).data);
    // No Plan A bar where Plan A has nothing.
    expect(count(png, PLAN_A_COLOUR, layout.panels.find((p) => p.key === 'engagements')!.box)).toBe(0);
    // Every value label fits its half of the panel.
    const slot = (layout.panels[0]!.box.width - 20) / 2;
    for (const key of PANEL_METRICS) {
      for (const v of [odd.a[key], odd.b[key]]) expect(textWidth(valueText(key, v, slot - 18), 13, true)).toBeLessThanOrEqual(slot);
    }
  });

  it('is served by chartFile as compare.png', async () => {
    const file = await chartFile('compare', { comparison: KARDASHIAN }, UNHURRIED_MS);
    expect(file?.name).toBe('compare.png');
    const png = PNG.sync.read(file!.data);
    expect({ width: png.width, height: png.height }).toEqual(COMPARE_CHART_SIZE);
  });
});
