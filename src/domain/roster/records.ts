/**
 * Text to records, the CSV layer: which delimiter the file uses (or Excel's "sep=" line names),
 * its rows read with csv-parse, each with the line it starts on, and why a file that cannot be
 * read as CSV is refused (a quote never closed, too many rows).
 */

import { parse } from 'csv-parse/sync';
import { type Delimiter, MAX_ROSTER_LINES, type RosterError } from './types';

/**
 * What ends a row: CRLF, LF or CR, each wherever it comes. csv-parse would otherwise keep the first
 * one it meets for the whole file, and a file edited on two systems mixes them.
 */
const ROW_ENDS = ['\r\n', '\n', '\r'];

/**
 * Rows looked through for the header when the first names no count column: a title and a few
 * notes above it. The delimiter is told from the rows after such a title, the header found in them.
 */
export const HEADER_SEARCH_ROWS = 10;

/** Excel's "sep=;" first line, which names the delimiter: the delimiter and the text after it. */
export function sepLine(text: string): { delimiter: Delimiter; rest: string } | undefined {
  const m = /^sep=([,;\t|])(?:\r\n|\n|\r)/i.exec(text);
  return m ? { delimiter: m[1] as Delimiter, rest: text.slice(m[0].length) } : undefined;
}

export const DELIMITERS = ['\t', ';', ',', '|'] as const;
/** Lines read to tell the delimiter, within the file's first SAMPLE_CHARS characters (a header line of 2 MB is not split four ways). */
const SAMPLE_LINES = 20;
const SAMPLE_CHARS = 16 * 1024;

/** The delimiter the header line uses most outside quotes (comma when it has none). */
function mostInHeader(text: string): Delimiter {
  const firstLine = (text.split(/\r\n|\n|\r/).find((l) => l.trim() !== '') ?? '').replace(/"[^"]*"/g, '');
  let best: Delimiter = ',';
  let most = 0;
  for (const d of DELIMITERS) {
    const n = firstLine.split(d).length - 1;
    if (n > most) [best, most] = [d, n];
  }
  return best;
}

/** The file's first lines, whole: up to SAMPLE_CHARS characters, cut at a line break when it has one. */
function sampleOf(text: string): string {
  if (text.length <= SAMPLE_CHARS) return text;
  const head = text.slice(0, SAMPLE_CHARS);
  const lastBreak = Math.max(head.lastIndexOf('\n'), head.lastIndexOf('\r'));
  return lastBreak > 0 ? head.slice(0, lastBreak) : head;
}

/** How many cells each of the sample's records has when split by `d` (quotes honoured), or undefined if they cannot be read. */
function sampleWidths(sample: string, d: Delimiter): number[] | undefined {
  try {
    const records = parse(sample, { delimiter: d, record_delimiter: ROW_ENDS, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, to_line: SAMPLE_LINES }) as string[][];
    return records.map((r) => r.length);
  } catch {
    return undefined;
  }
}

/**
 * The file's delimiter. Cells often hold commas ("Followers, all platforms") and hardly ever tabs,
 * so the header's count of each is not enough:
 * 1. a .tsv whose header has a tab is tab-separated;
 * 2. else the delimiter that splits the header into columns and each of the first rows into as
 *    many (tab first, then the one giving the most columns);
 * 3. else the one the header line uses most outside quotes.
 */
export function detectDelimiter(text: string, filename = ''): Delimiter {
  const sample = withoutTitleLines(sampleOf(text));
  const widths = new Map(DELIMITERS.map((d) => [d, sampleWidths(sample, d)]));
  const headerWidth = (d: Delimiter) => widths.get(d)?.[0] ?? 0;
  if (/\.tsv$/i.test(filename.trim()) && headerWidth('\t') > 1) return '\t';
  const consistent = DELIMITERS.filter((d) => headerWidth(d) > 1 && widths.get(d)!.every((n) => n === headerWidth(d)));
  if (consistent.includes('\t')) return '\t';
  const widest = consistent.sort((a, b) => headerWidth(b) - headerWidth(a))[0];
  return widest ?? mostInHeader(sample);
}

/**
 * The text from its first line with a delimiter in it: a sheet's title typed above the table
 * ("Q4 shortlist", then a blank line) has none and would hide which one the table uses. Text
 * without any delimiter (one column) is kept whole.
 */
function withoutTitleLines(sample: string): string {
  const lines = sample.split(/(?<=\r\n|\n|\r(?!\n))/);
  const first = lines.slice(0, HEADER_SEARCH_ROWS).findIndex((line) => DELIMITERS.some((d) => line.includes(d)));
  return first > 0 ? lines.slice(first).join('') : sample;
}

