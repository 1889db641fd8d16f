/**
 * /house, /term and /plans called directly, as the core calls them: outside a server and in a server
 * where Tierbot runs only from a member's own apps, permissions, servers kept apart (through every
 * subcommand and autocomplete, on the real SQLite store), hostile text, limits, refused writes that
 * change nothing, exports, and a database that is down.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { compare } from '../src/commands/compare';
import { house } from '../src/commands/house';
import { shownText } from '../src/commands/team-settings';
import { plans } from '../src/commands/plans';
import { TERM_LIMITS, term } from '../src/commands/term';
import type { Reply, SlashCommand } from '../src/commands/types';
import { autocompleteProblems, messageProblems } from '../src/commands/limits';
import { commandProblems } from '../tools/standin/limits';
import { HOUSE_EXAMPLE } from '../src/domain/house';
import { openStore } from '../src/store/index';
import { StoreUnavailableError, TERMS_PER_SERVER, type TeamStore } from '../src/store/types';
import { memoryStore, testContext } from './support/context';

const G1 = '200000000000000001';
const G2 = '200000000000000002';
const MEMBER = '300000000000000009';
const EPHEMERAL = 64;

const dir = mkdtempSync(join(tmpdir(), 'tierbot-team-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
/** A fresh real SQLite store (no cache, so every read is the database's answer). */
async function sqlite(): Promise<TeamStore> {
  n += 1;
  return openStore(join(dir, `team-${n}.sqlite`), { ttlMs: 0 });
}

function text(reply: Reply): string {
  return JSON.stringify({ content: reply.content, embeds: reply.embeds });
}

async function run(command: SlashCommand, args: Record<string, unknown>, ctx: ReturnType<typeof testContext>): Promise<Reply> {
  const reply = await command.run(args as never, ctx);
  expect(messageProblems(reply)).toEqual([]);
  return reply;
}

function fileJson(reply: Reply, name: string): any {
  const file = reply.files?.find((f) => f.name === name);
  expect(file, `${name} attached`).toBeDefined();
  return JSON.parse(file!.data.toString('utf8'));
}

describe('definitions', () => {
  it('are guild install, servers only; /term defaults to Manage Server; /house (its show is for everyone) and /plans are for everyone', () => {
    for (const command of [house, term, plans]) {
      expect(command.definition.integration_types).toEqual([0]);
      expect(command.definition.contexts).toEqual([0]);
      expect(commandProblems(command.definition as never)).toEqual([]);
      for (const sub of command.definition.options ?? []) expect(commandProblems(sub as never)).toEqual([]);
    }
    expect('default_member_permissions' in house.definition).toBe(false);
    expect(term.definition.default_member_permissions).toBe('32');
    expect('default_member_permissions' in plans.definition).toBe(false);
  });
});

describe('outside a server', () => {
  it('every subcommand answers with an ephemeral explanation in a DM', async () => {
    const ctx = testContext({ manager: true });
    for (const [command, args] of [
      [house, { subcommand: 'set', tiers: HOUSE_EXAMPLE }],
      [house, { subcommand: 'show' }],
      [term, { subcommand: 'add', name: 'x', definition: 'y' }],
      [term, { subcommand: 'export' }],
      [plans, { subcommand: 'list' }],
      [plans, { subcommand: 'delete', name: 'x' }],
    ] as const) {
      const reply = await run(command, args, ctx);
      expect(reply.flags).toBe(EPHEMERAL);
      expect(text(reply)).toContain('not in a DM');
    }
    expect(await term.autocomplete!({ name: 'name', value: '' }, { subcommand: 'edit' }, ctx)).toEqual([]);
  });

  it('in a server that has not added Tierbot (run from a member’s own apps), nothing is read or written', async () => {
    const store = memoryStore();
    await store.setHouse(G1, { text: HOUSE_EXAMPLE, setById: MEMBER, setByName: 'Ann', setAt: new Date(0) });
    await store.addTerm(G1, { name: 'Whitelisting', definition: 'x', addedById: MEMBER, addedByName: 'Ann', updatedAt: new Date(0) });
    await store.savePlan(G1, { name: 'Spring', inputs: {}, savedById: MEMBER, savedByName: 'Ann', savedAt: new Date(0) });
    const ctx = testContext({ guildId: G1, guildInstalled: false, manager: true, store });
    for (const [command, args] of [
      [house, { subcommand: 'set', tiers: 'micro 5k-50k' }],
      [house, { subcommand: 'show' }],
      [house, { subcommand: 'clear' }],
      [term, { subcommand: 'remove', name: 'Whitelisting' }],
      [term, { subcommand: 'export' }],
      [plans, { subcommand: 'list' }],
      [plans, { subcommand: 'delete', name: 'Spring' }],
    ] as const) {
      const reply = await run(command, args, ctx);
      expect(reply.flags).toBe(EPHEMERAL);
      expect(reply.embeds[0]!.title).toBe('Tierbot is not added to this server');
    }
    expect(await term.autocomplete!({ name: 'name', value: '' }, { subcommand: 'edit' }, ctx)).toEqual([]);
    expect(await plans.autocomplete!({ name: 'name', value: '' }, { subcommand: 'delete' }, ctx)).toEqual([]);
    expect((await store.house(G1))?.text).toBe(HOUSE_EXAMPLE);
    expect((await store.terms(G1)).map((t) => t.name)).toEqual(['Whitelisting']);
    expect((await store.plans(G1)).map((p) => p.name)).toEqual(['Spring']);
  });
});

