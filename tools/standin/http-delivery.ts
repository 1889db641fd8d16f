/**
 * Delivering interactions to an app's Interactions Endpoint, as Discord does: a POST of the
 * interaction's JSON, signed with the application's Ed25519 key over `timestamp + raw body`
 * (headers X-Signature-Ed25519 and X-Signature-Timestamp). The endpoint must be on 127.0.0.1:
 * the stand-in only ever talks to loopback.
 */

import { generateKeyPairSync, sign as ed25519Sign } from 'node:crypto';

/** The User-Agent Discord's interaction deliveries carry. */
export const DISCORD_INTERACTIONS_USER_AGENT = 'Discord-Interactions/1.0 (+https://discord.com)';

export interface Signer {
  /** Hex of the raw 32-byte public key, as the Developer Portal shows it. */
  publicKey: string;
  /** The two headers Discord signs a delivery with; the timestamp defaults to now (unix seconds). */
  sign(body: string | Buffer, timestamp?: string): Record<string, string>;
}

/** A fresh Ed25519 key pair, as an application gets one. */
export function createSigner(): Signer {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  // SPKI DER of an Ed25519 key is a fixed 12-byte prefix followed by the raw 32 bytes.
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  return {
    publicKey: raw.toString('hex'),
    sign(body, timestamp = String(Math.floor(Date.now() / 1000))) {
      const signed = Buffer.concat([Buffer.from(timestamp, 'utf8'), typeof body === 'string' ? Buffer.from(body, 'utf8') : body]);
      return { 'X-Signature-Ed25519': ed25519Sign(null, signed, privateKey).toString('hex'), 'X-Signature-Timestamp': timestamp };
    },
  };
}

/** The endpoint URL, refused unless it is http://127.0.0.1:… */
export function loopbackEndpoint(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' || parsed.hostname !== '127.0.0.1') {
    throw new Error(`The stand-in delivers interactions only to http://127.0.0.1:…, not ${url}`);
  }
  return parsed.href;
}

/** What an endpoint answered. */
export interface EndpointReply {
  status: number;
  /** The response body as text. */
  body: string;
  headers: Record<string, string>;
}

export interface RawEndpointReply extends EndpointReply {
  raw: Buffer;
  contentType: string;
  /** performance.now() when the last byte arrived. */
  receivedAt: number;
}

/** POSTs `body` to the endpoint with exactly these headers (plus Content-Length); rejects on a connection error or after timeoutMs. */
export async function postToEndpoint(endpoint: string, body: string | Buffer, headers: Record<string, string>, timeoutMs: number): Promise<RawEndpointReply> {
  const response = await fetch(endpoint, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
  const raw = Buffer.from(await response.arrayBuffer());
  return {
    status: response.status,
    body: raw.toString('utf8'),
    headers: Object.fromEntries(response.headers.entries()),
    raw,
    contentType: response.headers.get('content-type') ?? '',
    receivedAt: performance.now(),
  };
}

/** A connection error as a short sentence: "ECONNREFUSED", "timed out after 3000 ms"… */
export function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `no response within ${timeoutMs} ms`;
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  if (cause?.code) return `connection failed: ${cause.code}`;
  return `connection failed: ${error instanceof Error ? (cause?.message ?? error.message) : String(error)}`;
}
