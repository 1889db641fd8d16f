/**
 * Chart replies: the bot defers, the renderer process draws the PNG, the bot edits the reply with
 * it; if the renderer fails or is too slow, the text goes out alone. The same in both ways in.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulateChartFailure, stopCharts } from '../../src/charts';
import { answerOf, MODES, startHarness, type Harness, type Mode } from './harness';

const harnesses = new Map<Mode, Harness>();
beforeAll(async () => {
  for (const mode of MODES) {
    const h = await startHarness({ mode });
    harnesses.set(mode, h);
    await h.command('tier', { followers: '30k' }); // the renderer is started and warm
  }
});
afterAll(async () => {
  for (const h of harnesses.values()) await h.close();
  await stopCharts();
});

describe.each(MODES)('%s mode', (mode) => {
  const h = () => harnesses.get(mode)!;
  const errorLogs = () => h().logs.filter((l) => (l.level as number) >= 50);

  it('defers, then edits the reply with the chart shown inside the embed', async () => {
    const record = await h().command('tier', { followers: '45k' });
    expect(record.callbacks.map((c) => c.type)).toEqual([5]);
    expect(record.edits).toHaveLength(1);
    const { body, files } = answerOf(record);
    expect(files.map((f) => f.name)).toEqual(['tier-45000.png']);
    expect(files[0]!.data.subarray(1, 4).toString()).toBe('PNG');
    expect(body.embeds[0].image.url).toBe('attachment://tier-45000.png');
    expect(body.attachments).toEqual([{ id: 0, filename: 'tier-45000.png', description: expect.any(String) }]);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(errorLogs()).toEqual([]);
  });

  it('when the renderer fails, the text goes out alone and the failure is counted', async () => {
    simulateChartFailure(true);
    try {
      const record = await h().command('tier', { followers: '47k' });
      const { body, files } = answerOf(record);
      expect(files).toEqual([]);
      expect(body.embeds[0].title).toContain('47,000');
      expect(body.embeds[0].image).toBeUndefined();
    } finally {
      simulateChartFailure(false);
    }
    const metrics = await h().metrics.registry.getSingleMetricAsString('tierbot_charts_total');
    expect(metrics).toMatch(/tierbot_charts_total\{result="skipped"\} [1-9]/);
  });

  it('a 429 on the edit is waited out and the chart still arrives, once', async () => {
    h().standIn.faults.rateLimitNext('messages/@original', 0.2);
    const record = await h().command('tier', { followers: '46k' });
    expect(record.edits).toHaveLength(1);
    expect(answerOf(record).files.map((f) => f.name)).toEqual(['tier-46000.png']);
  });

  it('with the renderer stopped, the next chart starts it again', async () => {
    await stopCharts();
    // On a loaded machine a cold renderer may miss its budget; then the text alone is the answer,
    // and the renderer, started by that request, draws a later one.
    const waitMs = 45_000;
    const deadline = Date.now() + waitMs;
    for (;;) {
      const { body, files } = answerOf(await h().command('tier', { followers: '49k' }));
      expect(body.embeds[0].title).toContain('49,000');
      if (files.length) {
        expect(files.map((f) => f.name)).toEqual(['tier-49000.png']);
        expect(files[0]!.data.subarray(1, 4).toString()).toBe('PNG');
        expect(body.embeds[0].image.url).toBe('attachment://tier-49000.png');
        break;
      }
      expect(body.embeds[0].image).toBeUndefined();
      expect(Date.now() < deadline, `no chart within ${waitMs / 1000} s of the renderer being stopped`).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }, 60_000);
});
