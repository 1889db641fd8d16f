/**
 * The processes both benches measure: each started as `node --import tsx <entry>` (Node's
 * defaults, no V8 flags, as `npm start` runs), ready when it writes a given log line, and never
 * left running when the bench ends early (hard limit, Ctrl-C, a crash).
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Lines kept from each child, for error counts and for the tail shown when it fails. */
const KEPT_LINES = 20_000;

const live = new Set<ChildProcess>();
process.once('exit', () => live.forEach((c) => c.kill('SIGKILL')));
process.once('SIGINT', () => process.exit(130));

export interface ChildSpec {
  label: string;
  entry: string;
  /** The log line that says the process is ready. */
  ready: RegExp;
  env: NodeJS.ProcessEnv;
  readyTimeoutMs: number;
}

export interface RunningChild {
  child: ChildProcess;
  pid: number;
  /** Spawn → the ready line. */
  startupMs: number;
  /** What the child wrote (both streams, the first KEPT_LINES lines). */
  lines: string[];
}

/** The environment a child starts from: this one, without Discord credentials, sharding or Node flags. */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.startsWith('DISCORD_') || key.startsWith('SHARD') || key === 'NODE_OPTIONS' || key === 'METRICS_PORT') delete env[key];
  }
  return env;
}

export async function startChild({ label, entry, ready, env, readyTimeoutMs }: ChildSpec): Promise<RunningChild> {
  const lines: string[] = [];
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', entry], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  child.once('exit', () => live.delete(child));
  const startupMs = await new Promise<number>((resolve, reject) => {
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\n${lines.slice(-15).join('\n')}`));
    };
    const timer = setTimeout(() => fail(new Error(`${label} was not ready within ${readyTimeoutMs / 1000} s`)), readyTimeoutMs);
    const onEarlyExit = (code: number | null) => fail(new Error(`${label} exited (${code}) before it was ready`));
    const onLine = (line: string) => {
      if (lines.length < KEPT_LINES) lines.push(line);
      if (ready.test(line)) {
        clearTimeout(timer);
        child.off('exit', onEarlyExit);
        resolve(performance.now() - t0);
      }
    };
    createInterface({ input: child.stdout! }).on('line', onLine);
    createInterface({ input: child.stderr! }).on('line', onLine);
    child.once('error', fail);
    child.once('exit', onEarlyExit);
  });
  return { child, pid: child.pid!, startupMs, lines };
}

/** SIGTERM, then SIGKILL if it has not exited within 10 s. */
export async function stopChild({ child }: RunningChild): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  if (!(await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]))) {
    child.kill('SIGKILL');
    await exited;
  }
}
