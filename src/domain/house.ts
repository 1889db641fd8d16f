/**
 * A team's own ("house") tier definition, written as people write it:
 * `nano 1k-10k, micro 10k-75k, mid 75k-500k, macro 500k-1M, mega 1M+`.
 *
 * - Counts take every form /tier takes (parseFollowerCount), the decimal comma of `1,5k` too; a range
 *   is `A-B`, `A–B`, `A to B` or `between A and B`, read as /tier reads one (`1-10k` is 1k to 10k);
 *   open ends are `A+` (also `A and up`, `A or more`) and `up to B` (also `under B`, `below B`). A
 *   "followers" or "subs" after a range says nothing more. Tiers are separated by commas, semicolons
 *   or new lines; a comma between two digits is part of a count (`10,000`, `1,5k`), never a separator.
 *   A bullet ("•", "◦", "▪" …) before a tier is never part of its name; one between two tiers is a
 *   comma left out, as "/" is (see JOINER).
 * - A ladder of thresholds (`nano 1k+, micro 10k+, mega 1M+`) runs each tier up to the next one's
 *   start, and the parse says so in its note (see asLadder()).
 * - A tier's name holding a range (`nano 1k-10k micro` in `nano 1k-10k micro 10k-75k`) is a comma
 *   left out, and is refused with the definition as it should be written (see rangesInName()).
 * - Lengths are counted in code points (codePointCount), as Discord's max_length counts them: an emoji is one.
 * - Tiers may have the team's own names; each maps to a normalised tier: by its name when the name is
 *   one (`micro`, `Mid-tier`, `macro influencers`, `Mikro`), otherwise by its range, from the publishers'
 *   consensus across the range, as the registry's sources are mapped. A range the publishers put
 *   below influencer size throughout (`tiny 0-1k`) is flagged so, as HypeAuditor's "Instagram user" is;
 *   one that reaches from below influencer size into mega (`everyone 0+`) spans every tier and says so.
 *   A name mapped by its range that looks like a slip in typing a tier's name (`mirco`) is read as
 *   written; tierNameTypos() finds it, for the reply to say so.
 * - A range written without a name (`1k-9.9k, 10k-49.9k`) is a tier called by its range, mapped by its
 *   range as an own name is (`namedByRange`): Tierbot does not put words in the team's mouth.
 * - Counts are read with digits folded and invisible characters dropped (normaliseDigits); a tier's
 *   name is kept as the team wrote it (`👨‍👩‍👧`, `ｂｉｇ`, `🌱 Nano`), so it is shown as typed. An emoji
 *   in it says nothing of the tier it names: `🌱 Nano` maps to nano (normalTierNamed()).
 * - A number between a name and a range is the name's when the name is a word that numbers (`Tier 2
 *   100-500K` is Tier 2 from 100k), the count's where the definition groups thousands by spaces
 *   (`Mid tier 12 500 - 50 000`) or a mark sets the name off (`Nano: 2 500+`); where it could be
 *   either (`Squad 2 100-500K`: 2,100?), the definition is refused with both ways to write it (see
 *   numberOwnedByName()).
 * - A refusal names the team's own text and the suggested fix apart from Tierbot's words (`parts`),
 *   so a reply can escape the one and show the other as code.
 * - Boundaries follow BOUNDARY_RULE (sources.ts): a number shared by two ranges belongs to the higher
 *   tier; "under 10k" excludes 10k; a range end that no other tier starts at is included.
 * - Ranges that meet within the precision written are contiguous: `1k-9.9k, 10k-49.9k` has no gap
 *   (9.9k is written to the nearest 100, and 10k is the next 100), so 9,950 is the lower tier. The
 *   step may be at most a tenth of the count: `500k-1M, 2M+` has a real gap (see meets()).
 * - Overlaps are refused naming the two tiers and the counts both claim; a real gap is refused unless
 *   written as one: `micro 10k-90k, gap, macro 100k-1M`.
 *
 * Pure: no I/O, no clock.
 */

import { classify } from './classify';
import { codePointCount, formatCount, shorten } from './format';
import { COUNT_MULTIPLIERS, countText, FOLLOWER_WORD, MULTIPLIER_WORD, normaliseDigits, numberBeforeMil, parseFollowerCount, rangeLowEnd, shortCount } from './followers';
import { NORMAL_TIERS, type NormalTier, type Tier } from './sources';
import { nameKey } from './names';
import { editDistance } from './search';

/**
 * A house tier is a Tier like any source's, so the same classification and charts apply. A tier
 * that spans every tier (`everyone 0+`) has no one normalised tier: `normal` is its lowest, nano,
 * as for a tier below influencer size, and `spansEveryTier` says what it is.
 */
export type HouseTier = Tier & { spansEveryTier?: true; namedByRange?: true };

/**
 * One piece of the reason a definition is refused: Tierbot's own words, the team's text as they
 * wrote it (a reply must escape it), or a suggested fix (shown as code, so nothing in it formats).
 */
export interface ReasonPart {
  kind: 'ours' | 'theirs' | 'code';
  text: string;
}

/**
 * Tiers read, with `note` when how they were read needs saying (Tierbot's own words, none of the
 * team's text), and the counts read as millions from "mil" ("10 mil"), as written, which /tier
 * would note; or a refusal: `reason` in plain text (code in backticks), and the same in `parts`
 * for replies that format it.
 */
export type HouseParse =
  | { ok: true; tiers: HouseTier[]; note?: string; milCounts: string[] }
  | { ok: false; reason: string; parts: readonly ReasonPart[] };

type Piece = string | number | ReasonPart | readonly ReasonPart[];

const theirs = (text: string): ReasonPart => ({ kind: 'theirs', text });
const code = (text: string): ReasonPart => ({ kind: 'code', text });

/** A reason written as a template: literal text and plain values are Tierbot's words; parts stay as they are. */
function why(strings: TemplateStringsArray, ...values: Piece[]): ReasonPart[] {
  const parts: ReasonPart[] = [];
  const add = (piece: Piece) => {
    if (typeof piece === 'string' || typeof piece === 'number') {
      if (piece !== '') parts.push({ kind: 'ours', text: String(piece) });
    } else if ('kind' in piece) parts.push(piece);
    else parts.push(...piece);
  };
  strings.forEach((literal, i) => {
    add(literal);
    if (i < values.length) add(values[i]!);
  });
  return parts;
}

/** The reason as plain text: the team's text as written, a suggested fix in backticks. */
export function reasonText(parts: readonly ReasonPart[]): string {
  return parts.map((p) => (p.kind === 'code' ? `\`${p.text}\`` : p.text)).join('');
}

function refuse(parts: ReasonPart[]): Refusal {
  return { ok: false, reason: reasonText(parts), parts };
}

/** Longest definition accepted (the /house set option allows the same). */
export const MAX_HOUSE_TEXT = 1000;
export const MAX_HOUSE_TIERS = 12;
export const MAX_TIER_NAME = 40;
/** One tier as written ("macro influencers: 500,000 to 1,000,000") is never longer than this. */
export const MAX_ENTRY_LENGTH = 100;

export const HOUSE_EXAMPLE = 'nano 1k-10k, micro 10k-75k, mid 75k-500k, macro 500k-1M, mega 1M+';

/** Where a count falls in a house definition. */
export type HousePlacement =
  | { kind: 'tier'; tier: HouseTier }
  | { kind: 'below'; lowest: HouseTier }
  | { kind: 'gap'; under: HouseTier; over: HouseTier }
  | { kind: 'above'; highest: HouseTier };

interface Bound {
  value: number;
  /** The place value of the last digit written: 9.9k → 100, 10k → 1,000, 9,999 → 1. */
  unit: number;
  text: string;
}

interface Range {
  from: Bound | null;
  fromExclusive: boolean;
  to: Bound | null;
  toExclusive: boolean;
  /** 'up to B': the lower end is open (0). */
  kind: 'between' | 'from' | 'upto' | 'under' | 'over';
}

