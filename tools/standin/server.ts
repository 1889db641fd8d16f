/**
 * The Discord stand-in: a small Discord-compatible server (REST + gateway) on 127.0.0.1 that the
 * real discord.js Client logs into. Tests, the benchmark and the playground drive the bot through
 * it: they dispatch interactions and read back what the bot answered, exactly as Discord got it.
 *
 * One stand-in can serve several bots at once, as Discord does (the benchmark runs two under one):
 * each logs in with its own token, and gets its own handle to send it interactions.
 *
 * With `interactionsEndpoint` set, interactions go to that URL instead of the gateway, signed with
 * a key pair the stand-in made for the application (`publicKey`), and the HTTP response is the
 * interaction's first answer, as with Discord's Interactions Endpoint URL.
 *
 * Only ever bound to the loopback address: it accepts fixed tokens and is no real service.
 */

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIApplicationCommandInteractionDataOption, APIAttachment, APIMessage, APIUser } from 'discord.js';
import { Gateway } from './gateway';
import { createSigner, DISCORD_INTERACTIONS_USER_AGENT, describeFailure, loopbackEndpoint, postToEndpoint, type EndpointReply, type Signer } from './http-delivery';
import {
  APP_PERMISSIONS_ELSEWHERE,
  autocompleteInteraction,
  botUser,
  chatInputInteraction,
  componentInteraction,
  defaultChannel,
  EVERYONE_PERMISSIONS,
  humanUser,
  interactionToken,
  messageCommandInteraction,
  messageObject,
  snowflake,
  type CommandData,
  type InteractionPlace,
} from './payloads';
import {
  acceptCallback,
  createRestHandler,
  parseBody,
  storeFile,
  TOKEN_LIFETIME_MS,
  USER_INSTALL_FOLLOW_UPS,
  type Fault,
  type RequestRecord,
  type RestContext,
  type StoredFile,
  type TrackedInteraction,
} from './rest';

export type { EndpointReply } from './http-delivery';

/* eslint-disable @typescript-eslint/no-explicit-any -- the records hold raw JSON as the bot sent it */

export interface StandInOptions {
  /** 0 (default) = any free port. */
  port?: number;
  /** The bot token accepted at IDENTIFY and in `Authorization: Bot <token>`; default 'standin-token'. */
  token?: string;
  /** Default '100000000000000001' (also the bot user's id, as on Discord). */
  applicationId?: string;
  /** Default ['200000000000000001']. */
  guildIds?: string[];
  /**
   * Merged into each GUILD_CREATE (channels, roles, members...) sent to the given application's
   * bot. Called once per guild and application.
   */
  guildExtras?: (guildId: string, applicationId: string) => Record<string, unknown>;
  /** How long an interaction may go unacknowledged before callbacks get 10062; default 3000 as on Discord. */
  ackTimeoutMs?: number;
  /** Optional debug log. */
  log?: (line: string) => void;
  /**
   * Keep the bytes of uploaded files (default true, for tests that look at a chart). The bench
   * sets false: it needs only names and sizes, and 100 MB of kept PNGs would make the process
   * that times every answer collect garbage more often.
   */
  keepUploads?: boolean;
  /**
   * The app's Interactions Endpoint URL (http://127.0.0.1:… only), e.g.
   * 'http://127.0.0.1:8080/interactions'. When set, every interaction is POSTed there, signed
   * with the stand-in's key for the application, instead of sent over the gateway; the response
   * body is recorded as the interaction's first callback. Discord sends an app's interactions one
   * way or the other, never both.
   */
  interactionsEndpoint?: string;
}

/** One bot a stand-in serves: the token it logs in with, and its application's id. */
export interface StandInApplication {
  token: string;
  applicationId: string;
  /** This application's endpoint, over the stand-in's `interactionsEndpoint`. */
  interactionsEndpoint?: string;
}

export interface SharedStandInOptions extends Omit<StandInOptions, 'token' | 'applicationId'> {
  /** The bots it serves, each in the same guilds. */
  applications: StandInApplication[];
}

export interface CapturedFile {
  name: string;
  /** Empty when the stand-in was started with keepUploads: false. */
  data: Buffer;
  /** Bytes uploaded. */
  size: number;
  contentType?: string;
}

/**
 * performance.now() in the stand-in's process when the request's last byte arrived: when the bot's
 * answer reached "Discord", before the stand-in parsed, checked and stored it.
 */
export interface Arrival {
  receivedAt: number;
}

/** body = the JSON (payload_json when multipart). */
export interface CapturedMessage extends Arrival {
  body: any;
  files: CapturedFile[];
}

