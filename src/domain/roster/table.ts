/**
 * Where the table is among a file's records: its header row (the first, or the one under a
 * sheet's title), or none when the first row is already a creator; the rows above and under it;
 * and the columns its rows are read and written in, cells past the header's last one included.
 */

import { readCount } from '../spreadsheet-count';
import { unquoteCell } from './cells';
import { bestColumn, columnNumber, columnOption, columnsNamed, COUNT_EXACT, COUNT_WORD, earlierTagging, isKnownHeader } from './columns';
import { filledWidth, HEADER_SEARCH_ROWS, type Rec } from './records';
import { MAX_ROSTER_COLUMNS, type RosterError } from './types';

/**
 * Whether the file's first row is already a creator, the file having no header row:
 * `count_column:` picks its column by number, the row's cell there is a follower count, and none
 * of its cells is a header Tierbot knows ("Name,2023,2024" with `count_column:3` keeps its header
 * row). Without `count_column:`, the count column is found by a header word, which is never a count.
 */
function firstRowIsCreator(first: string[], countColumn: string | undefined): boolean {
  const number = countColumn === undefined ? undefined : columnNumber(countColumn);
  if (number === undefined) return false;
  const picked = columnOption(first, 'count_column', countColumn);
  if (!picked.ok || picked.column !== number - 1) return false;
  return readCount(unquoteCell(first[picked.column]!)).ok && !first.some(isKnownHeader);
}

/** Filled cells a row above the header may have: a title, or a label and its value ("Owner:", "Jane"). */
const ABOVE_HEADER_CELLS = 2;

const filledCells = (cells: readonly string[]): number => cells.filter((c) => c.trim() !== '').length;

/**
 * Which of the file's first rows (from 0) is its header: the first, unless it names no count
 * column and one of the next rows does (by a header word, or the name `count_column:` gives), with
 * only a title's few cells in each row above it, as a sheet with a title over its table is exported.
 */
function headerIndex(records: readonly Rec[], countColumn: string | undefined): number {
  const countNamed = countColumn !== undefined && columnNumber(countColumn) === undefined ? countColumn : undefined;
  const namesCount = (cells: string[]) =>
    filledWidth(cells) <= MAX_ROSTER_COLUMNS && (bestColumn(cells, COUNT_EXACT, COUNT_WORD, []).length > 0 || (countNamed !== undefined && columnsNamed(cells, countNamed).length > 0));
  const searched = records.slice(0, HEADER_SEARCH_ROWS).map((r) => headerCells(r.cells));
  const titlesAbove = (at: number) => searched.slice(0, at).every((cells) => filledCells(cells) <= ABOVE_HEADER_CELLS && filledCells(cells) < filledCells(searched[at]!));
  // The lowest row that names a count column with only title-like rows above it: a title that
  // itself says "followers" ("Followers report 2024") is passed over for the header below it.
  const candidates = searched.flatMap((cells, i) => (namesCount(cells) ? [i] : []));
  return candidates.reverse().find(titlesAbove) ?? 0;
}

/** A header row's cells, as read: trimmed, without a stray byte order mark. */
export const headerCells = (cells: readonly string[]): string[] => cells.map((h) => h.replace(/^\uFEFF/, '').trim());

/** A file without a header row: its columns named by number, as the reply and roster-tiers.csv name them. */
const numberedColumns = (width: number): string[] => Array.from({ length: width }, (_, i) => `column ${i + 1}`);

/** Where a file's table is: its header row, what is above it, and the records under it. */
interface LocatedTable {
  /** False when the file's first row is already a creator (see firstRowIsCreator). */
  headerRow: boolean;
  /** The header row's cells as read; for a file without one, its first creator's. */
  givenHeader: string[];
  /** The line the header row is on (0 without one). */
  headerLine: number;
  /** The rows above the header (a title), blank ones as no cells. */
  aboveHeader: string[][];
  /** The records under the header (all of them without one), blank ones too; at least one is filled. */
  data: readonly Rec[];
}