interface Entry {
  /** As read: digits folded, invisible characters dropped (normaliseDigits). */
  name: string;
  /** Where the name starts in the entry. */
  nameAt: number;
  range: Range;
  /** Written range first ("10k-75k micro") rather than name first ("micro 10k-75k"). */
  rangeFirst: boolean;
  written: string;
  /** Position among the written entries, 1-based, for messages. */
  position: number;
}

/** An entry whose name has passed the checks, with that name as the team wrote it (for showing) and where it starts in the text written. */
type NamedEntry = Entry & { writtenName: string; writtenNameAt: number };

type Item = { gap: true; written: string; position: number } | ({ gap: false } & NamedEntry);

/** A count as /tier reads one: digits, perhaps grouped, and a multiplier word ("10k", "1,2 Mio.", "10 Tsd."). */
const NUMBER = String.raw`\d(?:[\d., ]*\d)?(?:\s*${MULTIPLIER_WORD})?`;
const DASH = String.raw`\s*[-–—‒]\s*|\s+to\s+`;

// Compiled once: a definition is parsed on every /tier in a server that has one. Matched as
// written, whatever the case, so a count refused is quoted as the team typed it.
const UPTO = new RegExp(String.raw`^(?:up\s*to|≤|<=)\s*(${NUMBER})$`, 'iu');
const UNDER = new RegExp(String.raw`^(?:under|below|less\s+than|fewer\s+than|<)\s*(${NUMBER})$`, 'iu');
const PLUS = new RegExp(String.raw`^(${NUMBER})\s*(?:\+|(?:and|&)\s*(?:up|above|over|more|higher)|or\s+(?:more|higher|above)|plus)$`, 'iu');
const FROM = new RegExp(String.raw`^(?:≥|>=|from)\s*(${NUMBER})$`, 'iu');
const OVER = new RegExp(String.raw`^(?:over|above|more\s+than|>)\s*(${NUMBER})$`, 'iu');
const BETWEEN = new RegExp(String.raw`^(?:from\s+)?(${NUMBER})(?:${DASH})(${NUMBER})$`, 'iu');
/** "between 10k and 50k" */
const BETWEEN_AND = new RegExp(String.raw`^between\s+(${NUMBER})\s+and\s+(${NUMBER})$`, 'iu');
/** "between 10k-50k", read so only with "between" in lower case (see readRange): "In Between 10k-100k" is a name. */
const BETWEEN_DASH = new RegExp(String.raw`^between\s+(${NUMBER})(?:${DASH})(${NUMBER})$`, 'iu');
/**
 * "10k-100k followers", "mega 1M+ subs", "(10k to 75k) followers": the word /tier reads after a
 * count ("30k followers") says nothing more, inside a range's brackets or after them. "Fans" after
 * a range is a name as often as not ("10k-50k Fans, 50k+ Superfans"), so it stays one.
 */
const FOLLOWERS_AFTER = new RegExp(String.raw`[\s_]*(?!fans\)?$)${FOLLOWER_WORD}(?=\)?$)`, 'iu');
/**
 * Bullets a slide, a document or a pasted list puts before or between items ("Nano 1K–10K • Micro
 * 10K–50K"). They are never part of a tier's name: between tiers they stand where a comma should,
 * and before or after a name they set it off as ":" does.
 */
const BULLETS = '•‣⁃∙·⋅‧◦▪▫●○■□⦁⦾⦿';

/** A range is only looked for in text that has a digit: the cheap test before the regexes. */
const HAS_DIGIT = /\d/;

/** The multiplier word a count ends with, if any ("k" of "10k", "tsd" of "10 tsd"). */
const MULTIPLIER_AT_END = new RegExp(String.raw`(?<=[\d\s])${MULTIPLIER_WORD}$`, 'u');

/** A count that cannot be read, as written, and /tier's reason for it. */
interface CountError {
  error: string;
  count: string;
}

function readBound(text: string): Bound | CountError {
  const parsed = parseFollowerCount(text.trim());
  if (!parsed.ok) return { error: parsed.reason, count: text.trim() };
  // The count as /tier reads it: "10 Tsd." is "10 tsd", "1,2 Mio." is "1,2 mio".
  const norm = countText(text);
  const suffix = MULTIPLIER_AT_END.exec(norm)?.[0] ?? '';
  const multiplier = COUNT_MULTIPLIERS[suffix] ?? 1;
  // "1,5k" is 1.5k, as /tier reads it (a decimal comma has one or two digits before a suffix).
  const decimals = (/\.(\d+)/.exec(norm) ?? (suffix === '' ? null : /,(\d{1,2})\s*\p{L}*$/u.exec(norm)))?.[1]?.length ?? 0;
  const unit = Math.max(1, multiplier / 10 ** decimals);
  return { value: parsed.value, unit, text: text.trim() };
}

const isError = (b: Bound | CountError): b is CountError => 'error' in b;

/** Reads a range alone ("10k-75k", "1M+", "up to 10k"), or says why not; undefined when it is not range-shaped. */
function readRange(raw: string): Range | CountError | undefined {
  if (!HAS_DIGIT.test(raw)) return undefined;
  const text = raw
    .trim()
    // The full stop that ends a sentence: "Macro 100K+."
    .replace(/\s*\.$/, '')
    .replace(FOLLOWERS_AFTER, '')
    .replace(/^\((.*)\)$/, '$1')
    .trim();
  const one = (re: RegExp): string | undefined => re.exec(text)?.[1];

  const upto = one(UPTO);
  if (upto !== undefined) {
    const b = readBound(upto);
    return isError(b) ? b : { from: null, fromExclusive: false, to: b, toExclusive: false, kind: 'upto' };
  }
  const under = one(UNDER);
  if (under !== undefined) {
    const b = readBound(under);
    return isError(b) ? b : { from: null, fromExclusive: false, to: b, toExclusive: true, kind: 'under' };
  }
  const plus = one(PLUS) ?? one(FROM);
  if (plus !== undefined) {
    const b = readBound(plus);
    return isError(b) ? b : { from: b, fromExclusive: false, to: null, toExclusive: false, kind: 'from' };
  }
  const over = one(OVER);
  if (over !== undefined) {
    const b = readBound(over);
    return isError(b) ? b : { from: b, fromExclusive: true, to: null, toExclusive: false, kind: 'over' };
  }
  const between = BETWEEN.exec(text) ?? BETWEEN_AND.exec(text) ?? (text.startsWith('between') ? BETWEEN_DASH.exec(text) : null);
  if (between) {
    const [, low = '', high = ''] = between;
    const b = readBound(high);
    const a = readBound(isError(b) ? low : rangeLowEnd(low, high, b.value));
    if (isError(a)) return a;
    if (isError(b)) return b;
    return { from: a, fromExclusive: false, to: b, toExclusive: false, kind: 'between' };
  }
  return undefined;
}

/**
 * Where a range may start or end in an entry: at each word, and right after a ":" or "=" that
 * glues a name to its range ("Micro:10k-50k", "1k-10k:Nano"), as a space after it would set it off.
 */
const CUT = /(?<=\s)(?=\S)|(?<=[^\s:=][:=])(?=[^\s:=])/g;

/**
 * A count written as one to three digits, a space and a group of three not starting with 0: "2 100"
 * in "Tier 2 100-500K". It is one count grouped by a space, as "10 500" is, or a number ending the
 * name ("Tier 2") before the count "100". A group of "000" only ever groups thousands ("10 000").
 */
const NUMBER_THEN_GROUP = /^\d{1,3} +(?=[1-9]\d\d(?!\d))/;

/** A count grouped by spaces: "10 000", "1 500 000"; and one with more than one group of three. */
const SPACE_GROUPED = /^\d{1,3}(?: \d{3})+$/;
const SPACE_GROUPED_MORE = /^\d{1,3}(?: \d{3}){2,}$/;

