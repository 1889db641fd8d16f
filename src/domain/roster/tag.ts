/**
 * Each row tagged: its tier (the house definition first, else the publishers' consensus), the
 * consensus beside it, and a note for whatever needs saying (a tie, a repeat of a creator above,
 * "mil" read as a million, cells past the header, a count only in another count column); total,
 * subtotal and average rows set aside as no creators, and rows a comma in an unquoted cell moved
 * left unread.
 */

import { consensusFor, type ConsensusView } from '../consensus';
import { withoutNeutralising } from '../csv';
import { FOLLOWER_WORD, numberBeforeMil } from '../followers';
import { andList, countOf, formatCount } from '../format';
import type { HouseTiers } from '../house-placing';
import { PLATFORM_BY_ALIAS, PLATFORM_DOMAINS, platformName } from '../platforms';
import { readCount } from '../spreadsheet-count';
import { TIER_LABELS } from '../tier-style';
import { NO_COUNT, unquoteCell } from './cells';
import { normaliseHeader } from './columns';
import { filledWidth, type Rec } from './records';
import { type Layout, withoutColumns } from './table';
import { BELOW_INFLUENCER, NO_TIER } from './totals';
import type { Delimiter, RosterColumns, RosterProblem, TaggedRow } from './types';

/** "6 of 20". */
function votesText(c: ConsensusView): string {
  return `${c.votes} of ${c.of}`;
}

type CountRead = ReturnType<typeof readCount>;

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

/** What a row with cells past the header's last column most often has. */
const COMMA_IN_CELL = 'a comma inside an unquoted cell?';

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

/** Why a total row is not read. */
const TOTAL_ROW = 'a total row, not a creator';
/** Why an average or median row is not read: it sums nothing, but is no creator either. */
const SUMMARY_ROW = 'a summary row (an average or median), not a creator';

/**
 * The word a sheet labels the sum of its rows with, in the languages exports come in (normalised:
 * lower case, no punctuation), with the qualifiers pivot tables add ("Total general", "Totale
 * complessivo", "Gesamtergebnis", "Eindtotaal").
 */
const SUM_WORD = String.raw`(?:(?:grand |sub ?)?totals?|totale)(?: (?:general|generale|général|geral|complessivo|globale?))?|sum|summe|zwischensumme|gesamt(?:summe|ergebnis)?|insgesamt|somme|sous total|suma|totaal|eindtotaal`;
const AVERAGE_WORD = String.raw`average|avg|mean|median|durchschnitt|mittelwert|moyenne|promedio|media|média|gemiddelde|ø`;
/** What a label may name after its word: what is summed, or over whom ("Total followers", "Summe Follower", "Average of all creators"). */
const SUMMED = String.raw`(?: (?:of |per )?(?:all )?(?:${FOLLOWER_WORD}|audience|creators?|influencers?|accounts?|rows?)(?: per (?:creator|influencer|account|row))?)?(?: \d+ (?:creators?|influencers?|accounts?|rows?))?`;
/** "Total", "Totals:", "Grand total", "Subtotal", "Sum", "Summe", "Gesamt", "Total followers": a sheet's label for the sum of the rows. */
const TOTAL_LABEL = new RegExp(`^(?:${SUM_WORD})${SUMMED}$`);
/** "Average", "Avg.", "Mean", "Median", "Durchschnitt": a sheet's label for a row summing up the others another way. */
const AVERAGE_LABEL = new RegExp(`^(?:${AVERAGE_WORD})${SUMMED}$`);
/** The sum words, with those that are one only beside others ("Overall", "Σ"). */
const ANY_SUM_WORD = String.raw`(?:${SUM_WORD}|overall|totalt|somma|summa|σ|∑)`;
/**
 * A sum word anywhere in a label ("Instagram Total", "Total reach", "Gesamt Reichweite",
 * "Overall", "Σ"): a total row's label when the row's count is a sum of rows above it, a
 * creator's name ("Total Beauty") when it is not.
 */
