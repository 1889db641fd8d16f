/**
 * Reading Discord's wire JSON: option values (subcommands flattened, attachments resolved), who
 * is asking and with what rights, and the message a component or message command points at.
 */

import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  InteractionType,
  type APIApplicationCommandInteractionDataOption,
  type APIAttachment,
  type APIInteraction,
  type APIMessage,
} from 'discord-api-types/v10';
import type { Attachment, OptionArgs, OptionValue } from '../commands/arguments';
import type { TargetMessage } from '../commands/types';
import { customIdOwner, MANAGE_GUILD } from '../commands/types';

type WireOption = APIApplicationCommandInteractionDataOption;

/**
 * What the user asked for, for logs and metrics, never user text: a command's name, or the owner
 * of a component's custom_id, when it is one of `known` (the core's commands and component
 * owners); anything else is "unknown", so the metric's label values stay a closed set. It must
 * not throw, even on a payload without its data.
 */
export function labelOf(interaction: APIInteraction, known: ReadonlySet<string>): string {
  const knownOrUnknown = (name: string | undefined) => (name !== undefined && known.has(name) ? name : 'unknown');
  switch (interaction.type) {
    case InteractionType.ApplicationCommand:
    case InteractionType.ApplicationCommandAutocomplete:
      return knownOrUnknown(interaction.data?.name);
    case InteractionType.MessageComponent:
      return `${knownOrUnknown(customIdOwner(interaction.data?.custom_id ?? ''))}:button`;
    default:
      return 'unknown';
  }
}

export function toAttachment(a: APIAttachment): Attachment {
  return { id: a.id, filename: a.filename, url: a.url, size: a.size, ...(a.content_type ? { contentType: a.content_type } : {}) };
}

/**
 * Option values by name. A subcommand (or group) becomes `subcommand` ("set", or "group set"),
 * its options joining the rest; an attachment's id is replaced by the attachment it names.
 */
export function optionArgs(options: readonly WireOption[] | undefined, resolved?: { attachments?: Record<string, APIAttachment> }): OptionArgs {
  const args: Record<string, OptionValue | undefined> = {};
  const visit = (list: readonly WireOption[] | undefined, path: string[]) => {
    for (const option of list ?? []) {
      if (option.type === ApplicationCommandOptionType.Subcommand || option.type === ApplicationCommandOptionType.SubcommandGroup) {
        args.subcommand = [...path, option.name].join(' ');
        visit(option.options as WireOption[] | undefined, [...path, option.name]);
      } else if (option.type === ApplicationCommandOptionType.Attachment) {
        const attachment = resolved?.attachments?.[String(option.value)];
        if (attachment) args[option.name] = toAttachment(attachment);
      } else if ('value' in option) {
        args[option.name] = option.value;
      }
    }
  };
  visit(options, []);
  return args;
}

/** An option as a command's definition declares it: the parts optionProblems checks. */
interface DeclaredOption {
  readonly type: ApplicationCommandOptionType;
  readonly name: string;
  readonly required?: boolean;
  readonly options?: readonly DeclaredOption[];
}

const KIND: Partial<Record<ApplicationCommandOptionType, { is: (value: OptionValue) => boolean; words: string }>> = {
  [ApplicationCommandOptionType.String]: { is: (v) => typeof v === 'string', words: 'text' },
  [ApplicationCommandOptionType.Integer]: { is: (v) => Number.isSafeInteger(v), words: 'a whole number' },
  [ApplicationCommandOptionType.Number]: { is: (v) => typeof v === 'number' && Number.isFinite(v), words: 'a number' },
  [ApplicationCommandOptionType.Boolean]: { is: (v) => typeof v === 'boolean', words: 'true or false' },
  [ApplicationCommandOptionType.Attachment]: { is: (v) => typeof v === 'object', words: 'a file' },
};

/**
 * What is wrong with the option values Discord sent, against the command's definition: a required
 * option missing, or a value of another type. [] when they match, which is what run()'s argument
 * types promise. Discord checks them against the definition it has, so they differ only when that
 * registration is older than this code (or the payload is not Discord's). A value outside an
 * option's choices is the command's to refuse: it can say which values it takes.
 */
export function optionProblems(declared: readonly DeclaredOption[] | undefined, args: OptionArgs): string[] {
  let options = declared ?? [];
  for (const name of String(args.subcommand ?? '').split(' ').filter(Boolean)) options = options.find((o) => o.name === name)?.options ?? [];
  const problems: string[] = [];
  for (const option of options) {
    const value = args[option.name];
    const kind = KIND[option.type];
    if (value === undefined) {
      if (option.required) problems.push(`\`${option.name}\` is missing`);
    } else if (kind && !kind.is(value)) {
      problems.push(`\`${option.name}\` should be ${kind.words}`);
    }
  }
  return problems;
}

