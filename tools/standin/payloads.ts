/**
 * The objects the stand-in hands to discord.js, typed with discord-api-types so the compiler
 * checks they are shaped like Discord's: users, guilds, READY, interactions and messages.
 */

import { randomBytes } from 'node:crypto';
import type {
  APIActionRowComponent,
  APIApplicationCommandInteractionDataOption,
  APIAttachment,
  APIChannel,
  APIApplicationCommandAutocompleteInteraction,
  APIChatInputApplicationCommandGuildInteraction,
  APIChatInputApplicationCommandInteraction,
  APIComponentInMessageActionRow,
  APIEmbed,
  APIInteractionGuildMember,
  APIMessage,
  APIMessageApplicationCommandInteraction,
  APIMessageComponentInteraction,
  APIRole,
  APITextChannel,
  APIUser,
  GatewayGuildCreateDispatchData,
  GatewayReadyDispatchData,
} from 'discord.js';

/** Discord's epoch (2015-01-01), the base of every snowflake's timestamp. */
const DISCORD_EPOCH = 1_420_070_400_000n;
let lastSnowflake = 0n;

/**
 * A real-looking snowflake (timestamp in the top bits) that is strictly larger than the last one,
 * so ids sort by creation as Discord's do and discord.js derives sensible creation times.
 */
export function snowflake(): string {
  const fromClock = (BigInt(Date.now()) - DISCORD_EPOCH) << 22n;
  lastSnowflake = fromClock > lastSnowflake ? fromClock : lastSnowflake + 1n;
  return lastSnowflake.toString();
}

/** An interaction token: opaque, long and unguessable, like Discord's. */
export function interactionToken(): string {
  return `aW50ZXJhY3Rpb246${randomBytes(48).toString('base64url')}`;
}

/** What @everyone may do in a fresh guild: enough for a slash-command bot to answer. */
export const EVERYONE_PERMISSIONS = String(
  (1n << 6n) | // AddReactions
    (1n << 10n) | // ViewChannel
    (1n << 11n) | // SendMessages
    (1n << 14n) | // EmbedLinks
    (1n << 15n) | // AttachFiles
    (1n << 16n) | // ReadMessageHistory
    (1n << 18n) | // UseExternalEmojis
    (1n << 31n), // UseApplicationCommands
);

const JOINED_AT = '2024-01-01T00:00:00.000000+00:00';
/** "No flags": the flag fields are typed as enums, which a bare 0 does not satisfy. */
const NONE = 0 as never;

export function botUser(applicationId: string): APIUser {
  // Since 2023 a bot user shares its application's id.
  return {
    id: applicationId,
    username: 'Tierbot',
    discriminator: '0',
    global_name: null,
    avatar: null,
    bot: true,
    verified: true,
    mfa_enabled: false,
    flags: NONE,
    public_flags: NONE,
  };
}

export function humanUser(id: string): APIUser {
  return {
    id,
    username: `tester${id.slice(-4)}`,
    discriminator: '0',
    global_name: 'Tester',
    avatar: null,
    public_flags: NONE,
  };
}

/** The channel interactions come from when the guild has no text channel of its own. */
export function defaultChannel(guildId: string): APITextChannel {
  return {
    id: (BigInt(guildId) + 1n).toString(),
    type: 0,
    guild_id: guildId,
    name: 'general',
    position: 0,
    permission_overwrites: [],
    topic: null,
    nsfw: false,
    last_message_id: null,
    rate_limit_per_user: 0,
    parent_id: null,
    flags: NONE,
  };
}

export function everyoneRole(guildId: string): APIRole {
  // Discord gives @everyone the guild's own id.
  return {
    id: guildId,
    name: '@everyone',
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: 0,
    permissions: EVERYONE_PERMISSIONS,
    managed: false,
    mentionable: false,
    flags: NONE,
  };
}

