/**
 * Presentation shared by every command: colours, citations as links, input-error replies and
 * packing lines into fields without breaking Discord's limits.
 */

import { MessageFlags, type APIEmbed, type APIEmbedField } from 'discord.js';
import type { Source, Tier } from '../domain/sources';
import { LIMITS } from '../discord/limits';
import { TIER_LABELS } from '../domain/tier-style';
import type { Reply } from './types';

export const NEUTRAL_COLOUR = 0x5865f2;
export const ERROR_COLOUR = 0xed4245;

/** " → micro" when a source's own tier name does not already say its normalised tier. */
export function normalisedSuffix(tier: Tier): string {
  return tier.name.toLowerCase().startsWith(tier.normal) ? '' : ` → ${TIER_LABELS[tier.normal]}`;
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * User text shown back must not format or ping: markdown and mentions are escaped. (Mentions
 * are also disarmed by allowedMentions; escaping keeps them from even looking like pings.)
 */
export function quoteUserText(text: string, max = 60): string {
  // Direction overrides and zero-width characters would reorder or hide the text around them.
  const oneLine = text.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/[\p{Cc}\p{Cf}]/gu, '');
  return truncate(oneLine, max).replace(/([\\`*_~|>#[\]()<@:-])/g, '\\$1');
}

/** "[Mediakix](url)" when the source has a link, otherwise its name. */
export function sourceLink(source: Source): string {
  return source.url ? `[${source.name}](${source.url})` : source.name;
}

export function yearOf(source: Source): string {
  return source.year ?? 'n.d.';
}

/**
 * Packs lines into as few fields as fit (1,024 characters each), naming the first field `name`
 * and the rest "… (cont.)". A line longer than a field is truncated, never dropped.
 */
export function linesToFields(name: string, lines: readonly string[], inline = false): APIEmbedField[] {
  const fields: APIEmbedField[] = [];
  let current = '';
  const flush = () => {
    if (current) fields.push({ name: fields.length === 0 ? name : `${name} (cont.)`, value: current, inline });
    current = '';
  };
  for (const raw of lines) {
    const line = truncate(raw, LIMITS.fieldValue);
    if (current.length + line.length + 1 > LIMITS.fieldValue) flush();
    current = current ? `${current}\n${line}` : line;
  }
  flush();
  return fields;
}

/** The ephemeral answer to bad input: what was wrong, and what is accepted. */
export function inputErrorReply(problem: string, accepted: string, title = 'That input did not work'): Reply {
  const embed: APIEmbed = {
    title,
    description: truncate(`${problem}\n\n**Accepted:** ${accepted}`, LIMITS.embedDescription),
    color: ERROR_COLOUR,
  };
  return { embeds: [embed], flags: MessageFlags.Ephemeral, inputError: true };
}

/** The ephemeral answer when the bot itself failed: the id matches the log line. */
export function failureReply(errorId: string): Reply {
  return {
    embeds: [
      {
        title: 'Something went wrong on my side',
        description: `Sorry: that request failed. If you report it, quote error id \`${errorId}\`.`,
        color: ERROR_COLOUR,
      },
    ],
    flags: MessageFlags.Ephemeral,
  };
}
