/**
 * The CSV files Tierbot hands back (roster-tiers.csv, compare.csv), written by csv-stringify with
 * Windows line ends (RFC 4180, and what spreadsheets expect). Text is made safe to open: a cell a
 * spreadsheet would run as a formula is written as text. Numbers are Tierbot's own and stay numbers.
 */

import { stringify } from 'csv-stringify/sync';

/**
 * A cell a spreadsheet would run as a formula (= + - @, tab, carriage return, line feed, and their
 * full-width forms, also after leading spaces) gets a leading ', which makes it text (OWASP,
 * "CSV Injection"). An @handle is one: Excel reads a leading @ as a formula.
 */
export function neutraliseCell(value: string): string {
  return /^[\s]*[=+\-@＝＋－＠]|^[\t\r\n]/.test(value) && !isInert(value) ? `'${value}` : value;
}

/**
 * A signed number ("-5", "+3.5", "-1,200", "-1.2E+03") or a lone "-" (a spreadsheet's "no value"):
 * digits, separators and one sign name no function or cell, so nothing can run, and a ' would
 * turn the team's number into text.
 */
const isInert = (value: string): boolean => /^ *(?:[+-]?\d[\d.,]*(?:[eE][+-]?\d+)?|-) *$/.test(value);

/** A cell as it was before neutraliseCell: without the ' it adds, and unchanged when it added none. */
export function withoutNeutralising(value: string): string {
  return value.startsWith("'") && neutraliseCell(value.slice(1)) === value ? value.slice(1) : value;
}

/** A cell: text (neutralised), a number, or nothing (an empty cell). */
export type CsvCell = string | number | null;

export interface CsvOptions {
  /** Default ",". */
  delimiter?: string;
}

/**
 * Rows as CSV text, each line ending in CRLF. Besides what must be quoted (the delimiter, quotes,
 * line breaks, a lone LF or CR too: csv-stringify quotes only a CRLF), a cell with spaces at either
 * end is quoted so a reader keeps them, and so is a neutralised one, so its ' is plainly part of the text.
 */
export function csvText(rows: readonly (readonly CsvCell[])[], { delimiter = ',' }: CsvOptions = {}): string {
  const cells = rows.map((row) => row.map((cell) => (typeof cell === 'string' ? neutraliseCell(cell) : cell === null ? '' : String(cell))));
  return stringify(cells, { delimiter, record_delimiter: 'windows', quoted_match: [/[\r\n]/, /^\s/, /\s$/, /^'/] });
}
