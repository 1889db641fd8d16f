/**
 * The Interactions Endpoint refuses what Discord never sends: unsigned or badly signed requests
 * (401), a signed body replayed with one byte changed (401), oversized bodies (413), malformed
 * JSON after a valid signature (400). It answers PING with PONG and serves health, readiness and
 * metrics for operators.
 */

import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerOf, startHarness, type Harness } from './harness';

let h: Harness;
let base: string;
beforeAll(async () => {
  h = await startHarness({ mode: 'http' });
  base = h.standIn.interactionsEndpoint!.replace(/\/interactions$/, '');
});
afterAll(async () => {
  await h?.close();
});

/** A POST with no Content-Type header at all (fetch would add one). */
function postWithoutContentType(body: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${base}/interactions`, { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

const interaction = () =>
  JSON.stringify({ id: '1', application_id: h.standIn.applicationId, type: 2, token: 'tok', version: 1, data: { id: '2', name: 'tier', type: 1, options: [{ name: 'followers', type: 3, value: '30k' }] }, user: { id: '3', username: 'u' } });

describe('POST /interactions', () => {
  it('answers a signed PING with PONG', async () => {
    const pong = await h.standIn.sendPing();
    expect(pong.status).toBe(200);
    expect(JSON.parse(pong.body)).toEqual({ type: 1 });
    // A PING is answered from its type alone.
    const bare = '{"type":1}';
    expect(await h.standIn.postRaw(bare, { ...h.standIn.sign(bare), 'content-type': 'application/json' })).toMatchObject({ status: 200, body: '{"type":1}' });
  });

  it('checks the signature over the bytes sent whatever the content type: signed, it is answered; changed, refused', async () => {
    const body = JSON.stringify({ id: '1', application_id: h.standIn.applicationId, type: 1, token: 'tok', version: 1 });
    for (const contentType of ['text/plain', 'text/plain; charset=utf-8', 'application/x-www-form-urlencoded', 'application/octet-stream', 'application/json; charset=utf-8']) {
      const headers = { ...h.standIn.sign(body), 'content-type': contentType };
      const reply = await h.standIn.postRaw(body, headers);
      expect([contentType, reply.status, reply.body]).toEqual([contentType, 200, '{"type":1}']);
      expect((await h.standIn.postRaw(body.replace('tok', 'tak'), headers)).status).toBe(401);
    }
    expect(await postWithoutContentType(body, h.standIn.sign(body))).toEqual({ status: 200, body: '{"type":1}' });
    const tooBig = JSON.stringify({ type: 1, padding: 'x'.repeat(1024 * 1024 + 10) });
    expect((await h.standIn.postRaw(tooBig, { ...h.standIn.sign(tooBig), 'content-type': 'text/plain' })).status).toBe(413);
  });

  it('refuses an unsigned request with 401', async () => {
    const reply = await h.standIn.postRaw(interaction(), { 'content-type': 'application/json' });
    expect(reply.status).toBe(401);
  });

  it('refuses a signature made with another key, or over another timestamp, with 401', async () => {
    const body = interaction();
    const headers = h.standIn.sign(body);
    const flipped = headers['X-Signature-Ed25519']!.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));
    expect((await h.standIn.postRaw(body, { ...headers, 'X-Signature-Ed25519': flipped, 'content-type': 'application/json' })).status).toBe(401);
    expect((await h.standIn.postRaw(body, { ...headers, 'X-Signature-Timestamp': String(Number(headers['X-Signature-Timestamp']) + 1), 'content-type': 'application/json' })).status).toBe(401);
    expect((await h.standIn.postRaw(body, { ...headers, 'X-Signature-Ed25519': 'zz', 'content-type': 'application/json' })).status).toBe(401);
  });

  it('refuses a replayed body with one byte changed with 401', async () => {
    const body = interaction();
    const headers = { ...h.standIn.sign(body), 'content-type': 'application/json' };
    const changed = body.replace('30k', '31k');
    expect((await h.standIn.postRaw(changed, headers)).status).toBe(401);
  });

  it('refuses a body over 1 MB with 413', async () => {
    const body = JSON.stringify({ type: 1, padding: 'x'.repeat(1024 * 1024 + 10) });
    const reply = await h.standIn.postRaw(body, { ...h.standIn.sign(body), 'content-type': 'application/json' });
    expect(reply.status).toBe(413);
  });

  it('refuses malformed JSON after a valid signature with 400', async () => {
    const body = '{"type": 2, "id": ';
    const reply = await h.standIn.postRaw(body, { ...h.standIn.sign(body), 'content-type': 'application/json' });
    expect(reply.status).toBe(400);
  });

  it('refuses, signed, an interaction type Tierbot does not answer (a modal submit) or one without its data with 400, never 500', async () => {
    const modal = JSON.stringify({ id: '1', application_id: h.standIn.applicationId, type: 5, token: 'tok', version: 1, data: { custom_id: 'x', components: [] }, user: { id: '3', username: 'u' } });
    const noData = JSON.stringify({ id: '1', application_id: h.standIn.applicationId, type: 2, token: 'tok', version: 1, user: { id: '3', username: 'u' } });
    for (const body of [modal, noData]) {
      const reply = await h.standIn.postRaw(body, { ...h.standIn.sign(body), 'content-type': 'application/json' });
      expect(reply.status).toBe(400);
    }
    // Signed, so from Discord: operators see them counted.
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/tierbot_interactions_total\{command="unknown",outcome="refused"\} [1-9]/);
    expect(metrics).toMatch(/tierbot_interactions_total\{command="unknown",outcome="refused"\} [1-9]/);
  });

  it('answers other methods on /interactions with 405 and Allow: POST', async () => {
    const res = await fetch(`${base}/interactions`);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
  });

  it('answers an interaction in the response body, and edits a deferred reply later over the webhook', async () => {
    const record = await h.command('tier', { followers: '30000' });
    expect(record.endpointStatus).toBe(200);
    expect(record.callbacks[0]!.type).toBe(5);
    expect(record.edits).toHaveLength(1);
    expect(answerOf(record).body.embeds[0].title).toContain('30,000');
  });

  it('answers in the response body when the interaction id is dated outside the 3-second window (a fixed id), not deferring at once', async () => {
    const body = JSON.stringify({
      id: '1',
      application_id: h.standIn.applicationId,
      type: 2,
      token: 'tok',
      version: 1,
      data: { id: '2', name: 'glossary', type: 1, options: [{ name: 'term', type: 3, value: 'CPE' }] },
      user: { id: '3', username: 'u' },
    });
    const reply = await h.standIn.postRaw(body, { ...h.standIn.sign(body), 'content-type': 'application/json' });
    expect(reply.status).toBe(200);
    const answer = JSON.parse(reply.body) as { type: number; data?: { embeds?: { title?: string }[] } };
    expect(answer.type).toBe(4);
    expect(answer.data?.embeds?.[0]?.title).toContain('CPE');
  });
});

describe('operators', () => {
  it('GET /healthz and /readyz answer 200', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  });

  it('GET /metrics counts interactions by command and outcome, in Prometheus format', async () => {
    await h.command('tier', { followers: 'lots' });
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toMatch(/tierbot_interactions_total\{command="tier",outcome="input-error"\} \d+/);
    expect(text).toContain('tierbot_interaction_duration_seconds_bucket');
    expect(text).toContain('process_cpu_user_seconds_total');
  });
});
