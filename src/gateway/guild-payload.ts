/**
 * Kept for the idle-memory and start-up targets (docs/performance.md): discord.js builds an object
 * for every channel, emoji, member, role and voice state of every GUILD_CREATE, and a public bot
 * in 500 guilds gets tens of thousands of them, none of which a command-only bot reads (every
 * interaction carries what answering it needs). So those lists are removed from the packet before
 * discord.js sees it; of the roles, only @everyone stays.
 */

import type { GatewayGuildCreateDispatchData } from 'discord-api-types/v10';

/** Lists in a GUILD_CREATE that no Tierbot path reads. */
export const UNREAD_GUILD_LISTS = [
  'channels',
  'threads',
  'members',
  'presences',
  'voice_states',
  'emojis',
  'stickers',
  'stage_instances',
  'guild_scheduled_events',
  'soundboard_sounds',
] as const;

/** Removes, in place, what Tierbot never reads; called from the raw dispatch listener, before discord.js. */
export function trimGuildCreate(guild: Partial<GatewayGuildCreateDispatchData>): void {
  const lists = guild as Record<string, unknown>;
  for (const list of UNREAD_GUILD_LISTS) delete lists[list];
  // @everyone's id is the guild's own.
  if (Array.isArray(guild.roles)) guild.roles = guild.roles.filter((role) => role.id === guild.id);
}
