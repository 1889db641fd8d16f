/** Structured logs (pino) on standard error, so standard output stays free for replies. */

import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

const REDACT_PATHS = ['token', '*.token', 'headers.authorization', '*.headers.authorization', 'DISCORD_TOKEN', '*.DISCORD_TOKEN'];

export interface LoggerOptions {
  level?: string;
  /** Values that must never reach a log line (the bot token), wherever they appear, even inside an error message. */
  secrets?: readonly (string | undefined)[];
  destination?: DestinationStream;
}

export function createLogger({ level = 'info', secrets = [], destination }: LoggerOptions = {}): Logger {
  const hidden = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 8);
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      hooks: {
        streamWrite: (line) => hidden.reduce((text, secret) => text.split(secret).join('[redacted]'), line),
      },
    },
    // Asynchronous, as pino advises for production: a synchronous write to a pipe whose reader
    // lags (a log collector, a container runtime) blocks the whole process for 100 ms at a time.
    // pino writes out what is buffered when the process exits, after an uncaught exception too.
    destination ?? pino.destination({ fd: 2, sync: false }),
  );
}

/**
 * Interactions have their own error boundary; what escapes it is logged. A rejection nobody
 * handled is logged and the process goes on. After an uncaught exception the process state is
 * unknown, so, as Node's documentation advises, it is logged and the process exits non-zero for
 * its manager to start a clean one.
 */
export function logProcessEvents(log: Logger): void {
  process.on('unhandledRejection', (err) => log.error({ err }, 'unhandled rejection'));
  process.on('uncaughtException', (err) => {
    log.fatal({ err }, 'uncaught exception; exiting for a clean restart');
    process.exit(1);
  });
  process.removeAllListeners('warning');
  process.on('warning', (warning) => log.warn({ warning: warning.name }, warning.message));
}
