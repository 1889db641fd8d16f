/**
 * The stand-in delivering interactions to an Interactions Endpoint, as Discord does: signed POSTs
 * whose response is the first answer, later edits and follow-ups through the webhook without a
 * bot token, and every way a delivery can fail recorded on the interaction.
 */

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyDiscordSignature, type Receiver } from '../tools/standin/receiver';
import { startStandInWithReceiver } from './support/receiver';
import { finalAnswer, startStandIn, type StandIn } from '../tools/standin/server';

let receiver: Receiver;
let standIn: StandIn;
let close: (() => Promise<void>) | undefined;
beforeAll(async () => void ({ receiver, standIn, close } = await startStandInWithReceiver()));
afterAll(() => close?.());

beforeEach(() => {
  receiver.respond = () => ({ body: { type: 4, data: { content: 'ok' } } });
});

const webhook = (record: { token: string }, rest = '') => `${standIn.apiUrl}/v10/webhooks/${standIn.applicationId}/${record.token}${rest}`;

describe('signing', () => {
  it('publishes a raw 32-byte Ed25519 public key in hex, and signs timestamp + body with it', () => {
    expect(standIn.publicKey).toMatch(/^[0-9a-f]{64}$/);
    const headers = standIn.sign('{"type":1}', '1700000000');
    expect(headers['X-Signature-Timestamp']).toBe('1700000000');
    expect(headers['X-Signature-Ed25519']).toMatch(/^[0-9a-f]{128}$/);
    expect(verifyDiscordSignature(standIn.publicKey, headers['X-Signature-Ed25519']!, '1700000000', Buffer.from('{"type":1}'))).toBe(true);
    expect(verifyDiscordSignature(standIn.publicKey, headers['X-Signature-Ed25519']!, '1700000001', Buffer.from('{"type":1}'))).toBe(false);
    const now = Number(standIn.sign('x')['X-Signature-Timestamp']);
    expect(Math.abs(now - Date.now() / 1000)).toBeLessThan(5);
  });

  it('gives each application its own key, and shows it as the application verify_key', async () => {
    const other = await startStandIn({ interactionsEndpoint: receiver.url });
    try {
      expect(other.publicKey).not.toBe(standIn.publicKey);
    } finally {
      await other.close();
    }
    const app = await fetch(`${standIn.apiUrl}/v10/applications/@me`, { headers: { Authorization: `Bot ${standIn.token}` } });
    expect(((await app.json()) as { verify_key: string }).verify_key).toBe(standIn.publicKey);
  });

  it('refuses an endpoint that is not on 127.0.0.1', async () => {
    await expect(startStandIn({ interactionsEndpoint: 'http://example.com/interactions' })).rejects.toThrow(/127\.0\.0\.1/);
    await expect(startStandIn({ interactionsEndpoint: 'http://localhost:8080/interactions' })).rejects.toThrow(/127\.0\.0\.1/);
  });
});