/**
 * Names a number after them belongs to: "Tier 2", "Level 3", "Stufe 2", "Nr. 4". Tiers are numbered
 * so in the languages teams write in. The word is the whole name: in "Mid tier 12 500" or "Entry
 * level 2 500" it describes the tier, and the number after it starts a count.
 */
const NUMBERING_NAME =
  /^\s*(?:tier|level|lvl|group|stage|step|phase|rank|class|grade|band|bracket|category|round|wave|league|division|number|nr\.?|no\.|stufe|ebene|gruppe|klasse|kategorie|niveau|palier|groupe|nivel|grupo|categoría|nível|livello|gruppo|fascia|categoria)\s*$/iu;

/** A name that cannot take a number after it: one set off from its range by a mark ("Nano:"), or one ending in its own number ("Tier 1"). */
const NAME_CLOSED = new RegExp(`(?:[:=→${BULLETS}]|\\s[‐‑‒–—―−-]|\\d)\\s*$`, 'u');

/** A thousands group written after a space ("10 000", "1 500 000"): the definition groups its counts by spaces. */
const GROUPS_BY_SPACES = /\d 000(?!\d)/;

/**
 * Whether the number before a range is the name's, where the entry reads either way
 * (NUMBER_THEN_GROUP): "Tier 2 100-500K" is Tier 2 from 100k, or Tier from 2,100. It is the count's
 * (undefined, as for any entry that reads one way only) where the name cannot take it (NAME_CLOSED).
 * After a name that numbers (NUMBERING_NAME) it is the name's: the range after it is returned, with
 * where the name ends. It is the count's where the team groups thousands by spaces (elsewhere in
 * the definition, `groupsBySpaces`; or in this range: the count has more groups, "1 500 000", or
 * the other end is grouped too, "10 500-50 000") and the count reads in order. Anything else would
 * be a guess either way, and is refused with both ways to write it.
 */
function numberOwnedByName(written: string, cut: number, range: Range, shown: string, groupsBySpaces: boolean): { nameEnd: number; range: Range } | { error: ReasonPart[] } | undefined {
  const number = NUMBER_THEN_GROUP.exec(written.slice(cut));
  const name = written.slice(0, cut);
  // A name holding a range is a comma left out, refused as that (see rangesInName()).
  if (!number || range.from === null || NAME_CLOSED.test(name) || rangesInName(name).length > 0) return undefined;
  const nameEnd = cut + number[0].length;
  const after = readRange(written.slice(nameEnd));
  if (after === undefined || 'error' in after) return undefined;
  if (NUMBERING_NAME.test(name)) return { nameEnd, range: after };
  const count = range.from;
  const groupedBySpaces = groupsBySpaces || SPACE_GROUPED_MORE.test(count.text) || SPACE_GROUPED.test(range.to?.text ?? '');
  if (groupedBySpaces && (range.to === null || count.value <= range.to.value)) return undefined;
  const own = number[0].trim();
  const asName = `${written.slice(0, nameEnd).trimEnd()}: ${written.slice(nameEnd)}`;
  const asCount = `${name}${count.text.replace(/ /g, ',')}${written.slice(cut + count.text.length)}`;
  return {
    error: why`In ${quote(shown)}, "${theirs(count.text)}" could be the count ${formatCount(count.value)}, or "${theirs(own)}" could be part of the name. Write ${code(asName)} for the name, or ${code(asCount)} for the count.`,
  };
}

/**
 * "micro 10k-75k", "Micro: 10k–75k", "10k-75k micro", "tier 1 (10k to 75k)"; "10k-75k" alone has no
 * name. `shown`: the entry as the team typed it ("¼M", not the "1⁄4M" read), for a refusal to quote.
 */
function readEntry(written: string, position: number, shown = written, groupsBySpaces = false): Entry | { error: ReasonPart[] } {
  const alone = readRange(written);
  if (alone && !('error' in alone)) return { name: '', nameAt: written.length, range: alone, rangeFirst: false, written, position };
  const cuts = [...written.matchAll(CUT)].map((m) => m.index);
  let firstError = alone && 'error' in alone ? alone : undefined;
  // The range is the longest run of words at the end (or else at the start) that reads as one.
  for (const cut of cuts) {
    const range = readRange(written.slice(cut));
    if (range === undefined) continue;
    if ('error' in range) {
      firstError ??= range;
      continue;
    }
    const owned = numberOwnedByName(written, cut, range, shown, groupsBySpaces);
    if (owned && 'error' in owned) return owned;
    const nameEnd = owned?.nameEnd ?? cut;
    return { name: written.slice(0, nameEnd), nameAt: 0, range: owned?.range ?? range, rangeFirst: false, written, position };
  }
  for (const cut of [...cuts].reverse()) {
    // "1k-10k: nano": a mark may set the name off from the range before it.
    const range = readRange(written.slice(0, cut).replace(/\s*[:=]\s*$/, ''));
    if (range === undefined || 'error' in range) continue;
    return { name: written.slice(cut), nameAt: cut, range, rangeFirst: true, written, position };
  }
  if (firstError) return { error: countReason(shown, firstError) };
  return { error: why`I can't read ${quote(shown)} as a tier: write a name and a range, like ${code('micro 10k-75k')}, ${code('mega 1M+')} or ${code('nano up to 10k')}.` };
}

/**
 * Why an entry is refused for a count in it, naming the count: `In "macro 100K-1MM": "1MM" is not
 * a follower count I can read.` /tier's reasons say "That is …" of the count they were given.
 */
function countReason(shown: string, { count, error }: CountError): ReasonPart[] {
  const saidOfIt = /^That (.*)$/su.exec(error)?.[1];
  return saidOfIt === undefined ? why`In ${quote(shown)}, ${quote(count)}: ${error}` : why`In ${quote(shown)}: ${quote(count)} ${saidOfIt}`;
}

/** A range is at most this many words: "from 1 000 000 to 2 000 000" is seven. */
const RANGE_WORDS = 8;
/**
 * Words of a name, for finding a range in it: "/", "|" and bullets separate as spaces do
 * ("1k-10k/micro", "1k-10k•micro"), and a ":" or "=" ends a word, as it glues a name to a range
 * ("nano:1k-10k micro").
 */
const NAME_WORD = new RegExp(`[^\\s/|:=${BULLETS}]+[:=]?|[:=]+`, 'gu');

interface RangeInName {
  /** Where the range sits in the name, as written. */
  start: number;
  end: number;
}

/**
 * The ranges written inside a tier's name. A range there is a comma left out: in
 * "nano 1k-10k micro 10k-75k" the last range is the tier's and the rest, "nano 1k-10k micro",
 * would be its name. A count alone is a name's own ("Tier 1", "Top 100"), and so is a range of small
 * plain numbers at either end of the name ("Tier 1-2", "18+ club"); a range between two words, or
 * one reaching 1,000, is not.
 */
function rangesInName(name: string): RangeInName[] {
  const words = [...name.matchAll(NAME_WORD)];
  const found: RangeInName[] = [];
  for (let i = 0; i < words.length; i++) {
    const start = words[i]!.index!;
    // The longest run of words from here that reads as a range ("10 000 - 75 000", not "10 000").
    for (let j = Math.min(words.length, i + RANGE_WORDS) - 1; j >= i; j--) {
      const end = words[j]!.index! + words[j]![0].length;
      const range = readRange(name.slice(start, end));
      if (range === undefined || 'error' in range) continue;
      const betweenWords = i > 0 && j < words.length - 1;
      const countSized = [range.from, range.to].some((b) => b !== null && b.value >= 1_000);
      if (betweenWords || countSized) {
        found.push({ start, end });
        i = j;
      }
      break;
    }
  }
  return found;
}

