/**
 * The guilds of a public bot, as its GUILD_CREATEs describe them: the benchmark's stand-in serves
 * 500 of these, so what a Client chooses to cache (channels, roles, emojis, stickers, members,
 * voice states, threads, events, soundboard sounds) costs what it would on Discord.
 *
 * Deterministic (a seeded generator per guild), so every run and both bots see the same world.
 *
 * The mix, by size class (most guilds that add a public bot are small):
 * | class  | share | members      | channels | roles  | emojis | stickers | voice users | threads |
 * |--------|-------|--------------|----------|--------|--------|----------|-------------|---------|
 * | small  | 72 %  | 3–150        | 4–14     | 2–10   | 0–12   | 0–2      | 0–1         | 0–1     |
 * | medium | 23 %  | 150–5,000    | 15–60    | 10–40  | 10–80  | 0–10     | 0–6         | 0–8     |
 * | large  | 5 %   | 5,000–250k   | 60–250   | 40–200 | 50–250 | 5–60     | 5–40        | 5–40    |
 *
 * Members: with the Guilds intent and no GuildPresences intent, Discord's GUILD_CREATE lists only
 * the bot's own member and the users in voice channels (developer docs, Guild Create event), so that
 * is what is sent: the bot, plus one member and voice state per voice user.
 */

import type {
  APIBaseVoiceState,
  APIEmoji,
  APIGuildMember,
  APIGuildScheduledEvent,
  APIOverwrite,
  APIRole,
  APISoundboardSound,
  APISticker,
  APIUser,
  GatewayGuildCreateDispatchData,
} from 'discord.js';
import { botUser } from '../tools/standin/payloads';

type GuildChannel = GatewayGuildCreateDispatchData['channels'][number];
type ThreadChannel = GatewayGuildCreateDispatchData['threads'][number];

const DISCORD_EPOCH = 1_420_070_400_000;
/** 2016-01-01 .. 2025-01-01: when the guilds were created. */
const FROM = Date.UTC(2016, 0, 1) - DISCORD_EPOCH;
const SPAN = Date.UTC(2025, 0, 1) - DISCORD_EPOCH - FROM;

/** mulberry32: small, fast, good enough for shaping test data. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}

/** A snowflake at `ms` after Discord's epoch, with `low` in the worker/process/increment bits. */
const flake = (ms: number, low: number) => ((BigInt(Math.floor(ms)) << 22n) | BigInt(low & 0x3fffff)).toString();

/** `count` distinct guild ids spread over 2016–2024 (so (id >> 22) % shards spreads them evenly). */
export function benchGuildIds(count: number, seed = 7): string[] {
  const r = rng(seed);
  const ids = new Set<string>();
  while (ids.size < count) ids.add(flake(FROM + r.next() * SPAN, r.int(0, 0x3fffff)));
  return [...ids];
}

const WORDS = ['general', 'memes', 'announcements', 'rules', 'off-topic', 'marketing', 'campaigns', 'creators', 'brand-deals', 'analytics',
  'ugc', 'tiktok', 'instagram', 'youtube', 'media-kit', 'support', 'feedback', 'introductions', 'events', 'lounge', 'music', 'gaming',
  'art', 'clips', 'bots', 'logs', 'mod-chat', 'staff', 'partners', 'giveaways', 'polls', 'resources', 'jobs', 'showcase', 'help'];
const ROLE_NAMES = ['Admin', 'Moderator', 'Staff', 'Creator', 'Brand', 'Agency', 'Verified', 'Member', 'Nitro Booster', 'VIP', 'Muted',
  'Event Host', 'Partner', 'Newbie', 'Regular', 'Veteran', 'Analyst', 'Editor', 'Designer', 'Streamer'];
const EMOJI_NAMES = ['pog', 'kekw', 'pepehands', 'catjam', 'blobwave', 'thonk', 'stonks', 'fire', 'heart_eyes', 'sadge', 'ez', 'hype',
  'monkas', 'lul', 'pepega', 'yes', 'no', 'wave', 'clap', 'check'];
const FEATURES = ['COMMUNITY', 'NEWS', 'INVITE_SPLASH', 'ANIMATED_ICON', 'BANNER', 'VANITY_URL', 'ROLE_ICONS', 'DISCOVERABLE', 'WELCOME_SCREEN_ENABLED',
  'MEMBER_VERIFICATION_GATE_ENABLED', 'PREVIEW_ENABLED', 'AUTO_MODERATION', 'SOUNDBOARD'];

