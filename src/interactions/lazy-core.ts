/**
 * Kept for the idle-memory and start-up targets (docs/performance.md): the commands and their data
 * tables are loaded on the first interaction rather than at start, so an idle process holds
 * little more than its way in. The gateway bot loads the database layer this way too (Kysely
 * alone is about 20 MB and 0.2 s to load); the HTTP endpoint opens its database at start, since
 * /readyz reports it. A load that fails is tried again by the next interaction.
 */

import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { InteractionResponseType, InteractionType, MessageFlags } from 'discord-api-types/v10';
import type { Logger } from '../config/logger';
import type { InteractionCore } from './core';
import type { Metrics } from './metrics';
import { labelOf } from './wire';

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
      const started = performance.now();
      try {
        return await (core ?? (await get())).handle(interaction, responder);
      } catch (err) {
        // Only the load can throw here: the core itself never does. What the core does for its own
        // failures is done here too: the error id, the user told, the interaction's line and count.
        const errorId = randomUUID().slice(0, 8);
        const command = labelOf(interaction);
        logger.error({ err, errorId, command }, 'could not load the commands');
        const answer =
          interaction.type === InteractionType.ApplicationCommandAutocomplete
            ? { type: InteractionResponseType.ApplicationCommandAutocompleteResult as const, data: { choices: [] } }
            : {
                type: InteractionResponseType.ChannelMessageWithSource as const,
                data: { content: `Sorry: Tierbot could not start answering. If you report it, quote error id \`${errorId}\`.`, flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } },
              };
        if (interaction.type !== InteractionType.Ping) await responder.respond(answer).catch(() => undefined);
        const seconds = (performance.now() - started) / 1000;
        metrics?.interactions.inc({ command, outcome: 'failed' });
        metrics?.latency.observe({ command }, seconds);
        logger.info({ command, outcome: 'failed', durationMs: Math.round(seconds * 1000), errorId }, 'interaction');
        return 'failed';
      }
    },
  };
}