/**
 * What joins two tiers written without a comma, which the comma replaces: spaces, "/", "|", "&",
 * a dash, a bullet, "and", "then" ("nano 1k-10k and micro 10k-75k" and "nano 1k-10k • micro 10k-75k"
 * are "nano 1k-10k, micro 10k-75k"). A
 * name starting with one of them loses it in the suggestion, which the reply shows before it is used.
 */
const JOINER = String.raw`(?:[\s/|&\-‐‑‒–—―−${BULLETS}]|(?<![\p{L}\p{N}])(?:and|then)(?![\p{L}\p{N}]))*`;
const JOINER_BEFORE = new RegExp(`${JOINER}$`, 'iu');
const JOINER_AFTER = new RegExp(`^${JOINER}`, 'iu');

/**
 * The entry with the commas it left out put back: after each range inside the name ("nano 1k-10k,
 * micro 10k-75k"), or before it when the tiers are written range first ("10k-50k small, 50k+ big").
 * Whatever the team joined them with (JOINER) gives way to the comma.
 */
function withCommas(entry: Entry, inName: readonly RangeInName[]): string {
  let name = entry.name;
  for (const { start, end } of [...inName].reverse()) {
    if (entry.rangeFirst) {
      const before = JOINER_BEFORE.exec(name.slice(0, start))!;
      if (before.index > 0) name = `${name.slice(0, before.index)}, ${name.slice(start)}`;
    } else {
      const after = JOINER_AFTER.exec(name.slice(end))![0];
      if (end + after.length < name.length) name = `${name.slice(0, end)}, ${name.slice(end + after.length)}`;
    }
  }
  const rest = entry.rangeFirst ? entry.written.slice(0, entry.written.length - entry.name.length) : entry.written.slice(entry.name.length);
  return entry.rangeFirst ? `${rest}${name}` : `${name}${rest}`;
}

/**
 * Why a name holding a range is refused, with the entry as it should be written when that reads:
 * to paste when the entry is the whole definition (`onlyEntry`), else to write in its place.
 */
function rangeInNameReason(part: string, entry: Entry, inName: readonly RangeInName[], onlyEntry: boolean): ReasonPart[] {
  const fixed = withCommas(entry, inName);
  // Each comma put back leaves shorter entries, so reading the fix ends; an entry with no place
  // for a comma ("micro 10k-75k 75k+") gets the plain example.
  if (fixed !== entry.written && parseHouseDefinition(fixed).ok) {
    const runTogether = why`Tiers need commas between them: ${quote(part)} reads as one tier.`;
    if (onlyEntry) return why`${runTogether} To correct it, paste this into ${code('/house set tiers:')} ${code(fixed)}.`;
    return why`${runTogether} Write it as ${code(fixed)}.`;
  }
  return why`Tiers need commas between them, as in ${code('nano 1k-10k, micro 10k-75k')}: ${quote(part)} reads as one tier.`;
}

/** The team's text in quotation marks, at most 60 characters. */
function quote(text: string): ReasonPart[] {
  const short = shorten(text, 60);
  return why`"${theirs(short.replace(/["`]/g, "'"))}"`;
}

/** The names that state a tier outright, as teams write them: English, and "Mikro", "Makro" as German, Polish and Scandinavian teams spell them. */
const NAME_SYNONYMS: Readonly<Record<string, NormalTier>> = {
  nano: 'nano',
  micro: 'micro',
  mikro: 'micro',
  mid: 'mid',
  midtier: 'mid',
  middle: 'mid',
  macro: 'macro',
  makro: 'macro',
  mega: 'mega',
  celebrity: 'mega',
  celebrities: 'mega',
};

/**
 * What in a name states no tier, left out when the name is matched to one: emoji, whole ("🌱 Nano",
 * "1️⃣ Nano"), then whatever else is no letter or digit (spaces, dashes, "★"). The name the team
 * sees keeps them, as typed. EMOJI is built from a string: the `v` flag it needs is newer than the
 * compiler's target.
 */
const EMOJI = new RegExp('\\p{RGI_Emoji}', 'gv');
const NOT_A_LETTER_OR_DIGIT = /[^\p{L}\p{M}\p{N}]+/u;

/** A name's words as they are matched to a tier: lower case, emoji and all else no letter or digit left out ("🌱 Mid-tier" → mid, tier). */
export function nameWords(name: string): string[] {
  return name.normalize('NFKC').toLowerCase().replace(EMOJI, ' ').split(NOT_A_LETTER_OR_DIGIT).filter((word) => word !== '');
}

/** The normalised tier a name states outright ("Micro", "mid-tier", "macro influencers", "🌱 Nano"), if any. */
export function normalTierNamed(name: string): NormalTier | undefined {
  const raw = nameWords(name).join('');
  const key = raw.replace(/(?:influencers?|creators?|tier|s)$/u, '');
  return NAME_SYNONYMS[raw] ?? NAME_SYNONYMS[key] ?? NAME_SYNONYMS[key.replace(/tier$/, '')];
}

/** A tier name that looks like a slip in typing a tier's name ("mirco"), and the name it was meant to be ("micro"). */
export interface TierNameTypo {
  written: string;
  meant: string;
}

/**
 * The names in a definition that look like slips in typing a name Tierbot reads as a tier
 * (NAME_SYNONYMS), each with the name meant, and the definition with them corrected, as typed
 * otherwise. Only a name mapped by its range is looked at (one that states its tier, "Micro+", is
 * read already), and only where the range maps it to the tier the name would state or the one next
 * to it ("mirco 10k-50k" is mapped to micro; "nnao 1k-10k" to micro, as the publishers read
 * 1k-10k), so a name chosen on purpose for a tier elsewhere ("Mild 1M+") is not taken for a slip.
 * Undefined when there is none, or the correction would not read.
 */
export function tierNameTypos(text: string): { typos: TierNameTypo[]; corrected: string } | undefined {
  const parsed = parseHouseDefinition(text);
  if (!parsed.ok) return undefined;
  const typos = parsed.tiers.flatMap((tier) => {
    const meant = correctedTierName(tier);
    return meant === undefined ? [] : [{ written: tier.name, meant }];
  });
  if (typos.length === 0) return undefined;
  const meantFor = new Map(typos.map(({ written, meant }) => [written, meant]));
  const corrected = renameHouseTiers(text, (names) => names.map((name) => meantFor.get(name) ?? name));
  return corrected !== undefined && parseHouseDefinition(corrected).ok ? { typos, corrected } : undefined;
}

/** The tier's name with the word in it that misspells a tier's name corrected, where one does (see tierNameTypos()). */
function correctedTierName(tier: HouseTier): string | undefined {
  if (tier.namedByRange || tier.notInfluencer || tier.spansEveryTier || normalTierNamed(tier.name) !== undefined) return undefined;
  for (const word of tier.name.matchAll(/\p{L}+/gu)) {
    const typed = word[0].toLowerCase();
    if (Object.hasOwn(NAME_SYNONYMS, typed)) continue;
    for (const [spelling, normal] of Object.entries(NAME_SYNONYMS)) {
      const tiersApart = Math.abs(NORMAL_TIERS.indexOf(normal) - NORMAL_TIERS.indexOf(tier.normal));
      if (tiersApart > 1 || !isSlipFor(typed, spelling)) continue;
      const corrected = `${tier.name.slice(0, word.index)}${inCaseOf(word[0], spelling)}${tier.name.slice(word.index + word[0].length)}`;
      if (normalTierNamed(corrected) === normal) return corrected;
    }
  }
  return undefined;
}

/** `spelling` written in the case of `typed`: "MICRO" for "MIRCO", "Micro" for "Mirco", "micro" for "mirco". */
function inCaseOf(typed: string, spelling: string): string {
  if (typed.length > 1 && typed === typed.toUpperCase()) return spelling.toUpperCase();
  if (typed[0] === typed[0]?.toUpperCase()) return `${spelling[0]!.toUpperCase()}${spelling.slice(1)}`;
  return spelling;
}