describe('team settings in a server where Tierbot runs only from a member’s own apps', () => {
  const userInstallOnly = () => testContext({ guildId: G1, guildInstalled: false, manager: true });
  const says = async (command: SlashCommand, args: Record<string, unknown>) => {
    const reply = (await command.run(args as never, userInstallOnly())) as Reply;
    expect(reply.flags).toBe(EPHEMERAL);
    return reply.embeds[0]!.description!;
  };

  it('never says a house definition or terms are unavailable here, and names the commands that still use them', async () => {
    const houseText = await says(house, { subcommand: 'show' });
    expect(houseText).not.toMatch(/not available/);
    expect(houseText).toMatch(/cannot show or change them/);
    expect(houseText).toContain('/tier');
    const termText = await says(term, { subcommand: 'export' });
    expect(termText).not.toMatch(/not available/);
    expect(termText).toContain('/glossary');
  });

  it('claims nothing for saved plans, which /compare does not open here', async () => {
    const plansText = await says(plans, { subcommand: 'list' });
    expect(plansText).toMatch(/cannot show or change them/);
    expect(plansText).not.toMatch(/still/);
  });
});

describe('permissions (real SQLite store)', () => {
  it('a member without Manage Server is refused every write, ephemerally, naming the permission, and nothing changes', async () => {
    const store = await sqlite();
    const manager = testContext({ guildId: G1, manager: true, store });
    await run(house, { subcommand: 'set', tiers: HOUSE_EXAMPLE }, manager);
    await run(term, { subcommand: 'add', name: 'CPM', definition: 'cost per mille' }, manager);
    const before = { house: await store.house(G1), terms: await store.terms(G1) };

    const member = testContext({ guildId: G1, manager: false, userId: MEMBER, store });
    for (const args of [
      { subcommand: 'set', tiers: 'a 1k+' },
      { subcommand: 'clear' },
      { subcommand: 'export' },
    ]) {
      const reply = await run(house, args, member);
      expect(reply.flags).toBe(EPHEMERAL);
      expect(text(reply)).toContain('Manage Server');
    }
    for (const args of [
      { subcommand: 'add', name: 'CTR', definition: 'x' },
      { subcommand: 'edit', name: 'CPM', definition: 'changed' },
      { subcommand: 'remove', name: 'CPM' },
      { subcommand: 'export' },
    ]) {
      const reply = await run(term, args, member);
      expect(reply.flags).toBe(EPHEMERAL);
      expect(text(reply)).toContain('Manage Server');
    }
    expect({ house: await store.house(G1), terms: await store.terms(G1) }).toEqual(before);
    // Reading is not a write: /house show answers anyone who can see the command.
    expect(text(await run(house, { subcommand: 'show' }, member))).toContain('micro');
    await store.close();
  });

  it('/plans delete: the author may, another member may not, a manager may', async () => {
    const store = await sqlite();
    const save = (name: string, by: string) => store.savePlan(G1, { name, inputs: { budget: '5000' }, savedById: by, savedByName: `user ${by}`, savedAt: new Date() });
    await save('Mine', MEMBER);
    await save('Theirs', '300000000000000077');
    await save('Third', '300000000000000077');
    const member = testContext({ guildId: G1, userId: MEMBER, store });

    const refused = await run(plans, { subcommand: 'delete', name: 'theirs' }, member);
    expect(refused.flags).toBe(EPHEMERAL);
    expect(text(refused)).toContain('Manage Server');
    expect(await store.plan(G1, 'Theirs')).toBeDefined();

    expect(text(await run(plans, { subcommand: 'delete', name: 'MINE' }, member))).toContain('Plan deleted');
    expect(await store.plan(G1, 'Mine')).toBeUndefined();

    const manager = testContext({ guildId: G1, manager: true, store });
    expect(text(await run(plans, { subcommand: 'delete', name: 'Theirs' }, manager))).toContain('Plan deleted');
    expect((await store.plans(G1)).map((p) => p.name)).toEqual(['Third']);
    await store.close();
  });
});

