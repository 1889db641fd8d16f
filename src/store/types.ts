/**
 * Per-server data: the house tier definition, the team's own glossary terms and saved /compare
 * plans. Every method takes the server (guild) id first: one server never reads or writes
 * another's rows. Implementations: SQLite (default) and Postgres, through one query layer.
 */

import { createHash } from 'node:crypto';
import { nameKey } from '../domain/names';

export { nameKey };

/** A term's texts: an edit writes those it is given and keeps the others as stored. */
export const TERM_TEXTS = ['name', 'definition', 'formula', 'example', 'link'] as const;
export type TermText = (typeof TERM_TEXTS)[number];

/** A house definition as the manager typed it; the tiers are parsed from `text` by the domain. */
export interface HouseRecord {
  text: string;
  setById: string;
  setByName: string;
  setAt: Date;
}

export interface TeamTerm {
  name: string;
  definition: string;
  formula?: string | undefined;
  example?: string | undefined;
  link?: string | undefined;
  /** Who added the term. On editTerm, the editor when updatedById is not given. */
  addedById: string;
  addedByName: string;
  /** The time of this write (add or edit). */
  updatedAt: Date;
  /** When it was first added (filled in by the store on reads). */
  addedAt?: Date | undefined;
  /** Who last changed it (filled in by the store on reads; on editTerm, the editor). */
  updatedById?: string | undefined;
  updatedByName?: string | undefined;
}

/** A saved /compare scenario: its inputs by option name (never its results). */
export interface SavedPlan {
  name: string;
  inputs: Record<string, string>;
  savedById: string;
  savedByName: string;
  savedAt: Date;
}

export const TERMS_PER_SERVER = 200;
export const PLANS_PER_SERVER = 100;

export type WriteResult = 'ok' | 'exists' | 'missing' | 'full' | 'not-author';

/** A term's texts as /term import gives them: who writes them, and when, is the import's. */
export type ImportedTerm = Pick<TeamTerm, TermText>;

/** Who imports terms, and when: recorded as each written term's author or updater. */
export interface TermsImporter {
  id: string;
  name: string;
  at: Date;
}

/**
 * What importTerms did, as its transaction found the server's terms: the names of the terms it
 * added, replaced and found already the same (as the import names them), and of the server's other
 * terms, which it kept; or, writing nothing, 'full': the server `has` that many terms and the
 * import would add `adding` new ones, more than TERMS_PER_SERVER together.
 */
export type ImportTermsResult =
  | { outcome: 'ok'; added: string[]; replaced: string[]; unchanged: string[]; kept: string[] }
  | { outcome: 'full'; has: number; adding: number };

/** Whether two of the terms have the same name (by nameKey), which an import may not have. */
export function namesRepeat(terms: readonly Pick<TeamTerm, 'name'>[]): boolean {
  return new Set(terms.map((term) => nameKey(term.name))).size !== terms.length;
}

/**
 * How an import falls on the terms a server has (both stores sort it so): the imported terms new
 * to it, those that replace one of its terms, and those already the same in every text; and the
 * server's terms the import does not name, which it keeps.
 */
export function importPlan(existing: readonly TeamTerm[], imported: readonly ImportedTerm[]) {
  const current = new Map(existing.map((term) => [nameKey(term.name), term]));
  const added: ImportedTerm[] = [];
  const replaced: ImportedTerm[] = [];
  const unchanged: ImportedTerm[] = [];
  for (const term of imported) {
    const stored = current.get(nameKey(term.name));
    if (!stored) added.push(term);
    else if (TERM_TEXTS.every((text) => (stored[text] ?? undefined) === (term[text] ?? undefined))) unchanged.push(term);
    else replaced.push(term);
  }
  const named = new Set(imported.map((term) => nameKey(term.name)));
  const kept = existing.filter((term) => !named.has(nameKey(term.name)));
  return { added, replaced, unchanged, kept };
}

/** Who saved a plan: their Discord id and display name, as stored. */
export type PlanAuthor = Pick<SavedPlan, 'savedById' | 'savedByName'>;

/**
 * What savePlan did, as its transaction found the plans: saved ('ok'), with the author of the plan
 * of that name it replaced (undefined for a new name); refused as someone else's plan, with its
 * author; or refused as 'full'.
 */
export type SavePlanResult =
  | { outcome: 'ok'; replaced: PlanAuthor | undefined }
  | { outcome: 'not-author'; author: PlanAuthor }
  | { outcome: 'full' };

/**
 * What a server has stored, as /erase-team-data previews it and eraseServerData reports it: whether
 * a house definition is set, how many team terms and saved plans there are, and their fingerprints.
 */
