/**
 * The storage suite, run against both engines through the same TeamStore interface:
 * SQLite in a temporary file, and Postgres from TEST_POSTGRES_URL (a schema of its own per store).
 * Engine-specific tests follow: SQLite's SIGKILL test and file handling; an unreachable Postgres.
 */

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { NotATierbotDatabaseError, openStore, parseDatabaseUrl, runMigrations, StoreRefusedError, StoreUnavailableError, type HouseRecord, type ImportedTerm, type ServerData, type TeamStore, type TeamTerm } from '../src/store/index';
import { PLANS_PER_SERVER, TERMS_PER_SERVER } from '../src/store/types';
import { describeOnPostgres, dropSchema, newSchemaName } from './support/postgres';

const ALL_MIGRATIONS = ['0001_team_settings', '0002_name_keys_fold_full_width', '0003_name_keys_fold_spaces', '0004_house_tier_names_fold_spaces'];

const T0 = Date.UTC(2026, 11, 6, 12, 0, 0);
const at = (s: number) => new Date(T0 + s * 1000);

function term(name: string, n = 0, extra: Partial<TeamTerm> = {}): TeamTerm {
  return { name, definition: `definition of ${name}`, addedById: `u${n}`, addedByName: `user ${n}`, updatedAt: at(n), ...extra };
}

/** A terms row written straight into the database, under the key an earlier rule gave it. */
const termRow = (guild: string, key: string, name: string, updated: string) =>
  `insert into terms (guild_id, name_key, name, definition, created_by_id, created_by_name, created_at, updated_by_id, updated_by_name, updated_at) ` +
  `values ('${guild}', '${key}', '${name}', 'def of ${name} in ${guild}', 'u1', 'a', '${updated}', 'u1', 'a', '${updated}')`;
/** A plans row written straight into the database, as termRow. */
const planRow = (guild: string, key: string, name: string, saved: string) =>
  `insert into plans (guild_id, name_key, name, inputs, saved_by_id, saved_by_name, saved_at, created_at, revision) values ('${guild}', '${key}', '${name}', '{"budget":"${name}"}', 'u1', 'a', '${saved}', '${saved}', 2)`;

function house(text: string, n = 0): HouseRecord {
  return { text, setById: `u${n}`, setByName: `user ${n}`, setAt: at(n) };
}

interface Engine {
  name: string;
  open(opts?: { ttlMs?: number }): Promise<TeamStore>;
  /** Runs SQL on the database the last open() opened, bypassing the store. */
  exec(statements: readonly string[]): Promise<void>;
  /** The rows of one query on that database, bypassing the store. */
  rows(query: string): Promise<Record<string, unknown>[]>;
  cleanup(): Promise<void>;
}

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tierbot-store-'));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

function sqliteEngine(): Engine {
  const opened: TeamStore[] = [];
  let path = '';
  return {
    name: 'SQLite',
    async open(opts = {}) {
      path ||= join(tempDir(), 'data', 'tierbot.sqlite');
      const store = await openStore(path, { ttlMs: opts.ttlMs ?? 0 });
      opened.push(store);
      return store;
    },
    async exec(statements) {
      const raw = new Database(path);
      try {
        for (const statement of statements) raw.exec(statement);
      } finally {
        raw.close();
      }
    },
    async rows(query) {
      const raw = new Database(path);
      try {
        return raw.prepare(query).all() as Record<string, unknown>[];
      } finally {
        raw.close();
      }
    },
    async cleanup() {
      await Promise.all(opened.splice(0).map((s) => s.close()));
      path = '';
    },
  };
}

function postgresEngine(url: string): Engine {
  const opened: TeamStore[] = [];
  let schema = '';
  const schemas: string[] = [];
  return {
    name: 'Postgres',
    async open(opts = {}) {
      if (!schema) schemas.push((schema = newSchemaName()));
      const store = await openStore(url, { ttlMs: opts.ttlMs ?? 0, schema });
      opened.push(store);
      return store;
    },
    async exec(statements) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`set search_path to "${schema}"`);
        for (const statement of statements) await client.query(statement);
      } finally {
        await client.end();
      }
    },
    async rows(query) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`set search_path to "${schema}"`);
        return (await client.query(query)).rows as Record<string, unknown>[];
      } finally {
        await client.end();
      }
    },
    async cleanup() {
      await Promise.all(opened.splice(0).map((s) => s.close()));
      for (const s of schemas.splice(0)) await dropSchema(url, s);
      schema = '';
    },
  };
}

