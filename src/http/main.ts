/**
 * `npm run start:http`: the Interactions Endpoint. Needs DISCORD_PUBLIC_KEY, not DISCORD_TOKEN.
 * Serves POST /interactions, GET /healthz, GET /readyz and GET /metrics on HOST:PORT.
 */

import { loadConfigOrExit } from '../config/config';
import { createLogger, logProcessEvents } from '../config/logger';
import { listenFailure } from '../config/listen-failure';
import { onShutdown } from '../config/shutdown';
import { createMetrics } from '../interactions/metrics';
import { webhookRest } from '../interactions/responder';
import { coreOnFirstInteraction } from '../interactions/lazy-core';
import { openStore } from '../store';
import { createHttpApp } from './server';
import { publicKeyFromHex } from './verify';

async function main() {
  const config = loadConfigOrExit();
  if (!config.publicKey) {
    console.error('start:http needs DISCORD_PUBLIC_KEY: the application\'s public key (Developer Portal → General Information).');
    process.exit(1);
  }
  const log = createLogger({ level: config.logLevel, secrets: [config.token, config.databaseUrl] });
  logProcessEvents(log);
  const metrics = createMetrics();
  const store = await openStore(config.databaseUrl, { logger: log, onUnavailable: () => metrics.databaseErrors.inc() });
  const core = coreOnFirstInteraction(async () => (await import('../interactions/tierbot')).tierbotCore({ store, logger: log, metrics, textWhenBusy: true }), log, metrics);
  const http = createHttpApp({ core, publicKey: publicKeyFromHex(config.publicKey), rest: webhookRest(log, config.apiUrl), logger: log, metrics, ready: () => store.ready() });
  onShutdown(log, async () => {
    await http.drain();
    await store.close();
  });
  const address = await http.app.listen({ host: config.host, port: config.port }).catch((err: unknown) => {
    throw new Error(listenFailure(err, 'PORT'));
  });
  log.info({ address }, 'listening for interactions');
}

main().catch((err: unknown) => {
  console.error(`Tierbot could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