export interface ServerData {
  /**
   * Whether the server has its row in `guilds`: its id and when a write (a command that changes
   * team settings) was first run there. Every write makes it, even one that changed nothing, and
   * it stays when everything else is removed.
   */
  recorded: boolean;
  house: boolean;
  terms: number;
  plans: number;
  fingerprints: DataFingerprints;
}

/**
 * A short fingerprint (FINGERPRINT_LENGTH hex characters of a SHA-256) of each kind of row a server
 * has: of its house definition (its text and when it was set), of its terms (each one's name key,
 * texts and last change) and of its plans (each one's name key, revision and when it was saved).
 * Any write that adds, removes, replaces or edits one of them changes its kind's fingerprint; the
 * same rows always give the same one.
 */
export interface DataFingerprints {
  house: string;
  terms: string;
  plans: string;
}

export const FINGERPRINT_LENGTH = 10;

/** A server's rows as their fingerprints take them; times are ISO-8601, as stored. */
export interface ServerRows {
  /** Whether the server has its row in `guilds` (ServerData.recorded). */
  recorded: boolean;
  house: { text: string; setAt: string } | undefined;
  terms: readonly ({ key: string; updatedAt: string } & Partial<Record<TermText, string | null | undefined>>)[];
  plans: readonly { key: string; revision: number; savedAt: string }[];
}

function fingerprint(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, FINGERPRINT_LENGTH);
}

/** What a server has, from its rows (both stores compute it so, whatever order the rows come in). */
export function serverDataOf(rows: ServerRows): ServerData {
  const byKey = <T extends { key: string }>(list: readonly T[]) => [...list].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const terms = byKey(rows.terms).map((term) => [term.key, term.updatedAt, ...TERM_TEXTS.map((text) => term[text] ?? null)]);
  const plans = byKey(rows.plans).map((plan) => [plan.key, plan.revision, plan.savedAt]);
  return {
    recorded: rows.recorded,
    house: rows.house !== undefined,
    terms: rows.terms.length,
    plans: rows.plans.length,
    fingerprints: { house: fingerprint(rows.house ? [rows.house.text, rows.house.setAt] : null), terms: fingerprint(terms), plans: fingerprint(plans) },
  };
}

/** What /erase-team-data's preview lists of a server, and so what its Erase all button stands for. */
export type ListedData = Pick<ServerData, 'house' | 'terms' | 'plans' | 'fingerprints'>;

/**
 * Whether a server has what a preview listed: the same house definition, terms and plans, by their
 * fingerprints (and counts). Both stores compare so, in the erase's own transaction.
 */
export function isAsListed(data: ListedData, listed: ListedData): boolean {
  return (
    data.house === listed.house &&
    data.terms === listed.terms &&
    data.plans === listed.plans &&
    data.fingerprints.house === listed.fingerprints.house &&
    data.fingerprints.terms === listed.fingerprints.terms &&
    data.fingerprints.plans === listed.fingerprints.plans
  );
}

/** What an erase removed, as its transaction found it. */
export interface ErasedData extends ServerData {
  /**
   * SQLite only: after the erase, the database's write-ahead log (its -wal file) could not be
   * emptied, because another connection was reading the database (or the file could not be
   * rewritten). Older copies of the erased rows' pages then stay in the -wal until later writes
   * overwrite them, the log is truncated (the next erase with nothing else reading) or the last
   * connection to the database closes (the bot stopping); a checkpoint alone does not remove them.
   * The erase itself stands. Always false on Postgres, which has no such file: what it keeps of
   * deleted rows (dead tuples, its own write-ahead log) is the operator's to clear (README).
   */
  sqliteLogNotEmptied: boolean;
}

/**
 * eraseServerDataAsListed's answer: erased, or nothing erased because the server's data is no
 * longer what was listed (`stored`: what it is now).
 */
export type ListedEraseResult = { outcome: 'erased'; erased: ErasedData } | { outcome: 'changed'; stored: ServerData };

export interface TeamStore {
  house(guildId: string): Promise<HouseRecord | undefined>;
  /** The definition it replaced, if any: the one the write found. */
  setHouse(guildId: string, record: HouseRecord): Promise<HouseRecord | undefined>;
  /** The definition it removed; undefined when there was none. */
  clearHouse(guildId: string): Promise<HouseRecord | undefined>;

