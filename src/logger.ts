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
