/** What the CLI and playground do with a reply's attachments: write them where a person can open them. */

import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Reply, ReplyPayload } from '../commands/types';

/** The payload exactly as the bot sends it, attachments listed by name. */
export function payloadForJson(reply: Reply): ReplyPayload & { files?: string[] } {
  const { files, inputError: _inputError, ...payload } = reply;
  return files?.length ? { ...payload, files: files.map((f) => f.name) } : payload;
}

export async function saveFiles(reply: Reply, dir: string): Promise<string[]> {
  if (!reply.files?.length) return [];
  await mkdir(dir, { recursive: true });
  return Promise.all(
    reply.files.map(async (file) => {
      const path = resolve(join(dir, file.name));
      await writeFile(path, file.data);
      return path;
    }),
  );
}
