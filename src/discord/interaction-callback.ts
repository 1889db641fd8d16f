/**
 * The first answer to an interaction (its callback: a reply, an update of the message, or
 * autocomplete choices), POSTed to Discord straight through undici instead of discord.js's
 * reply(), update() and respond() and its REST queue.
 *
 * Why: nearly every interaction is answered this way, and in a CPU profile of the bot answering
 * text replies, discord.js's REST layer (request building, the queue, a timer and an
 * AbortController per request, the response wrapper) took about a quarter of all its work. Sent
 * directly, an answer costs 0.7 ms of CPU instead of 1.0 ms when the bot is busy, and 1.75 ms
 * instead of 2.5 ms when interactions come 25 ms apart (the bot's code is cold each time): the
 * median answer arrives 12% sooner (see docs/performance.md).
 *
 * What the queue did for callbacks is kept. Interaction callbacks are outside Discord's global
 * rate limit and have no bucket to wait for (../shared/discord/LIMITS.md), so there is nothing
 * to queue. As discord.js does: a 429 is waited out (here, only while Discord's 3 seconds allow),
 * a 5xx or a reset connection is tried again up to 3 times, any other refusal throws
 * discord.js's own DiscordAPIError (so an expired interaction is still told apart by its code),
 * and the interaction's `replied`, `ephemeral` or `responded` are set as discord.js sets them (a
 * second answer is refused by Discord itself, 40060, as a DiscordAPIError).
 * Deferrals, edits and follow-ups, rarer and slower anyway, still go through discord.js.
 */

import { STATUS_CODES } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  DiscordAPIError,
  HTTPError,
  InteractionResponseType,
  MessageFlags,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type MessageComponentInteraction,
} from 'discord.js';
import { request } from 'undici';
import { userAgent } from './user-agent';

/** discord.js's defaults: how often a 5xx or a reset connection is tried again, and how long a request may take. */
const RETRIES = 3;
const TIMEOUT_MS = 15_000;
/** Discord takes an interaction's first answer for 3 seconds after it created the interaction. */
const CALLBACK_WINDOW_MS = 3000;

const HEADERS = { 'content-type': 'application/json', 'user-agent': userAgent('bot') };

type Repliable = ChatInputCommandInteraction | MessageComponentInteraction;
type Answerable = Repliable | AutocompleteInteraction;

/** The message body is Discord's JSON already (see callbackBody in src/app.ts). */
export async function replyWith(interaction: Repliable, body: Record<string, unknown>): Promise<void> {
  await postCallback(interaction, InteractionResponseType.ChannelMessageWithSource, body);
  interaction.ephemeral = Boolean(Number(body.flags ?? 0) & MessageFlags.Ephemeral);
  interaction.replied = true;
}

/** Replaces the message a component belongs to (callback type 7). */
export async function updateWith(interaction: MessageComponentInteraction, body: Record<string, unknown>): Promise<void> {
  await postCallback(interaction, InteractionResponseType.UpdateMessage, body);
  interaction.replied = true;
}

export async function respondWith(interaction: AutocompleteInteraction, choices: readonly { name: string; value: string }[]): Promise<void> {
  await postCallback(interaction, InteractionResponseType.ApplicationCommandAutocompleteResult, { choices });
  interaction.responded = true;
}

async function postCallback(interaction: Answerable, type: InteractionResponseType, data: Record<string, unknown>): Promise<void> {
  const { api, version } = interaction.client.rest.options;
  const url = `${api}/v${version}/interactions/${interaction.id}/${interaction.token}/callback`;
  const json = { type, data };
  const body = JSON.stringify(json);
  const windowEnds = interaction.createdTimestamp + CALLBACK_WINDOW_MS;
  for (let failures = 0; ; ) {
    let response;
    try {
      response = await request(url, { method: 'POST', body, headers: HEADERS, headersTimeout: TIMEOUT_MS, bodyTimeout: TIMEOUT_MS });
    } catch (err) {
      if (connectionReset(err) && failures++ < RETRIES) continue;
      throw err;
    }
    const status = response.statusCode;
    if (status >= 200 && status < 300) return void (await response.body.dump());
    if (status >= 500) {
      await response.body.dump();
      if (failures++ < RETRIES) continue;
      throw new HTTPError(status, STATUS_CODES[status] ?? '', 'POST', url, { body: json });
    }
    const error = (await response.body.json().catch(() => ({}))) as { code?: number; message?: string; retry_after?: number };
    const waitMs = status === 429 && typeof error.retry_after === 'number' ? error.retry_after * 1000 : Infinity;
    if (Date.now() + waitMs <= windowEnds) {
      await sleep(waitMs);
      continue;
    }
    throw new DiscordAPIError({ code: error.code ?? status, message: error.message ?? '' }, error.code ?? status, status, 'POST', url, { body: json });
  }
}

/** What discord.js tries again: the connection dropped before an answer came. */
function connectionReset(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'ECONNRESET' || code === 'UND_ERR_SOCKET';
}
