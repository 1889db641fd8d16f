/**
 * Each row tagged: its tier (the house definition first, else the publishers' consensus), the
 * consensus beside it, and a note for whatever needs saying (a tie, a repeat of a creator above,
 * "mil" read as a million, cells past the header, a count only in another count column); total,
 * subtotal and average rows (total-rows.ts) set aside as no creators, and rows a comma in an
 * unquoted cell moved (moved-rows.ts) left unread.
 */

import { consensusFor, type ConsensusView } from '../consensus';
import { withoutNeutralising } from '../csv';
import { numberBeforeMil } from '../followers';
import { andList, countOf, formatCount } from '../format';
import type { HouseTiers } from '../house-placing';
import { platformName } from '../platforms';
import { TIER_LABELS } from '../tier-style';
import { type CountRead, NO_COUNT, unquoteCell } from './cells';
import { creatorKey, creatorName, linkIn, sameWhat } from './creators';
import { COMMA_IN_CELL } from './moved-rows';
import { filledWidth, type Rec } from './records';
import { type Layout, withoutColumns } from './table';
import { totalLikeNote, type TotalRows } from './total-rows';
import { BELOW_INFLUENCER, NO_TIER } from './totals';
import type { RosterColumns, RosterProblem, TaggedRow } from './types';

/** "6 of 20". */
function votesText(c: ConsensusView): string {
  return `${c.votes} of ${c.of}`;
}


/** What tagging each row needs from the roster as a whole. */
interface TagContext {
  layout: Layout;
  columns: RosterColumns;
  house: HouseTiers | undefined;
  /** Each data row's count cell, as read (a moved row's as not read: movedRowOf). */
  counts: readonly CountRead[];
  /** The data rows (from 0) a comma inside an unquoted cell moved (movedRowOf): their counts are not read. */
  moved: ReadonlySet<number>;
  /** The data rows that sum up the others, and those named like one that are creators (totalRowsOf). */
  totalRows: TotalRows;
  /** "45 mil" is 45 thousand under the count column's header (milIsThousandUnder), else 45 million. */
  milIsThousand: boolean;
  /** A cell of another count column (`column`, one of columns.otherCounts) read as that column's counts are. */
  readOtherCount: (column: number, cell: string) => CountRead;
}

/** The data rows tagged, and those whose count cannot be read. */
export function tagRows(data: readonly Rec[], context: TagContext): { rows: TaggedRow[]; problems: RosterProblem[] } {
  const rows: TaggedRow[] = [];
  const problems: RosterProblem[] = [];
  /** The first row read for each creator (name and platform), by its key. */
  const firstRowOf = new Map<string, TaggedRow>();
  data.forEach((rec, i) => {
    const cells = Array.from({ length: context.layout.width }, (_, column) => rec.cells[column] ?? '');
    if (rec.blank) {
      // Written back empty: a lone tab or space would come back as text once neutralised, and the row as a creator's.
      rows.push(taggedRow({ line: rec.line, blank: true, cells: cells.map(() => '') }));
      return;
    }
    const setAside = context.totalRows.notCreators.get(i);
    const parsed = setAside ? ({ ok: false, reason: setAside } as const) : context.counts[i]!;
    const { row, problem, creatorKey } = tagRow(rec, cells, parsed, { moved: context.moved.has(i), totalLike: totalLikeNote(context.totalRows, i, data) }, context, firstRowOf);
    if (problem) problems.push(problem);
    if (creatorKey !== undefined && !firstRowOf.has(creatorKey)) firstRowOf.set(creatorKey, row);
    rows.push(row);
  });
  return { rows, problems };
}

/** A tagged row; what `row` does not give is as for a row without a count: no tier, no consensus, no note, totalled nowhere. */
function taggedRow({ line, cells, ...row }: Pick<TaggedRow, 'line' | 'cells'> & Partial<TaggedRow>): TaggedRow {
  return { line, blank: false, cells, extraCells: 0, repeatOf: undefined, count: undefined, tier: '', bucket: NO_TIER, consensusTier: '', consensusVotes: '', note: '', platform: undefined, ...row };
}

/**
 * One filled row tagged: with its count's tier and notes, or with why its count is not read (and
 * that as a problem). `creatorKey`: who the row is, for spotting the same creator again below.
 */
