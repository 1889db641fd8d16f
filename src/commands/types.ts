/**
 * The contract between the ways in (gateway, HTTP endpoint, CLI, playground, tests) and the
 * commands: typed option values and a context in, a plain reply payload out. Nothing here touches
 * a live interaction; the interaction core (src/interactions) turns Discord's wire JSON into these.
 */

import { ApplicationCommandType, ApplicationIntegrationType, InteractionContextType } from 'discord-api-types/v10';
import type {
  APIActionRowComponent,
  APIApplicationCommandOptionChoice,
  APIComponentInMessageActionRow,
  APIEmbed,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { ChartRequest } from '../charts/kinds';
import type { TeamStore } from '../store/types';
import type { ArgumentsOf, Attachment, OptionArgs } from './arguments';

export type { Attachment };

export interface ReplyFile {
  name: string;
  data: Buffer;
  /** Alt text: what the file holds, for screen readers (Discord allows 1,024 characters). */
  description: string;
}

/** The message body sent to Discord, exactly as the bot sends it (files aside). */
export interface ReplyPayload {
  content?: string;
  embeds: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
  /** MessageFlags.Ephemeral (64) for replies only the invoking user sees. */
  flags?: number;
}

export interface Reply extends ReplyPayload {
  files?: ReplyFile[];
  /** A chart to attach, shown in the first embed. The core decides whether and how it is drawn. */
  chart?: ChartRequest;
  /** True when the reply explains bad input (the CLI then exits 2); never sent to Discord. */
  inputError?: boolean;
  /** True when the reply says the database is down and nothing was done (the CLI then exits 1); never sent to Discord. */
  unavailable?: boolean;
}

/** How a component's answer is delivered: replace the message it sits on, or a new reply. */
export interface ComponentReply {
  mode: 'update' | 'reply';
  reply: Reply;
}

export type Choice = APIApplicationCommandOptionChoice<string>;

/** Who is asking, where, and with what rights: read from the interaction by the core. */
export interface RunContext {
  /** The server the interaction happened in; undefined in a DM. The bot need not be a member. */
  guildId: string | undefined;
  /**
   * The server has added Tierbot. False where a member runs it from their own apps in a server
   * that has not: no team data may be written for a server that cannot see or manage it.
   */
  guildInstalled: boolean;
  user: { id: string; name: string };
  /** The member has Manage Server (from the interaction's member.permissions, never assumed). */
  canManageGuild: boolean;
  /** The user's Discord locale, e.g. "en-US". */
  locale: string;
  /**
   * Someone besides the user sees a reply that is not ephemeral: true in a server's channel and
   * in a group DM or a DM with someone else; false in the user's DM with Tierbot.
   */
  othersSeePublicReplies: boolean;
  /** Per-server settings, terms and plans. */
  store: TeamStore;
  /**
   * The bytes of an attached file (downloaded from its URL, or a local file in the CLI). Discord is
   * told the answer is coming first, `privately` for a command whose answer only its user sees.
   */
  download(attachment: Attachment, options?: { privately?: boolean }): Promise<Uint8Array>;
  /** When the interaction happened, for audit fields (the domain has no clock). */
  now: Date;
}

/** For a button or menu: the context, plus the message the component sits on. */
export interface ComponentContext extends RunContext {
  message: { id: string; attachments: Attachment[] } | undefined;
}

/** The message a message command (right-click → Apps) was used on. */
export interface TargetMessage {
  id: string;
  content: string;
  authorName: string | undefined;
}

/** The readonly form of a registered definition, so definitions can be declared `as const`. */
type DeepReadonly<T> = T extends (infer E)[] ? readonly DeepReadonly<E>[] : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

export type ChatInputDefinition = DeepReadonly<RESTPostAPIChatInputApplicationCommandsJSONBody>;
export type MessageCommandDefinition = DeepReadonly<RESTPostAPIContextMenuApplicationCommandsJSONBody> & { readonly type: ApplicationCommandType.Message };

interface Handlers {
  /**
   * Buttons and selects whose custom_id starts with "<command name>:". The state they need lives
   * in the custom_id, so they keep working after a restart and on any replica.
   */
  component?(customId: string, values: readonly string[], context: ComponentContext): ComponentReply | Promise<ComponentReply>;
}

/** A slash command as written: `run` receives the option values its definition declares. */
export interface SlashCommandSpec<D extends ChatInputDefinition> extends Handlers {
  definition: D;
  run(args: ArgumentsOf<D>, context: RunContext): Reply | Promise<Reply>;
  autocomplete?(focused: { name: string; value: string }, args: Partial<ArgumentsOf<D>>, context: RunContext): Choice[] | Promise<Choice[]>;
}

export interface SlashCommand extends Handlers {
  kind: 'slash';
  definition: ChatInputDefinition;
  run(args: OptionArgs, context: RunContext): Reply | Promise<Reply>;
  autocomplete?(focused: { name: string; value: string }, args: OptionArgs, context: RunContext): Choice[] | Promise<Choice[]>;
}

export interface MessageCommand extends Handlers {
  kind: 'message';
  definition: MessageCommandDefinition;
  /** The custom_id prefix of its buttons (a message command's name has spaces and capitals). */
  componentPrefix: string;
  run(message: TargetMessage, context: RunContext): Reply | Promise<Reply>;
}

export type Command = SlashCommand | MessageCommand;

/**
 * Declares a slash command. The core hands run() exactly the values the definition declares
 * (validated by Discord, or by the CLI's parser), so the cast only forgets the precise type.
 */
/** A chat command; its definition says so (type 1), as the message command's says type 3, though Discord assumes 1. */
export function slashCommand<const D extends ChatInputDefinition>(spec: SlashCommandSpec<D>): SlashCommand {
  const command = spec as unknown as Omit<SlashCommand, 'kind'>;
  return { kind: 'slash', ...command, definition: { type: ApplicationCommandType.ChatInput, ...command.definition } };
}

export function messageCommand(spec: Omit<MessageCommand, 'kind'>): MessageCommand {
  return { kind: 'message', ...spec };
}

/** Installable in a server or by a user, usable in servers, the bot's DM and other DMs. */
export const EVERYWHERE = {
  integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
} as const;

/** Team settings: they belong to a server, so only a server install, only in servers. */
export const SERVER_ONLY = {
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild],
} as const;

/** Components carry "<command>:<state>" custom ids: the command that owns one is its prefix. */
export function customIdOwner(customId: string): string {
  return customId.split(':', 1)[0] ?? '';
}

/**
 * The end of a custom_id on a message only its presser sees (ephemeral). A button or menu so marked
 * may change its message in place; any other may sit on a public message, which one person's press
 * must not rewrite for the whole channel, so it answers the presser alone.
 */
export const OWN_MESSAGE = ':own';

/** The custom_id without the own-message mark, and whether it had it. */
export function ownMessageMark(customId: string): { id: string; own: boolean } {
  const own = customId.endsWith(OWN_MESSAGE);
  return { id: own ? customId.slice(0, -OWN_MESSAGE.length) : customId, own };
}

/** Discord's permission bit for Manage Server ("Manage Guild"). */
export const MANAGE_GUILD = 1n << 5n;