export function readyPayload(args: {
  applicationId: string;
  guildIds: string[];
  sessionId: string;
  resumeUrl: string;
  shard?: [number, number];
}): GatewayReadyDispatchData {
  return {
    v: 10,
    user: botUser(args.applicationId),
    guilds: args.guildIds.map((id) => ({ id, unavailable: true })),
    session_id: args.sessionId,
    resume_gateway_url: args.resumeUrl,
    ...(args.shard ? { shard: args.shard } : {}),
    application: { id: args.applicationId, flags: NONE, flags_new: '0' },
  };
}

export function guildCreatePayload(guildId: string, extras: Record<string, unknown>): GatewayGuildCreateDispatchData {
  const guild: GatewayGuildCreateDispatchData = {
    id: guildId,
    name: `Stand-in guild ${guildId.slice(-4)}`,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: '300000000000000000',
    region: 'deprecated',
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    widget_channel_id: null,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [everyoneRole(guildId)],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: NONE,
    rules_channel_id: null,
    max_presences: null,
    max_members: 500_000,
    vanity_url_code: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: 'en-US' as GatewayGuildCreateDispatchData['preferred_locale'],
    public_updates_channel_id: null,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    incidents_data: null,
    hub_type: null,
    joined_at: JOINED_AT,
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [],
    channels: [defaultChannel(guildId)],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
  // Extras come from callers (a benchmark's channels, roles, members): they win over the defaults.
  return { ...guild, ...extras } as GatewayGuildCreateDispatchData;
}

/** Where an interaction happens: its guild, channel and invoking user, and who installed the app. */
export interface InteractionPlace {
  /** The server, or null in a DM or group DM (then `user` is sent instead of `member`). */
  guildId: string | null;
  /** The channel as the guild lists it; interactions carry it with the user's permissions added. */
  channel: Pick<APIChannel, 'id' | 'type'>;
  user: APIUser;
  /** The member's permission bits in the channel; default EVERYONE_PERMISSIONS. */
  permissions?: string | undefined;
  /** InteractionContextType: 0 guild, 1 the bot's DM, 2 other DMs and group DMs; default 0 in a guild, 1 else. */
  context?: 0 | 1 | 2 | undefined;
  /** authorizing_integration_owners; default a guild install: { '0': guild id } ('0' in a DM). */
  owners?: Record<string, string> | undefined;
  /** What the app may do there; default EVERYONE_PERMISSIONS in a guild it is in. */
  appPermissions?: string | undefined;
}

/**
 * What Discord grants an app where its bot is not (DMs, group DMs, and servers that only a user
 * installed it for): attach files, embed links, mention everyone, external emojis.
 */
export const APP_PERMISSIONS_ELSEWHERE = String((1n << 15n) | (1n << 14n) | (1n << 17n) | (1n << 18n));

interface BaseArgs {
  id: string;
  token: string;
  applicationId: string;
  place: InteractionPlace;
}

function base(args: BaseArgs) {
  const { place } = args;
  const permissions = place.permissions ?? EVERYONE_PERMISSIONS;
  const common = {
    id: args.id,
    application_id: args.applicationId,
    token: args.token,
    version: 1 as const,
    channel_id: place.channel.id,
    locale: 'en-US' as never,
    entitlements: [],
    attachment_size_limit: 10 * 1024 * 1024,
  };
  if (place.guildId === null) {
    // A DM: no guild, the invoking `user` at top level, and the channel with its recipient.
    return {
      ...common,
      channel: { ...place.channel, recipients: [place.user], last_message_id: null, flags: NONE },
      user: place.user,
      app_permissions: place.appPermissions ?? APP_PERMISSIONS_ELSEWHERE,
      // Key "0" (guild install) is "0" in the bot's DM; user installs name the user under "1".
      authorizing_integration_owners: place.owners ?? { '0': '0' },
      context: place.context ?? 1,
    };
  }
  const member: APIInteractionGuildMember = {
    user: place.user,
    nick: null,
    avatar: null,
    banner: null,
    roles: [],
    premium_since: null,
    joined_at: JOINED_AT,
    deaf: false,
    mute: false,
    flags: NONE,
    pending: false,
    communication_disabled_until: null,
    permissions,
  };
  return {
    ...common,
    guild: { id: place.guildId, locale: 'en-US' as never, features: [] },
    guild_id: place.guildId,
    channel: { ...place.channel, guild_id: place.guildId, permissions } as APIChatInputApplicationCommandGuildInteraction['channel'],
    member,
    app_permissions: place.appPermissions ?? EVERYONE_PERMISSIONS,
    guild_locale: 'en-US' as never,
    // Key "0" is GuildInstall: the app was installed to this guild.
    authorizing_integration_owners: place.owners ?? { '0': place.guildId },
    context: place.context ?? 0,
  };
}

export interface CommandData {
  commandId: string;
  name: string;
  /** Set when the command was registered in the guild rather than globally. */
  guildId?: string;
  options: APIApplicationCommandInteractionDataOption[];
  /** Attachments (and other resolved objects) the options refer to. */
  resolved?: { attachments?: Record<string, APIAttachment> };
}

export function chatInputInteraction(args: BaseArgs & { command: CommandData }): APIChatInputApplicationCommandInteraction {
  const { command } = args;
  return {
    ...base(args),
    type: 2,
    data: {
      id: command.commandId,
      name: command.name,
      type: 1,
      // Discord leaves `options` out when the user gave none.
      ...(command.options.length ? { options: command.options } : {}),
      ...(command.resolved ? { resolved: command.resolved } : {}),
      ...(command.guildId ? { guild_id: command.guildId } : {}),
    },
  } as APIChatInputApplicationCommandInteraction;
}

/** A message context-menu command (type 2, data.type 3) on `target`. */
export function messageCommandInteraction(args: BaseArgs & { commandId: string; name: string; guildId?: string; target: APIMessage }): APIMessageApplicationCommandInteraction {
  return {
    ...base(args),
    type: 2,
    data: {
      id: args.commandId,
      name: args.name,
      type: 3,
      target_id: args.target.id,
      resolved: { messages: { [args.target.id]: args.target } },
      ...(args.guildId ? { guild_id: args.guildId } : {}),
    },
  } as APIMessageApplicationCommandInteraction;
}

export function autocompleteInteraction(args: BaseArgs & { command: CommandData }): APIApplicationCommandAutocompleteInteraction {
  const { command } = args;
  return {
    ...base(args),
    type: 4,
    data: {
      id: command.commandId,
      name: command.name,
      type: 1,
      options: command.options,
      ...(command.guildId ? { guild_id: command.guildId } : {}),
    },
  } as APIApplicationCommandAutocompleteInteraction;
}

export function componentInteraction(
  args: BaseArgs & { customId: string; componentType: 2 | 3; values: string[]; message: APIMessage },
): APIMessageComponentInteraction {
  const data =
    args.componentType === 2
      ? { custom_id: args.customId, component_type: 2 as const }
      : { custom_id: args.customId, component_type: 3 as const, values: args.values };
  return { ...base(args), type: 3, data, message: args.message } as APIMessageComponentInteraction;
}

/** A message as Discord returns it after a bot sent or edited it through an interaction. */
export function messageObject(args: {
  id: string;
  channelId: string;
  author: APIUser;
  applicationId: string;
  body: Record<string, unknown>;
  attachments?: APIAttachment[];
  /** MessageType: 20 for a reply to a slash command, 0 for the rest. */
  type?: number;
  editedAt?: string | null;
}): APIMessage {
  const { body } = args;
  // Discord stores every embed a bot sends as a "rich" one.
  const embeds = ((body.embeds as APIEmbed[] | undefined) ?? []).map((e) => ({ type: 'rich', ...e }) as APIEmbed);
  return {
    id: args.id,
    channel_id: args.channelId,
    author: args.author,
    content: typeof body.content === 'string' ? body.content : '',
    timestamp: new Date().toISOString(),
    edited_timestamp: args.editedAt ?? null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: args.attachments ?? [],
    embeds,
    pinned: false,
    type: (args.type ?? 0) as APIMessage['type'],
    flags: typeof body.flags === 'number' ? body.flags : 0,
    components: (body.components as APIActionRowComponent<APIComponentInMessageActionRow>[] | undefined) ?? [],
    webhook_id: args.applicationId,
    application_id: args.applicationId,
  };
}
