/**
 * Opens the per-server settings store named by DATABASE_URL:
 * - a path or a `file:` URL (the default `./data/tierbot.sqlite`): SQLite, embedded, through libsql
 *   (its binaries are registry packages, so nothing downloads or compiles at install), in WAL mode;
 *   the file and its folder are created on first use;
 * - `postgres://…` or `postgresql://…`: Postgres through `pg`, for several processes or machines.
 * Migrations (migrations.ts) run at open. A Postgres that cannot be reached at open does not stop
 * the bot: the store is returned, its calls fail with StoreUnavailableError, and the migrations are
 * retried on the next call until the database answers. With `mustExist` (npm run db:erase), the
 * store opens only a database that already has Tierbot's tables, and creates and migrates nothing.
 */

import { existsSync } from 'node:fs';
import Database from 'libsql';
import type { MigrationResultSet, SqliteDatabase, SqliteStatement } from 'kysely';
import { CompiledQuery, Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from './kysely';
import pg from 'pg';
import { DEFAULT_CACHE_TTL_MS } from './cache';
import { migrationProvider } from './migrations';
import type { Database as Schema } from './schema';
import { isSqliteBusy } from './failures';
import { silentLogger, SqlStore, type StoreLogger } from './sql-store';
import { prepareSqlitePath, sqlitePathOf } from './sqlite-path';
import { NotATierbotDatabaseError, StoreFailedError, StoreUnavailableError, type TeamStore } from './types';

export { DEFAULT_CACHE_TTL_MS } from './cache';
export { SqlStore, type StoreLogger } from './sql-store';
export * from './types';

/**
 * How long one SQLite attempt waits for another process's write lock (ms). The calls are
 * synchronous: while one waits it holds the event loop, and every interaction in the process waits
 * with it, the core's timer that defers a slow answer included. So an attempt is short, and a busy
 * call is tried again with the event loop free between attempts (SQLITE_BUSY_WAIT_MS).
 */
export const SQLITE_BUSY_TIMEOUT_MS = 250;
// 5 s: writes here take milliseconds, so a lock held longer is a stuck writer, not a queue; the answer is deferred by then, well inside Discord's 15 minutes.
export const SQLITE_BUSY_WAIT_MS = 5_000;
/**
 * How long, in all, a SQLite store waits to migrate while another process holds the write lock
 * (processes started together, each migrating the same new file). It waits in attempts of
 * SQLITE_BUSY_TIMEOUT_MS with the event loop free between them.
 */
const SQLITE_MIGRATION_WAIT_MS = 30_000;
/**
 * How long a Postgres call may wait for a connection (pg's pool counts both connecting and waiting
 * for a free client) before the store reports itself unavailable.
 */
export const PG_CONNECT_TIMEOUT_MS = 5_000;
/** After Postgres fails, calls fail at once for this long rather than each waiting to connect. */
export const PG_RETRY_AFTER_MS = 2_000;
/** Longest a single Postgres statement may run. */
export const PG_STATEMENT_TIMEOUT_MS = 5_000;

export type DatabaseTarget = { engine: 'sqlite'; path: string } | { engine: 'postgres'; url: string };

/** Which engine a DATABASE_URL names, and where. */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  const trimmed = url.trim();
  if (/^postgres(?:ql)?:\/\//i.test(trimmed)) return { engine: 'postgres', url: trimmed };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) && !/^file:/i.test(trimmed)) {
    throw new Error('DATABASE_URL must be a file path, a file: URL, or a postgres:// or postgresql:// URL');
  }
  return { engine: 'sqlite', path: sqlitePathOf(trimmed)! };
}