describe('/compare save: replacing a saved plan (real SQLite store)', () => {
  it('only its author or a manager may save over a plan; a refused save changes nothing', async () => {
    const store = await sqlite();
    const author = testContext({ guildId: G1, userId: '300000000000000077', store });
    const member = testContext({ guildId: G1, userId: MEMBER, store });
    const manager = testContext({ guildId: G1, manager: true, store });
    await run(compare, { budget: '20000', save: 'Alice Q4' }, author);

    for (const options of [{ budget: '1000', save: 'alice q4' }, { plan: 'Alice Q4', budget: '2000', save: 'ALICE Q4' }]) {
      const refused = await run(compare, options, member);
      expect(refused.flags).toBe(EPHEMERAL);
      expect(refused.inputError).toBe(true);
      expect(text(refused)).toContain('was saved by **tester** (<@300000000000000077>)');
      expect(text(refused)).toContain('Manage Server');
      expect(await store.plan(G1, 'Alice Q4')).toMatchObject({ inputs: { budget: '20000' }, savedById: '300000000000000077' });
    }
    // Still the author's, so the member's delete is still refused.
    expect(text(await run(plans, { subcommand: 'delete', name: 'Alice Q4' }, member))).toContain('Only its author or a manager');

    expect(text(await run(compare, { budget: '30000', save: 'Alice Q4' }, author))).toContain('Saved as “Alice Q4”');
    expect((await store.plan(G1, 'Alice Q4'))!.inputs).toEqual({ budget: '30000' });
    expect(text(await run(compare, { budget: '40000', save: 'Alice Q4' }, manager))).toContain('Saved as “Alice Q4”');
    expect((await store.plan(G1, 'Alice Q4'))!.inputs).toEqual({ budget: '40000' });
    await store.close();
  });
});

describe('plan names that read the same are one plan (real SQLite store)', () => {
  it('/compare save:Ｑ１ then save:q1 saves one plan, not two look-alikes; /plans delete with either name deletes it', async () => {
    const store = await sqlite();
    const ctx = testContext({ guildId: G1, store });
    await run(compare, { budget: '5000', save: 'Ｑ１' }, ctx);
    expect(text(await run(compare, { budget: '3000', save: 'q1' }, ctx))).toContain('Saved as “q1”');
    expect((await store.plans(G1)).map((p) => [p.name, p.inputs.budget])).toEqual([['q1', '3000']]);
    expect(await plans.autocomplete!({ name: 'name', value: 'Ｑ' }, { subcommand: 'delete' }, ctx)).toEqual([{ name: 'q1', value: 'q1' }]);
    const deleted = await run(plans, { subcommand: 'delete', name: 'Ｑ１' }, ctx);
    expect(deleted.embeds[0]!.description).toBe('“q1” is no longer saved in this server.');
    expect(await store.plans(G1)).toEqual([]);
    await store.close();
  });
});

describe('/plans delete names a long plan whole, markdown and all', () => {
  const markdownName = (start: string) => `${start} ${'*_~`|>'.repeat(20)}`.slice(0, 100);
  const escaped = (name: string) => name.replace(/([\\`*_~|>#[\]()<@:-])/g, '\\$1');

  it('in "no longer saved", "no saved plan called" and "only its author" replies', async () => {
    const store = memoryStore();
    const name = markdownName('P5');
    await store.savePlan(G1, { name, inputs: { budget: '5000' }, savedById: '300000000000000077', savedByName: 'Ana', savedAt: new Date() });
    const member = testContext({ guildId: G1, userId: MEMBER, store });
    const manager = testContext({ guildId: G1, manager: true, store });

    const notAuthor = await run(plans, { subcommand: 'delete', name }, member);
    expect(notAuthor.embeds[0]!.description).toContain(`"${escaped(name)}" was saved by`);
    const notFound = await run(plans, { subcommand: 'delete', name: markdownName('P6') }, manager);
    expect(notFound.embeds[0]!.description).toContain(`no saved plan called "${escaped(markdownName('P6'))}".`);
    const deleted = await run(plans, { subcommand: 'delete', name }, manager);
    expect(deleted.embeds[0]!.description).toBe(`“${escaped(name)}” is no longer saved in this server.`);
  });

  it('where it must be shortened, it is cut inside its long word, not back to its first word ("P5…")', () => {
    const shown = shownText(markdownName('P5'), 40);
    expect(shown.length).toBeLessThanOrEqual(40);
    expect(shown).toMatch(/^P5 \\\*\\_\\~\\`\\\|\\>.*…$/);
    expect(shown.length).toBeGreaterThan(30);
    // Words that fill the room are still cut between words.
    expect(shownText('Spring launch with the whole creator team', 24)).toBe('Spring launch with the…');
  });
});