  terms(guildId: string): Promise<TeamTerm[]>;
  /** Names compare by nameKey: case and full-width forms do not matter. */
  term(guildId: string, name: string): Promise<TeamTerm | undefined>;
  /** 'exists' when the name is taken (by nameKey), 'full' at TERMS_PER_SERVER. */
  addTerm(guildId: string, term: TeamTerm): Promise<WriteResult>;
  /**
   * Writes the term's `fields` (all its texts when not given) and its editor, in one statement: the
   * fields not named keep what is stored then, so two edits of different fields at once both keep
   * theirs. 'missing' when there is no such term.
   */
  editTerm(guildId: string, term: TeamTerm, fields?: readonly TermText[]): Promise<WriteResult>;
  removeTerm(guildId: string, name: string): Promise<WriteResult>;
  /**
   * Sets `terms` in one transaction, all or nothing: a name new to the server (by nameKey) is added,
   * one it has is replaced, texts and name as imported, unless every text is already the same, and
   * the server's other terms are kept. The importer is recorded as the added terms' author and the
   * replaced terms' updater. The names must differ by nameKey (the caller checks; two the same throw).
   */
  importTerms(guildId: string, terms: readonly ImportedTerm[], by: TermsImporter): Promise<ImportTermsResult>;

  plans(guildId: string): Promise<SavedPlan[]>;
  /** Names compare by nameKey, as for terms. */
  plan(guildId: string, name: string): Promise<SavedPlan | undefined>;
  /**
   * Saving under an existing name (by nameKey) replaces it, with the name as now typed, but only
   * the plan's author may, unless `replaceAnyAuthor` (a manager): 'not-author' otherwise. 'full' at
   * PLANS_PER_SERVER new names. The plan replaced, or the author refused, is the one the write found.
   */
  savePlan(guildId: string, plan: SavedPlan, options?: { replaceAnyAuthor?: boolean }): Promise<SavePlanResult>;
  deletePlan(guildId: string, name: string): Promise<WriteResult>;

  /** What the server has stored; reading it writes nothing (no row for the server is created). */
  serverData(guildId: string): Promise<ServerData>;
  /**
   * Erases everything the server has, in one transaction: its house definition, terms, saved plans
   * and its row in `guilds`. Another write to the server runs wholly before or after it. Says what
   * it erased, as its own transaction found it; other servers are untouched.
   */
  eraseServerData(guildId: string): Promise<ErasedData>;
  /**
   * As eraseServerData, but only if the server's house definition, terms and plans are still those
   * `listed` (what a preview showed), by their fingerprints, as the erase's own transaction finds
   * them (isAsListed); otherwise nothing is erased and the answer says what the server has now.
   */
  eraseServerDataAsListed(guildId: string, listed: ListedData): Promise<ListedEraseResult>;

  /** Resolves when the database answers and migrations are done (readiness). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Thrown by openStore({ mustExist: true }) when DATABASE_URL names no Tierbot database: no SQLite
 * file there, or a database without Tierbot's tables. Nothing was created or changed.
 */
export class NotATierbotDatabaseError extends Error {
  constructor(
    /** Why, in words for the operator: "there is no database file at that path". */
    reason: string,
  ) {
    super(reason);
    this.name = 'NotATierbotDatabaseError';
  }
}

/**
 * Thrown when the database cannot be reached (or the store is closed); the commands answer
 * "settings are unavailable".
 */
export class StoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super('the settings database is unavailable', { cause });
    this.name = 'StoreUnavailableError';
  }
}

/**
 * Thrown when a call failed for a reason that is neither an outage nor a refused value (a missing
 * table, a deadlock, a bug): only that call failed, and the database is not known to be down. The
 * commands do not answer it as "unavailable": it reaches the interaction core, which logs it and
 * gives the user an error id to report.
 */
export class StoreFailedError extends Error {
  constructor(
    /** The store method that failed: `setHouse`, `plans`, … */
    readonly op: string,
    cause: unknown,
  ) {
    super(`the settings database call ${op} failed`, { cause });
    this.name = 'StoreFailedError';
  }
}

/**
 * Thrown by a write whose value the store will not keep: text with a NUL character (U+0000), which
 * Postgres cannot store (both engines refuse it, so they behave alike), or a value the database
 * itself refused. Nothing was changed and the database is fine: the command can answer with an
 * input explanation naming `field` (the TeamStore field: `name`, `definition`, `text`, …).
 */
export class StoreRefusedError extends Error {
  constructor(
    readonly field: string,
    /** Why, in words for the user: "has a NUL character (U+0000) in it". */
    readonly reason: string,
    cause?: unknown,
  ) {
    super(`${field} ${reason}`, cause === undefined ? undefined : { cause });
    this.name = 'StoreRefusedError';
  }
}
