/**
 * What a failure means to the store: only an outage (the database unreachable, its connection lost,
 * its file locked) makes the store fail fast for every server; a value the database cannot keep
 * fails that write alone. A NUL character (U+0000), which Postgres refuses and SQLite keeps, is
 * handled alike by both engines, through the interaction core as users reach it. A closed store's
 * late background read is never reported as an outage (the CLI closes it straight after answering).
 */

import { execFile } from 'node:child_process';
import Database from 'libsql';
import pg from 'pg';
import type { KyselyPlugin } from 'kysely';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { COMMANDS } from '../src/commands';
import type { SlashCommand } from '../src/commands/types';
import { parseCommandLine } from '../src/cli/command-line';
import { capturingResponder, chatInput } from '../src/cli/local-interaction';
import { createLogger } from '../src/config/logger';
import { tierbotCore } from '../src/interactions/tierbot';
import type * as ConfiguredModule from '../src/store/configured';
import { failureKind } from '../src/store/failures';
import { openStore, SqlStore, type StoreLogger } from '../src/store/index';
import { Kysely, Migrator, SqliteDialect } from '../src/store/kysely';
import { migrationProvider } from '../src/store/migrations';
import type { Database as Schema } from '../src/store/schema';
import { StoreFailedError, StoreRefusedError, StoreUnavailableError, type TeamStore, type TeamTerm } from '../src/store/types';
import { describeOnPostgres, dropSchema, newSchemaName, POSTGRES_URL } from './support/postgres';

/** How many loads of the configured servers' list the stores in this file started (see the mock below). */
const configuredLoads = vi.hoisted(() => ({ started: 0 }));
vi.mock('../src/store/configured', async (importOriginal) => {
  const { ConfiguredServers } = await importOriginal<typeof ConfiguredModule>();
  /** The store's list of configured servers as it is, counting each load it starts. */
  class CountingLoads extends ConfiguredServers {
    constructor(ttlMs: number, load: () => Promise<readonly string[]>, clock?: () => number) {
      super(
        ttlMs,
        () => {
          configuredLoads.started++;
          return load();
        },
        clock,
      );
    }
  }
  return { ConfiguredServers: CountingLoads };
});

const NUL = '\u0000';
const at = new Date(Date.UTC(2026, 11, 6, 12));
const G1 = '200000000000000001';
const G2 = '200000000000000002';

function capturingLogger(): StoreLogger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, warn: (_obj, msg) => void warnings.push(msg ?? ''), info: () => {} };
}

function term(name: string, extra: Partial<TeamTerm> = {}): TeamTerm {
  return { name, definition: `definition of ${name}`, addedById: 'u1', addedByName: 'user 1', updatedAt: at, ...extra };
}

describe('failureKind', () => {
  const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code, severity: 'ERROR' });
  const sqliteError = (code: string) => Object.assign(new Error('x'), { code });

  it('an unreachable or lost database is an outage, in both engines', () => {
    expect(failureKind(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }))).toBe('outage');
    expect(failureKind(new AggregateError([Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })]))).toBe('outage');
    expect(failureKind(new Error('timeout exceeded when trying to connect'))).toBe('outage');
    expect(failureKind(new Error('Connection terminated unexpectedly'))).toBe('outage');
    expect(failureKind(new Error('Connection terminated due to connection timeout', { cause: new Error('timeout expired') }))).toBe('outage');
    expect(failureKind(pgError('57P01', 'terminating connection due to administrator command'))).toBe('outage');
    expect(failureKind(pgError('53300', 'sorry, too many clients already'))).toBe('outage');
    expect(failureKind(pgError('08006'))).toBe('outage');
    expect(failureKind(pgError('28P01', 'password authentication failed'))).toBe('outage');
    expect(failureKind(sqliteError('SQLITE_BUSY'))).toBe('outage');
    expect(failureKind(sqliteError('SQLITE_IOERR_WRITE'))).toBe('outage');
    expect(failureKind(sqliteError('SQLITE_FULL'))).toBe('outage');
  });

  it('a value the database refuses is not an outage', () => {
    expect(failureKind(pgError('22021', 'invalid byte sequence for encoding "UTF8": 0x00'))).toBe('refused');
    expect(failureKind(pgError('22P02'))).toBe('refused');
    expect(failureKind(pgError('54000', 'index row size exceeds btree maximum'))).toBe('refused');
    expect(failureKind(sqliteError('SQLITE_TOOBIG'))).toBe('refused');
  });

  it('anything else fails the one call, and is not an outage either', () => {
    expect(failureKind(pgError('40P01', 'deadlock detected'))).toBe('failed');
    expect(failureKind(pgError('57014', 'canceling statement due to statement timeout'))).toBe('failed');
    expect(failureKind(pgError('23505', 'duplicate key'))).toBe('failed');
    expect(failureKind(sqliteError('SQLITE_CONSTRAINT_PRIMARYKEY'))).toBe('failed');
    expect(failureKind(new TypeError('x is not a function'))).toBe('failed');
    expect(failureKind('a string')).toBe('failed');
  });
});

