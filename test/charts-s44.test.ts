import { describe, expect, it } from 'vitest';
import { roster } from '../src/commands/roster';
import type { Attachment, Reply } from '../src/commands/types';
import { ROSTER_CHART_SIZE, rosterOption, type RosterChartBar, type RosterChartOptions } from '../src/charts/roster';
import { compareLayout, compareOption, valueText } from '../src/charts/compare-plans';
import { textWidth } from '../src/charts/text-width';
import { comparePlans, parseCompareInput, type CompareInput } from '../src/domain/compare';
import { memoryStore, testContext } from './support/context';

const GUILD = '2';
const URL_OF = 'https://cdn.discordapp.com/attachments/1/2/intl.csv';

/** The /roster reply for `csv` in a server whose house tiers are `house`. */
async function rosterWithHouse(house: string, csv: string): Promise<Reply> {
  const store = memoryStore();
  await store.setHouse(GUILD, { text: house, setById: '1', setByName: 'Manager', setAt: new Date(0) });
  const bytes = new TextEncoder().encode(csv);
  const file: Attachment = { id: '900', filename: 'team.csv', url: URL_OF, size: bytes.length, contentType: 'text/csv' };
  return roster.run({ file } as never, testContext({ files: { [URL_OF]: bytes }, guildId: GUILD, store }));
}

const rosterOpts = (bars: RosterChartBar[]): RosterChartOptions => ({ title: 'creators by tier', basis: 'by your house definition', bars });
const barNames = (opts: RosterChartOptions): string[] => (rosterOption(opts).xAxis as { data: string[] }).data;
const barValues = (opts: RosterChartOptions) =>
  (rosterOption(opts).series as { data: { label: { formatter: string; fontSize: number } }[] }[])[0]!.data.map((d) => d.label);

/** Scripts Arimo has no glyphs for: drawn, they come out as empty boxes. */
const UNDRAWABLE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Arabic}\p{Extended_Pictographic}]/u;

describe('/roster chart: names the chart font cannot draw', () => {
  const HOUSE = 'tiers:小さい 1k-10k, Средний 10k-100k, كبير 100k-1M, 🚀 rocket 1M+';
  const CSV = 'name,followers\nAlena,5000\nWang,50000\nMuhammad,500000\nParty,2000000\nTiny,150\nBig,20000000\n';

  it('labels every bar of a house in CJK, Arabic and emoji with text it can draw, each bar told apart', async () => {
    const reply = await rosterWithHouse(HOUSE.replace(/^tiers:/, ''), CSV);
    if (reply.chart?.kind !== 'roster') throw new Error('no roster chart');
    const names = barNames(reply.chart.opts);
    expect(names).toHaveLength(5);
    for (const name of names) {
      expect(name, name).not.toMatch(UNDRAWABLE);
      expect(name.trim(), name).not.toBe('');
    }
    expect(new Set(names).size).toBe(names.length);
    // What can be drawn is kept as typed; a name with nothing drawable is the range the team gave it.
    expect(names).toEqual(['below (under 1k)', '1k–10k', 'Средний', '100k–1M', 'rocket (1M+)']);
  });

  it('names the counts a tier covers where its name cannot be drawn, with any part that can', () => {
    const names = barNames(
      rosterOpts([
        { label: '小さい', range: '1k–10k', creators: 1, followers: 5_000 },
        { label: 'Средний', range: '10k–100k', creators: 1, followers: 50_000 },
        { label: 'كبير', range: '100k–1M', creators: 1, followers: 500_000 },
        { label: '🚀 rocket', range: '1M+', creators: 2, followers: 22_000_000 },
      ]),
    );
    expect(names).toEqual(['1k–10k', 'Средний', '100k–1M', 'rocket (1M+)']);
  });
});