export interface OpenStoreOptions {
  /** How long house() and terms() answers are reused in this process (DEFAULT_CACHE_TTL_MS); 0 turns the cache off. */
  ttlMs?: number;
  logger?: StoreLogger;
  /** Postgres only: keep the tables in this schema (created if missing). Tests use one per run. */
  schema?: string;
  /** Postgres only: the pool's size (default 10). */
  poolSize?: number;
  /** Postgres only: after a failed call, later calls fail at once for this long (PG_RETRY_AFTER_MS). */
  retryAfterMs?: number;
  /** Postgres only: how long a connection attempt may take (PG_CONNECT_TIMEOUT_MS). */
  connectTimeoutMs?: number;
  /** Told of every call that finds the database unavailable or fails (the operators' error metric). */
  onUnavailable?: () => void;
  /**
   * Open only a database that already has Tierbot's tables: never create the SQLite file or its
   * folder, nor any table, nor migrate; throw NotATierbotDatabaseError instead (an unreachable
   * Postgres throws its reason too). For npm run db:erase, where a mistyped DATABASE_URL must not
   * make a new, empty database and report it as holding nothing.
   */
  mustExist?: boolean;
}

interface Opened {
  db: Kysely<Schema>;
  migrate: () => Promise<MigrationResultSet>;
  target: DatabaseTarget;
  /** See SqlStoreOptions.afterErase. */
  afterErase?: () => Promise<{ logEmptied: boolean }>;
}

/** The tables a Tierbot database has from its first migration on, Kysely's record of the migrations included. */
const TIERBOT_TABLES = ['guilds', 'house', 'terms', 'plans', 'kysely_migration'];

/** Refuses a database whose tables (`tables`, as it has them) are not Tierbot's. */
function requireTierbotTables(tables: readonly string[]): void {
  const missing = TIERBOT_TABLES.filter((table) => !tables.includes(table));
  if (missing.length === TIERBOT_TABLES.length) throw new NotATierbotDatabaseError('it has no Tierbot tables');
  if (missing.length > 0) throw new NotATierbotDatabaseError(`it lacks Tierbot's ${missing.join(', ')} table${missing.length === 1 ? '' : 's'}`);
}

/**
 * libsql as Kysely's SQLite database, except that a transaction takes the write lock as it begins
 * (BEGIN IMMEDIATE, through exec). Begun deferred, it would take the lock at its first write, and a
 * statement refused there as busy stays in progress in libsql (it is never reset), so every later
 * commit fails until it is garbage-collected; exec leaves no statement behind, so a busy write can
 * simply be tried again.
 */
function lockingAtBegin(raw: InstanceType<typeof Database>): SqliteDatabase {
  const begin: SqliteStatement = {
    reader: false,
    all: () => [],
    iterate: () => [][Symbol.iterator](),
    run: () => {
      raw.exec('BEGIN IMMEDIATE');
      return { changes: 0, lastInsertRowid: 0 };
    },
  };
  return {
    close: () => raw.close(),
    // Kysely begins every SQLite transaction with exactly this statement.
    prepare: (query) => (query === 'begin' ? begin : (raw.prepare(query) as unknown as SqliteStatement)),
  };
}