const hash = (n: number) => n.toString(16).padStart(8, '0').repeat(4);
/** Permissions a moderator role or an overwrite might carry. */
const PERMS = ['0', '1024', '2048', '3072', '68608', '104324673', '1071698660929', '8', '2147483648', '377957124160'];

interface Size {
  members: [number, number];
  channels: [number, number];
  roles: [number, number];
  emojis: [number, number];
  stickers: [number, number];
  voice: [number, number];
  threads: [number, number];
  events: [number, number];
  sounds: [number, number];
  overwrites: number;
}

const SMALL: Size = { members: [3, 150], channels: [4, 14], roles: [2, 10], emojis: [0, 12], stickers: [0, 2], voice: [0, 1], threads: [0, 1], events: [0, 0], sounds: [0, 2], overwrites: 1 };
const MEDIUM: Size = { members: [150, 5000], channels: [15, 60], roles: [10, 40], emojis: [10, 80], stickers: [0, 10], voice: [0, 6], threads: [0, 8], events: [0, 2], sounds: [0, 8], overwrites: 3 };
const LARGE: Size = { members: [5000, 250_000], channels: [60, 250], roles: [40, 200], emojis: [50, 250], stickers: [5, 60], voice: [5, 40], threads: [5, 40], events: [0, 5], sounds: [0, 24], overwrites: 5 };

function user(id: string, r: ReturnType<typeof rng>): APIUser {
  const name = `${r.pick(WORDS)}_${id.slice(-5)}`;
  return {
    id,
    username: name,
    discriminator: '0',
    global_name: r.chance(0.7) ? name.replace('_', ' ') : null,
    avatar: r.chance(0.8) ? hash(Number(id.slice(-8))) : null,
    public_flags: 0 as never,
    ...(r.chance(0.05) ? { avatar_decoration_data: { asset: `a_${hash(7)}`, sku_id: '1144058522808614923' } } : {}),
  };
}

function member(u: APIUser, roleIds: string[], r: ReturnType<typeof rng>): APIGuildMember {
  return {
    user: u,
    nick: r.chance(0.3) ? `${u.username}!` : null,
    avatar: null,
    banner: null,
    roles: roleIds.filter(() => r.chance(0.15)).slice(0, 8),
    joined_at: new Date(Date.UTC(2023, r.int(0, 11), r.int(1, 28))).toISOString(),
    premium_since: r.chance(0.05) ? new Date(Date.UTC(2024, r.int(0, 11), 1)).toISOString() : null,
    deaf: false,
    mute: false,
    flags: 0 as never,
    pending: false,
    communication_disabled_until: null,
  };
}

/**
 * The GUILD_CREATE fields beyond the stand-in's defaults for one guild: merged into its payload by
 * the stand-in's `guildExtras` option. Same id, same guild, every time.
 */
