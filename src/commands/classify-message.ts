/**
 * "Classify follower counts" (right-click a message → Apps): every follower count in the
 * message's text, one compact line each (the team's house tier if one is set, then the
 * publishers' consensus), with the numbers it set aside and why. A count the message gives again
 * for the same name and platform shares its line ("×3"). Each count shown gets an "All
 * sources" button, answered by /tier's own handler (custom_id "tier:all:<count>").
 */

import { ApplicationCommandType, ButtonStyle, MessageFlags, type APIEmbed } from 'discord-api-types/v10';
import { LIMITS, embedLength } from './limits';
import { extractCounts, type FoundCount, type IgnoredNumber } from '../domain/extract';
import { ACCEPTED_FORMS } from '../domain/followers';
import { countOf, formatCount, shorten } from '../domain/format';
import { formatHouseTier } from '../domain/house';
import { classify } from '../domain/classify';
import { consensusFor } from '../domain/consensus';
import { publishersAnswer } from '../domain/overview';
import type { HouseTiers } from '../domain/house-placing';
import { TIER_COLOURS } from '../domain/tier-style';
import { housePlacementText, teamTierName } from './house-lookup';
import { houseFor } from './roster';
import { NEUTRAL_COLOUR, PUBLIC_TEXT_LIMIT, button, buttonRows, inputErrorReply, linesToFields, quoteUserText } from './embeds';
import { messageCommand, type MessageCommandDefinition, type Reply, type RunContext, type TargetMessage, EVERYWHERE } from './types';

export const definition = {
  type: ApplicationCommandType.Message,
  name: 'Classify follower counts',
  ...EVERYWHERE,
} as const satisfies MessageCommandDefinition;

/** "All sources" buttons, one per distinct count shown: every row Discord allows (the reply has no other). */
export const MAX_SOURCE_BUTTONS = LIMITS.actionRows * LIMITS.buttonsPerRow;
/** Set-aside numbers listed. */
const MAX_IGNORED_SHOWN = 12;
/**
 * Room for the count lines in the description (the rest of the embed stays well under 6,000); a
 * longer list says how many more there are. A list past PUBLIC_TEXT_LIMIT goes to its asker alone.
 */
export const LINES_ROOM = 3_400;
/** Said when the reply is longer than a public reply may be, so goes to its asker alone. */
export const LONG_LIST_NOTE = 'A long list, so it is shown to you alone.';
/** Said when the message has spoiler marks, so the reply goes to its asker alone. */
export const SPOILER_MARKS_NOTE = 'The message has spoiler marks, so this is shown to you alone.';

const ACCEPTED = `counts such as \`45k followers\`, \`1.2M on TikTok\`, \`45K subs\`, \`30 000 abonnés\`, \`1,2 Mio\`, or any form /tier reads: ${ACCEPTED_FORMS}.`;

function label(count: FoundCount): string {
  const parts = [count.name, count.platform].filter((p): p is string => p !== undefined).map((p) => quoteUserText(p, 40));
  return parts.length ? ` (${parts.join(' · ')})` : '';
}

/** A count as the reply lists it: the message may give the same count for the same name and platform more than once. */
interface ListedCount {
  count: FoundCount;
  times: number;
}

/** One entry per value, name and platform, in the order the message first gives each. */
function listedCounts(counts: readonly FoundCount[]): ListedCount[] {
  const byKey = new Map<string, ListedCount>();
  for (const count of counts) {
    const key = JSON.stringify([count.value, count.name ?? null, count.platform ?? null]);
    const seen = byKey.get(key);
    if (seen) seen.times += 1;
    else byKey.set(key, { count, times: 1 });
  }
  return [...byKey.values()];
}

/**
 * "house: **micro** (10k–75k); publishers: **micro** — 13 of 21 agree.": the team's tier, then the
 * publishers' answer as /tier words it under a house definition.
 */
function houseThenPublishers(count: number, house: HouseTiers): string {
  const placed = house.place(count);
  const houseText = 'tier' in placed ? formatHouseTier(placed.tier, (t) => `**${teamTierName(t.name)}**`) : housePlacementText(house.tiers, count);
  return `house: ${houseText}; publishers: ${publishersAnswer(classify(count), (t) => `**${t}**`)}`;
}

