/**
 * Whether SQLite can use the file DATABASE_URL names, checked with node:fs alone: the gateway bot
 * loads the database layer (Kysely, the SQLite driver) only on its first interaction, yet a bad
 * path must stop it at start with the reason. The HTTP endpoint and `npm run db:migrate` run the
 * same check, so all three say it alike.
 */

import { accessSync, closeSync, constants, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_DATABASE_URL = './data/tierbot.sqlite';
/** The first 16 bytes of every SQLite database file. */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
/** Kernel and device file systems: never a database's place, and a recursive mkdir there can hang. */
const SYSTEM_FOLDERS = ['/proc', '/sys', '/dev'];

/** The SQLite file a DATABASE_URL names, as an absolute path (or ':memory:'); undefined for Postgres. */
export function sqlitePathOf(databaseUrl: string): string | undefined {
  const url = databaseUrl.trim();
  if (/^postgres(?:ql)?:\/\//i.test(url)) return undefined;
  if (url === ':memory:') return url;
  if (/^file:\/\//i.test(url)) return fileURLToPath(url.split('?')[0]!);
  if (/^file:/i.test(url)) return resolve(url.slice(5).split('?')[0]!);
  return resolve(url === '' ? DEFAULT_DATABASE_URL : url);
}

const errorCode = (err: unknown) => (err as { code?: unknown } | null)?.code;
const denied = (err: unknown) => ['EACCES', 'EPERM', 'EROFS'].includes(String(errorCode(err)));

/** Whether this process may write in `path` (a folder: SQLite keeps its -wal and -shm files beside the database). */
function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Whether an existing file is empty (SQLite makes it a database) or already one. */
function isSqliteFile(path: string, size: number): boolean {
  if (size === 0) return true;
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(path, 'r');
  try {
    return readSync(fd, header, 0, header.length, 0) === header.length && header.equals(SQLITE_HEADER);
  } finally {
    closeSync(fd);
  }
}

/**
 * Creates the file's folder if missing, and throws with a one-line reason naming DATABASE_URL when
 * SQLite could not use the path: a folder, a file that is not a SQLite database, a folder that
 * cannot be created or written in. The reason never echoes the path, as for every other setting.
 */
export function prepareSqlitePath(path: string): void {
  if (path === ':memory:') return;
  const problem = (what: string) => new Error(`DATABASE_URL: ${what}`);
  if (SYSTEM_FOLDERS.some((folder) => path === folder || path.startsWith(folder + sep))) {
    throw problem(`the path is in a system folder (${SYSTEM_FOLDERS.join(', ')}); give a file path such as ${DEFAULT_DATABASE_URL}`);
  }
  const folder = dirname(path);
  let stats;
  try {
    stats = statSync(path);
  } catch (err) {
    if (denied(err)) throw problem('the path cannot be reached (permission denied)');
    stats = undefined;
  }
  if (stats?.isDirectory()) throw problem(`the path is a folder; give the path of a file in it, such as …${sep}tierbot.sqlite`);
  if (stats) {
    let isDatabase: boolean;
    try {
      isDatabase = stats.isFile() && isSqliteFile(path, stats.size);
    } catch (err) {
      throw denied(err) ? problem('the file cannot be read (permission denied)') : err;
    }
    if (!isDatabase) throw problem('the file is not a SQLite database');
    if (!writable(path)) throw problem('the file cannot be written (permission denied)');
  } else {
    try {
      mkdirSync(folder, { recursive: true });
    } catch (err) {
      const code = errorCode(err);
      if (code === 'ENOTDIR' || code === 'EEXIST') throw problem('its folder cannot be created (a file is in the way)');
      if (denied(err)) throw problem('its folder cannot be created (permission denied)');
      throw err;
    }
  }
  if (!writable(folder)) throw problem('its folder does not let Tierbot create files (permission denied)');
}