export interface InteractionRecord {
  id: string;
  token: string;
  type: 2 | 3 | 4;
  /**
   * HTTP delivery only: the endpoint's status code, once it answered. The response body, parsed
   * and accepted, is `callbacks[0]`.
   */
  endpointStatus?: number;
  /**
   * HTTP delivery only: why the delivery gave the user no answer: a connection error, no response
   * within 3 s, a non-2xx status, a body that is not JSON, or a callback Discord would refuse.
   */
  endpointError?: string;
  /** HTTP delivery only: the response body as text when it was not accepted. */
  endpointBody?: string;
  /** HTTP delivery only: Discord's error body when the response was a callback Discord refuses. */
  endpointRefusal?: any;
  /** POST /interactions/{id}/{token}/callback, in order (only accepted ones). */
  callbacks: ({ type: number; data?: any; files: CapturedFile[] } & Arrival)[];
  /** PATCH /webhooks/{app}/{token}/messages/@original. */
  edits: CapturedMessage[];
  /** POST /webhooks/{app}/{token}. */
  followUps: CapturedMessage[];
  /** When DELETE /webhooks/{app}/{token}/messages/@original removed the original response. */
  originalDeletedAt?: number;
}

/** A file handed to the stand-in: an attachment option's upload, or a file on a message. */
export interface AttachmentInput {
  filename: string;
  data: Buffer;
  contentType?: string;
}

/** An option's value; `{ attachment }` makes an ATTACHMENT (type 11) option. */
export type CommandOptionValue = string | number | boolean | { attachment: AttachmentInput };

/**
 * Where and by whom an interaction is sent, and how the app is installed there. The default is a
 * member with @everyone's permissions in the first guild, the app installed to that guild.
 */
export interface SendAt {
  /** The server; null = a DM (no guild_id, `user` instead of `member`). Default the first guild. */
  guildId?: string | null;
  userId?: string;
  /** The invoking user installed the app for themself: authorizing_integration_owners gains '1': userId. */
  userInstall?: boolean;
  /**
   * Whether the bot is a member of `guildId` (the app installed to the server). Default: whether
   * the stand-in serves that guild. false = a guild the bot is not in: guild_id is there, but no
   * GUILD_CREATE was ever sent for it (needs userInstall).
   */
  botInGuild?: boolean;
  /** InteractionContextType: 0 guild, 1 the bot's DM, 2 other DMs and group DMs. Default 0 in a guild, 1 in a DM. */
  context?: 0 | 1 | 2;
  /** The member's permission bits (e.g. String(1n << 5n) for Manage Server). Default @everyone's. */
  permissions?: string;
  /** app_permissions. Default: @everyone's in a guild the bot is in, else what Discord grants apps elsewhere. */
  appPermissions?: string;
  /**
   * Discord forces replies ephemeral here (a user install where the server denies
   * USE_EXTERNAL_APPS): flags 64 is added to every reply and follow-up as recorded.
   */
  forcedEphemeral?: boolean;
}

/** The message a message command targets; missing fields get defaults. */
export interface TargetMessage {
  content: string;
  id?: string;
  /** Default: another user. */
  author?: APIUser;
  embeds?: any[];
  /** Files on the message: served by the stand-in at the attachment's URL. */
  attachments?: (AttachmentInput | APIAttachment)[];
}

