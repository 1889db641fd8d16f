/**
 * Follower-count parsing: the one place that turns what a person types ("30k", "1.2M",
 * "30,000", "2.5 million") into a whole number of followers, or says why it cannot.
 */

import { formatCompact, formatCount } from './format';

/** The largest count accepted: above the population of Earth, so anything larger is a typo. */
export const MAX_FOLLOWERS = 10_000_000_000;

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

// Digits grouped by commas or single spaces, or plain; then an optional decimal part.
const NUMBER_SHAPE = /^(\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+|\d+)(?:\.(\d+))?$/;
const WITH_SUFFIX = /^(.*?)\s*([a-z]*)$/;
const EUROPEAN_GROUPS = /^\d{1,3}(?:\.\d{3})+$/;
/** "12,5k", "1,2 Mio": before a suffix, a comma with one or two digits after it is a decimal comma. */
const DECIMAL_COMMA = /^\d+,\d{1,2}$/;
/** What people type around a count, which says nothing about it: "about 45k followers", "~30K subs". */
const ROUGHLY = /^(?:~|≈|about |around |roughly |approx\.? |approximately |circa |ca\. )\s*/;
const COUNTED_WORD = /\s*(?:followers?|subs|subscribers?|fans)$/;

/**
 * Full-width digits (３０ｋ) fold to ASCII under NFKC; Arabic-Indic digits (٣٠٠٠٠) do not, so
 * they are mapped here. Both are accepted because phones in those locales type them. Invisible
 * format characters (zero-width spaces, direction marks) come with copy-paste and are dropped.
 */
export function normaliseDigits(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/\u066c/g, ',') // Arabic thousands separator
    .replace(/\u066b/g, '.'); // Arabic decimal separator
}

/**
 * A count as typed, ready to read: digits folded, lower case, single spaces, and the words people
 * write around a count dropped ("About 45K followers" → "45k"). /tier's parser and the roster's
 * lenient `readCount` both start here, so the roster reads every form /tier reads.
 */
export function countText(input: string): string {
  const text = normaliseDigits(input).trim().toLowerCase().replace(/\s+/g, ' ').replace(ROUGHLY, '').replace(COUNTED_WORD, '');
  // A leading "+" is emphasis ("+30k", "+ about 30k"): what follows it is read the same way.
  return text.startsWith('+') ? countText(text.slice(1)) : text;
}

/**
 * Parses a follower count. 0 is accepted: an account with no followers is a real account, and
 * publishers whose lowest influencer tier starts at 0 (Later × Fohr, Sprout Social, L2…) classify it.
 * Two counts joined by a dash or "to" are refused as a range.
 */
export function parseFollowerCount(input: string): ParseResult<number> {
  if (input.length > MAX_INPUT_LENGTH) {
    return { ok: false, reason: `That is ${input.length} characters long; a follower count is at most ${MAX_INPUT_LENGTH}.` };
  }
  const text = countText(input);
  if (text === '') return { ok: false, reason: 'No follower count was given.' };
  if (/^[-−–]/.test(text)) return { ok: false, reason: 'A follower count cannot be negative.' };

  const [, typedNumber = '', suffix = ''] = WITH_SUFFIX.exec(text) ?? [];
  const multiplier = SUFFIX_MULTIPLIERS[suffix];
  // "30.000" and "1.200.000" are thousands written the continental way (a count has no fraction),
  // as rosters and chat read them; with a suffix the dot stays a decimal point ("1.500k").
  let numberPart = typedNumber;
  if (suffix === '' && EUROPEAN_GROUPS.test(typedNumber)) numberPart = typedNumber.replace(/\./g, '');
  else if (suffix !== '' && DECIMAL_COMMA.test(typedNumber)) numberPart = typedNumber.replace(',', '.');
  const shape = NUMBER_SHAPE.exec(numberPart);
  if (multiplier === undefined || !shape) {
    return { ok: false, reason: rangeReason(text) ?? 'That is not a follower count I can read.' };
  }
  const whole = shape[1]!.replace(/[, ]/g, '');
  const fraction = shape[2] ?? '';
  // Exact integer arithmetic on the digits, so 1.2M is 1,200,000 and not 1,199,999.9999.
  const scale = 10 ** fraction.length;
  const scaled = BigInt(whole + fraction) * BigInt(multiplier);
  if (scaled % BigInt(scale) !== 0n) {
    return { ok: false, reason: 'A follower count is a whole number; that works out to a fraction of a follower.' };
  }
  const value = scaled / BigInt(scale);
  if (value > BigInt(MAX_FOLLOWERS)) {
    return { ok: false, reason: `That is more than ${formatCount(MAX_FOLLOWERS)} followers, more than there are people.` };
  }
  return { ok: true, value: Number(value) };
}

/** Two counts joined by a dash or "to": "10k-50k", "10,000 to 50,000". */
const RANGE = /^(.+?)(?:\s*[-‐‑–—]\s*|\s+to\s+)(.+)$/;

/** "10k–50k looks like a range…" when the text is two counts joined as a range, else undefined. */
function rangeReason(text: string): string | undefined {
  const [, low = '', high = ''] = RANGE.exec(text) ?? [];
  const from = parseFollowerCount(low);
  const to = parseFollowerCount(high);
  if (!from.ok || !to.ok) return undefined;
  return `${shortCount(from.value)}–${shortCount(to.value)} looks like a range: give one follower count, such as ${shortCount(from.value)}.`;
}

/** Whether `formatCompact` writes `n` exactly (25,000 → "25k"), not rounded (24,999 → "25k"). */
export function compactIsExact(n: number): boolean {
  const read = parseFollowerCount(formatCompact(n));
  return read.ok && read.value === n;
}

/** "10k" where that is exact, else every digit ("24,999"). */
function shortCount(n: number): string {
  return compactIsExact(n) ? formatCompact(n) : formatCount(n);
}
