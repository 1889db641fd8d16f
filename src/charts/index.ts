/**
 * Charts for the bot. renderChart asks a separate renderer process (worker.ts) for a chart and
 * resolves to its PNG, or to undefined when the chart fails, is not ready within its budget, or
 * too many are already waiting: the caller then answers in text. The renderer starts on the first
 * request, so a bot that never draws a chart never loads ECharts or resvg, and it runs at the
 * lowest CPU priority, so answering interactions comes first.
 */

import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { setPriority } from 'node:os';
import { pathToFileURL } from 'node:url';
import { createLogger, type Logger } from '../config/logger';
import { busyGauge } from './busy';
import type { ChartAnswer, ChartFile, ChartJob, ChartKind, ChartRequest } from './kinds';

export type { ChartKind, ChartOptionsByKind } from './kinds';

/** A warm renderer draws a chart in under 100 ms; past this, answer without it. */
export const CHART_BUDGET_MS = 1500;
/** The first chart waits for the renderer to start (tsx, ECharts and resvg load: one to two seconds). */
export const COLD_CHART_BUDGET_MS = 6000;
/** Charts waiting on the renderer at once; past this a burst is answered in text straight away. */
export const MAX_QUEUED_CHARTS = 4;
/**
 * The bot asks for a chart only while the renderer has fewer than this many in hand (the one it
 * draws and one waiting): under load, a reply goes out as text at once rather than deferred
 * behind a queue of charts, and the renderer never competes for the CPU with a burst.
 */
export const CHARTS_IN_HAND = 2;
/** A renderer that answered none of a full queue for this long is stuck: it is killed and replaced. */
const STALLED_MS = 30_000;

/** tsx's loader by path, so the renderer finds it whatever the working directory. */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

interface Job {
  kind: ChartKind;
  sentAt: number;
  /** Resolves the caller's promise; undefined once the caller stopped waiting. */
  settle: ((file: ChartFile | undefined) => void) | undefined;
}

interface Renderer {
  child: ChildProcess;
  /** It has answered once: its modules are loaded. */
  warm: boolean;
  /** Jobs sent and not yet answered, including those whose caller stopped waiting. */
  jobs: Map<number, Job>;
  /** Set when this module ended it (shutdown, stuck), so its exit is expected. */
  ended: boolean;
}

let current: Renderer | undefined;
let nextId = 0;
let simulatedFailure = false;

let log: Logger | undefined;

/**
 * Where the renderer's failures are logged: the bot's logger, so they are JSON lines among its
 * own. Until a way in sets it, a logger of the same shape on stderr.
 */
export function logChartsTo(logger: Logger): void {
  log = logger;
}

const logger = (): Logger => (log ??= createLogger());

/** Tests turn this on to make every chart fail, as a broken renderer would. */
export function simulateChartFailure(on: boolean): void {
  simulatedFailure = on;
}

function fail(job: Job) {
  if (!job.settle) return;
  job.settle(undefined);
}