describe('delivery', () => {
  it('POSTs the interaction signed, as JSON, and records the response body as the first callback', async () => {
    const before = receiver.received.length;
    const record = standIn.sendCommand('tier', { followers: '30k' });
    const answered = await standIn.waitForAnswer(record);
    const request = receiver.received[before]!;
    expect(request.verified).toBe(true);
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['user-agent']).toMatch(/^Discord-Interactions\//);
    expect(request.json).toMatchObject({ id: record.id, token: record.token, type: 2, data: { name: 'tier', options: [{ name: 'followers', type: 3, value: '30k' }] } });
    expect(answered.endpointStatus).toBe(200);
    expect(answered.endpointError).toBeUndefined();
    expect(answered.callbacks).toMatchObject([{ type: 4, data: { content: 'ok' } }]);
    expect(finalAnswer(answered).body).toEqual({ content: 'ok' });
    expect(standIn.originalMessage(answered)).toMatchObject({ content: 'ok', type: 20 });
  });

  it('needs no gateway client in HTTP mode (none logged in here), and is ready once the endpoint answers PING', async () => {
    await standIn.waitForReady(2000);
    const pong = await standIn.sendPing();
    expect(pong.status).toBe(200);
    expect(JSON.parse(pong.body)).toEqual({ type: 1 });
    expect(receiver.received.at(-1)!.json).toMatchObject({ type: 1, application_id: standIn.applicationId });
  });

  it('takes a deferred reply (type 5) and its later edit through the webhook, with no Authorization header', async () => {
    receiver.respond = () => ({ body: { type: 5 } });
    const record = standIn.sendCommand('tier');
    await standIn.waitForDelivery(record);
    expect(record.callbacks.map((c) => c.type)).toEqual([5]);
    const edit = await fetch(webhook(record, '/messages/@original'), { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ content: 'later' }) });
    expect(edit.status).toBe(200);
    const followUp = await fetch(`${webhook(record)}?wait=true`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ content: 'and one more' }) });
    expect(followUp.status).toBe(200);
    const answered = await standIn.waitForAnswer(record);
    expect(finalAnswer(answered).body).toEqual({ content: 'later' });
    expect(answered.followUps.map((f) => f.body.content)).toEqual(['and one more']);
    const requests = standIn.requests.filter((r) => r.path.includes(record.token));
    expect(requests.map((r) => [r.method, r.status])).toEqual([
      ['PATCH', 200],
      ['POST', 200],
    ]);
  });

  it('lets an edit sent right after the HTTP response wait until that response is recorded', async () => {
    // The endpoint answers type 5 and, in the same tick, edits: the edit must not find the interaction unacknowledged.
    let edit: Promise<Response> | undefined;
    receiver.respond = (interaction: { token: string }) => {
      setImmediate(() => {
        edit = fetch(webhook(interaction, '/messages/@original'), { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: '{"content":"quick"}' });
      });
      return { body: { type: 5 }, delayMs: 20 };
    };
    const record = standIn.sendCommand('tier');
    await standIn.waitForAnswer(record);
    expect((await edit!).status).toBe(200);
    expect(finalAnswer(record).body).toEqual({ content: 'quick' });
  });

  it('reads a multipart response: payload_json plus the files', async () => {
    const boundary = 'standinboundary';
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="payload_json"\r\nContent-Type: application/json\r\n\r\n` +
          JSON.stringify({ type: 4, data: { content: 'chart', attachments: [{ id: 0, filename: 'chart.png' }] } }) +
          `\r\n--${boundary}\r\nContent-Disposition: form-data; name="files[0]"; filename="chart.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      png,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    receiver.respond = () => ({ body, headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` } });
    const record = await standIn.waitForAnswer(standIn.sendCommand('tier'));
    expect(record.callbacks[0]).toMatchObject({ type: 4, data: { content: 'chart' } });
    expect(record.callbacks[0]!.files).toEqual([{ name: 'chart.png', data: png, size: png.length, contentType: 'image/png' }]);
    // The upload is served where the message says it is.
    const [attachment] = standIn.originalMessage(record)!.attachments;
    const served = await fetch(attachment!.url);
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
  });

  it('answers autocomplete and component interactions through the response too', async () => {
    receiver.respond = (interaction: { type: number }) =>
      interaction.type === 4 ? { body: { type: 8, data: { choices: [{ name: 'Medium', value: 'medium' }] } } } : { body: { type: 7, data: { content: 'updated' } } };
    const auto = await standIn.waitForAnswer(standIn.sendAutocomplete('tiers', 'source', 'med'));
    expect(auto.callbacks).toMatchObject([{ type: 8, data: { choices: [{ value: 'medium' }] } }]);
    const button = await standIn.waitForAnswer(standIn.sendComponent('tier:next'));
    expect(button.callbacks).toMatchObject([{ type: 7, data: { content: 'updated' } }]);
  });
});

