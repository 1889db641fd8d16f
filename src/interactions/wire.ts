/**
 * Reading Discord's wire JSON: option values (subcommands flattened, attachments resolved), who
 * is asking and with what rights, and the message a component or message command points at.
 */

import {
  ApplicationCommandOptionType,
  type APIApplicationCommandInteractionDataOption,
  type APIAttachment,
  type APIInteraction,
  type APIMessage,
} from 'discord-api-types/v10';
import type { Attachment, OptionArgs, OptionValue } from '../commands/arguments';
import type { TargetMessage } from '../commands/types';
import { MANAGE_GUILD } from '../commands/types';

type WireOption = APIApplicationCommandInteractionDataOption;

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
  user: { id: string; name: string };
  canManageGuild: boolean;
  locale: string;
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
  return {
    guildId: interaction.guild_id,
    user: { id: user?.id ?? '0', name: user?.global_name ?? user?.username ?? 'someone' },
    canManageGuild,
    locale: ('locale' in interaction ? interaction.locale : undefined) ?? interaction.guild_locale ?? 'en-US',
  };
}

export function targetMessage(message: APIMessage | undefined): TargetMessage | undefined {
  if (!message) return undefined;
  return { id: message.id, content: message.content ?? '', authorName: message.author?.global_name ?? message.author?.username };
}

/** When Discord created the interaction, from its snowflake id (ms since the Unix epoch). */
export function createdAt(id: string): number {
  try {
    return Number((BigInt(id) >> 22n) + 1420070400000n);
  } catch {
    return Date.now();
  }
}