describe('exports', () => {
  it('each carry alt text saying what the file holds, as every attachment does', async () => {
    const ctx = testContext({ guildId: G1, manager: true });
    const described = async (command: SlashCommand) => ((await run(command, { subcommand: 'export' }, ctx)) as Reply).files!.map((f) => [f.name, f.description]);
    expect(await described(house)).toEqual([['house.json', 'This server’s house definition as JSON']]);
    expect(await described(term)).toEqual([['terms.json', 'This server’s team terms as JSON']]);
    expect(await described(plans)).toEqual([['plans.json', 'This server’s saved plans as JSON']]);
  });
});

describe('servers kept apart through every command and autocomplete (real SQLite store)', () => {
  it('one server never sees or changes another’s house, terms or plans', async () => {
    const store = await sqlite();
    const one = testContext({ guildId: G1, manager: true, store });
    const two = testContext({ guildId: G2, manager: true, store });
    await run(house, { subcommand: 'set', tiers: 'starter 1k-10k, rising 10k+' }, one);
    await run(term, { subcommand: 'add', name: 'Whitelisting', definition: 'secret sauce of server one' }, one);
    await store.savePlan(G1, { name: 'Q1 launch', inputs: { budget: '9000' }, savedById: '1', savedByName: 'a', savedAt: new Date() });

    // Reads in server two show none of it.
    expect(text(await run(house, { subcommand: 'show' }, two))).toContain('No house definition yet');
    expect(fileJson(await run(house, { subcommand: 'export' }, two), 'house.json').house).toBeNull();
    expect(fileJson(await run(term, { subcommand: 'export' }, two), 'terms.json').terms).toEqual([]);
    expect(text(await run(plans, { subcommand: 'list' }, two))).toContain('No saved plans yet');
    expect(await term.autocomplete!({ name: 'name', value: 'white' }, { subcommand: 'edit' }, two)).toEqual([]);
    expect(await plans.autocomplete!({ name: 'name', value: '' }, { subcommand: 'delete' }, two)).toEqual([]);

    // Writes in server two under the same names touch nothing in server one.
    expect(text(await run(term, { subcommand: 'edit', name: 'Whitelisting', definition: 'hijacked' }, two))).toContain('no term called');
    expect(text(await run(term, { subcommand: 'remove', name: 'Whitelisting' }, two))).toContain('no term called');
    expect(text(await run(plans, { subcommand: 'delete', name: 'Q1 launch' }, two))).toContain('no saved plan');
    expect(text(await run(house, { subcommand: 'clear' }, two))).toContain('There was no house definition');
    await run(term, { subcommand: 'add', name: 'whitelisting', definition: 'server two’s own' }, two);

    // Server one still has exactly what it had.
    expect(text(await run(house, { subcommand: 'show' }, one))).toContain('starter');
    const exported = fileJson(await run(term, { subcommand: 'export' }, one), 'terms.json');
    expect(exported.terms.map((t: any) => [t.name, t.definition])).toEqual([['Whitelisting', 'secret sauce of server one']]);
    expect(await term.autocomplete!({ name: 'name', value: 'white' }, { subcommand: 'edit' }, one)).toEqual([{ name: 'Whitelisting', value: 'Whitelisting' }]);
    expect(await plans.autocomplete!({ name: 'name', value: 'q1' }, { subcommand: 'delete' }, one)).toEqual([{ name: 'Q1 launch', value: 'Q1 launch' }]);
    expect(text(await run(plans, { subcommand: 'list' }, one))).toContain('Q1 launch');
    await store.close();
  });
});

