/**
 * How the core answers an interaction, whichever way it came in. The first response is the
 * interaction callback (over REST for the gateway, the HTTP response body for the endpoint);
 * edits and follow-ups go to the interaction's webhook. A request that fails is thrown as
 * DiscordRequestFailed (DiscordRefusal when Discord refused it, with Discord's whole error body).
 */

import { REST, RESTEvents, type RateLimitData } from '@discordjs/rest';
import { Routes, type APIInteractionResponse, type APIMessageTopLevelComponent, type APIAllowedMentions, type APIEmbed } from 'discord-api-types/v10';
import type { ReplyFile } from '../commands/types';
import type { Logger } from '../config/logger';

export interface MessageBody {
  content?: string;
  embeds: APIEmbed[];
  components?: APIMessageTopLevelComponent[];
  allowed_mentions: APIAllowedMentions;
  attachments: { id: number; filename: string; description?: string }[];
  flags?: number;
}

export interface Responder {
  respond(response: APIInteractionResponse): Promise<void>;
  editOriginal(body: MessageBody, files: readonly ReplyFile[]): Promise<void>;
  followUp(body: MessageBody, files: readonly ReplyFile[]): Promise<void>;
  /** Deletes the original response (a deferred one's "thinking" message included). */
  deleteOriginal(): Promise<void>;
}

/** A request to Discord, as an operator's log names it. */
interface RequestName {
  /** What it was for, in words: "edit of the original response". */
  request: string;
  method: 'POST' | 'PATCH' | 'DELETE';
  /** The path with the interaction's token replaced by `:token`. */
  route: string;
}

/**
 * A request to Discord that failed: which one, and how (the HTTP status, or the network error's
 * code). It holds only what an operator needs. The REST client's own errors carry the URL, whose
 * interaction token lets anyone edit the reply for 15 minutes, and the whole request: the user's
 * answer and any file's bytes.
 */
export class DiscordRequestFailed extends Error {
  readonly request: string;
  readonly method: string;
  readonly route: string;
  constructor(
    at: RequestName,
    why: string,
    /** The HTTP status Discord answered with; undefined when no answer came (a network error). */
    readonly status?: number,
  ) {
    super(`${at.request} failed (${at.method} ${at.route}): ${why}`);
    this.name = 'DiscordRequestFailed';
    this.request = at.request;
    this.method = at.method;
    this.route = at.route;
  }
}

/** Discord refused a request (4xx): its status, code and whole body (with the per-field `errors`). */
export class DiscordRefusal extends DiscordRequestFailed {
  constructor(
    at: RequestName,
    status: number,
    readonly code: number | string,
    readonly body: unknown,
  ) {
    super(at, `Discord refused it: ${status} ${String(code)}`, status);
    this.name = 'DiscordRefusal';
  }
}

/** The network error's code (ECONNRESET, UND_ERR_SOCKET…), wherever undici put it in the chain of causes. */
function networkCode(err: unknown): string | undefined {
  const causes: unknown[] = [];
  for (let e: unknown = err; e instanceof Error && causes.length < 4; e = e.cause) causes.push(e);
  return causes.map((e) => (e as { code?: unknown }).code).find((c): c is string => typeof c === 'string');
}

/** The network error's code and its message. */
function networkReason(err: unknown): string {
  const code = networkCode(err);
  const name = err instanceof Error ? err.name : 'Error';
  const message = err instanceof Error ? err.message : String(err);
  return [code, `${name}: ${message}`].filter(Boolean).join(' ');
}

/** The fields of @discordjs/rest's DiscordAPIError (a 4xx), HTTPError (a 5xx) and RateLimitError that say what happened. */
interface RestClientError {
  status?: unknown;
  code?: unknown;
  rawError?: unknown;
  retryAfter?: unknown;
  message?: unknown;
}

/**
 * Whatever the REST client threw, as an error that names the request and carries no token, text or
 * file. Told apart by their fields, not by class: discord.js loads @discordjs/rest's CommonJS build
 * and this module its ES build, so the gateway's errors are not instances of the classes seen here.
 */
function failure(err: unknown, at: RequestName): DiscordRequestFailed {
  const e = (typeof err === 'object' && err !== null ? err : {}) as RestClientError;
  if (typeof e.status === 'number' && typeof e.rawError === 'object' && e.rawError !== null) {
    return new DiscordRefusal(at, e.status, typeof e.code === 'number' || typeof e.code === 'string' ? e.code : 'unknown', e.rawError);
  }
  if (typeof e.status === 'number') return new DiscordRequestFailed(at, `Discord answered ${e.status} ${String(e.message ?? '')}`.trim(), e.status);
  if (typeof e.retryAfter === 'number') return new DiscordRequestFailed(at, `rate limited for ${e.retryAfter} ms, longer than the interaction can wait`, 429);
  return new DiscordRequestFailed(at, `no answer from Discord: ${networkReason(err)}`);
}

