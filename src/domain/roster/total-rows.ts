/**
 * Total, subtotal and average rows: the rows a sheet or a pivot table writes under (or above) its
 * creators to sum them up, told from creators by their label, by whether their count is a sum of
 * the rows above, and by whether their row says who it is. Those are set aside as no creators, so
 * that the tiers total creators only; a creator named like a total ("Total Beauty") is counted,
 * with a note saying why.
 */

import { FOLLOWER_WORD } from '../followers';
import { formatCount } from '../format';
import { platformName } from '../platforms';
import { readCount } from '../spreadsheet-count';
import { type CountRead, namesPlatform, unquoteCell } from './cells';
import { normaliseHeader } from './columns';
import { creatorName } from './creators';
import type { Rec } from './records';
import type { RosterColumns } from './types';


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

/** The note of a creator named with a sum word ("Total Beauty"): counted, as its count is no sum. */
const TOTAL_LIKE_NOTE = 'named like a total, but its count is not the sum of the rows above: counted as a creator';

/** The note of a creator named like a total ("Total Beauty"), saying why it is counted; undefined for other rows. */
export function totalLikeNote(totalRows: TotalRows, i: number, data: readonly Rec[]): string | undefined {
  const total = totalRows.countedByTotal.get(i);
  if (total !== undefined) return `named like a total, and its count is the sum of the rows above, but the total on line ${formatCount(data[total]!.line)} adds up only with this row counted: counted as a creator`;
  if (totalRows.identifiedSums.has(i)) return "named like a total, and its count is a sum of the rows above, but its row has what a creator's has (a handle, a platform or other text): counted as a creator";
  return totalRows.namedLikeTotals.has(i) ? TOTAL_LIKE_NOTE : undefined;
}
