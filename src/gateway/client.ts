/**
 * The gateway way in (`npm start`): a discord.js Client with the Guilds intent receives
 * INTERACTION_CREATE and hands its raw JSON to the interaction core (discord.js builds nothing
 * from it: interaction-packet.ts). The first answer is POSTed to the interaction's callback
 * route; edits and follow-ups go to its webhook.
 */

import { Client, Events, GatewayDispatchEvents, GatewayIntentBits, Options, type ClientOptions } from 'discord.js';
import type { APIInteraction } from 'discord-api-types/v10';
import type { InteractionCore } from '../interactions/core';
import { REST_OPTIONS, logServerErrors, restResponder } from '../interactions/responder';
import { trimGuildCreate } from './guild-payload';
import { takeInteraction } from './interaction-packet';
import type { Logger } from '../config/logger';

export interface GatewayOptions {
  token: string;
  /** REST base of a Discord-compatible server, e.g. http://127.0.0.1:3001/api. */
  apiUrl?: string | undefined;
  logger: Logger;
  core: InteractionCore;
  /** Shard ids for a sharded process; undefined: discord.js decides. */
  shards?: number | number[] | 'auto';
}

export interface RunningGateway {
  client: Client;
  /** Answers what is in flight (up to `graceMs`), then closes the gateway connection. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * A command-only bot reads nothing from discord.js's caches (every interaction carries what it
 * needs), so members, messages and the like are not cached at all.
 */
export const CLIENT_OPTIONS = {
  intents: [GatewayIntentBits.Guilds],
  makeCache: Options.cacheWithLimits({
    ...Options.DefaultMakeCacheSettings,
    MessageManager: 0,
    GuildMemberManager: 0,
    UserManager: 0,
    PresenceManager: 0,
    ReactionManager: 0,
    GuildEmojiManager: 0,
    GuildStickerManager: 0,
    VoiceStateManager: 0,
    ThreadManager: 0,
  }),
  allowedMentions: { parse: [] },
} satisfies ClientOptions;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

/**
 * Connection changes an operator wants to see: a silent reconnect loop looks like a dead bot.
 * Closing the connection on purpose (stop()) makes discord.js report a disconnect too; that one
 * is not news.
 */
function logConnection(client: Client, log: Logger, stopping: () => boolean) {
  client.on(Events.ShardDisconnect, (event, shard) => !stopping() && log.warn({ shard, code: event.code }, 'gateway disconnected for good'));
  client.on(Events.ShardReconnecting, (shard) => !stopping() && log.warn({ shard }, 'gateway disconnected; reconnecting'));
  client.on(Events.ShardResume, (shard, replayed) => log.info({ shard, replayed }, 'gateway resumed'));
  client.on(Events.ShardReady, (shard) => log.info({ shard }, 'gateway session ready'));
  client.on(Events.ShardError, (err, shard) => log.warn({ err, shard }, 'gateway connection error'));
  client.on(Events.Invalidated, () => log.error('gateway session invalidated'));
  client.on(Events.Error, (err) => log.error({ err }, 'client error'));
  client.on(Events.Warn, (message) => log.warn(message));
}

export async function startGateway({ token, apiUrl, logger, core, shards }: GatewayOptions): Promise<RunningGateway> {
  const client = new Client({ ...CLIENT_OPTIONS, rest: { ...REST_OPTIONS, ...(apiUrl ? { api: apiUrl } : {}) }, ...(shards !== undefined ? { shards } : {}) });
  // The raw dispatch listener runs before discord.js handles the packet.
  client.ws.on(GatewayDispatchEvents.GuildCreate, trimGuildCreate);
  const inFlight = new Set<Promise<void>>();
  client.ws.on(GatewayDispatchEvents.InteractionCreate, (packet: APIInteraction) => {
    const interaction = takeInteraction(packet);
    const responder = restResponder(client.rest, { id: interaction.id, token: interaction.token, applicationId: interaction.application_id });
    const done: Promise<void> = core
      .handle(interaction, responder)
      .then(() => undefined)
      .finally(() => inFlight.delete(done));
    inFlight.add(done);
  });
  let stopping = false;
  logConnection(client, logger, () => stopping);
  logServerErrors(client.rest, logger);
  const ready = new Promise<void>((resolve) =>
    client.once(Events.ClientReady, (c) => {
      logger.info({ user: c.user.tag, guilds: c.guilds.cache.size }, 'ready');
      resolve();
    }),
  );
  await client.login(token);
  await ready;

  return {
    client,
    async stop(graceMs = 4000) {
      // Interactions already received are answered before the connection closes.
      const deadline = Date.now() + graceMs;
      while (inFlight.size > 0 && Date.now() < deadline) {
        await Promise.race([Promise.allSettled([...inFlight]), sleep(Math.max(0, deadline - Date.now()))]);
      }
      if (inFlight.size > 0) logger.warn({ unanswered: inFlight.size }, 'shutting down with interactions still in flight');
      stopping = true;
      await client.destroy();
    },
  };
}
