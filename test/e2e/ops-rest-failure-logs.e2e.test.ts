/**
 * When Discord's webhook API fails (5xx, a reset connection), the error boundary logs the failure
 * for an operator: which request, its route, the status. Never the interaction's token (it lets
 * anyone edit the reply for 15 minutes), the reply's text or the chart's bytes.
 */

import { afterAll, describe, expect, it } from 'vitest';
import { stopCharts } from '../../src/charts';
import { harnessForEachMode, MODES } from './harness';

const h = harnessForEachMode();
afterAll(() => stopCharts());

/** The REST client tries a request four times; the error boundary's own edit four more. */
const ATTEMPTS = 8;

async function until(done: () => boolean, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

describe.each(MODES)('%s mode', (mode) => {
  it.each(['a 500', 'a reset connection'] as const)('a chart reply whose edit keeps failing with %s: logged without the token, the reply or the PNG', async (fault) => {
    const harness = h(mode);
    const interactionLines = () => harness.logs.filter((l) => l.msg === 'interaction').length;
    const warmed = interactionLines() + 1;
    await harness.command('tier', { followers: '30k' }); // the renderer is started and warm
    await until(() => interactionLines() === warmed); // its line comes once Discord took the edit
    for (let i = 0; i < ATTEMPTS; i++) {
      if (fault === 'a 500') harness.standIn.faults.failNext('/webhooks/', 500);
      else harness.standIn.faults.resetNext('/webhooks/');
    }
    const logsBefore = harness.logs.length;
    const record = harness.standIn.sendCommand('tier', { followers: '12k' });
    await until(() => harness.logs.slice(logsBefore).some((l) => l.msg === 'interaction'));
    const lines = harness.logs.slice(logsBefore);
    expect(lines.find((l) => l.msg === 'interaction')).toMatchObject({ command: 'tier', outcome: 'failed', errorId: expect.any(String) });
    expect(record.callbacks.map((c) => c.type)).toEqual([5]); // deferred for the chart, then every edit failed

    const failed = lines.find((l) => l.msg === '/tier failed') as { err: Record<string, unknown> } | undefined;
    expect(failed?.err).toMatchObject({
      method: 'PATCH',
      route: `/webhooks/${harness.standIn.applicationId}/:token/messages/@original`,
      request: 'edit of the original response',
    });
    if (fault === 'a 500') expect(failed?.err.status).toBe(500);
    else expect(String(failed?.err.message)).toMatch(/no answer from Discord: ECONNRESET/);
    expect(lines.some((l) => l.msg === 'could not tell the user about a failure')).toBe(true);

    for (const line of lines.map((l) => JSON.stringify(l))) {
      expect(line).not.toContain(record.token);
      expect(line).not.toContain('12,000'); // the reply's title
      expect(line).not.toContain('requestBody');
      expect(line.length).toBeLessThan(4000); // no PNG as an array of bytes
    }
  }, 30_000);

  it('a refused edit (4xx) keeps Discord\'s whole error body, and still no token', async () => {
    const harness = h(mode);
    harness.standIn.faults.failNext('/webhooks/', 400);
    const logsBefore = harness.logs.length;
    const record = harness.standIn.sendCommand('tier', { followers: '13k' });
    await until(() => harness.logs.slice(logsBefore).some((l) => l.msg === 'interaction'));
    const lines = harness.logs.slice(logsBefore);
    const failed = lines.find((l) => l.msg === '/tier failed') as { err: Record<string, unknown> } | undefined;
    expect(failed?.err).toMatchObject({ status: 400, code: 50035, body: { code: 50035, message: 'Invalid Form Body', errors: {} }, method: 'PATCH' });
    for (const line of lines.map((l) => JSON.stringify(l))) {
      expect(line).not.toContain(record.token);
      expect(line).not.toContain('13,000');
    }
  }, 30_000);
});
