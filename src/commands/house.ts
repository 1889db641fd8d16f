/**
 * /house set | show | clear | export — the server's own ("house") tier definition. `show` is for
 * every member (other answers point them to it); set, clear and export need Manage Server, which
 * the bot checks itself: Discord sets a default permission for a whole command, never for one
 * subcommand, so /house is registered without one. Guild install, servers only.
 */

import { ApplicationCommandOptionType, MessageFlags, type APIEmbed, type APIEmbedField } from 'discord-api-types/v10';
import { embedLength, LIMITS } from './limits';
import { codePointCount, formatCount, formatCountRange, shorten } from '../domain/format';
import { formatHouseTier, HOUSE_EXAMPLE, MAX_HOUSE_TEXT, parseHouseDefinition, tierNameTypos, withoutLeadingBullets, type HouseTier, type ReasonPart } from '../domain/house';
import { ACCEPTED_FORMS, countReadingNote, numberBeforeMil } from '../domain/followers';
import { mappedTierArrow } from '../domain/overview';
import type { HouseRecord } from '../store/types';
import { inputErrorReply, linesToFields, NEUTRAL_COLOUR, pasteableCode, PUBLIC_TEXT_LIMIT, unshownCharacter } from './embeds';
import { houseTierMapping, teamTierName, WHOLE_TIER_NAME } from './house-lookup';
import { exportHeader, guildOnlyReply, jsonFile, MANAGE_SERVER, notManagerReply, orUnavailable, shownText, teamGuildId, when, who } from './team-settings';
import { slashCommand, type ChatInputDefinition, type Reply, type RunContext, SERVER_ONLY } from './types';

// ── /house ───────────────────────────────────────────────────────────────────────────────────

export const definition = {
  name: 'house',
  description: "Your house definition: your team's own tiers, shown first in /tier and /tiers",
  ...SERVER_ONLY,
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'set',
      description: 'Set the definition, e.g. nano 1k-10k, micro 10k-75k, mid 75k-500k, macro 500k-1M, mega 1M+',
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: 'tiers',
          description: 'Each tier as name and range, comma-separated: micro 10k-75k, mega 1M+',
          required: true,
          max_length: MAX_HOUSE_TEXT,
        },
      ],
    },
    { type: ApplicationCommandOptionType.Subcommand, name: 'show', description: 'Show the definition, who set it and when' },
    { type: ApplicationCommandOptionType.Subcommand, name: 'clear', description: 'Remove the definition' },
    { type: ApplicationCommandOptionType.Subcommand, name: 'export', description: 'Download the definition as JSON' },
  ],
} as const satisfies ChatInputDefinition;

const ACCEPTED =
  `each tier as a name and a range, separated by commas: \`${HOUSE_EXAMPLE}\` (a range without a name is a tier called by its range). ` +
  `Counts as in /tier (${ACCEPTED_FORMS}); a range with a hyphen, en dash or "to"; open ends as \`1M+\` or \`up to 10k\`; ` +
  'a real gap written as `gap` between two tiers.';

/**
 * Where a definition to type goes, after what it does: "To correct it, paste this into `/house set
 * tiers:`", the definition following on a line of its own. As the other commands' next steps say
 * "To add it back, run:", but the definition goes into the option, not the chat box.
 */
const PASTE_INTO_SET = 'paste this into `/house set tiers:`';
/** The same in a field's name, which shows no markdown. */
const PASTE_INTO_SET_PLAIN = 'paste this into /house set tiers:';

/**
 * What a house tier counts as beside the publishers' tiers, after an arrow, unless its name says it
 * already ("micro", "🌱 Nano"): as the publishers' own tiers are shown (mappedTierArrow).
 */
function mappingArrow(tier: HouseTier): string {
  if (tier.spansEveryTier || tier.notInfluencer) return ` → ${houseTierMapping(tier)}`;
  return mappedTierArrow(tier);
}

function tierLines(tiers: readonly HouseTier[]): string[] {
  const lines: string[] = [];
  tiers.forEach((tier, i) => {
    const prev = tiers[i - 1];
    if (prev && prev.max !== null && tier.min > prev.max + 1) lines.push(`*gap: ${formatCount(prev.max + 1)}–${formatCount(tier.min - 1)} is in no tier*`);
    const range = formatCountRange(tier.min, tier.max);
    lines.push(`${formatHouseTier(tier, (t) => `**${shownText(t.name, WHOLE_TIER_NAME)}**`)}${mappingArrow(tier)} · counts ${range}`);
  });
  return lines;
}

