/**
 * TeamStore over Kysely: the same queries for SQLite and Postgres.
 *
 * - Every write is one transaction that first takes the server's row in `guilds` (an upsert: in
 *   Postgres it locks that row until commit; in SQLite it takes the write lock). Writes to one
 *   server are therefore serialised in both engines, so the limit checks (200 terms, 100 plans)
 *   and "exists" checks cannot race, and the last write to commit wins whole, audit fields included.
 *   A term edit writes only the fields it was given, so edits of different fields all keep theirs.
 * - Text with a NUL character (U+0000) never reaches the database: Postgres cannot store it and
 *   SQLite can, so both engines refuse it alike (StoreRefusedError), except in the audit fields'
 *   display names, which come from Discord and are only shown back: a NUL there is dropped. A key
 *   with a NUL (a name looked up) names nothing, since no row holds one.
 * - A database failure is logged here with its cause, and surfaces by its kind (failures.ts): an
 *   outage as StoreUnavailableError (the commands answer "settings are unavailable right now"),
 *   and only an outage makes later calls fail fast; a value the database refuses fails that write
 *   alone, as StoreRefusedError; any other failure fails that call alone, as StoreFailedError, which
 *   the interaction core reports with an error id.
 * - SQLite: a call that finds the file locked by another process waits, in attempts, up to
 *   busyWaitMs before it counts as an outage: a busy database is not a database that is down.
 * - A call that fails because the store was closed under it (a CLI run ending) is not an outage and
 *   is not logged.
 * - house() and terms() are read through a per-process cache (cache.ts); writes invalidate it. A
 *   server that the list of configured servers (configured.ts) does not name is not asked about.
 * - eraseServerData deletes the server's `guilds` row first, which takes it as the writes do (in
 *   Postgres a write then waits for the erase to commit, or the erase for the write), so it runs
 *   wholly before or after any other write to the server; then everything else the server has.
 *   eraseServerDataAsListed reads, in that transaction, the rows it is about to delete, and erases
 *   nothing when they are not those the preview listed (their fingerprints differ). Once an erase
 *   has committed, SQLite rewrites the file and empties its log (afterErase), so no older copy of
 *   the rows stays on disk; when another connection's read keeps the log, the erase says so
 *   (ErasedData.sqliteLogNotEmptied).
 */

import type { Kysely, Transaction } from 'kysely';
import { GuildCache } from './cache';
import { ConfiguredServers } from './configured';
import { failureKind, isSqliteBusy } from './failures';
import type { Database, TermsTable } from './schema';
import {
  type ErasedData,
  importPlan,
  isAsListed,
  type ListedData,
  type ListedEraseResult,
  nameKey,
  namesRepeat,
  PLANS_PER_SERVER,
  TERM_TEXTS,
  StoreFailedError,
  StoreRefusedError,
  StoreUnavailableError,
  TERMS_PER_SERVER,
  type HouseRecord,
  type ImportedTerm,
  type ImportTermsResult,
  type SavedPlan,
  type SavePlanResult,
  type ServerData,
  serverDataOf,
  type TeamStore,
  type TeamTerm,
  type TermsImporter,
  type TermText,
  type WriteResult,
} from './types';