/** The file's header row and the records under it; or that a row is wider than MAX_ROSTER_COLUMNS, or no creators are under it. */
export function locateHeader(records: readonly Rec[], countColumn: string | undefined): ({ ok: true } & LocatedTable) | { ok: false; error: RosterError } {
  // The header and the title above it are found among the filled rows; blank ones are kept only among the creators.
  const filled = records.filter((rec) => !rec.blank);
  const firstRecord = filled[0];
  if (!firstRecord) return { ok: false, error: { kind: 'empty' } };
  const firstCells = headerCells(firstRecord.cells);
  // A first row wider than the limit is not looked into: it is refused as a header (layOut).
  const firstTooWide = filledWidth(firstCells) > MAX_ROSTER_COLUMNS;
  const headerRow = firstTooWide || !firstRowIsCreator(firstCells, countColumn);
  const headerAt = headerRow && !firstTooWide ? headerIndex(filled, countColumn) : 0;
  const headerRecord = filled[headerAt]!;
  const headerWidth = filledWidth(headerRecord.cells);
  if (headerWidth > MAX_ROSTER_COLUMNS) return { ok: false, error: { kind: 'too-many-columns', columns: headerWidth } };
  const data = headerRow ? records.filter((rec) => rec.line > headerRecord.line) : records;
  // Trailing blank cells are not cells anyone typed, in a blank row as in any other.
  const wide = records.find((rec) => filledWidth(rec.cells) > MAX_ROSTER_COLUMNS);
  if (wide) return { ok: false, error: { kind: 'too-many-columns', columns: filledWidth(wide.cells), line: wide.line } };
  // A header within the limit is kept as the sheet has it; one padded past it with blank cells (a
  // spreadsheet's export) loses those with nothing under them.
  const dataWidth = data.reduce((widest, rec) => Math.max(widest, filledWidth(rec.cells)), 0);
  const headerRead = headerCells(headerRecord.cells);
  const givenHeader = headerRead.length > MAX_ROSTER_COLUMNS ? headerRead.slice(0, Math.max(headerWidth, dataWidth)) : headerRead;
  if (data.every((rec) => rec.blank)) return { ok: false, error: { kind: 'header-only', header: givenHeader } };
  return {
    ok: true,
    headerRow,
    givenHeader,
    headerLine: headerRow ? headerRecord.line : 0,
    // Blank lines too, so that every row of roster-tiers.csv stays on its line of the team's sheet.
    aboveHeader: headerRow ? records.filter((r) => r.line < headerRecord.line).map((r) => (r.blank ? [] : r.cells)) : [],
    data,
  };
}

/** The columns a roster's rows are read and written in. */
export interface Layout {
  /** As TaggedRoster.header. */
  header: string[];
  /** Cells in every row: the header's, and one more for each unnamed column past it (TaggedRoster.extraColumns). */
  width: number;
  /** As TaggedRoster.replacedColumns. */
  replacedColumns: number[];
  /** As TaggedRoster.namedColumns. */
  namedColumns: number;
}

/** The cells of a row but those in `columns`. */
export const withoutColumns = <T>(cells: readonly T[], columns: readonly number[]): T[] => cells.filter((_, i) => !columns.includes(i));

/** How the table's columns are laid out (its rows within MAX_ROSTER_COLUMNS: locateHeader). */
export function layOut(table: LocatedTable): Layout {
  const { givenHeader, data } = table;
  // Every filled cell is written back, those past the header's last column too (trailing blank ones are not cells anyone typed).
  const filledWidths = data.map((rec) => filledWidth(rec.cells));
  const widest = filledWidths.reduce((most, w, i) => (w > filledWidths[most]! ? i : most), 0);
  const header = table.headerRow ? givenHeader : numberedColumns(filledWidths[widest]!);
  const replacedColumns = earlierTagging(header);
  return {
    header,
    width: Math.max(header.length, filledWidths[widest]!),
    replacedColumns,
    namedColumns: replacedColumns.length ? filledWidth(withoutColumns(header, replacedColumns)) : header.length,
  };
}
