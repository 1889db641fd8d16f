/**
 * Money and percentage input and output for /compare: "$5,000", "5k", "$1.2M", "49,90" and "3",
 * "3%", "2.37", "2,5 %" in; "$1,234", "$0.24", "2.37%" out. Follower counts stay with followers.ts.
 */

import { COUNT_MULTIPLIERS, MAX_INPUT_LENGTH, SCIENTIFIC_NUMBER, exponentReason, normaliseDigits, type ParseResult } from './followers';
import { formatCount } from './format';
import { OTHER_CURRENCY_CODES, OTHER_CURRENCY_SIGNS, OTHER_CURRENCY_WORDS, alternatives } from './words';

/** The largest amount of money accepted: a trillion dollars; anything larger is a typo. */
export const MAX_MONEY = 1_000_000_000_000;

/**
 * Money is kept to whole cents. Percentages are kept to six significant digits, so a tiny rate
 * such as 0.00001% stays what was typed instead of becoming 0; a positive percentage below
 * SMALLEST_PERCENT is refused rather than kept as 0.
 */
export const MONEY_DECIMALS = 2;
export const PERCENT_SIGNIFICANT = 6;
export const SMALLEST_PERCENT = 1e-9;

export const MONEY_FORMS = '`5000`, `$5,000`, `5k`, `$1.2M`, `0.50`';
export const PERCENT_FORMS = '`3`, `3%`, `2.37`';

/** The multipliers follower counts read ("5k", "2 lakh", "1,2 Mio."); amounts go up to a trillion, so also "t" and "trillion". */
const MULTIPLIERS: Readonly<Record<string, number>> = { ...COUNT_MULTIPLIERS, t: 1_000_000_000_000, trillion: 1_000_000_000_000 };

// Digits grouped by commas (in threes, or the Indian way: "1,00,000"), or plain; then an optional
// decimal point. ".5" is allowed.
const DECIMAL_SHAPE = /^(\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d\d)+,\d{3}|\d*)(?:\.(\d+))?$/;
/** A decimal comma: "49,90", "0,050", "1.234,5" (thousands grouped by dots before it). */
const COMMA_DECIMAL_SHAPE = /^(\d{1,3}(?:\.\d{3})+|\d*),(\d+)$/;
/** A number followed by a multiplier word: "5k", "1,2 mio.", "3万". */
const WITH_MULTIPLIER = /^(.*?)\s?((?:\p{L}+\.?)?)$/u;
const MINUS = /^[-−–]/;
/**
 * What a number typed with a minus sign reads as, given how it reads without one: "-0" is zero with
 * a sign before it, accepted as 0 is; any other number with one is refused as `negative`.
 */
function zeroOrNegative(unsigned: ParseResult<number>, negative: string): ParseResult<number> {
  return unsigned.ok && unsigned.value === 0 ? unsigned : { ok: false, reason: negative };
}

/** A minus sign before an amount, or between its dollar sign and the number ("$-5"). */
const MINUS_IN_AMOUNT = /^(\$\s?)?[-−–]/;

const WITH_EXPONENT = new RegExp(`^${SCIENTIFIC_NUMBER}$`, 'i');
/**
 * "1.200.000": thousands grouped by dots, the continental way. Two dots or more cannot be a
 * decimal point, so it reads as 1,200,000, as follower counts do (followers.ts).
 */
const DOT_GROUPS = /^\d{1,3}(?:\.\d{3}){2,}$/;
/**
 * "500.000" or "$1.500": one dot before exactly three digits is $500 in the US and $500,000 in
 * much of Europe. A follower count has no fraction, so it reads as thousands there; an amount of
 * money can have one, so neither reading is safe and the input is refused with both readings.
 * ("0.500" is not ambiguous: nobody groups thousands after a lone 0.)
 */
const AMBIGUOUS_DOT = /^[1-9]\d{0,2}\.\d{3}$/;

