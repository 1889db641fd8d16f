/**
 * Which column is which, by the words of the header (in the languages exports come in): the count,
 * the name (or First and Last Name), the handle and the platform; the columns `count_column:` and
 * `name_column:` name; a platform or a unit the count column's header gives; and the columns of
 * an earlier tagging, which re-tagging replaces. New header words go here.
 */

import { COUNT_MULTIPLIERS, FOLLOWER_WORD, MIL_IS_THOUSAND_BEFORE, normaliseDigits } from '../followers';
import { KNOWN_PLATFORMS } from '../platforms';
import { unquoteCell } from './cells';
import { ADDED_COLUMNS, type ColumnOption, type CountUnit, type RosterColumns, type RosterError, type RosterOptions } from './types';

export const normaliseHeader = (h: string): string =>
  h
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[_\-./#()[\]:,;]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export const COUNT_EXACT = new Set(['followers', 'follower', 'follower count', 'followers count', 'followers total', 'total followers', 'subscribers', 'subscriber count', 'subs', 'audience', 'audience size', 'fans', 'abonnés', 'abonnenten', 'seguidores', 'follower anzahl']);
export const COUNT_WORD = new RegExp(String.raw`(?:^| )(?:${FOLLOWER_WORD}|audience)(?: |$)`, 'u');
const NAME_EXACT = new Set(['name', 'creator', 'creator name', 'handle', 'username', 'user name', 'influencer', 'influencer name', 'account', 'account name', 'talent', 'creator handle', 'full name', 'channel name', 'profile', 'nom', 'nombre', 'nome', 'naam', 'navn', 'namn', 'nazwa', 'isim']);
const NAME_WORD = /(?:^| )(?:name|handle|creator|influencer|username|account|talent)(?: |$)/;
const PLATFORM_EXACT = new Set(['platform', 'network', 'social network', 'social', 'social platform', 'site', 'plattform', 'plateforme', 'plataforma', 'red social']);
const PLATFORM_WORD = /(?:^| )(?:platform|network)(?: |$)/;
const FIRST_NAME = new Set(['first name', 'firstname', 'given name', 'vorname', 'prénom', 'prenom']);
const LAST_NAME = new Set(['last name', 'lastname', 'surname', 'family name', 'nachname', 'nom de famille', 'apellido', 'apellidos']);
const HANDLE_WORD = /(?:^| )(?:handle|username|user name)(?: |$)/;
/**
 * "Channel" is the platform in some marketing sheets (Instagram, TikTok) and the creator in
 * YouTube exports (Channel, Subscribers): its cells decide.
 */
const CHANNEL = 'channel';

/** A cell that names a platform Tierbot knows ("IG", "TikTok"). */
function namesPlatform(cell: string): boolean {
  const text = unquoteCell(cell).replace(/\s+/g, ' ').toLowerCase();
  return KNOWN_PLATFORMS.some((p) => p.name.toLowerCase() === text || p.aliases.includes(text));
}

/** Most of the column's filled cells name platforms. */
function looksLikePlatforms(cells: readonly string[]): boolean {
  const filled = cells.filter((c) => c.trim() !== '');
  return filled.length > 0 && filled.filter(namesPlatform).length * 2 >= filled.length;
}

export function bestColumn(header: string[], exact: Set<string>, word: RegExp, taken: (number | undefined)[]): number[] {
  const scored = header
    .map((h, i) => ({ i, n: normaliseHeader(h) }))
    .filter(({ i }) => !taken.includes(i))
    .map(({ i, n }) => ({ i, score: exact.has(n) ? 2 : word.test(n) ? 1 : 0 }))
    .filter((c) => c.score > 0);
  scored.sort((a, b) => b.score - a.score || a.i - b.i);
  return scored.map((c) => c.i);
}

/** A header naming a change in followers or a date, not how many there are: "Followers growth", "New followers", "Last updated", "Follower %". */
const CHANGE_OR_DATE = new RegExp(
  String.raw`(?:^| )(?:${[
    'growth|new|gained|gain|gains|lost|loss|change|changes|delta|increase|decrease|updated|date|rate|percent|percentage',
    // The same in the languages the count headers come in ("Follower-Wachstum", "Datum", "Croissance").
    'wachstum|zuwachs|neue|neu|gewonnen|gewonnene|veränderung|änderung|datum|aktualisiert',
    'croissance|nouveaux|gagnés|gagnes|variation|évolution|mis à jour',
    'crecimiento|nuevos|ganados|cambio|fecha|actualizado',
    'crescimento|novos|ganhos|variação|atualizado|data',
    'groei|nieuwe|erbij|crescita|nuovi|guadagnati|variazione',
  ].join('|')})(?: |$)`,
  'u',
);
const namesChangeOrDate = (header: string): boolean => header.includes('%') || CHANGE_OR_DATE.test(normaliseHeader(header));

/** The columns an option names: those with that header (any case, else as normalised), else the one with that number (from 1). */
export function columnsNamed(header: string[], given: string): number[] {
  const want = given.trim();
  const matching = (same: (h: string) => boolean) => header.flatMap((h, i) => (same(h) ? [i] : []));
  const exact = matching((h) => h.trim().toLowerCase() === want.toLowerCase());
  if (exact.length) return exact;
  const loose = matching((h) => normaliseHeader(h) === normaliseHeader(want));
  if (loose.length) return loose;
  const number = columnNumber(want);
  return number !== undefined && number <= header.length ? [number - 1] : [];
}

/** A column given by its number (1 for the first), in any digits ("２"), or undefined. */
export function columnNumber(given: string): number | undefined {
  const digits = normaliseDigits(given).trim();
  return /^\d{1,3}$/.test(digits) && Number(digits) >= 1 ? Number(digits) : undefined;
}

/** A column named like one Tierbot adds (exactly: a team's "Notes" or "Tier 2024" is its own). */
const isAddedColumn = (header: string): boolean => (ADDED_COLUMNS as readonly string[]).includes(header.trim());

/**
 * The columns a roster-tiers.csv uploaded again has from its last tagging, when all four added
 * columns are there: the last place they stand side by side in their order, as Tierbot writes
 * them; else (moved about in a spreadsheet) the last column of each name. A team's own "note" or
 * "tier" column before them, or on its own, is the team's data, kept.
 */
export function earlierTagging(header: readonly string[]): number[] {
  const named = (column: number, name: string) => header[column]?.trim() === name;
  if (!ADDED_COLUMNS.every((name) => header.some((_, i) => named(i, name)))) return [];
  for (let start = header.length - ADDED_COLUMNS.length; start >= 0; start--) {
    if (ADDED_COLUMNS.every((name, i) => named(start + i, name))) return ADDED_COLUMNS.map((_, i) => start + i);
  }
  return ADDED_COLUMNS.map((name) => header.findLastIndex((_, i) => named(i, name))).sort((a, b) => a - b);
}

/** The one column an option names, or why it names none or several, or one that is not read. */
export function columnOption(header: string[], option: ColumnOption, given: string | undefined): { ok: true; column: number | undefined } | { ok: false; error: RosterError } {
  if (given === undefined || given.trim() === '') return { ok: true, column: undefined };
  const named = columnsNamed(header, given);
  if (named.length === 1 && earlierTagging(header).includes(named[0]!)) return { ok: false, error: { kind: 'added-column', option, given, column: named[0]! } };
  if (named.length === 1) return { ok: true, column: named[0] };
  if (named.length === 0) return { ok: false, error: { kind: 'unknown-column', option, given, header } };
  return { ok: false, error: { kind: 'ambiguous-column', option, given, columns: named, header } };
}

/** Headers Tierbot knows by name: a first row with one of them is a header row. */
export function isKnownHeader(cell: string): boolean {
  const h = normaliseHeader(cell);
  return COUNT_EXACT.has(h) || NAME_EXACT.has(h) || PLATFORM_EXACT.has(h) || h === CHANNEL || isAddedColumn(cell);
}

function platformInHeader(header: string): string | undefined {
  const words = ` ${normaliseHeader(header)} `;
  for (const p of KNOWN_PLATFORMS) for (const alias of p.aliases) if (alias.length > 1 && words.includes(` ${alias} `)) return p.name;
  return undefined;
}

/** Spanish and Portuguese words for thousands in a header ("Seguidores (miles)"), which no cell's multiplier reads. */
const THOUSAND_WORDS = new Set(['miles', 'milhares']);

/**
 * The unit a multiplier word names ("tsd.", "mio", "millions"), as the cells' parser reads it:
 * "mil" as a cell under the same header reads it (`milIsThousand`), so "45" and "45 mil" agree.
 */
function unitOfWord(word: string, milIsThousand: boolean): CountUnit | undefined {
  const text = word.toLowerCase();
  if (THOUSAND_WORDS.has(text) || (text === 'mil' && milIsThousand)) return 'thousands';
  const multiplier = COUNT_MULTIPLIERS[text];
  return multiplier === 1_000 ? 'thousands' : multiplier === 1_000_000 ? 'millions' : undefined;
}

/**
 * "Followers (K)", "Audience (000s)", "Subscribers in millions", "Follower (Tsd.)", "Seguidores
 * (mil)": the unit a count column's numbers are in. "(mil)" is thousands under a Spanish or
 * Portuguese header, millions under any other.
 */
function unitInHeader(header: string): CountUnit | undefined {
  if (/\(\s*(?:in\s+)?(?:'?000s?)\s*\)|\s[k]$/i.test(header)) return 'thousands';
  if (/\(\s*(?:in\s+)?mm\s*\)|\s(?:m|mm)$/i.test(header)) return 'millions';
  for (const word of header.matchAll(/\(\s*(?:in\s+)?([^\s()\d]+)\s*\)|\bin\s+([^\s()\d]+)/gi)) {
    const unit = unitOfWord(word[1] ?? word[2]!, milIsThousandUnder(header));
    if (unit) return unit;
  }
  return undefined;
}

const MIL_IS_THOUSAND_HEADER = new RegExp(String.raw`(?:^| )${MIL_IS_THOUSAND_BEFORE}(?: |$)`);

/** A count column headed in Spanish or Portuguese ("Seguidores", "Inscritos"), where "45 mil" in a cell is 45 thousand. */
export function milIsThousandUnder(header: string): boolean {
  return MIL_IS_THOUSAND_HEADER.test(normaliseHeader(header));
}

/** `cellsOf(i)`: column i's cells in the data rows. */
export function findColumns(header: string[], cellsOf: (column: number) => string[], opts: RosterOptions): { ok: true; columns: RosterColumns } | { ok: false; error: RosterError } {
  const countOption = columnOption(header, 'count_column', opts.countColumn);
  if (!countOption.ok) return countOption;
  const nameOption = columnOption(header, 'name_column', opts.nameColumn);
  if (!nameOption.ok) return nameOption;
  const givenName = nameOption.column;
  const named = bestColumn(header, COUNT_EXACT, COUNT_WORD, [givenName]);
  // "New followers (30d)" or "Follower Count Last Updated" beside "Instagram Followers" is no count of followers.
  const plain = named.filter((i) => !namesChangeOrDate(header[i]!));
  const counts = plain.length ? plain : named;
  const count = countOption.column ?? counts[0];
  // name_column took the column count_column names, or the only one that looks like counts.
  const onlyCounts = count === undefined && givenName !== undefined && bestColumn(header, COUNT_EXACT, COUNT_WORD, []).includes(givenName);
  if (givenName !== undefined && (givenName === count || onlyCounts)) {
    return { ok: false, error: { kind: 'name-is-count', given: opts.nameColumn!, column: givenName, countColumnGiven: countOption.column !== undefined, header } };
  }
  if (count === undefined) return { ok: false, error: { kind: 'no-count-column', header } };
  const channel = header.findIndex((h, i) => normaliseHeader(h) === CHANNEL && i !== count && i !== givenName);
  const channelIsPlatform = channel >= 0 && looksLikePlatforms(cellsOf(channel));
  const platform = bestColumn(header, PLATFORM_EXACT, PLATFORM_WORD, [count, givenName])[0] ?? (channelIsPlatform ? channel : undefined);
  const channelIsName = channel >= 0 && channel !== platform && !channelIsPlatform;
  const found = givenName ?? bestColumn(header, NAME_EXACT, NAME_WORD, [count, platform])[0] ?? (channelIsName ? channel : undefined);
  // A First Name and a Last Name column are one name, whichever comes first (unless name_column picks one).
  const nameAs = (names: Set<string>) => header.findIndex((h, i) => names.has(normaliseHeader(h)) && i !== count && i !== platform);
  const [first, last] = [nameAs(FIRST_NAME), nameAs(LAST_NAME)];
  const split = givenName === undefined && first >= 0 && last >= 0 && (found === first || found === last);
  const name = split ? first : found;
  const handle = header.findIndex((h, i) => HANDLE_WORD.test(normaliseHeader(h)) && i !== count && i !== platform && i !== name);
  return {
    ok: true,
    columns: {
      count,
      name,
      lastName: split ? last : undefined,
      handle: handle >= 0 ? handle : undefined,
      platform,
      otherCounts: counts.filter((i) => i !== count && i !== name),
      headerPlatform: platform === undefined ? platformInHeader(header[count]!) : undefined,
      countUnit: unitInHeader(header[count]!),
    },
  };
}