const SUM_WORD_IN_LABEL = new RegExp(`(?:^| )${ANY_SUM_WORD}(?= |$)`, 'u');
/** What a label names besides its sum words: "instagram" of "instagram total". */
const besidesSumWords = (label: string): string => label.replace(new RegExp(`(?:^| )${ANY_SUM_WORD}(?= |$)`, 'gu'), ' ').replace(/\s+/g, ' ').trim();

/** The rows summing up the others, and the creators named like such a row, from totalRowsOf. */
export interface TotalRows {
  /** The data rows (from 0) that sum up the others, each with why it is not read. */
  notCreators: Map<number, string>;
  /** The data rows (from 0) with a sum word in their name whose count is no sum of the rows above: creators, noted as such. */
  namedLikeTotals: Set<number>;
  /**
   * The data rows (from 0) with a sum word in their name whose count is a sum of the rows above,
   * counted as creators as their rows have what a creator's has (a handle, a platform, a niche).
   */
  identifiedSums: Set<number>;
  /**
   * The data rows (from 0) with a sum word in their name whose count is the sum of the rows above,
   * counted as creators as the total of every row below adds up only with them: each with that
   * total's row.
   */
  countedByTotal: Map<number, number>;
}

/** The rows above a row that a total may sum: how many, and their counts' sum. */
interface RowsAbove {
  rows: number;
  sum: number;
}

const NO_ROWS: RowsAbove = { rows: 0, sum: 0 };

/**
 * Whether `count` is the sum of `above`, exactly; or, written to a step coarser than one follower
 * ("1.5M" is to the 100,000), the sum rounded to that step, when the cell gives the count to two
 * figures at least and sums several rows. `minRows`: the fewest rows a sum is taken over.
 */
function isSumOf(count: number, step: number, above: RowsAbove, minRows: number): boolean {
  if (above.rows < minRows || above.sum <= 0) return false;
  if (step <= 1) return count === above.sum;
  return above.rows >= 2 && step * 10 <= count && Math.abs(count - above.sum) * 2 <= step;
}

/** A mark a sheet puts in a cell of any row, a total's too: a tick, yes or no, no value. */
const MARK = /^(?:x|✓|✔|y|n|yes|no|true|false|ja|nein|oui|non|si|sí|n\/?a|none|null|tbd|tba)$/iu;

/**
 * A cell that says who or what a row is: text (a handle, a profile link, a platform, a niche, a
 * note), not a sum's or an average's label, a mark, or a number (a count, a fee, a percentage).
 */
function saysWho(cell: string): boolean {
  const text = cell.trim();
  return /\p{L}/u.test(text) && !MARK.test(text) && !isSumLabel(normaliseHeader(text)) && !readCount(text).ok;
}

/** A cell that labels a row as a sum or an average ("Instagram Total", "Average"), normalised. */
const isSumLabel = (label: string): boolean => SUM_WORD_IN_LABEL.test(label) || AVERAGE_LABEL.test(label);

/**
 * The rows (from 0) that sum up the others rather than name a creator, each with why it is not
 * read, as a sheet or a pivot table writes them under its creators:
 * - labelled as a total or an average in the name cell (or, that being blank, in the first filled
 *   cell beside the count): "Total", "Grand Total", "Average followers";
 * - labelled with a sum word among others ("Instagram Total", "Subtotal TikTok", "Total reach"),
 *   with a count that is the sum of the rows of its group above it (those since the total row
 *   before it) or of every row above it; a sum of one row only where the label names what the
 *   row has in another cell, as a pivot table labels a group of one ("Instagram" of "Instagram
 *   Total"); a creator listed above under that name is no label;
 * - with a blank name and nothing beside the count that says who the row is (only labels, marks
 *   and numbers: saysWho), and a count that is such a sum over two rows or more, or the sum of
 *   every other row's (a total above the creators).
 * A count written rounded sums the rows only in a row without a name, to the step the cell writes
 * its count to (a "1.5M" under "45.2K" and "1.25M" is 1,495,200 rounded); a named row's count is
 * as exact as a creator's ("Overall Fitness" with 1.5M under 800K and 720K is a creator).
 * A creator's own name ("Total Wellness") is no label when the count is no such sum; when its row
 * has what a creator's has and a total's has not (a handle, a platform its label does not name, a
 * niche); nor when a total of every row below it, with a blank name, adds up only with that row
 * counted as a creator ("Total Beauty" with 30,000 under 10,000 and 20,000, and 75,000 under all
 * four). A row with a blank name but a handle, a platform or any other cell that says who it is
 * is a creator whose name is missing, whatever its count; and without a name column no row is a
 * total by its sum alone. `stepOf(i)`: the step row i's count is written to (1 for a count written
 * out); `ignored`: the columns of an earlier tagging, which say nothing of who a row is.
 */
