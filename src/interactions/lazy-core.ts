/**
 * Kept for the idle-memory and start-up targets (docs/performance.md): the commands and their data
 * tables are loaded on the first interaction rather than at start, so an idle process holds
 * little more than its way in. The gateway bot loads the database layer this way too (Kysely
 * alone is a large share of its memory); the HTTP endpoint opens its database at start, since
 * /readyz reports it. A load that fails is tried again by the next interaction.
 *
 * The load counts against Discord's 3 seconds like any answer: on a busy machine it can take
 * longer than the defer deadline, so an interaction waiting for it is deferred first, as the core
 * defers a slow command; an autocomplete, which cannot be deferred, is answered with no choices.
 */

import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { InteractionResponseType, InteractionType, MessageFlags, type APIInteraction, type APIInteractionResponse } from 'discord-api-types/v10';
import type { Logger } from '../config/logger';
import { deadline, expired, msUntilDefer, type Acknowledged, type InteractionCore, type Outcome } from './core';
import type { Metrics } from './metrics';
import type { Responder } from './responder';
import { asksForPrivateAnswer, createdAt, labelOf } from './wire';

/** Before the commands load no name is known: an interaction that fails then is labelled "unknown". */
const NOTHING_LOADED: ReadonlySet<string> = new Set();

/** The defer an interaction of this type takes while it waits, if it can take one (autocomplete and PING cannot). */
function deferFor(interaction: APIInteraction): Acknowledged | undefined {
  if (interaction.type === InteractionType.ApplicationCommand) return asksForPrivateAnswer(interaction) ? 'deferred-private-reply' : 'deferred-reply';
  if (interaction.type === InteractionType.MessageComponent) return 'deferred-update';
  return undefined;
}

/** Whether `loading` ends (loaded or failed) before the interaction's defer deadline. */
async function loadsInTime(interaction: APIInteraction, loading: Promise<unknown>): Promise<boolean> {
  const timer = deadline(msUntilDefer(interaction));
  try {
    return (await Promise.race([loading.then(() => 'loaded', () => 'loaded'), timer.reached])) === 'loaded';
  } finally {
    timer.cancel();
  }
}

/**
 * Waits for `loading`; if the defer deadline comes first, defers the interaction and says how. A
 * command that asks for a private answer is deferred privately: a public "thinking" message would
 * show the channel what the answer then keeps from it.
 */
async function deferWhileLoading(interaction: APIInteraction, responder: Responder, loading: Promise<unknown>, logger: Logger): Promise<Acknowledged | undefined> {
  const acknowledged = deferFor(interaction);
  if (!acknowledged || (await loadsInTime(interaction, loading))) return undefined;
  const defer: APIInteractionResponse =
    acknowledged === 'deferred-update'
      ? { type: InteractionResponseType.DeferredMessageUpdate }
      : {
          type: InteractionResponseType.DeferredChannelMessageWithSource,
          ...(acknowledged === 'deferred-private-reply' ? { data: { flags: MessageFlags.Ephemeral } } : {}),
        };
  try {
    await responder.respond(defer);
    return acknowledged;
  } catch (err) {
    // Not acknowledged after all: the core's own first answer will say what happened.
    logger.warn({ err, command: labelOf(interaction, NOTHING_LOADED) }, 'could not defer while the commands load');
    return undefined;
  }
}

export function coreOnFirstInteraction(load: () => Promise<InteractionCore>, logger: Logger, metrics?: Metrics): InteractionCore & { loaded(): InteractionCore | undefined } {
  let loading: Promise<InteractionCore> | undefined;
  let core: InteractionCore | undefined;
  const get = () =>
    (loading ??= load().then(
      (loaded) => (core = loaded),
      (err: unknown) => {
        loading = undefined;
        throw err;
      },
    ));
  return {
    loaded: () => core,
    inFlight: () => core?.inFlight() ?? 0,
    async handle(interaction, responder) {
      if (core) return core.handle(interaction, responder);
      const started = performance.now();
      const command = labelOf(interaction, NOTHING_LOADED);
      /** What the core does for every interaction it ends: the interaction's line and count. */
      const ended = (outcome: Outcome, errorId?: string): Outcome => {
        const seconds = (performance.now() - started) / 1000;
        metrics?.interactions.inc({ command, outcome });
        metrics?.latency.observe({ command }, seconds);
        logger.info({ command, outcome, durationMs: Math.round(seconds * 1000), ...(errorId ? { errorId } : {}) }, 'interaction');
        return outcome;
      };
      const pending = get();
      if (interaction.type === InteractionType.ApplicationCommandAutocomplete && !(await loadsInTime(interaction, pending))) {
        // A load that fails meanwhile is tried again, and reported, by the next interaction.
        pending.catch(() => undefined);
        const { outcome, errorId } = await answerWithNoChoices(interaction, responder, logger);
        return ended(outcome, errorId);
      }
      const acknowledged = await deferWhileLoading(interaction, responder, pending, logger);
      try {
        return await (await pending).handle(interaction, responder, acknowledged);
      } catch (err) {
        // Only the load can throw here: the core itself never does. What the core does for its own
        // failures is done here too: the error id, the user told, the interaction's line and count.
        const errorId = randomUUID().slice(0, 8);
        logger.error({ err, errorId, command }, 'could not load the commands');
        await tellLoadFailed(interaction, responder, acknowledged, errorId).catch(() => undefined);
        return ended('failed', errorId);
      }
    },
  };
}


/**
 * Autocomplete cannot be deferred: one whose deadline comes while the commands load is answered
 * then, with no choices, as the core answers one whose choices are late ('late'). An answer
 * Discord does not take is counted as the core counts it, with an error id for the log: 'expired'
 * when Discord had forgotten the interaction, else 'failed'.
 */
async function answerWithNoChoices(interaction: APIInteraction, responder: Responder, logger: Logger): Promise<{ outcome: Outcome; errorId?: string }> {
  const command = labelOf(interaction, NOTHING_LOADED);
  logger.warn({ command, ageMs: Date.now() - createdAt(interaction.id) }, 'autocomplete choices not ready in time (the commands are still loading); answered with none');
  try {
    await responder.respond({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } });
    return { outcome: 'late' };
  } catch (err) {
    const errorId = randomUUID().slice(0, 8);
    if (expired(err)) {
      logger.warn({ errorId, command, ageMs: Date.now() - createdAt(interaction.id) }, 'interaction expired before its answer reached Discord');
      return { outcome: 'expired', errorId };
    }
    logger.error({ err, errorId, command }, 'could not answer autocomplete while the commands load');
    return { outcome: 'failed', errorId };
  }
}

/** The error id, wherever the interaction stands: a first answer, the deferred reply's edit, or (after a deferred update) a private follow-up. */
async function tellLoadFailed(interaction: APIInteraction, responder: Responder, acknowledged: Acknowledged | undefined, errorId: string): Promise<void> {
  if (interaction.type === InteractionType.Ping) return;
  if (interaction.type === InteractionType.ApplicationCommandAutocomplete) {
    await responder.respond({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } });
    return;
  }
  const content = `Sorry: Tierbot could not start answering. If you report it, quote error id \`${errorId}\`.`;
  const body = { content, embeds: [], allowed_mentions: { parse: [] }, attachments: [] };
  if (acknowledged === 'deferred-reply' || acknowledged === 'deferred-private-reply') await responder.editOriginal(body, []);
  else if (acknowledged === 'deferred-update') await responder.followUp({ ...body, flags: MessageFlags.Ephemeral }, []);
  else await responder.respond({ type: InteractionResponseType.ChannelMessageWithSource, data: { content, flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } } });
}
