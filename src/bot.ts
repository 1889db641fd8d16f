/**
 * Entry point (`npm start`). With DISCORD_TOKEN it connects to Discord's gateway (or to
 * DISCORD_API_URL); without one it runs the playground: a local Discord stand-in with the real
 * bot logged in. `npm run start:http` (src/http/main.ts) is the other way in.
 */

import { loadConfigOrExit } from './config/config';
import { createLogger, logProcessEvents } from './config/logger';
import { onShutdown } from './config/shutdown';
import { startGateway } from './gateway/client';
import { coreOnFirstInteraction } from './interactions/lazy-core';
import type { TeamStore } from './store/types';

async function main() {
  const config = loadConfigOrExit();
  if (!config.token) {
    const { runPlayground } = await import('./cli/playground');
    await runPlayground(config);
    return;
  }
  const log = createLogger({ level: config.logLevel, secrets: [config.token, config.databaseUrl] });
  logProcessEvents(log);
  const metrics = config.metricsPort ? (await import('./interactions/metrics')).createMetrics() : undefined;
  const metricsServer = metrics && config.metricsPort ? await (await import('./http/metrics-server')).serveMetrics(metrics, config.host, config.metricsPort) : undefined;
  let store: TeamStore | undefined;
  const core = coreOnFirstInteraction(async () => {
    const [{ openStore }, { tierbotCore }] = await Promise.all([import('./store'), import('./interactions/tierbot')]);
    store = await openStore(config.databaseUrl, { logger: log });
    return tierbotCore({ store, logger: log, textWhenBusy: true, ...(metrics ? { metrics } : {}) });
  }, log);
  const starting = startGateway({ token: config.token, apiUrl: config.apiUrl, logger: log, core });
  // Listening from before login: a process manager may stop the bot while it logs in.
  onShutdown(log, async () => {
    const bot = await starting;
    await bot.stop();
    await metricsServer?.close();
    await store?.close();
  });
  await starting;
}

main().catch((err: unknown) => {
  // Login failures land here; the message is discord.js's and never contains the token.
  console.error(`Tierbot could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
