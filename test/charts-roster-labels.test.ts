/**
 * What the /roster chart writes: bar labels in text the chart font can draw (a house tier named in
 * CJK, Arabic or emoji falls back to its range), twelve tiers each labelled inside its own slot,
 * long tier names that start alike kept apart, a long name shortened at a word, a title on one
 * line, follower counts never rounded over a tier line, and the axis title clear of the labels.
 */

import { describe, expect, it } from 'vitest';
import { roster } from '../src/commands/roster';
import type { Attachment, Reply } from '../src/commands/types';
import { ROSTER_CHART_SIZE, rosterOption, type RosterChartBar, type RosterChartOptions } from '../src/charts/roster';
import { chartSvg } from '../src/charts/render';
import { textWidth } from '../src/charts/text-width';
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
  // A 5,000-creator file: one bar per house tier and one below them.
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

describe('/roster chart: long names, titles and follower counts', () => {
  it('shortens a long tier name at a word, never mid-word', () => {
    const label = 'Established creators with loyal niche audiences';
    const option = rosterOption({ title: '3 creators by tier', basis: 'by your house definition', bars: [{ label, creators: 3, followers: 90_000 }] });
    const [shown] = (option.xAxis as { data: string[] }).data;
    expect(shown!.endsWith('…')).toBe(true);
    expect(shown!.length).toBeLessThanOrEqual(28);
    // Every word kept is whole.
    for (const word of shown!.slice(0, -1).split(' ')) expect(label.split(' ')).toContain(word);
  });

  it('keeps a title on one line, without control characters', () => {
    const option = rosterOption({ title: 'Spring\n\tlaunch\u200b roster', basis: 'by your house definition', bars: [] });
    expect((option.title as { text: string }).text).toBe('Spring launch roster');
  });

  it('labels each bar with its followers as counted, never rounded over a tier line ("1M" for 999,999)', () => {
    const option = rosterOption({
      title: '3 creators by tier',
      basis: 'by the publishers',
      bars: [
        { label: 'macro', creators: 1, followers: 999_999 },
        { label: 'micro', creators: 1, followers: 49_999 },
        { label: 'mega', creators: 1, followers: 2_000_000 },
      ],
    });
    const labels = (option.series as { data: { label: { formatter: string } }[] }[])[0]!.data.map((d) => d.label.formatter);
    expect(labels).toEqual(['1 · 999,999', '1 · 49,999', '1 · 2M']);
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

  async function twelveTierRoster(): Promise<Reply> {
    const store = memoryStore();
    await store.setHouse('333', { text: HOUSE, setById: '1', setByName: 'Manager', setAt: new Date(0) });
    const bytes = new TextEncoder().encode(CSV);
    const file: Attachment = { id: '900', filename: 'r12.csv', url: URL_OF, size: bytes.length, contentType: 'text/csv' };
    return roster.run({ file } as never, testContext({ files: { [URL_OF]: bytes }, guildId: '333', store }));
  }

  it('keeps the axis title clear of the label over the first bar', async () => {
    const reply = await twelveTierRoster();
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