function openSqlite(path: string, mustExist: boolean): Opened {
  if (mustExist && (path === ':memory:' || !existsSync(path))) throw new NotATierbotDatabaseError('there is no database file at that path');
  prepareSqlitePath(path);
  const raw = new Database(path);
  try {
    // Before any pragma: WAL mode, once set, is written into the file.
    if (mustExist) requireTierbotTables(raw.prepare("select name from sqlite_master where type = 'table'").all().map((row) => String((row as { name: unknown }).name)));
    raw.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    if (path !== ':memory:') raw.pragma('journal_mode = WAL');
    // FULL: a committed write is on disk before the call returns, power cut included.
    raw.pragma('synchronous = FULL');
    // A removed term, plan or house definition (or a server's erased data) is overwritten with
    // zeros, not left readable in the file's free space, nor in a backup copied from it.
    raw.pragma('secure_delete = ON');
  } catch (err) {
    raw.close();
    throw err;
  }
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: lockingAtBegin(raw) }) });
  const migrate = async (): Promise<MigrationResultSet> => {
    const migrator = new Migrator({ db, provider: migrationProvider });
    const upToDate = async () => (await migrator.getMigrations()).every((m) => m.executedAt !== undefined);
    // Most starts find the file up to date: asking first, without the write lock, keeps many
    // processes started at once (CLI runs, replicas) from queueing for it past the busy timeout.
    if (await upToDate()) return { results: [] };
    // One process migrates at a time: BEGIN IMMEDIATE takes the file's write lock, and SQLite's
    // migrations are not wrapped in a transaction by Kysely. While another process holds the lock
    // (most likely migrating), wait for it, then look again: it may have done the work.
    const giveUpAt = Date.now() + SQLITE_MIGRATION_WAIT_MS;
    for (;;) {
      try {
        raw.exec('BEGIN IMMEDIATE');
        break;
      } catch (err) {
        if (!isSqliteBusy(err) || Date.now() >= giveUpAt) throw err;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      if (await upToDate()) return { results: [] };
    }
    try {
      const result = await migrator.migrateToLatest();
      if (result.error) throw result.error;
      raw.exec('COMMIT');
      return result;
    } catch (err) {
      if (raw.inTransaction) raw.exec('ROLLBACK');
      throw err;
    }
  };
  // Through Kysely, so neither statement runs in the middle of another call's transaction on this
  // connection. VACUUM rewrites the file with no free pages: secure_delete zeroes what is removed
  // while it is on, but text removed before then (a file an earlier version wrote) would stay in
  // them. TRUNCATE then copies the log (the vacuumed pages, and the pages as they were before the
  // erase) into the file and empties it; a connection reading an older snapshot at that moment
  // keeps the log as it is: SQLite answers busy rather than failing. The copies then stay in the
  // log until later writes overwrite them, a later TRUNCATE empties it (the next erase, with
  // nothing else reading) or the last connection closes and deletes it: a checkpoint alone copies
  // the log into the file but leaves the log's bytes where they are.
  const afterErase = async () => {
    await sql`vacuum`.execute(db);
    const { rows } = await sql<{ busy: number }>`pragma wal_checkpoint(TRUNCATE)`.execute(db);
    return { logEmptied: rows[0]?.busy === 0 };
  };
  return { db, migrate, target: { engine: 'sqlite', path }, ...(path === ':memory:' ? {} : { afterErase }) };
}

function openPostgres(url: string, opts: OpenStoreOptions, logger: StoreLogger): Opened {
  const schema = opts.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error('schema must be a lowercase SQL identifier');
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolSize ?? 10,
    connectionTimeoutMillis: opts.connectTimeoutMs ?? PG_CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    statement_timeout: PG_STATEMENT_TIMEOUT_MS,
  });
  // An idle client whose server goes away emits 'error' on the pool; unhandled, it would end the process.
  pool.on('error', (err) => logger.warn({ err }, 'settings database connection lost'));
  const db = new Kysely<Schema>({
    dialect: new PostgresDialect({
      pool,
      onCreateConnection: schema ? async (conn) => void (await conn.executeQuery(CompiledQuery.raw(`set search_path to "${schema}"`))) : undefined,
    }),
  });
  const migrate = async () => {
    if (schema) await db.executeQuery(CompiledQuery.raw(`create schema if not exists "${schema}"`));
    const result = await new Migrator({ db, provider: migrationProvider, migrationTableSchema: await migrationSchema(db, schema) }).migrateToLatest();
    if (result.error) throw result.error;
    return result;
  };
  return { db, migrate, target: { engine: 'postgres', url } };
}

/**
 * Where Postgres keeps Kysely's migration tables: the schema in use. Left unnamed, Kysely looks
 * in every schema of the database, and another schema's tables would make it skip creating ours.
 */
async function migrationSchema(db: Kysely<Schema>, schema: string | undefined): Promise<string | undefined> {
  if (schema) return schema;
  const { rows } = await sql<{ name: string }>`select current_schema() as name`.execute(db);
  return rows[0]?.name;
}

function open(url: string, opts: OpenStoreOptions, logger: StoreLogger): Opened {
  const target = parseDatabaseUrl(url);
  return target.engine === 'postgres' ? openPostgres(target.url, opts, logger) : openSqlite(target.path, opts.mustExist ?? false);
}

