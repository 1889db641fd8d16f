/**
 * How the store fails, as users and operators meet it:
 * - a SQLite write that finds the file locked by another process waits in short attempts, the event
 *   loop free between them, and gives up as unavailable after SQLITE_BUSY_WAIT_MS, storing nothing;
 * - a call that fails for neither an outage nor a refused value (a missing table, a bug) is not
 *   answered as "settings are unavailable": the interaction core shows an error id;
 * - each such failure is logged; an outage is logged once every few seconds per operation;
 * - a Postgres statement cancelled past its timeout fails that call alone, not every server's.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { house } from '../src/commands/house';
import { plans } from '../src/commands/plans';
import { failureKind } from '../src/store/failures';
import { openStore, SQLITE_BUSY_WAIT_MS, SqlStore, type StoreLogger } from '../src/store/index';
import { Kysely, Migrator, SqliteDialect } from '../src/store/kysely';
import { migrationProvider } from '../src/store/migrations';
import type { Database as Schema } from '../src/store/schema';
import { StoreFailedError, StoreUnavailableError, type TeamStore } from '../src/store/types';
import { driver } from './support/drive';
import { memoryStore, testContext } from './support/context';
import { describeOnPostgres, dropSchema, newSchemaName } from './support/postgres';

const G1 = '200000000000000001';
const G2 = '200000000000000002';
const at = new Date(Date.UTC(2026, 11, 6, 12));
const record = (text: string) => ({ text, setById: 'u', setByName: 'n', setAt: at });

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function newSqlitePath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tierbot-store-failures-'));
  dirs.push(dir);
  return join(dir, 'db.sqlite');
}

describe('a SQLite file locked by another process', () => {
  it('a write gives up as unavailable once the lock outlasts the wait, the event loop turning meanwhile, and the stored value is unchanged', { timeout: 20_000 }, async () => {
    const path = newSqlitePath();
    const store = await openStore(path, { ttlMs: 0 });
    const other = new Database(path);
    try {
      await store.setHouse(G1, record('before 1k+'));
      other.exec('BEGIN IMMEDIATE');
      const startedAt = Date.now();
      let turns = 0;
      const ticking = setInterval(() => (turns += 1), 100);
      await expect(store.setHouse(G1, record('after 2k+'))).rejects.toBeInstanceOf(StoreUnavailableError);
      clearInterval(ticking);
      expect(Date.now() - startedAt).toBeGreaterThanOrEqual(SQLITE_BUSY_WAIT_MS);
      // Each attempt holds the loop for at most the busy timeout: a 100 ms timer still fires many times.
      expect(turns).toBeGreaterThan(SQLITE_BUSY_WAIT_MS / 1_000);
      other.exec('ROLLBACK');
      expect((await store.house(G1))?.text).toBe('before 1k+');
    } finally {
      if (other.inTransaction) other.exec('ROLLBACK');
      other.close();
      await store.close();
    }
  });
});

/** A SQLite store whose `tables` were removed under it (a bug, or a hand-edited file). */
async function storeMissing(tables: string[], logger?: StoreLogger): Promise<TeamStore> {
  const path = newSqlitePath();
  const store = await openStore(path, { ttlMs: 0, ...(logger ? { logger } : {}) });
  await store.setHouse(G1, record('a 1k+'));
  const other = new Database(path);
  for (const table of tables) other.exec(`DROP TABLE ${table}`);
  other.close();
  return store;
}

describe('a call that fails for neither an outage nor a refused value', () => {
  it('/house set and /house show are not answered "unavailable": the failure reaches the core', async () => {
    const store = await storeMissing(['house']);
    try {
      const ctx = testContext({ guildId: G1, manager: true, store });
      for (const args of [{ subcommand: 'set', tiers: 'nano 1k-10k, micro 10k+' }, { subcommand: 'show' }]) {
        await expect(Promise.resolve(house.run(args as never, ctx))).rejects.toBeInstanceOf(StoreFailedError);
      }
    } finally {
      await store.close();
    }
  });

  it('through the core, /house show and /plans list show an error id; /tier still answers from the publishers', async () => {
    const store = await storeMissing(['house', 'plans']);
    try {
      const bot = driver({ store });
      for (const line of ['/house show', '/house set "tiers:nano 1k-10k, micro 10k+"', '/plans list']) {
        const answer = await bot.run(line, { guildId: G1, manager: true });
        const shown = JSON.stringify(answer.shown.body);
        expect(answer.outcome, line).toBe('failed');
        expect(shown, line).toMatch(/Something went wrong.*error id `[0-9a-f]{8}`/);
        expect(shown, line).not.toMatch(/unavailable/i);
      }
      const tier = await bot.run('/tier 30000', { guildId: G1 });
      expect(tier.outcome).toBe('answered');
      expect(JSON.stringify(tier.shown.body)).toContain('30,000');
    } finally {
      await store.close();
    }
  });

  it('the commands that answer "unavailable" themselves still do so for an outage', async () => {
    const down: TeamStore = {
      ...memoryStore(),
      plans: async () => {
        throw new StoreUnavailableError(new Error('connect ECONNREFUSED'));
      },
    };
    const reply = await plans.run({ subcommand: 'list' } as never, testContext({ guildId: G1, store: down }));
    expect(reply.unavailable).toBe(true);
    // True of a read as of a write.
    expect(reply.embeds[0]!.description).toContain('If you were changing a setting, nothing was changed.');
  });
});

