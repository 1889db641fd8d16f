/**
 * The running bot: a discord.js Client with the Guilds intent and small caches, an interaction
 * router, and an error boundary around every interaction.
 */

import { randomUUID } from 'node:crypto';
import {
  Client,
  DiscordAPIError,
  Events,
  type ClientOptions,
  GatewayDispatchEvents,
  GatewayIntentBits,
  MessageFlags,
  Options,
  RESTJSONErrorCodes,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  type Interaction,
  type MessageComponentInteraction,
  type Role,
} from 'discord.js';
import { CHARTS_REQUESTED, WITHOUT_CHARTS, customIdOwner, type Command, type OptionValues, type Reply, type RunContext } from '../commands/types';
import type * as ChartModule from '../charts';
import type { ChartRequest, SendOrder } from '../charts';
import { replyWith, respondWith, updateWith } from '../discord/interaction-callback';
import { trimGuildCreate } from './guild-payload';
import type { Logger } from '../config/logger';

export type CommandSource = readonly Command[] | (() => Promise<readonly Command[]>);

/**
 * The commands and their data tables are loaded on the first interaction, not at start: the
 * gateway connects sooner and an idle bot holds only what discord.js needs.
 */
const loadAllCommands = async () => (await import('../commands')).COMMANDS;

/**
 * The error replies, for the rare interaction that fails or names no command: loaded with the
 * commands (which use them) rather than before login.
 */
const errorReplies = () => import('../commands/embeds');

/**
 * The chart module, imported once: every `import()` call, even of a module already loaded, asks
 * the TypeScript loader's thread to resolve it again, a round trip of about a millisecond.
 */
let chartModule: Promise<typeof ChartModule> | undefined;
const loadCharts = () => (chartModule ??= import('../charts'));

/** Replies slower than this are deferred first, well inside Discord's 3-second window. */
export const DEFER_AFTER_MS = 2000;

/**
 * With this many interactions already in flight, replies go out without charts. A chart costs a
 * render and an upload of 50–110 KB even when it is already rendered; in a burst, answering
 * everyone within Discord's 3 seconds comes first.
 */
export const CHARTS_UP_TO_IN_FLIGHT = 8;

export interface BotOptions {
  token: string;
  /** REST base of a Discord-compatible server, e.g. http://127.0.0.1:3001/api. */
  apiUrl?: string | undefined;
  logger: Logger;
  /** The commands, or how to load them; by default every command, loaded on the first interaction. */
  commands?: CommandSource;
  /** Lets a sharded process pass its shard ids through; undefined = discord.js decides. */
  shards?: number | number[] | 'auto';
}

