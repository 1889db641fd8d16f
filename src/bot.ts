/**
 * Entry point (`npm start`). With DISCORD_TOKEN it connects to Discord's gateway (or to
 * DISCORD_API_URL); without one it runs the playground: a local Discord stand-in with the real
 * bot logged in. `npm run start:http` (src/http/main.ts) is the other way in.
 */

import { databaseUrlSecret, loadConfigOrExit } from './config/config';
import { discordNoAnswer } from './config/discord-no-answer';
import { createLogger, logProcessEvents } from './config/logger';
import { listenFailure } from './config/listen-failure';
import { onShutdown } from './config/shutdown';
import { startGateway } from './gateway/client';
import { coreOnFirstInteraction } from './interactions/lazy-core';
import { prepareSqlitePath, sqlitePathOf } from './store/sqlite-path';
import type { TeamStore } from './store/types';

/**
 * The shard this process is, under `npm run start:sharded` (discord.js's ShardingManager passes
 * it as SHARDS); 0 when it runs alone. Shard N serves its metrics on METRICS_PORT + N: every shard
 * is a process of its own, with its own counters, and they cannot share one port.
 */
function shardId(): number {
  const id = Number(process.env.SHARDS);
  return Number.isInteger(id) && id >= 0 ? id : 0;
}

async function main() {
  const config = loadConfigOrExit();
  if (!config.token) {
    const { runPlayground } = await import('./cli/playground');
    await runPlayground(config);
    return;
  }
  // The database layer loads on the first interaction; a SQLite path it could not use stops the bot now.
  const sqlitePath = sqlitePathOf(config.databaseUrl);
  if (sqlitePath) prepareSqlitePath(sqlitePath);
  const log = createLogger({ level: config.logLevel, secrets: [config.token, databaseUrlSecret(config.databaseUrl)] });
  logProcessEvents(log);
  const metricsPort = config.metricsPort === undefined ? undefined : config.metricsPort + shardId();
  const metrics = metricsPort ? (await import('./interactions/metrics')).createMetrics() : undefined;
  const metricsServer =
    metrics && metricsPort
      ? await (await import('./http/metrics-server')).serveMetrics(metrics, config.host, metricsPort).catch((err: unknown) => {
          throw new Error(listenFailure(err, 'METRICS_PORT'));
        })
      : undefined;
  if (metricsServer) log.info({ port: metricsPort }, 'serving /metrics and /healthz');
  let store: TeamStore | undefined;
  const core = coreOnFirstInteraction(
    async () => {
      const [{ openStore }, { tierbotCore }] = await Promise.all([import('./store'), import('./interactions/tierbot')]);
      store = await openStore(config.databaseUrl, { logger: log, ...(metrics ? { onUnavailable: () => metrics.databaseErrors.inc() } : {}) });
      return tierbotCore({ store, logger: log, textWhenBusy: true, ...(metrics ? { metrics } : {}) });
    },
    log,
    metrics,
  );
  log.info({ api: config.apiUrl ?? 'https://discord.com/api', ...(sqlitePath ? { database: `SQLite ${sqlitePath}` } : {}) }, 'connecting to Discord…');
  const connectingSince = Date.now();
  const starting = startGateway({ token: config.token, apiUrl: config.apiUrl, logger: log, core }).catch((err: unknown) => {
    const noAnswer = discordNoAnswer(err, config.apiUrl, Date.now() - connectingSince);
    throw noAnswer ? new Error(noAnswer) : err;
  });
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