describe('/house', () => {
  let store: TeamStore;
  beforeEach(() => {
    store = memoryStore();
  });

  it('set saves the text as typed with who and when; show displays the tiers, who set it and when', async () => {
    const ctx = testContext({ guildId: G1, manager: true, store });
    const saved = await run(house, { subcommand: 'set', tiers: HOUSE_EXAMPLE }, ctx);
    expect(saved.flags).toBe(EPHEMERAL);
    expect(await store.house(G1)).toEqual({ text: HOUSE_EXAMPLE, setById: ctx.user.id, setByName: 'tester', setAt: ctx.now });
    const shown = await run(house, { subcommand: 'show' }, ctx);
    expect(shown.flags).toBeUndefined();
    const body = text(shown);
    expect(body).toContain('**micro** (10k–75k) · counts 10,000–74,999');
    expect(body).toContain('10,000–74,999');
    expect(body).toContain(`<t:${Math.floor(ctx.now.getTime() / 1000)}:f>`);
    expect(body).toContain(`<@${ctx.user.id}>`);
  });

  it('a refused definition says why, is an input error, and leaves the previous one untouched', async () => {
    const ctx = testContext({ guildId: G1, manager: true, store });
    await run(house, { subcommand: 'set', tiers: HOUSE_EXAMPLE }, ctx);
    for (const bad of ['micro 10k-75k, mid 60k-500k', 'micro 10k-90k, macro 100k-1M', 'nonsense', 'x'.repeat(6000)]) {
      const reply = await run(house, { subcommand: 'set', tiers: bad }, ctx);
      expect(reply.inputError).toBe(true);
      expect(reply.flags).toBe(EPHEMERAL);
      expect((await store.house(G1))?.text).toBe(HOUSE_EXAMPLE);
    }
    expect(text(await run(house, { subcommand: 'set', tiers: 'micro 10k-75k, mid 60k-500k' }, ctx))).toContain('overlap from 60,000 to 75,000');
    expect(text(await run(house, { subcommand: 'set', tiers: 'x'.repeat(6000) }, ctx))).toContain('6,000 characters long; the most is 1,000');
  });

  it('tier names are shown escaped: no mentions, no markdown', async () => {
    const ctx = testContext({ guildId: G1, manager: true, store });
    await run(house, { subcommand: 'set', tiers: '@everyone 1k-10k, **bold** 10k-100k, <@123> 100k+' }, ctx);
    const body = text(await run(house, { subcommand: 'show' }, ctx));
    expect(body).not.toMatch(/(?<!\\)\*\*bold(?<!\\)\*\*/);
    expect(body).not.toContain('<@123>');
    expect(body).toContain('\\\\*\\\\*bold');
    expect((await store.house(G1))?.text).toBe('@everyone 1k-10k, **bold** 10k-100k, <@123> 100k+');
  });

  it('clear removes it; export is a JSON file, ephemeral', async () => {
    const ctx = testContext({ guildId: G1, manager: true, store });
    await run(house, { subcommand: 'set', tiers: 'micro 10k-90k, gap, macro 100k-1M' }, ctx);
    const exported = await run(house, { subcommand: 'export' }, ctx);
    expect(exported.flags).toBe(EPHEMERAL);
    const json = fileJson(exported, 'house.json');
    expect(json).toMatchObject({ kind: 'tierbot.house', guildId: G1, house: { text: 'micro 10k-90k, gap, macro 100k-1M', setBy: { id: ctx.user.id, name: 'tester' } } });
    expect(json.house.tiers).toEqual([
      { name: 'micro', normal: 'micro', min: 10_000, max: 90_000, stated: '10k–90k' },
      { name: 'macro', normal: 'macro', min: 100_000, max: 1_000_000, stated: '100k–1M' },
    ]);
    expect(text(await run(house, { subcommand: 'show' }, ctx))).toContain('gap: 90,001–99,999');
    expect(text(await run(house, { subcommand: 'clear' }, ctx))).toContain('House definition removed');
    expect(await store.house(G1)).toBeUndefined();
  });
});

