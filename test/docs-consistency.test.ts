/**
 * The README and docs/architecture.md against the repository: every variable .env.example lists
 * is in the README's configuration table, and every file or folder the two documents name exists.
 */

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const DOCS = ['README.md', 'docs/architecture.md'];

/** Paths into the repository's own folders, wherever they appear in the text. */
const REPO_PATH = /(?<![\w./-])(?:src|test|tools|bench|deploy|docs|\.ci)\/[\w.-]+(?:\/[\w.-]+)*\/?/g;

describe('README.md and docs/architecture.md', () => {
  it('keep the two set-up commands on the README\'s first screen', () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(read('README.md'))?.[1] ?? '';
    const commands = firstBlock.trim().split('\n').map((line) => line.split('#')[0]!.trim());
    expect(commands).toEqual(['npm ci && npm start', 'npm ci && npm test']);
  });

  it('list every variable of .env.example in the README\'s configuration table', () => {
    const variables = [...read('.env.example').matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!);
    const readme = read('README.md');
    const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('## Team data'));
    const rows = table.split('\n').filter((line) => line.startsWith('| `'));
    const named = new Set(rows.flatMap((row) => [...row.split('|')[1]!.matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1]!)));
    expect(variables.length).toBeGreaterThan(5);
    expect(variables.filter((v) => !named.has(v))).toEqual([]);
  });

  it('name only files and folders that exist', () => {
    const missing: string[] = [];
    for (const doc of DOCS) {
      const text = read(doc);
      for (const [path] of text.matchAll(REPO_PATH)) {
        const trimmed = path.replace(/[.]+$/, '');
        if (!existsSync(join(ROOT, trimmed))) missing.push(`${doc}: ${trimmed}`);
      }
      // A folder table's row names its files by name alone: `core.ts` in the `src/interactions/` row.
      for (const row of text.split('\n').filter((line) => /^\| `[\w./-]+\/` \|/.test(line))) {
        const folder = /^\| `([\w./-]+\/)`/.exec(row)![1]!;
        for (const [, file] of row.matchAll(/`([\w-]+\.ts)`/g)) {
          if (!existsSync(join(ROOT, folder, file!))) missing.push(`${doc}: ${folder}${file}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
