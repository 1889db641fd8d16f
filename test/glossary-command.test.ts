import { MessageFlags } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { glossary } from '../src/commands/glossary';
import type { Reply } from '../src/commands/types';
import { messageProblems } from '../src/interactions/limits';
import { commandProblems } from '../tools/standin/limits';
import type { TeamStore } from '../src/store/types';
import { memoryStore, testComponentContext, testContext } from './support/context';

const text = (reply: Reply) => reply.embeds.map((e) => [e.author?.name, e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text].join('\n')).join('\n');
const ids = (reply: Reply) => (reply.components ?? []).flatMap((row) => row.components.map((c) => ('custom_id' in c ? c.custom_id : '')));
const run = (term: string | undefined, ctx = testContext()) => glossary.run(term === undefined ? {} : ({ term } as never), ctx) as Promise<Reply>;

async function teamContext(store = memoryStore()) {
  await store.addTerm('42', { name: 'Brand lift', definition: 'Our **own** measure <@123> of recall.', example: 'A _test_', addedById: '1', addedByName: 'ana', updatedAt: new Date(0) });
  return testComponentContext({ guildId: '42', store });
}

describe('/glossary', () => {
  it('registers a valid definition, installable by users', () => {
    expect(commandProblems(structuredClone(glossary.definition) as never)).toEqual([]);
    expect(glossary.definition).toMatchObject({ integration_types: [0, 1], contexts: [0, 1, 2] });
  });

  it('answers a typo with the clear best match and says what it read', async () => {
    const reply = await run('engagment rate');
    expect(reply.inputError).toBeUndefined();
    expect(reply.embeds[0]!.title).toBe('Engagement rate');
    expect(reply.embeds[0]!.description).toMatch(/^Showing \*\*Engagement rate\*\* for "engagment rate"\./);
  });

  it('finds the everyday terms that were missing', async () => {
    for (const [q, title] of [
      ['cpc', 'CPC (cost per click)'],
      ['CPA', 'CPA (cost per acquisition)'],
      ['ctr', 'Click-through rate'],
      ['UGC', 'UGC (user-generated content)'],
      ['kol', 'KOL (key opinion leader)'],
      ['creator licensing', 'Whitelisting (creator licensing)'],
      ['affiliate', 'Affiliate (commission) deal'],
      ['gifting', 'Gifting (gifted product)'],
      ['usage rights', 'Usage rights'],
      ['exclusivity', 'Exclusivity'],
      ['reach rate', 'Reach rate'],
      ['impressions vs reach', 'Impressions vs reach'],
      ['organic', 'Sponsored vs organic posts'],
      ['emv caveats', 'EMV caveats'],
    ]) {
      expect((await run(q!)).embeds[0]!.title, q).toBe(title);
    }
    expect(text(await run('ugc'))).toContain('Common usage');
  });

  it('offers several equally good matches as buttons that open them', async () => {
    const reply = await run('cp');
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
    expect(ids(reply)).toEqual(expect.arrayContaining(['glossary:term:cpc', 'glossary:term:cpa', 'glossary:term:cpe', 'glossary:term:cpm']));
    const opened = await glossary.component!('glossary:term:cpc', [], testComponentContext());
    expect(opened.reply.embeds[0]!.title).toBe('CPC (cost per click)');
    expect(messageProblems(reply)).toEqual([]);
  });

  it('refuses what matches nothing, ephemerally', async () => {
    const reply = await run('qqqqqqqq');
    expect(reply.inputError).toBe(true);
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
  });

  it('finds the team’s own terms, marked as the team’s, with their text escaped', async () => {
    const ctx = await teamContext();
    const exact = await run('brand lift', ctx);
    expect(exact.embeds[0]!.author?.name).toBe('Team term');
    expect(exact.embeds[0]!.description).toBe('Our \\*\\*own\\*\\* measure \\<\\@123\\> of recall.');
    expect(text(exact)).toContain('A \\_test\\_');
    const typo = await run('brand lfit', ctx);
    expect(typo.embeds[0]!.author?.name).toBe('Team term');
    expect(typo.embeds[0]!.description).toMatch(/^Showing \*\*Brand lift\*\* for "brand lfit"/);
    const choices = await glossary.autocomplete!({ name: 'term', value: 'bra' }, {}, ctx);
    expect(choices[0]).toEqual({ name: 'Brand lift (team term)', value: 'team:Brand lift' });
    expect((await run('team:Brand lift', ctx)).embeds[0]!.author?.name).toBe('Team term');
    const index = await run(undefined, ctx);
    expect(text(index)).toContain("Your team's terms");
    const pressed = await glossary.component!('glossary:team:Brand lift', [], ctx);
    expect(pressed.reply.embeds[0]!.title).toBe('Brand lift');
  });

  it('shows a team term beside the built-in one of the same name', async () => {
    const store = memoryStore();
    await store.addTerm('42', { name: 'CPE', definition: 'What our finance team calls CPE.', addedById: '1', addedByName: 'ana', updatedAt: new Date(0) });
    const reply = await run('CPE', testContext({ guildId: '42', store }));
    expect(reply.embeds.map((e) => e.author?.name ?? e.title)).toEqual(['CPE (cost per engagement)', 'Team term']);
  });

  it('asks the store only in a server, and answers with built-in terms when it fails', async () => {
    let asked = 0;
    const failing: TeamStore = { ...memoryStore(), terms: async () => { asked++; throw new Error('database down'); } };
    expect((await run('cpe', testContext({ store: failing }))).embeds[0]!.title).toBe('CPE (cost per engagement)');
    expect(asked).toBe(0);
    expect((await run('cpe', testContext({ guildId: '42', store: failing }))).embeds[0]!.title).toBe('CPE (cost per engagement)');
    expect(asked).toBe(1);
    const choices = await glossary.autocomplete!({ name: 'term', value: 'cp' }, {}, testContext({ guildId: '42', store: failing }));
    expect(choices.map((c) => c.value)).toContain('cpc');
  });
});
