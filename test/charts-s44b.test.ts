import { describe, expect, it } from 'vitest';
import { roster } from '../src/commands/roster';
import type { Attachment, Reply } from '../src/commands/types';
import { ROSTER_CHART_SIZE, rosterOption } from '../src/charts/roster';
import { compareLayout, compareOption, valueText, type PanelLayout } from '../src/charts/compare-plans';
import { chartSvg } from '../src/charts/render';
import { textWidth } from '../src/charts/text-width';
import { comparePlans, parseCompareInput, type CompareInput, type Comparison, type MetricName } from '../src/domain/compare';
import { memoryStore, testContext } from './support/context';

function comparisonOf(input: CompareInput): Comparison {
  const parsed = parseCompareInput(input);
  if (!parsed.ok) throw new Error(parsed.reason);
  return comparePlans(parsed.scenario);
}

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
    expect(valueText('visits', 0.3, 0)).toBe('<1');
    // Large values are still shortened by their unit.
    expect(valueText('revenue', 12_345_678, 0)).toBe('$12.3M');
  });
});

/** The boxes of the texts in an ECharts SVG (one line each, anchored as drawn). */
function svgTexts(svg: string): { text: string; left: number; right: number; top: number; bottom: number }[] {
  return [...svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)].map(([, attrs = '', text = '']) => {
    const size = Number(/font-size:([\d.]+)px/.exec(attrs)![1]);
    const [, tx = '0', ty = '0'] = /translate\(([-\d.]+) ([-\d.]+)\)/.exec(attrs) ?? [];
    const dy = Number(/\sy="([-\d.]+)"/.exec(attrs)?.[1] ?? 0);
    const anchor = /text-anchor="(\w+)"/.exec(attrs)?.[1] ?? 'start';
    const width = textWidth(text, size);
    const left = Number(tx) - (anchor === 'end' ? width : anchor === 'middle' ? width / 2 : 0);
    const middle = Number(ty) + dy;
    return { text, left, right: left + width, top: middle - size / 2, bottom: middle + size / 2 };
  });
}

describe('/roster chart: twelve house tiers, every bar as tall as the axis', () => {
  const HOUSE =
    'Tier level one starter creators 1k-2k, Tier level one advanced creators 2k-5k, Tier level two 5k-10k, Tier level three 10k-20k, Tier level four 20k-50k, Tier level five 50k-100k, Tier level six 100k-200k, Tier level seven 200k-500k, Tier level eight 500k-1M, Tier level nine 1M-2M, Tier level ten 2M-5M, Tier level eleven extraordinary 5M+';
  const FOLLOWERS = [500, 1500, 3000, 7000, 15000, 30000, 70000, 150000, 300000, 700000, 1500000, 3000000, 8000000];
  const CSV = `name,followers\n${[0, 1, 2].flatMap((n) => FOLLOWERS.map((f, i) => `c${n * 13 + i},${f}`)).join('\n')}\n`;
  const URL_OF = 'https://cdn.discordapp.com/attachments/1/2/r12.csv';

  async function rosterWithHouse(): Promise<Reply> {
    const store = memoryStore();
    await store.setHouse('333', { text: HOUSE, setById: '1', setByName: 'Manager', setAt: new Date(0) });
    const bytes = new TextEncoder().encode(CSV);
    const file: Attachment = { id: '900', filename: 'r12.csv', url: URL_OF, size: bytes.length, contentType: 'text/csv' };
    return roster.run({ file } as never, testContext({ files: { [URL_OF]: bytes }, guildId: '333', store }));
  }

  it('keeps the axis title clear of the label over the first bar', async () => {
    const reply = await rosterWithHouse();
    if (reply.chart?.kind !== 'roster') throw new Error('no roster chart');
    expect(reply.chart.opts.bars.map((b) => b.creators)).toEqual(Array(13).fill(3));
    const texts = svgTexts(chartSvg(rosterOption(reply.chart.opts), ROSTER_CHART_SIZE));
    const title = texts.find((t) => t.text === 'creators')!;
    const firstLabel = texts.find((t) => t.text.startsWith('3 · '))!;
    expect(firstLabel.text).toBe('3 · 1.5k');
    for (const other of texts.filter((t) => t !== title)) {
      const overlaps = other.left < title.right && title.left < other.right && other.top < title.bottom && title.top < other.bottom;
      expect(overlaps, other.text).toBe(false);
    }
  });
});
