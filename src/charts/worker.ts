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

/**
 * The last charts drawn, by request. The /tiers overview takes about 80 ms warm and is asked for
 * unchanged every time; a /compare preset about 50 ms. At most 32 PNGs of 50–110 KB.
 */
const RECENT_MAX = 32;
const recent = new Map<string, ChartFile>();

async function draw(chart: ChartRequest): Promise<ChartFile> {
  const key = JSON.stringify(chart);
  let file = recent.get(key);
  if (file) {
    recent.delete(key); // re-inserted below: most recently used last
  } else {
    const render = await RENDERERS[chart.kind]();
    file = render(chart.opts as never);
    if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value!);
  }
  recent.set(key, file);
  return file;
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
