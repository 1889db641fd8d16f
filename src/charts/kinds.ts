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

/** Which chart, with its options: what a reply names when the sender attaches the chart. */
export type ChartRequest = { [K in ChartKind]: { kind: K; opts: ChartOptionsByKind[K] } }[ChartKind];

type Renderer<K extends ChartKind> = (opts: ChartOptionsByKind[K]) => ReplyFile;

export const RENDERERS: { [K in ChartKind]: () => Promise<Renderer<K>> } = {
  tiers: async () => (await import('./tier-ranges')).tierRangesChart,
  compare: async () => (await import('./compare-plans')).compareChart,
};

/**
 * Where the renderer sends a reply with its chart itself, so the PNG never passes through the
 * bot: the interaction's callback, or, if the bot has deferred meanwhile, its original response.
 */
export interface ChartDelivery {
  /** The message as Discord's JSON (snake_case), without the chart. */
  body: Record<string, unknown>;
  /** POST /interactions/{id}/{token}/callback, with its type: 4 (reply) or 7 (update the message). */
  callbackUrl: string;
  callbackType: 4 | 7;
  /** PATCH /webhooks/{application}/{token}/messages/@original. */
  originalUrl: string;
}

/** A render request sent to the chart worker, and its answer. */
export interface ChartJob {
  id: number;
  chart: ChartRequest;
  /** Send the reply with the chart to Discord instead of returning the PNG. */
  delivery?: ChartDelivery;
  /** Epoch ms after which the caller no longer waits. */
  deadline: number;
}

/** `cached`: the renderer already had the chart and did not draw it again. */
export type ChartResult =
  | { id: number; cached: boolean; file: { name: string; data: Uint8Array; description?: string | undefined } }
  | { id: number; cached: boolean; delivered: true }
  | { id: number; skipped: true }
  | { id: number; error: string };
