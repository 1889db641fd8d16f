/**
 * The one way commands get a chart. Rendering happens in a separate, low-priority process,
 * started on the first chart request: text-only commands never load ECharts or resvg, and the
 * renderer only gets CPU the bot is not using to acknowledge interactions. The bot goes further
 * and has the renderer send chart replies to Discord itself (deliverChart): 50–110 KB of PNG per
 * chart then never passes through the bot's event loop and heap. A chart that fails, or is not
 * ready within its budget, resolves to undefined (or false) and the caller answers in text.
 */

import { fork, type ChildProcess } from 'node:child_process';
import { setPriority } from 'node:os';
import which from 'which';
import type { Reply, ReplyFile, RunContext } from '../commands/types';
import { withChart } from './attach';
import type { ChartDelivery, ChartJob, ChartKind, ChartOptionsByKind, ChartRequest, ChartResult, DeliveryGo, DeliveryOrder, SendOrder } from './kinds';

export type { ChartDelivery, ChartKind, ChartOptionsByKind, ChartRequest, DeliveryOrder, SendOrder };

/** With the worker warm a chart takes well under 100 ms; past this, answer without it. */
export const CHART_BUDGET_MS = 1500;
/** Starting the worker loads ECharts and resvg (about 1.5 s): the first request may wait longer. */
export const COLD_CHART_BUDGET_MS = 6000;
/**
 * Charts queued at once. Past this a burst sheds charts and answers in text straight away, so
 * the renderer never takes the CPU the event loop needs to acknowledge interactions in time.
 */
export const MAX_QUEUED_CHARTS = 4;

/** Lowest scheduling priority: under load, answering interactions comes first. */
const RENDERER_NICENESS = 19;

/**
 * On Linux, util-linux's `chrt` starts the renderer in the SCHED_IDLE class: it then runs only
 * on a core nothing else wants, whereas at nice 19 it still takes slices from the bot and
 * delays its replies by milliseconds. Elsewhere, or if that start fails, nice 19 alone.
 */
let idleScheduler: string | null = process.platform === 'linux' ? which.sync('chrt', { nothrow: true }) : null;

/** Where the renderer writes the bundle it runs from; undefined: its default (see renderer-bundle.mjs). */
let bundleDir: string | undefined;

let worker: ChildProcess | undefined;
let warm = false;
let nextId = 0;
const waiting = new Map<number, (result: ChartResult | undefined) => void>();
let simulatedFailure = false;
/** Charts the renderer drew, and those it had already drawn, since this process started. */
const counts = { drawn: 0, fromCache: 0 };

/** How many charts were drawn and how many came from the renderer's cache (tests, diagnostics). */
export function chartCounts(): Readonly<typeof counts> {
  return { ...counts };
}

/** Tests point this at a launcher that fails, to show the fallback to a plain start. */
export function useIdleScheduler(path: string | null): void {
  idleScheduler = path;
}

/** Tests point this at a directory that cannot be written, to show the renderer then runs under tsx. */
export function useRendererBundleDir(dir: string | undefined): void {
  bundleDir = dir;
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
  // The entry loads the TypeScript renderer itself (as one bundle, or under tsx), so it starts the
  // same under npm start, the CLI and tests.
  const underChrt = idleScheduler !== null;
  const launcher = idleScheduler ? { execPath: idleScheduler, execArgv: ['--idle', '0', process.execPath] } : { execArgv: [] };
  const started = fork(new URL('./worker-entry.mjs', import.meta.url), bundleDir ? [bundleDir] : [], { ...launcher, serialization: 'advanced', stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  try {
    if (started.pid) setPriority(started.pid, RENDERER_NICENESS);
  } catch {
    // Not permitted here: charts still work, only without the lower priority.
  }
  started.on('message', (result: ChartResult) => {
    warm = true;
    if ('cached' in result) counts[result.cached ? 'fromCache' : 'drawn'] += 1;
    const resolve = waiting.get(result.id);
    waiting.delete(result.id);
    if (resolve) resolve(result);
    // Drawn after the bot stopped waiting, and so answered in text: the chart is not sent.
    else if ('ready' in result) order(started, { id: result.id, go: 'drop' });
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
  const result = await ask({ kind, opts } as ChartRequest, undefined, budgetMs);
  if (!result || !('file' in result)) return undefined;
  const { name, data, description } = result.file;
  // A view on the bytes IPC delivered, not a copy: a chart's PNG is 50–110 KB.
  return { name, data: Buffer.from(data.buffer, data.byteOffset, data.byteLength), description };
}

/** How long a delivery that was given the go may take: the renderer's own request timeout. */
const DELIVERY_TIMEOUT_MS = 11_000;

/**
 * Has the renderer send the reply with its chart to Discord. When the chart is drawn in time,
 * `decide` says how: as the first response or as an edit of the bot's deferred one. True once
 * Discord has the reply with its chart; false when the chart failed or came too late, or Discord
 * refused it: the caller then answers in text.
 */
export async function deliverChart(chart: ChartRequest, delivery: ChartDelivery, decide: () => Promise<SendOrder>, budgetMs?: number): Promise<boolean> {
  const drawn = await ask(chart, delivery, budgetMs);
  const renderer = worker;
  if (!drawn || !('ready' in drawn) || !renderer) return false;
  const go = await decide();
  const done = resultOf(drawn.id, DELIVERY_TIMEOUT_MS);
  order(renderer, { id: drawn.id, go });
  const result = await done;
  return result !== undefined && 'delivered' in result && result.delivered;
}

function order(renderer: ChildProcess, go: DeliveryGo) {
  try {
    renderer.send(go);
  } catch {
    // The renderer is gone: its 'exit' settles whatever was waiting on it.
  }
}

/**
 * The reply with its chart as the context asks: attached, named for the sender, or none. Only
 * attaching waits for a render; the other two are answered synchronously, so the bot can reply
 * without arming its deferral timer (see app.ts `answerInTime`).
 */
export function replyWithChart<K extends ChartKind>(reply: Reply, context: RunContext, kind: K, opts: ChartOptionsByKind[K]): Reply | Promise<Reply> {
  if (context.charts === 'requested') return { ...reply, chart: { kind, opts } as ChartRequest };
  return context.charts ? chartFile(kind, opts).then((file) => withChart(reply, file)) : reply;
}

function ask(chart: ChartRequest, delivery: ChartDelivery | undefined, budgetMs?: number): Promise<ChartResult | undefined> {
  if (simulatedFailure || waiting.size >= MAX_QUEUED_CHARTS) return Promise.resolve(undefined);
  const budget = budgetMs ?? (warm ? CHART_BUDGET_MS : COLD_CHART_BUDGET_MS);
  const id = ++nextId;
  const result = resultOf(id, budget);
  try {
    chartWorker().send({ id, chart, ...(delivery ? { delivery } : {}), deadline: Date.now() + budget } satisfies ChartJob);
  } catch {
    waiting.get(id)?.(undefined);
    waiting.delete(id);
  }
  return result;
}

/** The renderer's next answer about job `id`, or undefined after `timeoutMs`. */
function resultOf(id: number, timeoutMs: number): Promise<ChartResult | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      waiting.delete(id);
      resolve(undefined);
    }, timeoutMs);
    waiting.set(id, (result) => {
      clearTimeout(timer);
      resolve(result);
    });
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