function tagRow(
  rec: Rec,
  cells: string[],
  parsed: CountRead,
  { moved, totalLike }: { moved: boolean; totalLike: string | undefined },
  { layout, columns, house, milIsThousand, readOtherCount }: TagContext,
  firstRowOf: ReadonlyMap<string, TaggedRow>,
): { row: TaggedRow; problem?: RosterProblem; creatorKey?: string | undefined } {
  const ownWidth = filledWidth(withoutColumns(rec.cells, layout.replacedColumns));
  const extraCells = Math.max(0, ownWidth - layout.namedColumns);
  const platformCell = columns.platform === undefined ? undefined : cells[columns.platform]!.trim();
  // The cell who the row is in: the handle where there is one; else the whole name (First and Last Name together).
  const who = columns.handle !== undefined ? cells[columns.handle]! : creatorName(columns, cells);
  // A profile link's site is the platform where no cell gives one ("tiktok.com/@kimha" is on TikTok, whatever the count's header says).
  const platform = platformCell ? platformName(unquoteCell(platformCell)) : (linkIn(who)?.platform ?? columns.headerPlatform);
  const notes: string[] = [];
  if (extraCells > 0) notes.push(`${countOf(extraCells, 'cell')} past the header's last column (${COMMA_IN_CELL}), kept in the unnamed ${extraCells === 1 ? 'column' : 'columns'} after it`);
  if (!parsed.ok) {
    const wider = `this row has ${ownWidth} cells where the header has ${layout.namedColumns}: ${COMMA_IN_CELL}`;
    // A moved row's reason says it all (movedRowOf).
    const reason = extraCells > 0 && !moved ? `${parsed.reason}; ${wider}` : parsed.reason;
    const elsewhere = parsed.reason === NO_COUNT ? countElsewhere(cells, columns, readOtherCount) : undefined;
    const noted = elsewhere ? `${parsed.reason}; “${(layout.header[elsewhere.column] ?? '').trim()}” (column ${elsewhere.column + 1}) has ${formatCount(elsewhere.count)}` : parsed.reason;
    return {
      // Shown as read: without the ' that makes a formula text (Tierbot's own, in a roster-tiers.csv uploaded again).
      problem: { line: rec.line, cell: withoutNeutralising(cells[columns.count]!), reason, ...(elsewhere ? { elsewhere } : {}), ...(moved ? { moved } : {}) },
      row: taggedRow({ line: rec.line, cells, extraCells, note: [`${NOT_READ_NOTE} ${noted}`, ...notes].join('; '), platform }),
    };
  }
  if (totalLike) notes.push(totalLike);
  const count = parsed.value;
  const consensus = consensusFor(count);
  // Said as /tier says it: read as a million, "30 mil" could have meant 30 thousand.
  const beforeMil = milIsThousand ? undefined : numberBeforeMil(unquoteCell(cells[columns.count]!));
  if (beforeMil !== undefined) notes.push(`${MIL_NOTE} (for ${beforeMil} thousand, write ${beforeMil}k)`);
  if (consensus.outcome === 'tier' && consensus.leaders.length > 1) notes.push(`publishers tie between ${andList(consensus.leaders.map((t) => TIER_LABELS[t]))}`);
  if (consensus.outcome === 'below') notes.push(`${votesText(consensus)} publishers put it below influencer size`);
  if (consensus.outcome === 'none') notes.push('no publisher places this count in a tier');
  // The tier column names the group the reply totals the row under, whichever basis.
  let bucket = consensus.outcome === 'tier' ? consensus.word : consensus.outcome === 'below' ? BELOW_INFLUENCER : NO_TIER;
  if (house) {
    const placed = house.place(count);
    if ('tier' in placed) bucket = placed.tier.name;
    else {
      bucket = placed.bucket;
      notes.unshift(`${HOUSE_NOTE}: ${placed.outside}`);
    }
  }
  const key = creatorKey(who, platform);
  const first = key === undefined ? undefined : firstRowOf.get(key);
  if (first) notes.unshift(`${REPEAT_NOTE} ${first.line} (same ${sameWhat(columns)}${platform === undefined ? ', no platform given' : ' and platform'}): counted once, at line ${first.line}`);
  return {
    row: taggedRow({ line: rec.line, cells, extraCells, repeatOf: first?.line, count, tier: bucket, bucket, consensusTier: consensus.word, consensusVotes: votesText(consensus), note: notes.join('; '), platform }),
    creatorKey: key,
  };
}

/** The first other count column with a count in this row, and that count. */
function countElsewhere(cells: readonly string[], columns: RosterColumns, readOtherCount: TagContext['readOtherCount']): { column: number; count: number } | undefined {
  for (const column of columns.otherCounts) {
    const read = readOtherCount(column, cells[column] ?? '');
    if (read.ok) return { column, count: read.value };
  }
  return undefined;
}

/** The note a repeated row's note starts with ("repeat of line 2 …"); the platform summary skips those rows too. */
export const REPEAT_NOTE = 'repeat of line';
/** The note of a row the totals leave out ("not read: a total row, not a creator"), which the platform summary skips too. */
export const NOT_READ_NOTE = 'not read:';
/** The note of a row outside the house tiers starts with it ("house tiers: below nano …"): its tier column names where it falls. */
export const HOUSE_NOTE = 'house tiers';
/** The note of a row whose "mil" was read as a million; the reply counts those rows. */
export const MIL_NOTE = '“mil” read as a million';
