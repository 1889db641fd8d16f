/**
 * Rosters: a CSV or TSV export of creators (Google Sheets, Excel, in English or European style)
 * read, each row tagged with its tier (the team's house definition first, else the publishers'
 * consensus), totalled per tier, and written back with four added columns: `tier`,
 * `consensus_tier`, `consensus_votes` ("6 of 20") and `note`. The written file is safe to open in
 * a spreadsheet (formula injection neutralised, as OWASP advises) and is the only state the
 * "Summary by platform" button needs: it reads the file back.
 *
 * Pure: bytes in, text and numbers out. Nothing user-supplied is trusted to be small or well formed.
 *
 * Modules, in the order a file goes through them: read.ts (readRoster, every step in turn),
 * decode.ts (bytes to text), records.ts (the CSV layer: delimiter, rows, line numbers), table.ts
 * (the header row, the title above it, the columns' layout), columns.ts (which column is which, by
 * the header's words), cells.ts (a count cell as spreadsheets write it), moved-rows.ts (rows a
 * comma in an unquoted cell moved out of their columns), total-rows.ts (total, subtotal and
 * average rows, set aside as no creators), creators.ts (who a row is, for spotting a creator
 * listed twice), tag.ts (each row's tier and note), totals.ts (the tier groups); write.ts
 * (roster-tiers.csv) and summary.ts (the "Summary by platform" button). types.ts holds the shapes
 * and limits they share.
 */

export { ADDED_COLUMNS, MAX_ROSTER_BYTES, MAX_ROSTER_COLUMNS, MAX_ROSTER_LINES, MAX_ROSTER_ROWS, ROSTER_FILE, type CountUnit, type RosterError, type TaggedRoster, type TaggedRow, type TierTotal } from './types';
export { readRoster } from './read';
export { creatorName, sameWhat } from './creators';
export { MIL_NOTE } from './tag';
export { BELOW_INFLUENCER, NO_TIER } from './totals';
export { hasFormulaGuard, writeTaggedCsv } from './write';
export { MAX_TAGGED_BYTES, summariseByPlatform, summaryStateOf, type SummaryState } from './summary';