/** Rounds to `decimals` places, halves away from zero, so a value survives a text round trip unchanged. */
export function roundTo(n: number, decimals: number): number {
  const abs = Math.abs(n);
  // Through the number's decimal text, halves away from zero: 0.145 × 100 is 14.499999999999998
  // in binary, and −85.855 would round towards zero. Exponent forms ("1e-7") go the plain way.
  if (!Number.isFinite(n) || String(abs).includes('e')) return Math.round(n * 10 ** decimals) / 10 ** decimals;
  return Math.sign(n) * Number(`${Math.round(Number(`${abs}e${decimals}`))}e-${decimals}`);
}

/** Rounds to `digits` significant digits: 0.0000123456789 → 0.0000123457. */
export function roundSignificant(n: number, digits: number): number {
  return n === 0 || !Number.isFinite(n) ? n : Number(n.toPrecision(digits));
}

/** A percentage as Tierbot keeps it (PERCENT_SIGNIFICANT digits). */
export function roundPercent(n: number): number {
  return roundSignificant(n, PERCENT_SIGNIFICANT);
}

/**
 * `n` to `digits` significant digits, written out without exponent notation: 22.885, 0.0806,
 * 0.00001 (not "1e-5"), 1,909,000,000,000,000 (not "1908999999999999.8"). Digits are grouped
 * from 1,000 when `group` is set.
 */
