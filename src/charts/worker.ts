/**
 * The chart renderer process: renders away from the bot's event loop, so a burst of chart
 * requests never delays the acknowledgements Discord wants within 3 seconds.
 */

import { RENDERERS, type ChartJob, type ChartResult } from './kinds';

/** An idle renderer holds a few hundred MB of caches: it leaves, and the next chart starts a new one. */
const IDLE_EXIT_MS = 60_000;
const idle = setTimeout(() => process.exit(0), IDLE_EXIT_MS);

const reply = (result: ChartResult) => {
  process.send?.(result);
  idle.refresh();
};

process.on('message', async (job: ChartJob) => {
  idle.refresh();
  // A job whose caller has already answered in text is not worth rendering any more.
  if (Date.now() > job.deadline) return reply({ id: job.id, skipped: true });
  try {
    const render = await RENDERERS[job.kind]();
    const file = render(job.opts as never);
    reply({ id: job.id, file: { name: file.name, data: new Uint8Array(file.data), description: file.description } });
  } catch (err) {
    reply({ id: job.id, error: err instanceof Error ? err.message : String(err) });
  }
});

// The bot went away (exit, crash, kill): nothing is left to render for.
process.on('disconnect', () => process.exit(0));