export function guildExtras(guildId: string, applicationId: string): Partial<GatewayGuildCreateDispatchData> {
  const created = Number(BigInt(guildId) >> 22n);
  const r = rng(Number(BigInt(guildId) % 4294967291n));
  const roll = r.next();
  const size = roll < 0.72 ? SMALL : roll < 0.95 ? MEDIUM : LARGE;
  const range = (key: Exclude<keyof Size, 'overwrites'>) => r.int(size[key][0], size[key][1]);
  let seq = 1;
  const id = () => flake(created + 1000 * seq, seq++);

  // Roles: @everyone (the guild's id), the bot's managed role, then the guild's own.
  const roles: APIRole[] = [
    { id: guildId, name: '@everyone', color: 0, colors: { primary_color: 0, secondary_color: null, tertiary_color: null }, hoist: false, icon: null, unicode_emoji: null,
      position: 0, permissions: '2222085186637377', managed: false, mentionable: false, flags: 0 as never },
  ];
  const botRoleId = id();
  const roleCount = range('roles');
  roles.push({ id: botRoleId, name: 'Tierbot', color: 0, colors: { primary_color: 0, secondary_color: null, tertiary_color: null }, hoist: false, icon: null,
    unicode_emoji: null, position: roleCount + 1, permissions: '277025704000', managed: true, mentionable: false, flags: 0 as never, tags: { bot_id: applicationId } });
  for (let i = 0; i < roleCount; i++) {
    const color = r.chance(0.6) ? r.int(0, 0xffffff) : 0;
    roles.push({
      id: id(), name: `${r.pick(ROLE_NAMES)}${i > ROLE_NAMES.length ? ` ${i}` : ''}`, color, colors: { primary_color: color, secondary_color: null, tertiary_color: null },
      hoist: r.chance(0.3), icon: r.chance(0.05) ? hash(i) : null, unicode_emoji: null, position: roleCount - i, permissions: r.pick(PERMS),
      managed: false, mentionable: r.chance(0.2), flags: 0 as never,
    });
  }
  const roleIds = roles.slice(2).map((role) => role.id);
  const overwrites = (): APIOverwrite[] => {
    const n = r.int(0, size.overwrites);
    return Array.from({ length: n }, (_, i) => ({
      id: i === 0 ? guildId : r.pick(roleIds.length ? roleIds : [guildId]), type: 0 as never, allow: r.pick(PERMS), deny: r.pick(PERMS),
    }));
  };

  // Channels: categories, each with text, voice and the odd forum or announcement channel.
  const channels: GuildChannel[] = [];
  const channelCount = range('channels');
  const categories = Math.max(1, Math.round(channelCount / 8));
  const categoryIds: string[] = [];
  for (let i = 0; i < categories; i++) {
    const cid = id();
    categoryIds.push(cid);
    channels.push({ id: cid, type: 4, name: r.pick(WORDS).toUpperCase(), position: i, permission_overwrites: overwrites(), nsfw: false, parent_id: null, flags: 0 as never } as GuildChannel);
  }
  const voiceIds: string[] = [];
  const textIds: string[] = [];
  for (let i = 0; i < channelCount - categories; i++) {
    const common = { id: id(), name: `${r.pick(WORDS)}${i > 10 ? `-${i}` : ''}`, position: i, parent_id: r.pick(categoryIds), permission_overwrites: overwrites(), nsfw: false, flags: 0 as never };
    const kind = i === 0 ? 0 : r.pick([0, 0, 0, 0, 0, 2, 2, 2, 5, 15, 13]);
    if (kind === 2 || kind === 13) {
      voiceIds.push(common.id);
      channels.push({ ...common, type: kind, bitrate: 64000, user_limit: r.pick([0, 0, 5, 10, 99]), rtc_region: null, video_quality_mode: 1, last_message_id: null, rate_limit_per_user: 0 } as GuildChannel);
    } else if (kind === 15) {
      channels.push({
        ...common, type: 15, topic: 'Post your questions here', last_message_id: id(), rate_limit_per_user: 0, default_auto_archive_duration: 4320, default_sort_order: null,
        default_forum_layout: 0, default_reaction_emoji: null, default_thread_rate_limit_per_user: 0,
        available_tags: Array.from({ length: r.int(0, 6) }, () => ({ id: id(), name: r.pick(WORDS), moderated: false, emoji_id: null, emoji_name: null })),
      } as GuildChannel);
    } else {
      textIds.push(common.id);
      channels.push({
        ...common, type: kind, topic: r.chance(0.5) ? `Talk about ${r.pick(WORDS)} here. Read the rules first.` : null, last_message_id: id(),
        rate_limit_per_user: r.pick([0, 0, 0, 5, 30]), default_auto_archive_duration: 1440, ...(r.chance(0.3) ? { last_pin_timestamp: new Date(Date.UTC(2024, 5, 1)).toISOString() } : {}),
      } as GuildChannel);
    }
  }

  const threads: ThreadChannel[] = Array.from({ length: range('threads') }, (_, i) => ({
    id: id(), type: 11, guild_id: guildId, parent_id: r.pick(textIds), owner_id: flake(created + 5e8 + i, i), name: `thread ${r.pick(WORDS)} ${i}`,
    last_message_id: id(), rate_limit_per_user: 0, message_count: r.int(1, 400), member_count: r.int(1, 50), total_message_sent: r.int(1, 400), flags: 0 as never,
    thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date(Date.UTC(2024, 6, 1)).toISOString(), locked: false },
  }) as ThreadChannel);

  const emojis: APIEmoji[] = Array.from({ length: range('emojis') }, (_, i) => ({
    id: id(), name: `${r.pick(EMOJI_NAMES)}${i}`, roles: [], require_colons: true, managed: false, animated: r.chance(0.2), available: true,
  }));
  const stickers: APISticker[] = Array.from({ length: range('stickers') }, (_, i) => ({
    id: id(), name: `${r.pick(EMOJI_NAMES)} sticker ${i}`, description: 'A sticker', tags: r.pick(EMOJI_NAMES), type: 2, format_type: 1, available: true, guild_id: guildId,
  }) as APISticker);

  // Members: the bot itself, and whoever sits in a voice channel.
  const bot = botUser(applicationId);
  const members: APIGuildMember[] = [{ ...member(bot, [], r), roles: [botRoleId], nick: null }];
  const voiceStates: APIBaseVoiceState[] = [];
  const voiceUsers = voiceIds.length ? range('voice') : 0;
  for (let i = 0; i < voiceUsers; i++) {
    const u = user(flake(created + 3e8 + i * 7919, i), r);
    members.push(member(u, roleIds, r));
    voiceStates.push({
      channel_id: r.pick(voiceIds), user_id: u.id, session_id: hash(i), deaf: false, mute: false, self_deaf: r.chance(0.2), self_mute: r.chance(0.4),
      self_video: false, suppress: false, request_to_speak_timestamp: null,
    } as APIBaseVoiceState);
  }

  const events = Array.from({ length: range('events') }, (_, i) => ({
    id: id(), guild_id: guildId, channel_id: voiceIds[0] ?? null, creator_id: null, name: `Community night ${i + 1}`, description: 'Come hang out',
    scheduled_start_time: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(), scheduled_end_time: null, privacy_level: 2, status: 1,
    entity_type: voiceIds[0] ? 2 : 3, entity_id: null, entity_metadata: voiceIds[0] ? null : { location: 'Online' }, user_count: r.int(0, 200), image: null, recurrence_rule: null,
  }) as APIGuildScheduledEvent);
  const sounds: APISoundboardSound[] = Array.from({ length: range('sounds') }, (_, i) => ({
    name: `${r.pick(EMOJI_NAMES)} ${i}`, sound_id: id(), volume: 1, emoji_id: null, emoji_name: '🔊', guild_id: guildId, available: true,
  }));

  const memberCount = range('members');
  const premiumCount = size === SMALL ? r.int(0, 2) : size === MEDIUM ? r.int(0, 14) : r.int(7, 120);
  return {
    name: `${r.pick(WORDS)} ${r.pick(['hub', 'club', 'community', 'crew', 'agency', 'lab'])} ${guildId.slice(-4)}`,
    icon: r.chance(0.8) ? hash(created) : null,
    description: size === SMALL ? null : 'A community for creators and brands.',
    banner: size === LARGE ? hash(created + 1) : null,
    owner_id: flake(created - 1000, 1),
    features: FEATURES.filter(() => (size === SMALL ? r.chance(0.05) : size === MEDIUM ? r.chance(0.3) : r.chance(0.7))) as never,
    verification_level: r.int(0, 3),
    explicit_content_filter: r.int(0, 2),
    premium_tier: premiumCount >= 14 ? 3 : premiumCount >= 7 ? 2 : premiumCount >= 2 ? 1 : 0,
    premium_subscription_count: premiumCount,
    system_channel_id: textIds[0] ?? null,
    rules_channel_id: size === SMALL ? null : (textIds[1] ?? null),
    public_updates_channel_id: size === SMALL ? null : (textIds[2] ?? null),
    roles,
    emojis,
    stickers,
    channels,
    threads,
    members,
    voice_states: voiceStates,
    guild_scheduled_events: events,
    soundboard_sounds: sounds,
    member_count: memberCount,
    // discord.js's default large_threshold is 50.
    large: memberCount > 50,
  };
}

