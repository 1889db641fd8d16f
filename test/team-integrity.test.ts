/**
 * The team's data kept whole: two /term edits at once both keep their change; a SQLite file busy
 * with another process's write is waited for, not reported down; names that differ only in their
 * runs of spaces are one name (rows stored before that are migrated); /compare's plan
 * suggestions match as /plans does; and lists sort the same whatever the host's language.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { compare } from '../src/commands/compare';
import { plans } from '../src/commands/plans';
import { term } from '../src/commands/term';
import type { Reply, SlashCommand } from '../src/commands/types';
import { nameKey } from '../src/domain/names';
import { readRoster, summariseByPlatform, summaryStateOf, writeTaggedCsv } from '../src/domain/roster';
import { openStore, SQLITE_BUSY_WAIT_MS } from '../src/store/index';
import type { TeamStore } from '../src/store/types';
import { memoryStore, testContext } from './support/context';

const G = '200000000000000001';
const AUTHOR = '300000000000000001';

const dir = mkdtempSync(join(tmpdir(), 'tierbot-integrity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
/** A fresh real SQLite file, and a store on it without a cache (every read is the database's answer). */
async function sqlite(): Promise<{ store: TeamStore; path: string }> {
  n += 1;
  const path = join(dir, `team-${n}.sqlite`);
  return { store: await openStore(path, { ttlMs: 0 }), path };
}

const manager = (store: TeamStore) => testContext({ guildId: G, manager: true, store });
const run = async (command: SlashCommand, args: Record<string, unknown>, store: TeamStore) => (await command.run(args as never, manager(store))) as Reply;
const text = (reply: Reply) => JSON.stringify(reply.embeds);
const suggest = (command: SlashCommand, name: string, value: string, store: TeamStore) =>
  command.autocomplete!({ name, value }, {}, testContext({ guildId: G, manager: true, store }));
const plan = (name: string) => ({ name, inputs: { budget: '5000' }, savedById: AUTHOR, savedByName: 'tester', savedAt: new Date('2026-12-01T00:00:00Z') });

describe('/term edit', () => {
  it('two edits of different fields at once both keep their change, and the reply shows the term as stored', async () => {
    const { store } = await sqlite();
    expect(text(await run(term, { subcommand: 'add', name: 'CPM', definition: 'Cost per thousand views' }, store))).toContain('Team term added');
    const [linked, formulaed] = await Promise.all([
      run(term, { subcommand: 'edit', name: 'CPM', link: 'https://example.com/cpm' }, store),
      run(term, { subcommand: 'edit', name: 'CPM', formula: 'cost / views x 1000' }, store),
    ]);
    expect(text(linked)).toContain('Team term changed');
    expect(text(formulaed)).toContain('Team term changed');
    expect(await store.term(G, 'CPM')).toMatchObject({ definition: 'Cost per thousand views', link: 'https://example.com/cpm', formula: 'cost / views x 1000' });
    // The edit written last read the term before the other's change: it shows both all the same.
    expect([linked, formulaed].some((reply) => text(reply).includes('example.com/cpm') && text(reply).includes('cost / views x 1000'))).toBe(true);
    await store.close();
  });

  it('leaves the fields it was not given as they are stored, and still removes one with "-"', async () => {
    const { store } = await sqlite();
    await run(term, { subcommand: 'add', name: 'CPM', definition: 'old', formula: 'a / b', example: 'an example' }, store);
    const reply = await run(term, { subcommand: 'edit', name: 'cpm', definition: 'new', example: '-' }, store);
    expect(text(reply)).toContain('example removed');
    expect(await store.term(G, 'CPM')).toMatchObject({ name: 'CPM', definition: 'new', formula: 'a / b', example: undefined });
    await store.close();
  });
});

describe('a SQLite file busy with another process’s write', () => {
  /** Another connection to the file holds its write lock, as a second process writing would. */
  function lockFile(path: string): { release(): void } {
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    return {
      release() {
        if (other.inTransaction) other.exec('COMMIT');
        other.close();
      },
    };
  }

  it('is waited for: a write queued behind a lock held 1.5 s is done, and the event loop runs meanwhile (so the core can defer)', async () => {
    const { store, path } = await sqlite();
    const lock = lockFile(path);
    const started = Date.now();
    setTimeout(() => lock.release(), 1_500);
    let timerFiredAfter: number | undefined;
    setTimeout(() => (timerFiredAfter = Date.now() - started), 100);
    const reply = await run(term, { subcommand: 'add', name: 'CPM', definition: 'Cost per thousand views' }, store);
    expect(text(reply)).toContain('Team term added');
    expect(timerFiredAfter).toBeLessThan(900);
    expect((await store.term(G, 'CPM'))?.definition).toBe('Cost per thousand views');
    await store.close();
  });

  it(`is reported unavailable once locked for longer than ${SQLITE_BUSY_WAIT_MS / 1000} s, and nothing is written`, { timeout: 20_000 }, async () => {
    const { store, path } = await sqlite();
    const lock = lockFile(path);
    try {
      const started = Date.now();
      const reply = await run(term, { subcommand: 'add', name: 'CPM', definition: 'Cost per thousand views' }, store);
      expect(Date.now() - started).toBeGreaterThanOrEqual(SQLITE_BUSY_WAIT_MS);
      expect(text(reply)).toContain('unavailable');
    } finally {
      lock.release();
    }
    expect(await store.term(G, 'CPM')).toBeUndefined();
    await store.close();
  });
});

