/**
 * /house set | show | clear | export — the server's own ("house") tier definition. For managers:
 * the command is registered with Manage Server as its default permission, and every write checks
 * the member's permission again (a server can override the default). Guild install, servers only.
 *
 * Also the small helpers the team-settings commands (/house, /term, /plans) share: the replies for
 * a DM, a missing permission and a database that is down, and user text escaped to fit a limit.
 */

import { ApplicationCommandOptionType, MessageFlags, type APIEmbed, type APIEmbedField } from 'discord-api-types/v10';
import { LIMITS } from '../interactions/limits';
import { formatCount } from '../domain/format';
import { formatHouseDefinition, formatHousePlacement, HOUSE_EXAMPLE, houseTierFor, MAX_HOUSE_TEXT, MAX_TIER_NAME, parseHouseDefinition, type HouseTier, type ReasonPart } from '../domain/house';
import { ACCEPTED_FORMS } from '../domain/followers';
import { TIER_LABELS } from '../domain/tier-style';
import { StoreRefusedError, StoreUnavailableError, type HouseRecord } from '../store/types';
import { ERROR_COLOUR, inputErrorReply, linesToFields, NEUTRAL_COLOUR, quoteUserText, truncate, unshownCharacter, withoutInvisible } from './embeds';
import { slashCommand, type ChatInputDefinition, type Reply, type RunContext, SERVER_ONLY } from './types';

// ── Shared by /house, /term and /plans ───────────────────────────────────────────────────────

/** Discord's name for the permission these commands need. */
export const MANAGE_SERVER = 'Manage Server';

/** User text, escaped (no markdown, no mentions, one line) and within `max` characters after escaping. */
export function shownText(text: string, max: number): string {
  const visible = withoutInvisible(text);
  let room = max;
  for (;;) {
    const quoted = quoteUserText(cutToRoom(visible, room), room);
    if (quoted.length <= max || room <= 1) return quoted.slice(0, max);
    room = Math.max(1, Math.floor((room * max) / quoted.length) - 1);
  }
}

/**
 * Text within `room` characters: cut at a word (truncate), or inside one when the words that fit
 * would keep less than half the room. A name such as "P5 *_~`|>*_~…" is one short word and one
 * long one: cut at a word, all it would show is "P5…", which names nothing.
 */
function cutToRoom(text: string, room: number): string {
  if (text.length <= room) return text;
  const atWord = truncate(text, room);
  if (atWord.length * 2 >= room) return atWord;
  // Never half of a surrogate pair.
  return `${text.slice(0, room - 1).replace(/[\uD800-\uDBFF]$/, '')}…`;
}

/**
 * The server whose team settings an interaction may read and change: the one it happened in, once
 * that server has added Tierbot. None in a DM, nor where a member runs Tierbot from their own apps
 * in a server that has not added it (Discord offers the team commands only to the server install;
 * the bot checks it too).
 */
export function teamGuildId(context: Pick<RunContext, 'guildId' | 'guildInstalled'>): string | undefined {
  return context.guildInstalled ? context.guildId : undefined;
}

/** Why there is no team server here (teamGuildId): a DM, or a server that has not added Tierbot. */
export function guildOnlyReply(what: string, context: Pick<RunContext, 'guildId'>): Reply {
  if (context.guildId !== undefined) {
    return inputErrorReply(
      `${what} belong to a server that has added Tierbot. Here Tierbot runs from your own apps, so they are not available.`,
      'ask someone with Manage Server to add Tierbot to this server.',
      'Tierbot is not added to this server',
    );
  }
  return {
    embeds: [
      {
        title: 'Only in a server',
        description: `${what} belong to a server, so this works only in one, not in a DM. Run it in a channel of the server whose settings you mean.`,
        color: ERROR_COLOUR,
      },
    ],
    flags: MessageFlags.Ephemeral,
    inputError: true,
  };
}

export function notManagerReply(action: string): Reply {
  return {
    embeds: [
      {
        title: `You need the ${MANAGE_SERVER} permission`,
        description: `Only members with **${MANAGE_SERVER}** can ${action} in this server. Ask someone who has it.`,
        color: ERROR_COLOUR,
      },
    ],
    flags: MessageFlags.Ephemeral,
    inputError: true,
  };
}

