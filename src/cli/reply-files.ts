/**
 * What the CLI and playground do with a message's attachments: read the local files a person
 * names for them, and write the ones a reply sends where that person can open them.
 */

import { mkdir, stat, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';

/**
 * A path the person typed, made absolute as they meant it: from the folder they ran npm in. npm
 * runs scripts from the project's folder and names the person's own in INIT_CWD; run without
 * npm, the working directory is theirs.
 */
export function userPath(typed: string): string {
  return resolve(process.env.INIT_CWD || process.cwd(), typed);
}

/** The local file a `file:` option names (userPath), or why it cannot be read, naming the full path looked at. */
export async function localFile(typed: string): Promise<{ ok: true; path: string; size: number } | { ok: false; problem: string }> {
  const path = userPath(typed);
  const info = await stat(path).catch(() => undefined);
  if (info?.isFile()) return { ok: true, path, size: info.size };
  return { ok: false, problem: info?.isDirectory() ? `${path} is a folder; give the path of a file in it.` : `There is no file at ${path}.` };
}

/** The files could not be written to the folder given; the message says where and why, on one line. */
export class SaveFilesError extends Error {
  constructor(dir: string, cause: unknown) {
    super(`Could not write the files to ${dir}: ${why(cause)}.`, { cause });
    this.name = 'SaveFilesError';
  }
}

const REASONS: Record<string, string> = {
  EEXIST: 'a file of that name is in the way (it must be a folder)',
  ENOTDIR: 'part of that path is a file, not a folder',
  EISDIR: 'a folder is in the way of a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  ENAMETOOLONG: 'the path is too long',
};

function why(cause: unknown): string {
  const code = (cause as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && REASONS[code]) return `${REASONS[code]} (${code})`;
  const message = cause instanceof Error ? cause.message : String(cause);
  return message.split('\n')[0]!;
}

/** Writes each file into `dir` (created if need be); throws a SaveFilesError if that cannot be done. */
export async function saveFiles(files: readonly { name: string; data: Uint8Array }[], dir: string): Promise<string[]> {
  if (!files.length) return [];
  try {
    await mkdir(dir, { recursive: true });
    return await Promise.all(
      files.map(async (file) => {
        const path = resolve(join(dir, basename(file.name)));
        await writeFile(path, file.data);
        return path;
      }),
    );
  } catch (err) {
    throw new SaveFilesError(dir, err);
  }
}
