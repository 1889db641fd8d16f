/**
 * The chart renderer process (forked by src/charts/index.ts): ECharts and resvg live here, never
 * in the bot, and a render never blocks the bot's event loop. Jobs come in as { id, chart } and go
 * back as { id, file } or { id, error }; a render is synchronous, so they are drawn one at a time.
 */

import type { ChartAnswer, ChartFile, ChartJob, ChartRequest } from './kinds';
import { RENDERERS } from './kinds';

/** An idle renderer holds some 100 MB: it leaves, and the next chart starts a new one. */
const IDLE_EXIT_MS = 60_000;
const idle = setTimeout(() => process.exit(0), IDLE_EXIT_MS);

async function draw(chart: ChartRequest): Promise<ChartFile> {
  const render = await RENDERERS[chart.kind]();
  return render(chart.opts as never);
}

/** The bot went away (exit, crash, kill): nothing is left to render for, and nobody to tell. */
const parentGone = () => process.exit(0);

/**
 * Sent with a callback: without one, an answer for a bot that has just exited (a CLI whose chart
 * missed its budget) fails as an unhandled 'error' event, with a stack trace on its terminal.
 */
const answer = (message: ChartAnswer) => {
  if (!process.send || !process.connected) return parentGone();
  process.send(message, undefined, undefined, (err: Error | null) => {
    if (err) parentGone();
  });
};

process.on('message', async ({ id, chart }: ChartJob) => {
  idle.refresh();
  try {
    const { name, data, description } = await draw(chart);
    answer({ id, file: { name, data, description } });
  } catch (err) {
    answer({ id, error: err instanceof Error ? err.message : String(err) });
  }
  idle.refresh();
});

process.on('disconnect', parentGone);
