/**
 * The running bot: a discord.js Client with the Guilds intent and small caches, an interaction
 * router, and an error boundary around every interaction.
 */

import { randomUUID } from 'node:crypto';
import {
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
  Options,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  type Interaction,
  type MessageComponentInteraction,
} from 'discord.js';
import { COMMANDS, commandForCustomId } from './commands';
import { failureReply, inputErrorReply } from './commands/embeds';
import type { Command, OptionValues, Reply } from './commands/types';
import type { Logger } from './logger';

/** Replies slower than this are deferred first, well inside Discord's 3-second window. */
export const DEFER_AFTER_MS = 2000;

export interface BotOptions {
  token: string;
  /** REST base of a Discord-compatible server, e.g. http://127.0.0.1:3001/api. */
  apiUrl?: string | undefined;
  logger: Logger;
  commands?: readonly Command[];
  /** Lets a sharded process pass its shard ids through; undefined = discord.js decides. */
  shards?: number | number[] | 'auto';
}

export interface RunningBot {
  client: Client;
  /** Answers what is in flight (up to `graceMs`), then closes the gateway connection. */
  stop(graceMs?: number): Promise<void>;
}

/** A slash-command bot needs no members, messages or presences cached: keep those caches empty. */
const makeCache = Options.cacheWithLimits({
  ...Options.DefaultMakeCacheSettings,
  MessageManager: 0,
  GuildMemberManager: 0,
  UserManager: 0,
  PresenceManager: 0,
  ReactionManager: 0,
  ReactionUserManager: 0,
  GuildEmojiManager: 0,
  GuildStickerManager: 0,
  GuildBanManager: 0,
  GuildInviteManager: 0,
  GuildScheduledEventManager: 0,
  VoiceStateManager: 0,
  ThreadManager: 0,
  ThreadMemberManager: 0,
  StageInstanceManager: 0,
  AutoModerationRuleManager: 0,
  ApplicationCommandManager: 0,
  GuildForumThreadManager: 0,
  GuildTextThreadManager: 0,
  EntitlementManager: 0,
});

/** Plain option values by name, as the commands' run() takes them. */
export function optionValues(options: readonly CommandInteractionOption[]): OptionValues {
  const values: Record<string, string | number | boolean | undefined> = {};
  for (const option of options) {
    if (option.options) Object.assign(values, optionValues(option.options));
    else values[option.name] = option.value ?? undefined;
  }
  return values;
}

/** The reply as discord.js takes it; no reply can ping anyone. */
function toMessage(reply: Reply, editing = false) {
  return {
    content: reply.content,
    embeds: reply.embeds,
    components: reply.components ?? [],
    files: (reply.files ?? []).map((f) => ({ attachment: f.data, name: f.name, description: f.description })),
    allowedMentions: { parse: [] },
    // An edit keeps the old message's attachments unless told otherwise: a chart must not linger
    // under a reply that no longer shows it. Ephemerality is fixed by the first response.
    ...(editing ? { attachments: [] } : reply.flags === undefined ? {} : { flags: reply.flags & MessageFlags.Ephemeral }),
  };
}

const timeout = (ms: number) => new Promise<'timeout'>((resolve) => setTimeout(resolve, ms, 'timeout').unref());

/** Runs `work`; if it is not done within DEFER_AFTER_MS, acknowledges first so the token stays valid. */
async function answerInTime(
  interaction: ChatInputCommandInteraction | MessageComponentInteraction,
  work: Promise<Reply>,
  send: (reply: Reply) => Promise<unknown>,
  defer: () => Promise<unknown>,
) {
  const first = await Promise.race([work, timeout(DEFER_AFTER_MS)]);
  if (first !== 'timeout') return send(first);
  await defer();
  const reply = await work;
  return interaction.editReply(toMessage(reply, true));
}

async function handleCommand(interaction: ChatInputCommandInteraction, commands: Map<string, Command>, log: Logger) {
  const command = commands.get(interaction.commandName);
  if (!command) {
    log.warn({ command: interaction.commandName, interactionId: interaction.id }, 'interaction for an unknown command');
    await interaction.reply(
      toMessage(inputErrorReply(`I do not know the command /${interaction.commandName}.`, `${[...commands.keys()].map((n) => `/${n}`).join(', ')}.`)),
    );
    return;
  }
  const work = Promise.resolve().then(() => command.run(optionValues(interaction.options.data)));
  await answerInTime(
    interaction,
    work,
    (reply) => interaction.reply(toMessage(reply)),
    () => interaction.deferReply(),
  );
}