describe('failed deliveries, recorded', () => {
  it('records a non-2xx answer with its status and body, and waitForAnswer rejects at once', async () => {
    receiver.respond = () => ({ status: 500, body: 'boom' });
    const record = standIn.sendCommand('tier');
    await expect(standIn.waitForAnswer(record, 4000)).rejects.toThrow(/answered 500/);
    expect(record).toMatchObject({ endpointStatus: 500, endpointBody: 'boom', callbacks: [] });
  });

  it('records a response body that is not JSON', async () => {
    receiver.respond = () => ({ body: '{"type":4,', headers: { 'Content-Type': 'application/json' } });
    const record = await standIn.waitForDelivery(standIn.sendCommand('tier'));
    expect(record.endpointStatus).toBe(200);
    expect(record.endpointError).toMatch(/not valid JSON/);
  });

  it('records a callback Discord would refuse, with Discord\'s error body', async () => {
    receiver.respond = () => ({ body: { type: 4, data: { content: 'x'.repeat(2001) } } });
    const record = await standIn.waitForDelivery(standIn.sendCommand('tier'));
    expect(record.endpointRefusal).toMatchObject({ code: 50035, errors: { data: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } } });
    expect(record.callbacks).toEqual([]);
  });

  it('records an empty 200 and a callback type this interaction cannot take', async () => {
    receiver.respond = () => ({ status: 200, body: '' });
    const empty = await standIn.waitForDelivery(standIn.sendCommand('tier'));
    expect(empty.endpointError).toBeDefined();
    receiver.respond = () => ({ body: { type: 8, data: { choices: [] } } });
    const wrong = await standIn.waitForDelivery(standIn.sendCommand('tier'));
    expect(wrong.endpointRefusal).toMatchObject({ code: 50035, errors: { type: { _errors: [{ code: 'BASE_TYPE_CHOICES' }] } } });
  });

  it('records an endpoint that answers too late (after the 3 s acknowledgement window)', async () => {
    const slow = await startStandIn({ interactionsEndpoint: receiver.url, ackTimeoutMs: 150 });
    receiver.publicKey = slow.publicKey;
    try {
      receiver.respond = () => ({ body: { type: 4, data: { content: 'late' } }, delayMs: 400 });
      const record = await slow.waitForDelivery(slow.sendCommand('tier'));
      expect(record.endpointError).toMatch(/no response within 150 ms/);
      expect(record.callbacks).toEqual([]);
    } finally {
      receiver.publicKey = standIn.publicKey;
      await slow.close();
    }
  });

  it('records a connection error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const nobody = await startStandIn({ interactionsEndpoint: `http://127.0.0.1:${port}/interactions` });
    try {
      const record = await nobody.waitForDelivery(nobody.sendCommand('tier'));
      expect(record.endpointStatus).toBeUndefined();
      expect(record.endpointError).toMatch(/ECONNREFUSED/);
      await expect(nobody.waitForAnswer(record)).rejects.toThrow(/ECONNREFUSED/);
      await expect(nobody.waitForReady(300)).rejects.toThrow(/did not answer PING/);
    } finally {
      await nobody.close();
    }
  });

  it('records a connection reset mid-request', async () => {
    const rude = createServer((req) => req.socket.destroy());
    await new Promise<void>((resolve) => rude.listen(0, '127.0.0.1', resolve));
    const { port } = rude.address() as AddressInfo;
    const reset = await startStandIn({ interactionsEndpoint: `http://127.0.0.1:${port}/interactions` });
    try {
      const record = await reset.waitForDelivery(reset.sendCommand('tier'));
      expect(record.endpointError).toMatch(/connection failed/);
    } finally {
      await reset.close();
      await new Promise<void>((resolve) => rude.close(() => resolve()));
    }
  });
});

describe('raw requests, for tests of an endpoint\'s refusals', () => {
  const body = JSON.stringify({ id: '1', application_id: '100000000000000001', type: 1, token: 't', version: 1 });

  it('postRaw sends exactly what it is given: a good signature passes', async () => {
    const reply = await standIn.postRaw(body, standIn.sign(body));
    expect(reply).toMatchObject({ status: 200, body: '{"type":1}' });
  });

  it('an unsigned request, a bad signature and an old signature on a changed body are refused', async () => {
    expect((await standIn.postRaw(body, {})).status).toBe(401);
    expect((await standIn.postRaw(body, { 'X-Signature-Ed25519': 'zz', 'X-Signature-Timestamp': '1' })).status).toBe(401);
    const headers = standIn.sign(body);
    // A replayed body with one byte changed keeps a signature that no longer matches.
    const changed = body.replace('"type":1', '"type":2');
    expect(changed).not.toBe(body);
    expect((await standIn.postRaw(changed, headers)).status).toBe(401);
    // The same body under another timestamp does not match either.
    expect((await standIn.postRaw(body, { ...headers, 'X-Signature-Timestamp': String(Number(headers['X-Signature-Timestamp']) + 1) })).status).toBe(401);
  });

  it('sends malformed and oversized bodies when signed, and Buffers as they are', async () => {
    const malformed = '{"type":';
    expect(await standIn.postRaw(malformed, standIn.sign(malformed))).toMatchObject({ status: 400 });
    const big = Buffer.alloc(2 * 1024 * 1024, 0x20);
    const reply = await standIn.postRaw(big, standIn.sign(big));
    expect(reply.status).toBe(400); // the receiver here has no size limit: it is just not JSON it knows
    expect(receiver.received.at(-1)!.raw.length).toBe(big.length);
  });

  it('checkEndpoint does what Discord does when the URL is saved', async () => {
    expect(await standIn.checkEndpoint()).toEqual({ ok: true, problems: [] });
    // An endpoint that accepts anything is refused.
    const lax = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"type":1}'));
    await new Promise<void>((resolve) => lax.listen(0, '127.0.0.1', resolve));
    const laxStandIn = await startStandIn({ interactionsEndpoint: `http://127.0.0.1:${(lax.address() as AddressInfo).port}/` });
    try {
      const check = await laxStandIn.checkEndpoint();
      expect(check.ok).toBe(false);
      expect(check.problems.join('\n')).toMatch(/wrong signature got 200/);
    } finally {
      await laxStandIn.close();
      await new Promise<void>((resolve) => lax.close(() => resolve()));
    }
  });
});
