/**
 * Relative paths in the CLI and the playground are the user's: npm runs both from the project's
 * folder, so a `file:` option and `--out DIR` are read from the folder npm was run in (INIT_CWD),
 * else from the process's own. A missing file is named by the full path looked at.
 */

import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { typeInPlayground } from './support/playground';
import { scratchDir } from './support/scratch';

const PROJECT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURES = fileURLToPath(new URL('./fixtures/roster', import.meta.url));
const CLI = join(PROJECT, 'src/cli/cli.ts');

/** The environment without INIT_CWD (which `npm test` itself sets), plus `env`. */
function environment(dir: string, env: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { INIT_CWD: _initCwd, ...rest } = process.env;
  return { ...rest, DATABASE_URL: join(dir, 'cli.sqlite'), ...env };
}

/** `npm run -s cli -- <args>` as npm runs it: from `cwd` (the project's folder unless given). */
function cli(args: string[], opts: { env?: Record<string, string>; cwd?: string } = {}): Promise<{ code: number; stdout: string }> {
  const dir = scratchDir('tierbot-cli-paths-');
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: opts.cwd ?? PROJECT, env: environment(dir, opts.env), timeout: 60_000 }, (err, stdout) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout });
    });
  });
}

describe('npm run -s cli from a subfolder', () => {
  it('reads file: relative to the folder npm was run in', async () => {
    const { code, stdout } = await cli(['/roster', 'file:team.tsv'], { env: { INIT_CWD: FIXTURES } });
    expect(stdout).toContain('Roster: 3 creators by tier');
    expect(stdout).toContain('Read “team.tsv”');
    expect(code).toBe(0);
  }, 60_000);

  it('writes --out DIR relative to that folder too', async () => {
    const work = scratchDir('tierbot-cli-init-cwd-');
    copyFileSync(join(FIXTURES, 'team.tsv'), join(work, 'team.tsv'));
    const { code, stdout } = await cli(['/roster', 'file:team.tsv', '--out', 'results'], { env: { INIT_CWD: work } });
    expect(code).toBe(0);
    expect(stdout).toContain(`[file: ${join(work, 'results', 'roster-tiers.csv')}]`);
    expect(readFileSync(join(work, 'results', 'roster-tiers.csv'), 'utf8')).toContain('consensus_tier');
    expect(existsSync(join(PROJECT, 'results'))).toBe(false);
  }, 60_000);

  it('names the full path it looked at when there is no such file, exit 2', async () => {
    const { code, stdout } = await cli(['/roster', 'file:missing.csv'], { env: { INIT_CWD: FIXTURES } });
    expect(code).toBe(2);
    expect(stdout).toContain(`There is no file at ${join(FIXTURES, 'missing.csv')}.`);
    const folder = await cli(['/roster', 'file:.'], { env: { INIT_CWD: FIXTURES } });
    expect(folder.code).toBe(2);
    expect(folder.stdout).toContain(`${FIXTURES} is a folder; give the path of a file in it.`);
  }, 60_000);

  it('without INIT_CWD, reads relative to the working directory', async () => {
    const { code, stdout } = await cli(['/roster', 'file:team.tsv'], { cwd: FIXTURES });
    expect(stdout).toContain('Roster: 3 creators by tier');
    expect(code).toBe(0);
  }, 60_000);
});

describe('the playground from a subfolder', () => {
  it('uploads file: relative to the folder npm was run in, and names the full path of a missing one', async () => {
    const dir = scratchDir('tierbot-playground-paths-');
    const output = await typeInPlayground(dir, ['/roster file:team.tsv', '/roster file:missing.csv'], { INIT_CWD: FIXTURES });
    expect(output).toContain('Roster: 3 creators by tier');
    expect(output).toContain(`There is no file at ${join(FIXTURES, 'missing.csv')}.`);
  }, 60_000);
});
