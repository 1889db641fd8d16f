/** readRoster: a file's bytes through every step (decode, records, table, columns, counts, tags, totals) to a tagged roster, or why the file is refused. */

import type { DecimalMark } from '../followers';
import { type CountRead, detectDecimal, PLAIN_NUMBER, readRosterCount, stepOf, unquoteCell } from './cells';
import { findColumns, milIsThousandUnder } from './columns';
import { decodeRosterText, isHtml, isJson } from './decode';
import { movedReason, movedRowOf } from './moved-rows';
import { detectDelimiter, records, sepLine } from './records';
import { layOut, locateHeader } from './table';
import { tagRows } from './tag';
import { totalRowsOf } from './total-rows';
import { totalsByTier } from './totals';
import { type CountUnit, type Delimiter, MAX_ROSTER_ROWS, type RosterError, type RosterOptions, type TaggedRoster } from './types';


/** Reads, tags and totals a roster; or says what is wrong with the file as a whole. */
export function readRoster(bytes: Uint8Array, opts: RosterOptions = {}): { ok: true; roster: TaggedRoster } | { ok: false; error: RosterError } {
  const decoded = decodeRosterText(bytes);
  if (!decoded.ok) return decoded;
  if (isJson(decoded.text)) return { ok: false, error: { kind: 'json' } };
  if (isHtml(decoded.text)) return { ok: false, error: { kind: 'html' } };
  const sep = sepLine(decoded.text);
  const delimiter = sep?.delimiter ?? detectDelimiter(decoded.text, opts.filename);
  const read = sep ? records(sep.rest, delimiter, 1) : records(decoded.text, delimiter);
  if (!read.ok) return read;
  const table = locateHeader(read.records, opts.countColumn);
  if (!table.ok) return table;
  const layout = layOut(table);
  const creators = table.data.filter((rec) => !rec.blank);
  const cellsOf = (column: number) => creators.map((r) => r.cells[column] ?? '');
  const found = findColumns(layout.header, cellsOf, opts);
  if (!found.ok) return found;
  const columns = found.columns;
  const decimal = detectDecimal(cellsOf(columns.count).map(unquoteCell), delimiter);
  const milIsThousand = milIsThousandUnder(layout.header[columns.count] ?? '');
  const readCell = (cell: string) => readRosterCount(cell, decimal, columns.countUnit, milIsThousand);
  const moves = table.data.map((rec) => (rec.blank ? undefined : movedRowOf(rec, layout, columns, delimiter, readCell)));
  const counts = table.data.map((rec, i): CountRead => {
    const asWritten = readCell(rec.cells[columns.count] ?? '');
    const move = moves[i];
    return move ? { ok: false, reason: movedReason(move, asWritten, layout.namedColumns) } : asWritten;
  });
  const totalRows = totalRowsOf(table.data, counts, columns, (i) => stepOf(table.data[i]!.cells[columns.count] ?? '', readCell), layout.replacedColumns);
  // The limit is on creators: a Total or Average row under 5,000 of them is no reason to refuse the file.
  const creatorRows = creators.length - totalRows.notCreators.size;
  if (creatorRows > MAX_ROSTER_ROWS) return { ok: false, error: { kind: 'too-many-rows', rows: creatorRows } };
  const moved = new Set(moves.flatMap((move, i) => (move ? [i] : [])));
  const { rows, problems } = tagRows(table.data, { layout, columns, house: opts.house, counts, moved, totalRows, milIsThousand, readOtherCount: otherCountReader(layout.header, cellsOf, delimiter) });
  if (problems.length === creators.length) {
    const cells = [...new Set(problems.map((p) => p.cell.trim()).filter((cell) => cell !== ''))];
    return { ok: false, error: { kind: 'no-readable-count', header: layout.header, column: columns.count, cells, moved: moved.size } };
  }
  const creatorCounts = table.data.flatMap((rec, i) => (rec.blank || totalRows.notCreators.has(i) || moved.has(i) ? [] : [rec.cells[columns.count] ?? '']));
  return {
    ok: true,
    roster: {
      delimiter,
      decimal,
      bom: decoded.bom,
      sepLine: sep !== undefined,
      header: layout.header,
      headerRow: table.headerRow,
      headerLine: table.headerLine,
      aboveHeader: table.aboveHeader,
      replacedColumns: layout.replacedColumns,
      namedColumns: layout.namedColumns,
      extraColumns: layout.width - layout.header.length,
      columns,
      rows,
      totals: totalsByTier(rows.filter((r) => r.repeatOf === undefined), opts.house),
      problems,
      namedLikeTotals: [...totalRows.namedLikeTotals].map((i) => table.data[i]!.line),
      unitlessThousands: columns.countUnit ? undefined : unitlessThousands(creatorCounts, decimal, milIsThousand),
      basis: opts.house ? 'house' : 'consensus',
    },
  };
}

/**
 * A reader for the cells of the other count columns, each read as if `count_column:` named it (its
 * own decimal mark, the unit its header gives), for saying which has a count where the count
 * column has none.
 */
function otherCountReader(header: string[], cellsOf: (column: number) => string[], delimiter: Delimiter): (column: number, cell: string) => CountRead {
  const readers = new Map<number, (cell: string) => CountRead>();
  const readerOf = (column: number) => {
    const as = findColumns(header, cellsOf, { countColumn: String(column + 1) });
    const unit = as.ok && as.columns.count === column ? as.columns.countUnit : undefined;
    const columnDecimal = detectDecimal(cellsOf(column).map(unquoteCell), delimiter);
    const mil = milIsThousandUnder(header[column] ?? '');
    return (cell: string) => readRosterCount(cell, columnDecimal, unit, mil);
  };
  return (column, cell) => (readers.get(column) ?? readers.set(column, readerOf(column)).get(column)!)(cell);
}


/**
 * The count column's cells when they look like counts in thousands written without a unit (see
 * TaggedRoster.unitlessThousands): most of the filled ones decimals that read as thousands, or
 * whole numbers under 1,000, and at least one such decimal (a whole count under 1,000 alone is
 * a real account's).
 */
function unitlessThousands(cells: readonly string[], decimal: DecimalMark, milIsThousand: boolean): TaggedRoster['unitlessThousands'] {
  const filled = cells.map(unquoteCell).filter((cell) => cell !== '');
  const inUnit = (unit: CountUnit | undefined) => (cell: string) => readRosterCount(cell, decimal, unit, milIsThousand);
  const decimals = filled.filter((cell) => PLAIN_NUMBER.test(cell) && !inUnit(undefined)(cell).ok && inUnit('thousands')(cell).ok);
  const small = filled.flatMap((cell) => {
    const read = inUnit(undefined)(cell);
    return PLAIN_NUMBER.test(cell) && read.ok && read.value < 1_000 ? [{ cell, count: read.value }] : [];
  });
  return decimals.length > 0 && (decimals.length + small.length) * 2 > filled.length ? { decimals, small } : undefined;
}