export interface StoreLogger {
  warn(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
}

export const silentLogger: StoreLogger = { warn: () => {}, info: () => {} };

export interface SqlStoreOptions {
  engine: 'sqlite' | 'postgres';
  ttlMs: number;
  logger: StoreLogger;
  /** Brings the schema up to date; called before first use and again after a failure. */
  migrate: () => Promise<void>;
  /**
   * After a failure, calls fail at once for this long instead of each waiting for the database
   * (a Postgres host that drops packets would otherwise hold every /tier for the connect timeout).
   */
  retryAfterMs?: number;
  /** Closes the underlying connections (Kysely's destroy does it for both dialects). */
  onClose?: () => Promise<void>;
  /** Told of every call that finds the database unavailable or fails (the operators' error metric). */
  onUnavailable?: () => void;
  /**
   * SQLite: a call that finds the file locked by another process (SQLITE_BUSY) is tried again, the
   * event loop free between attempts, until this long has passed; only then is the database
   * reported unavailable. Each attempt waits at most SQLite's own busy timeout.
   */
  busyWaitMs?: number;
  /**
   * Run once an erase has committed. SQLite: rewrites the file without free space (VACUUM), then
   * copies the write-ahead log into it and empties the log, so neither the rows' earlier page
   * images nor text removed before secure_delete stays on disk. Resolves whether the log could be
   * emptied (not while another connection reads an older snapshot of the file).
   */
  afterErase?: () => Promise<{ logEmptied: boolean }>;
}

/** The pause between attempts while the database is busy, in which other interactions are answered. */
const BUSY_PAUSE_MS = 50;

const iso = (d: Date) => d.toISOString();

const NUL = '\u0000';

/** A display name as stored: Discord's, with any NUL dropped (see the file comment). */
function displayName(name: string): string {
  return name.replaceAll(NUL, '');
}

/** Refuses a write any of whose texts holds a NUL, before it reaches the database. */
function refuseNul(texts: Record<string, string | undefined>): void {
  for (const [field, value] of Object.entries(texts)) {
    if (value?.includes(NUL)) throw new StoreRefusedError(field, 'has a NUL character (U+0000) in it, which cannot be stored');
  }
}

/** A term's texts as written, and who wrote it (its display names are only cleaned). */
function refuseTermNul(guildId: string, term: TeamTerm): void {
  const { name, definition, formula, example, link, addedById, updatedById } = term;
  refuseNul({ guildId, name, definition, formula, example, link, addedById, updatedById });
}

/** A stored house definition as the commands read it. */
function houseFrom(row: { text: string; set_by_id: string; set_by_name: string; set_at: string } | undefined): HouseRecord | undefined {
  return row && { text: row.text, setById: row.set_by_id, setByName: row.set_by_name, setAt: new Date(row.set_at) };
}

/** What a server that never wrote anything has. */
const NO_DATA: ServerData = serverDataOf({ recorded: false, house: undefined, terms: [], plans: [] });

/** What the server has, as `db` (the store's connection, or a transaction) reads its rows now. */
async function serverDataIn(db: Kysely<Database>, guildId: string, recorded: boolean): Promise<ServerData> {
  const house = await db.selectFrom('house').select(['text', 'set_at']).where('guild_id', '=', guildId).executeTakeFirst();
  const terms = await db.selectFrom('terms').select(['name_key', 'updated_at', 'name', 'definition', 'formula', 'example', 'link']).where('guild_id', '=', guildId).execute();
  const plans = await db.selectFrom('plans').select(['name_key', 'revision', 'saved_at']).where('guild_id', '=', guildId).execute();
  return serverDataOf({
    recorded,
    house: house && { text: house.text, setAt: house.set_at },
    terms: terms.map(({ name_key, updated_at, ...texts }) => ({ ...texts, key: name_key, updatedAt: updated_at })),
    plans: plans.map((row) => ({ key: row.name_key, revision: Number(row.revision), savedAt: row.saved_at })),
  });
}

/**
 * Until when SQLite's -wal file keeps older copies of erased rows once its log could not be emptied
 * (a checkpoint alone copies the log into the file but leaves the log's bytes as they are).
 */
const WAL_KEEPS_UNTIL = 'until later writes overwrite them, the log is truncated (the next erase with nothing else reading) or the last connection closes';

/** Thrown inside an erase's transaction to roll it back: the server's data is not what was listed. */
class NotAsListed extends Error {
  constructor(readonly stored: ServerData) {
    super('the server’s data is no longer what was listed');
  }
}

/** A key with a NUL matches no row: none is ever stored with one. */
const namesNothing = (...keys: string[]) => keys.some((key) => key.includes(NUL));

/** The row of a term new to the server, written by `byId` at `at`: its author and, so far, its last updater. */
/** A term's texts as the terms table holds them: an optional one not given is null. */
function termTextColumns(term: ImportedTerm): Pick<TermsTable, TermText> {
  return { name: term.name, definition: term.definition, formula: term.formula ?? null, example: term.example ?? null, link: term.link ?? null };
}

function newTermRow(guildId: string, term: ImportedTerm, byId: string, byName: string, at: Date): TermsTable {
  return {
    guild_id: guildId,
    name_key: nameKey(term.name),
    ...termTextColumns(term),
    created_by_id: byId,
    created_by_name: displayName(byName),
    created_at: iso(at),
    updated_by_id: byId,
    updated_by_name: displayName(byName),
    updated_at: iso(at),
  };
}

function termFrom(row: TermsTable): TeamTerm {
  return {
    name: row.name,
    definition: row.definition,
    formula: row.formula ?? undefined,
    example: row.example ?? undefined,
    link: row.link ?? undefined,
    addedById: row.created_by_id,
    addedByName: row.created_by_name,
    addedAt: new Date(row.created_at),
    updatedById: row.updated_by_id,
    updatedByName: row.updated_by_name,
    updatedAt: new Date(row.updated_at),
  };
}

export class SqlStore implements TeamStore {
  private readonly houseCache: GuildCache<HouseRecord | undefined>;
  private readonly termsCache: GuildCache<TeamTerm[]>;
  private readonly configured: ConfiguredServers;
  private migrated: Promise<void> | undefined;
  private closed = false;
  private readonly lastLogged = new Map<string, number>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly opts: SqlStoreOptions,
  ) {
    this.houseCache = new GuildCache(opts.ttlMs);
    this.termsCache = new GuildCache(opts.ttlMs);
    this.configured = new ConfiguredServers(opts.ttlMs, () =>
      this.read('configured servers', async (db) => {
        const rows = await db.selectFrom('house').select('guild_id').union(db.selectFrom('terms').select('guild_id')).execute();
        return rows.map((row) => row.guild_id);
      }),
    );
  }