/** Everything both engines must do alike. */
function storeSuite(engine: Engine) {
  afterEach(() => engine.cleanup());

  it('keeps servers apart: one never sees or changes another’s house, terms or plans', async () => {
    const store = await engine.open();
    await store.setHouse('g1', house('nano 1k-10k, micro 10k+'));
    expect(await store.addTerm('g1', term('CPM'))).toBe('ok');
    expect(await store.savePlan('g1', { name: 'Q1', inputs: { budget: '5000' }, savedById: 'u1', savedByName: 'a', savedAt: at(1) })).toEqual({ outcome: 'ok', replaced: undefined });

    expect(await store.house('g2')).toBeUndefined();
    expect(await store.terms('g2')).toEqual([]);
    expect(await store.term('g2', 'CPM')).toBeUndefined();
    expect(await store.plans('g2')).toEqual([]);
    expect(await store.plan('g2', 'Q1')).toBeUndefined();
    // g2's writes under the same names touch nothing in g1.
    expect(await store.editTerm('g2', term('CPM', 2))).toBe('missing');
    expect(await store.removeTerm('g2', 'CPM')).toBe('missing');
    expect(await store.deletePlan('g2', 'Q1')).toBe('missing');
    expect(await store.clearHouse('g2')).toBeUndefined();
    expect(await store.addTerm('g2', term('cpm', 3, { definition: 'theirs' }))).toBe('ok');

    expect((await store.house('g1'))?.text).toBe('nano 1k-10k, micro 10k+');
    expect((await store.term('g1', 'cpm'))?.definition).toBe('definition of CPM');
    expect((await store.plan('g1', 'q1'))?.inputs).toEqual({ budget: '5000' });
    expect((await store.term('g2', 'CPM'))?.definition).toBe('theirs');
  });

  it('house: set, replace, read back with who and when, clear', async () => {
    const store = await engine.open();
    expect(await store.house('g')).toBeUndefined();
    expect(await store.setHouse('g', house('a 1k+', 1))).toBeUndefined();
    // Each write says what it replaced or removed, as its own transaction found it.
    expect(await store.setHouse('g', house('b 2k+', 2))).toEqual(house('a 1k+', 1));
    expect(await store.house('g')).toEqual({ text: 'b 2k+', setById: 'u2', setByName: 'user 2', setAt: at(2) });
    expect(await store.clearHouse('g')).toEqual(house('b 2k+', 2));
    expect(await store.clearHouse('g')).toBeUndefined();
    expect(await store.house('g')).toBeUndefined();
  });

  it('terms: names unique without regard to case, kept as written; edit keeps who added it; remove', async () => {
    const store = await engine.open();
    expect(await store.addTerm('g', term('Engagement Rate', 1))).toBe('ok');
    expect(await store.addTerm('g', term('ENGAGEMENT RATE', 2))).toBe('exists');
    expect(await store.addTerm('g', term('engagement rate', 2))).toBe('exists');
    const t = await store.term('g', 'engagement RATE');
    expect(t).toMatchObject({ name: 'Engagement Rate', addedById: 'u1', addedByName: 'user 1', updatedAt: at(1), addedAt: at(1) });

    expect(await store.editTerm('g', term('engagement rate', 5, { definition: 'new', formula: 'e / f', link: 'https://example.com' }))).toBe('ok');
    const edited = await store.term('g', 'Engagement Rate');
    expect(edited).toMatchObject({
      name: 'engagement rate',
      definition: 'new',
      formula: 'e / f',
      example: undefined,
      link: 'https://example.com',
      addedById: 'u1',
      addedAt: at(1),
      updatedById: 'u5',
      updatedByName: 'user 5',
      updatedAt: at(5),
    });
    expect(await store.editTerm('g', term('nope'))).toBe('missing');
    expect(await store.removeTerm('g', 'ENGAGEMENT rate')).toBe('ok');
    expect(await store.removeTerm('g', 'engagement rate')).toBe('missing');
    expect(await store.terms('g')).toEqual([]);
  });

  it('names that read the same are one name: full-width "ＣＰＭ" finds, edits and removes "CPM"; plan "Ｑ１" and "q1" are one plan', async () => {
    const store = await engine.open();
    expect(await store.addTerm('g', term('Whitelisting', 1))).toBe('ok');
    expect(await store.addTerm('g', term('Ｗｈｉｔｅｌｉｓｔｉｎｇ', 2))).toBe('exists');
    expect((await store.term('g', 'ＷＨＩＴＥＬＩＳＴＩＮＧ'))?.name).toBe('Whitelisting');
    expect(await store.editTerm('g', term('Ｗｈｉｔｅｌｉｓｔｉｎｇ', 3, { definition: 'new' }))).toBe('ok');
    expect(await store.terms('g')).toMatchObject([{ name: 'Ｗｈｉｔｅｌｉｓｔｉｎｇ', definition: 'new', addedById: 'u1' }]);
    expect(await store.removeTerm('g', 'whitelisting')).toBe('ok');
    expect(await store.terms('g')).toEqual([]);

    const plan = (name: string, budget: string, s: number) => ({ name, inputs: { budget }, savedById: 'u1', savedByName: 'a', savedAt: at(s) });
    expect(await store.savePlan('g', plan('Ｑ１', '5000', 1))).toEqual({ outcome: 'ok', replaced: undefined });
    expect(await store.savePlan('g', plan('q1', '3000', 2))).toEqual({ outcome: 'ok', replaced: { savedById: 'u1', savedByName: 'a' } });
    expect(await store.plans('g')).toMatchObject([{ name: 'q1', inputs: { budget: '3000' } }]);
    expect(await store.savePlan('g', { ...plan('Q1', '1', 3), savedById: 'u2' })).toEqual({ outcome: 'not-author', author: { savedById: 'u1', savedByName: 'a' } });
    expect(await store.deletePlan('g', 'Ｑ１')).toBe('ok');
    expect(await store.plans('g')).toEqual([]);
  });

  it('savePlan says whose plan it replaced as its own transaction found it: of two saves through two connections at once, the later names the earlier', async () => {
    const ana = await engine.open();
    const ben = await engine.open();
    const save = (store: TeamStore, savedById: string, savedByName: string) =>
      store.savePlan('g', { name: 'Weekly', inputs: { by: savedByName }, savedById, savedByName, savedAt: at(1) }, { replaceAnyAuthor: true });
    const [byAna, byBen] = await Promise.all([save(ana, 'u1', 'Ana'), save(ben, 'u2', 'Ben')]);
    const kept = (await ana.plan('g', 'weekly'))!;
    const [earlier, later] = kept.savedById === 'u2' ? [byAna, byBen] : [byBen, byAna];
    expect(earlier).toEqual({ outcome: 'ok', replaced: undefined });
    expect(later).toEqual({ outcome: 'ok', replaced: kept.savedById === 'u2' ? { savedById: 'u1', savedByName: 'Ana' } : { savedById: 'u2', savedByName: 'Ben' } });
    // A save refused as someone else's names the author it found.
    expect(await ana.savePlan('g', { name: 'WEEKLY', inputs: {}, savedById: 'u3', savedByName: 'Cy', savedAt: at(2) })).toEqual({
      outcome: 'not-author',
      author: { savedById: kept.savedById, savedByName: kept.savedByName },
    });
  });

  it('migrating keys written before names were folded: each is found by its name as it reads; of two that now read the same, the newest keeps its name and the other is kept as "(2)"', async () => {
    await (await engine.open()).close();
    await engine.exec([
      // Keys as the case-folding rule wrote them: "ＣＰＭ" and "CPM" were two names.
      termRow('g', 'ｃｐｍ', 'ＣＰＭ', '2026-01-02T00:00:00.000Z'),
      termRow('g', 'cpm', 'CPM', '2026-01-01T00:00:00.000Z'),
      termRow('g', 'ｒｅａｃｈ', 'Ｒｅａｃｈ', '2026-01-01T00:00:00.000Z'),
      termRow('g', 'plain', 'Plain', '2026-01-01T00:00:00.000Z'),
      termRow('h', 'cpm', 'CPM', '2026-01-01T00:00:00.000Z'),
      planRow('g', 'ｑ１', 'Ｑ１', '2026-01-01T00:00:00.000Z'),
      planRow('g', 'q1', 'q1', '2026-01-03T00:00:00.000Z'),
      planRow('h', 'ｑ１', 'Ｑ１', '2026-01-01T00:00:00.000Z'),
      `delete from kysely_migration where name in ('0002_name_keys_fold_full_width', '0003_name_keys_fold_spaces', '0004_house_tier_names_fold_spaces')`,
    ]);
    const store = await engine.open();
    expect((await store.terms('g')).map((t) => [t.name, t.definition])).toEqual([
      ['ＣＰＭ', 'def of ＣＰＭ in g'],
      ['CPM (2)', 'def of CPM in g'],
      ['Plain', 'def of Plain in g'],
      ['Ｒｅａｃｈ', 'def of Ｒｅａｃｈ in g'],
    ]);
    expect((await store.term('g', 'reach'))?.name).toBe('Ｒｅａｃｈ');
    expect((await store.term('g', 'cpm'))?.name).toBe('ＣＰＭ');
    expect((await store.term('h', 'ｃｐｍ'))?.definition).toBe('def of CPM in h');
    expect((await store.plans('g')).map((p) => [p.name, p.inputs.budget]).sort()).toEqual([
      ['q1', 'q1'],
      ['Ｑ１ (2)', 'Ｑ１'],
    ]);
    expect((await store.plan('h', 'q1'))?.name).toBe('Ｑ１');
    // The new keys hold: a look-alike cannot be added beside them.
    expect(await store.addTerm('g', term('ｐｌａｉｎ'))).toBe('exists');
  });

  it('migrating keys written before runs of spaces were folded: "C  PM" and "C PM" become one name, the newest keeping it and the other kept as "(2)"; a lone "Q1  launch" is found as "q1 launch"', async () => {
    await (await engine.open()).close();
    await engine.exec([
      // Keys as the rule before this one wrote them: "C  PM" and "C PM" were two names.
      termRow('g', 'c  pm', 'C  PM', '2026-01-01T00:00:00.000Z'),
      termRow('g', 'c pm', 'C PM', '2026-01-02T00:00:00.000Z'),
      termRow('g', 'reach  rate', 'Reach  rate', '2026-01-01T00:00:00.000Z'),
      termRow('h', 'c  pm', 'C  PM', '2026-01-01T00:00:00.000Z'),
      planRow('g', 'q1  launch', 'Q1  launch', '2026-01-01T00:00:00.000Z'),
      `delete from kysely_migration where name in ('0003_name_keys_fold_spaces', '0004_house_tier_names_fold_spaces')`,
    ]);
    const store = await engine.open();
    expect((await store.terms('g')).map((t) => [t.name, t.definition])).toEqual([
      ['C PM', 'def of C PM in g'],
      ['C  PM (2)', 'def of C  PM in g'],
      ['Reach  rate', 'def of Reach  rate in g'],
    ]);
    expect((await store.term('g', 'c   pm'))?.name).toBe('C PM');
    expect((await store.term('g', 'reach rate'))?.name).toBe('Reach  rate');
    expect((await store.term('h', 'C PM'))?.definition).toBe('def of C  PM in h');
    expect((await store.plan('g', 'q1 launch'))?.name).toBe('Q1  launch');
    // The new keys hold: a look-alike cannot be added beside them, and edits and deletes find them by any spacing.
    expect(await store.addTerm('g', term('C PM'))).toBe('exists');
    expect(await store.addTerm('g', term('REACH RATE'))).toBe('exists');
    expect(await store.editTerm('g', term('Reach rate', 1, { definition: 'edited' }), ['definition'])).toBe('ok');
    expect((await store.term('g', 'Reach  rate'))?.definition).toBe('edited');
    expect(await store.savePlan('g', { name: 'Q1 launch', inputs: { budget: '1' }, savedById: 'u1', savedByName: 'a', savedAt: at(1) })).toEqual({ outcome: 'ok', replaced: { savedById: 'u1', savedByName: 'a' } });
    expect(await store.plans('g')).toMatchObject([{ name: 'Q1 launch', inputs: { budget: '1' } }]);
    expect(await store.deletePlan('g', 'q1   LAUNCH')).toBe('ok');
    expect(await store.plans('g')).toEqual([]);
  });

  it(`limits: ${TERMS_PER_SERVER} terms and ${PLANS_PER_SERVER} plans per server; full refuses without changing anything`, { timeout: 90_000 }, async () => {
    const store = await engine.open();
    for (let i = 0; i < TERMS_PER_SERVER; i++) expect(await store.addTerm('g', term(`t${i}`, i))).toBe('ok');
    expect(await store.addTerm('g', term('one too many'))).toBe('full');
    expect(await store.addTerm('g', term('T0'))).toBe('exists');
    expect(await store.addTerm('other', term('one too many'))).toBe('ok'); // the limit is per server
    expect(await store.editTerm('g', term('t7', 300, { definition: 'still editable' }))).toBe('ok');
    expect((await store.terms('g')).length).toBe(TERMS_PER_SERVER);
    expect(await store.term('g', 'one too many')).toBeUndefined();
    expect(await store.removeTerm('g', 't0')).toBe('ok');
    expect(await store.addTerm('g', term('one too many'))).toBe('ok');

    const plan = (name: string, n: number) => ({ name, inputs: { budget: String(n) }, savedById: `u${n}`, savedByName: `user ${n}`, savedAt: at(n) });
    for (let i = 0; i < PLANS_PER_SERVER; i++) expect(await store.savePlan('g', plan(`p${i}`, i))).toEqual({ outcome: 'ok', replaced: undefined });
    expect(await store.savePlan('g', plan('p100', 100))).toEqual({ outcome: 'full' });
    // Replacing an existing name is not a new one. Only its author may, unless told a manager saves.
    expect(await store.savePlan('g', plan('P5', 500))).toEqual({ outcome: 'not-author', author: { savedById: 'u5', savedByName: 'user 5' } });
    expect(await store.plan('g', 'p5')).toEqual({ name: 'p5', inputs: { budget: '5' }, savedById: 'u5', savedByName: 'user 5', savedAt: at(5) });
    expect(await store.savePlan('g', { ...plan('P5', 500), savedById: 'u5' })).toEqual({ outcome: 'ok', replaced: { savedById: 'u5', savedByName: 'user 5' } });
    expect(await store.savePlan('g', plan('P5', 500), { replaceAnyAuthor: true })).toEqual({ outcome: 'ok', replaced: { savedById: 'u5', savedByName: 'user 500' } });
    expect(await store.plan('g', 'p5')).toEqual({ name: 'P5', inputs: { budget: '500' }, savedById: 'u500', savedByName: 'user 500', savedAt: at(500) });
    expect((await store.plans('g')).length).toBe(PLANS_PER_SERVER);
    expect(await store.deletePlan('g', 'P5')).toBe('ok');
    expect(await store.savePlan('g', plan('p100', 100))).toEqual({ outcome: 'ok', replaced: undefined });
  });

  it('stores SQL metacharacters, 6,000-character values, emoji and zero-width text exactly', async () => {
    const store = await engine.open();
    const nasty = [
      `Robert'); DROP TABLE terms;--`,
      `" OR 1=1 -- \\ % _ $1 ? :name @p0 \`x\``,
      '👩🏽‍💻 engagement 🚀 rate',
      'zero\u200bwidth\u200d\u2060joiner\ufeff',
      'right-to-left \u202e txet',
      'x'.repeat(6000),
      'é'.repeat(3000) + '😀'.repeat(1000),
      'line one\nline two\ttab',
    ];
    for (const [i, value] of nasty.entries()) {
      const name = value.slice(0, 100) + i;
      expect(await store.addTerm('g', term(name, i, { definition: value, formula: value, example: value, link: value }))).toBe('ok');
      const back = await store.term('g', name);
      expect(back).toMatchObject({ name, definition: value, formula: value, example: value, link: value });
      await store.setHouse(`g${i}`, house(value, i));
      expect((await store.house(`g${i}`))?.text).toBe(value);
      await store.savePlan('g', { name, inputs: { [value.slice(0, 50)]: value }, savedById: value.slice(0, 20), savedByName: value, savedAt: at(i) });
      expect(await store.plan('g', name)).toMatchObject({ name, inputs: { [value.slice(0, 50)]: value }, savedByName: value });
    }
    // And the guild id itself is only ever a bound parameter.
    const evil = `1' OR '1'='1`;
    await store.setHouse(evil, house('evil'));
    expect(await store.house('1')).toBeUndefined();
    expect((await store.house(evil))?.text).toBe('evil');
    expect((await store.terms('g')).length).toBe(nasty.length);
  });

  it('a refused write leaves the previous value untouched', async () => {
    const store = await engine.open();
    expect(await store.addTerm('g', term('CTR', 1, { definition: 'original' }))).toBe('ok');
    expect(await store.addTerm('g', term('ctr', 2, { definition: 'replacement' }))).toBe('exists');
    expect(await store.term('g', 'CTR')).toMatchObject({ name: 'CTR', definition: 'original', addedById: 'u1', updatedAt: at(1) });
  });

  it('50 concurrent writes to one server lose nothing; the last write wins whole, audit fields included', { timeout: 90_000 }, async () => {
    const store = await engine.open();
    // 50 different terms at once: all 50 are there, each with its own author.
    const adds = await Promise.all(Array.from({ length: 50 }, (_, i) => store.addTerm('g', term(`term ${i}`, i))));
    expect(adds).toEqual(Array(50).fill('ok'));
    const terms = await store.terms('g');
    expect(terms).toHaveLength(50);
    for (const t of terms) {
      const i = Number(t.name.split(' ')[1]);
      expect(t).toMatchObject({ definition: `definition of term ${i}`, addedById: `u${i}`, addedByName: `user ${i}`, updatedAt: at(i) });
    }

    // 50 house definitions at once: the one stored is one of them, whole (no mixed fields),
    // and it is the write acknowledged last.
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => store.setHouse('g', house(`def ${i}`, i)).then(() => order.push(i))),
    );
    const h = await store.house('g');
    const i = Number(h!.text.split(' ')[1]);
    expect(h).toEqual(house(`def ${i}`, i));
    if (engine.name === 'SQLite') expect(i).toBe(order[order.length - 1]);

    // 50 edits of the same term at once, and 50 saves of one plan name: likewise.
    await Promise.all(Array.from({ length: 50 }, (_, k) => store.editTerm('g', term('term 0', 100 + k, { definition: `edit ${k}` }))));
    const t0 = await store.term('g', 'term 0');
    const k = Number(t0!.definition.split(' ')[1]);
    expect(t0).toMatchObject({ addedById: 'u0', updatedById: `u${100 + k}`, updatedByName: `user ${100 + k}`, updatedAt: at(100 + k) });
    const saves = await Promise.all(
      Array.from({ length: 50 }, (_, j) => store.savePlan('g', { name: 'Weekly', inputs: { j: String(j) }, savedById: `u${j}`, savedByName: `user ${j}`, savedAt: at(j) }, { replaceAnyAuthor: true })),
    );
    expect(saves.map((save) => save.outcome)).toEqual(Array(50).fill('ok'));
    const p = await store.plan('g', 'weekly');
    expect(p).toEqual({ name: 'Weekly', inputs: { j: p!.inputs.j }, savedById: `u${p!.inputs.j}`, savedByName: `user ${p!.inputs.j}`, savedAt: at(Number(p!.inputs.j)) });
    // One after another, as they committed: the first replaced nothing, each other save the plan of one
    // other save, and every save but the one kept was replaced exactly once.
    const replaced = saves.map((save) => (save.outcome === 'ok' ? save.replaced?.savedById : save.outcome));
    expect(replaced.filter((id) => id === undefined)).toHaveLength(1);
    expect(replaced.filter((id) => id !== undefined).sort()).toEqual(Array.from({ length: 50 }, (_, j) => `u${j}`).filter((id) => id !== p!.savedById).sort());
    expect(await store.plans('g')).toHaveLength(1);

    // 40 different new terms at once, 20 short of the limit: exactly the limit is reached, never passed.
    for (let n = 50; n < TERMS_PER_SERVER - 20; n += 26) {
      await Promise.all(Array.from({ length: Math.min(26, TERMS_PER_SERVER - 20 - n) }, (_, k) => store.addTerm('g', term(`fill ${n + k}`, n + k))));
    }
    expect(await store.terms('g')).toHaveLength(TERMS_PER_SERVER - 20);
    const more = await Promise.all(Array.from({ length: 40 }, (_, n) => store.addTerm('g', term(`more ${n}`, n))));
    expect(more.filter((r) => r === 'ok')).toHaveLength(20);
    expect(more.filter((r) => r === 'full')).toHaveLength(20);
    expect(await store.terms('g')).toHaveLength(TERMS_PER_SERVER);
  });

  it('a second store on the same database (another process) sees writes; the cache keeps a house answer for its TTL', async () => {
    const writer = await engine.open({ ttlMs: 0 });
    const reader = await engine.open({ ttlMs: 300 });
    expect(await reader.house('g')).toBeUndefined(); // cached: "no house definition"
    await writer.setHouse('g', house('a 1k+'));
    expect(await reader.house('g')).toBeUndefined(); // still within the reader's TTL
    await new Promise((r) => setTimeout(r, 350));
    expect((await reader.house('g'))?.text).toBe('a 1k+');
    // A write through the reader itself invalidates its own entry at once.
    await reader.setHouse('g', house('b 2k+'));
    expect((await reader.house('g'))?.text).toBe('b 2k+');
    await reader.addTerm('g', term('x'));
    expect((await reader.terms('g')).map((t) => t.name)).toEqual(['x']);
  });

  it('a server another store configures for the first time is seen within the TTL, terms and house alike', async () => {
    const writer = await engine.open({ ttlMs: 0 });
    const reader = await engine.open({ ttlMs: 300 });
    expect(await reader.terms('fresh')).toEqual([]); // the reader loads its list of configured servers
    await new Promise((r) => setTimeout(r, 20));
    await writer.addTerm('fresh', term('reach'));
    await writer.setHouse('fresh', house('a 1k+'));
    await new Promise((r) => setTimeout(r, 350));
    expect((await reader.terms('fresh')).map((t) => t.name)).toEqual(['reach']);
    expect((await reader.house('fresh'))?.text).toBe('a 1k+');
    // Cleared everywhere: the reader stops seeing it within the TTL too.
    await writer.clearHouse('fresh');
    await new Promise((r) => setTimeout(r, 350));
    expect(await reader.house('fresh')).toBeUndefined();
  });

  /** How many rows of `table` the server has, read past the store. */
  const rowsOf = async (table: string, guild: string) => Number((await engine.rows(`select count(*) as n from ${table} where guild_id = '${guild}'`))[0]!.n);
  const plan = (name: string, n = 0) => ({ name, inputs: { budget: String(n) }, savedById: `u${n}`, savedByName: `user ${n}`, savedAt: at(n) });

  it('eraseServerData erases the house definition, terms, plans and the guilds row of one server, says what it erased, and leaves other servers whole', async () => {
    const store = await engine.open();
    for (const g of ['g1', 'g2']) {
      await store.setHouse(g, house('nano 1k-10k, micro 10k+'));
      for (const name of ['CPM', 'CPE', 'UGC']) expect(await store.addTerm(g, term(name))).toBe('ok');
      for (const name of ['Q1', 'Q2']) expect(await store.savePlan(g, plan(name))).toEqual({ outcome: 'ok', replaced: undefined });
    }
    expect(await store.serverData('g1')).toMatchObject({ recorded: true, house: true, terms: 3, plans: 2 });

    expect(await store.eraseServerData('g1')).toMatchObject({ recorded: true, house: true, terms: 3, plans: 2, sqliteLogNotEmptied: false });
    for (const table of ['house', 'terms', 'plans', 'guilds']) expect(await rowsOf(table, 'g1'), table).toBe(0);
    expect(await store.house('g1')).toBeUndefined();
    expect(await store.terms('g1')).toEqual([]);
    expect(await store.plans('g1')).toEqual([]);
    expect(await store.serverData('g1')).toMatchObject({ recorded: false, house: false, terms: 0, plans: 0 });

    expect(await store.serverData('g2')).toMatchObject({ recorded: true, house: true, terms: 3, plans: 2 });
    expect((await store.house('g2'))?.text).toBe('nano 1k-10k, micro 10k+');
    expect((await store.terms('g2')).map((t) => t.name)).toEqual(['CPE', 'CPM', 'UGC']);
    expect(await rowsOf('guilds', 'g2')).toBe(1);

    // Erased again, there is nothing left; the server is usable as new afterwards.
    expect(await store.eraseServerData('g1')).toMatchObject({ recorded: false, house: false, terms: 0, plans: 0, sqliteLogNotEmptied: false });
    expect(await store.addTerm('g1', term('CPM', 9))).toBe('ok');
    expect(await store.serverData('g1')).toMatchObject({ recorded: true, house: false, terms: 1, plans: 0 });
  });

  it('eraseServerData removes the guilds row a write that changed nothing left; serverData reads without creating one', async () => {
    const store = await engine.open();
    // A no-op write still records the server.
    expect(await store.removeTerm('g', 'nothing')).toBe('missing');
    expect(await rowsOf('guilds', 'g')).toBe(1);
    expect(await store.serverData('g')).toMatchObject({ recorded: true, house: false, terms: 0, plans: 0 });
    expect(await store.eraseServerData('g')).toMatchObject({ recorded: true, house: false, terms: 0, plans: 0, sqliteLogNotEmptied: false });
    expect(await rowsOf('guilds', 'g')).toBe(0);
    // Reading what a server has, or erasing one that never wrote, leaves no row behind.
    const nothing = { recorded: false, house: false, terms: 0, plans: 0 };
    expect(await store.serverData('never')).toMatchObject(nothing);
    expect(await store.eraseServerData('never')).toMatchObject({ ...nothing, sqliteLogNotEmptied: false });
    expect(await rowsOf('guilds', 'never')).toBe(0);
    // A server id with a NUL names no server.
    expect(await store.eraseServerData('g\u0000')).toMatchObject({ ...nothing, sqliteLogNotEmptied: false });
  });

  it('an erase and writes to the same server at once: each write lands wholly before or after the erase, none lost or half-erased', { timeout: 60_000 }, async () => {
    const first = await engine.open();
    const second = await engine.open();
    for (let i = 0; i < 10; i++) expect(await first.addTerm('g', term(`before ${i}`, i))).toBe('ok');
    const [erased, ...writes] = await Promise.all([
      second.eraseServerData('g'),
      ...Array.from({ length: 10 }, (_, i) => first.addTerm('g', term(`during ${i}`, i))),
    ]);
    expect(writes).toEqual(Array(10).fill('ok'));
    const left = await first.terms('g');
    // What the erase counted is exactly what is gone: the terms written before it, and those of the writes it followed.
    expect(erased.terms + left.length).toBe(20);
    expect(left.every((t) => t.name.startsWith('during'))).toBe(true);
    // A server with terms left has its guilds row again (the write after the erase made it).
    expect(await rowsOf('guilds', 'g')).toBe(left.length > 0 ? 1 : 0);
  });

  it('eraseServerDataAsListed erases only what was listed: a server whose house definition, term or plan count differs is left whole, and the answer says what it has', async () => {
    const store = await engine.open();
    await store.setHouse('g', house('nano 1k-10k, micro 10k+'));
    for (const name of ['CPM', 'UGC']) await store.addTerm('g', term(name));
    await store.savePlan('g', plan('Q1'));
    const stored = await store.serverData('g');
    expect(stored).toMatchObject({ recorded: true, house: true, terms: 2, plans: 1 });
    for (const listed of [
      { ...stored, house: false },
      { ...stored, terms: 1 },
      { ...stored, plans: 0 },
    ]) {
      expect(await store.eraseServerDataAsListed('g', listed), JSON.stringify(listed)).toEqual({ outcome: 'changed', stored });
      for (const [table, n] of [['guilds', 1], ['house', 1], ['terms', 2], ['plans', 1]] as const) expect(await rowsOf(table, 'g'), table).toBe(n);
    }
    expect(await store.eraseServerDataAsListed('g', stored)).toEqual({ outcome: 'erased', erased: { ...stored, sqliteLogNotEmptied: false } });
    for (const table of ['guilds', 'house', 'terms', 'plans']) expect(await rowsOf(table, 'g'), table).toBe(0);
    // Erased meanwhile: what was listed is not there; nothing is.
    expect(await store.eraseServerDataAsListed('g', stored)).toMatchObject({ outcome: 'changed', stored: { recorded: false, house: false, terms: 0, plans: 0 } });
  });

  it('eraseServerDataAsListed erases nothing when the data changed but not its numbers: a house definition replaced or set again, a term edited or swapped for another, a plan saved again or deleted and saved anew', async () => {
    const store = await engine.open();
    const other = await engine.open();
    await store.setHouse('g', house('nano 1k-10k, micro 10k+'));
    for (const name of ['CPM', 'UGC']) await store.addTerm('g', term(name));
    await store.savePlan('g', plan('Q1'));
    const changes: [string, keyof ServerData['fingerprints'], () => Promise<unknown>][] = [
      ['house replaced, same time', 'house', () => store.setHouse('g', house('nano 1k-10k, star 10k+'))],
      ['house set again, same text', 'house', () => store.setHouse('g', house('nano 1k-10k, star 10k+', 5))],
      ['term edited, same time', 'terms', () => store.editTerm('g', term('CPM', 0, { definition: 'cost per mille, edited' }), ['definition'])],
      ['term swapped for another', 'terms', async () => [await store.removeTerm('g', 'UGC'), await store.addTerm('g', term('UGC2'))]],
      ['plan saved again, as it was', 'plans', () => store.savePlan('g', plan('Q1'))],
      ['plan deleted and saved anew', 'plans', async () => [await store.deletePlan('g', 'Q1'), await store.savePlan('g', plan('Q1'))]],
    ];
    for (const [change, kind, write] of changes) {
      const listed = await store.serverData('g');
      // The same rows give the same fingerprints, to another connection too, and a write that changes nothing leaves them.
      expect(await other.serverData('g'), change).toEqual(listed);
      expect(await store.removeTerm('g', 'no such term')).toBe('missing');
      await store.addTerm('elsewhere', term(`CPM ${change}`));
      expect(await store.serverData('g'), change).toEqual(listed);

      await write();
      const result = await store.eraseServerDataAsListed('g', listed);
      expect(result.outcome, change).toBe('changed');
      const now = result.outcome === 'changed' ? result.stored : undefined;
      expect(now, change).toMatchObject({ recorded: true, house: true, terms: 2, plans: 1 });
      expect(now?.fingerprints[kind], change).not.toBe(listed.fingerprints[kind]);
      for (const unchanged of (['house', 'terms', 'plans'] as const).filter((k) => k !== kind)) expect(now?.fingerprints[unchanged], `${change}: ${unchanged}`).toBe(listed.fingerprints[unchanged]);
      expect(now).toEqual(await store.serverData('g'));
      for (const [table, n] of [['guilds', 1], ['house', 1], ['terms', 2], ['plans', 1]] as const) expect(await rowsOf(table, 'g'), `${change}: ${table}`).toBe(n);
    }
    expect(await store.eraseServerDataAsListed('g', await store.serverData('g'))).toMatchObject({ outcome: 'erased', erased: { house: true, terms: 2, plans: 1 } });
  });

  it('a listed erase and a write to the same server at once: either the write comes first and nothing is erased, or the erase removes exactly what was listed', { timeout: 60_000 }, async () => {
    const first = await engine.open();
    const second = await engine.open();
    for (let round = 0; round < 5; round++) {
      const g = `race${round}`;
      for (let i = 0; i < 5; i++) await first.addTerm(g, term(`before ${i}`, i));
      const listed = await second.serverData(g);
      const [result] = await Promise.all([second.eraseServerDataAsListed(g, listed), first.addTerm(g, term('during'))]);
      const left = (await first.terms(g)).map((t) => t.name);
      if (result.outcome === 'erased') {
        expect(result.erased).toMatchObject({ terms: 5 });
        expect(left).toEqual(['during']);
      } else {
        expect(result.stored).toMatchObject({ terms: 6 });
        expect(left).toHaveLength(6);
      }
    }
  });

  it('a store that caches house and terms answers serves none of the erased data afterwards', async () => {
    const store = await engine.open({ ttlMs: 60_000 });
    await store.setHouse('g', house('a 1k+'));
    await store.addTerm('g', term('CPM'));
    // Read, and so cached.
    expect((await store.house('g'))?.text).toBe('a 1k+');
    expect((await store.terms('g')).map((t) => t.name)).toEqual(['CPM']);
    await store.eraseServerData('g');
    expect(await store.house('g')).toBeUndefined();
    expect(await store.terms('g')).toEqual([]);
  });

  it('is ready, and a closed store refuses with StoreUnavailableError', async () => {
    const store = await engine.open();
    await expect(store.ready()).resolves.toBeUndefined();
    await store.close();
    await expect(store.house('g')).rejects.toBeInstanceOf(StoreUnavailableError);
  });
}

