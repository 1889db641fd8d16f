/**
 * Where the table is among a file's records: its header row (the first, or the one under a
 * sheet's title or a report's notes), or none when the first row is already a creator; the rows
 * above and under it; and the columns its rows are read and written in, cells past the header's
 * last one included.
 */

import { columnNumber, columnOption, columnsNamed, countColumns, earlierTagging, holdsCounts, isKnownHeader, numberedColumn, readsAsCount } from './columns';
import { filledWidth, HEADER_SEARCH_ROWS, type Rec } from './records';
import { MAX_ROSTER_COLUMNS, type RosterError } from './types';

/** A year ("2024"): what a header cell over a year's counts reads as, and no creator's follower count. */
const YEAR = /^(?:19|20)\d\d$/;

const filledCells = (cells: readonly string[]): number => cells.filter((c) => c.trim() !== '').length;

/**
 * A row that names columns as a header row does: two filled cells or more, one of them a header
 * Tierbot knows ("Name", "Followers", "Platform"), and none a follower count. A note above it
 * ("Total reach,173000", "Budget,5000") has a number where its count column is.
 */
function isHeaderRow(cells: readonly string[]): boolean {
  return filledCells(cells) >= 2 && cells.some(isKnownHeader) && !cells.some(readsAsCount);
}

/**
 * Whether the file's first row is already a creator, the file having no header row. With
 * `count_column:` giving a column's number: the row's cell there is a follower count, and none of
 * its cells is a header Tierbot knows ("Name,2023,2024" with `count_column:3` keeps its header
 * row). Without `count_column:`, when no row is found to be the header (`headerFound` false): none
 * of its cells is a header Tierbot knows, no row under it is a header row (isHeaderRow: the first
 * is a note above it), one of its cells is a follower count (not a year) in a column of counts,
 * and one is no count, as a creator has a name ("1,2,3" numbers a sheet's columns). `rows`: the
 * file's first filled rows, as read (headerCells).
 */
function firstRowIsCreator(rows: readonly string[][], countColumn: string | undefined, headerFound: boolean): boolean {
  const first = rows[0]!;
  if (first.some(isKnownHeader)) return false;
  if (countColumn !== undefined && countColumn.trim() !== '') {
    const number = columnNumber(countColumn);
    if (number === undefined) return false;
    const picked = columnOption(first, 'count_column', countColumn);
    return picked.ok && picked.column === number - 1 && readsAsCount(first[picked.column]!);
  }
  if (headerFound || rows.slice(1).some(isHeaderRow) || !first.some((cell) => cell !== '' && !readsAsCount(cell))) return false;
  return first.some((cell, i) => readsAsCount(cell) && !YEAR.test(cell) && holdsCounts(rows.map((row) => row[i] ?? '')));
}

/** Filled cells a row above the header may have: a title, or a label and its value ("Owner:", "Jane"). */
const ABOVE_HEADER_CELLS = 2;

/** Rows under a header looked at to tell that they hold counts in its count column. */
const ROWS_UNDER_HEADER = 5;

/**
 * Which of the file's first filled rows (from 0) is its header, among those that name a count
 * column by a header word or by the name `count_column:` gives (when some row has that name, only
 * those); undefined when none does, or none is found to be the header:
 * 1. the first that is clearly the header: its count column holds counts under it and none above
 *    it (above it, a report's name, who exported it and when, as some tools write them);
 * 2. else the first that is a header row by its words (isHeaderRow: "Name,Followers") with counts
 *    under it, whatever the notes above it have in that column ("Total reach,173000");
 * 3. else the lowest with only a title's few cells in each row above it, as a sheet with a title
 *    over its table is exported (a title that itself says "followers", "Followers report 2024",
 *    is passed over for the header below it);
 * 4. else the first with no count in any row above it (the counts under it unreadable: "n/a"),
 *    then the first that is a header row by its words, or, `count_column:` naming it, the first.
 */
function headerIndex(records: readonly Rec[], countColumn: string | undefined): number | undefined {
  const countNamed = countColumn !== undefined && countColumn.trim() !== '' && columnNumber(countColumn) === undefined ? countColumn : undefined;
  const rows = records.slice(0, HEADER_SEARCH_ROWS + ROWS_UNDER_HEADER).map((r) => headerCells(r.cells));
  const searched = rows.slice(0, HEADER_SEARCH_ROWS).map((cells) => (filledWidth(cells) <= MAX_ROSTER_COLUMNS ? cells : []));
  const byName = searched.map((cells) => (countNamed === undefined ? [] : columnsNamed(cells, countNamed)));
  const named = byName.some((columns) => columns.length > 0);
  const countsIn = named ? byName : searched.map((cells) => countColumns(cells, []));
  const candidates = countsIn.flatMap((columns, i) => (columns.length > 0 ? [i] : []));
  const above = (at: number) => rows.slice(0, at);
  const countsBelow = (at: number, column: number) => !readsAsCount(rows[at]![column]!) && holdsCounts(rows.slice(at + 1).map((cells) => cells[column] ?? '').slice(0, ROWS_UNDER_HEADER));
  const countsUnder = (at: number, column: number) => countsBelow(at, column) && !above(at).some((cells) => readsAsCount(cells[column] ?? ''));
  const clearly = candidates.find((at) => countsIn[at]!.some((column) => countsUnder(at, column)));
  const byWords = candidates.filter((at) => isHeaderRow(rows[at]!));
  const byWordsOverCounts = byWords.find((at) => countsIn[at]!.some((column) => countsBelow(at, column)));
  const titlesAbove = (at: number) => above(at).every((cells) => filledCells(cells) <= ABOVE_HEADER_CELLS && filledCells(cells) < filledCells(rows[at]!));
  const noCountsAbove = (at: number) => !above(at).some((cells) => cells.some(readsAsCount));
  return clearly ?? byWordsOverCounts ?? candidates.toReversed().find(titlesAbove) ?? candidates.find(noCountsAbove) ?? byWords[0] ?? (named ? candidates[0] : undefined);
}

/** A header row's cells, as read: trimmed, without a stray byte order mark. */
export const headerCells = (cells: readonly string[]): string[] => cells.map((h) => h.replace(/^\uFEFF/, '').trim());

/** A file without a header row: its columns named by number, as the reply and roster-tiers.csv name them. */
const numberedColumns = (width: number): string[] => Array.from({ length: width }, (_, i) => numberedColumn(i));

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
  const foundAt = firstTooWide ? 0 : headerIndex(filled, countColumn);
  const firstRows = filled.slice(0, HEADER_SEARCH_ROWS).map((rec) => headerCells(rec.cells));
  const headerRow = firstTooWide || !firstRowIsCreator(firstRows, countColumn, foundAt !== undefined);
  // No row found to be the header, and the first no creator: the first is the header (and the reply says what it reads).
  const headerRecord = filled[headerRow ? (foundAt ?? 0) : 0]!;
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
