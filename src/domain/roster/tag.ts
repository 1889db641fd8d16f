/**
 * Each row tagged: its tier (the house definition first, else the publishers' consensus), the
 * consensus beside it, and a note for whatever needs saying (a tie, a repeat of a creator above,
 * "mil" read as a million, cells past the header); total and average rows set aside as no creators.
 */

import { consensusFor, type ConsensusView } from '../consensus';
import { withoutNeutralising } from '../csv';
import { FOLLOWER_WORD, numberBeforeMil } from '../followers';
import { andList, countOf } from '../format';
import type { HouseTiers } from '../house-placing';
import { platformName } from '../platforms';
import type { readCount } from '../spreadsheet-count';
import { TIER_LABELS } from '../tier-style';
import { unquoteCell } from './cells';
import { normaliseHeader } from './columns';
import { filledWidth, type Rec } from './records';
import { type Layout, withoutColumns } from './table';
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
  /** Each data row's count cell, as read. */
  counts: readonly ReturnType<typeof readCount>[];
  /** The data rows that sum up the others (totalRowsOf), each with why it is not read. */
  totalRows: ReadonlyMap<number, string>;
  /** "45 mil" is 45 thousand under the count column's header (milIsThousandUnder), else 45 million. */
  milIsThousand: boolean;
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
    const setAside = context.totalRows.get(i);
    const parsed = setAside ? ({ ok: false, reason: setAside } as const) : context.counts[i]!;
    const { row, problem, creatorKey } = tagRow(rec, cells, parsed, context, firstRowOf);
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
  parsed: ReturnType<typeof readCount>,
  { layout, columns, house, milIsThousand }: TagContext,
  firstRowOf: ReadonlyMap<string, TaggedRow>,
): { row: TaggedRow; problem?: RosterProblem; creatorKey?: string | undefined } {
  const ownWidth = filledWidth(withoutColumns(rec.cells, layout.replacedColumns));
  const extraCells = Math.max(0, ownWidth - layout.namedColumns);
  const platformCell = columns.platform === undefined ? undefined : cells[columns.platform]!.trim();
  const platform = platformCell ? platformName(unquoteCell(platformCell)) : columns.headerPlatform;
  const notes: string[] = [];
  if (extraCells > 0) notes.push(`${countOf(extraCells, 'cell')} past the header's last column (${COMMA_IN_CELL}), kept in the unnamed ${extraCells === 1 ? 'column' : 'columns'} after it`);
  if (!parsed.ok) {
    const wider = `this row has ${ownWidth} cells where the header has ${layout.namedColumns}: ${COMMA_IN_CELL}`;
    const reason = extraCells > 0 ? `${parsed.reason}; ${wider}` : parsed.reason;
    return {
      // Shown as read: without the ' that makes a formula text (Tierbot's own, in a roster-tiers.csv uploaded again).
      problem: { line: rec.line, cell: withoutNeutralising(cells[columns.count]!), reason },
      row: taggedRow({ line: rec.line, cells, extraCells, note: [`${NOT_READ_NOTE} ${parsed.reason}`, ...notes].join('; '), platform }),
    };
  }
  const count = parsed.value;
  const consensus = consensusFor(count);
  // Said as /tier says it: read as a million, "30 mil" could have meant 30 thousand.
  const beforeMil = milIsThousand ? undefined : numberBeforeMil(unquoteCell(cells[columns.count]!));
  if (beforeMil !== undefined) notes.push(`${MIL_NOTE} (for ${beforeMil} thousand, write ${beforeMil}k)`);
  if (consensus.outcome === 'tier' && consensus.leaders.length > 1) notes.push(`publishers tie between ${andList(consensus.leaders.map((t) => TIER_LABELS[t]))}`);
  if (consensus.outcome === 'below') notes.push(`${votesText(consensus)} publishers put it under their lowest influencer tier`);
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
  // The handle where there is one; else the whole name (First and Last Name together).
  const key = creatorKey(columns.handle !== undefined ? cells[columns.handle]! : creatorName(columns, cells), platform);
  const first = key === undefined ? undefined : firstRowOf.get(key);
  if (first) notes.unshift(`${REPEAT_NOTE} ${first.line} (same ${sameWhat(columns)} and platform): counted once, at line ${first.line}`);
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

/**
 * The rows (from 0) that sum up the others rather than name a creator, each with why it is not
 * read: labelled as a total or an average in the name cell (or, that being blank, in the first
 * filled cell beside the count), or with a blank name and a count that is the sum of every other
 * row's. A creator's own name ("Total Wellness") is no label, and without a name column no row is
 * a total by its sum alone.
 */
export function totalRowsOf(data: readonly Rec[], counts: readonly ReturnType<typeof readCount>[], columns: RosterColumns): Map<number, string> {
  const totals = new Map<number, string>();
  const nameOf = (rec: Rec) => creatorName(columns, rec.cells);
  data.forEach((rec, i) => {
    if (!counts[i]!.ok) return;
    const label = normaliseHeader(nameOf(rec) || unquoteCell(rec.cells.find((cell, column) => column !== columns.count && cell.trim() !== '') ?? ''));
    if (TOTAL_LABEL.test(label)) totals.set(i, TOTAL_ROW);
    else if (AVERAGE_LABEL.test(label)) totals.set(i, SUMMARY_ROW);
  });
  if (columns.name === undefined) return totals;
  const read = counts.flatMap((c, i) => (c.ok && !totals.has(i) ? [{ i, count: c.value }] : []));
  const sum = read.reduce((s, r) => s + r.count, 0);
  for (const { i, count } of read) {
    if (read.length > 2 && count > 0 && count * 2 === sum && nameOf(data[i]!) === '') totals.set(i, TOTAL_ROW);
  }
  return totals;
}

/** The note a repeated row's note starts with ("repeat of line 2 …"); the platform summary skips those rows too. */
export const REPEAT_NOTE = 'repeat of line';
/** The note of a row the totals leave out ("not read: a total row, not a creator"), which the platform summary skips too. */
export const NOT_READ_NOTE = 'not read:';
/** The note of a row outside the house tiers starts with it ("house tiers: below nano …"): its tier column names where it falls. */
export const HOUSE_NOTE = 'house tiers';
/** The note of a row whose "mil" was read as a million; the reply counts those rows. */
export const MIL_NOTE = '“mil” read as a million';

/** What two rows share to be one creator: the handle where the file has a handle column beside the name. */
export const sameWhat = (columns: RosterColumns): 'handle' | 'name' => (columns.handle === undefined ? 'name' : 'handle');

/** A row's creator as the file names them (First and Last Name together), without the ' that makes a formula text. */
export function creatorName(columns: RosterColumns, cells: readonly string[]): string {
  const parts = [columns.name, columns.lastName].flatMap((i) => (i === undefined ? [] : [withoutNeutralising(cells[i] ?? '').trim()]));
  return parts.filter((part) => part !== '').join(' ');
}

/**
 * Who a row is, for spotting a creator listed twice: the handle, else the name (any case, without
 * a handle's @ or extra spaces), and the platform. Undefined when that cell is blank: such rows
 * are never repeats.
 */
function creatorKey(whoCell: string, platform: string | undefined): string | undefined {
  const name = unquoteCell(whoCell).normalize('NFKC').replace(/^@/, '').replace(/\s+/g, ' ').toLowerCase();
  return name === '' ? undefined : `${name}\n${(platform ?? '').toLowerCase()}`;
}