/**
 * Whether `typed` is `spelling` with a slip in typing it: two neighbouring letters swapped
 * ("mirco"), one left out ("mcro"), one typed twice ("miccro"); in a name of five letters or more,
 * also one letter wrong or added ("micrp", "micron"), and of six or more, two such slips
 * ("celebirty"). A slip keeps the first letter: a word starting otherwise is another word ("Omega",
 * "Amid"). In a short name one letter wrong or added makes another word as often as not ("Meta",
 * "Min", "Mild"), so it is not taken for a slip.
 */
function isSlipFor(typed: string, spelling: string): boolean {
  if (typed === spelling || typed.length < 3 || typed[0] !== spelling[0]) return false;
  const slips = editDistance(typed, spelling);
  if (spelling.length >= 6) return slips <= 2;
  if (spelling.length === 5) return slips <= 1;
  return slips === 1 && (typed.length < spelling.length || isSwap(typed, spelling) || isDoubled(typed, spelling));
}

/** Whether `typed` is `spelling` with one of its letters typed twice ("nanno"). */
function isDoubled(typed: string, spelling: string): boolean {
  return [...typed].some((letter, i) => letter === typed[i - 1] && `${typed.slice(0, i)}${typed.slice(i + 1)}` === spelling);
}

/** Whether `b` is `a` with two neighbouring letters swapped. */
function isSwap(a: string, b: string): boolean {
  const differ = [...a].flatMap((letter, i) => (letter === b[i] ? [] : [i]));
  return differ.length === 2 && differ[1] === differ[0]! + 1 && a[differ[0]!] === b[differ[1]!] && a[differ[1]!] === b[differ[0]!];
}

/** What a tier with a name of its own maps to: a normalised tier, below influencer size, or every tier. */
type RangeMapping = NormalTier | 'below' | 'every';

/** Points of a range at which the publishers' consensus is read. */
const RANGE_POINTS = 9;

/**
 * What the publishers' consensus gives a range (nine points spread evenly on a log scale; an open
 * range is read over its first tenfold): how a tier with a name of its own is mapped. Where /tier
 * says "below influencer size" the leaders are a minority, so those points score no tier; a range
 * the publishers put below influencer size at every point maps to that, as /tier says of its counts.
 * A range from below influencer size into mega (`0+`, `0-100M`) holds every tier, so no one tier
 * names it: the first tenfold of `0+` would call it below influencer size, and the log scale would
 * pick whichever tier its points happen to land on most.
 */
function normalTierByRange(min: number, max: number | null): RangeMapping {
  const lo = Math.max(min, 1);
  const reachesMega = max === null || classify(max).consensus.leaders.includes('mega');
  if (reachesMega && classify(lo).consensus.outcome === 'below') return 'every';
  const hi = Math.max(max ?? lo * 10, lo);
  const score = Object.fromEntries(NORMAL_TIERS.map((t) => [t, 0])) as Record<NormalTier, number>;
  let below = 0;
  for (let k = 0; k < RANGE_POINTS; k++) {
    const point = Math.round(Math.exp(Math.log(lo) + ((Math.log(hi) - Math.log(lo)) * (k + 0.5)) / RANGE_POINTS));
    const { outcome, leaders } = classify(point).consensus;
    if (outcome === 'below') {
      below++;
      continue;
    }
    for (const leader of leaders) score[leader] += 1 / leaders.length;
  }
  if (below === RANGE_POINTS) return 'below';
  const best = NORMAL_TIERS.reduce((a, b) => (score[b] > score[a] ? b : a));
  if (score[best] > 0) return best;
  return lo < 10_000 ? 'nano' : 'mega';
}

function stated(range: Range): string {
  const from = range.from ? shortCount(range.from.value) : '0';
  const to = range.to ? shortCount(range.to.value) : '';
  switch (range.kind) {
    case 'upto':
      return `up to ${to}`;
    case 'under':
      return `under ${to}`;
    case 'from':
      return `${from}+`;
    case 'over':
      return `over ${from}`;
    case 'between':
      return `${from}–${to}`;
  }
}

/**
 * The text as the parser reads it (normaliseDigits, a character at a time: digits folded, invisible
 * characters dropped), and the text as written between two of its positions: a tier's name is
 * shown as the team wrote it, emoji joiners and full-width letters included.
 */
function readable(written: string): { text: string; writtenAt(at: number): number; writtenBetween(from: number, to: number): string } {
  let text = '';
  // For each character read, where the character it came from starts and ends in the written text.
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  for (const character of written) {
    const read = normaliseDigits(character);
    text += read;
    for (let i = 0; i < read.length; i++) {
      starts.push(offset);
      ends.push(offset + character.length);
    }
    offset += character.length;
  }
  return {
    text,
    writtenAt: (at) => starts[at] ?? written.length,
    writtenBetween: (from, to) => (to > from ? written.slice(starts[from], ends[to - 1]) : ''),
  };
}

/** Commas, semicolons and new lines, but not a comma between two digits: it is part of a count ("10,000", "1,5k"). */
const ENTRY_SEPARATOR = /[;\n]|(?<!\d),|,(?!\d)/g;

/**
 * A list's number, letter or bullet before a tier, as a pasted list has them: "1. nano 1k-10k" (or
 * "1)"), "a) nano 1k-10k" (or "a."), "1.1 nano 1k-10k" (numbered within sections), "• micro
 * 10k-50k", "- macro 100k+".
 */
const LIST_NUMBER = /^(\d{1,2})[.)]\s+/;
const LIST_LETTER = /^([a-z])[.)]\s+/i;
const LIST_SECTION_NUMBER = /^(\d{1,2})\.(\d{1,2})\.?\s+/;
const LIST_BULLET = new RegExp(`^([-*${BULLETS}])\\s+`, 'u');
/** Bullets starting an entry, in a list or not ("•Nano 1k-10k", "• Nano 1k-10k, Micro 10k+"): never a name's. */
const LEADING_BULLETS = new RegExp(`^[${BULLETS}][${BULLETS}\\s]*`, 'u');

/** A line of a definition without the bullets before it ("• Nano 1K–10K" → "Nano 1K–10K"), which are never part of a tier's name. */
export function withoutLeadingBullets(line: string): string {
  return line.replace(LEADING_BULLETS, '');
}

/** Numbered 1, 2, 3 … in order. */
const inOrder = (numbers: readonly number[]): boolean => numbers.every((n, i) => n === i + 1);

/** Lettered a, b, c … (or A, B, C …) in order. */
function lettersInOrder(letters: readonly string[]): boolean {
  const first = letters[0] === 'A' ? 'A' : 'a';
  return letters.every((letter, i) => letter === String.fromCharCode(first.charCodeAt(0) + i));
}

/** Numbered 1.1, 1.2, 2.1 … in order: each the next in its section, or the first of the next section. */
function sectionsInOrder(numbers: readonly (readonly [number, number])[]): boolean {
  return numbers.every(([section, item], i) => {
    const before = numbers[i - 1];
    if (!before) return item === 1;
    return (section === before[0] && item === before[1] + 1) || (section === before[0] + 1 && item === 1);
  });
}

/**
 * How much of each entry is a list's number, letter or bullet: none unless the entries are a list,
 * every one starting with the same bullet, or numbered or lettered in order (1, 2, 3; a, b, c; 1.1,
 * 1.2). Elsewhere such a mark is the team's own ("- VIP - 100k+, regular up to 100k"; "7. Heaven
 * 1k-10k, 8. Heaven 10k+").
 */
function listMarks(parts: readonly string[]): number[] {
  const none = parts.map(() => 0);
  const list = parts.length < 2 ? undefined : listMarksFound(parts);
  if (!list) return none;
  const marks = list.map((mark) => mark[0].length);
  // Numbers that tell apart tiers of one name are part of their names: "1. Liga 1M+, 2. Liga 100k-1M".
  // Names told apart without them lose them: "a) Tier 1 1k-10k, b) Tier 2 10k+".
  const names = parts.map((part, i) => nameKey(entryName(part.slice(marks[i]))));
  return new Set(names).size < names.length ? none : marks;
}