  get engine(): 'sqlite' | 'postgres' {
    return this.opts.engine;
  }

  /** Runs migrations once; a failed attempt (database down) is retried by the next call. */
  private schema(): Promise<void> {
    this.migrated ??= this.opts.migrate().catch((err: unknown) => {
      this.migrated = undefined;
      throw err;
    });
    return this.migrated;
  }

  /** Until when calls fail fast after a failure (see SqlStoreOptions.retryAfterMs). */
  private downUntil = 0;
  private lastError: unknown;

  private check(): void {
    if (this.closed) throw new StoreUnavailableError(new Error('the store is closed'));
    if (Date.now() < this.downUntil) {
      this.opts.onUnavailable?.();
      throw new StoreUnavailableError(this.lastError);
    }
  }

  /** What a failed call throws, and whether later calls fail fast (only after an outage). */
  private failure(err: unknown, op: string): StoreUnavailableError | StoreRefusedError | StoreFailedError {
    if (err instanceof StoreUnavailableError || err instanceof StoreRefusedError || err instanceof StoreFailedError) return err;
    // Closed under the call (its connections destroyed): nothing is wrong with the database.
    if (this.closed) return new StoreUnavailableError(new Error('the store is closed'));
    const kind = failureKind(err);
    if (kind === 'refused') {
      this.log('settings database refused a value', { err, op });
      return new StoreRefusedError('value', 'was refused by the database', err);
    }
    if (kind === 'failed') {
      this.log('settings database call failed', { err, op }, { always: true });
      this.opts.onUnavailable?.();
      return new StoreFailedError(op, err);
    }
    this.lastError = err;
    if (this.opts.retryAfterMs) this.downUntil = Date.now() + this.opts.retryAfterMs;
    this.log('settings database unavailable', { err, op });
    this.opts.onUnavailable?.();
    return new StoreUnavailableError(err);
  }

  /**
   * A database that is down fails every call alike: one line per message and operation every few
   * seconds is enough. A call that failed alone (`always`) is logged every time: each is a bug
   * worth its own line.
   */
  private log(message: string, fields: { err: unknown; op: string }, { always = false } = {}): void {
    if (!always) {
      const key = `${fields.op}: ${message}`;
      const now = Date.now();
      if (now - (this.lastLogged.get(key) ?? 0) <= 5_000) return;
      this.lastLogged.set(key, now);
    }
    this.opts.logger.warn({ ...fields, engine: this.opts.engine }, message);
  }

