/**
 * The Discord stand-in: a small Discord-compatible server (REST + gateway) on 127.0.0.1 that the
 * real discord.js Client logs into. Tests, the benchmark and the playground drive the bot through
 * it: they dispatch interactions and read back what the bot answered, exactly as Discord got it.
 *
 * One stand-in can serve several bots at once, as Discord does (the benchmark runs two under one):
 * each logs in with its own token, and gets its own handle to send it interactions.
 *
 * Only ever bound to the loopback address: it accepts fixed tokens and is no real service.
 */

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIApplicationCommandInteractionDataOption, APIMessage } from 'discord.js';
import { Gateway } from './gateway';
import {
  autocompleteInteraction,
  botUser,
  chatInputInteraction,
  componentInteraction,
  defaultChannel,
  humanUser,
  interactionToken,
  messageObject,
  snowflake,
  type CommandData,
  type InteractionPlace,
} from './payloads';
import { createRestHandler, TOKEN_LIFETIME_MS, type Fault, type RequestRecord, type RestContext, type TrackedInteraction } from './rest';

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
}

/** One bot a stand-in serves: the token it logs in with, and its application's id. */
export interface StandInApplication {
  token: string;
  applicationId: string;
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
  /** POST /interactions/{id}/{token}/callback, in order (only accepted ones). */
  callbacks: ({ type: number; data?: any; files: CapturedFile[] } & Arrival)[];
  /** PATCH /webhooks/{app}/{token}/messages/@original. */
  edits: CapturedMessage[];
  /** POST /webhooks/{app}/{token}. */
  followUps: CapturedMessage[];
}

export interface StandIn {
  /** 'http://127.0.0.1:PORT/api' (discord.js appends /v10/...). */
  apiUrl: string;
  token: string;
  applicationId: string;
  guildIds: string[];
  /** Resolves when a client has IDENTIFYed and READY + all GUILD_CREATEs were sent. */
  waitForReady(timeoutMs?: number): Promise<void>;
  /**
   * Dispatch INTERACTION_CREATE type 2 (chat input). Options typed from registered command
   * definitions when registered (PUT), else inferred: string→3, integer→4, non-integer number→10, boolean→5.
   */
  sendCommand(name: string, options?: Record<string, string | number | boolean>, at?: { guildId?: string; userId?: string }): InteractionRecord;
  /** Dispatch type 4 (autocomplete) with `focused: true` on the named option. */
  sendAutocomplete(name: string, focused: string, value: string, options?: Record<string, string | number | boolean>): InteractionRecord;
  /**
   * Dispatch type 3 (component). componentType 2 = button, 3 = string select; message = the
   * message the component sits on (id + embeds/components), defaults to a minimal one.
   */
  sendComponent(customId: string, opts?: { values?: string[]; componentType?: 2 | 3; message?: any }): InteractionRecord;
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
  };
  /** Ends this bot's part; the server itself closes with the last of its bots. */
  close(): Promise<void>;
}

const DEFAULT_USER_ID = '300000000000000001';
type OptionValue = string | number | boolean;

/** True once the record holds what the user finally sees. */
export function isAnswered(record: InteractionRecord): boolean {
  if (record.callbacks.some((c) => [4, 7, 8, 9].includes(c.type))) return true;
  const deferred = record.callbacks.some((c) => c.type === 5 || c.type === 6);
  return deferred && (record.edits.length > 0 || record.followUps.length > 0);
}

/**
 * The message an interaction ended with, as the user sees it: the last edit or follow-up after a
 * defer, otherwise the first answering callback (for autocomplete, `body.choices`).
 */
