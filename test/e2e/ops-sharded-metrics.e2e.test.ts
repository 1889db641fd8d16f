/**
 * `npm run start:sharded` with METRICS_PORT: shard N serves /metrics on METRICS_PORT + N, so the
 * shards never fight over one port. A shard that cannot start makes the manager stop every shard
 * it started and exit 1: no shard is left running without its manager.
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deployCommands } from '../../src/cli/deploy-commands';
import { startStandIn, type StandIn } from '../../tools/standin/server';
import { freePort } from '../support/ports';

const TOKEN = 'sharded-metrics-token-0123456789';
const DISCORD_EPOCH = 1_420_070_400_000n;
/** One guild per shard of two: (guild_id >> 22) % 2 is 0, then 1. */
const GUILDS = [1_500_000_000_000n, 1_500_000_000_001n].map((ms) => (((ms - DISCORD_EPOCH) << 22n) | 4242n).toString());

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Whether any process of this process group is still running. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(done: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await done()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return done();
}

async function metricsStatus(port: number): Promise<number | string> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/metrics`)).status;
  } catch (err) {
    return String((err as { cause?: { code?: string } }).cause?.code ?? err);
  }
}

/** The sharding manager in a process group of its own, so that the test can see every shard it left. */
async function startSharded(metricsPort: number): Promise<{ proc: ChildProcess; exited: Promise<number | null>; output: () => string; standIn: StandIn; sessions: string[] }> {
  const sessions: string[] = [];
  const standIn = await startStandIn({
    token: TOKEN,
    guildIds: GUILDS,
    log: (line) => {
      const ready = /^gateway: session \w+ ready \(shard (\d+)\/2/.exec(line);
      if (ready) sessions.push(ready[1]!);
    },
  });
  cleanups.push(() => standIn.close());
  await deployCommands({ token: TOKEN, clientId: standIn.applicationId, apiUrl: standIn.apiUrl });
  const data = mkdtempSync(join(tmpdir(), 'tierbot-sharded-'));
  cleanups.push(() => rmSync(data, { recursive: true, force: true }));
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/gateway/shard.ts'], {
    env: {
      PATH: process.env.PATH ?? '',
      LOG_LEVEL: 'info',
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: standIn.apiUrl,
      SHARD_COUNT: '2',
      METRICS_PORT: String(metricsPort),
      HOST: '127.0.0.1',
      DATABASE_URL: join(data, 'tierbot.sqlite'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  proc.stdout!.on('data', (d) => (output += d));
  proc.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  const pgid = proc.pid!;
  cleanups.push(async () => {
    if (groupAlive(pgid)) process.kill(-pgid, 'SIGTERM');
    if (!(await until(() => !groupAlive(pgid), 10_000))) process.kill(-pgid, 'SIGKILL');
  });
  return { proc, exited, output: () => output, standIn, sessions };
}

/** Two consecutive ports free now: METRICS_PORT for shard 0 and the next for shard 1. */
async function twoFreePorts(): Promise<number> {
  for (;;) {
    const port = await freePort();
    const next = createServer();
    const free = await new Promise<boolean>((resolve) => {
      next.once('error', () => resolve(false));
      next.listen(port + 1, '127.0.0.1', () => next.close(() => resolve(true)));
    });
    if (free) return port;
  }
}

describe('npm run start:sharded with METRICS_PORT', () => {
  it('shard N serves /metrics on METRICS_PORT + N; SIGTERM stops every shard', async () => {
    const port = await twoFreePorts();
    const run = await startSharded(port);
    expect(await until(() => run.sessions.length === 2, 45_000), run.output()).toBe(true);
    expect(await until(async () => (await metricsStatus(port)) === 200 && (await metricsStatus(port + 1)) === 200, 10_000), run.output()).toBe(true);
    expect(run.output()).not.toContain('EADDRINUSE');
    run.proc.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(await until(() => !groupAlive(run.proc.pid!), 10_000)).toBe(true);
  }, 70_000);

  it('when a shard cannot start (its metrics port is taken), the manager stops the shards it started and exits 1', async () => {
    const port = await twoFreePorts();
    const squatter: Server = createServer();
    await new Promise<void>((resolve) => squatter.listen(port + 1, '127.0.0.1', () => resolve()));
    cleanups.push(() => new Promise<void>((resolve) => squatter.close(() => resolve())));
    const run = await startSharded(port);
    expect(await Promise.race([run.exited, new Promise((r) => setTimeout(() => r('still running'), 45_000))]), run.output()).toBe(1);
    // Shard 0 had started; nothing of the manager's is left running, and its port is free again.
    expect(run.sessions).toContain('0');
    expect(await until(() => !groupAlive(run.proc.pid!), 10_000), run.output()).toBe(true);
    expect(await metricsStatus(port)).toBe('ECONNREFUSED');
  }, 70_000);
});