  /** Runs `call`, and again while the database is busy, for up to busyWaitMs (see SqlStoreOptions). */
  private async untilNotBusy<T>(call: () => Promise<T>): Promise<T> {
    const giveUpAt = Date.now() + (this.opts.busyWaitMs ?? 0);
    for (;;) {
      try {
        return await call();
      } catch (err) {
        if (!isSqliteBusy(err) || Date.now() >= giveUpAt || this.closed) throw err;
      }
      await new Promise((resolve) => setTimeout(resolve, BUSY_PAUSE_MS));
    }
  }

  private async read<T>(op: string, fn: (db: Kysely<Database>) => Promise<T>): Promise<T> {
    this.check();
    try {
      await this.schema();
      return await this.untilNotBusy(() => fn(this.db));
    } catch (err) {
      throw this.failure(err, op);
    }
  }

  /** A write: one transaction that takes the server's row in `guilds` first (see the file comment). */
  private write<T>(op: string, guildId: string, now: Date, fn: (tx: Transaction<Database>) => Promise<T>): Promise<T> {
    return this.transaction(op, guildId, async (tx) => {
      await tx
        .insertInto('guilds')
        .values({ guild_id: guildId, created_at: iso(now) })
        .onConflict((oc) => oc.column('guild_id').doUpdateSet({ guild_id: guildId }))
        .execute();
      return fn(tx);
    });
  }

  /** Runs `fn` in one transaction that changes the server's rows, then forgets what this process cached of them. */
  private async transaction<T>(op: string, guildId: string, fn: (tx: Transaction<Database>) => Promise<T>): Promise<T> {
    this.check();
    try {
      await this.schema();
      return await this.untilNotBusy(() => this.db.transaction().execute(fn));
    } catch (err) {
      // Not a failure: an erase rolled back on purpose.
      if (err instanceof NotAsListed) throw err;
      throw this.failure(err, op);
    } finally {
      // Invalidate whatever happened: a write that failed after committing must not leave a stale entry.
      this.houseCache.invalidate(guildId);
      this.termsCache.invalidate(guildId);
      this.configured.written(guildId);
    }
  }

  // ── House definition ───────────────────────────────────────────────────────────────────────

  async house(guildId: string): Promise<HouseRecord | undefined> {
    this.check();
    if (namesNothing(guildId) || this.configured.surelyNone(guildId)) return undefined;
    return this.houseCache.get(guildId, () =>
      this.read('house', async (db) => {
        return houseFrom(await db.selectFrom('house').selectAll().where('guild_id', '=', guildId).executeTakeFirst());
      }),
    );
  }

  /** Read in the write's own transaction, so what it replaced is what it says it replaced. */
  async setHouse(guildId: string, record: HouseRecord): Promise<HouseRecord | undefined> {
    refuseNul({ guildId, text: record.text, setById: record.setById });
    const values = { text: record.text, set_by_id: record.setById, set_by_name: displayName(record.setByName), set_at: iso(record.setAt) };
    return this.write('setHouse', guildId, record.setAt, async (tx) => {
      const replaced = houseFrom(await tx.selectFrom('house').selectAll().where('guild_id', '=', guildId).executeTakeFirst());
      await tx
        .insertInto('house')
        .values({ guild_id: guildId, ...values })
        .onConflict((oc) => oc.column('guild_id').doUpdateSet(values))
        .execute();
      return replaced;
    });
  }

  async clearHouse(guildId: string): Promise<HouseRecord | undefined> {
    this.check();
    if (namesNothing(guildId)) return undefined;
    return this.write('clearHouse', guildId, new Date(), async (tx) => {
      const removed = houseFrom(await tx.selectFrom('house').selectAll().where('guild_id', '=', guildId).executeTakeFirst());
      if (removed) await tx.deleteFrom('house').where('guild_id', '=', guildId).execute();
      return removed;
    });
  }

  // ── Terms ──────────────────────────────────────────────────────────────────────────────────

