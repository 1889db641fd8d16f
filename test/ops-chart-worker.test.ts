/**
 * The chart renderer process when the bot (or the CLI) has gone: a chart still being drawn when
 * its parent exits ends quietly, with no stack trace on the terminal the CLI left.
 */

import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ChartJob } from '../src/charts/kinds';

const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

describe('the chart renderer process', () => {
  it('exits quietly (code 0, nothing on stderr) when its parent disconnects while it draws', async () => {
    const worker = fork(new URL('../src/charts/worker.ts', import.meta.url), [], {
      execArgv: ['--import', TSX_LOADER],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    worker.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => worker.once('exit', (code, signal) => resolve([code, signal])));
    // Warm first, so that the next chart is drawn as soon as it arrives, and answered after the parent left.
    worker.send({ id: 1, chart: { kind: 'tiers', opts: {} } } satisfies ChartJob);
    await new Promise((resolve) => worker.once('message', resolve));
    worker.send({ id: 2, chart: { kind: 'tiers', opts: { marker: 12_345 } } } satisfies ChartJob, () => worker.disconnect());
    expect(await exited).toEqual([0, null]);
    expect(stderr).toBe('');
  }, 30_000);
});