describe('a failure marks the store down only when it is an outage', () => {
  /** A real store (SQLite in memory) whose first schema check fails with `firstError`, then works. */
  function storeFailingOnce(firstError: Error) {
    const raw = new Database(':memory:');
    const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: raw as unknown as ConstructorParameters<typeof SqliteDialect>[0]['database'] }) });
    let failed = false;
    const logger = capturingLogger();
    const store = new SqlStore(db, {
      engine: 'postgres',
      ttlMs: 0,
      logger,
      retryAfterMs: 60_000,
      migrate: async () => {
        if (!failed) {
          failed = true;
          throw firstError;
        }
        const result = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
        if (result.error) throw result.error;
      },
      onClose: () => db.destroy(),
    });
    return { store, logger };
  }

  it('a data exception fails that call alone, as StoreRefusedError; the next call, for any server, works', async () => {
    const { store, logger } = storeFailingOnce(Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' }));
    try {
      await expect(store.setHouse(G1, { text: 'a 1k+', setById: 'u', setByName: 'n', setAt: at })).rejects.toBeInstanceOf(StoreRefusedError);
      expect(await store.house(G2)).toBeUndefined();
      expect(await store.addTerm(G2, term('CPM'))).toBe('ok');
      expect(logger.warnings).toEqual(['settings database refused a value']);
    } finally {
      await store.close();
    }
  });

  it('a deadlock fails that call alone, as StoreFailedError; the next call works', async () => {
    const { store, logger } = storeFailingOnce(Object.assign(new Error('deadlock detected'), { code: '40P01' }));
    try {
      await expect(store.house(G1)).rejects.toBeInstanceOf(StoreFailedError);
      expect(await store.house(G2)).toBeUndefined();
      expect(logger.warnings).toEqual(['settings database call failed']);
    } finally {
      await store.close();
    }
  });

  it('a refused connection makes later calls fail at once', async () => {
    const { store, logger } = storeFailingOnce(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    try {
      await expect(store.house(G1)).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.house(G2)).rejects.toBeInstanceOf(StoreUnavailableError);
      expect(logger.warnings).toEqual(['settings database unavailable']);
    } finally {
      await store.close();
    }
  });
});

interface Engine {
  name: string;
  open(logger: StoreLogger): Promise<TeamStore>;
  cleanup(): Promise<void>;
}

const sqlite: Engine = {
  name: 'SQLite',
  open: (logger) => openStore(':memory:', { ttlMs: 0, logger }),
  cleanup: async () => {},
};

function postgres(url: string): Engine {
  const schemas: string[] = [];
  return {
    name: 'Postgres',
    open: (logger) => {
      const schema = newSchemaName();
      schemas.push(schema);
      return openStore(url, { ttlMs: 0, logger, schema });
    },
    cleanup: async () => {
      for (const schema of schemas.splice(0)) await dropSchema(url, schema);
    },
  };
}