  async terms(guildId: string): Promise<TeamTerm[]> {
    this.check();
    if (namesNothing(guildId) || this.configured.surelyNone(guildId)) return [];
    return this.termsCache.get(guildId, () =>
      this.read('terms', async (db) => {
        const rows = await db.selectFrom('terms').selectAll().where('guild_id', '=', guildId).orderBy('name_key').execute();
        return rows.map(termFrom);
      }),
    );
  }

  async term(guildId: string, name: string): Promise<TeamTerm | undefined> {
    this.check();
    if (namesNothing(guildId, name)) return undefined;
    return this.read('term', async (db) => {
      const row = await db.selectFrom('terms').selectAll().where('guild_id', '=', guildId).where('name_key', '=', nameKey(name)).executeTakeFirst();
      return row && termFrom(row);
    });
  }

  async addTerm(guildId: string, term: TeamTerm): Promise<WriteResult> {
    refuseTermNul(guildId, term);
    return this.write('addTerm', guildId, term.updatedAt, async (tx) => {
      const key = nameKey(term.name);
      const taken = await tx.selectFrom('terms').select('name').where('guild_id', '=', guildId).where('name_key', '=', key).executeTakeFirst();
      if (taken) return 'exists';
      const { count } = await tx
        .selectFrom('terms')
        .select((eb) => eb.fn.countAll<string | number>().as('count'))
        .where('guild_id', '=', guildId)
        .executeTakeFirstOrThrow();
      if (Number(count) >= TERMS_PER_SERVER) return 'full';
      await tx.insertInto('terms').values(newTermRow(guildId, term, term.addedById, term.addedByName, term.updatedAt)).execute();
      return 'ok';
    });
  }

  /** The term's `fields` are replaced; who added it and when stay, and the editor is recorded as its updater. */
  async editTerm(guildId: string, term: TeamTerm, fields: readonly TermText[] = TERM_TEXTS): Promise<WriteResult> {
    refuseTermNul(guildId, term);
    const texts = termTextColumns(term);
    return this.write('editTerm', guildId, term.updatedAt, async (tx) => {
      const result = await tx
        .updateTable('terms')
        .set({
          ...Object.fromEntries(fields.map((field) => [field, texts[field]])),
          updated_by_id: term.updatedById ?? term.addedById,
          updated_by_name: displayName(term.updatedByName ?? term.addedByName),
          updated_at: iso(term.updatedAt),
        })
        .where('guild_id', '=', guildId)
        .where('name_key', '=', nameKey(term.name))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0 ? 'ok' : 'missing';
    });
  }

  /** Reads the server's terms and writes the import in one transaction: another write to the server waits for it, or it for that. */
  async importTerms(guildId: string, terms: readonly ImportedTerm[], by: TermsImporter): Promise<ImportTermsResult> {
    refuseNul({ guildId, importerId: by.id });
    for (const term of terms) refuseTermNul(guildId, { ...term, addedById: by.id, addedByName: by.name, updatedAt: by.at });
    if (namesRepeat(terms)) throw new Error('importTerms was given two terms of the same name');
    return this.write('importTerms', guildId, by.at, async (tx) => {
      const rows = await tx.selectFrom('terms').selectAll().where('guild_id', '=', guildId).orderBy('name_key').execute();
      const plan = importPlan(rows.map(termFrom), terms);
      if (rows.length + plan.added.length > TERMS_PER_SERVER) return { outcome: 'full', has: rows.length, adding: plan.added.length };
      for (const term of plan.added) await tx.insertInto('terms').values(newTermRow(guildId, term, by.id, by.name, by.at)).execute();
      for (const term of plan.replaced) {
        await tx
          .updateTable('terms')
          .set({
            ...termTextColumns(term),
            updated_by_id: by.id,
            updated_by_name: displayName(by.name),
            updated_at: iso(by.at),
          })
          .where('guild_id', '=', guildId)
          .where('name_key', '=', nameKey(term.name))
          .execute();
      }
      const names = (list: readonly { name: string }[]) => list.map((term) => term.name);
      return { outcome: 'ok', added: names(plan.added), replaced: names(plan.replaced), unchanged: names(plan.unchanged), kept: names(plan.kept) };
    });
  }