export interface Rec {
  cells: string[];
  line: number;
  /** Every cell blank (an empty line, or only delimiters and spaces). */
  blank: boolean;
}

/**
 * The file's records, each with the line it starts on, blank ones too but for those after the
 * last filled one (a file's final line breaks are no rows); `skipped`: lines before `text`. Reading
 * stops past MAX_ROSTER_LINES rows, so that a file of millions of short rows is refused unread.
 */
export function records(text: string, delimiter: Delimiter, skipped = 0): { ok: true; records: Rec[] } | { ok: false; error: RosterError } {
  let parsed: string[][];
  /** For each record, how many empty lines come before it in all. */
  const emptyLinesBefore: number[] = [];
  try {
    // Empty lines are skipped rather than read as records: csv-parse builds an error object for
    // every record narrower than the first, which for a file of blank lines is most of the work.
    parsed = parse(withoutTrailingBlankLines(text, delimiter), {
      delimiter,
      record_delimiter: ROW_ENDS,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      to: MAX_ROSTER_LINES + 1,
      on_record: (record, info) => {
        emptyLinesBefore.push(info.empty_lines);
        return record;
      },
    });
  } catch (e) {
    const err = e as { code?: string; lines?: number; bytes?: number };
    const lastLine = (typeof err.lines === 'number' ? err.lines : 0) + skipped;
    if (err.code === 'CSV_QUOTE_NOT_CLOSED') {
      const opens = unclosedQuoteLine(text, err.bytes);
      return { ok: false, error: { kind: 'unclosed-quote', line: opens === undefined ? lastLine : opens + skipped, exact: opens !== undefined } };
    }
    const detail = err.code === 'CSV_INVALID_CLOSING_QUOTE' ? 'a quoted field has text after its closing quote' : 'the CSV cannot be read there';
    return { ok: false, error: { kind: 'malformed', line: lastLine, detail } };
  }
  const out: Rec[] = [];
  // Every line is a row: a record, or one of the empty lines skipped before it; a record spans one line more per line break in its cells.
  let line = skipped + 1;
  let emptyLines = 0;
  for (const [i, record] of parsed.entries()) {
    for (; emptyLines < emptyLinesBefore[i]! && out.length <= MAX_ROSTER_LINES; emptyLines++) out.push({ cells: [''], line: line++, blank: true });
    if (out.length > MAX_ROSTER_LINES) break;
    const start = line;
    line += 1;
    for (const cell of record) line += lineBreaksIn(cell);
    out.push({ cells: record, line: start, blank: record.every((c) => c.trim() === '') });
  }
  if (out.length > MAX_ROSTER_LINES) return { ok: false, error: { kind: 'too-many-lines', blank: out.slice(0, MAX_ROSTER_LINES).filter((rec) => rec.blank).length } };
  const lastFilled = out.findLastIndex((rec) => !rec.blank);
  return { ok: true, records: out.slice(0, lastFilled + 1) };
}

/** How many line breaks (CRLF, LF or CR) the text has: counted, not matched, as a cell may hold millions. */
function lineBreaksIn(text: string): number {
  let breaks = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) breaks++;
  }
  return breaks;
}

/**
 * The text without the blank lines at its end (only delimiters and spaces): no rows, however many
 * a spreadsheet pads its export with, so they are not read at all.
 */
function withoutTrailingBlankLines(text: string, delimiter: Delimiter): string {
  let end = text.length;
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text[i]!;
    if (c === '\n' || c === '\r') end = i;
    else if (c !== delimiter && c.trim() !== '') break;
  }
  return text.slice(0, end);
}

/**
 * The line (from 1) on which a never-closed quote opens. csv-parse's error gives `bytes`: where the
 * last field it completed ends (in UTF-8 bytes), so the open quote starts the next field, on the
 * line that offset is on. Undefined when that line has no quote after the offset (csv-parse
 * changed): the caller then says "on or before" the last line.
 */
function unclosedQuoteLine(text: string, bytes: number | undefined): number | undefined {
  if (typeof bytes !== 'number' || !Number.isInteger(bytes) || bytes < 0) return undefined;
  const encoded = new TextEncoder().encode(text);
  if (bytes > encoded.length) return undefined;
  const decoder = new TextDecoder();
  const before = decoder.decode(encoded.subarray(0, bytes));
  const restOfLine = /^[^\r\n]*/.exec(decoder.decode(encoded.subarray(bytes)))![0];
  if (!restOfLine.includes('"')) return undefined;
  return 1 + lineBreaksIn(before);
}

/** How many cells a record has up to its last filled one. */
export function filledWidth(cells: readonly string[]): number {
  let width = cells.length;
  while (width > 0 && cells[width - 1]!.trim() === '') width--;
  return width;
}