const engines = [sqlite, ...(POSTGRES_URL ? [postgres(POSTGRES_URL)] : [])];

describe.each(engines)('a NUL character (U+0000), $name', (engine) => {
  afterAll(() => engine.cleanup());

  async function withStore(test: (store: TeamStore, logger: ReturnType<typeof capturingLogger>) => Promise<void>) {
    const logger = capturingLogger();
    const store = await engine.open(logger);
    try {
      await test(store, logger);
      // Nothing here is a database failure: no warning, and the store still answers.
      expect(logger.warnings).toEqual([]);
      await expect(store.ready()).resolves.toBeUndefined();
    } finally {
      await store.close();
    }
  }

  it('in text a user wrote is refused with StoreRefusedError naming the field; the previous value stays', async () => {
    await withStore(async (store) => {
      await store.setHouse(G1, { text: 'a 1k+', setById: 'u', setByName: 'n', setAt: at });
      const houseWrite = store.setHouse(G1, { text: `b${NUL} 2k+`, setById: 'u', setByName: 'n', setAt: at });
      await expect(houseWrite).rejects.toBeInstanceOf(StoreRefusedError);
      await expect(houseWrite).rejects.toMatchObject({ field: 'text', reason: expect.stringContaining('U+0000') });
      expect((await store.house(G1))?.text).toBe('a 1k+');

      expect(await store.addTerm(G1, term('CPM'))).toBe('ok');
      await expect(store.addTerm(G1, term(`C${NUL}TR`))).rejects.toMatchObject({ field: 'name' });
      await expect(store.editTerm(G1, term('CPM', { definition: `new${NUL}` }))).rejects.toMatchObject({ field: 'definition' });
      await expect(store.editTerm(G1, term('CPM', { link: `https://x${NUL}` }))).rejects.toMatchObject({ field: 'link' });
      expect((await store.terms(G1)).map((t) => [t.name, t.definition])).toEqual([['CPM', 'definition of CPM']]);

      const plan = { name: `a${NUL}b`, inputs: { budget: '5000' }, savedById: 'u', savedByName: 'n', savedAt: at };
      await expect(store.savePlan(G1, plan)).rejects.toMatchObject({ name: 'StoreRefusedError', field: 'name' });
      expect(await store.plans(G1)).toEqual([]);
    });
  });

  it('in a name looked up names nothing: reads find nothing, removals find nothing to remove', async () => {
    await withStore(async (store) => {
      expect(await store.addTerm(G1, term('CPM'))).toBe('ok');
      expect(await store.term(G1, `CPM${NUL}`)).toBeUndefined();
      expect(await store.removeTerm(G1, `CPM${NUL}`)).toBe('missing');
      expect(await store.plan(G1, `a${NUL}b`)).toBeUndefined();
      expect(await store.deletePlan(G1, `a${NUL}b`)).toBe('missing');
      expect(await store.house(`${G1}${NUL}`)).toBeUndefined();
      expect(await store.terms(`${G1}${NUL}`)).toEqual([]);
      expect(await store.clearHouse(`${G1}${NUL}`)).toBeUndefined();
      expect(await store.term(G1, 'cpm')).toBeDefined();
    });
  });

  it('in a display name from Discord is dropped, and the write succeeds; in plan inputs (JSON) it is kept exactly', async () => {
    await withStore(async (store) => {
      await store.setHouse(G1, { text: 'a 1k+', setById: 'u', setByName: `Ann${NUL}e`, setAt: at });
      expect((await store.house(G1))?.setByName).toBe('Anne');
      expect(await store.addTerm(G1, term('CPM', { addedByName: `${NUL}Bob` }))).toBe('ok');
      expect(await store.term(G1, 'CPM')).toMatchObject({ addedByName: 'Bob', updatedByName: 'Bob' });
      expect(await store.editTerm(G1, term('CPM', { updatedById: 'u2', updatedByName: `Cy${NUL}` }))).toBe('ok');
      expect(await store.term(G1, 'CPM')).toMatchObject({ addedByName: 'Bob', updatedByName: 'Cy' });
      const plan = { name: 'Q1', inputs: { budget: `5000${NUL}` }, savedById: 'u', savedByName: `D${NUL}an`, savedAt: at };
      expect(await store.savePlan(G1, plan)).toEqual({ outcome: 'ok', replaced: undefined });
      expect(await store.plan(G1, 'q1')).toMatchObject({ inputs: { budget: `5000${NUL}` }, savedByName: 'Dan' });
    });
  });
});