export function plainNumber(n: number, digits: number, group = false): string {
  if (n === 0 || !Number.isFinite(n)) return String(n);
  const rounded = roundSignificant(n, digits);
  const abs = Math.abs(rounded);
  let text: string;
  if (abs >= 1e21) {
    // toFixed writes these in exponent form: write the significant digits out, then zeros.
    const [mantissa = '', exponent = '0'] = abs.toExponential(digits - 1).split('e');
    const significant = mantissa.replace('.', '').replace(/0+$/, '');
    text = significant.padEnd(Number(exponent) + 1, '0');
    if (rounded < 0) text = `-${text}`;
  } else {
    const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(abs)));
    text = rounded.toFixed(Math.min(100, decimals));
    if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
  }
  if (!group) return text;
  const [whole = '', fraction] = text.replace('-', '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${rounded < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/**
 * "2,500": a comma before exactly three digits groups thousands in English and is a decimal comma
 * elsewhere. Money reads it the US way ($2,500); a percentage cannot be read either way safely.
 */
const AMBIGUOUS_COMMA = /^[1-9]\d{0,2},\d{3}$/;

/**
 * The whole and fractional digits of "12,345.67", "1,00,000", "49,90" or "1.234,5". A comma is a
 * decimal one where it cannot group thousands: after a lone 0 ("0,050"), after dot-grouped
 * thousands, or before other than three digits; before three it groups them ("12,345").
 */
function decimalDigits(text: string): { whole: string; fraction: string } | null {
  const comma = COMMA_DECIMAL_SHAPE.exec(text);
  if (comma) {
    const [, whole = '', fraction = ''] = comma;
    if (whole.includes('.') || fraction.length !== 3 || /^0?$/.test(whole)) return { whole: whole.replace(/\./g, ''), fraction };
  }
  const point = DECIMAL_SHAPE.exec(text);
  return point ? { whole: (point[1] ?? '').replace(/,/g, ''), fraction: point[2] ?? '' } : null;
}

/**
 * Reads "12,345.67" or "12,5" exactly (digits as integers, then one division), so 1.1 × 1,000,000
 * is 1,100,000 and not 1,100,000.0000000002. Returns null when the text is not a plain number.
 */
function readDecimal(text: string, multiplier: number): number | null {
  const parts = decimalDigits(text);
  if (!parts) return null;
  const { whole, fraction } = parts;
  if (whole === '' && fraction === '') return null;
  // Leading zeros say nothing ("0001" is 1), so they do not count towards the digits kept.
  const significantWhole = whole.replace(/^0+/, '');
  // Past 20 digits a number is not kept exactly: a long fraction is refused, but a whole part past
  // 15 digits is far past any amount read here, so it is read roughly and refused as too large.
  if (significantWhole.length + fraction.length > 20) return significantWhole.length > 15 ? Number(whole) * multiplier : null;
  const digits = BigInt((significantWhole || '0') + fraction) * BigInt(multiplier);
  return Number(digits) / 10 ** fraction.length;
}

/** The same folding as follower counts: full-width and Arabic-Indic digits, no invisible characters. */
function clean(text: string): string {
  return normaliseDigits(text).trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * Signs of currencies other than the US dollar, anywhere in an amount, and their codes and names
 * at either end: "€5.000", "R$ 5.000", "5000元", "5000 EUR", "5.000 TL", "₹5,00,000". "US$" and
 * "USD" are dollars, and so is a multiplier before a dollar sign ("5k$").
 */
const CURRENCY_SIGN = new RegExp(String.raw`[${OTHER_CURRENCY_SIGNS}]|(?<![a-z])(?!us\$)[a-z]{1,3}\$`, 'iu');
const CURRENCY_CODES = alternatives([...OTHER_CURRENCY_CODES, ...OTHER_CURRENCY_WORDS]);
const CURRENCY_CODE = new RegExp(String.raw`^(?:${CURRENCY_CODES})(?=[\s\d])|(?<=[\d\s])(?:${CURRENCY_CODES})$`, 'iu');

/** The sign or code of another currency in `text`, as typed, or undefined. */
function otherCurrency(text: string): string | undefined {
  const sign = CURRENCY_SIGN.exec(text);
  const letters = sign?.[0].endsWith('$') ? sign[0].slice(0, -1).toLowerCase() : '';
  const multiplierBeforeDollar = letters !== '' && /\d\s?$/.test(text.slice(0, sign!.index)) && MULTIPLIERS[letters] !== undefined;
  return (multiplierBeforeDollar ? undefined : sign?.[0]) ?? CURRENCY_CODE.exec(text)?.[0];
}

/**
 * Parses an amount in US dollars: `$5,000`, `5k`, `5,000`, `$1.2M`, `49,90`, `2 lakh`. Rounded
 * to cents; 0 to MAX_MONEY. `zeroAccepted`: whether $0 is a value the caller takes, so an error
 * under a cent names only what would work.
 */
export function parseMoney(input: string, zeroAccepted = true): ParseResult<number> {
  if (input.length > MAX_INPUT_LENGTH) {
    return { ok: false, reason: `That is ${input.length} characters long; an amount is at most ${MAX_INPUT_LENGTH}.` };
  }
  let text = clean(input);
  if (text === '') return { ok: false, reason: 'No amount was given.' };
  text = text.replace(/^(?:us\s?\$|usd\s?)/, '$').replace(/\s?(?:usd|us\$|\$|dollars?|bucks)$/, '');
  const currency = otherCurrency(normaliseDigits(input).trim());
  if (currency) return { ok: false, reason: `Tierbot works in US dollars; “${currency}” is another currency.` };
  // Thousands set apart by spaces or apostrophes, as in "10 000" and "10'000" (follower counts read them too).
  text = text.replace(/(\d)[ \u00a0\u202f'](?=\d{3}(?!\d))/g, '$1');
  const unsigned = text.replace(MINUS_IN_AMOUNT, '$1');
  if (unsigned !== text) {
    return zeroOrNegative(parseMoney(unsigned, zeroAccepted), 'An amount of money cannot be negative.');
  }
  text = text.replace(/^\+/, '').replace(/^\$\s?/, '');
  const [, typedNumber = '', suffix = ''] = WITH_MULTIPLIER.exec(text) ?? [];
  // With a suffix the dot is a decimal point ("1.500k" is $1,500), as for follower counts.
  if (suffix === '' && AMBIGUOUS_DOT.test(typedNumber)) {
    const [whole = '', fraction = ''] = typedNumber.split('.');
    const asDecimal = roundTo(Number(typedNumber), MONEY_DECIMALS);
    return {
      ok: false,
      reason:
        `${typedNumber} could mean ${formatMoney(asDecimal)} or ${formatMoney(Number(whole + fraction))} (a dot between thousands). ` +
        `Write \`${whole}${fraction}\` or \`${whole},${fraction}\` for thousands, or \`${asDecimal.toFixed(MONEY_DECIMALS)}\` with cents.`,
    };
  }
  const numberPart = suffix === '' && DOT_GROUPS.test(typedNumber) ? typedNumber.replace(/\./g, '') : typedNumber;
  const multiplier = MULTIPLIERS[suffix];
  const value = multiplier === undefined ? null : readDecimal(numberPart, multiplier);
  if (value === null) return { ok: false, reason: WITH_EXPONENT.test(text) ? exponentReason('an amount of money', '$1,000') : 'That is not an amount of money I can read.' };
  if (value > MAX_MONEY) return { ok: false, reason: `That is more than ${formatMoney(MAX_MONEY)}.` };
  return keptToCents(value, zeroAccepted);
}

/**
 * Money rounded to cents; an amount that is positive but rounds to $0 is refused, never silently
 * zeroed. The error offers $0 only where `zeroAccepted`.
 */
export function keptToCents(value: number, zeroAccepted = true): ParseResult<number> {
  const cents = roundTo(value, MONEY_DECIMALS);
  if (value > 0 && cents === 0) return { ok: false, reason: `That is less than half a cent; amounts are kept to whole cents. Give ${zeroAccepted ? '$0 or ' : ''}at least $0.01.` };
  return { ok: true, value: cents };
}

/** A percentage kept to PERCENT_SIGNIFICANT digits; a positive one below SMALLEST_PERCENT is refused, never silently zeroed. */
export function keptPercent(value: number): ParseResult<number> {
  if (value > 0 && value < SMALLEST_PERCENT) {
    return { ok: false, reason: `That is smaller than the smallest percentage Tierbot keeps, ${plainNumber(SMALLEST_PERCENT, 1)}%. Give 0, or at least ${plainNumber(SMALLEST_PERCENT, 1)}.` };
  }
  return { ok: true, value: roundPercent(value) };
}

/** Parses a percentage from 0 to `max`: `3`, `3%`, `2.37`, `2,5 %`, `0.008 %`. Returns the percent number (2.37). */
export function parsePercent(input: string, max: number): ParseResult<number> {
  if (input.length > MAX_INPUT_LENGTH) {
    return { ok: false, reason: `That is ${input.length} characters long; a percentage is at most ${MAX_INPUT_LENGTH}.` };
  }
  const text = clean(input).replace(/\s?(%|percent|pct)$/, '');
  if (text === '') return { ok: false, reason: 'No percentage was given.' };
  if (MINUS.test(text)) {
    return zeroOrNegative(parsePercent(text.slice(1), max), 'A percentage here cannot be negative.');
  }
  const number = text.replace(/^\+/, '');
  if (AMBIGUOUS_COMMA.test(number)) {
    const [whole = '', fraction = ''] = number.split(',');
    const asDecimal = plainNumber(Number(`${whole}.${fraction}`), 15);
    return { ok: false, reason: `${number} could mean ${asDecimal}% (a decimal comma) or ${number}%: write \`${asDecimal}\` for ${asDecimal}%.` };
  }
  const value = readDecimal(number, 1);
  if (value === null) return { ok: false, reason: WITH_EXPONENT.test(text) ? exponentReason('a percentage', '0.5') : 'That is not a percentage I can read.' };
  if (value > max) return { ok: false, reason: `${formatPercentExact(value)} is more than the ${formatPercent(max)} allowed.` };
  return keptPercent(value);
}

const MINUS_SIGN = '−';

/** Units for amounts from a million, smallest first. */
const MONEY_UNITS = [
  [1e6, 'M'],
  [1e9, 'B'],
  [1e12, 'T'],
] as const;

/**
 * "$1,234" (whole dollars from $1,000), "$333.33" / "$100" (cents below $1,000 when not whole),
 * "<$0.01" for a positive amount under a cent, "$1.2M" / "$3B" / "$1T" from a million. The form is
 * chosen after rounding, so $999.995 is "$1,000", $999,999.50 is "$1M" and $999.999B is "$1T",
 * never "$1000" or "$1000B".
 */
export function formatMoney(n: number): string {
  if (!Number.isFinite(n)) return 'not defined';
  const sign = n < 0 ? MINUS_SIGN : '';
  const abs = Math.abs(n);
  if (abs > 0 && abs < 0.005) return `${sign}<$0.01`;
  const cents = Math.round(abs * 100);
  if (cents < 100_000) return `${sign}$${cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2)}`;
  const dollars = Math.round(abs);
  if (dollars < 1e6) return `${sign}$${formatCount(dollars)}`;
  return `${sign}$${compactMoney(abs)}`;
}

/**
 * Money for an input error or an accepted range: formatMoney's form where it is exact ("$100M",
 * "$2.5M"), every digit otherwise ("$100,000,001", "$5,000.01", "$100,000,000.01"), so a limit is
 * never rounded onto the value it refuses.
 */
export function formatMoneyExact(n: number): string {
  const cents = Math.round(Math.abs(n) * 100);
  if (!Number.isFinite(n) || (cents % 100 === 0 && compactMoneyIsExact(cents / 100))) return formatMoney(n);
  const dollars = `${n < 0 ? MINUS_SIGN : ''}$${formatCount(Math.floor(cents / 100))}`;
  return cents % 100 === 0 ? dollars : `${dollars}.${String(cents % 100).padStart(2, '0')}`;
}

/** Whether "$1.25M" (two decimals of the largest unit reached) says every digit of `dollars`. */
function compactMoneyIsExact(dollars: number): boolean {
  const unit = MONEY_UNITS.findLast(([size]) => dollars >= size)?.[0];
  return unit === undefined || dollars % (unit / 100) === 0;
}

/**
 * "1.2M", "999.95M", "1B": the largest unit the amount reaches, moved up one when rounding makes
 * it 1,000. Past a million trillion, cents of a trillion are float noise ("1,908,999,999,999,999.8T"):
 * six significant digits are shown instead ("1,909,000,000,000,000T").
 */
function compactMoney(abs: number): string {
  let i = MONEY_UNITS.findLastIndex(([size]) => abs >= size);
  if (i < 0) i = 0; // $999,999.50 rounds to a million dollars: "1M"
  let value = Number((abs / MONEY_UNITS[i]![0]).toFixed(2));
  if (value >= 1000 && i < MONEY_UNITS.length - 1) {
    i += 1;
    value = Number((abs / MONEY_UNITS[i]![0]).toFixed(2));
  }
  if (value >= 1e6) return `${plainNumber(value, 6, true)}${MONEY_UNITS[i]![1]}`;
  return `${formatCount(value)}${MONEY_UNITS[i]![1]}`;
}

/**
 * A percentage for an input error, with the digits as typed ("100.01%", "100.000001%"), not
 * formatPercent's few: a refused value never reads as the limit it is over.
 */
export function formatPercentExact(n: number): string {
  return `${plainNumber(n, 15, true)}%`;
}

/**
 * A percent number as text: "−91%", "77.8%", "2.015%", "0.008%", "0.00001%", "1,250%". Two
 * significant digits below 1%, so small rates such as the Kardashian case's 0.008% stay visible;
 * six past a million trillion percent, where more digits would be float noise.
 */
export function formatPercent(n: number): string {
  if (!Number.isFinite(n)) return 'not defined';
  const sign = n < 0 ? MINUS_SIGN : '';
  const abs = Math.abs(n);
  let text: string;
  if (abs === 0) text = '0';
  else if (abs >= 1e15) text = plainNumber(abs, 6, true);
  else if (abs >= 100) text = formatCount(Math.round(abs));
  else if (abs >= 10) text = String(roundTo(abs, 1));
  else if (abs >= 1) text = String(roundTo(abs, 3));
  else if (abs >= SMALLEST_PERCENT) text = plainNumber(abs, 2);
  else text = `<${plainNumber(SMALLEST_PERCENT, 1)}`;
  return `${sign}${text}%`;
}
