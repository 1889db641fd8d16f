import { MessageFlags } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { embedLength } from '../src/commands/limits';
import { HOUSE_UNAVAILABLE_LINE } from '../src/commands/house-lookup';
import { tiers } from '../src/commands/tiers';
import type { Reply } from '../src/commands/types';
import { messageProblems } from '../src/commands/limits';
import { commandProblems } from '../tools/standin/limits';
import type { TeamStore } from '../src/store/types';
import { memoryStore, testComponentContext, testContext } from './support/context';

const text = (reply: Reply) => reply.embeds.map((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text].join('\n')).join('\n');
const ids = (reply: Reply) => (reply.components ?? []).flatMap((row) => row.components.map((c) => ('custom_id' in c ? c.custom_id : '')));
const run = (source?: string, ctx = testContext()) => tiers.run(source === undefined ? {} : ({ source } as never), ctx) as Promise<Reply>;

describe('/tiers', () => {
  it('registers a valid definition, installable by users', () => {
    expect(commandProblems(structuredClone(tiers.definition) as never)).toEqual([]);
    expect(tiers.definition).toMatchObject({ integration_types: [0, 1], contexts: [0, 1, 2] });
  });

  it('overview: short, public, the table by publisher, the chart and an All sources button', async () => {
    const reply = await run();
    expect(reply.flags).toBeUndefined();
    expect(reply.chart).toEqual({ kind: 'tiers', opts: {} });
    expect(reply.embeds[0]!.description).toContain('There is no industry standard.');
    expect(reply.embeds[0]!.description).toMatch(/\nMediakix +1k–10k +10k–50k +50k–500k\n[\s\S]*\nMediakix +500k–1M +1M\+\n/);
    expect(reply.embeds[0]!.description).not.toMatch(/^Hootsuite/m); // shares Mediakix's table
    expect(ids(reply)[0]).toBe('tiers:all');
    expect(embedLength(reply.embeds[0]!)).toBeLessThanOrEqual(1_500);
    expect(messageProblems(reply)).toEqual([]);
  });

  it('keeps the public overview within 1,500 characters of embed text with a house line: set, long, unavailable or unreadable', async () => {
    const housed = async (text: string) => {
      const store = memoryStore();
      await store.setHouse('42', { text, setById: '1', setByName: 'ana', setAt: new Date(0) });
      return run(undefined, testContext({ guildId: '42', store }));
    };
    // Twelve tiers with forty-character names: the longest definition /house set takes.
    const bounds = [0, 1_000, 2_000, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000, 500_000, 1_000_000, 5_000_000];
    const longest = bounds.map((from, i) => `${'Quarterly creator partnership tier'.padEnd(37, 'x')} ${i + 1}${i + 1 < 10 ? 'x' : ''} ${from}-${bounds[i + 1] ?? ''}`.replace(/-$/, '+')).join(', ');
    const failing: TeamStore = { ...memoryStore(), house: async () => Promise.reject(new Error('down')) };
    const cases: [string, Reply][] = [
      ['none', await run()],
      ['set', await housed('nano 1k-10k, micro 10k-75k, macro 75k+')],
      ['long', await housed(longest)],
      ['unavailable', await run(undefined, testContext({ guildId: '42', store: failing }))],
      ['unreadable', await housed('this is not a tier definition')],
    ];
    for (const [name, reply] of cases) {
      expect(embedLength(reply.embeds[0]!), name).toBeLessThanOrEqual(1_500);
      expect(reply.embeds[0]!.description, name).toMatch(/\nMediakix +1k–10k +10k–50k +50k–500k\n[\s\S]*\nMediakix +500k–1M +1M\+\n/);
      expect(messageProblems(reply), name).toEqual([]);
    }
    // A usual definition is shown whole; the longest still names its first tiers whole.
    expect(cases[1]![1].embeds[0]!.description!.split('\n')[0]).toBe('**Your house definition: nano 1k–10k, micro 10k–75k, macro 75k+**');
    expect(cases[2]![1].embeds[0]!.description!.split('\n')[0]).toMatch(/^\*\*Your house definition: Quarterly creator partnership.+ 0–1k, .+, …\*\*$/);
    expect(cases[3]![1].embeds[0]!.description!.split('\n')[0]).toBe(HOUSE_UNAVAILABLE_LINE);
  });

  it('All sources: every definition cited, the counting rules stated, ephemeral and paged', async () => {
    const first = await tiers.component!('tiers:all', [], testComponentContext());
    expect(first.mode).toBe('reply');
    expect(first.reply.flags).toBe(MessageFlags.Ephemeral);
    const count = Number(/of (\d+)/.exec(first.reply.embeds[0]!.footer?.text ?? '')?.[1] ?? 1);
    const pages = [first.reply];
    for (let p = 1; p < count; p++) pages.push((await tiers.component!(`tiers:page:${p}`, [], testComponentContext())).reply);
    const all = pages.map(text).join('\n');
    expect(all).toContain('A publisher with several definitions counts once: its latest dated definition votes, and the others are shown beside it');
    expect(all).toContain('Hootsuite');
    expect(all).toContain('Mediakix, “Standard Terminology in Influencer Marketing”, c. 2019');
    for (const page of pages) expect(messageProblems(page)).toEqual([]);
  });

  it('answers a typo directly, saying what it read', async () => {
    const reply = await run('mediakx');
    expect(reply.inputError).toBeUndefined();
    expect(reply.embeds[0]!.title).toBe('Mediakix');
    expect(reply.embeds[0]!.description).toMatch(/^Showing Mediakix for "mediakx"\./);
    expect((await run('hypeaditor')).embeds[0]!.title).toBe('HypeAuditor');
  });

  it('shows a publisher with several definitions together: CNBC 2017 and CNBC as quoted by TapInfluence', async () => {
    const reply = await run('cnbc');
    expect(reply.embeds[0]!.title).toBe('CNBC');
    const t = text(reply);
    expect(t).toContain('**CNBC** (2017)');
    expect(t).toContain('**CNBC** (quoted by TapInfluence; shown beside its latest definition, no vote)');
  });

  it('leads with the house definition when the server has one; one line when the store fails', async () => {
    const store = memoryStore();
    await store.setHouse('42', { text: 'nano 1k-10k, micro 10k-75k, macro 75k+', setById: '1', setByName: 'ana', setAt: new Date(0) });
    const reply = await run(undefined, testContext({ guildId: '42', store }));
    expect(reply.embeds[0]!.description!.split('\n')[0]).toMatch(/^\*\*Your house definition: nano 1k–10k, micro 10k–75k, macro 75k\+\*\*$/);
    const failing: TeamStore = { ...memoryStore(), house: async () => Promise.reject(new Error('down')) };
    expect((await run(undefined, testContext({ guildId: '42', store: failing }))).embeds[0]!.description!.split('\n')[0]).toBe(HOUSE_UNAVAILABLE_LINE);
    expect((await run(undefined, testContext({ store }))).embeds[0]!.description!.startsWith('**There is no industry standard.**')).toBe(true);
  });

  it('autocompletes publishers, a typo included', async () => {
    const choices = await tiers.autocomplete!({ name: 'source', value: 'hypeaditor' }, {}, testContext());
    expect(choices[0]).toEqual({ name: 'HypeAuditor', value: 'hypeauditor' });
    expect((await tiers.autocomplete!({ name: 'source', value: '' }, {}, testContext())).length).toBeLessThanOrEqual(25);
  });

  it('offers the publishers one letter starts as buttons (a letter names none of them), each opening its page', async () => {
    const reply = await run('a');
    expect(reply.embeds[0]!.title).toBe('Unknown source');
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
    expect(ids(reply)).toEqual(expect.arrayContaining(['tiers:pub:adweek', 'tiers:pub:aspire']));
    const opened = await tiers.component!('tiers:pub:adweek', [], testComponentContext());
    expect(opened.reply.embeds[0]!.title).toBe('Adweek');
    expect(text(opened.reply)).toContain('**Adweek** (under 10,000; one of two readings, one vote)');
  });

  it('opens a publisher by its seed id ("seed-000"), and refuses nonsense ephemerally', async () => {
    expect((await run('seed-000')).embeds[0]!.title).toBe('Japanese article (translated)');
    const reply = await run('zzzzzz');
    expect(reply.inputError).toBe(true);
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
  });
  it('never guesses on junk or ambiguous text: junk is an unknown source, ties a choice', async () => {
    for (const junk of ['12', 'a"b', 'blog']) {
      const reply = await run(junk);
      expect(reply.embeds[0]!.title, junk).toBe('Unknown source');
      expect(reply.inputError).toBe(true);
      expect(text(reply)).toMatch(/suggestions that appear as you type `source:`/);
      expect(messageProblems(reply)).toEqual([]);
    }
    const choices = async (query: string) => {
      const reply = await run(query);
      expect(reply.embeds[0]!.title, query).toBe('Which publisher?');
      expect(messageProblems(reply)).toEqual([]);
      return ids(reply);
    };
    expect(await choices('2017')).toEqual(['tiers:pub:cnbc', 'tiers:pub:tapinfluence', 'tiers:pub:l2']);
    expect(await choices('digi')).toEqual(expect.arrayContaining(['tiers:pub:digiday', 'tiers:pub:digital-reflections']));
    expect(await choices('the')).toContain('tiers:pub:influence-agency');
    expect(await choices('the')).not.toContain('tiers:pub:rise-article');
    expect(text(await run('2017'))).not.toContain('Mediakix');
  });

  it('autocomplete agrees with the lookup', async () => {
    const suggest = async (value: string) => (await tiers.autocomplete!({ name: 'source', value }, {}, testContext())).map((c) => c.value);
    expect(await suggest('12')).toEqual([]);
    expect(await suggest('blog')).toEqual([]);
    // The three the lookup offers come first; near years (one typo away) may follow.
    expect((await suggest('2017')).slice(0, 3)).toEqual(['cnbc', 'tapinfluence', 'l2']);
    expect(await suggest('tagger')).toEqual(['sprout-social']);
    expect((await suggest('mediakix tiers'))[0]).toBe('mediakix');
  });

  it('finds a publisher by a former name, an article title, or its name with a year or a descriptive word', async () => {
    const sprout = await run('tagger');
    expect(sprout.embeds[0]!.title).toBe('Sprout Social');
    expect(sprout.embeds[0]!.description).toMatch(/^Showing Sprout Social for "tagger"\./);
    expect(text(sprout)).toContain('formerly Tagger');
    for (const query of ['Mediakix tiers', 'mediakix 2019', 'Standard Terminology in Influencer Marketing']) {
      const reply = await run(query);
      expect(reply.inputError, query).toBeUndefined();
      expect(reply.embeds[0]!.title, query).toBe('Mediakix');
    }
    expect((await run('Micro influencing — less is more')).embeds[0]!.title).toBe('Digital Reflections (Medium)');
    expect((await run('l2 2017')).embeds[0]!.title).toBe('L2');
    expect((await run('Mediakix')).embeds[0]!.description).not.toMatch(/^Showing/);
  });

  it('says once what the Japanese article leaves uncovered, with exact boundaries', async () => {
    const t = text(await run('japanese'));
    const count = (pattern: RegExp) => t.match(pattern)?.length ?? 0;
    expect(count(/under 10,000 are not covered/gi)).toBe(1);
    expect(count(/Gap: 90,001–99,999 is in no tier/g)).toBe(1);
    expect(t).not.toContain('90,000–100,000');
    expect(t).toContain('reads as 10,000–90,000');
    expect(t).toContain('reads as 100,000–999,999');
  });

  it('a pick from the public overview opens a page for the presser alone, leaving the overview in place', async () => {
    const overview = await run();
    const menu = ids(overview).find((id) => id.startsWith('tiers:open:'))!;
    expect(menu).toBeDefined();
    expect(ids(overview).every((id) => id.length <= 100)).toBe(true);
    const opened = await tiers.component!(menu, ['cnbc'], testComponentContext());
    expect(opened.mode).toBe('reply');
    expect(opened.reply.flags).toBe(MessageFlags.Ephemeral);
    expect(opened.reply.embeds[0]!.title).toBe('CNBC');
    expect(messageProblems(opened.reply)).toEqual([]);
    // On that page of one's own, the menu changes the page in place.
    const pageMenu = ids(opened.reply).find((id) => id.startsWith('tiers:pick:'))!;
    const next = await tiers.component!(pageMenu, ['mediakix'], testComponentContext());
    expect(next.mode).toBe('update');
    expect(next.reply.embeds[0]!.title).toBe('Mediakix');
  });
});

describe('a publisher’s page explains the arrow only where it shows one', () => {
  it('Sprout Social maps its top tier (→ mega) and says why; Mediakix and Forbes map nothing and have no such footer', async () => {
    const page = async (source: string) => ((await tiers.run({ source } as never, testContext())) as Reply).embeds[0]!;
    const sprout = await page('sprout social');
    expect(sprout.description).toContain(' → mega');
    expect(sprout.footer?.text).toContain('Mapped tiers (→)');
    for (const source of ['mediakix', 'forbes']) {
      const embed = await page(source);
      expect(embed.description, source).not.toContain('→');
      expect(embed.footer, source).toBeUndefined();
    }
  });
});