export function unavailableReply(): Reply {
  return {
    embeds: [
      {
        title: 'Team settings are unavailable right now',
        description:
          "The settings are unavailable right now: the bot can't reach its database. If you were changing a setting, nothing was changed. " +
          'Try again in a minute; `/tier`, `/tiers`, `/compare` and `/glossary` still answer from the publishers.',
        color: ERROR_COLOUR,
      },
    ],
    flags: MessageFlags.Ephemeral,
    unavailable: true,
  };
}

/** Runs a settings action, answering "unavailable" when the database is down. */
export async function orUnavailable(action: () => Promise<Reply>): Promise<Reply> {
  try {
    return await action();
  } catch (err) {
    if (err instanceof StoreUnavailableError) return unavailableReply();
    // A value the database cannot keep (a NUL character): that write alone is refused.
    if (err instanceof StoreRefusedError) return inputErrorReply(`Nothing was changed: a value ${err.reason}.`, 'text without control characters.', 'Not saved');
    throw err;
  }
}

/** A Discord timestamp: each reader sees it in their own time zone. */
export function when(date: Date): string {
  return `<t:${Math.floor(date.getTime() / 1000)}:f>`;
}

/** "**name** (<@id>)": the name escaped; a mention inside an embed never pings. */
export function who(id: string, name: string): string {
  const mention = /^\d{1,20}$/.test(id) ? ` (<@${id}>)` : '';
  return `**${shownText(name, 80)}**${mention}`;
}

export function jsonFile(name: string, value: unknown): { name: string; data: Buffer } {
  return { name, data: Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8') };
}

// ── For /tier, /tiers, /roster and the message command: the server's house definition, if any ──

export type HouseLookup =
  | { kind: 'none' }
  /** The database failed or was slow: answer by the publishers, with one line saying so. */
  | { kind: 'unavailable' }
  /** The stored text no longer reads as tiers: a manager must set it again. */
  | { kind: 'unreadable' }
  | { kind: 'set'; tiers: readonly HouseTier[]; record: HouseRecord };

/** How long an answer waits for the house definition before going on without it. */
export const HOUSE_LOOKUP_TIMEOUT_MS = 1_000;

export const HOUSE_UNAVAILABLE_LINE = 'Your house definition is unavailable right now, so this answer follows the publishers.';
export const HOUSE_UNREADABLE_LINE = 'Your house definition could not be read; ask a manager to set it again with /house set.';

/**
 * The house definition where the interaction happened: none in a DM or a server without one;
 * 'unavailable' when the store fails or takes longer than `timeoutMs`. It never throws: the answer
 * by the publishers is right without it, and the store logs its own failures.
 */
export async function lookUpHouse(context: Pick<RunContext, 'guildId' | 'store'>, timeoutMs = HOUSE_LOOKUP_TIMEOUT_MS): Promise<HouseLookup> {
  if (context.guildId === undefined) return { kind: 'none' };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), timeoutMs);
  });
  try {
    const record = await Promise.race([context.store.house(context.guildId), late]);
    if (record === 'late') return { kind: 'unavailable' };
    if (!record) return { kind: 'none' };
    const parsed = parseHouseDefinition(record.text);
    return parsed.ok ? { kind: 'set', tiers: parsed.tiers, record } : { kind: 'unreadable' };
  } catch {
    return { kind: 'unavailable' };
  } finally {
    clearTimeout(timer);
  }
}

/** The one line an answer shows when the house definition can't be used; undefined when there is none. */
export function houseProblemLine(found: HouseLookup): string | undefined {
  if (found.kind === 'unavailable') return HOUSE_UNAVAILABLE_LINE;
  if (found.kind === 'unreadable') return HOUSE_UNREADABLE_LINE;
  return undefined;
}

const PLAIN_WORDS = /^[\p{L}\p{N} -]+$/u;

/**
 * A team's tier name for an embed: plain words (letters, digits, spaces, hyphens) as they are,
 * anything else escaped, since it is the team's text. 32 characters let two fit /tier's house line.
 */
export function teamTierName(name: string, max = 32): string {
  return name.length <= max && PLAIN_WORDS.test(name) ? name : shownText(name, max);
}
const houseTierName = (tier: HouseTier) => teamTierName(tier.name);

/** Where a count falls: "micro (10k–75k)", "below nano (1k–10k), the lowest house tier", …, names escaped. */
export function housePlacementText(tiers: readonly HouseTier[], count: number): string {
  return formatHousePlacement(houseTierFor(tiers, count), houseTierName);
}