/**
 * Sends a request once more when the connection closed under it with no answer (undici's
 * UND_ERR_SOCKET, "other side closed"). Discord, like any HTTP/1.1 server, may close a kept-alive
 * connection just as the client reuses it, and the REST client sends again on a reset connection,
 * a timeout or a server error, not on this. Only for requests that cannot act twice: an edit or a
 * deletion sent twice leaves the same message, and Discord takes one callback per interaction and
 * refuses any other. A follow-up sent twice would post twice, so it never comes through here.
 */
async function againIfConnectionClosed<T>(send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (err) {
    if (networkCode(err) !== 'UND_ERR_SOCKET') throw err;
    return send();
  }
}

const asFiles = (files: readonly ReplyFile[]) => files.map((f) => ({ name: f.name, data: f.data }));

/**
 * A rate limit is waited out, except on an interaction's first answer when the wait would run
 * past Discord's 3 seconds: the answer would be refused anyway, so the user gets the error id now.
 */
export const REST_OPTIONS = {
  rejectOnRateLimit: (limit: RateLimitData) => limit.route.endsWith('/callback') && limit.retryAfter > 2000,
};

/**
 * Discord's server errors (5xx) are sent again by the REST client, up to three times, and are no
 * failure of Tierbot's until the last; each is still logged, as a warning, so an operator sees
 * Discord struggling before any user does. The path's interaction token is hidden by the logger.
 */
export function logServerErrors(rest: Pick<REST, 'on' | 'options'>, logger: Logger): void {
  rest.on(RESTEvents.Response, (request, response) => {
    if (response.status < 500) return;
    const again = request.retries < rest.options.retries;
    logger.warn(
      { method: request.method.toUpperCase(), path: request.path, status: response.status, attempt: request.retries + 1 },
      again ? 'Discord answered with a server error; sending the request again' : 'Discord answered with a server error on the last try',
    );
  });
}

/**
 * Interaction webhooks need no bot token: the interaction's own token is in the path. One REST
 * client serves every interaction; `api` is DISCORD_API_URL when set.
 */
export function webhookRest(logger: Logger, api?: string): REST {
  const rest = new REST({ ...REST_OPTIONS, ...(api ? { api } : {}) });
  logServerErrors(rest, logger);
  return rest;
}

export interface InteractionAddress {
  id: string;
  token: string;
  applicationId: string;
}

/** A request's path, and the same path as a log shows it: the token replaced by `:token`. */
function addressed(path: `/${string}`, token: string): { path: `/${string}`; route: string } {
  return { path, route: decodeURIComponent(path.split(encodeURIComponent(token)).join(encodeURIComponent(':token'))) };
}

/** Edits and follow-ups over the interaction's webhook. */
export function webhookResponder(rest: REST, at: InteractionAddress): Omit<Responder, 'respond'> {
  const original = addressed(Routes.webhookMessage(at.applicationId, at.token, '@original'), at.token);
  const followUps = addressed(Routes.webhook(at.applicationId, at.token), at.token);
  return {
    async editOriginal(body, files) {
      await againIfConnectionClosed(() => rest.patch(original.path, { body, files: asFiles(files), auth: false })).catch((err: unknown) => {
        throw failure(err, { request: 'edit of the original response', method: 'PATCH', route: original.route });
      });
    },
    async followUp(body, files) {
      await rest.post(followUps.path, { body, files: asFiles(files), auth: false }).catch((err: unknown) => {
        throw failure(err, { request: 'follow-up', method: 'POST', route: followUps.route });
      });
    },
    async deleteOriginal() {
      await againIfConnectionClosed(() => rest.delete(original.path, { auth: false })).catch((err: unknown) => {
        throw failure(err, { request: 'deletion of the original response', method: 'DELETE', route: original.route });
      });
    },
  };
}

/** The gateway's way: the first response is POSTed to the interaction's callback route. */
export function restResponder(rest: REST, at: InteractionAddress): Responder {
  return {
    async respond(response) {
      const callback = addressed(Routes.interactionCallback(at.id, at.token), at.token);
      await againIfConnectionClosed(() => rest.post(callback.path, { body: response, auth: false })).catch((err: unknown) => {
        throw failure(err, { request: 'interaction callback', method: 'POST', route: callback.route });
      });
    },
    ...webhookResponder(rest, at),
  };
}
