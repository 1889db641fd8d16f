/**
 * The one way commands get a chart. Rendering happens in a worker thread, started on the first
 * chart request, so text-only commands never load ECharts or resvg and a burst of charts never
 * blocks the event loop. A chart that fails, or is not ready within its budget, resolves to
 * undefined and the caller answers in text instead.
 */

import { Worker } from 'node:worker_threads';
import type { ReplyFile } from '../commands/types';
import type { ChartJob, ChartKind, ChartOptionsByKind, ChartResult } from './kinds';

export type { ChartKind, ChartOptionsByKind };

/** With the worker warm a chart takes well under 100 ms; past this, answer without it. */
export const CHART_BUDGET_MS = 1500;
/** Starting the worker loads ECharts and resvg (about 1.5 s): the first request may wait longer. */
export const COLD_CHART_BUDGET_MS = 6000;

let worker: Worker | undefined;
let warm = false;
let nextId = 0;
const waiting = new Map<number, (file: ReplyFile | undefined) => void>();
let simulatedFailure = false;

/** Tests turn this on to make every chart fail, as a broken renderer would. */
export function simulateChartFailure(on: boolean): void {
  simulatedFailure = on;
}

function settleAll() {
  for (const resolve of waiting.values()) resolve(undefined);
  waiting.clear();
}

function chartWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL('./worker-entry.mjs', import.meta.url));
  started.on('message', (result: ChartResult) => {
    warm = true;
    const resolve = waiting.get(result.id);
    waiting.delete(result.id);
    if (!resolve) return;
    resolve('file' in result ? { name: result.file.name, data: Buffer.from(result.file.data), description: result.file.description } : undefined);
  });
  // A crashed worker fails only the charts in flight; the next request starts a new one.
  const forget = () => {
    if (worker === started) worker = undefined;
    warm = false;
    settleAll();
  };
  started.on('error', forget);
  started.on('exit', forget);
  // An idle worker must not keep the process alive (CLI, shutdown).
  started.unref();
  worker = started;
  return started;
}

export async function chartFile<K extends ChartKind>(kind: K, opts: ChartOptionsByKind[K], budgetMs?: number): Promise<ReplyFile | undefined> {
  if (simulatedFailure) return undefined;
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
      chartWorker().postMessage({ id, kind, opts, deadline: Date.now() + budget } satisfies ChartJob);
    } catch {
      waiting.delete(id);
      clearTimeout(timer);
      resolve(undefined);
    }
  });
}

/** Stops the worker (tests, shutdown); charts in flight resolve to undefined. */
export async function stopCharts(): Promise<void> {
  const current = worker;
  worker = undefined;
  warm = false;
  settleAll();
  await current?.terminate();
}