/** Room for /tier's house line: two tiers with long names and long numbers still fit. */
export const HOUSE_ANSWER_ROOM = 160;
/** Room for /tiers' house line. */
export const HOUSE_DEFINITION_ROOM = 300;
/** Rooms tried for each tier name, longest first, when a house line is too long. */
const NAME_ROOMS = [32, 24, 16, 12, 8] as const;

const yourHouse = (body: string) => `**Your house definition: ${body}**`;

/**
 * "**Your house definition: micro (10k–75k)**", for /tier, within `max` characters. When it is too
 * long, the team's names are shortened (each at a word, with "…", before the markdown goes round
 * them), so the numbers stay whole and the bold is always closed.
 */
export function houseAnswerLine(tiers: readonly HouseTier[], count: number, max = HOUSE_ANSWER_ROOM): string {
  const placement = houseTierFor(tiers, count);
  let line = '';
  for (const room of NAME_ROOMS) {
    line = yourHouse(formatHousePlacement(placement, (tier) => teamTierName(tier.name, room)));
    if (line.length <= max) return line;
  }
  return fitMarkdownLine(line, max);
}

/**
 * "**Your house definition: nano 1k–10k, micro 10k–75k, …**", for /tiers, names escaped. A
 * definition too long for `max` shows its first tiers whole and ends ", …" inside the bold.
 */
export function houseDefinitionLine(tiers: readonly HouseTier[], max = HOUSE_DEFINITION_ROOM): string {
  let line = '';
  for (let shown = tiers.length; shown > 0; shown--) {
    const more = shown < tiers.length ? ', …' : '';
    line = yourHouse(`${formatHouseDefinition(tiers.slice(0, shown), houseTierName)}${more}`);
    if (line.length <= max) return line;
  }
  return fitMarkdownLine(line, max);
}

/** How many `**` marks the text has, not counting escaped asterisks (`\*`). */
function boldMarks(text: string): number {
  let marks = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '*' && text[i + 1] === '*') {
      marks++;
      i++;
    }
  }
  return marks;
}

/**
 * A line of markdown within `max` characters, for text already built: cut at a space (so never
 * inside a number or an escape such as `\*`), ended with "…", and bold closed if the cut left it
 * open. Lines built here shorten their text before adding markdown; this is the last resort.
 */
