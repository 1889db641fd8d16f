/**
 * What every step of reading and writing a roster shares: the limits on what a file may be, the
 * columns added to it, what reading it gives (TaggedRoster) and every reason a file is refused
 * (RosterError), which the command words for the user.
 */

import type { DecimalMark } from '../followers';
import type { HouseTiers } from '../house-placing';
import type { NormalTier } from '../sources';

export const MAX_ROSTER_BYTES = 2 * 1024 * 1024;
export const MAX_ROSTER_ROWS = 5_000;
/**
 * Rows read at most, blank ones and a title above the header included (blank lines at the end
 * are not rows): room for MAX_ROSTER_ROWS creators with a blank row after each, and the bound on
 * the work a file makes, however few bytes each of its rows takes.
 */
export const MAX_ROSTER_LINES = 2 * MAX_ROSTER_ROWS;
/** More columns than any creator list has; a wider file is refused before rows are padded to its width. */
export const MAX_ROSTER_COLUMNS = 500;
export const ROSTER_FILE = 'roster-tiers.csv';
/** The columns added to the input's, in this order, at the end (a contract: see DESIGN.md). */
export const ADDED_COLUMNS = ['tier', 'consensus_tier', 'consensus_votes', 'note'] as const;
export type AddedColumn = (typeof ADDED_COLUMNS)[number];

export type RosterError =
  | { kind: 'too-large'; bytes: number }
  | { kind: 'empty' }
  | { kind: 'binary'; looksLike: 'an Excel workbook' | 'a ZIP archive' | 'a PDF' | 'an image' | 'binary data' }
  | { kind: 'encoding'; encoding: 'UTF-16' | 'not UTF-8' }
  /** JSON text, whatever the file's name says. */
  | { kind: 'json' }
  /** An HTML page (a sheet saved as a web page, or a download link's page), whatever the file's name says. */
  | { kind: 'html' }
  | { kind: 'malformed'; line: number; detail: string }
  /** A quote opens a field and is never closed; `exact`: it opens on `line`, else on or before it. */
  | { kind: 'unclosed-quote'; line: number; exact: boolean }
  | { kind: 'too-many-rows'; rows: number }
  /** More than MAX_ROSTER_LINES rows; `blank`: how many of the first MAX_ROSTER_LINES are blank. */
  | { kind: 'too-many-lines'; blank: number }
  /** `line`: the row that has more cells than the limit, when the header itself is within it. */
  | { kind: 'too-many-columns'; columns: number; line?: number }
  | { kind: 'header-only'; header: string[] }
  | { kind: 'no-count-column'; header: string[] }
  /**
   * No row's cell in the count column (`column`, from 0) reads as a follower count; `cells`: the
   * filled ones, each once (may be anything: escape it); `moved`: how many rows a comma inside an
   * unquoted cell moved (their counts are not read, however they read as written).
   */
  | { kind: 'no-readable-count'; header: string[]; column: number; cells: string[]; moved: number }
  | { kind: 'unknown-column'; option: ColumnOption; given: string; header: string[] }
  /** The option's text is the header of several columns (`columns`, from 0): only a number tells them apart. */
  | { kind: 'ambiguous-column'; option: ColumnOption; given: string; columns: number[]; header: string[] }
  /** `name_column:` names the column the counts are in (`column`, from 0): by `count_column:` too, or as the only count column. */
  | { kind: 'name-is-count'; given: string; column: number; countColumnGiven: boolean; header: string[] }
  /** The option names one of the input's own ADDED_COLUMNS (`column`, from 0), which re-tagging replaces. */
  | { kind: 'added-column'; option: ColumnOption; given: string; column: number };

export type ColumnOption = 'name_column' | 'count_column';

export type Delimiter = ',' | ';' | '\t' | '|';

export interface RosterColumns {
  count: number;
  name: number | undefined;
  /** The Last Name column beside a First Name one in `name`: a creator's name is both. */
  lastName: number | undefined;
  /**
   * A handle column other than the name column ("Instagram Handle" beside "First Name"): what
   * tells creators apart, two people can share a name.
   */
  handle: number | undefined;
  platform: number | undefined;
  /** Other columns that look like counts too ("TikTok followers" beside "Instagram followers"). */
  otherCounts: number[];
  /** The platform the count column's header names ("Instagram followers"), when no column gives one. */
  headerPlatform: string | undefined;
  /** The unit the count column's header gives its numbers in ("Followers (K)"): a plain 45 there is 45,000. */
  countUnit: CountUnit | undefined;
}