function startRenderer(): Renderer {
  const child = fork(new URL('./worker.ts', import.meta.url), [], {
    execArgv: ['--import', TSX_LOADER],
    serialization: 'advanced', // a PNG crosses as bytes, not as JSON
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const renderer: Renderer = { child, warm: false, jobs: new Map(), ended: false };
  try {
    if (child.pid) setPriority(child.pid, 19);
  } catch {
    // Not permitted here: charts still work, at normal priority.
  }
  child.on('message', (answer: ChartAnswer) => {
    renderer.warm = true;
    const job = renderer.jobs.get(answer.id);
    renderer.jobs.delete(answer.id);
    if ('error' in answer) {
      logger().error({ chart: job?.kind, reason: answer.error }, 'chart renderer could not draw a chart');
      if (job) fail(job);
    } else if (job?.settle) {
      const { name, data, description } = answer.file;
      // A view on the bytes IPC delivered, not a copy.
      job.settle({ name, data: Buffer.from(data.buffer, data.byteOffset, data.byteLength), description });
    }
  });
  // A crashed renderer fails only the charts in flight; the next request starts a new one.
  // 'error' and 'exit' may both come: the first one counts.
  let gone = false;
  const onGone = (why: string) => {
    if (gone) return;
    gone = true;
    if (current === renderer) current = undefined;
    if (!renderer.ended && (renderer.jobs.size > 0 || why !== 'code 0')) logger().error({ exit: why, unanswered: renderer.jobs.size }, 'chart renderer exited');
    for (const job of renderer.jobs.values()) fail(job);
    renderer.jobs.clear();
  };
  child.on('error', (err) => onGone(err.message));
  child.on('exit', (code, signal) => onGone(signal ?? `code ${code}`));
  // An idle renderer must not keep the bot (or the CLI) alive. While a chart is awaited, its
  // budget timer keeps this process running until the answer arrives.
  child.unref();
  child.channel?.unref();
  return renderer;
}

/** Ends a renderer that has answered none of its charts for STALLED_MS: it is stuck. Says whether it did. */
function endIfStalled(renderer: Renderer): boolean {
  const oldest = Math.min(...[...renderer.jobs.values()].map((job) => job.sentAt));
  if (Date.now() - oldest < STALLED_MS) return false;
  logger().warn({ unanswered: renderer.jobs.size, seconds: STALLED_MS / 1000 }, 'chart renderer answered none of its charts in time; restarting it');
  void end(renderer);
  return true;
}

/** Ends a renderer: its jobs fail, and the next request starts a new one. */
function end(renderer: Renderer): Promise<void> {
  renderer.ended = true;
  if (current === renderer) current = undefined;
  for (const job of renderer.jobs.values()) fail(job);
  renderer.jobs.clear();
  const { child } = renderer;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Whoever awaits this must see it settle: an unreferenced child would let the process end first.
  child.ref();
  // It holds nothing worth saving, and a stopped (SIGSTOP) process would ignore a SIGTERM.
  child.kill('SIGKILL');
  return exited;
}

/**
 * The chart as a PNG, or undefined when it fails, takes longer than `budgetMs` (by default
 * CHART_BUDGET_MS, or COLD_CHART_BUDGET_MS while the renderer starts), or MAX_QUEUED_CHARTS are
 * already waiting. Never rejects.
 */
export function renderChart(chart: ChartRequest, budgetMs?: number): Promise<ChartFile | undefined> {
  if (simulatedFailure) return Promise.resolve(undefined);
  if (current && current.jobs.size >= MAX_QUEUED_CHARTS && !endIfStalled(current)) return Promise.resolve(undefined);
  const renderer = (current ??= startRenderer());
  const budget = budgetMs ?? (renderer.warm ? CHART_BUDGET_MS : COLD_CHART_BUDGET_MS);
  const id = ++nextId;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      job.settle = undefined; // it stays queued until the renderer answers, but nobody waits for it
      resolve(undefined);
    }, budget);
    const job: Job = {
      kind: chart.kind,
      sentAt: Date.now(),
      settle: (file) => {
        clearTimeout(timer);
        job.settle = undefined;
        resolve(file);
      },
    };
    renderer.jobs.set(id, job);
    renderer.child.send({ id, chart } satisfies ChartJob, (err) => {
      if (!err) return;
      // The renderer is gone; its 'exit' may not have come yet.
      renderer.jobs.delete(id);
      fail(job);
    });
  });
}

/**
 * Whether a chart asked for now would be drawn soon: the renderer has fewer than CHARTS_IN_HAND in
 * hand. A renderer stuck on them is replaced here, since the bot asks for no chart until there is room.
 */
export function rendererHasRoom(): boolean {
  return !current || current.jobs.size < CHARTS_IN_HAND || endIfStalled(current);
}

/** The renderer as the interaction core uses it. */
export const chartRenderer = { render: (chart: ChartRequest) => renderChart(chart), hasRoom: rendererHasRoom };

/**
 * The renderer for a bot that has its process to itself (gateway, HTTP endpoint): no chart is
 * asked for while the process is saturated either, so a burst is answered in text at once.
 */
export function chartRendererUnlessBusy(gauge = busyGauge()) {
  return { render: chartRenderer.render, hasRoom: () => !gauge.busy() && rendererHasRoom() };
}

/** Stops the renderer (shutdown, tests); charts in flight resolve to undefined. */
export async function stopCharts(): Promise<void> {
  if (current) await end(current);
}