describe('/term', () => {
  let store: TeamStore;
  beforeEach(() => {
    store = memoryStore();
  });
  const manager = () => testContext({ guildId: G1, manager: true, store });

  it('add, edit (only what is given), remove; names ignore case', async () => {
    const ctx = manager();
    const added = await run(term, { subcommand: 'add', name: ' Whitelisting ', definition: 'Running ads from a creator’s handle.', link: 'https://example.com/w' }, ctx);
    expect(added.flags).toBe(EPHEMERAL);
    expect(await store.term(G1, 'whitelisting')).toMatchObject({ name: 'Whitelisting', link: 'https://example.com/w', addedById: ctx.user.id });
    const dup = await run(term, { subcommand: 'add', name: 'WHITELISTING', definition: 'other' }, ctx);
    expect(dup.inputError).toBe(true);
    expect(text(dup)).toContain('already has a term');

    const editor = testContext({ guildId: G1, manager: true, userId: '300000000000000042', store });
    await run(term, { subcommand: 'edit', name: 'whitelisting', formula: 'n/a' }, editor);
    expect(await store.term(G1, 'Whitelisting')).toMatchObject({
      definition: 'Running ads from a creator’s handle.',
      formula: 'n/a',
      link: 'https://example.com/w',
      addedById: ctx.user.id,
      updatedById: '300000000000000042',
    });
    expect(text(await run(term, { subcommand: 'edit', name: 'whitelisting' }, ctx))).toContain('Nothing to change');
    expect(text(await run(term, { subcommand: 'remove', name: 'WhiteListing' }, ctx))).toContain('Team term removed');
    expect(await store.terms(G1)).toEqual([]);
    expect((await run(term, { subcommand: 'remove', name: 'WhiteListing' }, ctx)).inputError).toBe(true);
  });

  it('refuses a name that reads the same as an existing one (full-width "ＣＰＭ" beside "CPM"), naming the one stored, leaving the terms as they were', async () => {
    const real = await sqlite();
    const ctx = testContext({ guildId: G1, manager: true, store: real });
    await run(term, { subcommand: 'add', name: 'CPM', definition: 'Cost per thousand impressions.' }, ctx);
    for (const name of ['ＣＰＭ', 'cpm']) {
      const lookAlike = await run(term, { subcommand: 'add', name, definition: 'again' }, ctx);
      expect(lookAlike.inputError).toBe(true);
      expect(lookAlike.flags).toBe(EPHEMERAL);
      expect(lookAlike.embeds[0]!.description).toMatch(/^This server already has a term called "CPM" \(names are the same whatever their case, width or spacing\)\./);
    }
    expect((await real.terms(G1)).map((t) => t.name)).toEqual(['CPM']);
    await real.close();
  });

  it('a full-width name finds the term: /term edit and /term remove with "Ｗｈｉｔｅｌｉｓｔｉｎｇ" change and remove "Whitelisting", as the refusal of that name advises', async () => {
    const real = await sqlite();
    const ctx = testContext({ guildId: G1, manager: true, store: real });
    await run(term, { subcommand: 'add', name: 'Whitelisting', definition: 'Running ads from a creator’s handle.' }, ctx);
    const refused = await run(term, { subcommand: 'add', name: 'Ｗｈｉｔｅｌｉｓｔｉｎｇ', definition: 'x' }, ctx);
    expect(text(refused)).toContain('`/term edit` to change that one');
    const edited = await run(term, { subcommand: 'edit', name: 'Ｗｈｉｔｅｌｉｓｔｉｎｇ', example: 'Brand X runs ads as @creator.' }, ctx);
    expect(edited.inputError).toBeUndefined();
    expect(edited.embeds[0]!.title).toBe('Whitelisting');
    expect(await real.term(G1, 'Whitelisting')).toMatchObject({ name: 'Whitelisting', example: 'Brand X runs ads as @creator.' });
    expect(await term.autocomplete!({ name: 'name', value: 'ｗｈｉｔｅ' }, { subcommand: 'edit' }, ctx)).toEqual([{ name: 'Whitelisting', value: 'Whitelisting' }]);
    const removed = await run(term, { subcommand: 'remove', name: 'Ｗｈｉｔｅｌｉｓｔｉｎｇ' }, ctx);
    expect(removed.embeds[0]!.description).toBe('"Whitelisting" is no longer in this server’s glossary.');
    expect(await real.terms(G1)).toEqual([]);
    await real.close();
  });

  it('an edit that changes nothing ("-" for an example the term does not have) says so, and writes nothing', async () => {
    const ctx = manager();
    await run(term, { subcommand: 'add', name: 'Whitelisting', definition: 'Running ads.' }, ctx);
    const before = await store.term(G1, 'Whitelisting');
    const editor = testContext({ guildId: G1, manager: true, userId: '300000000000000042', store });
    const noExample = await run(term, { subcommand: 'edit', name: 'Whitelisting', example: '-' }, editor);
    expect(noExample.embeds[0]).toMatchObject({ title: 'Nothing changed', description: '"Whitelisting" already has no example, so it stays as it was.' });
    expect(noExample.flags).toBe(EPHEMERAL);
    const same = await run(term, { subcommand: 'edit', name: 'Whitelisting', definition: 'Running ads.', link: '-' }, editor);
    expect(same.embeds[0]!.description).toBe('"Whitelisting" already has that definition and no link, so it stays as it was.');
    expect(await store.term(G1, 'Whitelisting')).toEqual(before);
    // One real change among them is a change.
    const changed = await run(term, { subcommand: 'edit', name: 'Whitelisting', definition: 'Running ads.', example: 'new' }, editor);
    expect(changed.embeds[0]!.author!.name).toBe('Team term changed');
  });

  it('a definition on two lines is refused as such: every value is one line', async () => {
    const ctx = manager();
    for (const [field, value] of [['definition', 'first\nsecond'], ['example', 'first\r\nsecond'], ['formula', 'a\u2028b']] as const) {
      const reply = await run(term, { subcommand: 'add', name: 'Lines', definition: 'd', [field]: value }, ctx);
      expect(reply.inputError).toBe(true);
      expect(reply.embeds[0]!.description).toMatch(new RegExp(`^The ${field} has U\\+(000A line feed|000D carriage return|2028 line separator) in it: it must be one line; join the lines into one\\.`));
      expect(text(reply)).not.toContain('would not show');
    }
    expect(await store.terms(G1)).toEqual([]);
  });

  it('hostile text: SQL metacharacters and emoji are stored exactly and shown escaped; zero-width text is refused, naming it', async () => {
    const real = await sqlite();
    const ctx = testContext({ guildId: G1, manager: true, store: real });
    const zeroWidth = await run(term, { subcommand: 'add', name: 'Zero', definition: 'zero\u200bwidth' }, ctx);
    expect(zeroWidth.inputError).toBe(true);
    expect(text(zeroWidth)).toContain('U+200B zero width space');
    expect(await real.terms(G1)).toEqual([]);
    const definition = `Robert'); DROP TABLE terms;-- 👩🏽‍💻 @everyone <@123> **bold** [x](https://evil)`;
    const reply = await run(term, { subcommand: 'add', name: `O'Brien "quote" 🚀`, definition, example: '`code` ||spoiler||' }, ctx);
    expect(text(reply)).not.toContain('<@123>');
    expect(text(reply)).not.toMatch(/(?<!\\)\*\*bold/);
    const exported = fileJson(await run(term, { subcommand: 'export' }, ctx), 'terms.json');
    expect(exported.terms[0]).toMatchObject({ name: `O'Brien "quote" 🚀`, definition, example: '`code` ||spoiler||', formula: null });
    expect((await real.term(G1, `o'brien "QUOTE" 🚀`))?.definition).toBe(definition);
    await real.close();
  });

  it('values past the limits (a 6,000-character definition), invisible names and bad links are refused with a reason; the previous value stays', async () => {
    const ctx = manager();
    await run(term, { subcommand: 'add', name: 'CPM', definition: 'original' }, ctx);
    const cases: [Record<string, string>, string][] = [
      [{ subcommand: 'edit', name: 'CPM', definition: 'x'.repeat(6000) }, '6,000 characters long; the most is 1,024'],
      [{ subcommand: 'edit', name: 'CPM', formula: 'y'.repeat(TERM_LIMITS.formula + 1) }, 'the most is 1,024'],
      [{ subcommand: 'edit', name: 'CPM', link: 'javascript:alert(1)' }, 'https://'],
      [{ subcommand: 'edit', name: 'CPM', definition: 'nul \u0000 byte' }, 'U+0000 control character'],
      [{ subcommand: 'add', name: 'CPM\u200b', definition: 'lookalike' }, 'U+200B zero width space'],
      [{ subcommand: 'add', name: 'n'.repeat(101), definition: 'long name' }, 'the most is 100'],
      [{ subcommand: 'add', name: '   ', definition: 'blank' }, 'The name is empty'],
    ];
    for (const [args, reason] of cases) {
      const reply = await run(term, args, ctx);
      expect(reply.inputError, JSON.stringify(args).slice(0, 80)).toBe(true);
      expect(text(reply)).toContain(reason);
    }
    expect(await store.terms(G1)).toMatchObject([{ name: 'CPM', definition: 'original' }]);
    // At the limits exactly, as typed and (for the formula and example) as shown, escaping included.
    const full = await run(term, { subcommand: 'add', name: `${'*'.repeat(99)}x`, definition: '_'.repeat(1024), formula: '`'.repeat(512), example: '|'.repeat(512), link: `https://example.com/${'~'.repeat(1002)}` }, ctx);
    expect(full.inputError).toBeUndefined();
    const overflowing = await run(term, { subcommand: 'add', name: 'Ticks', definition: 'd', formula: '`'.repeat(513) }, ctx);
    expect(text(overflowing)).toContain('1,026 characters as Discord shows it');
  });

  it(`at ${TERMS_PER_SERVER} terms a new one is refused, naming the limit`, async () => {
    const ctx = manager();
    for (let i = 0; i < TERMS_PER_SERVER; i++) await store.addTerm(G1, { name: `t${i}`, definition: 'd', addedById: '1', addedByName: 'a', updatedAt: ctx.now });
    const reply = await run(term, { subcommand: 'add', name: 'one more', definition: 'd' }, ctx);
    expect(reply.inputError).toBe(true);
    expect(text(reply)).toContain(`${TERMS_PER_SERVER} terms`);
    expect(await store.term(G1, 'one more')).toBeUndefined();
  });

  it('every refusal ends its "Accepted:" line with a full stop, as every other command does', async () => {
    const ctx = manager();
    const accepted = (reply: Reply) => {
      expect(reply.inputError).toBe(true);
      return reply.embeds[0]!.description!.split('**Accepted:** ')[1]!;
    };
    await run(term, { subcommand: 'add', name: 'CPM', definition: 'Cost per thousand impressions.' }, ctx);
    const refusals = [
      await run(term, { subcommand: 'add', name: 'cpm', definition: 'again' }, ctx),
      await run(term, { subcommand: 'add', name: 'Two lines', definition: 'one\ntwo' }, ctx),
      await run(term, { subcommand: 'edit', name: 'CPM' }, ctx),
      await run(term, { subcommand: 'remove', name: 'nothing here' }, ctx),
    ];
    for (let i = 1; i < TERMS_PER_SERVER; i++) await store.addTerm(G1, { name: `t${i}`, definition: 'd', addedById: '1', addedByName: 'a', updatedAt: ctx.now });
    refusals.push(await run(term, { subcommand: 'add', name: 'one more', definition: 'd' }, ctx));
    expect(accepted(refusals[0]!)).toBe('a new name, or `/term edit` to change that one.');
    expect(accepted(refusals[4]!)).toBe('removing one with `/term remove` first.');
    for (const reply of refusals) expect(accepted(reply)).toMatch(/\.$/);
  });

  it('autocomplete offers this server’s terms within Discord’s limits', async () => {
    const ctx = manager();
    for (let i = 0; i < 40; i++) await store.addTerm(G1, { name: `${'n'.repeat(97)}${i}`, definition: 'd', addedById: '1', addedByName: 'a', updatedAt: ctx.now });
    const choices = await term.autocomplete!({ name: 'name', value: 'n' }, { subcommand: 'remove' }, ctx);
    expect(choices).toHaveLength(25);
    expect(autocompleteProblems(choices)).toEqual([]);
  });
});