export type CountUnit = 'thousands' | 'millions';

export interface TaggedRow {
  /** The file's line the row starts on (1-based; the header is line 1 in most files). */
  line: number;
  /**
   * Every cell blank: no creator, not a problem, in no count or total. Kept, with blank added
   * cells, so that each row of roster-tiers.csv stays beside the same row of the team's sheet.
   */
  blank: boolean;
  /** The row's cells, one per header column, then one per unnamed column (see TaggedRoster.extraColumns). */
  cells: string[];
  /** Cells the row has past the header's last column (TaggedRoster.namedColumns; trailing blank cells not counted). */
  extraCells: number;
  /** The line of the earlier row with the same name (or handle) and platform, or the same name where neither gives a platform: this row is left out of the totals. */
  repeatOf: number | undefined;
  count: number | undefined;
  tier: string;
  /** Where the totals count it: its tier, a tie ("nano or micro"), BELOW_INFLUENCER or NO_TIER; the same as `tier` for a row read. */
  bucket: string;
  consensusTier: string;
  consensusVotes: string;
  note: string;
  platform: string | undefined;
}

export interface TierTotal {
  tier: string;
  /** The normalised tier it maps to, for colour: undefined for ties and NO_TIER. */
  normal: NormalTier | undefined;
  creators: number;
  followers: number;
}

export interface RosterProblem {
  line: number;
  /** The cell as written, without a ' that makes a formula text (may be anything: escape it before showing it). */
  cell: string;
  reason: string;
  /** For a row with no count in the count column: the first other count column (from 0) with one in this row, and that count. */
  elsewhere?: { column: number; count: number };
  /** A comma inside an unquoted cell moved the row's cells: its count is not read, however it reads as written. */
  moved?: boolean;
}

export interface TaggedRoster {
  delimiter: Delimiter;
  decimal: DecimalMark;
  bom: boolean;
  /** The file began with Excel's "sep=;" line (written back too). */
  sepLine: boolean;
  /** The file's header row; for a file without one (`headerRow` false), the columns named by number ("column 1"). */
  header: string[];
  /** False when the file's first row is already a creator (see firstRowIsCreator). */
  headerRow: boolean;
  /** The line the header row is on: after a title or other lines above it (see headerIndex); 1 in most files. */
  headerLine: number;
  /** The rows above the header (a sheet's title, blank lines), as read: not creators, written back above it. */
  aboveHeader: string[][];
  /**
   * The columns of an earlier tagging (a roster-tiers.csv uploaded again: all four ADDED_COLUMNS),
   * from 0: never read, and left out of roster-tiers.csv, where the fresh ones replace them.
   */
  replacedColumns: number[];
  /**
   * The header's columns a row's cells are counted against: all of them; in a roster-tiers.csv
   * uploaded again, those up to its last named one, the replaced ones left out (the unnamed
   * columns Tierbot added for cells past the header still hold cells past it).
   */
  namedColumns: number;
  /**
   * Unnamed columns after the header's last, for cells some rows have past it (a comma inside an
   * unquoted cell, most often): kept so that no cell of the file is lost, as a spreadsheet shows them.
   */
  extraColumns: number;
  columns: RosterColumns;
  /** The rows under the header in the file's order, blank ones too; at least one has a count (a roster with none is refused as 'no-readable-count'). */
  rows: TaggedRow[];
  /** Per tier, from the smallest counts to the largest; tiers no row has are left out. Each creator once: repeated rows are not counted. */
  totals: TierTotal[];
  problems: RosterProblem[];
  /**
   * The lines of creators named with a sum word ("Total Beauty", "Total reach") whose count is no
   * sum of the rows above: counted, and a reason to look if such a row was meant as a total.
   */
  namedLikeTotals: number[];
  /**
   * When most count cells are decimals or under 1,000 and some are decimals (45.2, 120.5, 12), as
   * counts in thousands are written without a unit in the header: those cells as written, the
   * decimals (not read) and the small whole numbers (read as they are), for the reply to suggest
   * a unit. Undefined when the header gives a unit, or the cells do not look so.
   */
  unitlessThousands: { decimals: string[]; small: { cell: string; count: number }[] } | undefined;
  basis: 'house' | 'consensus';
}

export interface RosterOptions {
  nameColumn?: string | undefined;
  countColumn?: string | undefined;
  house?: HouseTiers | undefined;
  /** The file's name: a .tsv is read as tab-separated when its header has a tab. */
  filename?: string | undefined;
}