export interface StandIn {
  /** 'http://127.0.0.1:PORT/api' (discord.js appends /v10/...). */
  apiUrl: string;
  token: string;
  applicationId: string;
  guildIds: string[];
  /** Hex of the application's raw 32-byte Ed25519 public key (DISCORD_PUBLIC_KEY). */
  publicKey: string;
  /** The endpoint interactions are delivered to, when HTTP delivery is on. */
  interactionsEndpoint: string | undefined;
  /**
   * Resolves when a client has IDENTIFYed and READY + all GUILD_CREATEs were sent; with an
   * interactions endpoint, when the endpoint answers a signed PING with PONG.
   */
  waitForReady(timeoutMs?: number): Promise<void>;
  /**
   * Dispatch type 2 (chat input). Options typed from registered command definitions when
   * registered (PUT), else inferred: string→3, integer→4, non-integer number→10, boolean→5,
   * `{ attachment }`→11 (served by the stand-in, described in data.resolved.attachments).
   * A name with spaces names a subcommand: 'house set' or 'group sub command'.
   */
  sendCommand(name: string, options?: Record<string, CommandOptionValue>, at?: SendAt): InteractionRecord;
  /** Dispatch type 4 (autocomplete) with `focused: true` on the named option. */
  sendAutocomplete(name: string, focused: string, value: string, options?: Record<string, CommandOptionValue>, at?: SendAt): InteractionRecord;
  /**
   * Dispatch type 3 (component). componentType 2 = button, 3 = string select; message = the
   * message the component sits on (id + embeds/components/attachments), defaults to a minimal
   * one. Its `attachments` may be APIAttachments (e.g. from `originalMessage()`) or files to serve.
   */
  sendComponent(customId: string, opts?: { values?: string[]; componentType?: 2 | 3; message?: any } & SendAt): InteractionRecord;
  /** Dispatch a message context-menu command (type 2, data.type 3) on `message`. */
  sendMessageCommand(name: string, message: TargetMessage, at?: SendAt): InteractionRecord;
  /**
   * Resolves once an HTTP delivery is over: the endpoint answered (`endpointStatus`) or failed
   * (`endpointError`). Immediately for gateway delivery.
   */
  waitForDelivery(record: InteractionRecord, timeoutMs?: number): Promise<InteractionRecord>;
  /** A signed PING (type 1) to the endpoint; a correct endpoint answers 200 `{"type":1}`. */
  sendPing(): Promise<EndpointReply>;
  /** POSTs `body` to the endpoint with exactly these headers (Content-Type JSON unless given). */
  postRaw(body: string | Buffer, headers: Record<string, string>): Promise<EndpointReply>;
  /** The headers Discord would sign `body` with (timestamp default now, unix seconds). */
  sign(body: string | Buffer, timestamp?: string): Record<string, string>;
  /**
   * What Discord checks when the endpoint URL is saved: a signed PING gets PONG, and PINGs with
   * a bad or missing signature get 401. `problems` says what failed.
   */
  checkEndpoint(): Promise<{ ok: boolean; problems: string[] }>;
  /** Serves a file at a loopback URL, as Discord's CDN would; returns its attachment object. */
  hostFile(file: AttachmentInput): APIAttachment;
  /** The interaction's original response as the stand-in holds it (attachments with their URLs). */
  originalMessage(record: InteractionRecord): APIMessage | undefined;
  /** Its follow-up messages still held, oldest first. */
  followUpMessages(record: InteractionRecord): APIMessage[];
  /**
   * Resolves with the record once it holds a final answer: a callback of type 4, 7, 8 or 9, or,
   * after a defer (type 5 or 6), the first PATCH @original or follow-up. Rejects after timeoutMs (default 5000).
   */
  waitForAnswer(record: InteractionRecord, timeoutMs?: number): Promise<InteractionRecord>;
  /**
   * Drops an interaction the caller is done with; from then on its id and token are unknown (404),
   * as if it had never been sent. Otherwise every interaction is kept for its token's 15 minutes.
   * The bench uses it so that the process that times every answer does not hold every reply it
   * captured: Tierbot's are 1–7 KB of JSON each, and holding them made that process run major
   * collections (one of 40 ms) during Tierbot's turns only.
   */
  forget(record: InteractionRecord): void;
  /** Registered commands: key 'global' or the guild id → the array last PUT. */
  registrations: Map<string, any[]>;
  /** Every REST request seen, in order. */
  requests: RequestRecord[];
  faults: {
    /** Close this bot's current gateway socket with this code (1006 = abrupt terminate). */
    closeGateway(code: number): void;
    /** The next matching REST request gets 429 with Discord's body and headers. */
    rateLimitNext(pathIncludes: string, retryAfterSeconds: number): void;
    /** The next matching REST request gets this status with a Discord-shaped error body. */
    failNext(pathIncludes: string, status: number): void;
    /** The next matching REST request is handled only after `ms`, as over a slow network. */
    delayNext(pathIncludes: string, ms: number): void;
    /** The next matching REST request gets no answer: its connection is reset (recorded with status 0). */
    resetNext(pathIncludes: string): void;
  };
  /** Ends this bot's part; the server itself closes with the last of its bots. */
  close(): Promise<void>;
}

const DEFAULT_USER_ID = '300000000000000001';
/** The author of a message-command target when none is given. */
const OTHER_USER_ID = '300000000000000002';
const USE_EXTERNAL_APPS = 1n << 50n;
type OptionValue = string | number | boolean;

const isAttachmentValue = (value: CommandOptionValue): value is { attachment: AttachmentInput } => typeof value === 'object' && value !== null && 'attachment' in value;

/** True once the record holds what the user finally sees. */
export function isAnswered(record: InteractionRecord): boolean {
  if (record.callbacks.some((c) => [4, 7, 8, 9].includes(c.type))) return true;
  const deferred = record.callbacks.some((c) => c.type === 5 || c.type === 6);
  return deferred && (record.edits.length > 0 || record.followUps.length > 0);
}

const EPHEMERAL = 1 << 6; // MessageFlags.Ephemeral

/**
 * The message an interaction ended with, as the user sees it: the last edit or follow-up after a
 * defer, otherwise the first answering callback (for autocomplete, `body.choices`). An edit cannot
 * change who sees a message: the edit of a private response is shown private (flags 64), as Discord
 * shows it.
 */
export function finalAnswer(record: InteractionRecord): CapturedMessage {
  const edit = record.edits.at(-1);
  if (edit) {
    const privateOriginal = Boolean((record.callbacks[0]?.data?.flags ?? 0) & EPHEMERAL);
    return privateOriginal ? { ...edit, body: { ...edit.body, flags: (edit.body?.flags ?? 0) | EPHEMERAL } } : edit;
  }
  const followUp = record.followUps.at(-1);
  if (followUp) return followUp;
  const callback = record.callbacks.find((c) => c.type !== 5 && c.type !== 6) ?? record.callbacks[0];
  return { body: callback?.data ?? {}, files: callback?.files ?? [], receivedAt: callback?.receivedAt ?? Number.NaN };
}