describe('names that differ only in runs of spaces', () => {
  it('are one name: nameKey folds them, as it folds spaces at the ends', () => {
    expect(nameKey('C  PM')).toBe(nameKey('C PM'));
    expect(nameKey(' Q1 \u3000 launch ')).toBe(nameKey('q1 launch'));
    expect(nameKey('CPM')).not.toBe(nameKey('C PM'));
  });

  it('are one term and one plan: "C  PM" is taken by "C PM", and /plans delete "Q1  launch" deletes "Q1 launch"', async () => {
    const { store } = await sqlite();
    await run(term, { subcommand: 'add', name: 'C PM', definition: 'one' }, store);
    const again = await run(term, { subcommand: 'add', name: 'C  PM', definition: 'two' }, store);
    expect(text(again)).toContain('already has a term called');
    expect((await store.term(G, 'c   pm'))?.name).toBe('C PM');

    expect(await store.savePlan(G, plan('Q1 launch'))).toEqual({ outcome: 'ok', replaced: undefined });
    expect(text(await run(plans, { subcommand: 'delete', name: 'Q1  launch' }, store))).not.toContain('no plan');
    expect(await store.plans(G)).toEqual([]);
    await store.close();
  });

  it('rows stored before runs of spaces were folded are migrated: /term edit, add and remove find them by any spacing, and of "C  PM" beside "C PM" both are kept', async () => {
    const { store, path } = await sqlite();
    await run(term, { subcommand: 'add', name: 'C PM', definition: 'one space' }, store);
    await run(term, { subcommand: 'add', name: 'Lone', definition: 'lone' }, store);
    await store.close();
    // Rows as a store keyed them when runs of spaces were kept in the key, before the migration that folds them.
    const raw = new Database(path);
    raw.prepare("UPDATE terms SET name = 'Lone  one', name_key = 'lone  one' WHERE name_key = 'lone'").run();
    raw
      .prepare(
        "INSERT INTO terms SELECT guild_id, 'c  pm', 'C  PM', 'two spaces', formula, example, link, created_by_id, created_by_name, created_at, updated_by_id, updated_by_name, '2020-01-01T00:00:00.000Z' FROM terms WHERE name_key = 'c pm'",
      )
      .run();
    raw.prepare("DELETE FROM kysely_migration WHERE name IN ('0003_name_keys_fold_spaces', '0004_house_tier_names_fold_spaces')").run();
    raw.close();
    const migrated = await openStore(path, { ttlMs: 0 });

    expect((await migrated.terms(G)).map((t) => t.name).sort()).toEqual(['C  PM (2)', 'C PM', 'Lone  one']);
    expect(text(await run(term, { subcommand: 'edit', name: 'Lone one', definition: 'lone, edited' }, migrated))).toContain('lone, edited');
    expect(text(await run(term, { subcommand: 'add', name: 'LONE   one', definition: 'again' }, migrated))).toContain('already has a term called');
    expect(text(await run(term, { subcommand: 'edit', name: 'c   pm', definition: 'one, edited' }, migrated))).toContain('one, edited');
    expect(text(await run(term, { subcommand: 'edit', name: 'C PM (2)', definition: 'two, edited' }, migrated))).toContain('two, edited');
    expect(text(await run(term, { subcommand: 'remove', name: 'lone one' }, migrated))).toContain('Team term removed');
    expect((await migrated.terms(G)).map((t) => [t.name, t.definition]).sort()).toEqual([
      ['C  PM (2)', 'two, edited'],
      ['C PM', 'one, edited'],
    ]);
    await migrated.close();
  });
});

describe('/compare plan: suggestions', () => {
  it('match as /plans delete does: full-width "ｑ１" and "Ｌａｕｎｃｈ" find "Q1 launch"', async () => {
    const store = memoryStore();
    await store.savePlan(G, plan('Q1 launch'));
    await store.savePlan(G, plan('Summer'));
    for (const typed of ['ｑ１', 'Ｌａｕｎｃｈ', 'q1  LAUNCH']) {
      expect((await suggest(compare, 'plan', typed, store)).map((c) => c.value)).toEqual(['Q1 launch']);
      expect((await suggest(plans, 'name', typed, store)).map((c) => c.value)).toEqual(['Q1 launch']);
    }
  });
});

describe('list order', () => {
  afterEach(() => vi.restoreAllMocks());

  /** A host whose language is Swedish, which sorts "Ä" after "Z", wherever no language is named. */
  function swedishHost(): void {
    const localeCompare = String.prototype.localeCompare;
    vi.spyOn(String.prototype, 'localeCompare').mockImplementation(function (this: string, that: string, locales?: Intl.LocalesArgument, options?: Intl.CollatorOptions) {
      return localeCompare.call(this, that, locales ?? 'sv', options);
    });
  }

  it('of /term, /plans and /compare suggestions is English reading order whatever the host’s language', async () => {
    const store = memoryStore();
    for (const name of ['Zeta', 'Ärende', 'Alpha']) {
      await store.addTerm(G, { name, definition: 'd', addedById: AUTHOR, addedByName: 'tester', updatedAt: new Date() });
      await store.savePlan(G, plan(name));
    }
    swedishHost();
    const order = ['Alpha', 'Ärende', 'Zeta'];
    expect((await suggest(term, 'name', '', store)).map((c) => c.value)).toEqual(order);
    expect((await suggest(plans, 'name', '', store)).map((c) => c.value)).toEqual(order);
    expect((await suggest(compare, 'plan', '', store)).map((c) => c.value)).toEqual(order);
  });

  it('of platforms with as many creators in a roster summary is English whatever the host’s language', () => {
    const read = readRoster(new TextEncoder().encode('Name,Platform,Followers\nAna,Zing,45000\nBen,Ärlig,120000\n'));
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    swedishHost();
    const summary = summariseByPlatform(new TextEncoder().encode(writeTaggedCsv(read.roster)), summaryStateOf(read.roster));
    expect(summary.ok && summary.platforms.map((p) => p.platform)).toEqual(['Ärlig', 'Zing']);
  });
});
