/** What the CLI and playground do with a message's attachments: write them where a person can open them. */

import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';

export async function saveFiles(files: readonly { name: string; data: Uint8Array }[], dir: string): Promise<string[]> {
  if (!files.length) return [];
  await mkdir(dir, { recursive: true });
  return Promise.all(
    files.map(async (file) => {
      const path = resolve(join(dir, basename(file.name)));
      await writeFile(path, file.data);
      return path;
    }),
  );
}