/** The name an entry gives its tier, as far as it reads; the entry itself where it does not. */
function entryName(entry: string): string {
  const read = readEntry(entry.trim(), 0);
  return 'error' in read ? entry : read.name.replace(NAME_MARK_AFTER, '').replace(NAME_MARK_BEFORE, '');
}

/** The marks of a list the entries make (see listMarks()), one for each entry; undefined when they make none. */
function listMarksFound(parts: readonly string[]): readonly RegExpExecArray[] | undefined {
  const onEvery = (shape: RegExp) => {
    const found = parts.map((part) => shape.exec(part));
    return found.every((mark) => mark !== null) ? (found as RegExpExecArray[]) : undefined;
  };
  const numbers = onEvery(LIST_NUMBER);
  if (numbers && inOrder(numbers.map((n) => Number(n[1])))) return numbers;
  const letters = onEvery(LIST_LETTER);
  if (letters && lettersInOrder(letters.map((l) => l[1]!)) && !lettersAreNames(parts, letters)) return letters;
  const sections = onEvery(LIST_SECTION_NUMBER);
  if (sections && sectionsInOrder(sections.map((n) => [Number(n[1]), Number(n[2])] as const))) return sections;
  const bullets = onEvery(LIST_BULLET);
  if (bullets && bullets.every((b) => b[1] === bullets[0]![1])) return bullets;
  return undefined;
}

/** Letters are a tier's name, not a list's, where one has nothing but a range after it: "A. 1k-10k, B. 10k+". */
function lettersAreNames(parts: readonly string[], letters: readonly RegExpExecArray[]): boolean {
  return parts.some((part, i) => {
    const range = readRange(part.slice(letters[i]![0].length));
    return range !== undefined && !('error' in range);
  });
}

/**
 * The entries, trimmed, each with where it starts in the text (a list's numbers or bullets left
 * out). A count is never cut at its comma: it would be quoted back as a fragment never written.
 */
function splitEntries(text: string): { part: string; start: number }[] {
  const entries: { part: string; start: number }[] = [];
  let from = 0;
  const take = (to: number) => {
    const raw = text.slice(from, to);
    const part = raw.trim();
    if (part !== '') entries.push({ part, start: from + raw.length - raw.trimStart().length });
  };
  for (const separator of text.matchAll(ENTRY_SEPARATOR)) {
    take(separator.index);
    from = separator.index + separator[0].length;
  }
  take(text.length);
  const marks = listMarks(entries.map((e) => e.part));
  // An entry of a bullet alone is a stray one, not a tier.
  return entries
    .map(({ part, start }, i) => {
      const unmarked = withoutLeadingBullets(part.slice(marks[i]).trimStart());
      return { part: unmarked, start: start + part.length - unmarked.length };
    })
    .filter(({ part }) => part !== '');
}

interface Span {
  entry: NamedEntry;
  min: number;
  /** The stated top as a number (Infinity when open): for overlap and gap checks. */
  top: number;
}

function spanOf(entry: NamedEntry): Span {
  const { range } = entry;
  const min = range.from ? range.from.value + (range.fromExclusive ? 1 : 0) : 0;
  const top = range.to ? range.to.value - (range.toExclusive ? 1 : 0) : Infinity;
  return { entry, min, top };
}

function describe(entry: NamedEntry): ReasonPart[] {
  if (entry.writtenName === '') return why`${stated(entry.range)}`;
  return why`${theirs(entry.writtenName)} (${stated(entry.range)})`;
}

/** The entry as it could be written back: "micro 10k-75k", or "10k-75k" for a range without a name. */
function rewritten(entry: NamedEntry): string {
  const range = stated(entry.range).replace('–', '-');
  return entry.writtenName === '' ? range : `${entry.writtenName} ${range}`;
}

/** A definition refused, as parseHouseDefinition answers it. */
type Refusal = Extract<HouseParse, { ok: false }>;

/** A tier as read, not a gap. */
type TierItem = Extract<Item, { gap: false }>;

const isTier = (item: Item): item is TierItem => !item.gap;

/** Said beside the tiers when a ladder of thresholds was read (see asLadder()). */
export const LADDER_NOTE = 'Each tier written as a threshold (“10k+”) was read as running up to where the next tier starts.';

/** Parses a house definition, or says exactly what is wrong with it. */
export function parseHouseDefinition(text: string): HouseParse {
  if (codePointCount(text) > MAX_HOUSE_TEXT) {
    return refuse(why`That definition is ${formatCount(codePointCount(text))} characters long; the most is ${formatCount(MAX_HOUSE_TEXT)}.`);
  }
  const read = readItems(text);
  if (!read.ok) return read;
  const tiers = read.items.filter(isTier);
  const refusal = tierCountRefusal(tiers) ?? namesAndSpansRefusal(tiers);
  if (refusal) return refusal;
  const written = smallestFirst(read.items, tiers);
  const ladder = asLadder(written);
  const ordered = ladder ?? written;
  const outOfOrder = orderRefusal(ordered);
  if (outOfOrder) return outOfOrder;
  const bounded = boundTiers(ordered);
  if (!bounded.ok) return bounded;
  const milCounts = tiers.flatMap(({ range }) => [range.from, range.to]).flatMap((bound) => (bound && numberBeforeMil(bound.text) !== undefined ? [bound.text] : []));
  return { ok: true, tiers: mapToNormalTiers(bounded.tiers), ...(ladder ? { note: LADDER_NOTE } : {}), milCounts };
}

/**
 * A ladder of thresholds, `Nano 1K+, Micro 10K+, Macro 100K+, Mega 1M+` (or `Nano under 10K, Micro
 * 10K+, …`): tiers below the highest written "X+" or already closed, at least one "X+", each starting
 * above the one before, and no gaps written. Read as each "X+" tier running up to the next one's
 * start, which belongs to the next (the boundary rule): `Nano 1k-10k, Micro 10k-100k, …`, as the
 * marketers who write them mean. Undefined when the tiers are no such ladder.
 */
function asLadder(ordered: readonly Item[]): TierItem[] | undefined {
  const tiers = ordered.filter(isTier);
  if (tiers.length < 2 || tiers.length < ordered.length) return undefined;
  const starts = tiers.map((tier) => spanOf(tier).min);
  const lower = tiers.slice(0, -1);
  const thresholds = lower.some((tier) => tier.range.kind === 'from') && lower.every((tier) => tier.range.kind === 'from' || tier.range.to !== null);
  if (!thresholds || starts.some((start, i) => i > 0 && start <= starts[i - 1]!)) return undefined;
  return tiers.map((tier, i) => {
    const next = tiers[i + 1];
    return next && tier.range.kind === 'from' ? { ...tier, range: { ...tier.range, kind: 'between', to: next.range.from } } : tier;
  });
}

/** What may set a name off from the range after it, and from the range before it (see readItem). */
const NAME_MARK_AFTER = new RegExp(`\\s*[:=→${BULLETS}]$|\\s+[‐‑‒–—―−-]$`, 'u');
const NAME_MARK_BEFORE = new RegExp(`^\\s*(?:[:=→${BULLETS}]|[‐‑‒–—―−-](?=\\s))`, 'u');

/** An entry that is a gap, written as one: "gap", "(gap)", "no tier". */
const GAP_ENTRY = /^[([]?\s*(?:gap|no\s+tier)\s*[)\]]?$/i;

/** The entries read in the order written; the first that cannot be read refuses the definition. */
function readItems(text: string): { ok: true; items: Item[] } | Refusal {
  // Full-width and Arabic-Indic digits read as /tier reads them; invisible characters are dropped.
  const read = readable(text);
  const parts = splitEntries(read.text);
  if (parts.length === 0) return refuse(why`No tiers were given. Write them like this: ${code(HOUSE_EXAMPLE)}.`);
  const items: Item[] = [];
  for (const [i, { part, start }] of parts.entries()) {
    const item = readItem(part, start, i + 1, read, parts.length === 1);
    if ('reason' in item) return item;
    items.push(item);
  }
  return { ok: true, items };
}

