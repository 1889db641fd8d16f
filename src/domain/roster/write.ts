/** roster-tiers.csv: the tagged roster written back in the input's own delimiter, the added columns last. */

import { csvText } from '../csv';
import { filledWidth } from './records';
import { withoutColumns } from './table';
import { ADDED_COLUMNS, type TaggedRoster } from './types';

/**
 * The tagged roster as CSV text in the input's delimiter: the rows above its header (a title) as
 * they were, then its columns (and unnamed ones for cells past them) but those the added ones
 * replace, then ADDED_COLUMNS. An earlier roster-tiers.csv tagged again comes back the same.
 */
export function writeTaggedCsv(roster: TaggedRoster): string {
  const d = roster.delimiter;
  const kept = <T>(cells: readonly T[]) => withoutColumns(cells, roster.replacedColumns);
  const header = [...kept(roster.header), ...Array<string>(roster.extraColumns).fill(''), ...ADDED_COLUMNS];
  // As wide as the table (spreadsheets export a title's row so), that every reader takes the file.
  const above = roster.aboveHeader.map((cells) => {
    const own = kept(cells).slice(0, Math.max(header.length, filledWidth(kept(cells))));
    return [...own, ...Array<string>(header.length - own.length).fill('')];
  });
  const rows = roster.rows.map((row) => [...kept(row.cells), row.tier, row.consensusTier, row.consensusVotes, row.note]);
  // The byte order mark and Excel's "sep=" line, when the input had them, come before the header as they did.
  return `${roster.bom ? '\uFEFF' : ''}${roster.sepLine ? `sep=${d}\r\n` : ''}${csvText([...above, header, ...rows], { delimiter: d })}`;
}
