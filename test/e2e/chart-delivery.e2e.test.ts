/**
 * Chart replies are sent to Discord by the chart renderer process, so the PNG never passes
 * through the bot. What the user sees must not depend on who sent it: the chart arrives inside
 * the embed, and when the renderer cannot deliver, the bot answers in text.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLD_CHART_BUDGET_MS, stopCharts } from '../../src/charts';
import { answerOf, startHarness, type Harness } from './harness';

/** The renderer and the bot each name themselves to Discord. */
const RENDERER_AGENT = /^DiscordBot \(Tierbot, [\d.]+\) chart renderer$/;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.command('tier', { followers: '30k' }); // the renderer is started and warm
});
afterAll(async () => {
  await h?.close();
  await stopCharts();
});

/** The requests about one interaction: its callback (by id) and its webhook (by token). */
const requestsFor = ({ id, token }: { id: string; token: string }) => h.standIn.requests.filter((r) => r.path.includes(id) || r.path.includes(token));
const errorLogs = () => h.logs.filter((l) => (l.level as number) >= 50);

describe('chart replies sent by the renderer', () => {
  it('the renderer posts the callback with the chart; the bot sends nothing for it', async () => {
    const record = await h.command('tier', { followers: '45k' });
    expect(record.callbacks.map((c) => c.type)).toEqual([4]);
    const { body, files } = answerOf(record);
    expect(files.map((f) => f.name)).toEqual(['tier-45000.png']);
    expect(body.embeds[0].image.url).toBe('attachment://tier-45000.png');
    expect(body.attachments).toEqual([{ id: 0, filename: 'tier-45000.png', description: expect.any(String) }]);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    const requests = requestsFor(record);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.userAgent).toMatch(RENDERER_AGENT);
  });

  it('a button that updates the message with a chart: the renderer sends the update (type 7)', async () => {
    const first = answerOf(await h.command('compare'));
    const equal = first.body.components[0].components.find((c: { label: string }) => c.label === 'Equal budget');
    const record = await h.component(equal.custom_id, { componentType: 2, message: { id: '1', embeds: first.body.embeds, components: first.body.components } });
    expect(record.callbacks.map((c) => c.type)).toEqual([7]);
    const { body, files } = answerOf(record);
    expect(files.map((f) => f.name)).toEqual(['compare.png']);
    expect(body.embeds[0].image.url).toBe('attachment://compare.png');
    expect(requestsFor(record)[0]!.userAgent).toMatch(RENDERER_AGENT);
  });

  it('waits out a 429 on its callback and delivers the chart, exactly once', async () => {
    h.standIn.faults.rateLimitNext('/callback', 0.2);
    const record = await h.command('tier', { followers: '46k' });
    expect(record.callbacks).toHaveLength(1);
    expect(answerOf(record).files.map((f) => f.name)).toEqual(['tier-46000.png']);
    expect(requestsFor(record).map((r) => r.status)).toEqual([429, 204]);
  });

  it('when Discord refuses the renderer (500), the bot answers in text', async () => {
    h.standIn.faults.failNext('/callback', 500);
    const record = await h.command('tier', { followers: '47k' });
    const { body, files } = answerOf(record);
    expect(files).toEqual([]);
    expect(body.embeds[0].title).toContain('47,000 followers');
    expect(body.embeds[0].image).toBeUndefined();
    const requests = requestsFor(record);
    expect(requests.map((r) => r.status)).toEqual([500, 204]);
    expect(requests[1]!.userAgent).not.toMatch(RENDERER_AGENT);
    expect(errorLogs()).toEqual([]);
  });

  it('a slow network under the renderer’s callback: the bot neither defers nor answers over it', async () => {
    // Held until after the bot's 2-second deferral point, still inside Discord's 3 seconds.
    h.standIn.faults.delayNext('/callback', 2200);
    const record = await h.standIn.waitForAnswer(h.standIn.sendCommand('tier', { followers: '48k' }), 10_000);
    expect(record.callbacks.map((c) => c.type)).toEqual([4]);
    expect(answerOf(record).files.map((f) => f.name)).toEqual(['tier-48000.png']);
    await new Promise((resolve) => setTimeout(resolve, 300)); // nothing else follows
    expect(requestsFor(record).map((r) => `${r.method} ${r.status}`)).toEqual(['POST 204']);
    expect(errorLogs()).toEqual([]);
  });

  it('with the renderer still starting, the chart arrives whether the bot defers first or not, or past the cold budget the text does', async () => {
    await stopCharts();
    const sentAt = performance.now();
    const record = await h.standIn.waitForAnswer(h.standIn.sendCommand('tier', { followers: '49k' }), 15_000);
    const { body, files, receivedAt } = answerOf(record);
    // Drawn within 2 s, the chart goes out as the reply (4); otherwise the bot defers (5) and
    // the renderer edits the chart into the deferred reply. Never both, never a refused request.
    expect(record.callbacks).toHaveLength(1);
    if (record.callbacks[0]!.type === 5) expect(requestsFor(record).map((r) => `${r.method} ${r.status}`)).toEqual(['POST 204', 'PATCH 200']);
    else expect(requestsFor(record).map((r) => `${r.method} ${r.status}`)).toEqual(['POST 204']);
    expect(body.embeds[0].title).toContain('49,000 followers');
    expect(errorLogs()).toEqual([]);
    if (files.length === 0) {
      // A renderer starting on a loaded machine (other test files running beside this one) has
      // missed the bot's cold budget; the bot then edits its text into the deferred reply. Only
      // then: a text answer any sooner would mean the chart went missing.
      expect(receivedAt - sentAt).toBeGreaterThanOrEqual(COLD_CHART_BUDGET_MS);
      expect(record.callbacks[0]!.type).toBe(5);
      return;
    }
    expect(files.map((f) => f.name)).toEqual(['tier-49000.png']);
    expect(body.embeds[0].image.url).toBe('attachment://tier-49000.png');
  });
});
