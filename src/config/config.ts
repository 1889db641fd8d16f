/**
 * Configuration from the environment (and .env), validated once at start. The contract is in
 * DESIGN.md: DISCORD_TOKEN, DISCORD_CLIENT_ID, DISCORD_GUILD_ID, DISCORD_API_URL,
 * DISCORD_PUBLIC_KEY, PORT, HOST, DATABASE_URL, METRICS_PORT, LOG_LEVEL.
 */

import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';

const port = z.coerce.number().int('must be a whole number').min(1, 'must be a port from 1 to 65535').max(65535, 'must be a port from 1 to 65535');
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
      .url('must be an http(s) URL such as http://127.0.0.1:3001/api')
      .regex(/^https?:\/\//, 'must be an http(s) URL such as http://127.0.0.1:3001/api')
      .transform((url) => url.replace(/\/+$/, '')),
  ),
  DISCORD_PUBLIC_KEY: optional(z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be the 64 hex characters of the application\'s public key')),
  PORT: z.preprocess((v) => (v === '' || v === undefined ? '8080' : v), port),
  HOST: z.preprocess((v) => (v === '' || v === undefined ? '0.0.0.0' : v), z.string().min(1)),
  DATABASE_URL: z.preprocess(
    (v) => (v === '' || v === undefined ? './data/tierbot.sqlite' : v),
    z.string().refine((url) => !/^[a-z]+:\/\//i.test(url) || /^(postgres|postgresql):\/\//i.test(url), 'must be a file path, a file: URL or a postgres:// URL'),
  ),
  METRICS_PORT: optional(port),
  LOG_LEVEL: z.preprocess(
    (v) => (v === '' || v === undefined ? 'info' : v),
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
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
    const reason = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ');
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
