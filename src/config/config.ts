/**
 * Configuration from the environment (and .env), validated once at start. The contract is in
 * DESIGN.md: DISCORD_TOKEN, DISCORD_CLIENT_ID, DISCORD_GUILD_ID, DISCORD_API_URL,
 * DISCORD_PUBLIC_KEY, PORT, HOST, DATABASE_URL, METRICS_PORT, LOG_LEVEL.
 */

import { config as loadDotenv } from 'dotenv';
import { isIP } from 'node:net';
import { z } from 'zod';

const PORT_RANGE = 'must be a port number from 1 to 65535';
const port = z
  .string()
  .regex(/^\d{1,5}$/, PORT_RANGE)
  .transform(Number)
  .refine((n) => n >= 1 && n <= 65535, PORT_RANGE);
const HTTP_URL = 'must be an http(s) URL such as http://127.0.0.1:3001/api';
const isHttpUrl = (text: string) => URL.canParse(text) && /^https?:$/.test(new URL(text).protocol);
const HOST_FORMS = 'must be an IP address to listen on, such as 0.0.0.0 (every interface) or 127.0.0.1, or a host name';
/** An IPv4 or IPv6 address, or a host name (letters, digits and hyphens in dot-separated labels). */
function isHost(text: string): boolean {
  return isIP(text) !== 0 || (text.length <= 253 && text.split('.').every((label) => /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i.test(label)));
}

const DATABASE_URL_FORMS = 'must be a file path, a file: URL, or a postgres://user:password@host:5432/db URL';
/** A path or file: URL (SQLite), or a Postgres URL that parses and names a host; any other scheme is refused. */
function isDatabaseUrl(text: string): boolean {
  if (/^(postgres|postgresql):/i.test(text)) return URL.canParse(text) && /^postgres(ql)?:\/\/[^/]/i.test(text) && new URL(text).hostname !== '' && validPort(new URL(text).port);
  // "postgres:u:pw@host" (no //) would otherwise be a relative path, and the password a folder's name.
  return /^file:/i.test(text) || !/^[a-z][a-z0-9+.-]+:/i.test(text);
}
const validPort = (p: string) => p === '' || (Number(p) >= 1 && Number(p) <= 65535);
const PASSWORD_ESCAPES = 'must have any / # ? or @ in its password percent-encoded (%2F, %23, %3F, %40)';
/**
 * A Postgres URL whose password holds an unencoded / # or ? still parses, but ends its host there:
 * the password's end and the real host land in the path, query or fragment, and from there in logs.
 */
function passwordSpillsPastHost(text: string): boolean {
  // The text between "//" and the last "@" is the user and password: a / # or ? there ends the host early.
  const userinfo = /^postgres(?:ql)?:\/\/(.*)@[^@]*$/i.exec(text)?.[1];
  return userinfo !== undefined && /[/#?]/.test(userinfo);
}
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17–20 digits)');
// A copied .env.example leaves keys empty: empty means "not set", not "set to nothing".
const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const ConfigSchema = z.object({
  DISCORD_TOKEN: optional(z.string().min(20, 'looks too short to be a bot token').regex(/^\S+$/, 'must not contain spaces')),
  DISCORD_CLIENT_ID: optional(snowflake),
  DISCORD_GUILD_ID: optional(snowflake),
  DISCORD_API_URL: optional(
    z
      .string()
      .refine(isHttpUrl, HTTP_URL)
      .transform((url) => url.replace(/\/+$/, '')),
  ),
  DISCORD_PUBLIC_KEY: optional(z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be the 64 hex characters of the application\'s public key')),
  PORT: z.preprocess((v) => (v === '' || v === undefined ? '8080' : v), port),
  HOST: z.preprocess((v) => (v === '' || v === undefined ? '0.0.0.0' : v), z.string().refine(isHost, HOST_FORMS)),
  DATABASE_URL: z.preprocess(
    (v) => (v === '' || v === undefined ? './data/tierbot.sqlite' : v),
    z
      .string()
      // The password's own check first: such a URL fails the general one too, with a less useful reason.
      .refine((url) => !passwordSpillsPastHost(url), PASSWORD_ESCAPES)
      .refine((url) => passwordSpillsPastHost(url) || isDatabaseUrl(url), DATABASE_URL_FORMS),
  ),
  METRICS_PORT: optional(port),
  LOG_LEVEL: z.preprocess(
    (v) => (v === '' || v === undefined ? 'info' : v),
    // zod's own message would quote the value given.
    z.enum(LOG_LEVELS, { errorMap: () => ({ message: `must be one of ${LOG_LEVELS.join(', ')}` }) }),
  ),
});

export interface Config {
  token: string | undefined;
  clientId: string | undefined;
  guildId: string | undefined;
  apiUrl: string | undefined;
  publicKey: string | undefined;
  port: number;
  host: string;
  databaseUrl: string;
  metricsPort: number | undefined;
  logLevel: z.infer<typeof ConfigSchema>['LOG_LEVEL'];
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; reason: string };

/** Validates an environment; the reason is one line and never echoes a value (it may be a secret). */
export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    // One reason per variable, in our words only: every message above is fixed text.
    const reasons = new Map<string, string>();
    for (const issue of parsed.error.issues) {
      const name = issue.path.join('.');
      if (!reasons.has(name)) reasons.set(name, issue.message);
    }
    const reason = [...reasons].map(([name, message]) => `${name} ${message}`).join('; ');
    return { ok: false, reason: `Invalid configuration: ${reason}` };
  }
  const e = parsed.data;
  return {
    ok: true,
    config: {
      token: e.DISCORD_TOKEN,
      clientId: e.DISCORD_CLIENT_ID,
      guildId: e.DISCORD_GUILD_ID,
      apiUrl: e.DISCORD_API_URL,
      publicKey: e.DISCORD_PUBLIC_KEY,
      port: e.PORT,
      host: e.HOST,
      databaseUrl: e.DATABASE_URL,
      metricsPort: e.METRICS_PORT,
      logLevel: e.LOG_LEVEL,
    },
  };
}

/**
 * What of DATABASE_URL the logger must hide: a Postgres URL may hold a password. A SQLite path
 * holds none, and operators need to see which file the bot uses.
 */
export function databaseUrlSecret(databaseUrl: string): string | undefined {
  return /^postgres(ql)?:/i.test(databaseUrl.trim()) ? databaseUrl : undefined;
}

/** Loads .env (if any) into process.env, validates, and exits with a one-line reason when invalid. */
export function loadConfigOrExit(): Config {
  loadDotenv({ quiet: true });
  const result = parseConfig(process.env);
  if (!result.ok) {
    console.error(result.reason);
    process.exit(1);
  }
  return result.config;
}
