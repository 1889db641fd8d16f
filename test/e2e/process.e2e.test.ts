/**
 * The bot as a real process (`src/bot.ts`, as `npm start` runs it) against the stand-in:
 * graceful shutdown in the middle of a burst, and a token that never leaks.
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { createServer as createHttpServer, request as httpRequest, type IncomingMessage } from 'node:http';
import { connect, createServer, type AddressInfo } from 'node:net';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startStandIn, type StandIn } from '../../tools/standin/server';
import { answerOf } from './harness';
import { freePort } from '../support/ports';
import { scratchDir } from '../support/scratch';

/**
 * For the burst tests, which are about losing and duplicating, not speed (that is `npm run bench`):
 * with other test files running beside them on a slow machine, a few answers can miss Discord's
 * 3 s, and the stand-in would refuse them as Discord does. So there it waits 30 s.
 */
const NO_ACK_DEADLINE = { ackTimeoutMs: 30_000 };

const TOKEN = `MTAwMDAwMDAwMDAwMDAwMDAx.GQwRtY.${'a1B2c3D4e5'.repeat(3)}xyzXYZab`;

let standIn: StandIn | undefined;
let child: ChildProcess | undefined;
afterEach(async () => {
  child?.kill('SIGKILL');
  await standIn?.close();
  standIn = child = undefined;
});

const database = () => join(scratchDir('tierbot-process-'), 'bot.sqlite');

function startBotProcess(env: Record<string, string>, entry = 'src/bot.ts') {
  return watched(spawn(process.execPath, ['--import', 'tsx', entry], { env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'debug', DATABASE_URL: database(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] }));
}

/** The bot as an operator's process manager starts it: `npm run <script>`, npm in front. */
function startNpmScript(script: string, env: Record<string, string>) {
  const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), LOG_LEVEL: 'debug', DATABASE_URL: database() };
  return watched(spawn('npm', ['run', '-s', script], { env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] }));
}

function watched(proc: ChildProcess) {
  let output = '';
  proc.stdout!.on('data', (d) => (output += d));
  proc.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<{ code: number | null; at: number }>((resolve) => proc.on('exit', (code) => resolve({ code, at: Date.now() })));
  return { proc, exited, output: () => output };
}

/** Resolves when the stand-in (in this process) starts on a request whose path includes `part`. */
function requestArrives(part: string): Promise<void> {
  return new Promise((resolve) => {
    const onStart = (message: unknown) => {
      if (!(message as { request: IncomingMessage }).request.url?.includes(part)) return;
      unsubscribe('http.server.request.start', onStart);
      resolve();
    };
    subscribe('http.server.request.start', onStart);
  });
}

/**
 * The bot in the middle of login: discord.js asks where the gateway is before it connects, and
 * the stand-in holds that answer for `holdMs`.
 */
async function botLoggingIn(holdMs: number) {
  standIn = await startStandIn({ token: TOKEN });
  standIn.faults.delayNext('/gateway/bot', holdMs);
  const loggingIn = requestArrives('/gateway/bot');
  const bot = startBotProcess({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: standIn.apiUrl });
  child = bot.proc;
  await loggingIn;
  return bot;
}

/**
 * Between the bot and the stand-in's REST API: passes every request on, except the first
 * interaction callback and the first edit of an original response, whose connections it closes
 * unanswered, as a server closes an idle kept-alive connection just as the client sends on it.
 */
