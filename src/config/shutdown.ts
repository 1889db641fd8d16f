/** SIGTERM and SIGINT: stop taking work, finish what is in flight, exit. */

import type { Logger } from './logger';

/**
 * A stop that has not finished by then ends the process anyway, before Docker's default 10 s
 * grace runs out and it is killed without a word.
 */
export const SHUTDOWN_DEADLINE_MS = 8000;

export function onShutdown(log: Logger, stop: () => Promise<void>): void {
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
      (err: unknown) => {
        log.error({ err }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => close('SIGINT'));
  process.once('SIGTERM', () => close('SIGTERM'));
}
