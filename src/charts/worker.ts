/**
 * The chart worker: renders off the main thread, so a burst of chart requests never stalls the
 * event loop that acknowledges interactions within Discord's 3 seconds.
 */

import { parentPort } from 'node:worker_threads';
import { RENDERERS, type ChartJob, type ChartResult } from './kinds';

parentPort?.on('message', async (job: ChartJob) => {
  // A job whose caller has already answered in text is not worth rendering any more.
  if (Date.now() > job.deadline) return parentPort!.postMessage({ id: job.id, skipped: true } satisfies ChartResult);
  try {
    const render = await RENDERERS[job.kind]();
    const file = render(job.opts as never);
    parentPort!.postMessage({ id: job.id, file: { name: file.name, data: new Uint8Array(file.data), description: file.description } } satisfies ChartResult);
  } catch (err) {
    parentPort!.postMessage({ id: job.id, error: err instanceof Error ? err.message : String(err) } satisfies ChartResult);
  }
});
