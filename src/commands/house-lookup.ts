/**
 * The server's house definition as other answers show it (/tier, /tiers, /glossary, /compare,
 * /roster and the message command): looked up without ever failing the answer, and written in
 * one line that fits the room each reply gives it.
 */

import { codePointCount, headOf } from '../domain/format';
import { formatHouseDefinition, formatHousePlacement, houseTierFor, MAX_TIER_NAME, parseHouseDefinition, type HouseTier } from '../domain/house';
import { TIER_LABELS } from '../domain/tier-style';
import type { HouseRecord } from '../store/types';
import { shownText } from './team-settings';
import type { RunContext } from './types';

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
 * The house definition of the server where the interaction happened, whichever install it came
 * through: a member running Tierbot from their own apps there gets their team's tiers too (only
 * writing them needs the server install, as /house says). None in a DM or a server without one;
 * 'unavailable' when the store fails or takes longer than `timeoutMs`. It never throws: the answer
 * by the publishers is right without it, and the store logs its own failures.
 */
export async function lookUpHouse(context: Pick<RunContext, 'guildId' | 'store'>, timeoutMs = HOUSE_LOOKUP_TIMEOUT_MS): Promise<HouseLookup> {
  const guildId = context.guildId;
  if (guildId === undefined) return { kind: 'none' };
  try {
    const record = await readWithin(context.store.house(guildId), timeoutMs);
    if (record === 'late') return { kind: 'unavailable' };
    if (!record) return { kind: 'none' };
    const parsed = parseHouseDefinition(record.text);
    return parsed.ok ? { kind: 'set', tiers: parsed.tiers, record } : { kind: 'unreadable' };
  } catch {
    return { kind: 'unavailable' };
  }
}

/**
 * What `read` gives, or 'late' once `timeoutMs` have passed: an answer that is right without the
 * team's settings does not wait on a slow database for them.
 */
export async function readWithin<T>(read: Promise<T>, timeoutMs: number): Promise<T | 'late'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), timeoutMs);
  });
  try {
    return await Promise.race([read, late]);
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
 * Room for any name a house definition accepts, shown whole: MAX_TIER_NAME characters (code
 * points, as Discord counts them: an emoji is one), each of which may take two once escaped ("*"
 * is shown as "\*").
 */
export const WHOLE_TIER_NAME = 2 * MAX_TIER_NAME;

/**
 * A team's tier name for an embed: plain words (letters, digits, spaces, hyphens) as they are,
 * anything else escaped, since it is the team's text. Whole by default; a caller whose room is
 * bounded by a limit gives a smaller `max`, and the name is cut at a word with "…".
 */
export function teamTierName(name: string, max = WHOLE_TIER_NAME): string {
  return codePointCount(name) <= max && PLAIN_WORDS.test(name) ? name : shownText(name, max);
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
/** Rooms tried for each tier name, longest first (whole), when a house line is too long. */
const NAME_ROOMS = [WHOLE_TIER_NAME, 32, 24, 16, 12, 8] as const;

/** "**Your house definition: …**": how every answer leads with the team's reading. */
export const yourHouse = (body: string) => `**Your house definition: ${body}**`;

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
    if (codePointCount(line) <= max) return line;
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
    if (codePointCount(line) <= max) return line;
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
  if (codePointCount(line) <= max) return line;
  for (let cut = line.lastIndexOf(' ', headOf(line, max).length); cut > 0; cut = line.lastIndexOf(' ', cut - 1)) {
    // Trailing separators go, but not an escaped one ("\-" stays whole).
    const kept = line.slice(0, cut).replace(/(?<!\\)[\s,;:·–—(-]+$/u, '');
    const shortened = `${kept}…${boldMarks(kept) % 2 === 1 ? '**' : ''}`;
    if (kept !== '' && codePointCount(shortened) <= max) return shortened;
  }
  return '…'.slice(0, Math.max(0, max));
}

/** What a tier reaching from below influencer size into mega maps to (`everyone 0+`). */
const EVERY_TIER = `every tier, from below influencer size to ${TIER_LABELS.mega}`;

/** What a house tier reads as beside the publishers' tiers: "micro", "below influencer size", "every tier, …". */
export function houseTierMapping(tier: HouseTier): string {
  if (tier.spansEveryTier) return EVERY_TIER;
  return tier.notInfluencer ? 'below influencer size' : TIER_LABELS[tier.normal];
}