describeOnPostgres('through the core on Postgres: one server’s NUL never makes another server’s settings unavailable', (url) => {
  const schema = newSchemaName();
  afterAll(() => dropSchema(url, schema));
  const slash = COMMANDS.filter((c): c is SlashCommand => c.kind === 'slash');

  async function setUp() {
    const storeLogger = capturingLogger();
    // The store as the bot opens it: the cache on, and fail-fast for 2 s after an outage.
    const store = await openStore(url, { schema, logger: storeLogger });
    const logs: Record<string, unknown>[] = [];
    const logger = createLogger({ level: 'debug', destination: { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) } });
    const core = tierbotCore({ store, logger, charts: false });
    async function run(line: string, guildId: string, opts: { manager?: boolean; userName?: string } = {}) {
      const parsed = parseCommandLine(line, slash);
      if (!parsed.ok) throw new Error(parsed.reason);
      const interaction = chatInput({ guildId, manager: opts.manager ?? false }, parsed.command.definition.name, parsed.options, {});
      if (opts.userName !== undefined && 'member' in interaction && interaction.member) {
        interaction.member.user = { ...interaction.member.user, global_name: opts.userName };
      }
      const responder = capturingResponder();
      const outcome = await core.handle(interaction, responder);
      return { outcome, text: JSON.stringify(responder.final()?.body ?? null) };
    }
    return { store, storeLogger, run };
  }

  it('/compare save:"a\\u0000b" in one server, then /tier and /house show in another', async () => {
    const { store, storeLogger, run } = await setUp();
    try {
      expect((await run('/house set "tiers:nano 1k-10k, micro 10k-75k, macro 75k+"', G2, { manager: true })).outcome).not.toBe('failed');
      const saved = await run(`/compare budget:5000 "save:a${NUL}b"`, G1);
      expect(saved.text).not.toMatch(/unavailable right now/i);
      expect(saved.text).not.toContain('Saved as');
      expect(await store.plans(G1)).toEqual([]);

      const tier = await run('/tier 30000', G2);
      expect(tier.text).not.toMatch(/unavailable/i);
      expect(tier.text).toContain('Your house definition');
      const show = await run('/house show', G2, { manager: true });
      expect(show.text).not.toMatch(/unavailable/i);
      expect(show.text).toContain('**micro** (10k–75k)');
      expect(storeLogger.warnings).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('/term add by a member whose display name has a NUL is saved, without the NUL', async () => {
    const { store, storeLogger, run } = await setUp();
    try {
      const added = await run('/term add name:Reach "definition:People who saw it"', G1, { manager: true, userName: `Ann${NUL}e` });
      expect(added.text).toContain('Team term added');
      expect(await store.term(G1, 'reach')).toMatchObject({ addedByName: 'Anne' });
      expect((await run('/tier 30000', G2)).text).not.toMatch(/unavailable/i);
      expect(storeLogger.warnings).toEqual([]);
    } finally {
      await store.close();
    }
  });
});

describe('closing the store', () => {
  const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

  it('cancels the queued reload of the configured servers: no load of the list starts once it is closed', async () => {
    // The cache on, as the bot and the CLI open it: the first read queues a reload of the list.
    const open = await openStore(':memory:');
    const loadsBefore = configuredLoads.started;
    await open.terms(G1);
    await settle();
    expect(configuredLoads.started - loadsBefore, 'a store left open loads the list').toBe(1);
    await open.close();

    const logger = capturingLogger();
    const store = await openStore(':memory:', { logger });
    const loadsAtClose = configuredLoads.started;
    await store.terms(G1); // queues the reload
    await store.close();
    await settle();
    expect(configuredLoads.started - loadsAtClose).toBe(0);
    expect(logger.warnings).toEqual([]);
  });

  it('a reload under way when the store closes, whose query then fails, is not reported as an outage', async () => {
    let reloadQueried!: () => void;
    const queried = new Promise<void>((resolve) => (reloadQueried = resolve));
    let failReload!: () => void;
    const failed = new Promise<void>((resolve) => (failReload = resolve));
    const reloads = new Set<unknown>();
    // The database as the store's connections see it when they are torn down under a query: the
    // list's query (the one select with a UNION) loses its connection once the test says so.
    const losesTheReload: KyselyPlugin = {
      transformQuery: ({ node, queryId }) => {
        if (node.kind === 'SelectQueryNode' && node.setOperations?.length) reloads.add(queryId);
        return node;
      },
      transformResult: async ({ result, queryId }) => {
        if (!reloads.has(queryId)) return result;
        reloadQueried();
        await failed;
        throw new Error('Connection terminated unexpectedly');
      },
    };
    const raw = new Database(':memory:');
    const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: raw as unknown as ConstructorParameters<typeof SqliteDialect>[0]['database'] }), plugins: [losesTheReload] });
    const logger = capturingLogger();
    const store = new SqlStore(db, {
      engine: 'sqlite',
      ttlMs: 60_000,
      logger,
      migrate: async () => {
        const result = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
        if (result.error) throw result.error;
      },
    });
    try {
      await store.terms(G1); // queues the reload
      await queried;
      await store.close();
      failReload();
      await settle();
      expect(logger.warnings).toEqual([]);
    } finally {
      await db.destroy();
    }
  });
});