export function totalRowsOf(data: readonly Rec[], counts: readonly CountRead[], columns: RosterColumns, stepOf: (i: number) => number, ignored: readonly number[]): TotalRows {
  const notCreators = new Map<number, string>();
  const namedLikeTotals = new Set<number>();
  const nameOf = (rec: Rec) => creatorName(columns, rec.cells);
  /** The row's filled cells but its count (and an earlier tagging's), as read. */
  const besideCount = (rec: Rec) => rec.cells.flatMap((cell, column) => (column !== columns.count && !ignored.includes(column) && cell.trim() !== '' ? [unquoteCell(cell)] : []));
  const labelOf = (rec: Rec) => normaliseHeader(nameOf(rec) || (besideCount(rec)[0] ?? ''));
  /** A blank name, and no cell beside the count that says who or what the row is (saysWho): nothing but labels and numbers. */
  const unnamed = (rec: Rec) => nameOf(rec) === '' && !besideCount(rec).some(saysWho);
  /**
   * Whether a row named with a sum word has what a creator's row has and a total's has not: a
   * platform its label does not name, or any other cell that says who or what it is (a handle, a
   * profile link, a niche, a note): "Overall Fitness" on YouTube, "Total Wellness" as
   * @totalwellness, "Gesamt Design" in Food; not "Instagram Total" on Instagram, nor a total with
   * the sum of a fee column beside it.
   */
  const identified = (rec: Rec, label: string) => {
    const platform = columns.platform === undefined ? '' : unquoteCell(rec.cells[columns.platform] ?? '');
    if (namesPlatform(platform) && platformName(platform) !== platformName(besidesSumWords(label))) return true;
    const readAlready = [columns.name, columns.lastName, columns.platform, columns.count];
    return rec.cells.some((cell, column) => !readAlready.includes(column) && !ignored.includes(column) && saysWho(unquoteCell(cell)));
  };
  let group = NO_ROWS;
  let all = NO_ROWS;
  /** The cells of the group's rows but their counts, as labels read. */
  let groupCells = new Set<string>();
  /** The names of the creators above, as labels read: one listed again is a repeat, not a total. */
  const namesAbove = new Set<string>();
  /** As TotalRows.identifiedSums. */
  const identifiedSums = new Set<number>();
  /** The rows set aside by a sum word in a creator's name that is not a group's label ("Total Beauty", not "Subtotal Instagram" nor "Instagram total"). */
  const namedSums: number[] = [];
  data.forEach((rec, i) => {
    const read = counts[i]!;
    if (!read.ok) return;
    const label = labelOf(rec);
    const named = nameOf(rec) !== '';
    const step = named ? 1 : stepOf(i);
    const sums = (minRows: number) => [group, all].some((above) => isSumOf(read.value, step, above, minRows));
    if (AVERAGE_LABEL.test(label)) {
      notCreators.set(i, SUMMARY_ROW);
      return;
    }
    const namesSum = SUM_WORD_IN_LABEL.test(label) && !namesAbove.has(label);
    const labelsGroup = groupCells.has(besidesSumWords(label));
    const labelSums = namesSum && (sums(2) || (sums(1) && labelsGroup));
    const ownRow = labelSums && identified(rec, label);
    const total = TOTAL_LABEL.test(label) || (labelSums && !ownRow) || (unnamed(rec) && columns.name !== undefined && sums(2));
    if (total) {
      notCreators.set(i, TOTAL_ROW);
      if (named && namesSum && !TOTAL_LABEL.test(label) && !labelsGroup && !namesPlatform(besidesSumWords(label))) namedSums.push(i);
      group = NO_ROWS;
      groupCells = new Set();
      return;
    }
    if (ownRow) identifiedSums.add(i);
    else if (namesSum) namedLikeTotals.add(i);
    group = { rows: group.rows + 1, sum: group.sum + read.value };
    all = { rows: all.rows + 1, sum: all.sum + read.value };
    for (const cell of besideCount(rec)) groupCells.add(normaliseHeader(cell));
    if (named) namesAbove.add(label);
  });
  const countedByTotal = new Map<number, number>();
  if (columns.name === undefined) return { notCreators, namedLikeTotals, identifiedSums, countedByTotal };
  // A nameless total above the creators, or among them: the sum of every other row.
  const read = counts.flatMap((c, i) => (c.ok && !notCreators.has(i) ? [{ i, count: c.value }] : []));
  const sum = read.reduce((s, r) => s + r.count, 0);
  for (const { i, count } of read) {
    if (read.length > 2 && count > 0 && count * 2 === sum && unnamed(data[i]!)) {
      notCreators.set(i, TOTAL_ROW);
      namedLikeTotals.delete(i);
    }
  }
  // A nameless row the total of every row above only with one set aside for its sum word counted proves that one a creator.
  for (const [j, c] of counts.entries()) {
    if (!c.ok || notCreators.has(j) || !unnamed(data[j]!)) continue;
    const above = counts.slice(0, j).reduce((rows, r, k) => (r.ok && !notCreators.has(k) ? { rows: rows.rows + 1, sum: rows.sum + r.value } : rows), NO_ROWS);
    const creator = namedSums.find((i) => {
      const own = counts[i]!;
      return i < j && notCreators.has(i) && own.ok && isSumOf(c.value, stepOf(j), { rows: above.rows + 1, sum: above.sum + own.value }, 2);
    });
    if (creator === undefined) continue;
    notCreators.delete(creator);
    countedByTotal.set(creator, j);
    notCreators.set(j, TOTAL_ROW);
  }
  return { notCreators, namedLikeTotals, identifiedSums, countedByTotal };
}