describe('what the store logs', () => {
  function spyLogger() {
    const warn = vi.fn<StoreLogger['warn']>();
    const lines = () => warn.mock.calls.map(([fields, message]) => `${(fields as { op: string }).op}: ${message}`);
    return { logger: { warn, info: () => {} } satisfies StoreLogger, lines };
  }

  it('every call that failed alone, whatever failed before it', async () => {
    const { logger, lines } = spyLogger();
    const store = await storeMissing(['house', 'plans'], logger);
    try {
      await expect(store.house(G1)).rejects.toBeInstanceOf(StoreFailedError);
      await expect(store.plans(G1)).rejects.toBeInstanceOf(StoreFailedError);
      await expect(store.house(G2)).rejects.toBeInstanceOf(StoreFailedError);
      expect(lines()).toEqual(['house: settings database call failed', 'plans: settings database call failed', 'house: settings database call failed']);
      expect(logger.warn.mock.calls[1]![0]).toMatchObject({ err: { message: expect.stringContaining('no such table: plans') } });
    } finally {
      await store.close();
    }
  });

  it('an outage once every few seconds for each operation', async () => {
    const { logger, lines } = spyLogger();
    const raw = new Database(':memory:');
    const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: raw as unknown as ConstructorParameters<typeof SqliteDialect>[0]['database'] }) });
    const store = new SqlStore(db, {
      engine: 'postgres',
      ttlMs: 0,
      logger,
      retryAfterMs: 0,
      migrate: async () => {
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      },
      onClose: () => db.destroy(),
    });
    try {
      for (const call of [() => store.house(G1), () => store.house(G2), () => store.plans(G1), () => store.plans(G2)]) {
        await expect(call()).rejects.toBeInstanceOf(StoreUnavailableError);
      }
      expect(lines()).toEqual(['house: settings database unavailable', 'plans: settings database unavailable']);
    } finally {
      await store.close();
    }
  });
});

describe('a Postgres statement cancelled (57014, past the statement timeout)', () => {
  const pgError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: 'ERROR' });

  it('is a failure of that call, not an outage; the rest of class 57 still is', () => {
    expect(failureKind(pgError('57014', 'canceling statement due to statement timeout'))).toBe('failed');
    expect(failureKind(pgError('57P01', 'terminating connection due to administrator command'))).toBe('outage');
    expect(failureKind(pgError('57P03', 'the database system is starting up'))).toBe('outage');
  });

  it('fails that call alone: the next call, for another server, is not failed fast', async () => {
    const raw = new Database(':memory:');
    const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: raw as unknown as ConstructorParameters<typeof SqliteDialect>[0]['database'] }) });
    let cancelled = false;
    const store = new SqlStore(db, {
      engine: 'postgres',
      ttlMs: 0,
      logger: { warn: () => {}, info: () => {} },
      retryAfterMs: 60_000,
      migrate: async () => {
        if (!cancelled) {
          cancelled = true;
          throw pgError('57014', 'canceling statement due to statement timeout');
        }
        const result = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
        if (result.error) throw result.error;
      },
      onClose: () => db.destroy(),
    });
    try {
      await expect(store.house(G1)).rejects.toBeInstanceOf(StoreFailedError);
      expect(await store.house(G2)).toBeUndefined();
    } finally {
      await store.close();
    }
  });
});

describeOnPostgres('on Postgres', (url) => {
  const schemas: string[] = [];
  afterAll(async () => {
    for (const schema of schemas) await dropSchema(url, schema);
  });

  async function open() {
    const schema = newSchemaName();
    schemas.push(schema);
    const store = await openStore(url, { ttlMs: 0, schema });
    const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
    await client.connect();
    return { store, client };
  }

  it('a missing table: /house show shows an error id, not "unavailable"; other calls still work', async () => {
    const { store, client } = await open();
    try {
      await client.query('drop table house');
      const answer = await driver({ store }).run('/house show', { guildId: G1, manager: true });
      expect(answer.outcome).toBe('failed');
      expect(JSON.stringify(answer.shown.body)).toMatch(/error id `[0-9a-f]{8}`/);
      expect(await store.plans(G1)).toEqual([]);
    } finally {
      await client.end();
      await store.close();
    }
  });

  it('a write that runs past the statement timeout fails alone: another server’s write right after succeeds', { timeout: 30_000 }, async () => {
    const { store, client } = await open();
    try {
      await store.setHouse(G1, record('a 1k+'));
      // Holds the server's row, so its next write waits past the statement timeout.
      await client.query('begin');
      await client.query('select guild_id from guilds where guild_id = $1 for update', [G1]);
      const blocked = store.setHouse(G1, record('b 2k+'));
      await expect(blocked).rejects.toBeInstanceOf(StoreFailedError);
      await expect(blocked).rejects.toMatchObject({ cause: { code: '57014' } });
      await client.query('rollback');
      await store.setHouse(G2, record('c 3k+'));
      expect((await store.house(G2))?.text).toBe('c 3k+');
      expect((await store.house(G1))?.text).toBe('a 1k+');
    } finally {
      await client.query('rollback').catch(() => undefined);
      await client.end();
      await store.close();
    }
  });
});
