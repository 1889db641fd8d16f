/**
 * Follower-count parsing: the one place that turns what a person types ("30k", "1.2M",
 * "30,000", "2.5 million", "45'000", "1,2 Mio", "10 lakh") into a whole number of followers, or
 * says why it cannot. /tier, the message command and the roster all read a count with
 * `readCountText`, so a count one of them reads, the others read the same.
 */

import { formatCompact, formatCount } from './format';

/** The largest count accepted: above the population of Earth, so anything larger is a typo. */
export const MAX_FOLLOWERS = 10_000_000_000;
/** MAX_FOLLOWERS as a reply writes it: eleven digits are hard to read at a glance. */
export const MAX_FOLLOWERS_WORDS = '10 billion';

/** Longest input looked at; longer text is rejected before any parsing work. */
export const MAX_INPUT_LENGTH = 40;

export const ACCEPTED_FORMS = '`30000`, `30,000`, `30 000`, `30k`, `12.5k`, `1.2M`, `2.5 million`';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Number words and letters people type after a count or an amount. */
export const SUFFIX_MULTIPLIERS: Readonly<Record<string, number>> = {
  '': 1,
  k: 1_000,
  thousand: 1_000,
  m: 1_000_000,
  mn: 1_000_000,
  mil: 1_000_000,
  mio: 1_000_000,
  mln: 1_000_000,
  million: 1_000_000,
  b: 1_000_000_000,
  bn: 1_000_000_000,
  billion: 1_000_000_000,
};

/**
 * Multipliers people write after a count or an amount, in chat and in spreadsheets exported in
 * other languages: SUFFIX_MULTIPLIERS plus plurals, German Tsd/Mio/Mrd, Indian lakh/crore, and the
 * words below. Not "mi" (milhões in Brazil): it is as often miles, or Spanish for "my".
 */
export const COUNT_MULTIPLIERS: Readonly<Record<string, number>> = {
  ...SUFFIX_MULTIPLIERS,
  thousands: 1_000,
  tsd: 1_000,
  'tsd.': 1_000,
  tausend: 1_000,
  lakh: 100_000,
  lakhs: 100_000,
  lac: 100_000,
  lacs: 100_000,
  'mio.': 1_000_000,
  millions: 1_000_000,
  millionen: 1_000_000,
  millones: 1_000_000,
  crore: 10_000_000,
  crores: 10_000_000,
  cr: 10_000_000,
  billions: 1_000_000_000,
  mrd: 1_000_000_000,
  'mrd.': 1_000_000_000,
  // Spanish and Portuguese, Russian and Ukrainian, Polish, Turkish, Italian and Indonesian; Chinese,
  // Japanese and Korean after digits ("3万", "3만").
  millón: 1_000_000,
  milhão: 1_000_000,
  milhao: 1_000_000,
  milhões: 1_000_000,
  milhoes: 1_000_000,
  тыс: 1_000,
  'тыс.': 1_000,
  тысяча: 1_000,
  тысячи: 1_000,
  тысяч: 1_000,
  тис: 1_000,
  'тис.': 1_000,
  млн: 1_000_000,
  'млн.': 1_000_000,
  миллион: 1_000_000,
  миллиона: 1_000_000,
  миллионов: 1_000_000,
  млрд: 1_000_000_000,
  'млрд.': 1_000_000_000,
  tys: 1_000,
  'tys.': 1_000,
  bin: 1_000,
  mld: 1_000_000_000,
  'mld.': 1_000_000_000,
  ribu: 1_000,
  万: 10_000,
  萬: 10_000,
  만: 10_000,
  亿: 100_000_000,
  億: 100_000_000,
};

/**
 * Multipliers a message reads only written on the digits ("45rb": 45 thousand in Indonesian) or
 * before a follower word ("45 rb pengikut"), where "45 rb" alone is as often something else (a
 * running back, a brand). A count option or a followers cell reads them spaced too: it holds a count.
 */
export const ATTACHED_MULTIPLIERS: Readonly<Record<string, number>> = { rb: 1_000 };

