/**
 * /glossary: typos, several matches and nonsense answered; the team's own terms beside the built-in
 * ones, escaped, shortened to fit and found by name as /term finds them; the public index and its
 * menus; citations under "All sources"; /term as /glossary needs it; and what a source measured,
 * said as it measured it.
 */

import { MessageFlags } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { glossary } from '../src/commands/glossary';
import { teamTermKey } from '../src/commands/team-terms';
import { term as termCommand } from '../src/commands/term';
import type { Reply } from '../src/commands/types';
import { PUBLIC_TEXT_LIMIT } from '../src/commands/embeds';
import { embedLength } from '../src/commands/limits';
import { TERMS } from '../src/domain/glossary';
import { messageProblems } from '../src/commands/limits';
import { commandProblems, messageProblems as standinProblems } from '../tools/standin/limits';
import type { TeamStore, TeamTerm } from '../src/store/types';
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

  it('answers a short typo that is one term with two letters swapped, and still refuses nonsense', async () => {
    for (const [query, title] of [
      ['rio', 'ROI (return on investment)'],
      ['cmp', 'CPM (cost per thousand impressions)'],
    ] as const) {
      const reply = await run(query);
      expect(reply.inputError, query).toBeUndefined();
      expect(reply.embeds[0]!.title, query).toBe(title);
      expect(reply.embeds[0]!.description, query).toContain(`Showing **${title}** for "${query}".`);
    }
    for (const query of ['qwertyuiop', 'banana', 'xyz']) expect((await run(query)).embeds[0]!.title, query).toBe('Unknown term');
    // As near CPE as CPC: it names neither.
    expect((await run('cpx')).embeds[0]!.title).toBe('Unknown term');
  });

  it('finds everyday marketing terms by their usual names: CPC, CPA, CTR, UGC, KOL, creator licensing, affiliate, gifting, usage rights, …', async () => {
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

  it('finds what other replies name: /compare’s cost per order, ERR, engagement rate by impressions, /tier’s "below influencer size"', async () => {
    for (const [q, title] of [
      ['cost per order', 'CPA (cost per acquisition)'],
      ['ERR', 'Engagement rate (by reach)'],
      ['engagement rate by impressions', 'Engagement rate'],
      ['ER by impressions', 'Engagement rate'],
      ['below influencer size', 'Instagram user'],
    ]) {
      const reply = await run(q!);
      expect(reply.inputError, q).toBeUndefined();
      expect(reply.embeds[0]!.title, q).toBe(title);
      // Found by name, not guessed at: no "Showing … for" line.
      expect(reply.embeds[0]!.description, q).not.toMatch(/^Showing /);
    }
    // What each is found under explains it.
    expect(text(await run('below influencer size'))).toContain('"below influencer size"');
    expect(text(await run('ER by impressions'))).toMatch(/by impressions/);
  });

  it('offers several equally good matches as buttons that open them', async () => {
    const reply = await run('cp');
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
    // The list is the asker's own (ephemeral): its buttons change it in place.
    expect(ids(reply)).toEqual(expect.arrayContaining(['glossary:term:cpc:own', 'glossary:term:cpa:own', 'glossary:term:cpe:own', 'glossary:term:cpm:own']));
    const opened = await glossary.component!('glossary:term:cpc:own', [], testComponentContext());
    expect(opened.mode).toBe('update');
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
    expect(choices[0]).toEqual({ name: 'Brand lift (team term)', value: `teamkey:${teamTermKey('42', 'Brand lift')}` });
    expect((await run(choices[0]!.value as string, ctx)).embeds[0]!.title).toBe('Brand lift');
    // The value autocomplete offered before keys still opens it.
    expect((await run('team:Brand lift', ctx)).embeds[0]!.author?.name).toBe('Team term');
    const index = await run(undefined, ctx);
    expect(text(index)).toContain("Your team's terms");
    // So does a button posted before keys.
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

describe('/glossary with team terms', () => {
  const G = '300';
  const teamTerm = (name: string, more: Partial<TeamTerm> = {}): TeamTerm => ({ name, definition: `${name} as we use it.`, addedById: '1', addedByName: 'ana', updatedAt: new Date(0), ...more });
  /** The longest, most markdown-heavy text /term accepts: escaping doubles every character. */
  const heaviest = (name: string) =>
    teamTerm(name, { definition: '*'.repeat(1024), formula: '_'.repeat(512), example: '_'.repeat(512), link: `https://example.com/${'-'.repeat(480)}` });

  it('shows a team term beside the built-in one of the same name within 6,000 characters, saying the team text was shortened', async () => {
    const store = memoryStore();
    await store.addTerm(G, heaviest('Micro'));
    const reply = await run('micro', testContext({ guildId: G, store }));
    expect(reply.embeds.map((e) => e.author?.name ?? e.title)).toEqual(['Micro-influencer', 'Team term']);
    expect(standinProblems(reply as never)).toEqual([]);
    const team = reply.embeds[1]!;
    expect(team.description).toMatch(/^(\\\*)+…$/);
    expect(team.footer?.text).toContain('Shortened (…) to fit beside the built-in term');
    // The link is whole (and clickable); the built-in entry is not cut at all.
    expect(team.fields?.find((f) => f.name === 'Link')?.value).toBe(`<https://example.com/${'-'.repeat(480)}>`);
    expect(reply.embeds[0]).toEqual((await run('micro')).embeds[0]);
  });

  it('fits the heaviest team term beside every built-in term that has its name', async () => {
    for (const t of TERMS) {
      const store = memoryStore();
      await store.addTerm(G, heaviest(t.name.slice(0, 100)));
      const reply = await run(t.name, testContext({ guildId: G, store }));
      expect(reply.embeds.map((e) => e.author?.name ?? e.title), t.id).toEqual([t.name, 'Team term']);
      expect(standinProblems(reply as never), t.id).toEqual([]);
    }
  });

  it('shows a short team term beside the built-in one whole, with no note', async () => {
    const store = memoryStore();
    await store.addTerm(G, teamTerm('Micro', { formula: 'a / b' }));
    const team = (await run('micro', testContext({ guildId: G, store }))).embeds[1]!;
    expect(team.description).toBe('Micro as we use it.');
    expect(team.footer?.text).not.toContain('Shortened');
  });

  it('opens a team term by its exact name first: symbols-only names, and names that differ only in punctuation', async () => {
    const store = memoryStore();
    // A name with no letter or digit, which /term add refuses for a new term, is still reachable once stored.
    await store.addTerm(G, teamTerm('🔥', { definition: 'a hot creator' }));
    await store.addTerm(G, teamTerm('Gifting', { definition: 'plain' }));
    await store.addTerm(G, teamTerm('Gifting!', { definition: 'bang' }));
    const ctx = testContext({ guildId: G, store });
    expect((await run('team:🔥', ctx)).embeds[0]!.description).toBe('a hot creator');
    expect((await run('🔥', ctx)).embeds[0]!.description).toBe('a hot creator');
    expect((await run('team:Gifting!', ctx)).embeds[0]!.description).toBe('bang');
    expect((await run('team:GIFTING', ctx)).embeds[0]!.description).toBe('plain');
    // Typed with other punctuation, both read the same: the user is asked which.
    const which = await run('team:gifting?', ctx);
    expect(which.embeds[0]!.title).toBe('Which term?');
    expect(ids(which)).toEqual([`glossary:teamkey:${teamTermKey(G, 'Gifting')}`, `glossary:teamkey:${teamTermKey(G, 'Gifting!')}`]);
    const opened = await Promise.all(ids(which).map((id) => glossary.component!(id, [], testComponentContext({ guildId: G, store }))));
    expect(opened.map((o) => o.reply.embeds[0]!.description)).toEqual(['plain', 'bang']);
    expect(await glossary.autocomplete!({ name: 'term', value: '🔥' }, {}, ctx)).toContainEqual({ name: '🔥 (team term)', value: `teamkey:${teamTermKey(G, '🔥')}` });
  });

  it('finds a team term by name as /term does: opens the term the store has under that name ("ugc wide" is "ＵＧＣ wide"), rather than asking which', async () => {
    const store = memoryStore();
    expect(await store.addTerm(G, teamTerm('ＵＧＣ wide'))).toBe('ok');
    expect(await store.addTerm(G, teamTerm('UGC-wide'))).toBe('ok');
    expect((await store.term(G, 'ugc wide'))?.name).toBe('ＵＧＣ wide');
    const reply = await run('ugc wide', testContext({ guildId: G, store }));
    expect(reply.embeds[0]!.title).toBe('ＵＧＣ wide');
    // Neither name as the store reads it: both read the same once punctuation is set aside.
    const which = await run('ugc  wide!', testContext({ guildId: G, store }));
    expect(which.embeds[0]!.title).toBe('Which term?');
  });

  it('lists team terms in the public index as far as a phone screen allows, and offers the first 25 in reading order in a menu', async () => {
    const store = memoryStore();
    for (let i = 1; i <= 60; i++) await store.addTerm(G, teamTerm(`Team term number ${i}`));
    const reply = await run(undefined, testContext({ guildId: G, store }));
    const embed = reply.embeds[0]!;
    expect(embed.title).toBe(`Glossary: ${TERMS.length} terms and 60 of your team's`);
    expect(embedLength(embed)).toBeLessThanOrEqual(PUBLIC_TEXT_LIMIT);
    const listedFirst = embed.fields!.filter((f) => f.name === "Your team's terms").flatMap((f) => f.value.split(' · '));
    expect(listedFirst).toEqual(Array.from({ length: listedFirst.length }, (_, i) => `Team term number ${i + 1}`));
    expect(embed.fields!.at(-1)).toMatchObject({
      name: listedFirst.length ? `…and ${60 - listedFirst.length} more` : "Your team's terms (60)",
      value: expect.stringContaining('/glossary term:'),
    });
    const menu = reply.components!.flatMap((row) => row.components).find((c) => 'custom_id' in c && c.custom_id === 'glossary:teamopen') as { options: { label: string }[] };
    expect(menu.options.map((o) => o.label)).toEqual(Array.from({ length: 25 }, (_, i) => `Team term number ${i + 1}`));
    expect(standinProblems(reply as never)).toEqual([]);
    // A few short names are listed in full.
    const few = memoryStore();
    for (const name of ['Brand lift', 'Seeding', 'Boost']) await few.addTerm(G, teamTerm(name));
    const listed = (await run(undefined, testContext({ guildId: G, store: few }))).embeds[0]!.fields!.filter((f) => f.name === "Your team's terms").flatMap((f) => f.value.split(' · '));
    expect(listed).toEqual(['Boost', 'Brand lift', 'Seeding']);
  });

  it('when 200 long names cannot all fit, lists as many as fit and says how many more and how to find them', async () => {
    const store = memoryStore();
    // Escaping makes each name shown (cut to 60 characters) about 100 long: 200 of them outgrow a message.
    for (let i = 0; i < 200; i++) await store.addTerm(G, teamTerm(`${i} ${'** '.repeat(33)}`.trim().slice(0, 100)));
    const reply = await run(undefined, testContext({ guildId: G, store }));
    expect(standinProblems(reply as never)).toEqual([]);
    expect(embedLength(reply.embeds[0]!)).toBeLessThanOrEqual(PUBLIC_TEXT_LIMIT);
    const fields = reply.embeds[0]!.fields!;
    const listed = fields.filter((f) => f.name === "Your team's terms").flatMap((f) => f.value.split(' · '));
    const more = fields.at(-1)!;
    expect(more.name).toBe(listed.length ? `…and ${200 - listed.length} more` : "Your team's terms (200)");
    expect(more.value).toContain('/glossary term:');
  });

  it('shows a team link as a link to click, never as markdown', async () => {
    const store = memoryStore();
    await store.addTerm(G, teamTerm('Whitelist', { link: 'https://example.com/a_b-c' }));
    await store.addTerm(G, teamTerm('Sneaky', { link: 'https://example.com/x>**bold**<@123>?q=||spoiler||`code`' }));
    // Stored by an older version that did not check links: shown as text, escaped.
    await store.addTerm(G, teamTerm('Old', { link: 'javascript:alert(1)' }));
    const ctx = testContext({ guildId: G, store });
    const link = async (name: string) => (await run(`team:${name}`, ctx)).embeds[0]!.fields!.find((f) => f.name === 'Link')!.value;
    expect(await link('Whitelist')).toBe('<https://example.com/a_b-c>');
    expect(await link('Sneaky')).toBe('<https://example.com/x%3E**bold**%3C@123%3E?q=%7C%7Cspoiler%7C%7C%60code%60>');
    expect(await link('Old')).toBe('javascript\\:alert\\(1\\)');
  });
});

describe('/glossary citations', () => {
  it('cites each source of a tier, under "All sources", with its link and, when read second-hand, says through whom', async () => {
    const allSources = await glossary.component!('glossary:sources:nano-influencer', [], testComponentContext());
    const sources = allSources.reply.embeds[0]!.description!;
    expect(sources).toContain('Mediakix, “Standard Terminology in Influencer Marketing”, c. 2019: https://mediakix.com/influencer-marketing-resources/influencer-tiers/');
    expect(sources).toContain('Viral Nation, platform-specific tiers, 2020, as reported by Business Insider: https://www.businessinsider.com/');
    expect(sources).toContain('CMSWire, article by Gil Eyal on influencer tiers, 2023, from a copy on getecube.com');
    expect(sources).toContain('from a copy on Scribd');
    // Forbes' "as low as 8,000" is about how small micro-influencers can be, not about nano.
    expect(sources).not.toContain('Forbes');
  });
});

describe('/term, as /glossary needs it', () => {
  const G = '600';
  const manager = (store: TeamStore) => testContext({ guildId: G, manager: true, store });
  const runTerm = (args: Record<string, string>, ctx: ReturnType<typeof testContext>) => termCommand.run(args as never, ctx) as Promise<Reply>;

  it('refuses a new name with no letter or digit, saying why, and adds nothing', async () => {
    const store = memoryStore();
    for (const name of ['🔥', '***', '!!!']) {
      const reply = await runTerm({ subcommand: 'add', name, definition: 'a hot creator' }, manager(store));
      expect(reply.inputError, name).toBe(true);
      expect(reply.flags).toBe(MessageFlags.Ephemeral);
      expect(text(reply)).toContain('needs at least one letter or digit');
    }
    expect(await store.terms(G)).toEqual([]);
    expect((await runTerm({ subcommand: 'add', name: 'C++', definition: 'a language' }, manager(store))).inputError).toBeUndefined();
  });

  it('edits a stored term whose name has no letter or digit ("🔥"), though /term add now refuses such a name', async () => {
    const store = memoryStore();
    await store.addTerm(G, { name: '🔥', definition: 'old', addedById: '1', addedByName: 'ana', updatedAt: new Date(0) });
    expect((await runTerm({ subcommand: 'edit', name: '🔥', definition: 'new' }, manager(store))).inputError).toBeUndefined();
    expect((await store.term(G, '🔥'))?.definition).toBe('new');
  });

  it('edit clears a formula, example or link given as "-", and says so', async () => {
    const store = memoryStore();
    const ctx = manager(store);
    await runTerm({ subcommand: 'add', name: 'Whitelist', definition: 'Ads from a creator’s handle', formula: 'fee × weeks', example: '2 × $100', link: 'https://example.com/w' }, ctx);
    const reply = await runTerm({ subcommand: 'edit', name: 'whitelist', formula: '-', link: ' - ' }, ctx);
    expect(reply.inputError).toBeUndefined();
    expect(reply.embeds[0]!.author?.name).toBe('Team term changed: formula and link removed');
    const stored = await store.term(G, 'Whitelist');
    expect(stored).toMatchObject({ definition: 'Ads from a creator’s handle', example: '2 × $100' });
    expect(stored?.formula).toBeUndefined();
    expect(stored?.link).toBeUndefined();
    expect((await run('team:Whitelist', testContext({ guildId: G, store }))).embeds[0]!.fields!.map((f) => f.name)).toEqual(['Example']);
  });

  it('says how to clear a field when given a blank one, and never clears the definition', async () => {
    const store = memoryStore();
    const ctx = manager(store);
    await runTerm({ subcommand: 'add', name: 'Whitelist', definition: 'd', formula: 'f' }, ctx);
    const blank = await runTerm({ subcommand: 'edit', name: 'Whitelist', formula: ' ' }, ctx);
    expect(blank.inputError).toBe(true);
    expect(text(blank)).toContain('The formula is empty. To remove it, give `-`.');
    const definition = await runTerm({ subcommand: 'edit', name: 'Whitelist', definition: '-' }, ctx);
    expect(definition.inputError).toBe(true);
    expect(text(definition)).toContain('The definition cannot be removed');
    expect(await store.term(G, 'Whitelist')).toMatchObject({ definition: 'd', formula: 'f' });
  });

  it('tells users of /term edit that "-" clears, in the option descriptions', () => {
    type Option = { name: string; description: string; options?: readonly Option[] };
    const edit = (termCommand.definition.options as readonly Option[]).find((o) => o.name === 'edit')!;
    for (const name of ['formula', 'example', 'link']) {
      expect(edit.options?.find((o) => o.name === name)?.description, name).toContain('- removes it');
    }
    expect(commandProblems(structuredClone(termCommand.definition) as never)).toEqual([]);
  });

  it('shows the link it saved as a link to click', async () => {
    const reply = await runTerm({ subcommand: 'add', name: 'Whitelist', definition: 'd', link: 'https://example.com/a_b-c' }, manager(memoryStore()));
    expect(reply.embeds[0]!.fields).toContainEqual({ name: 'Link', value: '<https://example.com/a_b-c>' });
  });
});

describe('what a source measured, said as it measured it', () => {
  it('calls the observed cases visits and sign-ups, not clicks, and TapInfluence’s “total reach” followers across platforms', async () => {
    expect(text(await run('CTR'))).toContain('of followers (Kardashian visits, Fab.com 2011 sign-ups)');
    const reach = text(await run('Reach'));
    expect(reach).toContain('TapInfluence (2017) defines micro by “total reach”, 5k–100k: followers across platforms, not a post’s reach, so /tier reads it as a follower count.');
  });
});
