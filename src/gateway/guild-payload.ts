/**
 * Each guild's GUILD_CREATE, cut down to what Tierbot reads before discord.js builds objects
 * from it.
 *
 * discord.js builds an object for every channel, thread, member, emoji, sticker and voice state
 * in a GUILD_CREATE. It does so even when the cache limits in src/app.ts drop that object at once.
 * A public bot in 500 guilds gets about 10,900 channels, 10,600 emojis and 8,700 roles this way
 * (`npm run bench`). Channels are the costliest part: a profile of one start shows 250–300 ms of
 * the 400–470 ms that discord.js spends on GUILD_CREATEs.
 *
 * Tierbot is a slash-command bot, and every interaction carries what answering it needs: the
 * guild id, the channel, the user and their permissions. No Tierbot path reads a guild's channels,
 * members or emojis from the cache. So those lists are removed from the packet before discord.js
 * sees it. Of the roles, only @everyone is kept, as the role cache keeps it (see `makeCache`).
 */

import type { GatewayGuildCreateDispatchData } from 'discord.js';

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

/**
 * Removes, in place, the parts of a guild's GUILD_CREATE that Tierbot never reads. Call it from
 * discord.js's raw dispatch listener (`client.ws.on('GUILD_CREATE')`), which runs before
 * discord.js handles the packet.
 */
export function trimGuildCreate(guild: Partial<GatewayGuildCreateDispatchData>): void {
  const lists = guild as Record<string, unknown>;
  for (const list of UNREAD_GUILD_LISTS) delete lists[list];
  // @everyone's id is the guild's own.
  if (Array.isArray(guild.roles)) guild.roles = guild.roles.filter((role) => role.id === guild.id);
}
