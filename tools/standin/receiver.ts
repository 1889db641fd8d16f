/**
 * A minimal Interactions Endpoint for tests of the stand-in's HTTP delivery: it verifies each
 * request's Ed25519 signature with the public key it is given (node:crypto, independently of the
 * stand-in's signer), answers 401 when that fails, PONG to a PING, and otherwise whatever the
 * test's `respond` says. Loopback only.
 */

import { createPublicKey, verify } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** DER prefix that wraps a raw 32-byte Ed25519 key as SPKI. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** True when `signature` (hex) signs timestamp + body under `publicKey` (hex, raw 32 bytes). */
export function verifyDiscordSignature(publicKey: string, signature: string, timestamp: string, body: Buffer): boolean {
  if (!/^[0-9a-f]{64}$/i.test(publicKey) || !/^[0-9a-f]{128}$/i.test(signature)) return false;
  const key = createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(publicKey, 'hex')]), format: 'der', type: 'spki' });
  return verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), body]), key, Buffer.from(signature, 'hex'));
}

export interface ReceiverAnswer {
  status?: number;
  /** An object is sent as JSON; a string or Buffer as it is. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Wait this long before answering. */
  delayMs?: number;
}

export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  raw: Buffer;
  /** The parsed body when it was JSON. */
  json?: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- an interaction as sent
  /** Whether the signature verified. */
  verified: boolean;
}

export interface Receiver {
  /** http://127.0.0.1:PORT/interactions */
  url: string;
  /** The key signatures are checked against; set it once the stand-in made it. */
  publicKey: string;
  /** Every request, in order. */
  received: ReceivedRequest[];
  /** How verified non-PING interactions are answered; default `{ type: 4, data: { content: 'ok' } }`. */
  respond: (interaction: any) => ReceiverAnswer | Promise<ReceiverAnswer>; // eslint-disable-line @typescript-eslint/no-explicit-any -- raw JSON
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const raw = Buffer.concat(chunks);
        const signature = String(req.headers['x-signature-ed25519'] ?? '');
        const timestamp = String(req.headers['x-signature-timestamp'] ?? '');
        const verified = signature !== '' && timestamp !== '' && verifyDiscordSignature(receiver.publicKey, signature, timestamp, raw);
        let json: unknown;
        try {
          json = JSON.parse(raw.toString('utf8'));
        } catch {
          json = undefined;
        }
        receiver.received.push({ headers: req.headers, raw, json, verified });
        if (!verified) return void res.writeHead(401, { 'Content-Type': 'text/plain' }).end('invalid request signature');
        if (json === undefined) return void res.writeHead(400, { 'Content-Type': 'text/plain' }).end('malformed JSON');
        if ((json as { type?: unknown }).type === 1) return void res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"type":1}');
        const answer = await receiver.respond(json);
        if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
        const isBytes = typeof answer.body === 'string' || Buffer.isBuffer(answer.body);
        const body = answer.body === undefined ? '' : isBytes ? (answer.body as string | Buffer) : JSON.stringify(answer.body);
        res.writeHead(answer.status ?? 200, { ...(isBytes ? {} : { 'Content-Type': 'application/json' }), ...answer.headers }).end(body);
      })().catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500).end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const receiver: Receiver = {
    url: `http://127.0.0.1:${port}/interactions`,
    publicKey: '',
    received: [],
    respond: () => ({ body: { type: 4, data: { content: 'ok' } } }),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return receiver;
}
