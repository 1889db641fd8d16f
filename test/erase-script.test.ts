/**
 * `npm run db:erase -- --guild <id>`, as an operator runs it for a server that has removed Tierbot:
 * it erases that server's house definition, terms, plans and record in the database DATABASE_URL
 * names, says what it erased, leaves every other server whole, refuses arguments it does not take
 * (exit 2, nothing touched), refuses a DATABASE_URL that names no Tierbot database without creating
 * or migrating one (exit 1), leaves no older copy of the erased text in the SQLite file or its log
 * and says so, or says when another process kept it there (a run again then clears it, and says
 * so), and never prints a Postgres password.
 */

import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'libsql';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, runMigrations } from '../src/store/index';
import { describeOnPostgres, dropSchema, newSchemaName } from './support/postgres';
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
      `SQLite ${database}: erased server ${G1}: the house definition, 2 team terms, 1 saved plan and Tierbot’s record of the server (its id, and when a command that changes team settings was first used there).\n` +
        'Older copies of the erased data were cleared from the file and its -wal file.\n',
    );
    const again = await erase(['--guild', G1], { DATABASE_URL: database });
    expect(again).toMatchObject({
      code: 0,
      out: `SQLite ${database}: server ${G1} has nothing stored; nothing was erased.\nAny older copies of erased data were cleared from the file and its -wal file.\n`,
    });

    const after = await openStore(database, { ttlMs: 0 });
    try {
      expect(await after.serverData(G1)).toMatchObject({ recorded: false, house: false, terms: 0, plans: 0 });
      expect(await after.serverData(G2)).toMatchObject({ recorded: true, house: true, terms: 2, plans: 1 });
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
      [['--guild', '123456789012345678901'], '--guild needs a server id, at most 20 digits; "123456789012345678901" has 21.'],
      [['--guild', G1, '--guild', G2], '--guild is given 2 times: this erases one server per run. Run it once for each server.'],
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

/** Whether `text` is anywhere in the SQLite database's files: the file itself and its write-ahead log. */
const onDisk = (path: string, text: string) => [path, `${path}-wal`].some((file) => existsSync(file) && readFileSync(file).includes(Buffer.from(text, 'utf8')));

describe('npm run db:erase never creates or migrates a database', () => {
  const refusal = (database: string, reason: string) =>
    `${database}: ${reason}; nothing was erased. Check DATABASE_URL: db:erase erases from the database the bot uses, and never creates or migrates one.\n`;

  it('a SQLite path where there is no file (a typo): exit 1, and neither the file nor its folder is made', { timeout: 60_000 }, async () => {
    const folder = join(scratchDir('tierbot-erase-typo-'), 'dat');
    const database = join(folder, 'tierbot.sqlite');
    const result = await erase(['--guild', G1], { DATABASE_URL: database });
    expect(result).toEqual({ code: 1, out: '', err: refusal(`SQLite ${database}`, 'there is no database file at that path') });
    expect(existsSync(folder)).toBe(false);
  });

  it('a SQLite file that is not Tierbot’s (empty, or another program’s): exit 1, and the file is left byte for byte', { timeout: 60_000 }, async () => {
    const dir = scratchDir('tierbot-erase-other-');
    const empty = join(dir, 'empty.sqlite');
    writeFileSync(empty, '');
    const other = join(dir, 'other.sqlite');
    const raw = new Database(other);
    raw.exec('create table notes (body text)');
    raw.exec("insert into notes values ('kept')");
    raw.close();
    for (const [database, reason] of [
      [empty, 'it has no Tierbot tables'],
      [other, 'it has no Tierbot tables'],
    ] as const) {
      const before = readFileSync(database);
      const result = await erase(['--guild', G1], { DATABASE_URL: database });
      expect(result).toEqual({ code: 1, out: '', err: refusal(`SQLite ${database}`, reason) });
      expect(readFileSync(database).equals(before), database).toBe(true);
      expect(existsSync(`${database}-wal`)).toBe(false);
    }
  });

  it('text removed before secure_delete was on (an older version’s file) is in neither the file nor its log after the erase', { timeout: 60_000 }, async () => {
    const database = join(scratchDir('tierbot-erase-old-'), 'settings.sqlite');
    await (await openStore(database, { ttlMs: 0 })).close();
    // An earlier bot: the same tables, secure_delete at SQLite's default (off); a term added and removed.
    const raw = new Database(database);
    expect(raw.pragma('secure_delete')).toMatchObject([{ secure_delete: 0 }]);
    const removedEarlier = 'zqxv-removed-before-secure-delete';
    for (let i = 0; i < 20; i++) {
      raw.prepare("insert into terms values (?, ?, ?, ?, null, null, null, '1', 'a', 't', '1', 'a', 't')").run(G1, `k${i}`, `n${i}`, `${removedEarlier} ${i} ${'y'.repeat(300)}`);
    }
    raw.prepare('delete from terms where guild_id = ?').run(G1);
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    expect(onDisk(database, removedEarlier)).toBe(true);
    const store = await openStore(database, { ttlMs: 0 });
    await store.addTerm(G2, { name: 'CPM', definition: 'kept definition', addedById: '1', addedByName: 'a', updatedAt: AT });
    await store.close();

    const result = await erase(['--guild', G1], { DATABASE_URL: database });
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(onDisk(database, removedEarlier)).toBe(false);
    expect(onDisk(database, 'kept definition')).toBe(true);
  });

  it('another process reading the database meanwhile: the erase stands, and a note says older copies remain in the log and how they go', { timeout: 60_000 }, async () => {
    const database = join(scratchDir('tierbot-erase-busy-'), 'settings.sqlite');
    const store = await openStore(database, { ttlMs: 0 });
    const secret = 'zqxv-erased-while-read';
    await store.addTerm(G1, { name: 'gone', definition: secret, addedById: '1', addedByName: 'a', updatedAt: AT });
    await store.addTerm(G2, { name: 'kept', definition: 'kept definition', addedById: '1', addedByName: 'a', updatedAt: AT });
    await store.close();
    // A reader holding a snapshot from before the erase (as the bot does while it reads).
    const reader = new Database(database);
    try {
      reader.exec('begin');
      reader.prepare('select count(*) from terms').get();
      const result = await erase(['--guild', G1], { DATABASE_URL: database });
      expect(result.code).toBe(0);
      expect(result.err).toBe('');
      expect(result.out).toBe(
        `SQLite ${database}: erased server ${G1}: 1 team term and Tierbot’s record of the server (its id, and when a command that changes team settings was first used there).\n` +
          'Note: another process (the bot, most likely) was using the database, so SQLite could not yet copy its log into the file and empty it: ' +
          'until it does, older copies of the erased data can remain on disk in that file and its -wal file. The erase stands. ' +
          `SQLite does this when the last process using the database closes it (the bot stopping); to do it now, stop the bot and run npm run db:erase -- --guild ${G1} again.\n`,
      );
      expect(onDisk(database, secret)).toBe(true);
    } finally {
      reader.exec('commit');
      reader.close();
    }
    // Run again with nothing else reading, as the note asks: nothing left to erase, and the copies go, as it says.
    const again = await erase(['--guild', G1], { DATABASE_URL: database });
    expect(again).toEqual({
      code: 0,
      err: '',
      out: `SQLite ${database}: server ${G1} has nothing stored; nothing was erased.\nAny older copies of erased data were cleared from the file and its -wal file.\n`,
    });
    expect(onDisk(database, secret)).toBe(false);
    expect(onDisk(database, 'kept definition')).toBe(true);
  });
});

describeOnPostgres('npm run db:erase on Postgres', (url) => {
  const schemas: string[] = [];
  afterAll(async () => {
    for (const schema of schemas) await dropSchema(url, schema);
  });
  /** A schema of its own, made empty; DATABASE_URL names the test database with that schema in use. */
  async function emptySchema(): Promise<{ schema: string; databaseUrl: string }> {
    const schema = newSchemaName();
    schemas.push(schema);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`create schema "${schema}"`);
    } finally {
      await client.end();
    }
    const databaseUrl = `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    return { schema, databaseUrl };
  }
  async function tablesIn(schema: string): Promise<string[]> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<{ name: string }>('select table_name as name from information_schema.tables where table_schema = $1', [schema])).rows.map((r) => r.name);
    } finally {
      await client.end();
    }
  }

  it('a database without Tierbot’s tables: exit 1, and no table is created', { timeout: 60_000 }, async () => {
    const { schema, databaseUrl } = await emptySchema();
    const result = await erase(['--guild', G1], { DATABASE_URL: databaseUrl });
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toMatch(/^Postgres [^ ]+: it has no Tierbot tables; nothing was erased\. Check DATABASE_URL: db:erase erases from the database the bot uses, and never creates or migrates one\.\n$/);
    expect(await tablesIn(schema)).toEqual([]);
  });

  it('a Tierbot database: erases the server, the other kept', { timeout: 60_000 }, async () => {
    const { schema, databaseUrl } = await emptySchema();
    await runMigrations(url, { schema });
    const store = await openStore(url, { ttlMs: 0, schema });
    for (const g of [G1, G2]) await store.addTerm(g, { name: 'CPM', definition: 'CPM means', addedById: '1', addedByName: 'a', updatedAt: AT });
    try {
      const result = await erase(['--guild', G1], { DATABASE_URL: databaseUrl });
      expect(result).toMatchObject({ code: 0, err: '' });
      expect(result.out).toContain(`: erased server ${G1}: 1 team term and Tierbot’s record of the server`);
      // Postgres has no -wal file: nothing is said of one.
      expect(result.out).not.toContain('-wal');
      expect(await store.serverData(G1)).toMatchObject({ recorded: false, house: false, terms: 0, plans: 0 });
      expect(await store.serverData(G2)).toMatchObject({ recorded: true, house: false, terms: 1, plans: 0 });
    } finally {
      await store.close();
    }
  });
});
