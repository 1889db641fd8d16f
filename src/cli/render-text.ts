/** Renders a message for a person reading a terminal (CLI and playground), as Discord shows it. */

import type { APIEmbed } from 'discord-api-types/v10';

/** What a terminal can show of a message: Discord's JSON, as sent. */
export interface ShownMessage {
  content?: string;
  embeds?: APIEmbed[];
  components?: unknown[];
  flags?: number;
}

/**
 * One left-to-right pass, as Discord reads markdown: an escape (`\*`), a link `[text](url)`, or bold
 * `**text**` closing at the first `**` not followed by another `*`. An escape is read as a unit, so an
 * escaped character never opens or closes a span.
 */
const MARKDOWN = /\\([\\`*_~|>#[\]()<@:.-])|\[((?:\\[\s\S]|[^\]\\])+)\]\((\S+?)\)|\*\*((?:\\[\s\S]|[^\\])+?)\*\*(?!\*)/g;

/** Markdown that means nothing in a terminal: links become "text (url)", bold is dropped, escaped characters shown as themselves. */
export function plainText(markdown: string): string {
  return markdown.replace(MARKDOWN, (_match, escaped?: string, linkText?: string, url?: string, bold?: string) => {
    if (escaped !== undefined) return escaped;
    if (linkText !== undefined) return `${plainText(linkText)} (${url})`;
    return plainText(bold ?? '');
  });
}

function renderEmbed(embed: APIEmbed): string[] {
  const out: string[] = [];
  if (embed.author?.name) out.push(plainText(embed.author.name));
  if (embed.title) out.push(`== ${plainText(embed.title)} ==`);
  if (embed.description) out.push(plainText(embed.description));
  for (const field of embed.fields ?? []) out.push('', `-- ${plainText(field.name)} --`, plainText(field.value));
  if (embed.image?.url) out.push('', `[image: ${embed.image.url}]`);
  if (embed.footer?.text) out.push('', plainText(embed.footer.text));
  return out;
}

/** What can be clicked or chosen, numbered in the order Discord shows them, disabled ones included. */
export interface Choosable {
  number: number;
  customId: string;
  value?: string;
  label: string;
  disabled: boolean;
}

interface LooseComponent {
  custom_id?: string;
  label?: string;
  disabled?: boolean;
  url?: string;
  options?: { label: string; value: string }[];
  components?: LooseComponent[];
}

export function choosables(message: ShownMessage): Choosable[] {
  const list: Choosable[] = [];
  for (const row of (message.components ?? []) as LooseComponent[]) {
    for (const component of row.components ?? []) {
      const disabled = component.disabled === true;
      if (component.custom_id && component.options) {
        for (const option of component.options) list.push({ number: list.length + 1, customId: component.custom_id, value: option.value, label: option.label, disabled });
      } else if (component.custom_id) {
        list.push({ number: list.length + 1, customId: component.custom_id, label: component.label ?? component.custom_id, disabled });
      }
    }
  }
  return list;
}

export function renderMessage(message: ShownMessage, savedFiles: readonly string[] = []): string {
  const out: string[] = [];
  if (message.flags && message.flags & 64) out.push('(only you can see this)');
  if (message.content) out.push(plainText(message.content));
  (message.embeds ?? []).forEach((embed, i) => {
    if (i > 0 || out.length > 0) out.push('');
    out.push(...renderEmbed(embed));
  });
  for (const path of savedFiles) out.push(`[file: ${path}]`);
  const picks = choosables(message);
  if (picks.length) out.push('', picks.map((p) => `[${p.number}] ${p.label}${p.disabled ? ' (disabled)' : ''}`).join('   '));
  return out.join('\n');
}
