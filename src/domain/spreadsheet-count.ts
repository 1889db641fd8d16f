/**
 * readCount, the follower count in a spreadsheet cell: what a roster's count column is read with
 * (roster/cells.ts adds the column's own conventions), a cell refused in the words the message
 * command uses for the same thing.
 */

import { REASONS } from './extract';
import { countText, type CountProblem, type DecimalMark, MAX_FOLLOWERS, MAX_FOLLOWERS_WORDS, MAX_INPUT_LENGTH, type ParseResult, readCountText } from './followers';

/**
 * Reads a roster cell: every form /tier reads (readCountText, with the decimal mark the sheet
 * uses), and the scientific notation spreadsheets write large numbers in ("1.2E+06", "1,2E+06"),
 * which a person typing a count does not.
 */
export function readCount(input: string, decimal: DecimalMark = '.'): ParseResult<number> {
  if (input.length > MAX_INPUT_LENGTH) return { ok: false, reason: `it is ${input.length} characters long; a follower count is at most ${MAX_INPUT_LENGTH}` };
  // A negative exponent is read too, so "1.2E-06" is "not a whole number" rather than unreadable.
  const scientific = /^(\d{1,15})(?:[.,](\d{1,15}))?e([+\-−]?)(\d{1,4})$/.exec(countText(input));
  if (scientific) {
    const [, whole = '', fraction = '', sign = '', exponent = ''] = scientific;
    const shift = (sign === '' || sign === '+' ? 1 : -1) * Number(exponent) - fraction.length;
    const digits = BigInt(whole + fraction);
    // Thirty places past the digits is past any count: "1e309" is too many followers, however many more places.
    if (shift > 30 && digits > 0n) return { ok: false, reason: COUNT_PROBLEMS['too-large'] };
    const value = shift >= 0 ? digits * 10n ** BigInt(shift) : digits % 10n ** BigInt(-shift) === 0n ? digits / 10n ** BigInt(-shift) : -1n;
    if (value < 0n) return { ok: false, reason: COUNT_PROBLEMS.fraction };
    if (value > BigInt(MAX_FOLLOWERS)) return { ok: false, reason: COUNT_PROBLEMS['too-large'] };
    return { ok: true, value: Number(value) };
  }
  const read = readCountText(input, decimal);
  return read.ok ? read : { ok: false, reason: COUNT_PROBLEMS[read.problem] };
}

/** Why a roster cell is no count: the message command's words where it sets the same thing aside. */
const COUNT_PROBLEMS: Record<CountProblem, string> = {
  'too-long': `longer than ${MAX_INPUT_LENGTH} characters, longer than a follower count`,
  empty: 'no follower count',
  negative: 'a follower count cannot be negative',
  fraction: 'not a whole number of followers',
  'too-large': `more than ${MAX_FOLLOWERS_WORDS} followers, more than there are people`,
  range: REASONS.range,
  exponent: REASONS.exponent,
  hexadecimal: REASONS.hex,
  hashtag: REASONS.hashtag,
  unreadable: 'not a follower count I can read',
};
