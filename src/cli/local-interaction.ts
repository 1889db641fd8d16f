/**
 * The CLI's interactions: the same wire JSON Discord sends, built locally, and a responder that
 * keeps what the core answered. The CLI so runs the very path the bot runs, core included.
 */

import {
  ApplicationCommandType,
  ComponentType,
  InteractionContextType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  type APIAttachment,
  type APIInteraction,
  type APIMessage,
} from 'discord-api-types/v10';
import type { ReplyFile } from '../commands/types';
import type { MessageBody, Responder } from '../interactions/responder';
import type { WireOption } from './command-line';

/** Who runs the CLI, and where: `--guild ID` and `--manager`. */
export interface Place {
  guildId: string | undefined;
  manager: boolean;
  /** Without a guild: a group DM, where others see a public reply, rather than the DM with Tierbot. */
  groupDm?: boolean;
}

const APPLICATION_ID = '100000000000000001';
const USER = { id: '300000000000000001', username: 'cli-user', global_name: 'CLI user', discriminator: '0', avatar: null };
const MANAGE_GUILD = String(1 << 5);
const MEMBER_DEFAULT = String((1 << 10) | (1 << 11) | (1 << 16) | (1 << 31));

let sequence = 0n;
/** Snowflakes with the current time, so the core's defer deadline reads a fresh interaction. */
function snowflake(): string {
  sequence += 1n;
  return String(((BigInt(Date.now()) - 1420070400000n) << 22n) + (sequence % 4096n));
}

function base(place: Place) {
  const common = { id: snowflake(), application_id: APPLICATION_ID, token: `cli-${snowflake()}`, version: 1 as const, locale: 'en-US', app_permissions: '0', entitlements: [], attachment_size_limit: 10_000_000 };
  // A DM reaches the user's own install; in a server, the server has added Tierbot.
  if (!place.guildId) {
    const context = place.groupDm ? InteractionContextType.PrivateChannel : InteractionContextType.BotDM;
    return { ...common, authorizing_integration_owners: { '1': USER.id }, user: USER, context };
  }
  return {
    ...common,
    authorizing_integration_owners: { '0': place.guildId },
    guild_id: place.guildId,
    guild_locale: 'en-US',
    context: InteractionContextType.Guild,
    member: { user: USER, roles: [], permissions: place.manager ? String(BigInt(MEMBER_DEFAULT) | BigInt(MANAGE_GUILD)) : MEMBER_DEFAULT, joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0 },
  };
}

/** Local files stand in for Discord's CDN: their URL is the path, read by the CLI's download. */
export function localAttachment(id: string, path: string, size: number): APIAttachment {
  const filename = path.split(/[\\/]/).pop() ?? path;
  return { id, filename, size, url: path, proxy_url: path };
}

export function chatInput(place: Place, name: string, options: WireOption[], attachments: Record<string, APIAttachment>): APIInteraction {
  return {
    ...base(place),
    type: InteractionType.ApplicationCommand,
    data: { id: snowflake(), name, type: ApplicationCommandType.ChatInput, options, ...(Object.keys(attachments).length ? { resolved: { attachments } } : {}) },
  } as unknown as APIInteraction;
}

export function onMessage(place: Place, name: string, text: string): APIInteraction {
  const id = snowflake();
  const message = { id, channel_id: '0', content: text, author: { ...USER, id: '300000000000000002', username: 'someone', global_name: null }, timestamp: new Date().toISOString(), attachments: [], embeds: [] };
  return {
    ...base(place),
    type: InteractionType.ApplicationCommand,
    data: { id: snowflake(), name, type: ApplicationCommandType.Message, target_id: id, resolved: { messages: { [id]: message } } },
  } as unknown as APIInteraction;
}

export function pressed(place: Place, customId: string, values: string[] | undefined, message: Partial<APIMessage>): APIInteraction {
  return {
    ...base(place),
    type: InteractionType.MessageComponent,
    message: { id: snowflake(), channel_id: '0', ...message },
    data: values ? { custom_id: customId, component_type: ComponentType.StringSelect, values } : { custom_id: customId, component_type: ComponentType.Button },
  } as unknown as APIInteraction;
}

/** A message as the user sees it in the end: its JSON as sent and its files. */
export interface Shown {
  body: MessageBody;
  files: ReplyFile[];
}

const isPrivate = (message: { flags?: number } | undefined) => Boolean((message?.flags ?? 0) & MessageFlags.Ephemeral);

/**
 * Whether the interaction's original response is for the user alone. That is settled when it is
 * created: by the flags of the reply or the defer that started it, or, for a component's update,
 * by the message the component sits on (`pressedOn`).
 */
export function originalIsPrivate(first: { type: number; data?: object }, pressedOn?: { flags?: number }): boolean {
  const updatesPressedMessage = first.type === InteractionResponseType.UpdateMessage || first.type === InteractionResponseType.DeferredMessageUpdate;
  return isPrivate(updatesPressedMessage ? pressedOn : (first.data as { flags?: number } | undefined));
}

/** An edit or an update carries no flags and cannot change who sees a message: it is shown as private as the message it changes. */
export function asDiscordShowsIt<T extends { flags?: number }>(body: T, changesPrivateMessage: boolean): T {
  return changesPrivateMessage ? { ...body, flags: (body.flags ?? 0) | MessageFlags.Ephemeral } : body;
}

/** Keeps the core's answers; `final()` is what the user ends up seeing, private where Discord shows it so. */
export function capturingResponder(previous?: Shown): Responder & { final(): Shown | undefined } {
  let first: Shown | undefined;
  let original: Shown | undefined;
  let followUp: Shown | undefined;
  let privateOriginal = false;
  return {
    async respond(response) {
      privateOriginal = originalIsPrivate(response, previous?.body);
      if (response.type === InteractionResponseType.ChannelMessageWithSource || response.type === InteractionResponseType.UpdateMessage) {
        first = { body: asDiscordShowsIt(response.data as MessageBody, privateOriginal), files: [] };
      }
      // A deferred update edits the message the component sits on, which the user still sees until then.
      if (response.type === InteractionResponseType.DeferredMessageUpdate && previous) original = previous;
    },
    async editOriginal(body, files) {
      original = { body: asDiscordShowsIt(body, privateOriginal), files: [...files] };
    },
    async followUp(body, files) {
      followUp = { body, files: [...files] };
    },
    async deleteOriginal() {
      first = undefined;
      original = undefined;
    },
    final: () => followUp ?? original ?? first,
  };
}
