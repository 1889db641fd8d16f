/** Tierbot's interaction core as every way in uses it: all commands, charts, downloads, the store. */

import { chartRenderer, chartRendererUnlessBusy, logChartsTo, renderChart, rendererHasRoom } from '../charts';
import type { ChartRequest } from '../charts/kinds';
import { COMMANDS } from '../commands';
import type { Command } from '../commands/types';
import type { Logger } from '../config/logger';
import type { TeamStore } from '../store/types';
import { createInteractionCore, type InteractionCore } from './core';
import { downloadAttachment } from './download';
import type { Metrics } from './metrics';

export interface TierbotCoreOptions {
  store: TeamStore;
  logger: Logger;
  metrics?: Metrics;
  /** Default true; the CLI draws charts only where they go somewhere. */
  charts?: boolean;
  /**
   * The process is the bot's own (gateway, HTTP endpoint): while it is saturated, replies go out
   * without charts. Not where the stand-in shares the process (playground, tests) or for the CLI.
   */
  textWhenBusy?: boolean;
  /**
   * How long a reply waits for its chart before it goes out without one. By default the bot's
   * budget, which keeps "thinking" short; the CLI has no one waiting on Discord and waits longer.
   */
  chartBudgetMs?: number;
  commands?: readonly Command[];
  download?: typeof downloadAttachment;
}

export function tierbotCore(options: TierbotCoreOptions): InteractionCore {
  const { store, logger, metrics, charts = true, textWhenBusy = false, chartBudgetMs, commands = COMMANDS, download = downloadAttachment } = options;
  // The renderer is one per process: its failures go to the bot's log, as JSON lines among its own.
  if (charts) logChartsTo(logger);
  const renderer =
    chartBudgetMs !== undefined ? { render: (chart: ChartRequest) => renderChart(chart, chartBudgetMs), hasRoom: rendererHasRoom } : textWhenBusy ? chartRendererUnlessBusy() : chartRenderer;
  return createInteractionCore({
    commands,
    store,
    logger,
    ...(metrics ? { metrics } : {}),
    ...(charts ? { charts: renderer } : {}),
    download,
  });
}
