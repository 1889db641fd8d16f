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
    destination ?? pino.destination({ fd: 2, sync: true }),
  );
}

/** One failing interaction must never take the process down: log what escaped and carry on. */
export function logProcessEvents(log: Logger): void {
  process.on('unhandledRejection', (err) => log.error({ err }, 'unhandled rejection'));
  process.on('uncaughtException', (err) => log.error({ err }, 'uncaught exception'));
  // Process warnings go to the structured log instead of raw stderr. The role-cache warning is
  // expected: app.ts keeps only @everyone on purpose (see makeCache there).
  process.removeAllListeners('warning');
  process.on('warning', (warning) => {
    const expected = warning.name === 'UnsupportedCacheOverwriteWarning' && warning.message.includes('RoleManager');
    log[expected ? 'debug' : 'warn']({ warning: warning.name }, warning.message);
  });
}