/** The note of a creator named like a total ("Total Beauty"), saying why it is counted; undefined for other rows. */
function totalLikeNote(totalRows: TotalRows, i: number, data: readonly Rec[]): string | undefined {
  const total = totalRows.countedByTotal.get(i);
  if (total !== undefined) return `named like a total, and its count is the sum of the rows above, but the total on line ${formatCount(data[total]!.line)} adds up only with this row counted: counted as a creator`;
  if (totalRows.identifiedSums.has(i)) return "named like a total, and its count is a sum of the rows above, but its row has what a creator's has (a handle, a platform or other text): counted as a creator";
  return totalRows.namedLikeTotals.has(i) ? TOTAL_LIKE_NOTE : undefined;
}

/** How a comma moved a row: it split the count over `pieces` cells, or a cell before it; `cells`: the row's own cells. */
type Move = ({ kind: 'count-split'; pieces: number } | { kind: 'before-count' }) & { cells: number };

/** Cells of one cell a comma split that a row is read with at most: a name or a count has a comma or two. */
const MAX_PIECES = 3;

/** A grouped count a comma splits when its cell is not quoted: "45,200", "1,250,000". */
const GROUPED_WITH_COMMAS = /^\s*\d{1,3}(?:,\d{3})+\s*$/;

/** A cell naming a platform Tierbot knows ("IG", "TikTok"). */
const namesPlatform = (cell: string): boolean => PLATFORM_BY_ALIAS.has(unquoteCell(cell).replace(/\s+/g, ' ').toLowerCase());

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
/** The note of a creator named with a sum word ("Total Beauty"): counted, as its count is no sum. */
const TOTAL_LIKE_NOTE = 'named like a total, but its count is not the sum of the rows above: counted as a creator';

