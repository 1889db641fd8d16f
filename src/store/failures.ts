/**
 * What a failed database call means, for SQLite and Postgres alike:
 *
 * - 'outage': the database cannot serve anyone right now (it cannot be reached, the connection
 *   broke, it is shutting down or out of resources, its file is locked or cannot be written). Every
 *   call would fail the same way, so the store fails fast for a while and says it is unavailable.
 * - 'refused': the database refused a value this call sent (Postgres's "data exception" class, such
 *   as a NUL in text; a value past a size limit). Only that call fails; other servers are unaffected.
 * - 'failed': anything else (a deadlock, a serialisation failure, a statement that ran past its
 *   timeout, a bug). That call fails; the database is not assumed to be down.
 *
 * Anything not known to be an outage is not treated as one: one server's odd input must never make
 * the settings of every server unavailable.
 */

export type FailureKind = 'outage' | 'refused' | 'failed';

/** Node's codes for a network connection that could not be made or was lost. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * Postgres SQLSTATE classes of an outage: 08 connection exception, 28 invalid authorisation,
 * 3D invalid catalogue name (no such database), 53 insufficient resources (too many connections,
 * disk full), 57 operator intervention (shutting down), 58 system error (I/O), XX internal error.
 */
const POSTGRES_OUTAGE_CLASSES = new Set(['08', '28', '3D', '53', '57', '58', 'XX']);
/**
 * 57014 query_canceled, though in class 57, is one statement stopped (past the statement timeout,
 * or cancelled): one slow query must not make every server's settings unavailable.
 */
const POSTGRES_QUERY_CANCELED = '57014';
/** 22 data exception; 54 program limit exceeded (a value too large for an index). */
const POSTGRES_REFUSED_CLASSES = new Set(['22', '54']);

/**
 * pg and pg-pool raise connection failures as plain Errors with no code; their messages are the
 * only way to tell them apart (pg 8, pg-pool 3).
 */
const PG_CONNECTION_MESSAGES = [
  /^timeout exceeded when trying to connect$/,
  /^Connection terminated/,
  /^Client has encountered a connection error and is not queryable$/,
  /^Client was closed and is not queryable$/,
  /^Query read timeout$/,
  /^timeout expired$/,
  /^Cannot use a pool after calling end on the pool$/,
  /^The server does not support SSL connections$/,
  /^There was an error establishing an SSL connection$/,
];

/** SQLite's primary result codes (before any extended suffix) of an outage: locked, I/O, full, unreadable file. */
const SQLITE_OUTAGE_CODES = new Set([
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_IOERR',
  'SQLITE_FULL',
  'SQLITE_CANTOPEN',
  'SQLITE_CORRUPT',
  'SQLITE_NOTADB',
  'SQLITE_READONLY',
  'SQLITE_NOMEM',
  'SQLITE_PROTOCOL',
  'SQLITE_PERM',
]);
/** SQLite's codes for a value it will not store: too big, or of the wrong type. */
const SQLITE_REFUSED_CODES = new Set(['SQLITE_TOOBIG', 'SQLITE_MISMATCH']);

function codeOf(err: object): string | undefined {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** Whether SQLite failed because another connection holds the lock it needs: an outage only if it lasts. */
export function isSqliteBusy(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (codeOf(err)?.startsWith('SQLITE_BUSY') ?? false);
}

/** The error, then what it wraps: pg-pool wraps a connect timeout, Node an attempt per address. */
function* chain(err: unknown, depth = 0): Generator<object> {
  if (typeof err !== 'object' || err === null || depth > 5) return;
  yield err;
  const { cause, errors } = err as { cause?: unknown; errors?: unknown };
  yield* chain(cause, depth + 1);
  if (Array.isArray(errors)) for (const inner of errors) yield* chain(inner, depth + 1);
}

function kindOfOne(err: object): FailureKind | undefined {
  const code = codeOf(err);
  if (code !== undefined) {
    if (NETWORK_CODES.has(code)) return 'outage';
    if (code.startsWith('SQLITE_')) {
      const primary = code.split('_').slice(0, 2).join('_');
      if (SQLITE_OUTAGE_CODES.has(primary)) return 'outage';
      if (SQLITE_REFUSED_CODES.has(primary)) return 'refused';
      return undefined;
    }
    if (/^[0-9A-Z]{5}$/.test(code)) {
      if (code === POSTGRES_QUERY_CANCELED) return undefined;
      const sqlClass = code.slice(0, 2);
      if (POSTGRES_OUTAGE_CLASSES.has(sqlClass)) return 'outage';
      if (POSTGRES_REFUSED_CLASSES.has(sqlClass)) return 'refused';
      return undefined;
    }
  }
  const message = (err as { message?: unknown }).message;
  if (typeof message === 'string' && PG_CONNECTION_MESSAGES.some((pattern) => pattern.test(message))) return 'outage';
  return undefined;
}

export function failureKind(err: unknown): FailureKind {
  let refused = false;
  for (const link of chain(err)) {
    const kind = kindOfOne(link);
    if (kind === 'outage') return 'outage';
    if (kind === 'refused') refused = true;
  }
  return refused ? 'refused' : 'failed';
}
