/**
 * `npm run start:http`: the Interactions Endpoint. Needs DISCORD_PUBLIC_KEY, not DISCORD_TOKEN.
 * Serves POST /interactions, GET /healthz, GET /readyz and GET /metrics on HOST:PORT.
 */

import { databaseUrlSecret, loadConfigOrExit } from '../config/config';
import { createLogger, logProcessEvents } from '../config/logger';
import { listenFailure } from '../config/listen-failure';
import { onShutdown } from '../config/shutdown';
import { createMetrics } from '../interactions/metrics';
import { webhookRest } from '../interactions/responder';
import { coreOnFirstInteraction } from '../interactions/lazy-core';
import { openStore } from '../store';
import { sqlitePathOf } from '../store/sqlite-path';
import { createHttpApp } from './server';
import { publicKeyFromHex } from './verify';

async function main() {
  const config = loadConfigOrExit();
  if (!config.publicKey) {
    console.error('start:http needs DISCORD_PUBLIC_KEY: the application\'s public key (Developer Portal → General Information).');
    process.exit(1);
  }
  const log = createLogger({ level: config.logLevel, secrets: [config.token, databaseUrlSecret(config.databaseUrl)] });
  logProcessEvents(log);
  const metrics = createMetrics();
  const sqlitePath = sqlitePathOf(config.databaseUrl);
  const store = await openStore(config.databaseUrl, { logger: log, onUnavailable: () => metrics.databaseErrors.inc() });
  const core = coreOnFirstInteraction(async () => (await import('../interactions/tierbot')).tierbotCore({ store, logger: log, metrics, textWhenBusy: true }), log, metrics);
  const http = createHttpApp({ core, publicKey: publicKeyFromHex(config.publicKey), rest: webhookRest(log, config.apiUrl), logger: log, metrics, ready: () => store.ready() });
  onShutdown(log, async () => {
    await http.drain();
    await store.close();
  });
  await http.app.listen({ host: config.host, port: config.port }).catch((err: unknown) => {
    throw new Error(listenFailure(err, 'PORT'));
  });
  // Where it listens, not fastify's listen() result: for HOST=0.0.0.0 that names 127.0.0.1 alone.
  log.info({ host: config.host, port: config.port, ...(sqlitePath ? { database: `SQLite ${sqlitePath}` } : {}) }, 'listening for interactions');
}

main().catch((err: unknown) => {
  console.error(`Tierbot could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