async function handleComponent(interaction: MessageComponentInteraction, log: Logger) {
  const command = commandForCustomId(interaction.customId);
  if (!command?.component) {
    log.warn({ customId: interaction.customId }, 'component with no owner');
    await interaction.reply(toMessage(inputErrorReply('This button belongs to a version of Tierbot that no longer exists.', 'run the command again.')));
    return;
  }
  const values = interaction.isStringSelectMenu() ? interaction.values : [];
  const work = Promise.resolve().then(() => command.component!(interaction.customId, values));
  const first = await Promise.race([work, timeout(DEFER_AFTER_MS)]);
  if (first === 'timeout') {
    await interaction.deferUpdate();
    const { reply } = await work;
    await interaction.editReply(toMessage(reply, true));
    return;
  }
  if (first.mode === 'update') await interaction.update(toMessage(first.reply, true));
  else await interaction.reply(toMessage(first.reply));
}

async function handleAutocomplete(interaction: AutocompleteInteraction, commands: Map<string, Command>, log: Logger) {
  const command = commands.get(interaction.commandName);
  const focused = interaction.options.getFocused(true);
  const declared = command?.definition.options?.some((o) => o.name === focused.name && 'autocomplete' in o && o.autocomplete);
  let choices: { name: string; value: string }[] = [];
  try {
    if (command?.autocomplete && declared) {
      choices = command.autocomplete({ name: focused.name, value: String(focused.value) }, optionValues(interaction.options.data));
    } else {
      log.warn({ command: interaction.commandName, option: focused.name }, 'autocomplete for an option that has none');
    }
  } finally {
    // Autocomplete cannot be deferred or retried: whatever happens, answer with what there is.
    await interaction.respond(choices.slice(0, 25));
  }
}

/** Answers a failed interaction according to its state, so the user always sees the error id. */
async function reportFailure(interaction: Interaction, errorId: string, log: Logger) {
  try {
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
      return;
    }
    if (!interaction.isRepliable()) return;
    const message = toMessage(failureReply(errorId));
    if (interaction.deferred && !interaction.replied) await interaction.editReply(toMessage(failureReply(errorId), true));
    else if (interaction.replied || interaction.deferred) await interaction.followUp(message);
    else await interaction.reply(message);
  } catch (err) {
    log.error({ err, errorId }, 'could not tell the user about a failure');
  }
}

export function createRouter(commandList: readonly Command[], log: Logger) {
  const commands = new Map(commandList.map((c) => [c.definition.name, c]));
  return async function route(interaction: Interaction): Promise<void> {
    try {
      if (interaction.isChatInputCommand()) await handleCommand(interaction, commands, log);
      else if (interaction.isAutocomplete()) await handleAutocomplete(interaction, commands, log);
      else if (interaction.isMessageComponent()) await handleComponent(interaction, log);
    } catch (err) {
      const errorId = randomUUID().slice(0, 8);
      log.error({ err, errorId, interactionId: interaction.id, type: interaction.type }, 'interaction failed');
      await reportFailure(interaction, errorId, log);
    }
  };
}

export async function startBot({ token, apiUrl, logger, commands = COMMANDS, shards }: BotOptions): Promise<RunningBot> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    makeCache,
    allowedMentions: { parse: [] },
    ...(apiUrl ? { rest: { api: apiUrl } } : {}),
    ...(shards !== undefined ? { shards } : {}),
  });
  const route = createRouter(commands, logger);
  const inFlight = new Set<Promise<void>>();

  client.on(Events.InteractionCreate, (interaction) => {
    const done = route(interaction).finally(() => inFlight.delete(done));
    inFlight.add(done);
  });
  client.on(Events.Error, (err) => logger.error({ err }, 'client error'));
  client.on(Events.Warn, (message) => logger.warn(message));
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
      // Interactions already received (or still arriving on the socket) are answered before the
      // connection closes: drain until nothing is in flight, within the grace period.
      const deadline = Date.now() + graceMs;
      while (Date.now() < deadline) {
        if (inFlight.size === 0) {
          await timeout(50);
          if (inFlight.size === 0) break;
        }
        await Promise.race([Promise.allSettled([...inFlight]), timeout(Math.max(0, deadline - Date.now()))]);
      }
      if (inFlight.size > 0) logger.warn({ unanswered: inFlight.size }, 'shutting down with interactions still in flight');
      await client.destroy();
    },
  };
}
