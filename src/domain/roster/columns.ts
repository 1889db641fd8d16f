/**
 * Which column is which, by the words of the header (in the languages exports come in): the count,
 * the name (or First and Last Name), the handle and the platform; by the cells where the header
 * says nothing of them (a column of platform names, the counts of a file without a header row);
 * the columns `count_column:` and `name_column:` name; a platform or a unit the count column's
 * header gives; and the columns of an earlier tagging, which re-tagging replaces. New header words
 * go here.
 */

import { COUNT_MULTIPLIERS, FOLLOWER_WORD, MIL_IS_THOUSAND_BEFORE, normaliseDigits } from '../followers';
import { KNOWN_PLATFORMS } from '../platforms';
import { readCount } from '../spreadsheet-count';
import { namesPlatform, unquoteCell } from './cells';
import { ADDED_COLUMNS, type ColumnOption, type CountUnit, type RosterColumns, type RosterError, type RosterOptions } from './types';

export const normaliseHeader = (h: string): string =>
  h
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[_\-./#()[\]:,;]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const COUNT_EXACT = new Set(['followers', 'follower', 'follower count', 'followers count', 'followers total', 'total followers', 'subscribers', 'subscriber count', 'subs', 'audience', 'audience size', 'fans', 'abonnés', 'abonnenten', 'seguidores', 'follower anzahl']);
const FOLLOWER_HEADER = new RegExp(String.raw`(?:^| )${FOLLOWER_WORD}(?: |$)`, 'u');
/** "Audience" counts followers in some exports ("Audience size") and describes them in others ("Audience Country"): a follower word says more. */
const AUDIENCE_HEADER = /(?:^| )audience(?: |$)/u;

/** A pattern matching any of the words (alternations, one string a language) as a whole word of a normalised header. */
function anyWord(words: readonly string[]): RegExp {
  return new RegExp(String.raw`(?:^| )(?:${words.join('|')})(?: |$)`, 'u');
}

/**
 * A header about who the followers are, not how many: where they live, how old they are, how
 * real, how engaged ("Top Audience Country", "Audience Age 18-24", "Audience Quality Score",
 * "Follower Credibility", "Audience Engagement Rate"), in the languages exports come in.
 */
const AUDIENCE_MAKEUP = anyWord([
  'countr(?:y|ies)|locations?|cit(?:y|ies)|ages?|genders?|male|female|credibility|quality|score|rate|engagement|er|percent|percentage|demographics?|interests?|languages?',
  'land|länder|alter|geschlecht|qualität|glaubwürdigkeit|engagementrate',
  'pays|âge|genre|qualité|crédibilité|taux',
  'país|países|edad|género|calidad|credibilidad|tasa',
  'idade|gênero|qualidade|credibilidade|taxa',
  'paese|età|sesso|qualità|credibilità|tasso',
]);
const describesFollowers = (header: string): boolean => header.includes('%') || AUDIENCE_MAKEUP.test(normaliseHeader(header));

/**
 * The columns whose headers name a follower count, best first: a follower word before "audience",
 * and of each, a count header as it is ("Followers", "Audience size") before one with more words
 * ("Instagram Followers", "Audience reach"); never one about who the followers are
 * (describesFollowers).
 */
export function countColumns(header: readonly string[], taken: readonly (number | undefined)[]): number[] {
  const scoreOf = (h: string): number => {
    const n = normaliseHeader(h);
    const exact = COUNT_EXACT.has(n);
    if (!exact && describesFollowers(h)) return 0;
    const byWord = FOLLOWER_HEADER.test(n) ? 2 : AUDIENCE_HEADER.test(n) ? 1 : 0;
    return byWord === 0 ? 0 : 2 * byWord + (exact ? 1 : 0);
  };
  return ranked(header.map((h, i) => ({ i, score: taken.includes(i) ? 0 : scoreOf(h) })));
}

const NAME_EXACT = new Set(['name', 'creator', 'creator name', 'handle', 'username', 'user name', 'influencer', 'influencer name', 'account', 'account name', 'talent', 'creator handle', 'full name', 'channel name', 'profile', 'nom', 'nombre', 'nome', 'naam', 'navn', 'namn', 'nazwa', 'isim']);
const NAME_WORD = /(?:^| )(?:name|handle|creator|influencer|username|account|talent)(?: |$)/;
/** The platform column's headers, in the languages exports come in ("Plattform", "Réseau social", "Rede social"). */
const PLATFORM_EXACT = new Set([
  'platform', 'platforms', 'network', 'networks', 'social', 'social network', 'social networks', 'social media', 'social platform', 'social platforms', 'social channel', 'social channels', 'medium', 'site',
  'plattform', 'plattformen', 'netzwerk', 'netzwerke', 'soziales netzwerk', 'soziale netzwerke', 'soziale medien',
  'plateforme', 'plateformes', 'réseau', 'réseaux', 'réseau social', 'réseaux sociaux',
  'plataforma', 'plataformas', 'red social', 'redes sociales', 'rede social', 'redes sociais',
  'piattaforma', 'piattaforme', 'rete social', 'netwerk', 'sociaal netwerk', 'social media platform', 'social media platforms',
]);
/**
 * A platform word among others ("Primary Platform", "Platform used"): singular, as a header naming
 * the row's one platform writes it. A plural ("Platforms") is the platform column only as the whole
 * header (PLATFORM_EXACT): among other words it lists more ("Other platforms", "Platforms active on").
 */
const PLATFORM_WORD = /(?:^| )(?:platform|network|plattform|netzwerk|plateforme|réseau|plataforma|piattaforma)(?: |$)/u;
/**
 * A header about platforms besides the row's own ("Other platform", "Additional networks", "Also
 * on", "Weitere Plattformen"): its cells name platforms, but not the one the row's count is on.
 */
const OTHER_THAN_OWN = /(?:^| )(?:other|others|additional|secondary|extra|more|further|also|alternative|weitere|andere|autres?|otras?|otros?|outras?|outros?|altre|altri|altro)(?: |$)/u;
const FIRST_NAME = new Set(['first name', 'firstname', 'given name', 'vorname', 'prénom', 'prenom']);
const LAST_NAME = new Set(['last name', 'lastname', 'surname', 'family name', 'nachname', 'nom de famille', 'apellido', 'apellidos']);
const HANDLE_WORD = /(?:^| )(?:handle|username|user name)(?: |$)/;
/**
 * "Channel" (German "Kanal", French and Spanish "canal", Italian "canale") is the platform in some
 * marketing sheets (Instagram, TikTok) and the creator in YouTube exports (Channel, Subscribers):
 * its cells decide.
 */
const CHANNEL = new Set(['channel', 'kanal', 'canal', 'canale']);

/** A cell that is an "x" mark (approved, posted), or Twitter's "X". */
const isX = (cell: string): boolean => unquoteCell(cell).toLowerCase() === 'x';

/**
 * Most of the column's filled cells name platforms, and not only as "x": a column of x marks
 * (approved, posted) names no platform, though "X" is Twitter's. For a "Channel" column, whose
 * header says it names the platform or the creator.
 */
function looksLikePlatforms(cells: readonly string[]): boolean {
  const filled = cells.filter((c) => c.trim() !== '');
  const platforms = filled.filter(namesPlatform);
  return platforms.length * 2 >= filled.length && platforms.some((c) => !isX(c));
}

/** The share of a column's filled cells that may be other text, when only its cells tell it is the platform column ("n/a", a typo). */
const NOT_PLATFORMS_AT_MOST = 0.1;

/**
 * A column its cells alone show to be the platform column, its header saying nothing of it: (nearly)
 * every filled cell names a platform, and the x marks are no more than the other names (a column
 * of x marks with one "YT" is marks); three such cells at least, or else every filled cell a
 * platform, two at least or one in every row. A "Notes" column of "Instagram", "TikTok" and "call
 * back", or a "Contact via" one with "email" among them, is none.
 */
function holdsPlatforms(cells: readonly string[]): boolean {
  const filled = cells.filter((c) => c.trim() !== '');
  const platforms = filled.filter(namesPlatform);
  const marks = platforms.filter(isX).length;
  const onlyPlatforms = platforms.length === filled.length && (platforms.length >= 2 || filled.length === cells.length);
  const enough = platforms.length >= 3 || onlyPlatforms;
  return enough && filled.length - platforms.length <= filled.length * NOT_PLATFORMS_AT_MOST && marks <= platforms.length - marks;
}

/** The columns of a score above 0, the highest first (the leftmost of equal ones). */
function ranked(scored: readonly { i: number; score: number }[]): number[] {
  return scored
    .filter((c) => c.score > 0)
    .toSorted((a, b) => b.score - a.score || a.i - b.i)
    .map((c) => c.i);
}

/** The columns whose headers are one of `exact` (first) or have `word`, but those `taken` and those whose header `unless` matches. */
function bestColumn(header: readonly string[], exact: Set<string>, word: RegExp, taken: readonly (number | undefined)[], unless?: RegExp): number[] {
  const scoreOf = (h: string) => (exact.has(h) ? 2 : word.test(h) && !unless?.test(h) ? 1 : 0);
  return ranked(header.map((h, i) => ({ i, score: taken.includes(i) ? 0 : scoreOf(normaliseHeader(h)) })));
}

/** A header naming a change in followers or a date, not how many there are: "Followers growth", "New followers", "Last updated", "Follower %". */
const CHANGE_OR_DATE = anyWord([
  'growth|new|gained|gain|gains|lost|loss|change|changes|delta|increase|decrease|updated|date|rate|percent|percentage',
  // The same in the languages the count headers come in ("Follower-Wachstum", "Datum", "Croissance").
  'wachstum|zuwachs|neue|neu|gewonnen|gewonnene|veränderung|änderung|datum|aktualisiert',
  'croissance|nouveaux|gagnés|gagnes|variation|évolution|mis à jour',
  'crecimiento|nuevos|ganados|cambio|fecha|actualizado',
  'crescimento|novos|ganhos|variação|atualizado|data',
  'groei|nieuwe|erbij|crescita|nuovi|guadagnati|variazione',
]);
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
  return COUNT_EXACT.has(h) || NAME_EXACT.has(h) || PLATFORM_EXACT.has(h) || CHANNEL.has(h) || isAddedColumn(cell);
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

/** A cell that reads as a follower count, as a spreadsheet writes one (the column's own unit and decimal mark aside). */
export const readsAsCount = (cell: string): boolean => readCount(unquoteCell(cell)).ok;

/** Most of the column's filled cells read as follower counts. */
export function holdsCounts(cells: readonly string[]): boolean {
  const filled = cells.filter((c) => c.trim() !== '');
  return filled.length > 0 && filled.filter(readsAsCount).length * 2 >= filled.length;
}

/** What Tierbot names column i (from 0) of a file without a header row, in the reply and in roster-tiers.csv. */
export const numberedColumn = (i: number): string => `column ${i + 1}`;

/**
 * A header of numbered columns (the earlier tagging's columns aside), as Tierbot names a file's
 * columns when it has no header row and writes them into roster-tiers.csv: it says nothing of
 * which column holds what, so the cells tell.
 */
function isNumberedHeader(header: readonly string[], replaced: readonly number[]): boolean {
  const own = header.filter((_, i) => !replaced.includes(i)).map((h) => h.trim());
  return own.some((h) => h !== '') && own.every((h, i) => h === numberedColumn(i) || h === '');
}

/** A header naming who the creator is: a name, a handle, a first or last name. */
function namesCreator(header: string): boolean {
  const h = normaliseHeader(header);
  return NAME_EXACT.has(h) || NAME_WORD.test(h) || HANDLE_WORD.test(h) || FIRST_NAME.has(h) || LAST_NAME.has(h);
}

/**
 * The first column of platform names ("Instagram", "TikTok"), whatever its header says: one a
 * header word did not find ("Where", "Canal de difusión", none), but not one `taken`, a column of
 * names or counts by its header, nor one of platforms besides the row's own ("Other platforms").
 */
function platformByCells(header: readonly string[], cellsOf: (column: number) => string[], taken: readonly (number | undefined)[]): number | undefined {
  const counts = countColumns(header, []);
  const found = header.findIndex((h, i) => !taken.includes(i) && !counts.includes(i) && !namesCreator(h) && !OTHER_THAN_OWN.test(normaliseHeader(h)) && holdsPlatforms(cellsOf(i)));
  return found >= 0 ? found : undefined;
}

/**
 * The name column of a file without a header row: its first column of text, neither the counts nor
 * the platforms (nor an earlier tagging's), so that total rows and repeats are told as under a "Name".
 */
function firstTextColumn(header: readonly string[], cellsOf: (column: number) => string[], taken: readonly (number | undefined)[]): number | undefined {
  const found = header.findIndex((_, i) => {
    const cells = cellsOf(i);
    return !taken.includes(i) && cells.some((c) => c.trim() !== '') && !holdsCounts(cells);
  });
  return found >= 0 ? found : undefined;
}

/** `cellsOf(i)`: column i's cells in the data rows. */
export function findColumns(header: string[], cellsOf: (column: number) => string[], opts: RosterOptions): { ok: true; columns: RosterColumns } | { ok: false; error: RosterError } {
  const countOption = columnOption(header, 'count_column', opts.countColumn);
  if (!countOption.ok) return countOption;
  const nameOption = columnOption(header, 'name_column', opts.nameColumn);
  if (!nameOption.ok) return nameOption;
  const givenName = nameOption.column;
  const replaced = earlierTagging(header);
  const numbered = isNumberedHeader(header, replaced);
  /** The columns that may hold the counts, best first, but those `taken`. */
  const countsBut = (taken: (number | undefined)[]): number[] => {
    const named = countColumns(header, taken);
    // "New followers (30d)" or "Follower Count Last Updated" beside "Instagram Followers" is no count of followers.
    const plain = named.filter((i) => !namesChangeOrDate(header[i]!));
    if (plain.length || named.length) return plain.length ? plain : named;
    return numbered ? header.flatMap((_, i) => (!taken.includes(i) && !replaced.includes(i) && holdsCounts(cellsOf(i)) ? [i] : [])) : [];
  };
  const counts = countsBut([givenName]);
  const count = countOption.column ?? counts[0];
  // name_column took the column count_column names, or the only one that looks like counts.
  const onlyCounts = count === undefined && givenName !== undefined && countsBut([]).includes(givenName);
  if (givenName !== undefined && (givenName === count || onlyCounts)) {
    return { ok: false, error: { kind: 'name-is-count', given: opts.nameColumn!, column: givenName, countColumnGiven: countOption.column !== undefined, header } };
  }
  if (count === undefined) return { ok: false, error: { kind: 'no-count-column', header } };
  const channel = header.findIndex((h, i) => CHANNEL.has(normaliseHeader(h)) && i !== count && i !== givenName);
  const channelIsPlatform = channel >= 0 && looksLikePlatforms(cellsOf(channel));
  const platform =
    bestColumn(header, PLATFORM_EXACT, PLATFORM_WORD, [count, givenName], OTHER_THAN_OWN)[0] ?? (channelIsPlatform ? channel : undefined) ?? platformByCells(header, cellsOf, [count, givenName, ...replaced]);
  const channelIsName = channel >= 0 && channel !== platform && !channelIsPlatform;
  const found =
    givenName ?? bestColumn(header, NAME_EXACT, NAME_WORD, [count, platform])[0] ?? (channelIsName ? channel : undefined) ?? (numbered ? firstTextColumn(header, cellsOf, [count, platform, ...replaced]) : undefined);
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
