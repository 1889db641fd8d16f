/** readRoster: a file's bytes through every step (decode, records, table, columns, counts, tags, totals) to a tagged roster, or why the file is refused. */

import { detectDecimal, readRosterCount, unquoteCell } from './cells';
import { findColumns, milIsThousandUnder } from './columns';
import { decodeRosterText, isHtml, isJson } from './decode';
import { detectDelimiter, records, sepLine } from './records';
import { layOut, locateHeader } from './table';
import { tagRows, totalRowsOf } from './tag';
import { totalsByTier } from './totals';
import { MAX_ROSTER_ROWS, type RosterError, type RosterOptions, type TaggedRoster } from './types';

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
  const found = findColumns(layout.header, (i) => creators.map((r) => r.cells[i] ?? ''), opts);
  if (!found.ok) return found;
  const columns = found.columns;
  const decimal = detectDecimal(
    creators.map((r) => unquoteCell(r.cells[columns.count] ?? '')),
    delimiter,
  );
  const milIsThousand = milIsThousandUnder(layout.header[columns.count] ?? '');
  const counts = table.data.map((rec) => readRosterCount(rec.cells[columns.count] ?? '', decimal, columns.countUnit, milIsThousand));
  const totalRows = totalRowsOf(table.data, counts, columns);
  // The limit is on creators: a Total or Average row under 5,000 of them is no reason to refuse the file.
  const creatorRows = creators.length - totalRows.size;
  if (creatorRows > MAX_ROSTER_ROWS) return { ok: false, error: { kind: 'too-many-rows', rows: creatorRows } };
  const { rows, problems } = tagRows(table.data, { layout, columns, house: opts.house, counts, totalRows, milIsThousand });
  if (problems.length === creators.length) {
    const cells = [...new Set(problems.map((p) => p.cell.trim()).filter((cell) => cell !== ''))];
    return { ok: false, error: { kind: 'no-readable-count', header: layout.header, column: columns.count, cells } };
  }
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
      basis: opts.house ? 'house' : 'consensus',
    },
  };
}
