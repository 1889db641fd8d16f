/**
 * A roster's count cells read as spreadsheets write them: no-value marks and formula errors, the
 * unit the column's header gives ("Followers (K)"), "mil" by the header's language, the decimal
 * mark the column uses, and a fee or a date where a count should be, named as such.
 */

import { extractCounts, type IgnoreKind } from '../extract';
import { type DecimalMark, MAX_INPUT_LENGTH, normaliseDigits, type ParseResult } from '../followers';
import { PLATFORM_BY_ALIAS } from '../platforms';
import { readCount } from '../spreadsheet-count';
import type { CountUnit, Delimiter } from './types';

/** A count cell as read: the count, or why it is none. */
export type CountRead = ParseResult<number>;

/** A cell that names a platform Tierbot knows ("IG", "TikTok"). */
export const namesPlatform = (cell: string): boolean => PLATFORM_BY_ALIAS.has(unquoteCell(cell).replace(/\s+/g, ' ').toLowerCase());

/** "No value" as a sheet writes it: n/a, Excel's #N/A (readCount takes a lone dash as no count itself). */
const NO_VALUE = /^(?:#?n\/?a|none|nil|null)$/i;

/** A formula's error as Excel and Google Sheets show it in the cell: #REF!, #DIV/0!, #VALUE!, #NAME?, #NUM!, #NULL!, #ERROR!, #SPILL!. */
const SPREADSHEET_ERROR = /^(?:#(?:ref!|div\/0!|value!|name\?|num!|null!|error!|spill!|calc!|getting_data)|#{3,})$/i;

/** Why an empty count cell, or one with a "no value" mark, is not read. */
export const NO_COUNT = 'no follower count';

/**
 * A formula where its value should be: a sheet saved with its formulas (LibreOffice's "Save cell
 * formulas instead of calculated values", a copy of the formula view), which no export of values has.
 */
const FORMULA = /^[=＝]/;

/**
 * A count cell read as the roster reads it: empty or a "no value" mark is no count, and a plain
 * number in a column whose header gives a unit is in that unit (45 in "Followers (K)" is 45,000).
 * A number with its own suffix (45k) is read as written; "45 mil" is 45 thousand under a Spanish
 * or Portuguese header (`milIsThousand`), 45 million under any other.
 */
/** A cell that is a plain number: digits, with a decimal mark or grouping, and nothing else. */
export const PLAIN_NUMBER = /^\d[\d.,\s'’]*$/;

export function readRosterCount(cell: string, decimal: DecimalMark, unit: CountUnit | undefined, milIsThousand: boolean): CountRead {
  const text = unquoteCell(cell);
  if (text === '' || NO_VALUE.test(text)) return { ok: false, reason: NO_COUNT };
  if (SPREADSHEET_ERROR.test(text)) return { ok: false, reason: 'no follower count (a spreadsheet error)' };
  if (FORMULA.test(text)) return { ok: false, reason: 'a formula, not a follower count: export the sheet with values, not formulas' };
  const inUnit = unit !== undefined && PLAIN_NUMBER.test(normaliseDigits(text));
  const written = milIsThousand ? text.replace(/(?<=\d)\s?mil$/i, 'k') : text;
  const read = readCount(inUnit ? `${text}${unit === 'thousands' ? 'k' : 'M'}` : written, decimal);
  if (read.ok) return read;
  const otherNumber = otherNumberIn(text);
  return otherNumber ? { ok: false, reason: `${otherNumber}, not a follower count` } : read;
}

/**
 * The step a count cell writes its count to: 1 for a count written out ("1495200", "1,495,200"),
 * 100,000 for "1.5M", 100 for "45.2K", 1,000 for "45" under "Followers (K)". Found by reading the
 * cell with its last digit changed, so it holds for every form `read` reads; 1 for a cell that is no count.
 */
export function stepOf(cell: string, read: (cell: string) => CountRead): number {
  const text = normaliseDigits(unquoteCell(cell));
  const value = read(text);
  // The last digit of the number itself, not of an exponent ("1.2E+06").
  const end = /e[+\-−]?\d+$/i.exec(text)?.index ?? text.length;
  const last = text.slice(0, end).search(/\d(?=\D*$)/);
  if (!value.ok || last < 0) return 1;
  const digit = Number(text[last]);
  const changed = read(`${text.slice(0, last)}${digit === 9 ? 8 : digit + 1}${text.slice(last + 1)}`);
  return changed.ok ? Math.max(1, Math.abs(changed.value - value.value)) : 1;
}

/** Numbers a count column holds by mistake (a fee, an engagement rate, a date), named as the message command names them. */
const OTHER_NUMBERS = new Set<IgnoreKind>(['price', 'percentage', 'date']);

/** "a price", "a percentage" or "a date": what a cell that is no count holds, when it is one of OTHER_NUMBERS and nothing else. */
function otherNumberIn(text: string): string | undefined {
  if (text.length > MAX_INPUT_LENGTH) return undefined;
  const { counts, ignored } = extractCounts(text);
  const only = counts.length === 0 && ignored.length === 1 ? ignored[0]! : undefined;
  return only && OTHER_NUMBERS.has(only.kind) ? only.reason : undefined;
}

/** Which decimal mark the count column uses: by its cells, else by the delimiter (";" is European). */
export function detectDecimal(cells: readonly string[], delimiter: Delimiter): DecimalMark {
  let european = 0;
  let english = 0;
  for (const raw of cells) {
    const c = raw.trim().toLowerCase();
    if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$|^\d+,\d{1,2}$|^\d+,\d+\s?[a-z]/.test(c)) european++;
    else if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+\.\d{1,2}$|^\d+\.\d+\s?[a-z]/.test(c)) english++;
  }
  if (european !== english) return european > english ? ',' : '.';
  return delimiter === ';' ? ',' : '.';
}

/** A spreadsheet's "text" marker (a leading ') and our own neutralising one, taken off before reading. */
export const unquoteCell = (cell: string): string => cell.replace(/^'(?=[\s=+\-@＝＋－＠])/, '').trim();