describeOnPostgres('closing the store on Postgres', (url) => {
  it('while the reload waits for a connection: it is not reported as an outage', async () => {
    const schema = newSchemaName();
    const logger = capturingLogger();
    const store = await openStore(url, { schema, logger });
    try {
      const read = store.terms(G1); // queues the reload, in a setImmediate
      // The reload starts and asks the pool for a connection; the store closes before it has one.
      await new Promise<void>((resolve) => setImmediate(() => void store.close().then(resolve)));
      const outcome = await read.then(
        () => 'answered',
        (err: unknown) => (err instanceof StoreUnavailableError ? 'unavailable' : err),
      );
      expect(['answered', 'unavailable']).toContain(outcome);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(logger.warnings).toEqual([]);
    } finally {
      await store.close();
      await dropSchema(url, schema);
    }
  });

  it('the CLI answers from settings with no false "unavailable" warning', { timeout: 60_000 }, async () => {
    const schema = newSchemaName();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`create schema "${schema}"`);
    await client.end();
    try {
      // The CLI keeps its tables in the schema first on its search path.
      const cliUrl = new URL(url);
      cliUrl.searchParams.set('options', `-c search_path=${schema}`);
      const runs = [];
      for (const line of ['/glossary term:cpm', '/tier 30000']) {
        const args = ['--import', 'tsx', 'src/cli/cli.ts', ...line.split(' '), '--guild', '42'];
        runs.push(
          await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
            execFile(process.execPath, args, { env: { ...process.env, DATABASE_URL: cliUrl.toString() }, timeout: 50_000 }, (err, stdout, stderr) => {
              resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
            });
          }),
        );
      }
      for (const run of runs) {
        expect(run.code).toBe(0);
        expect(run.stdout.length).toBeGreaterThan(0);
        expect(run.stderr).not.toContain('unavailable');
        expect(run.stderr).not.toContain('destroyed');
      }
    } finally {
      await dropSchema(url, schema);
    }
  });
});
