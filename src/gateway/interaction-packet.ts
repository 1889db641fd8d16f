/**
 * Kept for the gateway's text-latency target (docs/performance.md): for every INTERACTION_CREATE,
 * discord.js builds an Interaction object (its user, member, channel and options), about 0.2 ms
 * on the path of every answer, and Tierbot never reads it: the core answers from the JSON. So the
 * raw dispatch listener takes a copy for the core and gives the packet a type discord.js does not
 * know, which it skips (it logs a debug line and builds nothing).
 */

import type { APIInteraction } from 'discord-api-types/v10';

/** No interaction has type 0; discord.js's interaction handler ignores types it does not know. */
const UNKNOWN_TO_DISCORD_JS = 0;

/** The interaction for the core; the packet itself is left for discord.js to skip. */
export function takeInteraction(packet: APIInteraction): APIInteraction {
  const interaction = { ...packet };
  (packet as { type: number }).type = UNKNOWN_TO_DISCORD_JS;
  return interaction;
}