/** Which character separates decimals: '.' (30,000.5) or ',' (30.000,5). */
export type DecimalMark = '.' | ',';

/**
 * Digits in groups of three, one separator kind throughout: "1,234,567", "1.234.567", "1 234 567",
 * "1'234"; or grouped the Indian way, two digits a group above the thousands: "1,00,000", "1,00,00,000".
 */
const GROUPED = /^(?:\d{1,3}([ ,.'])\d{3}(?:\1\d{3})*|\d{1,2}(?:,\d\d)+,\d{3})$/;
/**
 * A multiplier word written after a count's digits, as a regular expression's source: letters, with
 * the full stop that abbreviates one ("Tsd.", "Mio."). A house definition's ranges read it so too.
 */
export const MULTIPLIER_WORD = String.raw`\p{L}+\.?`;
const COUNT_SHAPE = new RegExp(String.raw`^(\d(?:[\d.,' ]*\d)?)\s*(${MULTIPLIER_WORD})?$`, 'u');
/**
 * Spanish and Portuguese words for followers: before one of them "mil" is a thousand ("45 mil
 * seguidores"), where alone it is English shorthand for a million ("1.2 mil"). A regex source.
 */
export const MIL_IS_THOUSAND_BEFORE = String.raw`(?:seguidores|seguidoras|inscritos|suscriptores|assinantes)`;
const THOUSAND_MIL = new RegExp(String.raw`(?<=\d)\s?mil(?=[\s_]*${MIL_IS_THOUSAND_BEFORE}$)`);
/** What people type around a count, which says nothing about it: "about 45k followers", "~30K subs". */
const ROUGHLY = /^(?:~|≈|about |around |roughly |approx\.? |approximately |circa |ca\. )\s*/;
/** "Followers" in the languages chat and spreadsheet exports come in (a regular expression's source, lower case). */
export const FOLLOWER_WORD = String.raw`(?:followers?|fans|subs|subscribers?|abonnés|abonnes|abonné|abonnenten|abos?|seguidores|seguidoras|inscritos|suscriptores|inscrits|iscritti|assinantes|volgers|abonnees|følgere|följare|obserwujących|obserwujacych|obserwatorów|subskrybentów|takipçi(?:ler|si)?|подписчик(?:ов|а|и)?|підписник(?:ів|и)?|pengikut|粉丝|粉絲|フォロワー|팔로워)`;
/** "45k followers", "45kfollowers", "45k_followers", "2 millones de seguidores", "2 millions d'abonnés". */
const COUNTED_WORD = new RegExp(String.raw`(?:[\s_]+(?:de|d['’])[\s_]*|[\s_]*)${FOLLOWER_WORD}$`, 'u');
const ISH = /[\s_-]*ish$/;
const AT_LEAST = /\s*\+$/;

/**
 * Full-width digits (３０ｋ) fold to ASCII under NFKC; Arabic-Indic (٣٠٠٠٠) and Devanagari
 * (३००००) digits do not, so they are mapped here. All are accepted because phones in those
 * locales type them. Invisible format characters (zero-width spaces, direction marks) come with
 * copy-paste and are dropped.
 * A typographic apostrophe between digits ("45’000", as phones type the Swiss grouping) is the
 * plain one. The text keeps its length but for dropped characters, so positions in it stay near.
 */
export function normaliseDigits(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u0966-\u096f]/g, (d) => String(d.charCodeAt(0) - 0x0966))
    .replace(/\u066c/g, ',') // Arabic thousands separator
    .replace(/\u066b/g, '.') // Arabic decimal separator
    .replace(/(?<=\d)\u2019(?=\d)/g, "'");
}

/**
 * A count as typed, ready to read: digits folded, lower case, single spaces, and what people write
 * around a count dropped ("About 45K followers" → "45k", "(45k)" → "45k", "50k+" → "50k").
 */
export function countText(input: string): string {
  const text = normaliseDigits(input)
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^\((.*)\)$/, '$1')
    .replace(/\.$/, '')
    .trim()
    .replace(ROUGHLY, '')
    .replace(THOUSAND_MIL, 'k')
    .replace(COUNTED_WORD, '')
    .replace(ISH, '')
    .replace(AT_LEAST, '');
  // A leading "+" is emphasis ("+30k", "+ about 30k"): what follows it is read the same way.
  return text.startsWith('+') ? countText(text.slice(1)) : text;
}

