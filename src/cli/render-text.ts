/** Renders a reply payload for a person reading a terminal (CLI and playground). */

import type { APIEmbed } from 'discord.js';
import type { Reply } from '../commands/types';

/** Markdown that means nothing in a terminal: links become "text (url)", emphasis is dropped. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]+)\]\((\S+?)\)/g, '$1 ($2)')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/\\([\\`*_~|>#[\]()<@:-])/g, '$1');
}

function renderEmbed(embed: APIEmbed): string[] {
  const out: string[] = [];
  if (embed.title) out.push(`== ${plainText(embed.title)} ==`);
  if (embed.description) out.push(plainText(embed.description));
  for (const field of embed.fields ?? []) out.push('', `-- ${plainText(field.name)} --`, plainText(field.value));
  if (embed.image?.url) out.push('', `[image: ${embed.image.url}]`);
  if (embed.footer?.text) out.push('', plainText(embed.footer.text));
  return out;
}

/** A numbered list of what can be clicked or chosen, so a terminal user can pick by number. */
export interface Choosable {
  number: number;
  customId: string;
  value?: string;
  label: string;
}

export function choosables(reply: Reply): Choosable[] {
  const list: Choosable[] = [];
  for (const row of reply.components ?? []) {
    for (const component of row.components) {
      if ('custom_id' in component && 'options' in component && Array.isArray(component.options)) {
        for (const option of component.options) list.push({ number: list.length + 1, customId: component.custom_id, value: option.value, label: option.label });
      } else if ('custom_id' in component && 'label' in component) {
        list.push({ number: list.length + 1, customId: component.custom_id, label: component.label ?? component.custom_id });
      }
    }
  }
  return list;
}

export function renderReply(reply: Reply, savedFiles: readonly string[] = []): string {
  const out: string[] = [];
  if (reply.flags && reply.flags & 64) out.push('(only you can see this)');
  if (reply.content) out.push(plainText(reply.content));
  reply.embeds.forEach((embed, i) => {
    if (i > 0 || out.length > 0) out.push('');
    out.push(...renderEmbed(embed));
  });
  for (const path of savedFiles) out.push(`[file: ${path}]`);
  const picks = choosables(reply);
  if (picks.length) out.push('', picks.map((p) => `[${p.number}] ${p.label}`).join('   '));
  return out.join('\n');
}
