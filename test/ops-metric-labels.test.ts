/**
 * The `command` label of tierbot_interactions_total is a closed set: Tierbot's command names and
 * "unknown". A signed request naming a command Tierbot does not have, or an interaction type it
 * does not answer, must not open a new series. Gateway mode's metrics port answers /healthz too,
 * which the container's health check reads.
 */

import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { InteractionType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/config/logger';
import { serveMetrics } from '../src/http/metrics-server';
import { createHttpApp } from '../src/http/server';
import { createMetrics } from '../src/interactions/metrics';
import { webhookRest } from '../src/interactions/responder';
import { tierbotCore } from '../src/interactions/tierbot';
import { memoryStore } from './support/context';
import { freePort } from './support/ports';

function signedPost(privateKey: KeyObject, interaction: object) {
  const body = JSON.stringify(interaction);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = sign(null, Buffer.from(timestamp + body), privateKey).toString('hex');
  return { method: 'POST' as const, url: '/interactions', payload: body, headers: { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp } };
}

const command = (name: string, id: string) => ({
  type: InteractionType.ApplicationCommand,
  id,
  token: 'interaction-token',
  application_id: '100000000000000001',
  channel_id: '300000000000000001',
  user: { id: '400000000000000001', username: 'someone' },
  data: { id: '500000000000000001', name, type: 1 },
});

describe('the command label of the interactions metric', () => {
  it('is "unknown" for a command Tierbot does not have and for an interaction type it does not answer, at /metrics', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const logger = createLogger({ level: 'silent' });
    const metrics = createMetrics();
    const core = tierbotCore({ store: memoryStore(), logger, metrics, charts: false });
    const http = createHttpApp({ core, publicKey, rest: webhookRest(logger, 'http://127.0.0.1:1/api'), logger, metrics, ready: async () => undefined });
    try {
      await http.app.inject(signedPost(privateKey, command('nosuch', '1100000000000000001')));
      const modal = await http.app.inject(signedPost(privateKey, { type: InteractionType.ModalSubmit, id: '1100000000000000002', token: 't', application_id: '1', data: { custom_id: 'x' } }));
      expect(modal.statusCode).toBe(400);
      await http.app.inject(signedPost(privateKey, { type: 99, id: '1100000000000000003', token: 't', application_id: '1', data: {} }));
      const exposed = (await http.app.inject({ method: 'GET', url: '/metrics' })).body;
      const counts = [...exposed.matchAll(/^tierbot_interactions_total\{command="([^"]*)",[^}]*\} (\d+)/gm)].map((m) => ({ command: m[1], count: Number(m[2]) }));
      expect(counts.filter((c) => c.command !== 'unknown')).toEqual([]);
      expect(counts.reduce((sum, c) => sum + c.count, 0)).toBe(3);
      expect(exposed).not.toMatch(/nosuch|type-\d/);
    } finally {
      await http.app.close();
    }
  });

});

describe('gateway mode’s metrics port', () => {
  it('answers GET /healthz, for the container’s health check, beside /metrics', async () => {
    const port = await freePort();
    const server = await serveMetrics(createMetrics(), '127.0.0.1', port);
    try {
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
