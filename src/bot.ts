/**
 * Entry point (`npm start`). With DISCORD_TOKEN it connects to Discord (or to DISCORD_API_URL);
 * without one it runs the playground: a local Discord stand-in with the real bot logged into it.
 */

import { startBot } from './gateway/app';
import { loadConfigOrExit } from './config/config';
import { createLogger, logProcessEvents, type Logger } from './config/logger';
import { holdYoungGeneration } from './young-generation';

/**
 * A stop that has not finished by then (a login that hangs) ends the process anyway, before
 * Docker's default 10 s grace runs out and it is killed without a word.
 */
const SHUTDOWN_DEADLINE_MS = 8000;

function onShutdown(stop: () => Promise<void>, log: Logger) {
  let closing = false;
  const close = (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down');
    setTimeout(() => {
      log.warn({ signal, deadlineMs: SHUTDOWN_DEADLINE_MS }, 'not stopped in time; exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    stop().then(
      () => process.exit(0),
      (err) => {
        log.error({ err }, 'error while shutting down');
        process.exit(0);
      },
    );
  };
  process.once('SIGINT', () => close('SIGINT'));
  process.once('SIGTERM', () => close('SIGTERM'));
}

async function main() {
  const config = loadConfigOrExit();
  if (!config.token) {
    const { runPlayground } = await import('./cli/playground');
    await runPlayground(config);
    return;
  }
  const log = createLogger({ level: config.logLevel, secrets: [config.token] });
  logProcessEvents(log);
  const releaseYoungGeneration = holdYoungGeneration();
  const starting = startBot({ token: config.token, apiUrl: config.apiUrl, logger: log });
  // Listening from before login: a process manager may stop the bot while it logs in, and
  // interactions Discord sent meanwhile are answered once it is ready, then it stops as usual.
  onShutdown(() => starting.then((bot) => bot.stop()), log);
  await starting;
  releaseYoungGeneration();
}

main().catch((err: unknown) => {
  // Login failures land here; the message is discord.js's and never contains the token.
  console.error(`Tierbot could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
