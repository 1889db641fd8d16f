/** Every chart kind: its options and the module that renders it (imported on first use). */

import type { ChartFile } from './file';
import type { CompareChartOptions } from './compare-plans';
import type { RosterChartOptions } from './roster';
import type { TierChartOptions } from './tier-ranges';

export interface ChartOptionsByKind {
  /** tiers.png, or tier-<n>.png with a marker: every source's ranges on a log axis. */
  tiers: TierChartOptions;
  /** compare.png: the two plans' key metrics side by side, the verdict as title. */
  compare: CompareChartOptions;
  /** roster.png: a /roster file's creators per tier, with each tier's total followers. */
  roster: RosterChartOptions;
}

export type ChartKind = keyof ChartOptionsByKind;

/** Which chart, with its options: what a reply names when the sender attaches the chart. */
export type ChartRequest = { [K in ChartKind]: { kind: K; opts: ChartOptionsByKind[K] } }[ChartKind];

export type { ChartFile };

type Renderer<K extends ChartKind> = (opts: ChartOptionsByKind[K]) => ChartFile;

/** Each module is imported once: an `import()` call costs a round trip to the TypeScript loader's thread. */
const once = <T>(load: () => Promise<T>): (() => Promise<T>) => {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
};

export const RENDERERS: { [K in ChartKind]: () => Promise<Renderer<K>> } = {
  tiers: once(async () => (await import('./tier-ranges')).tierRangesChart),
  compare: once(async () => (await import('./compare-plans')).compareChart),
  roster: once(async () => (await import('./roster')).rosterChart),
};

/** What the bot sends the renderer process (src/charts/worker.ts). */
export interface ChartJob {
  id: number;
  chart: ChartRequest;
}

/** The renderer's answer to job `id`: the PNG (IPC delivers its bytes as a Uint8Array), or why not. */
export type ChartAnswer =
  | { id: number; file: { name: string; data: Uint8Array; description: string } }
  | { id: number; error: string };
