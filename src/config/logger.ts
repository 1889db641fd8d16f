/** Structured logs (pino) on standard error, so standard output stays free for replies. */

import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

const REDACT_PATHS = ['token', '*.token', 'headers.authorization', '*.headers.authorization', 'DISCORD_TOKEN', '*.DISCORD_TOKEN'];

/**
 * An interaction's token in the path of its webhook or callback URL. Whoever has it can edit or
 * follow up the reply for 15 minutes, so no log line shows it, in whatever field it appears.
 */
const INTERACTION_TOKEN_IN_PATH = /(\/(?:webhooks|interactions)\/\d+\/)(?!:token\b)[^/?#\s"\\]+/g;

/** The field of @discordjs/rest's errors that holds what the request sent (a user's answer, a file's bytes): never logged. */
const REQUEST_FIELD = 'requestBody';

/** How deep an error is written: enough for its own fields, not a socket or an agent that found its way onto it. */
const MAX_ERROR_DEPTH = 6;
/**
 * Discord's answer to a refused request (DiscordRefusal's `body`, the REST client's `rawError`) is
 * kept whole: its per-field `errors` nest a field's path (`errors.data.components.0.components.1.
 * custom_id`) down to `_errors`, whose code and message say what was wrong, less than 20 levels
 * deep. Still capped, so a hostile body cannot overflow the walk.
 */
const DISCORD_BODY_FIELDS: ReadonlySet<string> = new Set(['body', 'rawError']);
const MAX_DISCORD_BODY_DEPTH = 32;

/**
 * pino's error serializer, without what an error may carry of the request that failed. The
 * interaction responder already throws errors that hold none of it; this is for any other path
 * (the REST client's own errors keep the whole request body, files included).
 */
function serializeError(err: unknown): unknown {
  const serialized = pino.stdSerializers.err(err as Error);
  if (serialized === err || typeof serialized !== 'object' || serialized === null) return serialized;
  const seen = new WeakSet<object>();
  const strip = (value: unknown, depth: number, maxDepth: number): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    if (ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;
    if (seen.has(value) || depth > maxDepth) return '[omitted]';
    seen.add(value);
    if (Array.isArray(value)) return value.map((item) => strip(item, depth + 1, maxDepth));
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== REQUEST_FIELD)
        .map(([key, item]) => [key, strip(item, depth + 1, depth === 0 && DISCORD_BODY_FIELDS.has(key) ? MAX_DISCORD_BODY_DEPTH : maxDepth)]),
    );
  };
  return strip(serialized, 0, MAX_ERROR_DEPTH);
}

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
      serializers: { err: serializeError },
      hooks: {
        streamWrite: (line) =>
          hidden.reduce((text, secret) => text.split(secret).join('[redacted]'), line).replace(INTERACTION_TOKEN_IN_PATH, '$1[redacted]'),
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