export function fitMarkdownLine(line: string, max: number): string {
  if (line.length <= max) return line;
  for (let cut = line.lastIndexOf(' ', max); cut > 0; cut = line.lastIndexOf(' ', cut - 1)) {
    // Trailing separators go, but not an escaped one ("\-" stays whole).
    const kept = line.slice(0, cut).replace(/(?<!\\)[\s,;:·–—(-]+$/u, '');
    const shortened = `${kept}…${boldMarks(kept) % 2 === 1 ? '**' : ''}`;
    if (kept !== '' && shortened.length <= max) return shortened;
  }
  return '…'.slice(0, Math.max(0, max));
}

// ── /house ───────────────────────────────────────────────────────────────────────────────────

export const definition = {
  name: 'house',
  description: "Your team's own tier definition, shown first in /tier and /tiers",
  default_member_permissions: '32',
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
  `each tier as a name and a range, separated by commas: \`${HOUSE_EXAMPLE}\`. ` +
  `Counts as in /tier (${ACCEPTED_FORMS}); a range with a hyphen, en dash or "to"; open ends as \`1M+\` or \`up to 10k\`; ` +
  'a real gap written as `gap` between two tiers.';

/** What a tier reaching from below influencer size into mega maps to (`everyone 0+`). */
const EVERY_TIER = `every tier, from below influencer size to ${TIER_LABELS.mega}`;

function tierLines(tiers: readonly HouseTier[]): string[] {
  const lines: string[] = [];
  tiers.forEach((tier, i) => {
    const prev = tiers[i - 1];
    if (prev && prev.max !== null && tier.min > prev.max + 1) lines.push(`*gap: ${formatCount(prev.max + 1)}–${formatCount(tier.min - 1)} is in no tier*`);
    const range = tier.max === null ? `${formatCount(tier.min)} and up` : `${formatCount(tier.min)}–${formatCount(tier.max)}`;
    const mapped = tier.spansEveryTier ? EVERY_TIER : tier.notInfluencer ? 'below influencer size' : TIER_LABELS[tier.normal];
    // Whole, escaping included (every character may be escaped or two UTF-16 units).
    lines.push(`**${shownText(tier.name, 2 * MAX_TIER_NAME)}** (${tier.stated}) → ${mapped} · counts ${range}`);
  });
  return lines;
}

/**
 * Why a definition was refused, for an embed: Tierbot's words as they are, the team's own text
 * escaped (a tier name never formats or pings), and a suggested fix as a code span, shown as typed.
 */
export function reasonMarkdown(parts: readonly ReasonPart[]): string {
  return parts
    .map((part) => {
      switch (part.kind) {
        case 'ours':
          return part.text;
        case 'theirs':
          return teamTierName(part.text, 60);
        case 'code':
          // A backtick in a team's name would end the span early.
          return `\`${part.text.replace(/`/g, "'")}\``;
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

function houseEmbed(title: string, record: HouseRecord, intro?: string): APIEmbed {
  const parsed = parseHouseDefinition(record.text);
  const body = parsed.ok
    ? tierLines(parsed.tiers).join('\n')
    : `The stored definition no longer reads as tiers (${reasonMarkdown(parsed.parts)}); set it again with \`/house set\`.`;
  return {
    title,
    description: truncate(`${intro ? `${intro}\n\n` : ''}${body}`, LIMITS.embedDescription),
    color: NEUTRAL_COLOUR,
    fields: [
      ...asWrittenFields(record.text),
      { name: 'Set by', value: `${who(record.setById, record.setByName)} on ${when(record.setAt)}` },
    ],
    footer: { text: 'A count on a shared boundary belongs to the higher tier, as in /tier. /tier and /tiers show this definition first.' },
  };
}

async function set(text: string, context: RunContext & { guildId: string }): Promise<Reply> {
  if (!context.canManageGuild) return notManagerReply('set the house tier definition');
  // Line breaks separate tiers and are shown as typed; any other character the replies would not show is refused.
  const unshown = unshownCharacter(text.split(LINE_BREAK).join(' '));
  if (unshown) return inputErrorReply(`The tiers have ${unshown} in them, which Discord shows as a blank or not at all; type them again without it.`, ACCEPTED, 'That house definition did not work');
  const parsed = parseHouseDefinition(text);
  if (!parsed.ok) return inputErrorReply(reasonMarkdown(parsed.parts), ACCEPTED, 'That house definition did not work');
  const record: HouseRecord = { text, setById: context.user.id, setByName: context.user.name, setAt: context.now };
  await context.store.setHouse(context.guildId, record);
  return { embeds: [houseEmbed('House definition saved', record, 'This server’s `/tier` now leads with it.')], flags: MessageFlags.Ephemeral };
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
  return { embeds: [houseEmbed('House tier definition', record)] };
}

async function clear(context: RunContext & { guildId: string }): Promise<Reply> {
  if (!context.canManageGuild) return notManagerReply('clear the house tier definition');
  const removed = await context.store.clearHouse(context.guildId);
  return {
    embeds: [
      {
        title: removed ? 'House definition removed' : 'There was no house definition',
        description: removed ? '`/tier` in this server now answers by the publishers alone.' : 'Nothing to remove.',
        color: NEUTRAL_COLOUR,
      },
    ],
    flags: MessageFlags.Ephemeral,
  };
}

async function exportHouse(context: RunContext & { guildId: string }): Promise<Reply> {
  if (!context.canManageGuild) return notManagerReply('export the house tier definition');
  const record = await context.store.house(context.guildId);
  const parsed = record ? parseHouseDefinition(record.text) : undefined;
  const data = {
    kind: 'tierbot.house',
    version: 1,
    guildId: context.guildId,
    exportedAt: context.now.toISOString(),
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
        description: record ? 'Attached: `house.json`, the definition as written, its tiers, and who set it when.' : 'This server has no house definition; `house.json` says so.',
        color: NEUTRAL_COLOUR,
      },
    ],
    files: [jsonFile('house.json', data)],
    flags: MessageFlags.Ephemeral,
  };
}

export const house = slashCommand({
  definition,
  run(args, context) {
    const guildId = teamGuildId(context);
    if (guildId === undefined) return guildOnlyReply('House tier definitions', context);
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