async function closingTheFirstAnswers(apiUrl: string) {
  const target = new URL(apiUrl);
  const toClose = new Map([
    ['callback', (req: IncomingMessage) => req.method === 'POST' && /\/callback(\?|$)/.test(req.url ?? '')],
    ['edit', (req: IncomingMessage) => req.method === 'PATCH' && /\/messages\/(@|%40)original(\?|$)/.test(req.url ?? '')],
  ]);
  const closed: string[] = [];
  const server = createHttpServer((req, res) => {
    const kind = [...toClose].find(([, matches]) => matches(req))?.[0];
    if (kind) {
      toClose.delete(kind);
      closed.push(kind);
      req.resume();
      req.on('end', () => req.socket.end());
      return;
    }
    const passedOn = httpRequest({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(passedOn);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}${target.pathname}`,
    closed: () => closed,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('the bot process', () => {
  it('stopped while it logs in, finishes logging in, stops and exits 0', async () => {
    const bot = await botLoggingIn(1500);
    bot.proc.kill('SIGTERM');
    const { code } = await bot.exited;
    expect(code).toBe(0);
    expect(bot.output()).toMatch(/"signal":"SIGTERM".*shutting down/);
    expect(bot.output()).toMatch(/"msg":"ready"/);
  }, 40_000);

  it('stopped while a login hangs, exits 1 by its deadline and says why', async () => {
    const bot = await botLoggingIn(30_000);
    const signalledAt = Date.now();
    bot.proc.kill('SIGTERM');
    const { code, at } = await bot.exited;
    expect(code).toBe(1);
    expect(at - signalledAt).toBeGreaterThanOrEqual(7500);
    expect(at - signalledAt).toBeLessThan(15_000);
    expect(bot.output()).toMatch(/not stopped in time/);
  }, 40_000);

  it('on SIGTERM mid-burst answers what is in flight, closes the client and exits 0 within 5 s', async () => {
    standIn = await startStandIn({ token: TOKEN, ...NO_ACK_DEADLINE });
    const bot = startBotProcess({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: standIn.apiUrl });
    child = bot.proc;
    await standIn.waitForReady(20_000);
    const records = Array.from({ length: 200 }, (_, i) =>
      i % 2 ? standIn!.sendCommand('glossary', { term: 'cpe' }) : standIn!.sendCommand('tiers', { source: 'mediakix' }),
    );
    await new Promise((r) => setTimeout(r, 20));
    const signalledAt = Date.now();
    bot.proc.kill('SIGTERM');
    const { code, at } = await bot.exited;
    expect(code).toBe(0);
    expect(at - signalledAt).toBeLessThan(5000);
    const answered = await Promise.all(records.map((r) => standIn!.waitForAnswer(r, 1000).then(() => true, () => false)));
    expect(answered.filter((a) => !a)).toHaveLength(0);
    for (const r of records) expect(r.callbacks).toHaveLength(1);
  }, 40_000);

  it('answers a burst of 1,000 interactions: none lost, none duplicated, none acknowledged twice', async () => {
    standIn = await startStandIn({ token: TOKEN, ...NO_ACK_DEADLINE });
    const bot = startBotProcess({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: standIn.apiUrl, LOG_LEVEL: 'warn' });
    child = bot.proc;
    await standIn.waitForReady(20_000);
    const s = standIn;
    const kinds = [
      (i: number) => s.sendCommand('tier', { followers: String(i * 1237) }),
      () => s.sendCommand('tiers', {}),
      () => s.sendCommand('glossary', { term: 'cpe' }),
      () => s.sendCommand('compare', { budget: '5k' }),
      () => s.sendAutocomplete('tiers', 'source', 'medi'),
    ];
    const records = Array.from({ length: 1000 }, (_, i) => kinds[i % kinds.length]!(i));
    const answered = await Promise.all(records.map((r) => s.waitForAnswer(r, 30_000)));
    expect(new Set(answered.map((r) => r.id)).size).toBe(1000);
    for (const r of answered) expect(r.callbacks, r.id).toHaveLength(1);
    // Neither Discord's "unknown interaction" (too late) nor "already acknowledged" (twice), nor any refused body.
    expect(s.requests.filter((r) => r.status >= 400)).toEqual([]);
    bot.proc.kill('SIGTERM');
    expect((await bot.exited).code).toBe(0);
    expect(bot.output()).not.toMatch(/"level":50/);
  }, 60_000);

  it('sends a callback or an edit again when Discord closes the connection under it unanswered: the user gets the answer, no error', async () => {
    standIn = await startStandIn({ token: TOKEN });
    const proxy = await closingTheFirstAnswers(standIn.apiUrl);
    try {
      const bot = startBotProcess({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: proxy.apiUrl, LOG_LEVEL: 'warn' });
      child = bot.proc;
      await standIn.waitForReady(20_000);
      const record = await standIn.waitForAnswer(standIn.sendCommand('tier', { followers: '30000' }), 15_000);
      expect(proxy.closed()).toEqual(['callback', 'edit']);
      expect(record.callbacks.map((c) => c.type)).toEqual([5]); // deferred for the chart, then edited
      expect(record.edits).toHaveLength(1);
      expect(answerOf(record).body.embeds[0].title).toContain('30,000');
      bot.proc.kill('SIGTERM');
      expect((await bot.exited).code).toBe(0);
      expect(bot.output()).not.toMatch(/"level":50/);
    } finally {
      await proxy.close();
    }
  }, 40_000);

  it('never writes the token: not in logs at debug level, not in an error reply, not when it crashes', async () => {
    standIn = await startStandIn({ token: TOKEN });
    const bot = startBotProcess({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: standIn.apiUrl });
    child = bot.proc;
    await standIn.waitForReady(20_000);
    // The commands load on the first interaction; on a slow machine that one is deferred while
    // they load, and the defer, not the answer, would meet the failures.
    await standIn.waitForAnswer(standIn.sendCommand('glossary', { term: 'cpe' }), 15_000);
    for (let i = 0; i < 4; i++) standIn.faults.failNext('/callback', 500);
    const failed = await standIn.waitForAnswer(standIn.sendCommand('glossary', { term: 'cpe' }), 10_000);
    const reply = JSON.stringify(failed.callbacks);
    expect(reply).toMatch(/error id/);
    bot.proc.kill('SIGTERM');
    await bot.exited;
    expect(bot.output()).toMatch(/\/glossary failed/);
    expect(bot.output()).not.toContain(TOKEN);
    expect(reply).not.toContain(TOKEN);

    // A token the server refuses: login fails and the process exits with a reason, still without the token.
    const refused = startBotProcess({ DISCORD_TOKEN: `${TOKEN}x`, DISCORD_API_URL: standIn.apiUrl });
    child = refused.proc;
    expect((await refused.exited).code).toBe(1);
    expect(refused.output()).toMatch(/could not start/);
    expect(refused.output()).not.toContain(TOKEN);

    // A malformed token: a one-line configuration error that does not echo it.
    const malformed = startBotProcess({ DISCORD_TOKEN: `${TOKEN} extra`, DISCORD_API_URL: standIn.apiUrl });
    child = malformed.proc;
    expect((await malformed.exited).code).toBe(1);
    expect(malformed.output().trim().split('\n')).toHaveLength(1);
    expect(malformed.output()).toMatch(/DISCORD_TOKEN/);
    expect(malformed.output()).not.toContain(TOKEN);
  }, 60_000);
});

describe('the playground (npm start without a token)', () => {
  it('uploads a local file for an attachment option, as Discord would, and says so when there is none', async () => {
    const dir = scratchDir('tierbot-playground-');
    const roster = join(dir, 'team.csv');
    writeFileSync(roster, 'name,followers\nAna,45000\nBo,1200000\n');
    const proc = spawn(process.execPath, ['--import', 'tsx', 'src/bot.ts'], {
      env: { PATH: process.env.PATH ?? '', DISCORD_TOKEN: '', DATABASE_URL: join(dir, 'bot.sqlite') },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child = proc;
    let output = '';
    proc.stdout!.on('data', (d) => (output += d));
    proc.stderr!.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => proc.on('exit', resolve));
    proc.stdin!.end(`/roster file:${roster}\n/roster file:${join(dir, 'missing.csv')}\nexit\n`);
    expect(await exited).toBe(0);
    expect(output).toContain('Roster: 2 creators by tier');
    expect(output).toContain(`There is no file at ${join(dir, 'missing.csv')}.`);
    expect(output).not.toContain('Unexpected options');
  }, 60_000);
});

describe('the port a test gives an HTTP process', () => {
  const ephemeralRange = '/proc/sys/net/ipv4/ip_local_port_range';
  it.skipIf(!existsSync(ephemeralRange))('is free, and not one the system may hand an outgoing connection before the process listens', async () => {
    const [lowestEphemeral] = readFileSync(ephemeralRange, 'utf8').trim().split(/\s+/).map(Number);
    const ports = await Promise.all(Array.from({ length: 20 }, () => freePort()));
    for (const port of ports) expect(port).toBeLessThan(lowestEphemeral!);
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(ports[0], '127.0.0.1', resolve));
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});

describe('npm run start:http (src/http/main.ts)', () => {
  it('needs no token: answers signed interactions, serves health, and on SIGTERM fails readiness, drains and exits 0', async () => {
    const port = await freePort();
    standIn = await startStandIn({ token: TOKEN, interactionsEndpoint: `http://127.0.0.1:${port}/interactions`, ...NO_ACK_DEADLINE });
    const bot = startBotProcess({ PORT: String(port), HOST: '127.0.0.1', DISCORD_PUBLIC_KEY: standIn.publicKey, DISCORD_API_URL: standIn.apiUrl }, 'src/http/main.ts');
    child = bot.proc;
    await standIn.waitForReady(20_000);
    const record = await standIn.waitForAnswer(standIn.sendCommand('tier', { followers: '30000' }), 15_000);
    expect(answerOf(record).body.embeds[0].title).toContain('30,000');
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    const burst = Array.from({ length: 200 }, () => standIn!.sendCommand('glossary', { term: 'cpe' }));
    // The signal comes once the process is answering the burst, with most of it still unanswered.
    await Promise.race(burst.map((r) => standIn!.waitForDelivery(r, 15_000)));
    const inFlight = burst.filter((r) => r.endpointStatus === undefined && r.endpointError === undefined);
    bot.proc.kill('SIGTERM');
    expect((await bot.exited).code).toBe(0);
    await Promise.all(burst.map((r) => standIn!.waitForDelivery(r, 5000)));
    // It drained: the requests still unanswered when the signal came were answered, each once, as the rest were.
    expect(inFlight.length).toBeGreaterThan(0);
    const unanswered = burst.filter((r) => !(r.endpointStatus === 200 && r.callbacks.length === 1));
    expect(unanswered.map((r) => r.endpointError ?? `${r.endpointStatus} with ${r.callbacks.length} callbacks`)).toEqual([]);
    expect(bot.output()).not.toContain(TOKEN);
  }, 60_000);

  it('on SIGTERM answers every request whose connection the kernel had already queued: none is reset at the door', async () => {
    const port = await freePort();
    standIn = await startStandIn({ token: TOKEN, interactionsEndpoint: `http://127.0.0.1:${port}/interactions`, ...NO_ACK_DEADLINE });
    const bot = startBotProcess({ PORT: String(port), HOST: '127.0.0.1', DISCORD_PUBLIC_KEY: standIn.publicKey, DISCORD_API_URL: standIn.apiUrl, LOG_LEVEL: 'info' }, 'src/http/main.ts');
    child = bot.proc;
    await standIn.waitForReady(20_000);
    await standIn.waitForAnswer(standIn.sendCommand('tiers', {}), 15_000);

    // As nginx sends them: one connection per request, the whole request written at once. Enough
    // of them that the process is still working through its accept queue when the signal comes.
    const commands = [['tiers', []], ['glossary', [{ name: 'term', type: 3, value: 'cpe' }]], ['tier', [{ name: 'followers', type: 3, value: '30000' }]]] as const;
    const sent = Array.from({ length: 200 }, (_, i) => {
      const [name, options] = commands[i % commands.length]!;
      const id = String(((BigInt(Date.now()) - 1420070400000n) << 22n) + BigInt(i));
      const body = JSON.stringify({ id, application_id: standIn!.applicationId, type: 2, token: `queued-${i}`, version: 1, data: { id: '2', name, type: 1, options }, user: { id: '3', username: 'u' } });
      const head = Object.entries({ ...standIn!.sign(body), 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)), Connection: 'close' });
      const socket = connect(port, '127.0.0.1');
      let response = '';
      socket.on('data', (chunk) => (response += chunk.toString()));
      const written = new Promise<void>((resolve) => socket.once('connect', () => socket.write(`POST /interactions HTTP/1.1\r\nHost: 127.0.0.1\r\n${head.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n${body}`, () => resolve())));
      const ended = new Promise<string>((resolve) => {
        socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
        socket.once('close', () => resolve(response.split(' ')[1] ?? 'no answer'));
      });
      return { written, ended };
    });
    await Promise.all(sent.map((s) => s.written));
    bot.proc.kill('SIGTERM');
    const outcomes = await Promise.all(sent.map((s) => s.ended));
    expect((await bot.exited).code).toBe(0);
    const counts: Record<string, number> = {};
    for (const outcome of outcomes) counts[outcome] = (counts[outcome] ?? 0) + 1;
    expect(counts).toEqual({ 200: 200 });
  }, 60_000);

  it('started with npm, as the README says: SIGTERM sent to npm reaches Tierbot, which drains and exits 0', async () => {
    const port = await freePort();
    standIn = await startStandIn({ token: TOKEN, interactionsEndpoint: `http://127.0.0.1:${port}/interactions`, ...NO_ACK_DEADLINE });
    const bot = startNpmScript('start:http', { PORT: String(port), HOST: '127.0.0.1', DISCORD_PUBLIC_KEY: standIn.publicKey, DISCORD_API_URL: standIn.apiUrl });
    child = bot.proc;
    await standIn.waitForReady(20_000);
    bot.proc.kill('SIGTERM');
    expect((await bot.exited).code).toBe(0);
    expect(bot.output()).toContain('"signal":"SIGTERM","msg":"shutting down"');
    // Nothing left behind listening: npm's child stopped with it.
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  }, 60_000);

  it('exits 1 with a reason in words when it cannot listen: PORT in use, HOST not on this machine', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as AddressInfo).port;
    const key = 'ab'.repeat(32);
    try {
      const inUse = startBotProcess({ PORT: String(port), HOST: '127.0.0.1', DISCORD_PUBLIC_KEY: key }, 'src/http/main.ts');
      child = inUse.proc;
      expect((await inUse.exited).code).toBe(1);
      expect(inUse.output()).toContain('Tierbot could not start: PORT is already in use by another process');
      const elsewhere = startBotProcess({ PORT: String(port), HOST: '192.0.2.1', DISCORD_PUBLIC_KEY: key }, 'src/http/main.ts');
      child = elsewhere.proc;
      expect((await elsewhere.exited).code).toBe(1);
      expect(elsewhere.output()).toContain('Tierbot could not start: HOST is not an address of this machine');
      expect(elsewhere.output()).not.toContain('192.0.2.1');
    } finally {
      busy.close();
    }
  }, 60_000);

  it('without DISCORD_PUBLIC_KEY, exits 1 saying what is missing', async () => {
    const bot = startBotProcess({}, 'src/http/main.ts');
    child = bot.proc;
    expect((await bot.exited).code).toBe(1);
    expect(bot.output()).toMatch(/DISCORD_PUBLIC_KEY/);
  }, 30_000);
});