describe('store: SQLite', () => {
  storeSuite(sqliteEngine());
});

/** importTerms on both engines: one transaction, all or nothing, one server only. */
function importSuite(engine: Engine) {
  afterEach(() => engine.cleanup());

  const texts = (name: string, definition = `definition of ${name}`, more: Partial<ImportedTerm> = {}): ImportedTerm => ({ name, definition, ...more });
  const importer = (n: number) => ({ id: `importer${n}`, name: `importer ${n}`, at: at(n) });

  it('adds new names, replaces a term of the same name (by nameKey) unless already the same, keeps the rest; the importer is recorded as /term add and edit record', async () => {
    const store = await engine.open();
    expect(await store.addTerm('g', term('CPM', 1, { formula: 'cost / impressions × 1000' }))).toBe('ok');
    expect(await store.addTerm('g', term('CTR', 2, { link: 'https://example.com/ctr' }))).toBe('ok');
    expect(await store.addTerm('g', term('Reach', 3))).toBe('ok');

    const result = await store.importTerms(
      'g',
      [
        texts('ｃｐｍ', 'cost per mille', { example: '$5 for 1,000 views' }),
        texts('CTR', 'definition of CTR', { link: 'https://example.com/ctr' }),
        texts('Whitelisting', 'ads from a creator’s handle', { formula: 'fee × weeks', link: 'https://example.com/w' }),
      ],
      importer(10),
    );
    expect(result).toEqual({ outcome: 'ok', added: ['Whitelisting'], replaced: ['ｃｐｍ'], unchanged: ['CTR'], kept: ['Reach'] });

    // Replaced: its texts and name as imported (a formula the import does not have is gone); who added it stays.
    expect(await store.term('g', 'cpm')).toEqual({
      name: 'ｃｐｍ',
      definition: 'cost per mille',
      formula: undefined,
      example: '$5 for 1,000 views',
      link: undefined,
      addedById: 'u1',
      addedByName: 'user 1',
      addedAt: at(1),
      updatedById: 'importer10',
      updatedByName: 'importer 10',
      updatedAt: at(10),
    });
    // Already the same: not written at all.
    expect(await store.term('g', 'CTR')).toMatchObject({ updatedById: 'u2', updatedAt: at(2) });
    // Added: the importer is its author.
    expect(await store.term('g', 'whitelisting')).toMatchObject({
      formula: 'fee × weeks',
      addedById: 'importer10',
      addedByName: 'importer 10',
      addedAt: at(10),
      updatedById: 'importer10',
      updatedAt: at(10),
    });
    expect(await store.term('g', 'Reach')).toMatchObject({ definition: 'definition of Reach', updatedAt: at(3) });
    expect(await store.terms('g')).toHaveLength(4);
  });

  it(`refuses as 'full', writing nothing, an import that would pass ${TERMS_PER_SERVER} terms; replacing counts no new term`, { timeout: 90_000 }, async () => {
    const store = await engine.open();
    for (let i = 0; i < TERMS_PER_SERVER - 5; i++) expect(await store.addTerm('g', term(`t${i}`, i))).toBe('ok');
    const before = await store.terms('g');
    const six = [texts('T0', 'replaced'), ...Array.from({ length: 6 }, (_, i) => texts(`new ${i}`))];
    expect(await store.importTerms('g', six, importer(500))).toEqual({ outcome: 'full', has: TERMS_PER_SERVER - 5, adding: 6 });
    expect(await store.terms('g')).toEqual(before);
    // Five new ones fill the server exactly, the replacement beside them.
    const five = await store.importTerms('g', six.slice(0, 6), importer(501));
    expect(five).toMatchObject({ outcome: 'ok', replaced: ['T0'], added: ['new 0', 'new 1', 'new 2', 'new 3', 'new 4'] });
    expect(await store.terms('g')).toHaveLength(TERMS_PER_SERVER);
  });

  it('a refused value (a NUL) or two terms of one name write nothing, not even the other terms', async () => {
    const store = await engine.open();
    expect(await store.addTerm('g', term('CPM', 1))).toBe('ok');
    const before = await store.terms('g');
    await expect(store.importTerms('g', [texts('New'), texts('CPM', 'replaced'), texts('Bad', 'with \u0000 in it')], importer(2))).rejects.toBeInstanceOf(StoreRefusedError);
    await expect(store.importTerms('g', [texts('New'), texts('CPM', 'replaced'), texts('ｎｅｗ')], importer(3))).rejects.toThrow(/same name/);
    expect(await store.terms('g')).toEqual(before);
  });

  it("keeps servers apart: an import into one server never touches another's terms of the same names", async () => {
    const store = await engine.open();
    expect(await store.addTerm('a', term('CPM', 1))).toBe('ok');
    expect(await store.addTerm('a', term('CTR', 2))).toBe('ok');
    const result = await store.importTerms('b', [texts('CPM', 'b’s own'), texts('Reach')], importer(3));
    expect(result).toEqual({ outcome: 'ok', added: ['CPM', 'Reach'], replaced: [], unchanged: [], kept: [] });
    expect(await store.terms('a')).toMatchObject([
      { name: 'CPM', definition: 'definition of CPM', addedById: 'u1', updatedAt: at(1) },
      { name: 'CTR', definition: 'definition of CTR', addedById: 'u2', updatedAt: at(2) },
    ]);
    expect((await store.term('b', 'cpm'))?.definition).toBe('b’s own');
    expect(await store.term('b', 'CTR')).toBeUndefined();
  });

  it('runs as one transaction: an import and an add, or two imports, at once never pass the limit together', { timeout: 90_000 }, async () => {
    const store = await engine.open();
    for (let i = 0; i < TERMS_PER_SERVER - 1; i++) expect(await store.addTerm('g', term(`t${i}`, i))).toBe('ok');
    const [imported, added] = await Promise.all([store.importTerms('g', [texts('from the file')], importer(300)), store.addTerm('g', term('typed', 301))]);
    expect([imported.outcome, added].sort()).toEqual(['full', 'ok']);
    expect(await store.terms('g')).toHaveLength(TERMS_PER_SERVER);

    expect(await store.removeTerm('g', added === 'ok' ? 'typed' : 'from the file')).toBe('ok');
    const both = await Promise.all([store.importTerms('g', [texts('first file')], importer(302)), store.importTerms('g', [texts('second file')], importer(303))]);
    expect(both.map((r) => r.outcome).sort()).toEqual(['full', 'ok']);
    expect(await store.terms('g')).toHaveLength(TERMS_PER_SERVER);
  });
}