/**
 * The same guild as another application's bot sees it in its GUILD_CREATE: the managed role is
 * that bot's, and the member list has that bot where the first had its own. Everything else is the
 * same objects, so a second bot's view of 500 guilds costs next to nothing.
 */
export function asSeenBy(extras: Partial<GatewayGuildCreateDispatchData>, applicationId: string): Partial<GatewayGuildCreateDispatchData> {
  const managed = extras.roles?.find((role) => role.tags?.bot_id !== undefined);
  const owner = managed?.tags?.bot_id;
  if (owner === undefined || owner === applicationId) return extras;
  return {
    ...extras,
    roles: extras.roles!.map((role) => (role === managed ? { ...role, tags: { bot_id: applicationId } } : role)),
    members: extras.members?.map((member) => (member.user.id === owner ? { ...member, user: botUser(applicationId) } : member)),
  };
}

/** Totals over a set of guilds, to print what the bots were given. */
export function worldSummary(extras: Iterable<Partial<GatewayGuildCreateDispatchData>>) {
  const total = { guilds: 0, channels: 0, threads: 0, roles: 0, emojis: 0, stickers: 0, members: 0, voiceStates: 0, jsonBytes: 0 };
  for (const g of extras) {
    total.guilds++;
    total.channels += g.channels?.length ?? 0;
    total.threads += g.threads?.length ?? 0;
    total.roles += g.roles?.length ?? 0;
    total.emojis += g.emojis?.length ?? 0;
    total.stickers += g.stickers?.length ?? 0;
    total.members += g.members?.length ?? 0;
    total.voiceStates += g.voice_states?.length ?? 0;
    total.jsonBytes += JSON.stringify(g).length;
  }
  return total;
}
