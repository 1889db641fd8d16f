/**
 * The one way commands get a chart. Rendering happens in a separate, low-priority process,
 * started on the first chart request: text-only commands never load ECharts or resvg, and the
 * renderer only gets CPU the bot is not using to acknowledge interactions. A chart that fails,
 * or is not ready within its budget, resolves to undefined and the caller answers in text.
 */

import { fork, type ChildProcess } from 'node:child_process';
import { setPriority } from 'node:os';
import which from 'which';
import type { ReplyFile } from '../commands/types';
import { Memo } from '../memo';
import type { ChartJob, ChartKind, ChartOptionsByKind, ChartResult } from './kinds';

export type { ChartKind, ChartOptionsByKind };

/** With the worker warm a chart takes well under 100 ms; past this, answer without it. */
export const CHART_BUDGET_MS = 1500;
/** Starting the worker loads ECharts and resvg (about 1.5 s): the first request may wait longer. */
export const COLD_CHART_BUDGET_MS = 6000;
/**
 * Charts queued at once. Past this a burst sheds charts and answers in text straight away, so
 * the renderer never takes the CPU the event loop needs to acknowledge interactions in time.
 */
export const MAX_QUEUED_CHARTS = 4;

/**
 * Rendered charts by kind and options. The same options always draw the same pixels, and the
 * common ones (the /tiers overview, /compare presets, round follower counts) come back often;
 * bounded by their PNG bytes.
 */
const rendered = new Memo<ReplyFile>({ max: 256, maxSize: 16 * 1024 * 1024, sizeOf: (file) => file.data.length });

/** Lowest scheduling priority: under load, answering interactions comes first. */
const RENDERER_NICENESS = 19;

/**
 * On Linux, util-linux's `chrt` starts the renderer in the SCHED_IDLE class: it then runs only
 * on a core nothing else wants, whereas at nice 19 it still takes slices from the bot and
 * delays its replies by milliseconds. Elsewhere, or if that start fails, nice 19 alone.
 */
let idleScheduler: string | null = process.platform === 'linux' ? which.sync('chrt', { nothrow: true }) : null;

let worker: ChildProcess | undefined;
let warm = false;
let nextId = 0;
const waiting = new Map<number, (file: ReplyFile | undefined) => void>();
let simulatedFailure = false;

/** Tests point this at a launcher that fails, to show the fallback to a plain start. */
export function useIdleScheduler(path: string | null): void {
  idleScheduler = path;
}

/** Tests turn this on to make every chart fail, as a broken renderer would. */
export function simulateChartFailure(on: boolean): void {
  simulatedFailure = on;
}

function settleAll() {
  for (const resolve of waiting.values()) resolve(undefined);
  waiting.clear();
}

function chartWorker(): ChildProcess {
  if (worker) return worker;
  // The entry registers tsx itself, so the renderer starts the same under npm start, the CLI and tests.
  const underChrt = idleScheduler !== null;
  const launcher = idleScheduler ? { execPath: idleScheduler, execArgv: ['--idle', '0', process.execPath] } : { execArgv: [] };
  const started = fork(new URL('./worker-entry.mjs', import.meta.url), [], { ...launcher, serialization: 'advanced', stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  try {
    if (started.pid) setPriority(started.pid, RENDERER_NICENESS);
  } catch {
    // Not permitted here: charts still work, only without the lower priority.
  }
  started.on('message', (result: ChartResult) => {
    warm = true;
    const resolve = waiting.get(result.id);
    waiting.delete(result.id);
    if (!resolve) return;
    // A view on the bytes IPC delivered, not a copy: a chart's PNG is 50–110 KB.
    const file = 'file' in result ? result.file : undefined;
    resolve(file ? { name: file.name, data: Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength), description: file.description } : undefined);
  });
  // A crashed renderer fails only the charts in flight; the next request starts a new one.
  const forget = () => {
    // 'error' and 'exit' may both come, the second after a new renderer has taken over its jobs.
    if (worker !== started) return;
    // A renderer that never answered under chrt (not permitted, say): start the next one without it.
    if (underChrt && !warm) idleScheduler = null;
    worker = undefined;
    warm = false;
    settleAll();
  };
  started.on('error', forget);
  started.on('exit', forget);
  // An idle renderer must not keep the bot (or the CLI) alive.
  started.unref();
  started.channel?.unref();
  worker = started;
  return started;
}

export async function chartFile<K extends ChartKind>(kind: K, opts: ChartOptionsByKind[K], budgetMs?: number): Promise<ReplyFile | undefined> {
  if (simulatedFailure) return undefined;
  const key = `${kind}:${JSON.stringify(opts)}`;
  const known = rendered.peek(key);
  if (known) return known;
  if (waiting.size >= MAX_QUEUED_CHARTS) return undefined;
  const file = await render(kind, opts, budgetMs);
  if (file) rendered.set(key, file);
  return file;
}

function render<K extends ChartKind>(kind: K, opts: ChartOptionsByKind[K], budgetMs?: number): Promise<ReplyFile | undefined> {
  const budget = budgetMs ?? (warm ? CHART_BUDGET_MS : COLD_CHART_BUDGET_MS);
  return new Promise((resolve) => {
    const id = ++nextId;
    const timer = setTimeout(() => {
      waiting.delete(id);
      resolve(undefined);
    }, budget);
    waiting.set(id, (file) => {
      clearTimeout(timer);
      resolve(file);
    });
    try {
      chartWorker().send({ id, kind, opts, deadline: Date.now() + budget } satisfies ChartJob);
    } catch {
      waiting.delete(id);
      clearTimeout(timer);
      resolve(undefined);
    }
  });
}

/** Stops the renderer (tests, shutdown); charts in flight resolve to undefined. */
export async function stopCharts(): Promise<void> {
  const current = worker;
  worker = undefined;
  warm = false;
  settleAll();
  if (current && current.exitCode === null) {
    const exited = new Promise((resolve) => current.once('exit', resolve));
    current.kill();
    await exited;
  }
}
