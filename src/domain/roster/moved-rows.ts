/**
 * Rows a comma inside an unquoted cell moved: a row wider than the header whose count, or whose
 * platform, reads only with the cells the comma split read as one. Such a row's count is not read,
 * as its cells are not where the header says; the reason says how to mend the file.
 */

import { type CountRead, namesPlatform } from './cells';
import { filledWidth, type Rec } from './records';
import { type Layout, withoutColumns } from './table';
import type { Delimiter, RosterColumns } from './types';


/** What a row with cells past the header's last column most often has. */
export const COMMA_IN_CELL = 'a comma inside an unquoted cell?';

/** How a comma moved a row: it split the count over `pieces` cells, or a cell before it; `cells`: the row's own cells. */
type Move = ({ kind: 'count-split'; pieces: number } | { kind: 'before-count' }) & { cells: number };

/** Cells of one cell a comma split that a row is read with at most: a name or a count has a comma or two. */
const MAX_PIECES = 3;

/** A grouped count a comma splits when its cell is not quoted: "45,200", "1,250,000". */
const GROUPED_WITH_COMMAS = /^\s*\d{1,3}(?:,\d{3})+\s*$/;


/**
 * Whether a row wider than the header was moved by a comma inside an unquoted cell at or before its
 * count ("Ana,45,200,Instagram" under Name,Followers,Platform): read as one cell where the comma
 * split it, its count reads, or reads as a count written with commas, or its platform cell names a
 * platform, where as written they do not. Undefined when the row reads as well as written: its
 * extra cells only follow its own ("Ana,Instagram,45000,call back"), or nothing tells.
 * `readCount`: the count column's reader.
 */
export function movedRowOf(rec: Rec, layout: Layout, columns: RosterColumns, delimiter: Delimiter, readCount: (cell: string) => CountRead): Move | undefined {
  const own = withoutColumns(rec.cells, layout.replacedColumns);
  const width = filledWidth(own);
  const extra = width - layout.namedColumns;
  if (extra <= 0) return undefined;
  // The count and platform columns among the row's own cells (the replaced ones left out).
  const ownIndex = (column: number) => column - layout.replacedColumns.filter((c) => c < column).length;
  const count = ownIndex(columns.count);
  const platform = columns.platform === undefined ? undefined : ownIndex(columns.platform);
  /** How well the row reads with cells `at` to `at + joined` as one cell (none joined: as written). */
  const score = (at: number, joined: number) => {
    const cellAt = (column: number) => (column < at || joined === 0 ? own[column] : column === at ? own.slice(at, at + joined + 1).join(delimiter) : own[column + joined]) ?? '';
    const countCell = cellAt(count);
    const countScore = readCount(countCell).ok ? 2 + (joined > 0 && at === count && GROUPED_WITH_COMMAS.test(countCell) ? 2 : 0) : 0;
    return countScore + (platform !== undefined && namesPlatform(cellAt(platform)) ? 1 : 0);
  };
  const asWritten = score(0, 0);
  // Where the split cell may be, as far as the count and platform tell: before both, at either, between them, at the count.
  const splits = [...new Set([0, count, platform, platform === undefined ? undefined : platform + 1])].filter((at): at is number => at !== undefined && at <= count);
  let best: { at: number; joined: number; score: number } | undefined;
  for (const at of splits) {
    for (let joined = 1; joined <= Math.min(extra, MAX_PIECES - 1); joined++) {
      const s = score(at, joined);
      if (s > asWritten && (!best || s > best.score)) best = { at, joined, score: s };
    }
  }
  if (!best) return undefined;
  return best.at === count ? { kind: 'count-split', pieces: best.joined + 1, cells: width } : { kind: 'before-count', cells: width };
}

/** Why a moved row's count is not read, and how to mend it. `asWritten`: its count cell read as written. */
export function movedReason(move: Move, asWritten: CountRead, headerCells: number): string {
  const { cells } = move;
  const fix = move.kind === 'count-split' ? 'write the count without commas, or quote it' : 'quote that cell, or drop the comma';
  if (!asWritten.ok) return `${asWritten.reason}; this row has ${cells} cells where the header has ${headerCells}: ${COMMA_IN_CELL} ${fix[0]!.toUpperCase()}${fix.slice(1)}`;
  return move.kind === 'count-split'
    ? `a comma split the count over ${move.pieces} cells (this row has ${cells} where the header has ${headerCells}): ${fix}`
    : `a comma inside an unquoted cell before the count moved it out of its column (this row has ${cells} cells where the header has ${headerCells}): ${fix}`;
}
