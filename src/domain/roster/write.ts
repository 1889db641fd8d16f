/** roster-tiers.csv: the tagged roster written back in the input's own delimiter, the added columns last. */

import { csvText, neutraliseCell, withoutNeutralising } from '../csv';
import { filledWidth } from './records';
import { withoutColumns } from './table';
import { ADDED_COLUMNS, type TaggedRoster } from './types';

/**
 * The table roster-tiers.csv holds, before it is written: the rows above the input's header (a
 * title) as they were, then its columns (and unnamed ones for cells past them) but those the added
 * ones replace, then ADDED_COLUMNS.
 */
function taggedTable(roster: TaggedRoster): string[][] {
  const kept = <T>(cells: readonly T[]) => withoutColumns(cells, roster.replacedColumns);
  const header = [...kept(roster.header), ...Array<string>(roster.extraColumns).fill(''), ...ADDED_COLUMNS];
  // As wide as the table (spreadsheets export a title's row so), that every reader takes the file.
  const above = roster.aboveHeader.map((cells) => {
    const own = kept(cells).slice(0, Math.max(header.length, filledWidth(kept(cells))));
    return [...own, ...Array<string>(header.length - own.length).fill('')];
  });
  const rows = roster.rows.map((row) => [...kept(row.cells), row.tier, row.consensusTier, row.consensusVotes, row.note]);
  return [...above, header, ...rows];
}

/**
 * The tagged roster as CSV text in the input's delimiter (see taggedTable). An earlier
 * roster-tiers.csv tagged again comes back the same.
 */
export function writeTaggedCsv(roster: TaggedRoster): string {
  const d = roster.delimiter;
  // The byte order mark and Excel's "sep=" line, when the input had them, come before the header as they did.
  return `${roster.bom ? '\uFEFF' : ''}${roster.sepLine ? `sep=${d}\r\n` : ''}${csvText(taggedTable(roster), { delimiter: d })}`;
}

/**
 * Whether roster-tiers.csv has a cell that begins with the ' that keeps a spreadsheet from running
 * it as a formula (an @handle, a cell starting with =): added now, or kept from a roster-tiers.csv
 * uploaded again.
 */
export function hasFormulaGuard(roster: TaggedRoster): boolean {
  return taggedTable(roster).some((cells) =>
    cells.some((cell) => {
      const written = neutraliseCell(cell);
      return withoutNeutralising(written) !== written;
    }),
  );
}