/**
 * A definition to type, holding the team's text: as code, shown as typed (pasteableCode), or where
 * it cannot be code, between `quotes`, escaped and whole (escaping at most doubles its length).
 */
function fixToType(text: string, [open, close]: readonly [string, string]): string {
  return pasteableCode(text) ?? `${open}${shownText(text, 2 * codePointCount(text))}${close}`;
}

/**
 * Why a definition was refused, for an embed: Tierbot's words as they are, the team's own text
 * escaped (a tier name never formats or pings), and a suggested fix as a code span, shown as typed
 * (pasteableCode), or else in quotes, escaped.
 */
export function reasonMarkdown(parts: readonly ReasonPart[]): string {
  return parts
    .map((part) => {
      switch (part.kind) {
        case 'ours':
          return part.text;
        case 'theirs':
          // Whole, escaping included: the domain bounds what it quotes (a name, or 60 characters of an entry).
          return teamTierName(part.text, 2 * codePointCount(part.text));
        case 'code':
          // The fix holds the team's names; straight quotes, as the reasons quote everything else.
          return fixToType(part.text, ['"', '"']);
      }
    })
    .join('');
}

/** Line breaks between tiers, which the definition keeps as typed. */
const LINE_BREAK = /\r?\n/;

/**
 * The definition as written, escaped, in as many fields as it takes (escaping can double it past a
 * field's 1,024 characters): cut after each comma, semicolon or line break, so no piece is long and
 * the pieces join back into the whole text, its line breaks kept.
 */
function asWrittenFields(text: string): APIEmbedField[] {
  const pieces = text.split(/(?<=[,;\n])/).map((piece) => {
    const [line = '', lineBreak] = piece.split(LINE_BREAK);
    return `${shownText(line, LIMITS.fieldValue)}${lineBreak === undefined ? '' : '\n'}`;
  });
  // Discord refuses a blank field (a definition stored before invisible characters were refused).
  if (pieces.join('').trim() === '') return [{ name: 'As written', value: '—' }];
  return linesToFields('As written', pieces, false, '');
}

/**
 * The definition on one line, for pasting into `/house set tiers:` (Discord's option box is one
 * line): each line break becomes a comma, or a space after a line that ends with a separator
 * already, and a bulleted list's bullets go, as a comma stands for them. It reads as the same
 * tiers; a semicolon, which adds nothing to the length, is used instead when commas would take it
 * past the most a definition may be.
 */
function onOneLine(text: string): string {
  const lines = text
    .split(LINE_BREAK)
    .map((line) => withoutLeadingBullets(line.trim()))
    .filter((line) => line !== '');
  const joined = (separator: string) => lines.reduce((so, line) => (so === '' ? line : /[,;]$/.test(so) ? `${so} ${line}` : `${so}${separator}${line}`), '');
  const withCommas = joined(', ');
  return codePointCount(withCommas) <= MAX_HOUSE_TEXT ? withCommas : joined(';');
}

/** How a definition that is gone is shown: ready to paste back, or (too long for its room, or not pasteableCode) only to be read. */
interface GoneDefinition {
  pasteable: boolean;
  text: string;
}

/**
 * A definition to set back: a code block of its text on one line, exactly as it is to be pasted
 * (pasteableCode), when it can be one and that fits `room`; else the text escaped, and shortened
 * if need be.
 */
function toSetBack(text: string, room: number): GoneDefinition {
  const line = onOneLine(text);
  const block = pasteableCode(line, 'block');
  if (block !== undefined && codePointCount(block) <= room) return { pasteable: true, text: block };
  return { pasteable: false, text: shownText(line, room) };
}

/** A house definition's embed; `reserved`: characters kept free for a field the caller adds. */
function houseEmbed(title: string, record: HouseRecord, intro?: string, reserved = 0): APIEmbed {
  const parsed = parseHouseDefinition(record.text);
  const body = parsed.ok
    ? [...(parsed.note ? [`ℹ️ ${parsed.note}`] : []), ...tierLines(parsed.tiers)].join('\n')
    : `The stored definition no longer reads as tiers (${reasonMarkdown(parsed.parts)}); set it again with \`/house set\`.`;
  const embed: APIEmbed = {
    title,
    color: NEUTRAL_COLOUR,
    fields: [
      ...asWrittenFields(record.text),
      { name: 'Set by', value: `${who(record.setById, record.setByName)} on ${when(record.setAt)}` },
    ],
    footer: { text: 'A count on a shared boundary belongs to the higher tier, as in /tier. /tier and /tiers show this definition first.' },
  };
  // The notes before the tiers can be long (a definition corrected to paste): the tier lines after
  // them are what is cut, to the room the embed has left.
  const room = Math.min(LIMITS.embedDescription, LIMITS.embedTotal - embedLength(embed) - reserved);
  return { ...embed, description: shorten(`${intro ? `${intro}\n\n` : ''}${body}`, room) };
}