describe('/plans list', () => {
  it('lists each plan with its inputs, who saved it and when, escaped', async () => {
    const store = memoryStore();
    const ctx = testContext({ guildId: G1, store });
    await store.savePlan(G1, { name: '**Q1** @everyone', inputs: { budget: '5000', fee: '250' }, savedById: '300000000000000005', savedByName: 'Ana', savedAt: new Date('2026-12-01T10:00:00Z') });
    const reply = await run(plans, { subcommand: 'list' }, ctx);
    const body = text(reply);
    expect(body).toContain('budget 5000 · fee 250');
    expect(body).toContain('<@300000000000000005>');
    expect(body).toContain(`<t:${Date.parse('2026-12-01T10:00:00Z') / 1000}:f>`);
    expect(body).toContain('\\\\*\\\\*Q1');
  });

  it(`a full list of ${100} plans with long names stays within Discord’s limits`, async () => {
    const store = memoryStore();
    const ctx = testContext({ guildId: G1, store });
    for (let i = 0; i < 100; i++) {
      await store.savePlan(G1, { name: `${'*'.repeat(95)}${i}`, inputs: { budget: '1'.repeat(50), notes: '_'.repeat(200) }, savedById: '1', savedByName: '`'.repeat(80), savedAt: ctx.now });
    }
    const reply = await run(plans, { subcommand: 'list' }, ctx);
    expect(text(reply)).toContain('Saved plans: 100 (up to 100 per server)');
  });
});