/** Refuses a Postgres database (in the schema in use) without Tierbot's tables; SQLite's are checked as it opens. */
async function requireTierbotPostgres(db: Kysely<Schema>): Promise<void> {
  const { rows } = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(db);
  requireTierbotTables(rows.map((row) => row.name));
}

/** The database a DATABASE_URL names, for operators: the engine and where, never a password. */
export function describeDatabase(url: string): string {
  return describeTarget(parseDatabaseUrl(url));
}

function describeTarget(target: DatabaseTarget): string {
  if (target.engine === 'sqlite') return `SQLite ${target.path}`;
  try {
    const u = new URL(target.url);
    // Host, port and a plain database name only: a password whose / or ? is not percent-encoded spills into the path.
    const database = decodeURIComponent(u.pathname.slice(1));
    return `Postgres ${u.hostname}:${u.port || 5432}${/^[\w.-]+$/.test(database) ? `/${database}` : ''}`;
  } catch {
    return 'Postgres';
  }
}

/**
 * Opens the store and brings its schema up to date. SQLite problems (a path that cannot be
 * created) throw here, so a misconfigured bot stops at start with the reason; a Postgres that is
 * down does not (see the file comment). With `mustExist`, a database without Tierbot's tables
 * throws NotATierbotDatabaseError, and an unreachable Postgres throws too.
 */
export async function openStore(url: string, opts: OpenStoreOptions = {}): Promise<TeamStore & { readonly engine: 'sqlite' | 'postgres' }> {
  const logger = opts.logger ?? silentLogger;
  const opened = open(url, opts, logger);
  if (opts.mustExist && opened.target.engine === 'postgres') {
    try {
      await requireTierbotPostgres(opened.db);
    } catch (err) {
      await opened.db.destroy();
      throw err;
    }
  }
  const store = new SqlStore(opened.db, {
    engine: opened.target.engine,
    ttlMs: opts.ttlMs ?? DEFAULT_CACHE_TTL_MS,
    logger,
    retryAfterMs: opened.target.engine === 'postgres' ? (opts.retryAfterMs ?? PG_RETRY_AFTER_MS) : 0,
    busyWaitMs: opened.target.engine === 'sqlite' ? SQLITE_BUSY_WAIT_MS : 0,
    migrate: async () => {
      if (opts.mustExist) return;
      const result = await opened.migrate();
      const applied = (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
      if (applied.length > 0) logger.info({ applied, database: describeTarget(opened.target) }, 'settings database migrated');
    },
    onClose: () => opened.db.destroy(),
    ...(opened.afterErase ? { afterErase: opened.afterErase } : {}),
    ...(opts.onUnavailable ? { onUnavailable: opts.onUnavailable } : {}),
  });
  try {
    await store.ready();
  } catch (err) {
    if (opened.target.engine === 'sqlite') {
      await store.close();
      const wrapped = err instanceof StoreUnavailableError || err instanceof StoreFailedError;
      throw wrapped && err.cause instanceof Error ? err.cause : err;
    }
    logger.warn({ database: describeTarget(opened.target) }, 'settings database unreachable at start; house tiers, terms and plans are unavailable until it answers');
  }
  return store;
}

export interface MigrationReport {
  database: string;
  applied: string[];
  alreadyApplied: string[];
}

/** Runs the migrations explicitly (npm run db:migrate) and says what it did. */
export async function runMigrations(url: string, opts: Pick<OpenStoreOptions, 'schema'> = {}): Promise<MigrationReport> {
  const opened = open(url, opts, silentLogger);
  try {
    const result = await opened.migrate();
    const applied = (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    const tableSchema = opened.target.engine === 'postgres' ? await migrationSchema(opened.db, opts.schema) : undefined;
    const all = await new Migrator({ db: opened.db, provider: migrationProvider, ...(tableSchema ? { migrationTableSchema: tableSchema } : {}) }).getMigrations();
    const alreadyApplied = all.filter((m) => m.executedAt !== undefined && !applied.includes(m.name)).map((m) => m.name);
    return { database: describeTarget(opened.target), applied, alreadyApplied };
  } finally {
    await opened.db.destroy();
  }
}