  async removeTerm(guildId: string, name: string): Promise<WriteResult> {
    this.check();
    if (namesNothing(guildId, name)) return 'missing';
    return this.write('removeTerm', guildId, new Date(), async (tx) => {
      const result = await tx.deleteFrom('terms').where('guild_id', '=', guildId).where('name_key', '=', nameKey(name)).executeTakeFirst();
      return Number(result.numDeletedRows) > 0 ? 'ok' : 'missing';
    });
  }

  // ── Plans ──────────────────────────────────────────────────────────────────────────────────

  async plans(guildId: string): Promise<SavedPlan[]> {
    this.check();
    if (namesNothing(guildId)) return [];
    return this.read('plans', async (db) => {
      const rows = await db.selectFrom('plans').selectAll().where('guild_id', '=', guildId).orderBy('name_key').execute();
      return rows.map(planFrom);
    });
  }

  async plan(guildId: string, name: string): Promise<SavedPlan | undefined> {
    this.check();
    if (namesNothing(guildId, name)) return undefined;
    return this.read('plan', async (db) => {
      const row = await db.selectFrom('plans').selectAll().where('guild_id', '=', guildId).where('name_key', '=', nameKey(name)).executeTakeFirst();
      return row && planFrom(row);
    });
  }

  /** The inputs are stored as JSON, which writes a NUL as the six characters `\u0000`: they need no check. */
  async savePlan(guildId: string, plan: SavedPlan, { replaceAnyAuthor = false } = {}): Promise<SavePlanResult> {
    refuseNul({ guildId, name: plan.name, savedById: plan.savedById });
    return this.write('savePlan', guildId, plan.savedAt, async (tx) => {
      const key = nameKey(plan.name);
      const values = {
        name: plan.name,
        inputs: JSON.stringify(plan.inputs),
        saved_by_id: plan.savedById,
        saved_by_name: displayName(plan.savedByName),
        saved_at: iso(plan.savedAt),
      };
      const existing = await tx
        .selectFrom('plans')
        .select(['revision', 'saved_by_id', 'saved_by_name'])
        .where('guild_id', '=', guildId)
        .where('name_key', '=', key)
        .executeTakeFirst();
      if (existing) {
        // Checked, and its author reported, in the same transaction as the write: two members saving
        // at once cannot race past the check, and the later one learns whose plan it replaced.
        const author = { savedById: existing.saved_by_id, savedByName: existing.saved_by_name };
        if (author.savedById !== plan.savedById && !replaceAnyAuthor) return { outcome: 'not-author', author };
        await tx
          .updateTable('plans')
          .set({ ...values, revision: Number(existing.revision) + 1 })
          .where('guild_id', '=', guildId)
          .where('name_key', '=', key)
          .execute();
        return { outcome: 'ok', replaced: author };
      }
      const { count } = await tx
        .selectFrom('plans')
        .select((eb) => eb.fn.countAll<string | number>().as('count'))
        .where('guild_id', '=', guildId)
        .executeTakeFirstOrThrow();
      if (Number(count) >= PLANS_PER_SERVER) return { outcome: 'full' };
      await tx
        .insertInto('plans')
        .values({ guild_id: guildId, name_key: key, created_at: values.saved_at, ...values })
        .execute();
      return { outcome: 'ok', replaced: undefined };
    });
  }

  async deletePlan(guildId: string, name: string): Promise<WriteResult> {
    this.check();
    if (namesNothing(guildId, name)) return 'missing';
    return this.write('deletePlan', guildId, new Date(), async (tx) => {
      const result = await tx.deleteFrom('plans').where('guild_id', '=', guildId).where('name_key', '=', nameKey(name)).executeTakeFirst();
      return Number(result.numDeletedRows) > 0 ? 'ok' : 'missing';
    });
  }

  // ── Everything a server has ───────────────────────────────────────────────────────────────