/**
 * Whether a command asks, in its own options, for an answer only its user sees: a true/false
 * option named `private` set true (`/roster private:True`), at the top or under a subcommand.
 * Read from the wire alone, so that a defer made before the commands have loaded is already as
 * private as the answer will be.
 */
export function asksForPrivateAnswer(interaction: APIInteraction): boolean {
  if (interaction.type !== InteractionType.ApplicationCommand || interaction.data.type !== ApplicationCommandType.ChatInput) return false;
  const visit = (options: readonly WireOption[] | undefined): boolean =>
    (options ?? []).some((option) =>
      option.type === ApplicationCommandOptionType.Subcommand || option.type === ApplicationCommandOptionType.SubcommandGroup
        ? visit(option.options as WireOption[] | undefined)
        : option.type === ApplicationCommandOptionType.Boolean && option.name === 'private' && option.value,
    );
  return visit(interaction.data.options);
}

/** The option being typed in an autocomplete interaction. */
export function focusedOption(options: readonly WireOption[] | undefined): { name: string; value: string } | undefined {
  for (const option of options ?? []) {
    if ('focused' in option && option.focused) return { name: option.name, value: String(option.value ?? '') };
    if ('options' in option && option.options) {
      const inner = focusedOption(option.options as WireOption[]);
      if (inner) return inner;
    }
  }
  return undefined;
}

export interface Invoker {
  guildId: string | undefined;
  /** The server has added Tierbot (a guild install), not only the user for themself. */
  guildInstalled: boolean;
  user: { id: string; name: string };
  canManageGuild: boolean;
  locale: string;
  /** Anyone besides the user sees a reply that is not ephemeral (see othersSeePublicReplies). */
  othersSeePublicReplies: boolean;
}

/**
 * Whether anyone besides the user sees a reply that is not ephemeral, where the interaction
 * happened: yes in a server's channel, a group DM or a DM between the user and someone else
 * (Discord's context 0 and 2); no in the user's own DM with Tierbot (context 1). Discord added
 * `context` with user installs; before them a guild-less interaction could only come from the
 * bot's DM, so a payload without it is read that way.
 */
function othersSeePublicReplies(interaction: APIInteraction): boolean {
  if (interaction.context !== undefined) return interaction.context !== InteractionContextType.BotDM;
  return interaction.guild_id !== undefined;
}

/**
 * Who is asking. In a server the member's own permissions decide Manage Server (Discord computes
 * them with channel overwrites); in a DM nobody manages anything.
 */
export function invokerOf(interaction: APIInteraction): Invoker {
  const member = 'member' in interaction ? interaction.member : undefined;
  const user = member?.user ?? interaction.user;
  let canManageGuild = false;
  if (interaction.guild_id && member?.permissions) {
    try {
      canManageGuild = (BigInt(member.permissions) & MANAGE_GUILD) === MANAGE_GUILD;
    } catch {
      canManageGuild = false;
    }
  }
  // Discord names who authorised the app for this interaction: '0' the server (its install), '1' the user's own.
  const owners = interaction.authorizing_integration_owners as Partial<Record<'0' | '1', string>> | undefined;
  return {
    guildId: interaction.guild_id,
    guildInstalled: interaction.guild_id !== undefined && (owners === undefined || owners['0'] === interaction.guild_id),
    user: { id: user?.id ?? '0', name: user?.global_name ?? user?.username ?? 'someone' },
    canManageGuild,
    locale: ('locale' in interaction ? interaction.locale : undefined) ?? interaction.guild_locale ?? 'en-US',
    othersSeePublicReplies: othersSeePublicReplies(interaction),
  };
}

/**
 * The message a message command was used on. A forwarded message has no text of its own: what it
 * forwards is in its snapshot, which is read instead.
 */
export function targetMessage(message: APIMessage | undefined): TargetMessage | undefined {
  if (!message) return undefined;
  const content = message.content || message.message_snapshots?.[0]?.message.content || '';
  return { id: message.id, content, authorName: message.author?.global_name ?? message.author?.username };
}

/** When Discord created the interaction, from its snowflake id (ms since the Unix epoch). */
export function createdAt(id: string): number {
  try {
    return Number((BigInt(id) >> 22n) + 1420070400000n);
  } catch {
    return Date.now();
  }
}