/** Why a text is no count, for each reader to word its own way. */
export type CountProblem = 'too-long' | 'empty' | 'negative' | 'fraction' | 'too-large' | 'range' | 'exponent' | 'hexadecimal' | 'hashtag' | 'unreadable';

/** A number with an exponent, "1e3" or "1.2E+06" (as spreadsheets write large numbers): a regex source. */
export const SCIENTIFIC_NUMBER = String.raw`\d+(?:[.,]\d+)?e[+\-−]?\d+`;

/** Why "5e3" is refused (spreadsheets write large numbers so), worded for what the option takes. */
export const exponentReason = (what: string, example: string): string => `A number with an exponent (such as 1e3) is not ${what} I can read: write it out, such as ${example}.`;

/** Text that is no count but something a user can be told it is: "1e3", "0x10", "#100k". */
const NOT_A_COUNT: readonly (readonly [CountProblem, RegExp])[] = [
  ['exponent', new RegExp(`^${SCIENTIFIC_NUMBER}$`)],
  ['hexadecimal', /^0x[\da-f]+$/],
  ['hashtag', /^#\S/],
];

/** Why text that reads as no count is none, as precisely as can be told. */
function unreadableProblem(text: string): CountProblem {
  if (rangeReason(text) !== undefined) return 'range';
  return NOT_A_COUNT.find(([, shape]) => shape.test(text))?.[0] ?? 'unreadable';
}

export type CountReading = { ok: true; value: number } | { ok: false; problem: CountProblem };

/**
 * Reads one count, written any way people write one: "45000", "45,000", "45.000", "45 000",
 * "45'000", "45k", "12,5k", "1,2 Mio", "1.2M", "2.5 million", "10 lakh", "50k+", "~45k", "(45k)",
 * "about 45k followers", "30K subs". `decimal` says which mark is the decimal one where a number
 * alone cannot ("1,200k": 1.2 million in English, 1,200 in German). A separator followed by
 * exactly three digits and no multiplier groups thousands ("1.500" is 1,500, as a count is
 * whole); the other mark is a decimal one only before a multiplier ("12,5k"), so "30,00" is no count.
 */
export function readCountText(input: string, decimal: DecimalMark = '.'): CountReading {
  if (input.length > MAX_INPUT_LENGTH) return { ok: false, problem: 'too-long' };
  const text = countText(input);
  // A dash alone is how spreadsheets and people write "no value", not a negative count.
  if (text === '' || /^[-−–—]+$/.test(text)) return { ok: false, problem: 'empty' };
  if (/^[-−–—]/.test(text)) {
    // "-0" is zero with a sign typed before it, as accepted as 0; any other count with one is negative.
    const unsigned = readCountText(text.slice(1), decimal);
    return unsigned.ok && unsigned.value === 0 ? unsigned : { ok: false, problem: 'negative' };
  }
  const shape = COUNT_SHAPE.exec(text);
  const suffix = shape?.[2] ?? '';
  const multiplier = COUNT_MULTIPLIERS[suffix] ?? ATTACHED_MULTIPLIERS[suffix];
  const split = shape && multiplier !== undefined ? splitNumber(shape[1]!, suffix !== '', decimal) : undefined;
  if (!split) return { ok: false, problem: unreadableProblem(text) };
  // Exact integer arithmetic on the digits, so 1.2M is 1,200,000 and not 1,199,999.9999.
  const scale = 10n ** BigInt(split.fraction.length);
  const scaled = BigInt(split.whole + split.fraction) * BigInt(multiplier!);
  if (scaled % scale !== 0n) return { ok: false, problem: 'fraction' };
  const value = scaled / scale;
  if (value > BigInt(MAX_FOLLOWERS)) return { ok: false, problem: 'too-large' };
  return { ok: true, value: Number(value) };
}

/** "1.234,5" → whole "1234", fraction "5"; undefined when the separators make no number. */
function splitNumber(num: string, hasSuffix: boolean, decimal: DecimalMark): { whole: string; fraction: string } | undefined {
  const dots = num.split('.').length - 1;
  const commas = num.split(',').length - 1;
  let mark: string | undefined;
  if (dots > 0 && commas > 0) {
    mark = num.lastIndexOf('.') > num.lastIndexOf(',') ? '.' : ',';
    if ((mark === '.' ? dots : commas) > 1) return undefined;
  } else if (dots + commas === 1) {
    const only = dots ? '.' : ',';
    const after = num.slice(num.indexOf(only) + 1);
    const isGrouping = /^\d{3}$/.test(after) && (!hasSuffix || only !== decimal);
    if (!isGrouping && only !== decimal && !hasSuffix) return undefined;
    if (!isGrouping) mark = only;
  }
  const at = mark === undefined ? -1 : num.lastIndexOf(mark);
  const integer = at < 0 ? num : num.slice(0, at);
  const fraction = at < 0 ? '' : num.slice(at + 1);
  if (!/^\d*$/.test(fraction) || (mark !== undefined && fraction === '')) return undefined;
  if (/^\d+$/.test(integer)) return { whole: integer, fraction };
  // "1 000k" is no count people write; in chat "top 5 100k" is 5, and 100k.
  if (!GROUPED.test(integer) || (hasSuffix && integer.includes(' '))) return undefined;
  return { whole: integer.replace(/[ ,.']/g, ''), fraction };
}

/**
 * Parses a follower count for /tier and the commands that take one. 0 is accepted: an account
 * with no followers is a real account, and publishers whose lowest influencer tier starts at 0
 * (Later × Fohr, Sprout Social, L2…) classify it. Two counts joined by a dash or "to" are refused
 * as a range.
 */
export function parseFollowerCount(input: string): ParseResult<number> {
  const read = readCountText(input);
  return read.ok ? read : { ok: false, reason: TYPED_COUNT_PROBLEMS[read.problem](input) };
}

/**
 * What to say beside a count read from `input`, when how it was read needs saying: "30 mil" is 30
 * million in English shorthand and 30 thousand in Spanish and Portuguese, so read as the first,
 * it is said so, with how to write the second. An amount's dollar sign ("$2 mil", as /compare
 * reads money the same way) is left out of the number. Undefined when there is nothing to say.
 */
export function countReadingNote(input: string): string | undefined {
  const number = numberBeforeMil(input);
  return number === undefined ? undefined : `“mil” is read as a million; for ${number} thousand, write ${number}k.`;
}

/** "30" from "30 mil" or "$30 mil": the number a "mil" follows, which is read as millions; else undefined. */
export function numberBeforeMil(input: string): string | undefined {
  return /^(?:us)?\$?\s?(.*\d)\s?mil$/.exec(countText(input))?.[1];
}

/** Why a typed count was refused, in a sentence for /tier and the options that take a count. */
const TYPED_COUNT_PROBLEMS: Record<CountProblem, (input: string) => string> = {
  'too-long': (input) => `That is ${input.length} characters long; a follower count is at most ${MAX_INPUT_LENGTH}.`,
  empty: () => 'No follower count was given.',
  negative: () => 'A follower count cannot be negative.',
  fraction: () => 'A follower count is a whole number; that works out to a fraction of a follower.',
  'too-large': () => `That is more than ${MAX_FOLLOWERS_WORDS} followers, more than there are people.`,
  range: (input) => rangeReason(countText(input))!,
  exponent: () => exponentReason('a follower count', '1,000'),
  hexadecimal: () => 'That is a hexadecimal number, not a follower count.',
  hashtag: () => 'That is a hashtag, not a follower count.',
  unreadable: (input) => unreadableReason(countText(input)),
};

const UNREADABLE = 'That is not a follower count I can read';

/** A comma before other than three digits, and no multiplier after: "30,00", "12,5". */
const COMMA_NOT_GROUPING = /^\d+,(\d{1,2}|\d{4,})$/;
/** "30 mi": Brazilian shorthand for millions, and as often miles. */
const MI_AFTER = /^(\d[\d.,']*)\s?mi$/;

/** Why /tier cannot read a count, where the text shows it: "30,00", "30 mi". */
function unreadableReason(text: string): string {
  const comma = COMMA_NOT_GROUPING.exec(text);
  if (comma) {
    const digits = comma[1]!.length;
    return `${UNREADABLE}: a comma before ${digits === 1 ? 'one digit' : `${digits === 2 ? 'two' : digits} digits`} is neither a thousands separator nor a decimal comma (read only before a multiplier, as in 12,5k).`;
  }
  const number = MI_AFTER.exec(text)?.[1];
  const millions = number === undefined ? undefined : readCountText(`${number}M`);
  if (millions?.ok) return `${UNREADABLE}: “mi” could mean million or miles. Write ${number}M or ${formatCount(millions.value)}.`;
  return leadingCountReason(text) ?? `${UNREADABLE}.`;
}

/**
 * Why a text that starts with a count and goes on is refused, said of that count: the longest run
 * of words at its start that reads as one count, or is refused as one ("30 000 000 000 followers
 * on tiktok" is too large, not 30M; "10k-50k followers on tiktok" is a range), else undefined.
 */
function leadingCountReason(text: string): string | undefined {
  const words = text.split(' ');
  for (let end = words.length - 1; end > 0; end--) {
    const leading = words.slice(0, end).join(' ');
    const read = readCountText(leading);
    if (read.ok) {
      const reading = countReadingNote(leading);
      return `That is a follower count with more after it: give the count alone, such as ${shortCount(read.value)}.${reading ? ` ${reading}` : ''}`;
    }
    if (read.problem !== 'unreadable' && read.problem !== 'empty') return TYPED_COUNT_PROBLEMS[read.problem](leading);
  }
  return undefined;
}

/** Two counts joined by a dash or "to": "10k-50k", "10,000 to 50,000". */
const RANGE = /^(.+?)(?:\s*[-‐‑–—]\s*|\s+to\s+)(.+)$/;

/** A multiplier written after a count's digits: "k" in "40k", " mio" in "1,2 Mio". */
const TRAILING_UNIT = /[^\d.,'\s][^\d]*$/;

/**
 * The low end of a range "A-B" as written to be read: "30-40k" is 30k to 40k, a bare low end
 * sharing the high end's unit ("30k") when that keeps it the lower ("100-1M" stays "100", "1-1M"
 * "1"). `to` is the high end as read. /tier and a house definition read ranges by it.
 */
export function rangeLowEnd(low: string, high: string, to: number): string {
  const unit = TRAILING_UNIT.exec(high.trim())?.[0];
  if (unit === undefined || !/^[\d.,'\s]+$/.test(low)) return low;
  const shared = `${low.trim()}${unit}`;
  const read = readCountText(shared);
  return read.ok && read.value < to ? shared : low;
}

/** "10k–50k looks like a range…" when the text is two counts joined as a range, else undefined. */
function rangeReason(text: string): string | undefined {
  const [, low = '', high = ''] = RANGE.exec(text) ?? [];
  const to = readCountText(high);
  if (!to.ok) return undefined;
  const from = readCountText(rangeLowEnd(low, high, to.value));
  if (!from.ok) return undefined;
  return `${shortCount(from.value)}–${shortCount(to.value)} looks like a range: give one follower count, such as ${shortCount(from.value)}.`;
}

/** Whether `formatCompact` writes `n` exactly (25,000 → "25k"), not rounded (24,999 → "25k"). */
export function compactIsExact(n: number): boolean {
  const read = readCountText(formatCompact(n));
  return read.ok && read.value === n;
}

/** "10k" where that is exact, else every digit ("24,999", never "25k" for it). */
export function shortCount(n: number): string {
  return compactIsExact(n) ? formatCompact(n) : formatCount(n);
}