export interface RunningBot {
  client: Client;
  /** Answers what is in flight (up to `graceMs`), then closes the gateway connection. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Guild roles: the largest cache left (thousands across 500 guilds). discord.js's typings leave
 * RoleManager out of cacheWithLimits because role-based features (member.roles, permission
 * maths) need it; Tierbot uses none of them, as permissions arrive with each interaction
 * (app_permissions, member.permissions). Only @everyone is kept. The end-to-end tests exercise
 * every command and component with this cache in place.
 */
const roleCache = { RoleManager: { maxSize: 0, keepOverLimit: (role: Role) => role.id === role.guild.id } } as Record<string, unknown>;

/** A slash-command bot needs no members, messages or presences cached: keep those caches empty. */
const makeCache = Options.cacheWithLimits({
  ...roleCache,
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

/** The Client's options, apart from where it connects. */
export const CLIENT_OPTIONS = {
  intents: [GatewayIntentBits.Guilds],
  makeCache,
  allowedMentions: { parse: [] },
  // Replies are built as Discord's wire JSON already (snake_case embeds and components), so
  // discord.js's default deep re-casing of every key is wasted work on every reply.
  jsonTransformer: (json: unknown) => json,
} satisfies ClientOptions;

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
export function toMessage(reply: Reply, editing = false) {
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

/**
 * How long a reply may still take before it must be deferred. Counted from when Discord created
 * the interaction (its snowflake), not from when this handler started: under a burst the event
 * loop may reach an interaction late, and the 3-second window has been running all along.
 */
function timeLeftBeforeDefer(interaction: { createdTimestamp: number }): number {
  const age = Date.now() - interaction.createdTimestamp;
  return Math.min(DEFER_AFTER_MS, Math.max(0, DEFER_AFTER_MS - age));
}

/** How an interaction gets its answer: at once, or acknowledged first and the answer after. */
interface Responder<T> {
  now: (result: T) => Promise<unknown>;
  defer: () => Promise<unknown>;
  later: (result: T) => Promise<unknown>;
}

/** Runs `work`; if it is not done in time, acknowledges first and delivers the answer after. */
async function answerInTime<T>(interaction: { createdTimestamp: number }, work: T | Promise<T>, answer: Responder<T>) {
  // Most answers are ready at once (tables, replies built before): there is nothing to time.
  if (!(work instanceof Promise)) return answer.now(work);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((resolve) => (timer = setTimeout(resolve, timeLeftBeforeDefer(interaction), 'timeout').unref()));
  const first = await Promise.race([work, deadline]);
  clearTimeout(timer);
  if (first !== 'timeout') return answer.now(first as T);
  await answer.defer();
  return answer.later(await work);
}

/**
 * The reply as Discord's JSON, exactly as discord.js's MessagePayload.resolveBody() would make it
 * for an interaction callback (files aside; a test compares the two for every kind of reply).
 * Built here because resolveBody() calls require() three times on every reply, to tell
 * webhooks, messages and interactions apart, and under tsx each call goes through its resolver:
 * about 0.15 ms a reply, more than the rest of answering a glossary question.
 */
export function callbackBody(reply: Reply, callbackType: 4 | 7): Record<string, unknown> {
  return bodyOf(toMessage(reply, callbackType === 7));
}

function bodyOf(message: ReturnType<typeof toMessage>): Record<string, unknown> {
  const attachments = message.files.map((file, index) => ({ id: index.toString(), description: file.description }));
  return {
    content: message.content,
    tts: false,
    enforce_nonce: false,
    embeds: [...message.embeds],
    components: message.components,
    allowed_mentions: message.allowedMentions,
    flags: 'flags' in message ? message.flags : undefined,
    attachments: 'attachments' in message ? [...message.attachments, ...attachments] : attachments,
  };
}

/**
 * The first answer with a reply: straight to Discord (src/discord/interaction-callback.ts), or, for
 * a reply with files to upload, through discord.js.
 */
function replyNow(interaction: ChatInputCommandInteraction | MessageComponentInteraction, reply: Reply): Promise<unknown> {
  return reply.files?.length ? interaction.reply(toMessage(reply)) : replyWith(interaction, callbackBody(reply, 4));
}

/** The same for a reply that replaces the component's message. */
function updateNow(interaction: MessageComponentInteraction, reply: Reply): Promise<unknown> {
  return reply.files?.length ? interaction.update(toMessage(reply, true)) : updateWith(interaction, callbackBody(reply, 7));
}

/**
 * A reply that names a chart is sent by the chart renderer, with the PNG attached: the bytes never
 * enter this process. The bot keeps the say over who answers, so the interaction is acknowledged
 * exactly once: when the chart is drawn, the renderer posts the callback if nobody has answered
 * yet, or edits the reply the bot deferred meanwhile. If the chart is not drawn within its budget,
 * or Discord refuses it, the bot answers with the text.
 */
async function answerWithChart(
  interaction: ChatInputCommandInteraction | MessageComponentInteraction,
  { chart, ...text }: Reply & { chart: ChartRequest },
  callbackType: 4 | 7,
  answer: Responder<Reply>,
  alreadyDeferred: boolean,
) {
  let phase: 'open' | 'renderer' | 'deferred' = alreadyDeferred ? 'deferred' : 'open';
  let deferral: Promise<unknown> = Promise.resolve();
  const deferTimer = setTimeout(() => {
    if (phase !== 'open') return;
    phase = 'deferred';
    deferral = answer.defer();
    deferral.catch(() => {}); // awaited below; this only keeps it from counting as unhandled meanwhile
  }, timeLeftBeforeDefer(interaction)).unref();
  const decide = async (): Promise<SendOrder> => {
    if (phase === 'open') {
      phase = 'renderer';
      return 'callback';
    }
    await deferral;
    return 'edit';
  };
  const { api, version } = interaction.client.rest.options;
  const base = `${api}/v${version}`;
  const { deliverChart } = await loadCharts();
  try {
    const delivered = await deliverChart(chart, {
      body: callbackBody(text, callbackType),
      callbackUrl: `${base}/interactions/${interaction.id}/${interaction.token}/callback`,
      callbackType,
      // Discord takes the first response up to 3 s after it created the interaction.
      callbackUntil: interaction.createdTimestamp + 3000,
      originalUrl: `${base}/webhooks/${interaction.applicationId}/${interaction.token}/messages/@original`,
    }, decide);
    if (delivered) return;
  } finally {
    clearTimeout(deferTimer);
  }
  if (phase === 'deferred') {
    await deferral;
    await answer.later(text);
  } else {
    await answer.now(text);
  }
}

/** The same responder, with replies that name a chart sent through the chart renderer. */
function chartAware(interaction: ChatInputCommandInteraction | MessageComponentInteraction, callbackType: 4 | 7, answer: Responder<Reply>): Responder<Reply> {
  return {
    now: (reply) => (reply.chart ? answerWithChart(interaction, { ...reply, chart: reply.chart }, callbackType, answer, false) : answer.now(reply)),
    defer: answer.defer,
    later: (reply) => (reply.chart ? answerWithChart(interaction, { ...reply, chart: reply.chart }, callbackType, answer, true) : answer.later(reply)),
  };
}

async function handleCommand(interaction: ChatInputCommandInteraction, commands: Map<string, Command>, log: Logger, context: RunContext) {
  const command = commands.get(interaction.commandName);
  if (!command) {
    log.warn({ command: interaction.commandName, interactionId: interaction.id }, 'interaction for an unknown command');
    const { inputErrorReply } = await errorReplies();
    await interaction.reply(
      toMessage(inputErrorReply(`I do not know the command /${interaction.commandName}.`, `${[...commands.keys()].map((n) => `/${n}`).join(', ')}.`)),
    );
    return;
  }
  const work = command.run(optionValues(interaction.options.data), context);
  await answerInTime(
    interaction,
    work,
    chartAware(interaction, 4, {
      now: (reply) => replyNow(interaction, reply),
      defer: () => interaction.deferReply(),
      later: (reply) => interaction.editReply(toMessage(reply, true)),
    }),
  );
}

async function handleComponent(interaction: MessageComponentInteraction, commands: Map<string, Command>, log: Logger, context: RunContext) {
  const command = commands.get(customIdOwner(interaction.customId));
  if (!command?.component) {
    log.warn({ customId: interaction.customId }, 'component with no owner');
    const { inputErrorReply } = await errorReplies();
    await interaction.reply(toMessage(inputErrorReply('This button belongs to a version of Tierbot that no longer exists.', 'run the command again.')));
    return;
  }
  const values = interaction.isStringSelectMenu() ? interaction.values : [];
  const work = command.component(interaction.customId, values, context);
  const updates = chartAware(interaction, 7, {
    now: (reply) => updateNow(interaction, reply),
    defer: () => interaction.deferUpdate(),
    later: (reply) => interaction.editReply(toMessage(reply, true)),
  });
  // A separate reply goes out as text (no component answers with one that names a chart). After
  // deferUpdate the message itself is what can be edited, so a separate answer is a follow-up.
  const replies = { now: (reply: Reply) => replyNow(interaction, reply), later: (reply: Reply) => interaction.followUp(toMessage(reply)) };
  await answerInTime(interaction, work, {
    now: ({ mode, reply }) => (mode === 'update' ? updates : replies).now(reply),
    defer: updates.defer,
    later: ({ mode, reply }) => (mode === 'update' ? updates : replies).later(reply),
  });
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
    await respondWith(interaction, choices.slice(0, 25));
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
    const { failureReply } = await errorReplies();
    const message = toMessage(failureReply(errorId));
    if (interaction.deferred && !interaction.replied) await interaction.editReply(toMessage(failureReply(errorId), true));
    else if (interaction.replied || interaction.deferred) await interaction.followUp(message);
    else await interaction.reply(message);
  } catch (err) {
    log.error({ err, errorId }, 'could not tell the user about a failure');
  }
}

/** How long preparation waits before it looks again whether the bot is idle. */
const PREPARE_RETRY_MS = 5;

/**
 * Runs the commands' `prepare` steps while no interaction is being answered, so the answers that
 * never change are built between interactions instead of while a user waits. A step takes up to
 * about a millisecond; one run in front of an answer in progress would delay it, so while
 * anything is in flight (`busy`), preparation waits. The steps are ref'd immediates: an unref'd
 * one does not wake an idle event loop, so each step would run only when I/O arrived, that is,
 * in front of the next interaction. A step that throws ends that command's preparation: its
 * answers are then built on demand, where a failure reaches the user with an error id.
 * Resolves when every command is prepared.
 */
export function prepareBetweenInteractions(commands: readonly Command[], log: Logger, busy: () => number): Promise<void> {
  const pending = commands.flatMap((command) => (command.prepare ? [{ name: command.definition.name, steps: command.prepare() }] : []));
  return new Promise((resolve) => {
    const step = () => {
      const current = pending[0];
      if (!current) return resolve();
      if (busy() > 0) {
        setTimeout(step, PREPARE_RETRY_MS).unref();
        return;
      }
      try {
        if (current.steps.next().done) pending.shift();
      } catch (err) {
        log.warn({ err, command: current.name }, 'could not prepare answers ahead; they are built when asked for');
        pending.shift();
      }
      setImmediate(step);
    };
    setImmediate(step);
  });
}

/**
 * Discord no longer knows the interaction: its answer came after the 3 seconds Discord allows.
 * No reply, follow-up or error message can reach the user any more.
 */
const expired = (err: unknown) => err instanceof DiscordAPIError && err.code === RESTJSONErrorCodes.UnknownInteraction;

/** `busy` says how many other interactions are being answered when one arrives. */
export function createRouter(source: CommandSource, log: Logger, busy: () => number = () => 0) {
  let table: Promise<Map<string, Command>> | undefined;
  let loaded: Map<string, Command> | undefined;
  const byName = () =>
    (table ??= Promise.resolve(typeof source === 'function' ? source() : source).then(
      (list) => {
        void prepareBetweenInteractions(list, log, busy);
        return (loaded = new Map(list.map((c) => [c.definition.name, c])));
      },
      (err: unknown) => {
        // A failed load is retried by the next interaction rather than remembered forever.
        table = undefined;
        throw err;
      },
    ));
  return async function route(interaction: Interaction): Promise<void> {
    try {
      const context = busy() >= CHARTS_UP_TO_IN_FLIGHT ? WITHOUT_CHARTS : CHARTS_REQUESTED;
      const commands = loaded ?? (await byName());
      if (interaction.isChatInputCommand()) await handleCommand(interaction, commands, log, context);
      else if (interaction.isAutocomplete()) await handleAutocomplete(interaction, commands, log);
      else if (interaction.isMessageComponent()) await handleComponent(interaction, commands, log, context);
    } catch (err) {
      const errorId = randomUUID().slice(0, 8);
      if (expired(err)) {
        // Telling the user would fail the same way. Under overload (the usual cause), a second
        // request and two stack traces for each late interaction would make the next ones later still.
        const ageMs = Date.now() - interaction.createdTimestamp;
        log.warn({ errorId, interactionId: interaction.id, type: interaction.type, ageMs }, 'interaction expired before its answer reached Discord');
        return;
      }
      log.error({ err, errorId, interactionId: interaction.id, type: interaction.type }, 'interaction failed');
      await reportFailure(interaction, errorId, log);
    }
  };
}

export async function startBot({ token, apiUrl, logger, commands = loadAllCommands, shards }: BotOptions): Promise<RunningBot> {
  const client = new Client({
    ...CLIENT_OPTIONS,
    ...(apiUrl ? { rest: { api: apiUrl } } : {}),
    ...(shards !== undefined ? { shards } : {}),
  });
  // The raw dispatch listener runs before discord.js handles the packet: see src/guild-payload.ts.
  client.ws.on(GatewayDispatchEvents.GuildCreate, trimGuildCreate);
  const inFlight = new Set<Promise<void>>();
  const route = createRouter(commands, logger, () => inFlight.size);

  client.on(Events.InteractionCreate, (interaction) => {
    // route() reads how busy the bot is before this interaction joins the set.
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