describe('/roster chart: twelve tiers, the most a house has', () => {
  // The auditor's 5,000-creator file, one bar per house tier and one below them.
  const BARS: [number, number][] = [
    [721, 278_070],
    [339, 616_559],
    [156, 602_939],
    [220, 1_571_296],
    [272, 4_434_510],
    [213, 7_675_545],
    [235, 16_963_158],
    [271, 43_580_462],
    [214, 78_116_093],
    [221, 159_787_775],
    [492, 1_223_456_789],
    [207, 1_491_234_567],
    [1_439, 317_899_252_990],
  ];
  const opts = rosterOpts(BARS.map(([creators, followers], i) => ({ label: i === 0 ? 'below T1' : `T${i}`, creators, followers })));
  const slot = (ROSTER_CHART_SIZE.width - 96) / BARS.length;

  it('fits the label over each bar inside its own slot, so neighbours never overlap nor run off the image', () => {
    for (const { formatter, fontSize } of barValues(opts)) {
      for (const line of formatter.split('\n')) expect(textWidth(line, fontSize), formatter).toBeLessThanOrEqual(slot);
    }
  });

  it('still gives each bar its creators and followers, shortened only where the full count does not fit, and never rounded up', () => {
    const labels = barValues(opts).map((l) => l.formatter);
    expect(labels[8]).toBe('214\n78,116,093');
    expect(labels[12]).toBe('1,439\n≈317B');
    const nearALine = barValues(rosterOpts(BARS.map(([creators], i) => ({ label: `T${i}`, creators, followers: i === 12 ? 999_999_999 : 1_000 }))));
    expect(nearALine[12]!.formatter).toBe('1,439\n≈999M');
  });
});

describe('/roster chart: long tier names that start alike', () => {
  const names = Array.from({ length: 12 }, (_, i) => `Very long tier name number ${i + 1} xx`);

  it('keeps what tells them apart, each bar named differently and in the house order', async () => {
    const house = names.map((n, i) => `${n} ${(i + 1) * 1000}-${(i + 2) * 1000}`).join(', ');
    const csv = `name,followers\n${names.map((_, i) => `c${i},${(i + 1) * 1000 + 500}`).join('\n')}\n`;
    const reply = await rosterWithHouse(house, csv);
    if (reply.chart?.kind !== 'roster') throw new Error('no roster chart');
    const shown = barNames(reply.chart.opts);
    expect(shown).toHaveLength(12);
    expect(new Set(shown).size).toBe(12);
    shown.forEach((label, i) => {
      expect(label.length, label).toBeLessThanOrEqual(28);
      expect(label.endsWith(`${i + 1} xx`), label).toBe(true);
      expect(label.startsWith('Very long'), label).toBe(true);
    });
  });
});

function comparisonOf(input: CompareInput) {
  const parsed = parseCompareInput(input);
  if (!parsed.ok) throw new Error(parsed.reason);
  return comparePlans(parsed.scenario);
}

describe('/compare chart with one micro-influencer', () => {
  const c = comparisonOf({ micro_count: '1' });

  it('draws the arrowhead of a whisker whose low end is the bar and whose high end runs past the panel', () => {
    const engagements = compareLayout(c).panels.find((p) => p.key === 'engagements')!;
    const [a] = engagements.marks;
    expect(a.whisker).toMatchObject({ top: engagements.plot.top, cutAtTop: true });
    const polygons = (compareOption(c).graphic as { type: string; shape?: { points?: [number, number][] } }[]).filter((e) => e.type === 'polygon');
    expect(polygons.map((e) => e.shape!.points![0])).toContainEqual([a.bar.x + a.bar.width / 2, engagements.plot.top]);
  });

  it('writes a fraction of a count as under 1, as the reply does, never as 1', () => {
    expect(c.b.metrics.visits!.low).toBeGreaterThan(0.5);
    expect(c.b.metrics.visits!.low).toBeLessThan(1);
    const texts = (compareOption(c).graphic as { type: string; style?: { text?: string } }[]).filter((e) => e.type === 'text').map((e) => e.style?.text);
    expect(texts).toContain('<1 to 75');
    expect(texts).not.toContain('1 to 75');
    expect(valueText('orders', 0.75)).toBe('<1');
  });
});