describe('store: importTerms', () => {
  describe('SQLite', () => importSuite(sqliteEngine()));
  describeOnPostgres('Postgres', (url) => importSuite(postgresEngine(url)));
});

describeOnPostgres('store: Postgres (the shared storage suite)', (pgUrl) => {
  storeSuite(postgresEngine(pgUrl));

  it('a connection dropped under the pool is handled: calls fail with StoreUnavailableError, nothing crashes, and it recovers', async () => {
    const target = new URL(pgUrl);
    const sockets = new Set<net.Socket>();
    let accepting = true;
    const proxy = net.createServer((client) => {
      if (!accepting) return client.destroy();
      const upstream = net.connect(Number(target.port || 5432), target.hostname);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('error', () => {});
        s.on('close', () => sockets.delete(s));
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const port = (proxy.address() as net.AddressInfo).port;
    const url = new URL(pgUrl);
    url.port = String(port);
    const schema = newSchemaName();
    const store = await openStore(url.toString(), { ttlMs: 0, schema, retryAfterMs: 0 });
    try {
      await store.setHouse('g', house('a 1k+'));
      // The server "goes down": every open connection is cut and new ones are refused.
      accepting = false;
      for (const s of sockets) s.destroy();
      await new Promise((r) => setTimeout(r, 100));
      await expect(store.house('g')).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.setHouse('g', house('b 2k+'))).rejects.toBeInstanceOf(StoreUnavailableError);
      // It comes back (this store retries at once; by default a failure makes calls fail fast for 2 s).
      accepting = true;
      expect((await store.house('g'))?.text).toBe('a 1k+');
    } finally {
      await store.close();
      proxy.close();
      await dropSchema(pgUrl, schema);
    }
  });

  it('mustExist opens only a schema with Tierbot’s tables, creating and migrating nothing', async () => {
    const schema = newSchemaName();
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    try {
      await client.query(`create schema "${schema}"`);
      await expect(openStore(pgUrl, { schema, mustExist: true })).rejects.toThrow(new NotATierbotDatabaseError('it has no Tierbot tables'));
      expect((await client.query('select table_name from information_schema.tables where table_schema = $1', [schema])).rows).toEqual([]);
      await runMigrations(pgUrl, { schema });
      const store = await openStore(pgUrl, { schema, mustExist: true, ttlMs: 0 });
      try {
        expect(await store.serverData('g')).toMatchObject({ recorded: false, house: false, terms: 0, plans: 0 });
      } finally {
        await store.close();
      }
    } finally {
      await client.end();
      await dropSchema(pgUrl, schema);
    }
  });

  it('runMigrations reports what it applied, then that nothing was left to do', async () => {
    const schema = newSchemaName();
    try {
      expect(await runMigrations(pgUrl, { schema })).toMatchObject({ applied: ALL_MIGRATIONS, alreadyApplied: [] });
      expect(await runMigrations(pgUrl, { schema })).toMatchObject({ applied: [], alreadyApplied: ALL_MIGRATIONS });
    } finally {
      await dropSchema(pgUrl, schema);
    }
  });
});

/** A listener on 127.0.0.1 that accepts connections and never answers: a database that hangs. */
async function silentListener() {
  const sockets = new Set<net.Socket>();
  let accepted = 0;
  const server = net.createServer((socket) => {
    accepted += 1;
    sockets.add(socket);
    socket.on('error', () => {}); // the client gives up and resets the connection
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    accepted: () => accepted,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('store: Postgres unreachable', () => {
  it('opens anyway (the bot starts), and every call fails with StoreUnavailableError without crashing', async () => {
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    const warnings: string[] = [];
    const logger = { warn: (_: object, msg?: string) => void warnings.push(msg ?? ''), info: () => {} };
    const store = await openStore('postgres://tierbot:secret-password@127.0.0.1:1/tierbot', { logger });
    try {
      await expect(store.ready()).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.house('g')).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.setHouse('g', house('x'))).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.addTerm('g', term('x'))).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.plans('g')).rejects.toBeInstanceOf(StoreUnavailableError);
      const err = await store.house('g').catch((e: unknown) => e);
      expect(String((err as Error).message)).toBe('the settings database is unavailable');
      expect(warnings.join(' ')).toContain('unreachable at start');
      expect(warnings.join(' ')).not.toContain('secret-password');
    } finally {
      await store.close();
    }
  });

  it('after a failure, calls fail at once for a while instead of each waiting to connect (a database that never answers)', async () => {
    const silent = await silentListener();
    // A wait for a connection takes the whole connect timeout; failing at once takes far less,
    // with room to spare for a loaded machine.
    const connectTimeoutMs = 2_000;
    const store = await openStore(`postgres://tierbot:tierbot@127.0.0.1:${silent.port}/tierbot`, { connectTimeoutMs, retryAfterMs: 10_000 });
    try {
      const attemptsAtOpen = silent.accepted();
      expect(attemptsAtOpen).toBeGreaterThan(0);
      const t0 = Date.now();
      await expect(store.house('g')).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.house('g')).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.setHouse('g', house('x'))).rejects.toBeInstanceOf(StoreUnavailableError);
      // The open already failed once, so none of these tried to connect, nor waited.
      expect(silent.accepted()).toBe(attemptsAtOpen);
      expect(Date.now() - t0).toBeLessThan(connectTimeoutMs / 2);
    } finally {
      await store.close();
      await silent.close();
    }
  });

  it('runMigrations fails with the reason', async () => {
    await expect(runMigrations('postgres://tierbot:tierbot@127.0.0.1:1/tierbot')).rejects.toThrow(/ECONNREFUSED/);
  });
});

