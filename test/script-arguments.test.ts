/**
 * The operators' scripts check their arguments before doing anything: `npm run bench` takes
 * minutes and `npm run db:migrate` changes a database, so `--help` prints the usage, and an
 * argument they do not know (a typo such as `--jsn`) stops them at once with the reason.
 * (deploy-commands: test/e2e/deploy.e2e.test.ts.)
 */

import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchDir } from './support/scratch';

function script(entry: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) =>
    execFile(process.execPath, ['--import', 'tsx', entry, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 60_000 }, (err, out, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code) : 0, out, err: stderr }),
    ),
  );
}

const bench = (...args: string[]) => script('bench/run.ts', args);

describe('npm run bench arguments', () => {
  it('--help prints the usage of both modes and exits 0', async () => {
    const { code, out } = await bench('--help');
    expect(code).toBe(0);
    expect(out).toContain('Usage: npm run bench -- [--json] [--mode gateway|http]');
    expect(out).toContain('--concurrency=32');
  }, 60_000);

  it('stops with exit 2 and the reason on an unknown argument, an option of the other mode, or a value out of range', async () => {
    expect(await bench('--jsn')).toMatchObject({ code: 2, err: expect.stringContaining("Unknown option '--jsn'") });
    expect(await bench('--burst=5')).toMatchObject({ code: 2, err: expect.stringContaining('--burst applies to --mode http only') });
    expect(await bench('--mode', 'http', '--calibrate')).toMatchObject({ code: 2, err: expect.stringContaining('--calibrate applies to --mode gateway only') });
    expect(await bench('--mode', 'fast')).toMatchObject({ code: 2, err: expect.stringContaining('--mode must be gateway or http') });
    expect(await bench('--guilds=0')).toMatchObject({ code: 2, err: expect.stringContaining('--guilds must be a whole number from 1 to 2500') });
  }, 120_000);
});

describe('npm run db:migrate arguments', () => {
  it('--help prints the usage; an unknown argument exits 2 and creates no database', async () => {
    const database = join(scratchDir('tierbot-migrate-args-'), 'settings.sqlite');
    const help = await script('src/store/migrate-cli.ts', ['--help'], { DATABASE_URL: database });
    expect(help.code).toBe(0);
    expect(help.out).toContain('Usage: npm run db:migrate');
    expect(await script('src/store/migrate-cli.ts', ['--dry-run'], { DATABASE_URL: database })).toMatchObject({ code: 2, err: expect.stringContaining("Unknown option '--dry-run'") });
    expect(existsSync(database)).toBe(false);
  }, 60_000);
});
