/** Every chart kind: its options and the module that renders it (imported on first use). */

import type { ReplyFile } from '../commands/types';
import type { CompareChartOptions } from './compare-plans';
import type { TierChartOptions } from './tier-ranges';

export interface ChartOptionsByKind {
  /** tiers.png, or tier-<n>.png with a marker: every source's ranges on a log axis. */
  tiers: TierChartOptions;
  /** compare.png: the two plans' key metrics side by side, the verdict as title. */
  compare: CompareChartOptions;
}

export type ChartKind = keyof ChartOptionsByKind;

type Renderer<K extends ChartKind> = (opts: ChartOptionsByKind[K]) => ReplyFile;

export const RENDERERS: { [K in ChartKind]: () => Promise<Renderer<K>> } = {
  tiers: async () => (await import('./tier-ranges')).tierRangesChart,
  compare: async () => (await import('./compare-plans')).compareChart,
};

/** A render request sent to the chart worker, and its answer. */
export interface ChartJob {
  id: number;
  kind: ChartKind;
  opts: ChartOptionsByKind[ChartKind];
  /** Epoch ms after which the caller no longer waits. */
  deadline: number;
}

export type ChartResult =
  | { id: number; file: { name: string; data: Uint8Array; description?: string | undefined } }
  | { id: number; skipped: true }
  | { id: number; error: string };