async function set(text: string, context: RunContext & { guildId: string }): Promise<Reply> {
  if (!context.canManageGuild) return notManagerReply('set the house definition');
  // Line breaks separate tiers and are shown as typed; any other character the replies would not show is refused.
  const unshown = unshownCharacter(text.split(LINE_BREAK).join(' '));
  if (unshown) return inputErrorReply(`The tiers have ${unshown} in them, which Discord shows as a blank or not at all; type them again without it.`, ACCEPTED, 'That house definition did not work');
  const parsed = parseHouseDefinition(text);
  if (!parsed.ok) return inputErrorReply(reasonMarkdown(parsed.parts), ACCEPTED, 'That house definition did not work');
  const record: HouseRecord = { text, setById: context.user.id, setByName: context.user.name, setAt: context.now };
  const previous = await context.store.setHouse(context.guildId, record);
  const intro = ['This server’s `/tier` now leads with it.', ...(previous ? [replacedLine(previous, text, context.user.id)] : []), ...milNotes(text, parsed.milCounts), ...typoNotes(text)].join('\n');
  // A definition replaced by another is shown, to be set back.
  const replacedText = previous && previous.text !== text ? previous.text : undefined;
  const embed = houseEmbed(previous ? 'House definition replaced' : 'House definition saved', record, intro, replacedText !== undefined ? codePointCount(REPLACED_PASTEABLE) + REPLACED_ROOM : 0);
  if (replacedText !== undefined) {
    const room = Math.min(LIMITS.fieldValue, LIMITS.embedTotal - embedLength(embed) - codePointCount(REPLACED_PASTEABLE));
    const replaced = toSetBack(replacedText, room);
    embed.fields = [...(embed.fields ?? []), { name: replaced.pasteable ? REPLACED_PASTEABLE : REPLACED, value: replaced.text }];
  }
  return { embeds: [embed], flags: MessageFlags.Ephemeral };
}

const REPLACED = 'Replaced definition';
/** Room kept for the replaced definition where the reply is long: enough for a short one to paste, or the start of a long one. */
const REPLACED_ROOM = 300;
const REPLACED_PASTEABLE = `${REPLACED}: to set it back, ${PASTE_INTO_SET_PLAIN}`;

/** Whose definition a /house set replaced, and when it was set, as /house show says it. */
function replacedLine(previous: HouseRecord, text: string, userId: string): string {
  const whose = `${previous.setById === userId ? 'you' : who(previous.setById, previous.setByName)} set on ${when(previous.setAt)}`;
  return previous.text === text ? `It replaces the same definition, which ${whose}.` : `It replaces the definition ${whose}, shown below.`;
}

/**
 * /tier's note on "mil" (a million in English shorthand, a thousand in Spanish and Portuguese),
 * when a count of the definition was written so; with the definition as it would read with
 * thousands, when that reads: as code to paste, or quoted, escaped, where it cannot be code.
 */
function milNotes(text: string, milCounts: readonly string[]): string[] {
  const note = milCounts[0] === undefined ? undefined : countReadingNote(milCounts[0]);
  if (note === undefined) return [];
  const inThousands = onOneLine(milCounts.reduce((so, count) => so.replaceAll(count, `${numberBeforeMil(count)}k`), text));
  if (!parseHouseDefinition(inThousands).ok) return [`ℹ️ ${note}`];
  return [`ℹ️ ${note} If you meant thousands, ${PASTE_INTO_SET}\n${fixToType(inThousands, ['“', '”'])}`];
}

/**
 * A note on tier names that look like slips in typing a tier's name ("mirco" for "micro"): saved as
 * typed, since a name may be meant, with the definition corrected to paste, as code where it can be.
 */
function typoNotes(text: string): string[] {
  const found = tierNameTypos(text);
  if (!found) return [];
  const fix = fixToType(onOneLine(found.corrected), ['“', '”']);
  const [only, ...more] = found.typos.map(({ written, meant }) => [teamTierName(written), teamTierName(meant)] as const);
  if (more.length === 0) {
    const [written, meant] = only!;
    return [`ℹ️ “${written}” looks like a typo for “${meant}”. It is saved as typed, so \`/tier\` shows “${written}”. To correct it, ${PASTE_INTO_SET}\n${fix}`];
  }
  const pairs = [only!, ...more].map(([written, meant]) => `“${written}” for “${meant}”`).join(', ');
  return [`ℹ️ These names look like typos: ${pairs}. They are saved as typed, so \`/tier\` shows them that way. To correct them, ${PASTE_INTO_SET}\n${fix}`];
}

