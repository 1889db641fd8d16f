import { MessageFlags } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { embedTextLength } from '../src/commands/embeds';
import { HOUSE_UNAVAILABLE_LINE } from '../src/commands/house';
import { tiers } from '../src/commands/tiers';
import type { Reply } from '../src/commands/types';
import { messageProblems } from '../src/interactions/limits';
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
    expect(reply.embeds[0]!.description).toMatch(/Mediakix\s+1k–10k\s+10k–50k\s+50k–500k\s+500k–1M\s+1M\+/);
    expect(reply.embeds[0]!.description).not.toMatch(/^Hootsuite/m); // shares Mediakix's table
    expect(ids(reply)[0]).toBe('tiers:all');
    expect(embedTextLength(reply.embeds[0]!)).toBeLessThanOrEqual(1_500);
    expect(messageProblems(reply)).toEqual([]);
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
    expect(all).toContain('Mediakix, “Standard Terminology in Influencer Marketing”, c.2019');
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
    expect(t).toContain('CNBC (2017)');
    expect(t).toContain('CNBC (quoted by TapInfluence)');
    expect(t).toContain('shown beside its latest definition; no vote');
  });

  it('leads with the house definition when the server has one; one line when the store fails', async () => {
    const store = memoryStore();
    await store.setHouse('42', { text: 'nano 1k-10k, micro 10k-75k, macro 75k+', setById: '1', setByName: 'ana', setAt: new Date(0) });
    const reply = await run(undefined, testContext({ guildId: '42', store }));
    expect(reply.embeds[0]!.description!.split('\n')[0]).toMatch(/^Your house definition: \*\*nano 1k–10k, micro 10k–75k, macro 75k\+\*\*$/);
    const failing: TeamStore = { ...memoryStore(), house: async () => Promise.reject(new Error('down')) };
    expect((await run(undefined, testContext({ guildId: '42', store: failing }))).embeds[0]!.description!.split('\n')[0]).toBe(HOUSE_UNAVAILABLE_LINE);
    expect((await run(undefined, testContext({ store }))).embeds[0]!.description!.startsWith('**There is no industry standard.**')).toBe(true);
  });

  it('autocompletes publishers, a typo included', async () => {
    const choices = await tiers.autocomplete!({ name: 'source', value: 'hypeaditor' }, {}, testContext());
    expect(choices[0]).toEqual({ name: 'HypeAuditor', value: 'hypeauditor' });
    expect((await tiers.autocomplete!({ name: 'source', value: '' }, {}, testContext())).length).toBeLessThanOrEqual(25);
  });

  it('offers several equally good matches as buttons', async () => {
    const reply = await run('a');
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
    expect(ids(reply)).toEqual(expect.arrayContaining(['tiers:pub:adweek', 'tiers:pub:aspire']));
    const opened = await tiers.component!('tiers:pub:adweek', [], testComponentContext());
    expect(opened.reply.embeds[0]!.title).toBe('Adweek');
    expect(text(opened.reply)).toContain('one of two readings; one vote');
  });

  it('still opens a publisher by an old source id, and refuses nonsense ephemerally', async () => {
    expect((await run('seed-000')).embeds[0]!.title).toBe('Japanese article (translated)');
    const reply = await run('zzzzzz');
    expect(reply.inputError).toBe(true);
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
  });
});
