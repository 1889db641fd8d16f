/**
 * The README and the documents in docs/ against the repository: every variable .env.example lists
 * is in the README's configuration table, every file or folder the documents name exists, and the
 * README's sample reply is what the bot answers.
 */

import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const DOCS = ['README.md', 'docs/commands.md', 'docs/architecture.md', 'docs/reliability.md'];

/** Paths into the repository's own folders, wherever they appear in the text. */
const REPO_PATH = /(?<![\w./-])(?:src|test|tools|bench|deploy|docs|\.ci)\/[\w.-]+(?:\/[\w.-]+)*\/?/g;

describe('the README and the documents in docs/', () => {
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

  it("show, as the README's sample reply, what the CLI prints for /tier followers:30k", async () => {
    const sample = /```text\n([\s\S]*?)```/.exec(read('README.md'))?.[1] ?? '';
    const dir = mkdtempSync(join(tmpdir(), 'tierbot-readme-'));
    try {
      const printed = await new Promise<string>((resolve, reject) => {
        execFile(process.execPath, ['--import', 'tsx', 'src/cli/cli.ts', '/tier', '30k'], { cwd: ROOT, env: { ...process.env, DATABASE_URL: join(dir, 'db.sqlite') }, timeout: 60_000 }, (err, stdout) =>
          err ? reject(err) : resolve(stdout),
        );
      });
      expect(sample.trim()).not.toBe('');
      expect(printed.trim()).toBe(sample.trim());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