async function show(context: RunContext & { guildId: string }): Promise<Reply> {
  const record = await context.store.house(context.guildId);
  if (!record) {
    return {
      embeds: [
        {
          title: 'No house definition yet',
          description: `This server has none, so \`/tier\` answers by the publishers alone. A member with ${MANAGE_SERVER} can set one:\n\`/house set tiers:${HOUSE_EXAMPLE}\``,
          color: NEUTRAL_COLOUR,
        },
      ],
      flags: MessageFlags.Ephemeral,
    };
  }
  const embed = houseEmbed('House definition', record);
  if (embedLength(embed) <= PUBLIC_TEXT_LIMIT) return { embeds: [embed] };
  // Any member may ask: a long definition is not posted to the whole channel.
  return { embeds: [{ ...embed, footer: { text: `${embed.footer!.text} ${LONG_DEFINITION_NOTE}` } }], flags: MessageFlags.Ephemeral };
}

const LONG_DEFINITION_NOTE = 'A long definition, so it is shown to you alone.';

async function clear(context: RunContext & { guildId: string }): Promise<Reply> {
  if (!context.canManageGuild) return notManagerReply('clear the house definition');
  const removed = await context.store.clearHouse(context.guildId);
  const publishersAlone = '`/tier` in this server now answers by the publishers alone.';
  return {
    embeds: [
      {
        title: removed ? 'House definition removed' : 'There was no house definition',
        description: removed ? `${publishersAlone}${removedText(removed, LIMITS.embedDescription - codePointCount(publishersAlone))}` : 'Nothing to remove.',
        color: NEUTRAL_COLOUR,
      },
    ],
    flags: MessageFlags.Ephemeral,
  };
}

/**
 * What a /house clear removed, with who set it when, ready to be set back if it was cleared by
 * mistake; within `room` characters.
 */
function removedText(removed: HouseRecord, room: number): string {
  const whose = `\n\nIt removed the definition ${who(removed.setById, removed.setByName)} set on ${when(removed.setAt)}.`;
  const pasteInto = ` To set it back, ${PASTE_INTO_SET}\n`;
  const gone = toSetBack(removed.text, room - codePointCount(whose) - codePointCount(pasteInto));
  return gone.pasteable ? `${whose}${pasteInto}${gone.text}` : `${whose} It read: ${gone.text}`;
}

async function exportHouse(context: RunContext & { guildId: string }): Promise<Reply> {
  if (!context.canManageGuild) return notManagerReply('export the house definition');
  const record = await context.store.house(context.guildId);
  const parsed = record ? parseHouseDefinition(record.text) : undefined;
  const data = {
    ...exportHeader('house', context),
    house: record
      ? {
          text: record.text,
          setBy: { id: record.setById, name: record.setByName },
          setAt: record.setAt.toISOString(),
          tiers: parsed?.ok
            ? parsed.tiers.map((t) => ({
                name: t.name,
                // A tier spanning every tier maps to no one tier.
                normal: t.spansEveryTier ? null : t.normal,
                ...(t.notInfluencer ? { belowInfluencerSize: true } : {}),
                ...(t.spansEveryTier ? { spansEveryTier: true } : {}),
                ...(t.namedByRange ? { namedByRange: true } : {}),
                min: t.min,
                max: t.max,
                stated: t.stated,
              }))
            : null,
        }
      : null,
  };
  return {
    embeds: [
      {
        title: 'House definition export',
        description: record
          ? 'Attached: `house.json`, the definition as written, its tiers, and who set it when. To use it in another server, paste the `text` value from `house.json` into `/house set tiers:` in that server.'
          : 'This server has no house definition; `house.json` says so.',
        color: NEUTRAL_COLOUR,
      },
    ],
    files: [jsonFile('house.json', data, 'This server’s house definition as JSON')],
    flags: MessageFlags.Ephemeral,
  };
}

export const house = slashCommand({
  definition,
  run(args, context) {
    const guildId = teamGuildId(context);
    if (guildId === undefined) return guildOnlyReply('House definitions', context);
    const ctx = { ...context, guildId };
    return orUnavailable(async () => {
      switch (args.subcommand) {
        case 'set':
          return set(args.tiers, ctx);
        case 'show':
          return show(ctx);
        case 'clear':
          return clear(ctx);
        case 'export':
          return exportHouse(ctx);
      }
    });
  },
});