describe('database down', () => {
  function downStore(): TeamStore {
    const fail = async () => {
      throw new StoreUnavailableError(new Error('connect ECONNREFUSED'));
    };
    return { ...memoryStore(), house: fail, setHouse: fail, clearHouse: fail, terms: fail, term: fail, addTerm: fail, editTerm: fail, removeTerm: fail, plans: fail, plan: fail, savePlan: fail, deletePlan: fail };
  }

  it('every subcommand answers an ephemeral "settings are unavailable right now", and autocomplete an empty list', async () => {
    const ctx = testContext({ guildId: G1, manager: true, store: downStore() });
    for (const [command, args] of [
      [house, { subcommand: 'set', tiers: HOUSE_EXAMPLE }],
      [house, { subcommand: 'show' }],
      [house, { subcommand: 'clear' }],
      [house, { subcommand: 'export' }],
      [term, { subcommand: 'add', name: 'x', definition: 'y' }],
      [term, { subcommand: 'edit', name: 'x', definition: 'y' }],
      [term, { subcommand: 'remove', name: 'x' }],
      [term, { subcommand: 'export' }],
      [plans, { subcommand: 'list' }],
      [plans, { subcommand: 'delete', name: 'x' }],
    ] as const) {
      const reply = await run(command, args, ctx);
      expect(reply.flags).toBe(EPHEMERAL);
      expect(text(reply)).toContain('settings are unavailable right now');
    }
    expect(await term.autocomplete!({ name: 'name', value: '' }, { subcommand: 'remove' }, ctx)).toEqual([]);
    expect(await plans.autocomplete!({ name: 'name', value: '' }, { subcommand: 'delete' }, ctx)).toEqual([]);
  });

  it('with a real Postgres store at a closed port too', async () => {
    const store = await openStore('postgres://tierbot:tierbot@127.0.0.1:1/tierbot');
    const ctx = testContext({ guildId: G1, manager: true, store });
    expect(text(await run(house, { subcommand: 'set', tiers: HOUSE_EXAMPLE }, ctx))).toContain('settings are unavailable right now');
    expect(text(await run(term, { subcommand: 'add', name: 'x', definition: 'y' }, ctx))).toContain('settings are unavailable right now');
    await store.close();
  });
});