describe('store: SQLite file', () => {
  it('creates the file and its folder on first use, in WAL mode, and migrates once', async () => {
    const path = join(tempDir(), 'nested', 'deeper', 'tierbot.sqlite');
    expect(await runMigrations(path)).toMatchObject({ applied: ALL_MIGRATIONS, alreadyApplied: [] });
    expect(await runMigrations(`file:${path}`)).toMatchObject({ applied: [], alreadyApplied: ALL_MIGRATIONS });
    const store = await openStore(`file://${path}`);
    await store.setHouse('g', house('a 1k+'));
    await store.close();
    expect(existsSync(path)).toBe(true);
    const raw = new Database(path);
    expect(raw.pragma('journal_mode', { simple: true })).toMatchObject({ journal_mode: 'wal' });
    raw.close();
  });

  /** Whether `text` is anywhere in the database's files: the file itself and its write-ahead log. */
  const onDisk = (path: string, text: string) =>
    [path, `${path}-wal`].some((file) => existsSync(file) && readFileSync(file).includes(Buffer.from(text, 'utf8')));

  it('a removed term, plan and house definition leave no readable text in the file (secure_delete)', async () => {
    const path = join(tempDir(), 'removed.sqlite');
    const secrets = { term: 'zqxv-term-definition-7731', plan: 'zqxv-plan-budget-7731', house: 'zqxv house 1k+' };
    const store = await openStore(path, { ttlMs: 0 });
    // Neighbours on the same pages, which stay: the removed rows' pages are not freed whole.
    await store.addTerm('g', term('kept'));
    await store.savePlan('g', { name: 'kept', inputs: { budget: '1' }, savedById: 'u', savedByName: 'n', savedAt: at(0) });
    await store.setHouse('other', house('kept 1k+'));
    await store.addTerm('g', term('gone', 1, { definition: secrets.term }));
    await store.savePlan('g', { name: 'gone', inputs: { budget: secrets.plan }, savedById: 'u', savedByName: 'n', savedAt: at(1) });
    await store.setHouse('g', house(secrets.house));
    await store.close();
    for (const secret of Object.values(secrets)) expect(onDisk(path, secret), secret).toBe(true);

    const again = await openStore(path, { ttlMs: 0 });
    expect(await again.removeTerm('g', 'gone')).toBe('ok');
    expect(await again.deletePlan('g', 'gone')).toBe('ok');
    expect(await again.clearHouse('g')).toBeDefined();
    await again.close();
    // The write-ahead log's frames moved into the file and the log emptied, as SQLite does in time.
    const raw = new Database(path);
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    for (const secret of Object.values(secrets)) expect(onDisk(path, secret), secret).toBe(false);
    expect(onDisk(path, 'definition of kept')).toBe(true);
  });

  it('an erased server’s text is gone from the file and its write-ahead log as soon as the erase returns', async () => {
    const path = join(tempDir(), 'erased.sqlite');
    const secret = 'zqxv-erased-definition-4419';
    const store = await openStore(path, { ttlMs: 0 });
    try {
      await store.addTerm('other', term('kept'));
      await store.addTerm('g', term('gone', 1, { definition: secret }));
      await store.setHouse('g', house('zqxv erased 1k+'));
      expect(onDisk(path, secret)).toBe(true);
      expect(await store.eraseServerData('g')).toMatchObject({ recorded: true, house: true, terms: 1, plans: 0, sqliteLogNotEmptied: false });
      // Still open: nothing was closed or checkpointed by hand.
      expect(onDisk(path, secret)).toBe(false);
      expect(onDisk(path, 'zqxv erased')).toBe(false);
      expect(onDisk(path, 'definition of kept')).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('text removed before secure_delete was on (a file an earlier version wrote) is gone from the file and its log once a server is erased', async () => {
    const path = join(tempDir(), 'older.sqlite');
    await (await openStore(path, { ttlMs: 0 })).close();
    const removedEarlier = 'zqxv-removed-before-secure-delete-5120';
    // An earlier bot: secure_delete at SQLite's default, off; terms added, then removed.
    const earlier = new Database(path);
    expect(earlier.pragma('secure_delete')).toMatchObject([{ secure_delete: 0 }]);
    for (let i = 0; i < 20; i++) {
      earlier.prepare("insert into terms values ('old', ?, ?, ?, null, null, null, 'u', 'a', 't', 'u', 'a', 't')").run(`k${i}`, `n${i}`, `${removedEarlier} ${i} ${'y'.repeat(300)}`);
    }
    earlier.prepare("delete from terms where guild_id = 'old'").run();
    earlier.pragma('wal_checkpoint(TRUNCATE)');
    earlier.close();
    expect(onDisk(path, removedEarlier)).toBe(true);

    const store = await openStore(path, { ttlMs: 0 });
    try {
      await store.addTerm('other', term('kept'));
      await store.addTerm('g', term('gone', 1));
      const erased = await store.eraseServerData('g');
      expect(onDisk(path, removedEarlier)).toBe(false);
      expect(onDisk(path, 'definition of gone')).toBe(false);
      expect(onDisk(path, 'definition of kept')).toBe(true);
      expect(erased).toMatchObject({ terms: 1, sqliteLogNotEmptied: false });
    } finally {
      await store.close();
    }
  });

  it('an erase while another connection reads an older snapshot stands, says older copies may remain, and logs why; the next erase clears them', async () => {
    const path = join(tempDir(), 'read-meanwhile.sqlite');
    const warnings: string[] = [];
    const store = await openStore(path, { ttlMs: 0, logger: { info: () => {}, warn: (_fields, message) => void warnings.push(message ?? '') } });
    const reader = new Database(path);
    try {
      await store.addTerm('other', term('kept'));
      await store.addTerm('g', term('gone', 1, { definition: 'zqxv-read-meanwhile-8812' }));
      reader.exec('begin');
      reader.prepare('select count(*) from terms').get();
      expect(await store.eraseServerData('g')).toMatchObject({ recorded: true, house: false, terms: 1, plans: 0, sqliteLogNotEmptied: true });
      expect(warnings).toEqual([
        'settings database log not emptied after an erase: another connection was reading the database; older copies of the erased rows stay in its -wal file ' +
          'until later writes overwrite them, the log is truncated (the next erase with nothing else reading) or the last connection closes',
      ]);
      expect(await store.serverData('g')).toMatchObject({ recorded: false, house: false, terms: 0, plans: 0 });
      expect(onDisk(path, 'zqxv-read-meanwhile-8812')).toBe(true);
      reader.exec('commit');
      expect(await store.eraseServerData('g')).toMatchObject({ recorded: false, sqliteLogNotEmptied: false });
      expect(onDisk(path, 'zqxv-read-meanwhile-8812')).toBe(false);
    } finally {
      if (reader.inTransaction) reader.exec('commit');
      reader.close();
      await store.close();
    }
  });

  it('mustExist opens only a database with Tierbot’s tables, creating and migrating nothing', async () => {
    const dir = tempDir();
    const missing = join(dir, 'nested', 'typo.sqlite');
    await expect(openStore(missing, { mustExist: true })).rejects.toThrow(new NotATierbotDatabaseError('there is no database file at that path'));
    expect(existsSync(join(dir, 'nested'))).toBe(false);
    await expect(openStore(':memory:', { mustExist: true })).rejects.toBeInstanceOf(NotATierbotDatabaseError);

    const partial = join(dir, 'partial.sqlite');
    const raw = new Database(partial);
    raw.exec('create table guilds (guild_id text primary key, created_at text not null)');
    raw.exec('create table terms (x text)');
    raw.close();
    await expect(openStore(partial, { mustExist: true })).rejects.toThrow("it lacks Tierbot's house, plans, kysely_migration tables");

    const real = join(dir, 'real.sqlite');
    const created = await openStore(real);
    await created.addTerm('g', term('CPM'));
    await created.close();
    const existing = await openStore(real, { mustExist: true, ttlMs: 0 });
    try {
      expect(await existing.serverData('g')).toMatchObject({ terms: 1 });
    } finally {
      await existing.close();
    }
  });

  it('reads DATABASE_URL forms', () => {
    expect(parseDatabaseUrl('postgres://u:p@h/db')).toEqual({ engine: 'postgres', url: 'postgres://u:p@h/db' });
    expect(parseDatabaseUrl('postgresql://u:p@h/db').engine).toBe('postgres');
    expect(parseDatabaseUrl('file:///tmp/x.sqlite')).toEqual({ engine: 'sqlite', path: '/tmp/x.sqlite' });
    expect(parseDatabaseUrl('/tmp/y.sqlite')).toEqual({ engine: 'sqlite', path: '/tmp/y.sqlite' });
    expect(parseDatabaseUrl('./data/tierbot.sqlite').engine).toBe('sqlite');
    expect(() => parseDatabaseUrl('mysql://h/db')).toThrow(/postgres/);
  });

  it('a path that cannot be created stops the open with the reason', async () => {
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, 'not a folder');
    await expect(openStore(join(file, 'x.sqlite'))).rejects.toThrow('DATABASE_URL: its folder cannot be created (a file is in the way)');
  });

  it('two processes starting on a new file and writing at once (the bot and the CLI) both succeed, nothing lost', { timeout: 60_000 }, async () => {
    const path = join(tempDir(), 'two.sqlite');
    // A new file: both also race to create it and run the migrations.
    const burst = join(import.meta.dirname, 'fixtures', 'store-kill', 'burst.ts');
    const runChild = (prefix: string) =>
      new Promise<void>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', burst, path, prefix, '60'], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.stderr.on('data', (d: Buffer) => (out += d.toString()));
        child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${prefix} exited ${code}: ${out}`))));
      });
    await Promise.all([runChild('alpha'), runChild('beta')]);
    const store = await openStore(path, { ttlMs: 0 });
    try {
      const terms = await store.terms('g-two');
      expect(terms).toHaveLength(120);
      expect(terms.filter((t) => t.addedById === 'alpha')).toHaveLength(60);
      expect(['house by alpha', 'house by beta']).toContain((await store.house('g-two'))?.text);
    } finally {
      await store.close();
    }
  });

  it('a process SIGKILLed during a burst of writes restarts with every acknowledged write present and the file intact', { timeout: 60_000 }, async () => {
    const path = join(tempDir(), 'kill.sqlite');
    const writer = join(import.meta.dirname, 'fixtures', 'store-kill', 'writer.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', writer, path], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let lastAck = -1;
    let buffer = '';
    const exited = new Promise<NodeJS.Signals | null>((r) => child.on('exit', (_code, signal) => r(signal)));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the writer did not get going: ${stderr}`)), 15_000);
      child.stdout.on('data', (d: Buffer) => {
        buffer += d.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop()!;
        for (const line of lines) {
          const m = /^ack (\d+)$/.exec(line);
          if (m) lastAck = Number(m[1]);
        }
        // Past 100 the burst also removes terms; kill it mid-way through that.
        if (lastAck >= 160) {
          clearTimeout(timer);
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => reject(new Error(`the writer exited early: ${stderr}`)));
    });
    expect(await exited).toBe('SIGKILL');
    // Anything printed before the kill was acknowledged; read what made it into the pipe.
    for (const line of buffer.split('\n')) {
      const m = /^ack (\d+)$/.exec(line);
      if (m) lastAck = Math.max(lastAck, Number(m[1]));
    }

    const raw = new Database(path);
    expect(raw.prepare('pragma integrity_check').all()).toEqual([{ integrity_check: 'ok' }]);
    raw.close();

    const store = await openStore(path, { ttlMs: 0 });
    try {
      const n = lastAck;
      for (let k = Math.max(0, n - 98); k <= n; k++) expect(await store.term('g-kill', `term ${k}`), `term ${k}`).toBeDefined();
      expect((await store.term('g-kill', `term ${n}`))?.definition).toBe(`definition ${n} ${'x'.repeat(n % 500)}`);
      expect(['house ' + n, 'house ' + (n + 1)]).toContain((await store.house('g-kill'))?.text);
      expect((await store.plan('g-kill', `plan ${n % 50}`))?.inputs).toEqual({ n: String(n) });
      const count = (await store.terms('g-kill')).length;
      expect(count).toBeGreaterThanOrEqual(99);
      expect(count).toBeLessThanOrEqual(101);
    } finally {
      await store.close();
    }
  });
});
