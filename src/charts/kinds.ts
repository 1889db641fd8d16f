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

/** Each module is imported once: an `import()` call costs a round trip to the TypeScript loader's thread. */
const once = <T>(load: () => Promise<T>): (() => Promise<T>) => {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
};

export const RENDERERS: { [K in ChartKind]: () => Promise<Renderer<K>> } = {
  tiers: once(async () => (await import('./tier-ranges')).tierRangesChart),
  compare: once(async () => (await import('./compare-plans')).compareChart),
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
  /** Epoch ms when Discord stops taking the callback (3 s after the interaction was created). */
  callbackUntil: number;
  /** PATCH /webhooks/{application}/{token}/messages/@original. */
  originalUrl: string;
}

/**
 * Once a chart for delivery is drawn, the bot says who answers, so that an interaction is never
 * acknowledged twice: the renderer posts the callback, edits the reply the bot deferred, or drops
 * the chart because the bot has already answered in text.
 */
export type DeliveryOrder = 'callback' | 'edit' | 'drop';

/** What the bot may tell a renderer whose chart was drawn in time (a late one is dropped). */
export type SendOrder = Exclude<DeliveryOrder, 'drop'>;

/** A render request sent to the chart worker, and its answer. */
export interface ChartJob {
  id: number;
  chart: ChartRequest;
  /** Send the reply with the chart to Discord instead of returning the PNG. */
  delivery?: ChartDelivery;
  /** Epoch ms after which the caller no longer waits. */
  deadline: number;
}

/** The bot's word on a delivery whose chart is ready. */
export interface DeliveryGo {
  id: number;
  go: DeliveryOrder;
}

/** `cached`: the renderer already had the chart and did not draw it again. */
export type ChartResult =
  | { id: number; cached: boolean; file: { name: string; data: Uint8Array; description?: string | undefined } }
  /** A delivery's chart is drawn; the renderer waits for a DeliveryGo. */
  | { id: number; cached: boolean; ready: true }
  /** What came of a DeliveryGo of 'callback' or 'edit'. */
  | { id: number; delivered: boolean }
  | { id: number; skipped: true }
  | { id: number; error: string };
