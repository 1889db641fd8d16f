/**
 * The one way commands get a chart. Each kind's module is imported on first use, so text-only
 * commands never load ECharts or resvg; a failed render resolves to undefined and the caller
 * answers in text instead (and logs, if it wants: this module stays silent).
 */

import type { ReplyFile } from '../commands/types';
import type { CompareChartOptions } from './compare-plans';
import type { TierChartOptions } from './tier-ranges';

/** Each chart kind and its options. A new kind adds a line here and in LOADERS. */
export interface ChartOptionsByKind {
  tiers: TierChartOptions;
  /** compare.png: the two plans' key metrics side by side, the verdict as title. */
  compare: CompareChartOptions;
}

export type ChartKind = keyof ChartOptionsByKind;

type Renderer<K extends ChartKind> = (opts: ChartOptionsByKind[K]) => ReplyFile;

const LOADERS: { [K in ChartKind]: () => Promise<Renderer<K>> } = {
  tiers: async () => (await import('./tier-ranges')).tierRangesChart,
  compare: async () => (await import('./compare-plans')).compareChart,
};

let simulatedFailure = false;

/** Tests turn this on to make every chart fail, as a broken renderer would. */
export function simulateChartFailure(on: boolean): void {
  simulatedFailure = on;
}

export async function chartFile<K extends ChartKind>(kind: K, opts: ChartOptionsByKind[K]): Promise<ReplyFile | undefined> {
  try {
    if (simulatedFailure) throw new Error('simulated chart failure');
    const render = await LOADERS[kind]();
    return render(opts);
  } catch {
    return undefined;
  }
}
