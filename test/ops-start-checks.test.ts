/**
 * What an operator sees when a start goes wrong: a SQLite DATABASE_URL SQLite cannot use stops
 * both ways in and `db:migrate` at start, with one line naming DATABASE_URL and the path; a
 * Postgres password never reaches a log line; Discord that never answers is named; a missing
 * deploy-commands setting is named alone; the HTTP endpoint logs where it really listens.
 */

import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { REST } from '@discordjs/rest';
import { afterAll, describe, expect, it } from 'vitest';
import { discordNoAnswer } from '../src/config/discord-no-answer';
import { openStore } from '../src/store';
import { freePort } from './support/ports';
import { scratchDir } from './support/scratch';

const TOKEN = `MTAwMDAwMDAwMDAwMDAwMDAx.GQwRtY.${'a1B2c3D4e5'.repeat(3)}xyzXYZab`;
const PUBLIC_KEY = 'ab'.repeat(32);
const scratch = () => scratchDir('tierbot-ops-start-');

/** Runs an entry point to its end (or kills it once `until` shows in its output); its exit code and output. */
function run(entry: string, env: Record<string, string>, until?: RegExp, args: readonly string[] = []): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], { cwd: process.cwd(), env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const read = (chunk: Buffer) => {
      output += chunk;
      if (until?.test(output)) child.kill('SIGKILL');
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

const gateway = async (databaseUrl: string) => run('src/bot.ts', { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: `http://127.0.0.1:${await freePort()}/api`, DATABASE_URL: databaseUrl });

describe('a SQLite DATABASE_URL that SQLite cannot use', () => {
  it('stops the gateway bot before it connects, though it loads the database only on the first interaction', async () => {
    const notDatabase = join(scratch(), 'notes.txt');
    writeFileSync(notDatabase, 'not a database at all');
    const refused = await gateway(notDatabase);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('Tierbot could not start: DATABASE_URL: the file is not a SQLite database');
    expect(refused.output).not.toContain(notDatabase);
    expect(refused.output).not.toContain('connecting to Discord');

    const folder = scratch();
    const isFolder = await gateway(folder);
    expect(isFolder.output).toContain('Tierbot could not start: DATABASE_URL: the path is a folder; give the path of a file in it, such as …/tierbot.sqlite');
  });

  it('stops the HTTP endpoint and db:migrate with the same words, not the library’s', async () => {
    const file = join(scratch(), 'a-file');
    writeFileSync(file, 'in the way');
    const http = await run('src/http/main.ts', { DISCORD_PUBLIC_KEY: PUBLIC_KEY, PORT: String(await freePort()), DATABASE_URL: join(file, 'tierbot.sqlite') });
    expect(http.code).toBe(1);
    expect(http.output.trim()).toBe('Tierbot could not start: DATABASE_URL: its folder cannot be created (a file is in the way)');

    const folder = scratch();
    const migrate = await run('src/store/migrate-cli.ts', { DATABASE_URL: folder });
    expect(migrate.code).toBe(1);
    expect(migrate.output.trim()).toBe('Migration failed: DATABASE_URL: the path is a folder; give the path of a file in it, such as …/tierbot.sqlite');

    const system = await run('src/store/migrate-cli.ts', { DATABASE_URL: '/proc/self/tierbot.sqlite' });
    expect(system.output).toContain('DATABASE_URL: the path is in a system folder');
  });

  it('leaves an empty file, a SQLite file and a new path in a new folder alone', async () => {
    const folder = scratch();
    writeFileSync(join(folder, 'empty.sqlite'), '');
    const fresh = join(folder, 'new', 'deeper', 'tierbot.sqlite');
    // The fresh path twice: the first run creates it, the second finds a SQLite file.
    for (const path of [join(folder, 'empty.sqlite'), fresh, fresh]) {
      const migrate = await run('src/store/migrate-cli.ts', { DATABASE_URL: path });
      expect(migrate.output, path).not.toContain('failed');
      expect(migrate.code, path).toBe(0);
    }
  });
});

describe('what the start log shows of DATABASE_URL', () => {
  it('shows the SQLite file the gateway bot uses (a path is no secret) as it starts connecting', async () => {
    const path = join(scratch(), 'bot.sqlite');
    const started = await gateway(path);
    const connecting = started.output.split('\n').find((line) => line.includes('connecting to Discord'));
    expect(connecting && JSON.parse(connecting)).toMatchObject({ database: `SQLite ${path}` });
  });

  it('refuses a Postgres URL whose unencoded "/" moves the password into the path, without echoing it', async () => {
    const http = await run('src/http/main.ts', { DISCORD_PUBLIC_KEY: PUBLIC_KEY, DATABASE_URL: 'postgres://tierbot:12345/abcSECRET@127.0.0.1:5432/tierbot' });
    expect(http.code).toBe(1);
    expect(http.output).toContain('DATABASE_URL must have any / # ? or @ in its password percent-encoded');
    expect(http.output).not.toContain('SECRET');
  });

  it('names a Postgres database by host, port and database name only, even given such a URL directly', async () => {
    const lines: string[] = [];
    const port = await freePort();
    const logger = { info: () => undefined, warn: (fields: unknown) => void lines.push(JSON.stringify(fields)), error: () => undefined };
    const store = await openStore(`postgres://tierbot:12345/abcSECRET@127.0.0.1:${port}/tierbot`, { logger, connectTimeoutMs: 300, retryAfterMs: 0 });
    await store.close();
    expect(lines.join('\n')).toContain('"database":"Postgres tierbot:12345"');
    expect(lines.join('\n')).not.toMatch(/SECRET|@/);
  });
});

describe('the HTTP endpoint’s start log', () => {
  it('says it listens on every interface for the default HOST, not on 127.0.0.1', async () => {
    const port = await freePort();
    const started = await run('src/http/main.ts', { DISCORD_PUBLIC_KEY: PUBLIC_KEY, PORT: String(port), DATABASE_URL: join(scratch(), 'http.sqlite') }, /listening for interactions/);
    const listening = started.output.split('\n').find((line) => line.includes('listening for interactions'));
    expect(listening && JSON.parse(listening)).toMatchObject({ host: '0.0.0.0', port });
  });
});

describe('deploy-commands without its settings', () => {
  it('names only the one that is missing', async () => {
    const r = await run('src/cli/deploy-commands.ts', { DISCORD_TOKEN: TOKEN });
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/^deploy-commands needs DISCORD_CLIENT_ID \(see \.env\.example\)/);
  });
});

describe('Discord that accepts the connection but never answers', () => {
  const held: Socket[] = [];
  const silent = createServer((socket) => void held.push(socket));
  afterAll(() => {
    for (const socket of held) socket.destroy();
    silent.close();
  });

  it('is named, with the address tried, when the REST client gives up (its AbortError)', async () => {
    const port = await freePort();
    await new Promise<void>((resolve) => silent.listen(port, '127.0.0.1', resolve));
    const apiUrl = `http://127.0.0.1:${port}/api`;
    const rest = new REST({ api: apiUrl, timeout: 200, retries: 1 }).setToken(TOKEN);
    const since = Date.now();
    const err = await rest.get('/gateway/bot').then(() => undefined, (e: unknown) => e);
    const waited = Date.now() - since;
    expect(discordNoAnswer(err, apiUrl, waited)).toBe(`Discord (DISCORD_API_URL ${apiUrl}) did not answer within ${Math.round(waited / 1000)} s`);
    expect(discordNoAnswer(err, undefined, 60_000)).toBe('Discord (https://discord.com/api) did not answer within 60 s');
    expect(discordNoAnswer(new Error('An invalid token was provided.'), apiUrl, 10)).toBeUndefined();
  });

  it('is named, with the address tried, when nothing listens there or the host is unknown', async () => {
    const apiUrl = `http://127.0.0.1:${await freePort()}/api`;
    const rest = new REST({ api: apiUrl, timeout: 2_000, retries: 0 }).setToken(TOKEN);
    const err = await rest.get('/gateway/bot').then(() => undefined, (e: unknown) => e);
    expect(discordNoAnswer(err, apiUrl, 10)).toBe(`Discord (DISCORD_API_URL ${apiUrl}) could not be reached (ECONNREFUSED): check the address and the network`);
    const unknownHost = Object.assign(new Error('getaddrinfo ENOTFOUND discord.com'), { code: 'ENOTFOUND' });
    expect(discordNoAnswer(unknownHost, undefined, 10)).toBe('Discord (https://discord.com/api) could not be reached (ENOTFOUND): check the address and the network');
  });
});

describe('the CLI with a SQLite DATABASE_URL it cannot use', () => {
  it('says what is wrong with the path without echoing it, as for every setting', async () => {
    const folder = scratch();
    const cli = await run('src/cli/cli.ts', { DATABASE_URL: folder }, undefined, ['/tier', '30k']);
    expect(cli.code).toBe(1);
    expect(cli.output.trim()).toBe('Could not open the settings database (DATABASE_URL): the path is a folder; give the path of a file in it, such as …/tierbot.sqlite');
    expect(cli.output).not.toContain(folder);
  });
});
