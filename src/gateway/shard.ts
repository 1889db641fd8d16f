/**
 * `npm run start:sharded`: Tierbot under discord.js's ShardingManager, one process per shard.
 * Each shard runs the ordinary entry (src/bot.ts) through tsx; discord.js hands it its shard id and
 * the shard count (SHARDS, SHARD_COUNT), and Discord then sends each shard the guilds with
 * (guild_id >> 22) % shard_count === its id, and their interactions.
 *
 * Sharding is for a real deployment, so it needs DISCORD_TOKEN: without one it says so and exits 1
 * (`npm start` without a token runs the playground instead). DISCORD_API_URL is honoured, here and
 * in every shard. SHARD_COUNT (optional, 1–1024) fixes the number of shards; without it the count
 * Discord recommends (GET /gateway/bot) is used. Discord requires sharding from 2,500 guilds.
 *
 * SIGINT/SIGTERM stop every shard the same way (each answers what it has in flight, then closes).
 * A shard that cannot start stops them all too, and the manager exits 1.
 *
 * With METRICS_PORT set, shard N serves GET /metrics on METRICS_PORT + N (src/bot.ts).
 */

import { REST, Routes, ShardingManager, type APIGatewayBotInfo } from 'discord.js';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { loadConfigOrExit } from '../config/config';
import { createLogger } from '../config/logger';

/** Discord asks bots to wait about 5 s between shard logins (one IDENTIFY per 5 s per bucket). */
const SPAWN_DELAY_MS = 5500;
/** How long a shard may take to become ready before the manager gives up on it. */
const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 8000;

const ShardCount = z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(1).max(1024).optional());

async function main() {
  const config = loadConfigOrExit();
  if (!config.token) {
    console.error('Sharding needs DISCORD_TOKEN (see .env.example). Without a token, `npm start` runs the playground.');
    process.exit(1);
  }
  const shardCount = ShardCount.safeParse(process.env.SHARD_COUNT);
  if (!shardCount.success) {
    console.error('Invalid configuration: SHARD_COUNT must be a whole number from 1 to 1024');
    process.exit(1);
  }
  const log = createLogger({ level: config.logLevel, secrets: [config.token] });

  // Ask the same server the bot talks to (discord.js's own 'auto' always asks discord.com).
  const totalShards =
    shardCount.data ??
    ((await new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token).get(Routes.gatewayBot())) as APIGatewayBotInfo).shards;

  const manager = new ShardingManager(fileURLToPath(new URL('../bot.ts', import.meta.url)), {
    token: config.token,
    totalShards,
    // Shards are TypeScript too: each loads tsx first, as `npm start` does.
    execArgv: ['--import', 'tsx'],
    respawn: true,
  });
  manager.on('shardCreate', (shard) => {
    log.info({ shard: shard.id, of: totalShards }, 'shard launched');
    shard.on('death', (child) => log.warn({ shard: shard.id, exitCode: 'exitCode' in child ? child.exitCode : undefined }, 'shard exited'));
    // A respawn that fails is reported here; without a listener the manager would crash on it.
    shard.on('error', (err) => log.error({ err, shard: shard.id }, 'shard could not be restarted'));
  });

  let stopping = false;
  const stop = (reason: Record<string, unknown>, code: number) => {
    if (stopping) return;
    stopping = true;
    log.info(reason, 'stopping every shard');
    void stopEveryShard(manager).then(() => process.exit(code));
  };
  process.once('SIGINT', () => stop({ signal: 'SIGINT' }, 0));
  process.once('SIGTERM', () => stop({ signal: 'SIGTERM' }, 0));

  try {
    await manager.spawn({ amount: totalShards, delay: SPAWN_DELAY_MS, timeout: READY_TIMEOUT_MS });
  } catch (err) {
    // A shard that cannot start (a bad token, a port in use) fails the same way in every shard:
    // give up, and leave no shard already started running on its own with no manager.
    log.fatal({ err }, 'a shard could not start; stopping the others');
    stop({ reason: 'a shard could not start' }, 1);
    return;
  }
  log.info({ shards: totalShards }, 'all shards ready');
}

/**
 * Stops every shard process, respawned ones included: SIGTERM, on which each shard's bot.ts
 * answers what it has in flight and closes its connection, then SIGKILL for any still running
 * after STOP_GRACE_MS.
 */
async function stopEveryShard(manager: ShardingManager): Promise<void> {
  manager.respawn = false;
  const running = [...manager.shards.values()].flatMap((shard) => (shard.process && shard.process.exitCode === null && shard.process.signalCode === null ? [shard.process] : []));
  const exits = running.map((child) => new Promise<void>((resolve) => child.once('exit', () => resolve())));
  for (const child of running) child.kill('SIGTERM');
  const grace = new Promise<void>((resolve) => setTimeout(resolve, STOP_GRACE_MS).unref());
  await Promise.race([Promise.all(exits), grace]);
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

main().catch((err: unknown) => {
  console.error(`Tierbot (sharded) could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
