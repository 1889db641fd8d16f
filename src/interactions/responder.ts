/**
 * How the core answers an interaction, whichever way it came in. The first response is the
 * interaction callback (over REST for the gateway, the HTTP response body for the endpoint);
 * edits and follow-ups go to the interaction's webhook. A refusal from Discord is thrown as
 * DiscordRefusal, with Discord's whole error body.
 */

import { REST, DiscordAPIError, type RateLimitData } from '@discordjs/rest';
import { Routes, type APIInteractionResponse, type APIMessageTopLevelComponent, type APIAllowedMentions, type APIEmbed } from 'discord-api-types/v10';
import type { ReplyFile } from '../commands/types';

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

/** Discord refused a request: its status, code and whole body (with the per-field `errors`). */
export class DiscordRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: number | string,
    readonly body: unknown,
    readonly route: string,
  ) {
    super(`Discord refused ${route}: ${status} ${String(code)}`);
    this.name = 'DiscordRefusal';
  }
}

function refusal(err: unknown, route: string): unknown {
  if (err instanceof DiscordAPIError) return new DiscordRefusal(err.status, err.code, err.rawError, route);
  return err;
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
 * Interaction webhooks need no bot token: the interaction's own token is in the path. One REST
 * client serves every interaction; `api` is DISCORD_API_URL when set.
 */
export function webhookRest(api?: string): REST {
  return new REST({ ...REST_OPTIONS, ...(api ? { api } : {}) });
}

export interface InteractionAddress {
  id: string;
  token: string;
  applicationId: string;
}

/** Edits and follow-ups over the interaction's webhook. */
export function webhookResponder(rest: REST, at: InteractionAddress): Omit<Responder, 'respond'> {
  return {
    async editOriginal(body, files) {
      const route = Routes.webhookMessage(at.applicationId, at.token, '@original');
      await rest.patch(route, { body, files: asFiles(files), auth: false }).catch((err: unknown) => {
        throw refusal(err, 'edit of the original response');
      });
    },
    async followUp(body, files) {
      const route = Routes.webhook(at.applicationId, at.token);
      await rest.post(route, { body, files: asFiles(files), auth: false }).catch((err: unknown) => {
        throw refusal(err, 'follow-up');
      });
    },
    async deleteOriginal() {
      await rest.delete(Routes.webhookMessage(at.applicationId, at.token, '@original'), { auth: false }).catch((err: unknown) => {
        throw refusal(err, 'deletion of the original response');
      });
    },
  };
}

/** The gateway's way: the first response is POSTed to the interaction's callback route. */
export function restResponder(rest: REST, at: InteractionAddress): Responder {
  return {
    async respond(response) {
      await rest.post(Routes.interactionCallback(at.id, at.token), { body: response, auth: false }).catch((err: unknown) => {
        throw refusal(err, 'interaction callback');
      });
    },
    ...webhookResponder(rest, at),
  };
}