/** What two rows share to be one creator: the handle where the file has a handle column beside the name. */
export const sameWhat = (columns: RosterColumns): 'handle' | 'name' => (columns.handle === undefined ? 'name' : 'handle');

/** A row's creator as the file names them (First and Last Name together), without the ' that makes a formula text. */
export function creatorName(columns: RosterColumns, cells: readonly string[]): string {
  const parts = [columns.name, columns.lastName].flatMap((i) => (i === undefined ? [] : [withoutNeutralising(cells[i] ?? '').trim()]));
  return parts.filter((part) => part !== '').join(' ');
}

/**
 * A link, with what may come before its host: "instagram.com/x", "https://www.tiktok.com/@x?lang=en",
 * "facebook.com/profile.php?id=100004512345678". The host, the path, and the query.
 */
const LINK = /^(?:https?:\/\/)?(?:www\.|m\.|mobile\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)(\/[^?#\s]*)?(?:\?([^#\s]*))?(?:#\S*)?$/iu;
/** A handle in a profile link's path: "@kimha", "c/kimha", "user/kimha", "channel/kimha", "cy.makes". */
const HANDLE_PATH = /^\/(?:(?:c|user|channel)\/)?@?([\p{L}\p{N}_.-]+)\/?$/u;
/** Paths on those hosts that are pages, not profiles. */
const NOT_PROFILES = new Set(['p', 'reel', 'reels', 'tv', 'explore', 'stories', 'watch', 'shorts', 'video', 'playlist', 'hashtag', 'search', 'home', 'i', 'people', 'pages', 'groups', 'events', 'share', 'sharer']);
/** A page's file name ("profile.php", "permalink.php"), no handle: the query says whose page it is. */
const PAGE_FILE = /\.(?:php|html?|aspx?|jsp)$/i;

/**
 * A link on a platform Tierbot knows by its domain: the platform, and who it is: the handle a
 * profile link names ("instagram.com/kimha/" is kimha, as @kimha is), else the link itself without
 * what two copies of it may differ in (the scheme, "www.", a trailing slash), and with its "id"
 * where it has one, else its whole query ("facebook.com/profile.php?id=100004512345678" is that
 * id's page; another id's is another creator). Undefined for any other text.
 */
function linkIn(text: string): { platform: string; who: string } | undefined {
  const link = LINK.exec(unquoteCell(text).normalize('NFKC'));
  if (!link) return undefined;
  const [, hostAsWritten, path = '', query = ''] = link;
  const host = hostAsWritten!.toLowerCase();
  const platform = PLATFORM_DOMAINS[host];
  if (platform === undefined) return undefined;
  const handle = HANDLE_PATH.exec(path)?.[1];
  if (host !== 'youtu.be' && handle !== undefined && !NOT_PROFILES.has(handle.toLowerCase()) && !PAGE_FILE.test(handle)) return { platform, who: handle };
  const id = new URLSearchParams(query).get('id');
  const page = id ? `?id=${id}` : query ? `?${query}` : '';
  return { platform, who: `${host}${path.replace(/\/+$/, '')}${page}` };
}

/**
 * Who a row is, for spotting a creator listed twice: the handle (from a profile link too:
 * "instagram.com/kimha" is @kimha; a link to a page that names no handle, as itself), else the
 * name (any case, without a handle's @ or extra spaces), and the platform. Undefined when that
 * cell is blank: such rows are never repeats.
 */
function creatorKey(whoCell: string, platform: string | undefined): string | undefined {
  const who = unquoteCell(whoCell).normalize('NFKC');
  const name = (linkIn(who)?.who ?? who).replace(/^@/, '').replace(/\s+/g, ' ').toLowerCase();
  return name === '' ? undefined : `${name}\n${(platform ?? '').toLowerCase()}`;
}