  async serverData(guildId: string): Promise<ServerData> {
    this.check();
    if (namesNothing(guildId)) return NO_DATA;
    return this.read('serverData', async (db) => {
      const recorded = (await db.selectFrom('guilds').select('guild_id').where('guild_id', '=', guildId).executeTakeFirst()) !== undefined;
      return serverDataIn(db, guildId, recorded);
    });
  }

  async eraseServerData(guildId: string): Promise<ErasedData> {
    const erased = await this.eraseRows(guildId, undefined);
    return { ...erased, sqliteLogNotEmptied: !(await this.emptySqliteLog()) };
  }

  async eraseServerDataAsListed(guildId: string, listed: ListedData): Promise<ListedEraseResult> {
    let erased: ServerData;
    try {
      erased = await this.eraseRows(guildId, listed);
    } catch (err) {
      if (err instanceof NotAsListed) return { outcome: 'changed', stored: err.stored };
      throw err;
    }
    return { outcome: 'erased', erased: { ...erased, sqliteLogNotEmptied: !(await this.emptySqliteLog()) } };
  }

  /**
   * What it erased is what the server had as the transaction that took its row first read it, just
   * before deleting it. With `listed`, when that is not what was listed, nothing is deleted: the
   * transaction is rolled back and NotAsListed thrown with what the server has.
   */
  private async eraseRows(guildId: string, listed: ListedData | undefined): Promise<ServerData> {
    this.check();
    if (namesNothing(guildId)) {
      if (listed && !isAsListed(NO_DATA, listed)) throw new NotAsListed(NO_DATA);
      return NO_DATA;
    }
    return this.transaction('eraseServerData', guildId, async (tx) => {
      const recorded = Number((await tx.deleteFrom('guilds').where('guild_id', '=', guildId).executeTakeFirst()).numDeletedRows) > 0;
      const found = await serverDataIn(tx, guildId, recorded);
      if (listed && !isAsListed(found, listed)) throw new NotAsListed(found);
      for (const table of ['house', 'terms', 'plans'] as const) await tx.deleteFrom(table).where('guild_id', '=', guildId).execute();
      return found;
    });
  }

  /**
   * After an erase: runs afterErase (see SqlStoreOptions), waiting while another process holds the
   * write lock as any call does. Resolves whether the SQLite log was emptied (true on Postgres, which
   * has none to empty); the erase has committed either way, so a failure here is logged, not thrown.
   */
  private async emptySqliteLog(): Promise<boolean> {
    const afterErase = this.opts.afterErase;
    if (!afterErase) return true;
    const fields = { op: 'eraseServerData', engine: this.opts.engine };
    try {
      if ((await this.untilNotBusy(afterErase)).logEmptied) return true;
      this.opts.logger.warn(fields, `settings database log not emptied after an erase: another connection was reading the database; older copies of the erased rows stay in its -wal file ${WAL_KEEPS_UNTIL}`);
    } catch (err) {
      this.opts.logger.warn({ ...fields, err }, `settings database not rewritten after an erase: older copies of the erased rows may stay in its free space, and in its -wal file ${WAL_KEEPS_UNTIL}`);
    }
    return false;
  }

  // ── Life cycle ─────────────────────────────────────────────────────────────────────────────

  async ready(): Promise<void> {
    await this.read('ready', async (db) => {
      await db.selectFrom('guilds').select('guild_id').limit(1).execute();
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // A reload of the configured servers may be queued or under way: it must not start, and one
    // that fails because the connections are gone is not reported (see failure()).
    this.configured.close();
    this.houseCache.clear();
    this.termsCache.clear();
    await this.opts.onClose?.();
  }
}

function planFrom(row: { name: string; inputs: string; saved_by_id: string; saved_by_name: string; saved_at: string }): SavedPlan {
  let inputs: Record<string, string> = {};
  try {
    const parsed: unknown = JSON.parse(row.inputs);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      inputs = Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
    }
  } catch {
    // A row is only ever written by savePlan, as JSON; an unreadable one reads as no inputs.
  }
  return { name: row.name, inputs, savedById: row.saved_by_id, savedByName: row.saved_by_name, savedAt: new Date(row.saved_at) };
}