/** Discord's option type for a value nobody registered: string 3, integer 4, number 10, boolean 5. */
function inferredType(value: OptionValue): 3 | 4 | 5 | 10 {
  if (typeof value === 'boolean') return 5;
  if (typeof value === 'number') return Number.isInteger(value) ? 4 : 10;
  return 3;
}

/** A value as Discord would deliver it for an option of `type`. */
function asOption(name: string, type: number, value: OptionValue): APIApplicationCommandInteractionDataOption {
  const coerced = type === 3 ? String(value) : (type === 4 || type === 10) && typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)) ? Number(value) : value;
  return { name, type, value: coerced } as APIApplicationCommandInteractionDataOption;
}

export async function startStandIn(options: StandInOptions = {}): Promise<StandIn> {
  const { token = 'standin-token', applicationId = '100000000000000001', ...rest } = options;
  const [standIn] = await startSharedStandIn({ ...rest, applications: [{ token, applicationId }] });
  return standIn!;
}

/** What every application's handle of one stand-in shares. */
interface Shared {
  gateway: Gateway;
  guildIds: string[];
  baseUrl: string;
  gatewayUrl: string;
  guildExtras: (guildId: string, applicationId: string) => Record<string, unknown>;
  options: SharedStandInOptions;
  log: (line: string) => void;
  /** Files served under /attachments, for every application. */
  files: Map<string, StoredFile>;
  /** Called by each handle's close(); closes the server after the last. */
  closeApplication(applicationId: string): Promise<void>;
}

/**
 * One stand-in serving several bots: one REST API and one gateway on one loopback port, the same
 * guilds. Returns a handle per application, in the order given.
 */