/**
 * One entry, starting at `start` in the text read (`onlyEntry`: the whole definition): a gap, or a
 * tier whose name holds no control character and no range, and is at most MAX_TIER_NAME characters.
 */
function readItem(part: string, start: number, position: number, read: ReturnType<typeof readable>, onlyEntry: boolean): Item | Refusal {
  if (GAP_ENTRY.test(part)) return { gap: true, written: part, position };
  const shown = read.writtenBetween(start, start + part.length);
  if (codePointCount(part) > MAX_ENTRY_LENGTH) {
    return refuse(why`${quote(shown)} is ${codePointCount(part)} characters long, too long for one tier (at most ${MAX_ENTRY_LENGTH}); separate tiers with commas.`);
  }
  const entry = readEntry(part, position, shown, GROUPS_BY_SPACES.test(read.text));
  if ('error' in entry) return refuse(entry.error);
  // A name may be set off from its range by ":", "=", an arrow or a dash standing apart, before it
  // ("nano: 1k-10k", "Nano – 1K to 10K") or after it ("1k-10k = nano", "1K-10K → Nano").
  const setOff = entry.rangeFirst ? (NAME_MARK_BEFORE.exec(entry.name)?.[0].length ?? 0) : 0;
  const named = entry.name.slice(setOff);
  const name = named.trim().replace(NAME_MARK_AFTER, '').trim();
  if (/[\p{Cc}]/u.test(name)) return refuse(why`The tier name in ${quote(shown)} has control characters.`);
  const inName = rangesInName(entry.name);
  if (inName.length > 0) return refuse(rangeInNameReason(shown, entry, inName, onlyEntry));
  if (codePointCount(name) > MAX_TIER_NAME) return refuse(why`The tier name in ${quote(shown)} is longer than ${MAX_TIER_NAME} characters.`);
  const nameStart = start + entry.nameAt + setOff + named.length - named.trimStart().length;
  return { gap: false, ...entry, name, writtenName: read.writtenBetween(nameStart, nameStart + name.length), writtenNameAt: read.writtenAt(nameStart) };
}

/**
 * The definition with its tiers' names, as written and in the order written, replaced by those
 * `rename` gives for them (one for each; a tier without a name is left out); everything else is
 * kept as typed. Undefined when an entry cannot be read. The new names are not checked: parse the
 * result to know whether it reads.
 */
export function renameHouseTiers(text: string, rename: (writtenNames: readonly string[]) => readonly string[]): string | undefined {
  const read = readItems(text);
  if (!read.ok) return undefined;
  const named = read.items.filter(isTier).filter((tier) => tier.writtenName !== '');
  const names = rename(named.map((tier) => tier.writtenName));
  let renamed = '';
  let from = 0;
  named.forEach((tier, i) => {
    renamed += text.slice(from, tier.writtenNameAt) + (names[i] ?? tier.writtenName);
    from = tier.writtenNameAt + tier.writtenName.length;
  });
  return renamed + text.slice(from);
}

/** At least one tier, and at most MAX_HOUSE_TIERS. */
function tierCountRefusal(tiers: readonly TierItem[]): Refusal | undefined {
  if (tiers.length === 0) return refuse(why`No tiers were given, only gaps. Write them like this: ${code(HOUSE_EXAMPLE)}.`);
  if (tiers.length > MAX_HOUSE_TIERS) return refuse(why`That is ${tiers.length} tiers; the most is ${MAX_HOUSE_TIERS}.`);
  return undefined;
}

/** Each tier has a name of its own (or none: a range alone), and a range that ends above where it starts. */
function namesAndSpansRefusal(tiers: readonly TierItem[]): Refusal | undefined {
  const seen = new Map<string, Entry>();
  for (const e of tiers) {
    const key = nameKey(e.name);
    const before = seen.get(key);
    if (before) return refuse(why`The name "${theirs(e.writtenName)}" is used twice (tiers ${before.position} and ${e.position}); each tier needs its own name.`);
    if (key !== '') seen.set(key, e);
    const span = spanOf(e);
    if (span.top < span.min) return refuse(why`${describe(e)} ends before it starts: write the smaller number first.`);
    if (span.top === span.min && e.range.kind === 'between') {
      return refuse(why`${describe(e)} starts and ends at the same count; give it a range.`);
    }
  }
  return undefined;
}

/** The entries from the smallest tier: written smallest first or largest first, a definition is read from the smallest. */
function smallestFirst(items: readonly Item[], tiers: readonly TierItem[]): readonly Item[] {
  const mins = tiers.map((e) => spanOf(e).min);
  const descending = mins.every((m, i) => i === 0 || m <= mins[i - 1]!) && mins.some((m, i) => i > 0 && m < mins[i - 1]!);
  return descending ? [...items].reverse() : items;
}

/** Where the written order is not ascending, the first pair out of order (an overlap, if they overlap). */
function orderRefusal(ordered: readonly Item[]): Refusal | undefined {
  const spans = ordered.filter(isTier).map(spanOf);
  for (let i = 1; i < spans.length; i++) {
    const a = spans[i - 1]!;
    const b = spans[i]!;
    if (b.min < a.min) {
      const lo = Math.max(a.min, b.min);
      const hi = Math.min(a.top, b.top);
      const touch = !b.entry.range.toExclusive && !a.entry.range.fromExclusive && b.entry.range.to?.value === a.entry.range.from?.value;
      if (lo <= hi && !touch) return refuse(overlapReason(b, a, lo, hi));
      return refuse(why`${describe(b.entry)} is listed after ${describe(a.entry)} but starts lower; list the tiers from smallest to largest.`);
    }
  }
  return undefined;
}

/** A tier with the counts it takes: `max` is null for an open top. */
interface BoundedTier {
  entry: TierItem;
  min: number;
  max: number | null;
}

/**
 * Each tier, smallest first, with where it ends: where the next starts when the two meet (see
 * meets()), else its own stated top. Refused: a "gap" not between two tiers, two tiers that
 * overlap, a "gap" where two tiers meet, and a real gap not written as one.
 */
function boundTiers(ordered: readonly Item[]): { ok: true; tiers: BoundedTier[] } | Refusal {
  const tiers: BoundedTier[] = [];
  for (const [i, item] of ordered.entries()) {
    if (item.gap) {
      const prev = ordered[i - 1];
      const next = ordered[i + 1];
      if (!prev || !next || prev.gap || next.gap) {
        return refuse(why`"gap" (entry ${item.position}) must sit between two tiers, like ${code('micro 10k-90k, gap, macro 100k-1M')}.`);
      }
      continue;
    }
    const after = ordered.slice(i + 1);
    const end = tierEnd(item, after.find(isTier), after[0]?.gap === true, ordered);
    if (!end.ok) return end;
    tiers.push({ entry: item, min: spanOf(item).min, max: end.max });
  }
  return { ok: true, tiers };
}

/**
 * Where a tier ends, given the next tier (if any) and whether a "gap" is written between them;
 * `ordered` is the whole definition, for the fix a refusal suggests.
 */