function countLine({ count, times }: ListedCount, house: HouseTiers | undefined): string {
  const written = quoteUserText(count.text, 30);
  const exact = count.text.replace(/\s/g, '') === formatCount(count.value) ? '' : ` = ${formatCount(count.value)}`;
  const answer = house ? houseThenPublishers(count.value, house) : consensusFor(count.value).line;
  const repeated = times > 1 ? ` ×${times}` : '';
  const reading = count.note ? ` (${count.note})` : '';
  return `• **${written}**${exact}${label(count)}${repeated} → ${answer}${reading}`;
}

function ignoredLines(ignored: readonly IgnoredNumber[]): string[] {
  const shown = ignored.slice(0, MAX_IGNORED_SHOWN).map((i) => `“${quoteUserText(i.text, 40)}”: ${i.reason}`);
  if (ignored.length > MAX_IGNORED_SHOWN) shown.push(`…and ${ignored.length - MAX_IGNORED_SHOWN} more`);
  return shown;
}

export async function run(message: TargetMessage, context: RunContext): Promise<Reply> {
  const text = message.content ?? '';
  if (text.trim() === '') {
    return inputErrorReply('That message has no text to read: follower counts are read from what a message says, not from its attachments or embeds.', ACCEPTED, 'No text in that message');
  }
  const { counts, ignored } = extractCounts(text);
  if (counts.length === 0) {
    const skipped = ignored.length ? `\n\nNumbers I set aside:\n${ignoredLines(ignored).join('\n')}` : '';
    return inputErrorReply(`I found no follower counts in that message.${skipped}`, ACCEPTED, 'No follower counts found');
  }

  const { house, notice } = await houseFor(context);
  const lines: string[] = [];
  const shown: ListedCount[] = [];
  let used = 0;
  for (const entry of listedCounts(counts)) {
    const line = shorten(countLine(entry, house), 400);
    if (used + line.length + 1 > LINES_ROOM) break;
    lines.push(line);
    shown.push(entry);
    used += line.length + 1;
  }
  const notShown = counts.length - shown.reduce((n, entry) => n + entry.times, 0);
  if (notShown > 0) lines.push(`…and ${countOf(notShown, 'more count')}. For a list this long, put the names and counts in a spreadsheet and upload it as a CSV file with /roster.`);

  const author = message.authorName ? `${quoteUserText(message.authorName, 60)}’s message` : 'that message';
  const single = counts.length === 1 ? consensusFor(counts[0]!.value) : undefined;
  const embed: APIEmbed = {
    title: shorten(`${countOf(counts.length, 'follower count')} in ${author}`, LIMITS.embedTitle),
    description: [...(notice ? [notice] : []), ...lines].join('\n'),
    color: single?.outcome === 'tier' && single.leaders.length === 1 ? TIER_COLOURS[single.leaders[0]!] : NEUTRAL_COLOUR,
    fields: ignored.length ? linesToFields('Not counted', ignoredLines(ignored)) : [],
    footer: {
      text: `${house ? 'Your house definition first, then the publishers' : 'The publishers'}’ consensus: one vote per publisher. “All sources” shows each publisher’s answer.`,
    },
  };

  // A long list would fill the channel for everyone: the person who asked reads it alone.
  const long = embedLength(embed) > PUBLIC_TEXT_LIMIT;
  // Spoilers are found as Discord's markdown finds them, but markdown has more forms than the
  // reader knows: with any spoiler marks in the message, a count read by mistake from one is
  // shown only to the person who asked, who can open the spoiler anyway, never to the channel.
  const spoilerMarks = !long && text.includes('||');
  if (long) embed.footer!.text = `${LONG_LIST_NOTE} ${embed.footer!.text}`;
  if (spoilerMarks) embed.footer!.text = `${SPOILER_MARKS_NOTE} ${embed.footer!.text}`;

  // A button for a count the reply does not show would name a number the reader cannot see.
  const distinct = [...new Set(shown.map((entry) => entry.count.value))].slice(0, MAX_SOURCE_BUTTONS);
  return {
    embeds: [embed],
    components: buttonRows(distinct.map((value) => button(`tier:all:${value}`, `All sources: ${formatCount(value)}`, ButtonStyle.Secondary))),
    ...(long || spoilerMarks ? { flags: MessageFlags.Ephemeral } : {}),
  };
}

export const classifyMessage = messageCommand({ definition, componentPrefix: 'counts', run });
