/**
 * The HTTP bench's floor: the least an Interactions Endpoint can do. A plain `node:http` server
 * that verifies Discord's Ed25519 signature exactly as Tierbot does (src/http/verify.ts), answers
 * PING with PONG, autocomplete with no choices, and every other interaction with one fixed embed.
 * No framework, no logging, no database: what is left is the signature check (about 74 µs here),
 * JSON parsing and the HTTP exchange, which any endpoint pays.
 *
 * Started by bench/http.ts as `node --import tsx bench/floor.ts` (the same loader as Tierbot) with
 * DISCORD_PUBLIC_KEY, PORT and HOST (127.0.0.1); it prints `floor: listening` when ready.
 */

import { createServer } from 'node:http';
import { isSignedByDiscord, publicKeyFromHex } from '../src/http/verify';

const hex = process.env.DISCORD_PUBLIC_KEY ?? '';
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 0);
if (!/^[0-9a-f]{64}$/i.test(hex) || host !== '127.0.0.1' || !Number.isInteger(port) || port <= 0) {
  console.error('bench/floor.ts needs DISCORD_PUBLIC_KEY (64 hex), HOST=127.0.0.1 and a PORT.');
  process.exit(1);
}
const key = publicKeyFromHex(hex);
const LIMIT = 1024 * 1024;

const PONG = JSON.stringify({ type: 1 });
const NO_CHOICES = JSON.stringify({ type: 8, data: { choices: [] } });
const FIXED = JSON.stringify({
  type: 4,
  data: { embeds: [{ title: 'Tier', description: 'A fixed answer: the floor does no work beyond checking the signature.', color: 0x5865f2 }] },
});

const server = createServer((req, res) => {
  const send = (status: number, body: string) => {
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  };
  if (req.method !== 'POST' || req.url !== '/interactions') return send(404, '{"error":"not found"}');
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > LIMIT) {
      send(413, '{"error":"too large"}');
      req.destroy();
    } else chunks.push(chunk);
  });
  req.on('end', () => {
    if (size > LIMIT) return;
    const raw = Buffer.concat(chunks);
    const signature = req.headers['x-signature-ed25519'];
    const timestamp = req.headers['x-signature-timestamp'];
    if (!isSignedByDiscord(key, typeof signature === 'string' ? signature : undefined, typeof timestamp === 'string' ? timestamp : undefined, raw)) {
      return send(401, '{"error":"invalid request signature"}');
    }
    let type: unknown;
    try {
      type = (JSON.parse(raw.toString('utf8')) as { type?: unknown }).type;
    } catch {
      return send(400, '{"error":"malformed JSON"}');
    }
    send(200, type === 1 ? PONG : type === 4 ? NO_CHOICES : FIXED);
  });
});

server.listen(port, host, () => console.log('floor: listening'));
const stop = () => server.close(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