function tierEnd(item: TierItem, next: TierItem | undefined, gapMarked: boolean, ordered: readonly Item[]): { ok: true; max: number | null } | Refusal {
  const span = spanOf(item);
  const ownTop = { ok: true as const, max: span.top === Infinity ? null : span.top };
  if (!next) return ownTop;
  const nextSpan = spanOf(next);
  // Sharing one written number is the boundary rule (it goes to the higher tier), not an overlap.
  const shared = !item.range.toExclusive && !next.range.fromExclusive && item.range.to !== null && item.range.to.value === next.range.from?.value;
  if (nextSpan.min <= span.top && !shared) {
    return refuse(overlapReason(span, nextSpan, nextSpan.min, Math.min(span.top, nextSpan.top)));
  }
  if (meets(span.top, nextSpan.min, item.range.to?.unit ?? 1)) {
    if (gapMarked) return refuse(why`"gap" sits between ${describe(item)} and ${describe(next)}, but they meet, so there is no gap there; remove it.`);
    return { ok: true, max: nextSpan.min - 1 };
  }
  if (!gapMarked) {
    const problem = why`There is a gap between ${describe(item)} and ${describe(next)}: ${formatCount(span.top + 1)}–${formatCount(nextSpan.min - 1)} would be in no tier.`;
    // The fix holds the team's names: a code span, so they show as typed and never format. It is
    // the whole definition, so that pasting it keeps every tier, unless that is too long to paste.
    const whole = withGapsWritten(ordered);
    if (codePointCount(whole) <= MAX_HOUSE_TEXT) return refuse(why`${problem} Close it, or write it as a gap: ${code(whole)}.`);
    return refuse(why`${problem} Close it, or write ${code('gap')} between them: ${code(`${rewritten(item)}, gap, ${rewritten(next)}`)}.`);
  }
  return ownTop;
}

/**
 * The definition rewritten on one line, smallest tier first, with "gap" between every two
 * neighbouring tiers that a real gap parts (see meets()) or that have one written between them.
 */
function withGapsWritten(ordered: readonly Item[]): string {
  const tiers = ordered.filter(isTier);
  const gapWritten = (i: number) => {
    const between = ordered.slice(ordered.indexOf(tiers[i - 1]!) + 1, ordered.indexOf(tiers[i]!));
    return between.some((entry) => entry.gap);
  };
  const realGap = (below: TierItem, above: TierItem) => {
    const top = spanOf(below).top;
    const nextMin = spanOf(above).min;
    return nextMin > top && !meets(top, nextMin, below.range.to?.unit ?? 1);
  };
  return tiers.map((tier, i) => (i > 0 && (gapWritten(i) || realGap(tiers[i - 1]!, tier)) ? `gap, ${rewritten(tier)}` : rewritten(tier))).join(', ');
}

/** The house tiers, each mapped to a normalised tier: by its name when the name is one, else by its range. */
function mapToNormalTiers(bounded: readonly BoundedTier[]): HouseTier[] {
  // Below influencer size is lowest of all; a tier spanning every tier starts there too.
  const rank = (m: RangeMapping) => (m === 'below' || m === 'every' ? -1 : NORMAL_TIERS.indexOf(m));
  let previous: RangeMapping | undefined;
  return bounded.map(({ entry, min, max }) => {
    let mapped: RangeMapping | undefined = normalTierNamed(entry.name);
    if (!mapped) {
      mapped = normalTierByRange(min, max);
      // Own names follow the ladder upward: a higher range never maps lower than the one before
      // (below influencer size is lowest of all). A tier spanning every tier holds them all anyway.
      if (previous && mapped !== 'every' && rank(mapped) < rank(previous)) mapped = previous;
    }
    previous = mapped;
    // Below influencer size is kept as the registry keeps HypeAuditor's "Instagram user" band:
    // the smallest tier, flagged as not an influencer tier.
    // A range written without a name is called by its range: Tierbot does not invent the team's words.
    return {
      name: entry.writtenName || stated(entry.range),
      ...(entry.writtenName === '' ? { namedByRange: true } : {}),
      normal: mapped === 'below' || mapped === 'every' ? 'nano' : mapped,
      ...(mapped === 'below' ? { notInfluencer: true } : {}),
      ...(mapped === 'every' ? { spansEveryTier: true } : {}),
      min,
      max,
      stated: stated(entry.range),
      lineFrom: entry.range.from?.value ?? 0,
      lineTo: entry.range.to?.value ?? null,
    };
  });
}

/**
 * Two ranges meet within the precision written when the next starts at most one step of the end's
 * last written digit above it (9.9k → 10k, 9,999 → 10,000, 9k → 10k), and that step is at most a
 * tenth of the count (so 1M → 2M, a step of a whole million, is a gap).
 */
function meets(top: number, nextMin: number, unit: number): boolean {
  const step = nextMin - top;
  return step <= 1 || (step <= unit && step * 10 <= nextMin);
}

function overlapReason(a: Span, b: Span, lo: number, hi: number): ReasonPart[] {
  const where = hi === Infinity ? `from ${formatCount(lo)} up` : lo === hi ? `at ${formatCount(lo)}` : `from ${formatCount(lo)} to ${formatCount(hi)}`;
  return why`${describe(a.entry)} and ${describe(b.entry)} overlap ${where}; each count can be in only one tier.`;
}

/** Which house tier a count is in, or where it falls outside them. Tiers are lowest first. */
export function houseTierFor(tiers: readonly HouseTier[], count: number): HousePlacement {
  const lowest = tiers[0];
  const highest = tiers[tiers.length - 1];
  if (!lowest || !highest) throw new Error('a house definition has at least one tier');
  if (count < lowest.min) return { kind: 'below', lowest };
  for (let i = 0; i < tiers.length; i++) {
    const tier = tiers[i]!;
    if (tier.max === null || count <= tier.max) return { kind: 'tier', tier };
    const next = tiers[i + 1];
    if (next && count < next.min) return { kind: 'gap', under: tier, over: next };
  }
  return { kind: 'above', highest };
}

/** How a tier's name is shown: as written by default; escaped where the text goes into markdown. */
export type TierNameFormat = (tier: HouseTier) => string;
const asWritten: TierNameFormat = (tier) => tier.name;

/** "micro (10k–75k)"; a tier written without a name is its range alone, "10k–75k". */
export function formatHouseTier(tier: HouseTier, name: TierNameFormat = asWritten): string {
  return tier.namedByRange ? name(tier) : `${name(tier)} (${tier.stated})`;
}

/** One line for where a count falls: "micro (10k–75k)", "below nano (1k–10k)", "between … and …". */
export function formatHousePlacement(placement: HousePlacement, name: TierNameFormat = asWritten): string {
  const t = (tier: HouseTier) => formatHouseTier(tier, name);
  switch (placement.kind) {
    case 'tier':
      return t(placement.tier);
    // The range goes after "the lowest house tier": "below nano (1k–10k)" would read as if below nano were 1k–10k.
    case 'below':
      return `below ${name(placement.lowest)}, the lowest house tier (from ${shortCount(placement.lowest.min)})`;
    case 'above':
      return `above ${name(placement.highest)}, the highest house tier (up to ${shortCount(placement.highest.lineTo ?? placement.highest.max!)})`;
    case 'gap':
      return `in the gap between ${t(placement.under)} and ${t(placement.over)}`;
  }
}

/**
 * Where a count falls in a few words, without ranges: "star", "below starter", "above star",
 * "between micro and macro". A label (/compare's plan fields) and the group a roster's totals
 * count the count in.
 */
export function shortHousePlacement(placement: HousePlacement, name: TierNameFormat = asWritten): string {
  switch (placement.kind) {
    case 'tier':
      return name(placement.tier);
    case 'below':
      return `below ${name(placement.lowest)}`;
    case 'above':
      return `above ${name(placement.highest)}`;
    case 'gap':
      return `between ${name(placement.under)} and ${name(placement.over)}`;
  }
}

/** The definition written back in a canonical form that parses to the same tiers. */
export function formatHouseDefinition(tiers: readonly HouseTier[], name: TierNameFormat = asWritten): string {
  const parts: string[] = [];
  tiers.forEach((tier, i) => {
    const prev = tiers[i - 1];
    if (prev && prev.max !== null && tier.min > prev.max + 1) parts.push('gap');
    parts.push(tier.namedByRange ? tier.stated : `${name(tier)} ${tier.stated}`);
  });
  return parts.join(', ');
}