export function finalAnswer(record: InteractionRecord): CapturedMessage {
  const later = record.edits.at(-1) ?? record.followUps.at(-1);
  if (later) return later;
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
function serveApplication(shared: Shared, { token, applicationId }: StandInApplication, readyWaiters: Set<() => void>): { standIn: StandIn; ctx: RestContext } {
  const { gateway, guildIds, options, log } = shared;
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

  function findCommand(name: string, guildId: string) {
    const inGuild = registrations.get(guildId)?.find((c) => c.name === name && (c.type ?? 1) === 1);
    const command = inGuild ?? registrations.get('global')?.find((c) => c.name === name && (c.type ?? 1) === 1);
    return { command, inGuild: inGuild !== undefined };
  }

  const commandIds = new Map<string, string>();
  function commandData(name: string, values: Record<string, OptionValue>, guildId: string, focused?: string): CommandData {
    const { command, inGuild } = findCommand(name, guildId);
    const definitions: { name: string; type: number }[] = command?.options ?? [];
    const commandOptions = Object.entries(values).map(([optionName, value]) => {
      const type = definitions.find((o) => o.name === optionName)?.type ?? inferredType(value);
      // The focused option carries the raw text typed so far, whatever the option's type.
      if (optionName === focused) return { name: optionName, type, value: String(value), focused: true } as APIApplicationCommandInteractionDataOption;
      return asOption(optionName, type, value);
    });
    if (!commandIds.has(name)) commandIds.set(name, snowflake());
    return { commandId: command?.id ?? commandIds.get(name)!, name, options: commandOptions, ...(inGuild ? { guildId } : {}) };
  }

  /** The channel interactions happen in: the guild's first text channel. */
  function place(guildId: string, userId: string): InteractionPlace {
    if (!guildIds.includes(guildId)) throw new Error(`The stand-in serves no guild ${guildId}`);
    const channels = (shared.guildExtras(guildId, applicationId).channels as InteractionPlace['channel'][] | undefined) ?? [];
    const channel = channels.find((c) => c.type === 0) ?? defaultChannel(guildId);
    return { guildId, channel, user: humanUser(userId) };
  }

  /** From now on the interaction's id and token are unknown. */
  function drop(record: InteractionRecord): void {
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

  /** Records and dispatches one interaction; `build` makes its payload from id and token. */
  function dispatch(type: 2 | 3 | 4, where: InteractionPlace, build: (id: string, token: string) => unknown, componentMessage?: APIMessage): InteractionRecord {
    prune();
    const record: InteractionRecord = { id: snowflake(), token: interactionToken(), type, callbacks: [], edits: [], followUps: [] };
    const tracked: TrackedInteraction = { record, createdAt: Date.now(), place: where, acknowledged: false, followUps: new Map(), ...(componentMessage ? { componentMessage } : {}) };
    if (closed) throw new Error('The stand-in is closed');
    interactions.set(record.id, tracked);
    byToken.set(record.token, tracked);
    try {
      gateway.dispatchInteraction(build(record.id, record.token), where.guildId, applicationId);
    } catch (error) {
      drop(record);
      throw error;
    }
    log(`interaction ${record.id} (type ${type}) dispatched`);
    return record;
  }

  const standIn: StandIn = {
    apiUrl: `${shared.baseUrl}/api`,
    token,
    applicationId,
    guildIds,
    registrations,
    requests,

    waitForReady: (timeoutMs = 5000) =>
      waitFor(readyWaiters, () => gateway.isReady(applicationId), timeoutMs, () => `No client of application ${applicationId} became ready on the stand-in within ${timeoutMs} ms`),

    sendCommand(name, values = {}, at = {}) {
      const where = place(at.guildId ?? guildIds[0]!, at.userId ?? DEFAULT_USER_ID);
      const command = commandData(name, values, where.guildId);
      return dispatch(2, where, (id, tok) => chatInputInteraction({ id, token: tok, applicationId, place: where, command }));
    },

    sendAutocomplete(name, focused, value, values = {}) {
      const where = place(guildIds[0]!, DEFAULT_USER_ID);
      const command = commandData(name, { ...values, [focused]: value }, where.guildId, focused);
      return dispatch(4, where, (id, tok) => autocompleteInteraction({ id, token: tok, applicationId, place: where, command }));
    },

    sendComponent(customId, opts = {}) {
      const where = place(guildIds[0]!, DEFAULT_USER_ID);
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
      } as APIMessage;
      return dispatch(3, where, (id, tok) => componentInteraction({ id, token: tok, applicationId, place: where, customId, componentType, values, message }), message);
    },

    forget: drop,

    async waitForAnswer(record, timeoutMs = 5000) {
      const waiters = waitersOf(record.id);
      try {
        await waitFor(waiters, () => isAnswered(record), timeoutMs, () => {
          const seen = record.callbacks.map((c) => c.type).join(', ') || 'none';
          return `No answer to interaction ${record.id} within ${timeoutMs} ms (callbacks: ${seen}; edits: ${record.edits.length}; follow-ups: ${record.followUps.length})`;
        });
      } finally {
        if (waiters.size === 0) answerWaiters.delete(record.id);
      }
      return record;
    },

    faults: {
      closeGateway: (code) => gateway.closeCurrent(code, applicationId),
      rateLimitNext: (pathIncludes, retryAfterSeconds) => void faults.push({ kind: 'rateLimit', pathIncludes, retryAfterSeconds }),
      failNext: (pathIncludes, status) => void faults.push({ kind: 'fail', pathIncludes, status }),
      delayNext: (pathIncludes, ms) => void faults.push({ kind: 'delay', pathIncludes, ms }),
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