export async function startSharedStandIn(options: SharedStandInOptions): Promise<StandIn[]> {
  const { applications } = options;
  if (applications.length === 0) throw new Error('A stand-in serves at least one application');
  // Discord tells bots apart by token and application id; so must the stand-in.
  for (const key of ['token', 'applicationId'] as const) {
    if (new Set(applications.map((app) => app[key])).size < applications.length) throw new Error(`Two applications share one ${key}`);
  }
  // Loopback only, checked before anything is bound.
  for (const app of applications) {
    const endpoint = app.interactionsEndpoint ?? options.interactionsEndpoint;
    if (endpoint !== undefined) loopbackEndpoint(endpoint);
  }
  const guildIds = options.guildIds ?? ['200000000000000001'];
  const log = options.log ?? (() => undefined);
  const extrasCache = new Map<string, Record<string, unknown>>();
  const guildExtras = (guildId: string, applicationId: string) => {
    const key = `${applicationId}/${guildId}`;
    if (!extrasCache.has(key)) extrasCache.set(key, options.guildExtras?.(guildId, applicationId) ?? {});
    return extrasCache.get(key)!;
  };

  const server = createServer();
  // Loopback only, always: the stand-in trusts fixed tokens.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const gatewayUrl = `ws://127.0.0.1:${port}`;

  const readyWaiters = new Map(applications.map((app) => [app.applicationId, new Set<() => void>()]));
  const gateway = new Gateway({
    server,
    applications: applications.map((app) => ({ ...app, onReady: () => readyWaiters.get(app.applicationId)!.forEach((wake) => wake()) })),
    guildIds,
    guildExtras,
    url: gatewayUrl,
    log,
  });

  const open = new Set(applications.map((app) => app.applicationId));
  const shared: Shared = {
    gateway,
    guildIds,
    baseUrl,
    gatewayUrl,
    guildExtras,
    options,
    log,
    files: new Map(),
    async closeApplication(applicationId) {
      open.delete(applicationId);
      if (open.size > 0) return gateway.disconnect(applicationId);
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const served = applications.map((app) => serveApplication(shared, app, readyWaiters.get(app.applicationId)!));
  server.on('request', createRestHandler(served.map(({ ctx }) => ctx)));
  return served.map(({ standIn }) => standIn);
}

/** One bot's part of a stand-in: its interactions, registrations and requests, and its handle. */
function serveApplication(shared: Shared, app: StandInApplication, readyWaiters: Set<() => void>): { standIn: StandIn; ctx: RestContext } {
  const { token, applicationId } = app;
  const { gateway, guildIds, options, log } = shared;
  const endpointOption = app.interactionsEndpoint ?? options.interactionsEndpoint;
  const endpoint = endpointOption === undefined ? undefined : loopbackEndpoint(endpointOption);
  const signer: Signer = createSigner();
  let closed = false;
  /** Wake-ups by interaction id: an answer wakes only those waiting for that interaction. */
  const answerWaiters = new Map<string, Set<() => void>>();
  const waitersOf = (id: string) => {
    let set = answerWaiters.get(id);
    if (!set) answerWaiters.set(id, (set = new Set()));
    return set;
  };
  const interactions = new Map<string, TrackedInteraction>();
  const byToken = new Map<string, TrackedInteraction>();
  const registrations = new Map<string, any[]>();
  const requests: StandIn['requests'] = [];
  const faults: Fault[] = [];

  const ctx: RestContext = {
    token,
    applicationId,
    guildIds,
    baseUrl: shared.baseUrl,
    gatewayUrl: shared.gatewayUrl,
    ackTimeoutMs: options.ackTimeoutMs ?? 3000,
    keepUploads: options.keepUploads ?? true,
    interactions,
    byToken,
    registrations,
    requests,
    faults,
    files: shared.files,
    publicKey: signer.publicKey,
    changed: (tracked) => answerWaiters.get(tracked.record.id)?.forEach((wake) => wake()),
    log,
  };
  /** Resolves when `done()` holds, re-checked on every `waiters` wake-up; rejects after timeoutMs. */
  function waitFor(waiters: Set<() => void>, done: () => boolean, timeoutMs: number, what: () => string): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const finish = (error?: Error) => {
        clearTimeout(timer);
        waiters.delete(wake);
        if (error) reject(error);
        else resolve();
      };
      const wake = () => {
        if (closed) finish(new Error('The stand-in was closed'));
        else if (done()) finish();
      };
      const timer = setTimeout(() => finish(new Error(what())), timeoutMs);
      waiters.add(wake);
    });
  }

  /** Waits on one interaction's wake-ups. */
  async function waitOn(record: InteractionRecord, done: () => boolean, timeoutMs: number, what: () => string): Promise<void> {
    const waiters = waitersOf(record.id);
    try {
      await waitFor(waiters, done, timeoutMs, what);
    } finally {
      if (waiters.size === 0) answerWaiters.delete(record.id);
    }
  }

  /** A registered command of this type by name: the guild's own first, then the global one. */
  function findCommand(name: string, guildId: string | null, type = 1) {
    const matches = (c: any) => c.name === name && (c.type ?? 1) === type;
    const inGuild = guildId === null ? undefined : registrations.get(guildId)?.find(matches);
    const command = inGuild ?? registrations.get('global')?.find(matches);
    return { command, inGuild: inGuild !== undefined };
  }

  const commandIds = new Map<string, string>();
  function commandIdOf(command: any, key: string): string {
    if (command?.id) return command.id;
    if (!commandIds.has(key)) commandIds.set(key, snowflake());
    return commandIds.get(key)!;
  }

  /** Serves a file for an interaction and describes it as Discord does. */
  function host(file: AttachmentInput, owner?: TrackedInteraction, channelId?: string): APIAttachment {
    return storeFile(ctx, { filename: file.filename, data: file.data, contentType: file.contentType }, channelId, owner);
  }

  function commandData(fullName: string, values: Record<string, CommandOptionValue>, guildId: string | null, focused?: string): CommandData {
    const [name = '', ...path] = fullName.trim().split(/\s+/);
    const { command, inGuild } = findCommand(name, guildId);
    // A subcommand (group) path: each step is an option of type 1 (or 2) holding the next.
    let definitions: { name: string; type: number; options?: any[] }[] = command?.options ?? [];
    const chain: { name: string; type: number }[] = [];
    path.forEach((part, i) => {
      const definition = definitions.find((o) => o.name === part);
      chain.push({ name: part, type: definition?.type ?? (i < path.length - 1 ? 2 : 1) });
      definitions = definition?.options ?? [];
    });
    const attachments: Record<string, APIAttachment> = {};
    let options = Object.entries(values).map(([optionName, value]) => {
      if (isAttachmentValue(value)) {
        const attachment = { ...host(value.attachment), ephemeral: true };
        attachments[attachment.id] = attachment;
        return { name: optionName, type: 11, value: attachment.id } as APIApplicationCommandInteractionDataOption;
      }
      const type = definitions.find((o) => o.name === optionName)?.type ?? inferredType(value);
      // The focused option carries the raw text typed so far, whatever the option's type.
      if (optionName === focused) return { name: optionName, type, value: String(value), focused: true } as APIApplicationCommandInteractionDataOption;
      return asOption(optionName, type, value);
    });
    for (const step of chain.reverse()) options = [{ name: step.name, type: step.type, options } as APIApplicationCommandInteractionDataOption];
    return {
      commandId: commandIdOf(command, `1:${name}`),
      name,
      options,
      ...(Object.keys(attachments).length ? { resolved: { attachments } } : {}),
      ...(inGuild ? { guildId: guildId! } : {}),
    };
  }

  /** What `place()` works out beyond the payload's place: how Discord treats the answers. */
  interface Where extends InteractionPlace {
    forcedEphemeral: boolean;
    followUpCap?: number;
  }

  /** Where an interaction happens (see SendAt): its guild or DM, channel, user and installs. */
  function place(at: SendAt = {}): Where {
    const userId = at.userId ?? DEFAULT_USER_ID;
    const user = humanUser(userId);
    const guildId = at.guildId === undefined ? guildIds[0]! : at.guildId;
    const userInstall = at.userInstall === true;
    let permissions = at.permissions;
    // Where the server lets members use external apps, a user install answers in the open.
    if (permissions === undefined && userInstall && !at.forcedEphemeral) permissions = String(BigInt(EVERYONE_PERMISSIONS) | USE_EXTERNAL_APPS);
    const common = { user, permissions, forcedEphemeral: at.forcedEphemeral === true, ...(at.appPermissions ? { appPermissions: at.appPermissions } : {}) };
    if (guildId === null) {
      const context = at.context ?? 1;
      if (context === 0) throw new Error('A DM (guildId: null) has context 1 or 2, not 0');
      if (context === 2 && !userInstall) throw new Error('Only a user-installed app is reached in other DMs and group DMs (context 2)');
      // One DM channel per user; a group DM for context 2.
      const channel = { id: (BigInt(userId) + 7n).toString(), type: context === 2 ? 3 : 1 } as InteractionPlace['channel'];
      return {
        ...common,
        guildId: null,
        channel,
        context,
        owners: userInstall ? { '1': userId } : { '0': '0' },
        ...(userInstall ? { followUpCap: USER_INSTALL_FOLLOW_UPS } : {}),
      };
    }
    const served = guildIds.includes(guildId);
    const botInGuild = at.botInGuild ?? served;
    if (botInGuild && !served) throw new Error(`The stand-in serves no guild ${guildId}`);
    if (!botInGuild && !userInstall) throw new Error(`The bot is not in guild ${guildId}: only a user install (userInstall: true) reaches it there`);
    const channels = botInGuild ? ((shared.guildExtras(guildId, applicationId).channels as InteractionPlace['channel'][] | undefined) ?? []) : [];
    const channel = channels.find((c) => c.type === 0) ?? defaultChannel(guildId);
    return {
      ...common,
      guildId,
      channel,
      context: at.context ?? 0,
      owners: { ...(botInGuild ? { '0': guildId } : {}), ...(userInstall ? { '1': userId } : {}) },
      ...(botInGuild ? {} : { appPermissions: at.appPermissions ?? APP_PERMISSIONS_ELSEWHERE }),
      // Only apps installed to the server escape the cap on follow-ups.
      ...(userInstall && !botInGuild ? { followUpCap: USER_INSTALL_FOLLOW_UPS } : {}),
    };
  }

  /** From now on the interaction's id and token are unknown, and its files no longer served. */
  function drop(record: InteractionRecord): void {
    const tracked = interactions.get(record.id);
    for (const id of tracked?.fileIds ?? []) shared.files.delete(id);
    interactions.delete(record.id);
    byToken.delete(record.token);
  }

  /** Forget interactions whose token expired: nothing can answer them any more. */
  function prune(): void {
    const cutoff = Date.now() - TOKEN_LIFETIME_MS;
    for (const tracked of interactions.values()) {
      if (tracked.createdAt >= cutoff) break; // insertion order = creation order
      drop(tracked.record);
    }
  }

  async function post(body: string | Buffer, headers: Record<string, string>): Promise<EndpointReply> {
    if (!endpoint) throw new Error('The stand-in was started without interactionsEndpoint');
    const hasType = Object.keys(headers).some((key) => key.toLowerCase() === 'content-type');
    const sent = { 'User-Agent': DISCORD_INTERACTIONS_USER_AGENT, ...(hasType ? {} : { 'Content-Type': 'application/json' }), ...headers };
    const { status, body: text, headers: received } = await postToEndpoint(endpoint, body, sent, ctx.ackTimeoutMs);
    return { status, body: text, headers: received };
  }

  /**
   * POSTs the interaction to the endpoint, signed, and records the response as its first answer,
   * or why there was none.
   */
  async function deliver(tracked: TrackedInteraction, payload: unknown): Promise<void> {
    const { record } = tracked;
    const body = JSON.stringify(payload);
    const headers = { 'User-Agent': DISCORD_INTERACTIONS_USER_AGENT, 'Content-Type': 'application/json', ...signer.sign(body) };
    const fail = (why: string, text?: string) => {
      record.endpointError = why;
      if (text !== undefined) record.endpointBody = text;
      log(`interaction ${record.id}: endpoint delivery failed: ${why}`);
      ctx.changed(tracked);
    };
    let response: Awaited<ReturnType<typeof postToEndpoint>>;
    try {
      response = await postToEndpoint(endpoint!, body, headers, ctx.ackTimeoutMs);
    } catch (error) {
      return fail(describeFailure(error, ctx.ackTimeoutMs));
    }
    record.endpointStatus = response.status;
    if (response.status < 200 || response.status > 299) return fail(`the endpoint answered ${response.status}`, response.body);
    let parsed: Awaited<ReturnType<typeof parseBody>>;
    try {
      parsed = await parseBody(response.contentType, response.raw, ctx.keepUploads);
    } catch {
      return fail('the response body is not valid JSON', response.body);
    }
    const accepted = acceptCallback(ctx, tracked, parsed.body, parsed.files, response.receivedAt);
    if (accepted.status !== 204) {
      record.endpointRefusal = accepted.body;
      fail(`Discord refused the response (${accepted.status}): ${JSON.stringify(accepted.body)}`, response.body);
    }
  }

  /** Records and sends one interaction; `build` makes its payload from id and token. */
  function dispatch(type: 2 | 3 | 4, where: Where, build: (id: string, token: string) => unknown, componentMessage?: APIMessage, fileIds: string[] = [], replyType?: number): InteractionRecord {
    prune();
    const record: InteractionRecord = { id: snowflake(), token: interactionToken(), type, callbacks: [], edits: [], followUps: [] };
    const tracked: TrackedInteraction = {
      record,
      createdAt: Date.now(),
      place: where,
      acknowledged: false,
      followUps: new Map(),
      fileIds: [...fileIds],
      forcedEphemeral: where.forcedEphemeral,
      ...(where.followUpCap !== undefined ? { followUpCap: where.followUpCap } : {}),
      ...(componentMessage ? { componentMessage } : {}),
      ...(replyType !== undefined ? { replyType } : {}),
    };
    if (closed) throw new Error('The stand-in is closed');
    interactions.set(record.id, tracked);
    byToken.set(record.token, tracked);
    try {
      const payload = build(record.id, record.token);
      if (endpoint) {
        const delivery = deliver(tracked, payload).finally(() => {
          tracked.delivery = undefined;
          ctx.changed(tracked);
        });
        tracked.delivery = delivery;
      } else {
        // Discord sends DM interactions to shard 0 (guild id 0 lands there).
        gateway.dispatchInteraction(payload, where.guildId ?? '0', applicationId);
      }
    } catch (error) {
      drop(record);
      throw error;
    }
    log(`interaction ${record.id} (type ${type}) ${endpoint ? `posted to ${endpoint}` : 'dispatched'}`);
    return record;
  }

  /** Files given as bytes are served and described; attachment objects pass as they are. */
  function attachmentsOf(list: unknown, channelId: string): APIAttachment[] {
    if (!Array.isArray(list)) return [];
    return list.map((item: AttachmentInput | APIAttachment) => ('data' in item && Buffer.isBuffer(item.data) ? host(item as AttachmentInput, undefined, channelId) : (item as APIAttachment)));
  }

  const delivered = (record: InteractionRecord) => !endpoint || record.endpointStatus !== undefined || record.endpointError !== undefined;

  const standIn: StandIn = {
    apiUrl: `${shared.baseUrl}/api`,
    token,
    applicationId,
    guildIds,
    registrations,
    requests,
    publicKey: signer.publicKey,
    interactionsEndpoint: endpoint,

    async waitForReady(timeoutMs = 5000) {
      if (!endpoint) {
        return waitFor(readyWaiters, () => gateway.isReady(applicationId), timeoutMs, () => `No client of application ${applicationId} became ready on the stand-in within ${timeoutMs} ms`);
      }
      // HTTP delivery: ready once the endpoint answers a signed PING with PONG.
      const deadline = Date.now() + timeoutMs;
      let last = 'no answer yet';
      while (Date.now() < deadline && !closed) {
        try {
          const pong = await standIn.sendPing();
          if (pong.status === 200 && /"type"\s*:\s*1\b/.test(pong.body)) return;
          last = `${pong.status} ${pong.body.slice(0, 200)}`;
        } catch (error) {
          last = describeFailure(error, ctx.ackTimeoutMs);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`The interactions endpoint ${endpoint} did not answer PING with PONG within ${timeoutMs} ms (last: ${last})`);
    },

    sendCommand(name, values = {}, at = {}) {
      const where = place(at);
      const command = commandData(name, values, where.guildId);
      const fileIds = Object.keys(command.resolved?.attachments ?? {});
      return dispatch(2, where, (id, tok) => chatInputInteraction({ id, token: tok, applicationId, place: where, command }), undefined, fileIds);
    },

    sendAutocomplete(name, focused, value, values = {}, at = {}) {
      const where = place(at);
      const command = commandData(name, { ...values, [focused]: value }, where.guildId, focused);
      return dispatch(4, where, (id, tok) => autocompleteInteraction({ id, token: tok, applicationId, place: where, command }));
    },

    sendMessageCommand(name, target, at = {}) {
      const where = place(at);
      const { command, inGuild } = findCommand(name, where.guildId, 3);
      const message: APIMessage = {
        ...messageObject({
          id: target.id ?? snowflake(),
          channelId: where.channel.id,
          author: target.author ?? humanUser(OTHER_USER_ID),
          applicationId,
          body: { content: target.content, embeds: target.embeds ?? [] },
          attachments: attachmentsOf(target.attachments, where.channel.id),
        }),
        // A user's message, not one sent through the application's webhook.
        webhook_id: undefined,
        application_id: undefined,
        ...(where.guildId ? { guild_id: where.guildId } : {}),
      } as APIMessage;
      const commandId = commandIdOf(command, `3:${name}`);
      return dispatch(2, where, (id, tok) =>
        messageCommandInteraction({ id, token: tok, applicationId, place: where, commandId, name, target: message, ...(inGuild ? { guildId: where.guildId! } : {}) }),
        undefined,
        [],
        23, // MessageType.ContextMenuCommand
      );
    },

    sendComponent(customId, opts = {}) {
      const where = place(opts);
      const values = opts.values ?? [];
      const componentType = opts.componentType ?? (values.length ? 3 : 2);
      // The component the user clicked, so discord.js can find it on the message.
      const component =
        componentType === 2
          ? { type: 2, style: 1, label: 'Button', custom_id: customId }
          : { type: 3, custom_id: customId, options: values.map((v) => ({ label: v, value: v })), min_values: 1, max_values: Math.max(1, values.length) };
      const given = (opts.message ?? {}) as Record<string, unknown>;
      const message: APIMessage = {
        ...messageObject({
          id: snowflake(),
          channelId: where.channel.id,
          author: botUser(applicationId),
          applicationId,
          body: { components: [{ type: 1, components: [component] }] },
          type: 20,
        }),
        ...given,
        ...(given.attachments ? { attachments: attachmentsOf(given.attachments, where.channel.id) } : {}),
      } as APIMessage;
      return dispatch(3, where, (id, tok) => componentInteraction({ id, token: tok, applicationId, place: where, customId, componentType, values, message }), message);
    },

    forget: drop,

    async waitForAnswer(record, timeoutMs = 5000) {
      // A failed HTTP delivery ends the wait at once: nothing can answer that interaction now.
      await waitOn(record, () => isAnswered(record) || record.endpointError !== undefined, timeoutMs, () => {
        const seen = record.callbacks.map((c) => c.type).join(', ') || 'none';
        return `No answer to interaction ${record.id} within ${timeoutMs} ms (callbacks: ${seen}; edits: ${record.edits.length}; follow-ups: ${record.followUps.length})`;
      });
      if (!isAnswered(record)) throw new Error(`Interaction ${record.id} got no answer: ${record.endpointError}`);
      return record;
    },

    async waitForDelivery(record, timeoutMs = 5000) {
      await waitOn(record, () => delivered(record), timeoutMs, () => `The endpoint did not answer interaction ${record.id} within ${timeoutMs} ms`);
      return record;
    },

    sendPing() {
      const body = JSON.stringify({ id: snowflake(), application_id: applicationId, type: 1, token: interactionToken(), version: 1, user: humanUser(DEFAULT_USER_ID), entitlements: [] });
      return post(body, signer.sign(body));
    },

    postRaw: (body, headers) => post(body, headers),

    sign: (body, timestamp) => signer.sign(body, timestamp),

    async checkEndpoint() {
      const problems: string[] = [];
      const ping = (tweak: (headers: Record<string, string>) => Record<string, string>) => {
        const body = JSON.stringify({ id: snowflake(), application_id: applicationId, type: 1, token: interactionToken(), version: 1 });
        return post(body, tweak(signer.sign(body)));
      };
      try {
        const good = await ping((headers) => headers);
        if (good.status !== 200 || !/"type"\s*:\s*1\b/.test(good.body)) problems.push(`a signed PING got ${good.status} ${good.body.slice(0, 200)}, not 200 {"type":1}`);
        // Discord sends bad signatures on purpose and refuses an endpoint that accepts them.
        const forged = await ping((headers) => ({ ...headers, 'X-Signature-Ed25519': signer.sign('another body')['X-Signature-Ed25519']! }));
        if (forged.status !== 401) problems.push(`a PING with a wrong signature got ${forged.status}, not 401`);
        const unsigned = await ping(() => ({}));
        if (unsigned.status !== 401) problems.push(`a PING without signature headers got ${unsigned.status}, not 401`);
      } catch (error) {
        problems.push(describeFailure(error, ctx.ackTimeoutMs));
      }
      return { ok: problems.length === 0, problems };
    },

    hostFile: (file) => host(file),

    originalMessage: (record) => interactions.get(record.id)?.original,

    followUpMessages: (record) => [...(interactions.get(record.id)?.followUps.values() ?? [])],

    faults: {
      closeGateway: (code) => gateway.closeCurrent(code, applicationId),
      rateLimitNext: (pathIncludes, retryAfterSeconds) => void faults.push({ kind: 'rateLimit', pathIncludes, retryAfterSeconds }),
      failNext: (pathIncludes, status) => void faults.push({ kind: 'fail', pathIncludes, status }),
      delayNext: (pathIncludes, ms) => void faults.push({ kind: 'delay', pathIncludes, ms }),
      resetNext: (pathIncludes) => void faults.push({ kind: 'reset', pathIncludes }),
    },

    async close() {
      if (closed) return;
      closed = true;
      // Pending waits fail now rather than at their timeouts.
      readyWaiters.forEach((wake) => wake());
      answerWaiters.forEach((waiters) => waiters.forEach((wake) => wake()));
      await shared.closeApplication(applicationId);
    },
  };
  return { standIn, ctx };
}
