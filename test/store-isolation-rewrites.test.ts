/**
 * Servers kept apart where the store rewrites a row that already exists, or counts a server's rows:
 * a /term import that replaces a term, a /compare save that replaces a plan, and the plan limit
 * a save is checked against. Two servers use the same names; what one does never reaches the
 * other's. Run on SQLite, and on Postgres when TEST_POSTGRES_URL is set (a schema of its own per store).
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { compare } from '../src/commands/compare';
import { glossary } from '../src/commands/glossary';
import { plans } from '../src/commands/plans';
import { term } from '../src/commands/term';
import type { Reply, SlashCommand } from '../src/commands/types';
import { openStore } from '../src/store/index';
import { PLANS_PER_SERVER, type TeamStore } from '../src/store/types';
import { testContext } from './support/context';
import { driver } from './support/drive';
import { describeOnPostgres, dropSchema, newSchemaName } from './support/postgres';

const ONE = '200000000000000001';
const TWO = '200000000000000002';
const ANA = '300000000000000005';
const BEN = '300000000000000006';

interface Engine {
  /** A fresh store without a cache: every read is the database's answer. */
  open(): Promise<TeamStore>;
  cleanup(): Promise<void>;
}

const dir = mkdtempSync(join(tmpdir(), 'tierbot-isolation-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sqliteEngine(): Engine {
  const opened: TeamStore[] = [];
  let n = 0;
  return {
    async open() {
      n += 1;
      const store = await openStore(join(dir, `isolation-${n}.sqlite`), { ttlMs: 0 });
      opened.push(store);
      return store;
    },
    async cleanup() {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    },
  };
}

function postgresEngine(url: string): Engine {
  const opened: TeamStore[] = [];
  const schemas: string[] = [];
  return {
    async open() {
      const schema = newSchemaName();
      schemas.push(schema);
      const store = await openStore(url, { ttlMs: 0, schema });
      opened.push(store);
      return store;
    },
    async cleanup() {
      await Promise.all(opened.splice(0).map((s) => s.close()));
      for (const schema of schemas.splice(0)) await dropSchema(url, schema);
    },
  };
}

async function run(command: SlashCommand, args: Record<string, unknown>, ctx: ReturnType<typeof testContext>): Promise<Reply> {
  return command.run(args as never, ctx);
}

const text = (reply: Reply) => JSON.stringify({ content: reply.content, embeds: reply.embeds });

function attached(reply: Reply, name: string): any {
  const file = reply.files?.find((f) => f.name === name);
  expect(file, `${name} attached`).toBeDefined();
  return JSON.parse(file!.data.toString('utf8'));
}

/** A terms.json as /term export gives it, holding these terms. */
function termsFile(terms: readonly { name: string; definition: string }[]): Buffer {
  const full = terms.map((t) => ({ formula: null, example: null, link: null, ...t }));
  return Buffer.from(JSON.stringify({ kind: 'tierbot.terms', version: 1, guildId: ONE, exportedAt: '2026-12-01T00:00:00.000Z', terms: full }, null, 2));
}

function isolationSuite(engine: Engine) {
  afterEach(() => engine.cleanup());

  it('/term import replacing a term in one server leaves the term of the same name in another as it was', async () => {
    const store = await engine.open();
    const one = testContext({ guildId: ONE, manager: true, userId: ANA, store });
    const two = testContext({ guildId: TWO, manager: true, userId: BEN, store });
    expect((await run(term, { subcommand: 'add', name: 'CPM', definition: 'Server one’s first wording.' }, one)).inputError).toBeUndefined();
    expect((await run(term, { subcommand: 'add', name: 'CPM', definition: 'Cost per thousand impressions, as server two says it.' }, two)).inputError).toBeUndefined();

    const imported = await driver({ store }).run('/term import file:terms.json', { guildId: ONE, manager: true }, { 'terms.json': termsFile([{ name: 'CPM', definition: 'Server one’s new wording.' }]) });
    expect(imported.shown.body.embeds[0]!.fields).toEqual([{ name: 'Replaced (1)', value: 'CPM' }]);

    const exported = async (ctx: ReturnType<typeof testContext>) =>
      (attached(await run(term, { subcommand: 'export' }, ctx), 'terms.json').terms as { name: string; definition: string; updatedBy: { id: string } }[]).map((t) => [t.name, t.definition, t.updatedBy.id]);
    expect(await exported(one)).toEqual([['CPM', 'Server one’s new wording.', '300000000000000001']]);
    expect(await exported(two)).toEqual([['CPM', 'Cost per thousand impressions, as server two says it.', BEN]]);
    const shownInTwo = text(await run(glossary, { term: 'CPM' }, testContext({ guildId: TWO, store })));
    expect(shownInTwo).toContain('as server two says it');
    expect(shownInTwo).not.toContain('new wording');
  });

  it('/compare save over a plan in one server leaves the plan of the same name in another with its own options', async () => {
    const store = await engine.open();
    const one = testContext({ guildId: ONE, userId: ANA, store });
    const two = testContext({ guildId: TWO, userId: BEN, store });
    expect(text(await run(compare, { budget: '20000', save: 'q3' }, one))).toContain('Saved as “q3”');
    expect(text(await run(compare, { budget: '5000', save: 'q3' }, two))).toContain('Saved as “q3”');
    expect(text(await run(compare, { budget: '30000', save: 'q3' }, one))).toContain('Saved as “q3”');

    const exported = async (ctx: ReturnType<typeof testContext>) =>
      (attached(await run(plans, { subcommand: 'export' }, ctx), 'plans.json').plans as { name: string; inputs: Record<string, string>; savedBy: { id: string } }[]).map((p) => [p.name, p.inputs, p.savedBy.id]);
    expect(await exported(one)).toEqual([['q3', { budget: '30000' }, ANA]]);
    expect(await exported(two)).toEqual([['q3', { budget: '5000' }, BEN]]);
  });

  it(`a server with ${PLANS_PER_SERVER} saved plans does not make another server’s /compare save full`, async () => {
    const store = await engine.open();
    for (let i = 0; i < PLANS_PER_SERVER; i++) {
      expect(await store.savePlan(ONE, { name: `plan ${i}`, inputs: { budget: '5000' }, savedById: ANA, savedByName: 'Ana', savedAt: new Date() })).toMatchObject({ outcome: 'ok' });
    }
    const one = testContext({ guildId: ONE, userId: ANA, store });
    const two = testContext({ guildId: TWO, userId: BEN, store });
    // Server one is full, so its limit is counted…
    const refused = await run(compare, { budget: '5000', save: 'one more' }, one);
    expect(refused.inputError).toBe(true);
    expect(text(refused)).toContain('Saved plans are full');
    // …and server two, with none, saves.
    const saved = await run(compare, { budget: '8000', save: 'Launch' }, two);
    expect(saved.inputError).toBeUndefined();
    expect(text(saved)).toContain('Saved as “Launch”');
    expect((await store.plans(TWO)).map((p) => [p.name, p.inputs])).toEqual([['Launch', { budget: '8000' }]]);
    expect(await store.plans(ONE)).toHaveLength(PLANS_PER_SERVER);
  });
}

describe('servers kept apart when rows are rewritten or counted: SQLite', () => isolationSuite(sqliteEngine()));
describeOnPostgres('servers kept apart when rows are rewritten or counted: Postgres', (url) => isolationSuite(postgresEngine(url)));
