/**
 * `npm run db:erase -- --guild <id>`, as an operator runs it for a server that has removed Tierbot:
 * it erases that server's house definition, terms, plans and record in the database DATABASE_URL
 * names, says what it erased, leaves every other server whole, refuses arguments it does not take
 * (exit 2, nothing touched), and never prints a Postgres password.
 */

import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../src/store/index';
import { scratchDir } from './support/scratch';

const G1 = '200000000000000051';
const G2 = '200000000000000052';
const AT = new Date('2026-12-06T12:00:00Z');

function erase(args: string[], env: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) =>
    execFile(process.execPath, ['--import', 'tsx', 'src/store/erase-cli.ts', ...args], { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 60_000 }, (err, out, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code) : 0, out, err: stderr }),
    ),
  );
}

describe('npm run db:erase', () => {
  it('erases one server’s data and says what it erased; the other server keeps all of its own', { timeout: 60_000 }, async () => {
    const database = join(scratchDir('tierbot-erase-script-'), 'settings.sqlite');
    const store = await openStore(database, { ttlMs: 0 });
    for (const g of [G1, G2]) {
      await store.setHouse(g, { text: 'nano 1k-10k, micro 10k+', setById: '1', setByName: 'a', setAt: AT });
      for (const name of ['CPM', 'UGC']) await store.addTerm(g, { name, definition: `${name} means`, addedById: '1', addedByName: 'a', updatedAt: AT });
      await store.savePlan(g, { name: 'q1', inputs: { budget: '5000' }, savedById: '1', savedByName: 'a', savedAt: AT });
    }
    await store.close();

    const done = await erase(['--guild', G1], { DATABASE_URL: database });
    expect(done).toMatchObject({ code: 0, err: '' });
    expect(done.out).toBe(
      `SQLite ${database}: erased server ${G1}: its house definition, 2 team terms, 1 saved plan and Tierbot's record of the server (its id and when it first saved a setting).\n`,
    );
    const again = await erase(['--guild', G1], { DATABASE_URL: database });
    expect(again).toMatchObject({ code: 0, out: `SQLite ${database}: server ${G1} has nothing stored; nothing was erased.\n` });

    const after = await openStore(database, { ttlMs: 0 });
    try {
      expect(await after.serverData(G1)).toEqual({ recorded: false, house: false, terms: 0, plans: 0 });
      expect(await after.serverData(G2)).toEqual({ recorded: true, house: true, terms: 2, plans: 1 });
    } finally {
      await after.close();
    }
  });

  it('--help prints the usage; a missing or non-numeric --guild, a word more or an unknown option exits 2 with the usage and touches nothing', { timeout: 120_000 }, async () => {
    const database = join(scratchDir('tierbot-erase-args-'), 'settings.sqlite');
    const env = { DATABASE_URL: database };
    const help = await erase(['--help'], env);
    expect(help.code).toBe(0);
    expect(help.out).toContain('Usage: npm run db:erase -- --guild <server id>');
    for (const [args, reason] of [
      [[], 'Give the server to erase with --guild ID.'],
      [['--guild', '12ab'], '--guild needs a server id, digits only; "12ab" is not one.'],
      [['--guild', '123456789012345678901'], 'is not one'],
      [['--guild'], "Option '--guild <value>' argument missing"],
      [['--guild', G1, 'now'], "Unexpected argument 'now'"],
      [['--guild', G1, '--all'], "Unknown option '--all'"],
    ] as const) {
      const result = await erase([...args], env);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err, args.join(' ')).toContain(reason);
      expect(result.err).toContain('Usage: npm run db:erase');
      expect(result.out).toBe('');
    }
    expect(existsSync(database)).toBe(false);
  });

  it('a database that cannot be reached: exit 1, the reason, and the URL’s password never printed', { timeout: 60_000 }, async () => {
    const result = await erase(['--guild', G1], { DATABASE_URL: 'postgres://tierbot:s3cret-pass@127.0.0.1:1/tierbot' });
    expect(result.code).toBe(1);
    expect(result.err).toContain('Postgres 127.0.0.1:1/tierbot: nothing was erased: ');
    expect(result.err).toContain('ECONNREFUSED');
    expect(`${result.out}${result.err}`).not.toContain('s3cret-pass');
  });
});
