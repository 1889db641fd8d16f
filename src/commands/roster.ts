/**
 * /roster file:<attachment> [name_column] [count_column] [private] — a creator list (CSV or TSV
 * export from Google Sheets or Excel) tagged by tier (the server's house definition first, else
 * the publishers' consensus), totalled per tier, charted, and handed back as roster-tiers.csv. The
 * "Summary by platform" button reads that CSV back from the message it sits on, so any process
 * can answer it and nothing is held in memory.
 *
 * The uploaded file is shown to no one, but the reply republishes every column of it (emails,
 * fees…) in roster-tiers.csv: `private` keeps the whole answer to the uploader, and a reply others
 * see (in a server's channel, a group DM, a DM with someone else) says so.
 */

import {
  ApplicationCommandOptionType,
  ButtonStyle,
  MessageFlags,
  type APIEmbed,
  type APIEmbedField,
} from 'discord-api-types/v10';
import { LIMITS, embedLength } from './limits';
import { KNOWN_PLATFORMS } from '../domain/platforms';
import { ACCEPTED_FORMS, shortCount } from '../domain/followers';
import { andList, countOf, formatCount, shorten } from '../domain/format';
import {
  ADDED_COLUMNS,
  BELOW_INFLUENCER,
  MAX_ROSTER_BYTES,
  MAX_ROSTER_COLUMNS,
  MAX_ROSTER_LINES,
  MAX_ROSTER_ROWS,
  MAX_TAGGED_BYTES,
  MIL_NOTE,
  NO_TIER,
  ROSTER_FILE,
  creatorName,
  hasFormulaGuard,
  readRoster,
  sameWhat,
  summariseByPlatform,
  summaryStateOf,
  writeTaggedCsv,
  type CountUnit,
  type RosterError,
  type SummaryState,
  type TaggedRoster,
  type TaggedRow,
  type TierTotal,
} from '../domain/roster';
import { houseTiersOf, type HouseTiers } from '../domain/house-placing';
import { TIER_COLOURS } from '../domain/tier-style';
// Types only: the chart module loads ECharts and resvg, which only the chart renderer process may.
import type { RosterChartBar } from '../charts/roster';
import { houseProblemLine, lookUpHouse, teamTierName } from './house-lookup';
import { NEUTRAL_COLOUR, button, buttonRows, inputErrorReply, linesToFields, quoteUserText } from './embeds';
import { slashCommand, type Attachment, type ChatInputDefinition, type ComponentContext, type ComponentReply, type Reply, type RunContext, EVERYWHERE } from './types';

export const definition = {
  name: 'roster',
  description: 'Tag a creator list (CSV or TSV) by tier, total it per tier, and get it back as a CSV',
  options: [
    {
      type: ApplicationCommandOptionType.Attachment,
      name: 'file',
      description: 'A CSV or TSV export (Google Sheets, Excel) with a followers column: up to 5,000 rows, 2 MB',
      required: true,
    },
    {
      type: ApplicationCommandOptionType.String,
      name: 'name_column',
      description: "The column with the creators' names, if its header is not name, handle or creator",
      required: false,
      max_length: 100,
    },
    {
      type: ApplicationCommandOptionType.String,
      name: 'count_column',
      description: 'The column with follower counts, if its header is not followers, subscribers or audience',
      required: false,
      max_length: 100,
    },
    // A true/false option named `private`, set true, is read by the interaction core from the wire
    // (asksForPrivateAnswer): an interaction deferred while the commands still load is then deferred
    // privately, before this definition is known.
    {
      type: ApplicationCommandOptionType.Boolean,
      name: 'private',
      description: 'Show the reply and roster-tiers.csv to you alone (otherwise everyone in the channel sees them)',
      required: false,
    },
  ],
  ...EVERYWHERE,
} as const satisfies ChatInputDefinition;

const ACCEPTED =
  'a CSV or TSV file in UTF-8 (Google Sheets: File → Download → CSV; Excel: Save As → "CSV UTF-8"), up to 2 MB and ' +
  `${formatCount(MAX_ROSTER_ROWS)} rows, with a header row that names a followers column (for example: name, platform, followers).`;

/** The count forms a roster's cells are read in: /tier's, and European exports' own. */
const ACCEPTED_COUNTS = `one follower count per row, such as ${ACCEPTED_FORMS}, or \`45.000\` and \`1,2 Mio\` in a European export; in a column headed followers, subscribers or audience, or the one \`count_column:\` names.`;

/** Extensions that are certainly not CSV: refused before downloading. */
const NOT_CSV: Readonly<Record<string, string>> = {
  xlsx: 'an Excel workbook',
  xlsm: 'an Excel workbook',
  xls: 'an Excel workbook',
  ods: 'an OpenDocument spreadsheet',
  numbers: 'a Numbers spreadsheet',
  pdf: 'a PDF',
  json: 'a JSON file',
  html: 'an HTML page',
  htm: 'an HTML page',
  zip: 'a ZIP archive',
  png: 'an image',
  jpg: 'an image',
  jpeg: 'an image',
  gif: 'an image',
  webp: 'an image',
  docx: 'a Word document',
};

// ── The house definition ──────────────────────────────────────────────────────────────────────

export interface HouseAnswer {
  house: HouseTiers | undefined;
  /** One line when the server has a definition that could not be used. */
  notice: string | undefined;
}

/**
 * The server's house definition, when the interaction has a server and the server has one, read
 * through /house's own lookUpHouse (which stops waiting after a second). A failing, slow or
 * unreadable one is said in one line, and the publishers' consensus is used instead.
 * Shared with the "Classify follower counts" message command.
 */
export async function houseFor(context: RunContext): Promise<HouseAnswer> {
  const found = await lookUpHouse(context);
  return found.kind === 'set' ? { house: houseTiersOf(found.tiers), notice: undefined } : { house: undefined, notice: houseProblemLine(found) };
}

// ── Refusals ──────────────────────────────────────────────────────────────────────────────────

const quoted = (text: string, max = 40) => `“${quoteUserText(text, max)}”`;

function headerList(header: readonly string[]): string {
  const shown = header.slice(0, 15).map((h) => (h.trim() === '' ? '(blank)' : quoted(h, 30)));
  return `${shown.join(', ')}${header.length > 15 ? `, and ${header.length - 15} more` : ''}`;
}

const MB = 1024 * 1024;

/**
 * Why a file is too large, in sizes that never make it read as the limit: within 0.1 MB of the
 * limit in bytes ("2,097,153 bytes; the limit is 2 MB (2,097,152 bytes)"), else in MB rounded down.
 */
function tooLargeText(bytes: number): string {
  const limit = `${MAX_ROSTER_BYTES / MB} MB`;
  if (bytes - MAX_ROSTER_BYTES < 0.1 * MB) return `${formatCount(bytes)} bytes; the limit is ${limit} (${formatCount(MAX_ROSTER_BYTES)} bytes)`;
  return `${(Math.floor((bytes / MB) * 10) / 10).toFixed(1)} MB; the limit is ${limit}`;
}

/** A column as the reply names it: its header, with its number when another column has the same header. */
function columnLabel(header: readonly string[], i: number): string {
  const text = header[i] ?? '';
  const repeated = header.some((h, j) => j !== i && h.trim().toLowerCase() === text.trim().toLowerCase());
  return repeated ? `${quoted(text, 30)} (column ${i + 1})` : quoted(text, 30);
}

/** "columns 2 and 3", "columns 2, 4 and 7". */
function columnNumbers(columns: readonly number[]): string {
  const numbers = columns.map((i) => String(i + 1));
  return `columns ${andList(numbers)}`;
}

/** A file of another kind (`what`: "a JSON file"), by its name or its contents. */
const notCsvReply = (name: string, what: string): Reply =>
  inputErrorReply(`${name} is ${what}, not a CSV or TSV file. Export the sheet as CSV and attach that.`, ACCEPTED, 'Not a CSV file');

function refusal(error: RosterError, filename: string): Reply {
  const name = quoted(filename, 60);
  switch (error.kind) {
    case 'too-large':
      return inputErrorReply(`${name} is ${tooLargeText(error.bytes)}.`, ACCEPTED, 'That file is too large');
    case 'empty':
      return inputErrorReply(`${name} is empty.`, ACCEPTED, 'That file is empty');
    case 'binary':
      return inputErrorReply(`${name} is ${error.looksLike}, not a CSV or TSV text file. Export the sheet as CSV and attach that.`, ACCEPTED, 'Not a CSV file');
    case 'encoding':
      return inputErrorReply(
        error.encoding === 'UTF-16'
          ? `${name} is UTF-16 text (Excel's "Unicode Text"); only UTF-8 is read. In Excel, save it as "CSV UTF-8".`
          : `${name} is not UTF-8 text; only UTF-8 is read. In Excel, save it as "CSV UTF-8"; Google Sheets' CSV download is already UTF-8.`,
        ACCEPTED,
        'Not UTF-8 text',
      );
    case 'json':
      return notCsvReply(name, NOT_CSV.json!);
    case 'html':
      return notCsvReply(name, NOT_CSV.html!);
    case 'malformed':
      return inputErrorReply(`${name} could not be read as CSV at line ${formatCount(error.line)}: ${error.detail}.`, ACCEPTED, 'That CSV is malformed');
    case 'unclosed-quote':
      return inputErrorReply(
        `${name} could not be read as CSV: a quote (") that opens a field ${error.exact ? 'on' : 'on or before'} line ${formatCount(error.line)} is never closed, ` +
          'so the rest of the file would be one cell. Close that quote, or write a quote inside a cell as two ("").',
        ACCEPTED,
        'That CSV is malformed',
      );
    case 'too-many-rows':
      return inputErrorReply(`${name} has ${formatCount(error.rows)} rows; the limit is ${formatCount(MAX_ROSTER_ROWS)}. Split it into smaller files.`, ACCEPTED, 'Too many rows');
    case 'too-many-lines':
      // Blank rows count towards the lines read: say how many there are, or the limit looks unmet.
      return inputErrorReply(
        error.blank === 0
          ? `${name} has more than ${formatCount(MAX_ROSTER_LINES)} rows; the limit is ${formatCount(MAX_ROSTER_ROWS)}. Split it into smaller files.`
          : `${name} has more than ${formatCount(MAX_ROSTER_LINES)} lines, ${formatCount(error.blank)} of the first ${formatCount(MAX_ROSTER_LINES)} blank; ` +
              `the limit is ${formatCount(MAX_ROSTER_ROWS)} creators in at most ${formatCount(MAX_ROSTER_LINES)} lines, blank ones, the header and any title above it included. Delete the blank rows, or split the file.`,
        ACCEPTED,
        'Too many rows',
      );
    case 'too-many-columns':
      return inputErrorReply(
        error.line === undefined
          ? `${name} has ${formatCount(error.columns)} columns; the limit is ${formatCount(MAX_ROSTER_COLUMNS)}.`
          : `Line ${formatCount(error.line)} of ${name} has ${formatCount(error.columns)} cells; the limit is ${formatCount(MAX_ROSTER_COLUMNS)} columns.`,
        ACCEPTED,
        'Too many columns',
      );
    case 'header-only':
      return inputErrorReply(`${name} has a header row (${headerList(error.header)}) but no creators under it.`, ACCEPTED, 'No rows to tag');
    case 'no-count-column':
      return inputErrorReply(
        `I could not find a follower-count column in ${name}. Its header row reads: ${headerList(error.header)}. ` +
          'Name the column with `count_column:`, or give it a header such as followers, subscribers or audience. ' +
          "If the header row is further down, under a report's name or notes, delete the lines above it and upload the file again.",
        ACCEPTED,
        'No follower-count column',
      );
    case 'unknown-column':
      return inputErrorReply(
        `${name} has no column ${quoted(error.given)} (from \`${error.option}:\`). Its header row reads: ${headerList(error.header)}. A column's number (1 for the first) works too.`,
        ACCEPTED,
        'No such column',
      );
    case 'ambiguous-column':
      return inputErrorReply(
        `${quoted(error.given)} (from \`${error.option}:\`) is the header of ${formatCount(error.columns.length)} columns in ${name}: ${columnNumbers(error.columns)}. ` +
          `Give the column's number instead, for example \`${error.option}:${error.columns[0]! + 1}\` (1 is the first column).`,
        ACCEPTED,
        'Which column?',
      );
    case 'name-is-count': {
      const column = `${quoted(error.header[error.column] ?? '', 30)} (column ${error.column + 1})`;
      const why = error.countColumnGiven
        ? `\`name_column:\` and \`count_column:\` both name ${column}, and one column cannot hold both the names and the counts.`
        : `\`name_column:\` names ${column}, the only column with follower counts, so I would have no counts to read.`;
      return inputErrorReply(
        `${why} \`name_column:\` is for the column with the creators' names: leave it out and I will find that column myself, or name another one. ` +
          `The header row of ${name} reads: ${headerList(error.header)}.`,
        ACCEPTED,
        'Names and counts in one column',
      );
    }
    case 'added-column':
      return inputErrorReply(
        `\`${error.option}:\` names ${quoted(error.given)} (column ${error.column + 1}), one of the columns I add (${ADDED_COLUMNS.join(', ')}): ` +
          `tagging ${name} replaces them, so I do not read them. Name another column.`,
        ACCEPTED,
        'A column I replace',
      );
    case 'no-readable-count': {
      const shown = error.cells.slice(0, 3).map((cell) => quoted(cell, 30));
      const more = error.cells.length > shown.length ? `, and ${formatCount(error.cells.length - shown.length)} other values` : '';
      const holds = shown.length ? `it holds ${shown.join(', ')}${more}` : 'its cells are empty';
      // Counts a comma moved read as written ("45" of "45,200"): why they are not read is the comma.
      const moved =
        error.moved > 0
          ? `In ${countOf(error.moved, 'row')}, a comma inside an unquoted cell (a count written 45,200, or a name like Smith, Jane) moved the cells after it: write counts without commas, or quote such cells, and upload the file again. `
          : '';
      return inputErrorReply(
        `No row of ${name} has a follower count I can read in the column ${quoted(error.header[error.column] ?? '', 30)} (column ${error.column + 1}): ${holds}. ` +
          `${moved}If the counts are in another column, name it with \`count_column:\`.`,
        ACCEPTED_COUNTS,
        'No follower counts to read',
      );
    }
  }
}

// ── The answer ────────────────────────────────────────────────────────────────────────────────

/** A tier's name for an embed (house names are the team's text): whole, as every reply shows it. */
const tierName = (name: string) => teamTierName(name);

function tierLine(t: TierTotal): string {
  return `**${tierName(t.tier)}** — ${countOf(t.creators, 'creator')} · ${countOf(t.followers, 'follower')}`;
}

const DELIMITER_NAMES: Record<TaggedRoster['delimiter'], string> = { ',': 'comma-separated', ';': 'semicolon-separated', '\t': 'tab-separated', '|': 'pipe-separated' };

/**
 * The public reply lists the first rows not read and the first repeated creators: at most
 * PROBLEMS_SHOWN of each, and (one of each at least) only as many as fit in PROBLEM_ROOM
 * characters for both lists, so a file with many long ones is not answered with a wall of text.
 * Every row's reason is in the note column of roster-tiers.csv, which the reply points to.
 * The room is fixed, not what the rest of the reply leaves: a roster-tiers.csv tagged again then
 * lists the same lines, though its reply says more.
 */
const PROBLEMS_SHOWN = 5;
const PROBLEM_ROOM = 600;
/** How much of a cell, a repeated creator's name or a platform is shown: a name more when two names shown would read the same cut shorter and the longer cut tells them apart. */
const NAME_SHOWN = 24;
const LONG_NAME_SHOWN = 100;
/** The line after the ones shown: where the rest are. */
const moreLine = (n: number) => `…and ${formatCount(n)} more: see the note column of ${ROSTER_FILE}.`;

/**
 * A section of problem lines: the first of `lines` that fit in `room` characters with its name and
 * the line saying where the rest are (one line at least, PROBLEMS_SHOWN at most), then that line.
 */
function problemSection(name: string, lines: readonly string[], total: number, room: number): APIEmbedField[] {
  const shown: string[] = [];
  let used = name.length + moreLine(total).length;
  for (const line of lines.slice(0, PROBLEMS_SHOWN)) {
    if (shown.length && used + line.length + 1 > room) break;
    shown.push(line);
    used += line.length + 1;
  }
  return linesToFields(name, shown.length < total ? [...shown, moreLine(total - shown.length)] : shown);
}

/** "5.3 MB", rounded up so that a size over a limit never reads as the limit. */
const megabytes = (bytes: number) => `${(Math.ceil((bytes / MB) * 10) / 10).toFixed(1)} MB`;

/** "2", "2 and 5", "2, 5 and 9", "2, 5, 9 and 4 more". */
function lineNumbers(lines: readonly number[], shown = PROBLEMS_SHOWN): string {
  const listed = lines.slice(0, shown).map(formatCount);
  if (lines.length > shown) return `${listed.join(', ')} and ${formatCount(lines.length - shown)} more`;
  return andList(listed);
}

/** A consensus group that is no single tier ("nano or micro"): the publishers tie between tiers. */
const isTie = (t: TierTotal) => t.normal === undefined && t.tier !== BELOW_INFLUENCER && t.tier !== NO_TIER;

function columnsLine(r: TaggedRoster): string {
  const unit = r.columns.countUnit ? `, read in ${r.columns.countUnit}` : '';
  const parts = [`followers ${columnLabel(r.header, r.columns.count)}${unit}`];
  const lastName = r.columns.lastName === undefined ? '' : ` and ${columnLabel(r.header, r.columns.lastName)}`;
  if (r.columns.name !== undefined) parts.push(`name ${columnLabel(r.header, r.columns.name)}${lastName}`);
  if (r.columns.handle !== undefined) parts.push(`handle ${columnLabel(r.header, r.columns.handle)}`);
  if (r.columns.platform !== undefined) parts.push(`platform ${columnLabel(r.header, r.columns.platform)}`);
  else if (r.columns.headerPlatform) parts.push(`platform ${r.columns.headerPlatform} (from the followers header)`);
  // The lines above a header are a title, not creators: where the header was found says so.
  const where = r.aboveHeader.length ? ` (header on line ${formatCount(r.headerLine)})` : '';
  return `Columns used${where}: ${parts.join(' · ')}.`;
}

/** Columns the "Not used" line names; the rest are counted. */
const UNUSED_SHOWN = 5;

/**
 * The columns Tierbot does not read (fees, emails, notes…): that they are copied unchanged into
 * roster-tiers.csv. Those other lines speak of (other count columns, replaced ones, cells past
 * the header) are left out, and so is a blank header over blank cells, a sheet's padding.
 */
function unusedColumnsLine(r: TaggedRoster): string | undefined {
  const { count, name, lastName, handle, platform, otherCounts } = r.columns;
  const spokenOf = new Set([count, name, lastName, handle, platform, ...otherCounts, ...r.replacedColumns]);
  // Unnamed columns past the header's last (a roster-tiers.csv's, uploaded again): the line on wider rows speaks of them.
  const pastHeader = (i: number) => i - r.replacedColumns.filter((replaced) => replaced < i).length >= r.namedColumns;
  const unused = r.header.flatMap((text, i) => {
    if (spokenOf.has(i) || pastHeader(i)) return [];
    if (text.trim() !== '') return [columnLabel(r.header, i)];
    return r.rows.some((row) => (row.cells[i] ?? '').trim() !== '') ? [`column ${i + 1} (no header)`] : [];
  });
  if (!unused.length) return undefined;
  const shown = unused.slice(0, UNUSED_SHOWN);
  const listed = unused.length > shown.length ? `${shown.join(', ')}, and ${formatCount(unused.length - shown.length)} more` : andList(shown);
  return `Not used: ${listed} (copied unchanged into ${ROSTER_FILE}).`;
}

/** Drops fields from the end (saying so) until the embed is within Discord's 6,000 characters. */
function fitEmbed(embed: APIEmbed): APIEmbed {
  const fields = [...(embed.fields ?? [])].slice(0, LIMITS.embedFields);
  let fitted: APIEmbed = { ...embed, fields };
  let dropped = 0;
  while (embedLength(fitted) > LIMITS.embedTotal && fields.length > 0) {
    fields.pop();
    dropped++;
    fitted = { ...embed, fields: [...fields, { name: 'More', value: `${countOf(dropped, 'more section')} left out to fit; roster-tiers.csv has everything.` }] };
  }
  return fitted;
}

/** Bars the chart has room for (its MAX_ROSTER_BARS): tiers past it are folded into one bar. */
const CHART_BARS = 16;

/** The counts a bar's group covers, shown when the chart font cannot draw its name: a house tier's range, or beyond the lowest or highest. */
function groupRange(group: string, house: HouseTiers | undefined): string | undefined {
  const tiers = house?.tiers ?? [];
  const lowest = tiers[0];
  const highest = tiers.at(-1);
  if (lowest && group === `below ${lowest.name}`) return `under ${shortCount(lowest.min)}`;
  if (highest && highest.max !== null && group === `above ${highest.name}`) return `over ${shortCount(highest.lineTo ?? highest.max)}`;
  return tiers.find((t) => t.name === group)?.stated;
}

function chartBars(totals: readonly TierTotal[], house: HouseTiers | undefined): RosterChartBar[] {
  const bars = totals.map((t) => ({ label: t.tier, range: groupRange(t.tier, house), creators: t.creators, followers: t.followers, colour: t.normal ? TIER_COLOURS[t.normal] : undefined }));
  if (bars.length <= CHART_BARS) return bars;
  const rest = bars.slice(CHART_BARS - 1);
  return [...bars.slice(0, CHART_BARS - 1), { label: `${rest.length} more tiers`, creators: rest.reduce((s, b) => s + b.creators, 0), followers: rest.reduce((s, b) => s + b.followers, 0), colour: undefined }];
}

// custom_id: "roster:platform:<count column>:<platform column or x>:<p|c decimal mark>:<platform index or x>[:<k|m count unit>]"
const PLATFORM_BUTTON = 'roster:platform';
const UNIT_CODES: Record<CountUnit, string> = { thousands: 'k', millions: 'm' };

export function summaryCustomId(r: TaggedRoster): string {
  const state = summaryStateOf(r);
  const headerPlatform = state.headerPlatform === undefined ? -1 : KNOWN_PLATFORMS.findIndex((p) => p.name === state.headerPlatform);
  const unit = state.countUnit ? [UNIT_CODES[state.countUnit]] : [];
  return [PLATFORM_BUTTON, state.count, state.platform ?? 'x', state.decimal === ',' ? 'c' : 'p', headerPlatform < 0 ? 'x' : headerPlatform, ...unit].join(':');
}

function parseSummaryId(customId: string): SummaryState | undefined {
  const [, what, count, platform, decimal, header, unit, ...rest] = customId.split(':');
  if (what !== 'platform' || !/^\d{1,4}$/.test(count ?? '') || !/^(?:\d{1,4}|x)$/.test(platform ?? '') || !/^[pc]$/.test(decimal ?? '') || !/^(?:\d{1,2}|x)$/.test(header ?? '')) return undefined;
  const countUnit = unit === undefined ? undefined : (Object.keys(UNIT_CODES) as CountUnit[]).find((u) => UNIT_CODES[u] === unit);
  if ((unit !== undefined && countUnit === undefined) || rest.length) return undefined;
  return {
    count: Number(count),
    platform: platform === 'x' ? undefined : Number(platform),
    decimal: decimal === 'c' ? ',' : '.',
    headerPlatform: header === 'x' ? undefined : KNOWN_PLATFORMS[Number(header)]?.name,
    countUnit,
  };
}

/** The other columns that look like counts, by number too, which always picks one (a repeated header does not). */
function otherCountsLine(r: TaggedRoster): string {
  const others = r.columns.otherCounts.slice(0, 5);
  const listed = others.map((i) => `${quoted(r.header[i] ?? '', 30)} (column ${i + 1})`).join(', ');
  return `Other count columns: ${listed}. To count one of those instead, give its number: \`count_column:${others[0]! + 1}\`.`;
}

/** A file without a header row: how its first row was told from a header, and what the columns are called. */
function noHeaderLine(r: TaggedRoster): string {
  return (
    `No header row: line ${formatCount(r.rows.find((row) => !row.blank)!.line)} already has a follower count in column ${r.columns.count + 1}, so every row is read as a creator, ` +
    `and the columns are named by number (${quoted(r.header[0]!)} for the first), here and in ${ROSTER_FILE}.`
  );
}

/** The input's own tier, consensus_tier, consensus_votes or note columns, which roster-tiers.csv has afresh, once each. */
function replacedLine(r: TaggedRoster): string {
  const names = ADDED_COLUMNS.filter((c) => r.replacedColumns.some((i) => r.header[i] === c));
  return `Replaced the file’s own ${andList(names)} ${names.length === 1 ? 'column' : 'columns'} with fresh ones: ${ROSTER_FILE} has each added column once, at the end.`;
}

/**
 * Rows with cells past the header's last column: where they are, the likely cause, that nothing
 * was dropped, and which of them (moved by such a comma) are left out of the totals until mended.
 */
function widerRowsLine(r: TaggedRoster): string | undefined {
  const lines = r.rows.filter((row) => row.extraCells > 0).map((row) => row.line);
  if (!lines.length) return undefined;
  const header = countOf(r.namedColumns, 'column');
  const moved = r.problems.filter((p) => p.moved).map((p) => p.line);
  const which = moved.length === lines.length ? (moved.length === 1 ? 'It is' : 'They are') : `${moved.length === 1 ? 'Line' : 'Lines'} ${lineNumbers(moved)}, whose count the comma moved or split, ${moved.length === 1 ? 'is' : 'are'}`;
  const leftOut = moved.length ? ` ${which} left out of the totals (listed below): quote the cell with the comma, or drop the comma, and upload again.` : '';
  return (
    `${lines.length === 1 ? 'Line' : 'Lines'} ${lineNumbers(lines)} ${lines.length === 1 ? 'has' : 'have'} more cells than the header's ${header}: ` +
    'a comma inside an unquoted cell (a name like Smith, Jane, or a count like 1,200) moves the cells after it one column to the right. ' +
    `Check ${lines.length === 1 ? 'that row' : 'those rows'}; ${ROSTER_FILE} keeps every cell, the extra ones in unnamed columns after yours.${leftOut}`
  );
}

/**
 * A row not read, for the reply: its line and, where the row has one, its creator's name, to find
 * it in the sheet by; its cell unless blank, and why; where another count column has its count,
 * which and how to read that one.
 */
function problemLine(r: TaggedRoster, p: TaggedRoster['problems'][number]): string {
  const row = r.rows.find((candidate) => candidate.line === p.line);
  const name = row ? creatorName(r.columns, row.cells) : '';
  const where = `Line ${formatCount(p.line)}${name ? ` (${quoted(name, NAME_SHOWN)})` : ''}`;
  const cell = p.cell.trim() === '' ? '' : `${quoted(p.cell, NAME_SHOWN)} — `;
  const elsewhere = p.elsewhere
    ? ` in ${columnLabel(r.header, r.columns.count)}; ${columnLabel(r.header, p.elsewhere.column)} has ${formatCount(p.elsewhere.count)} (\`count_column:${p.elsewhere.column + 1}\`)`
    : '';
  return `${where}: ${cell}${p.reason}${elsewhere}`;
}

/**
 * Counts in thousands written without a unit (TaggedRoster.unitlessThousands): that the decimals
 * are not read and the small ones are read as they are, and the header that would read them all.
 */
function unitlessThousandsLine(r: TaggedRoster): string | undefined {
  const cells = r.unitlessThousands;
  if (!cells) return undefined;
  const header = r.header[r.columns.count] ?? '';
  const examples = [...new Set([...cells.decimals, ...cells.small.map((s) => s.cell)])].slice(0, 3).map((cell) => quoted(cell, 12));
  const first = cells.small[0];
  const asWritten = first
    ? ` As it is, ${quoted(first.cell, 12)}${cells.small.length > 1 ? ` and ${formatCount(cells.small.length - 1)} more` : ''} ${cells.small.length > 1 ? 'are' : 'is'} read as ${cells.small.length > 1 ? 'written' : countOf(first.count, 'follower')}, and decimals are not read.`
    : ' As it is, decimals are not read.';
  return (
    `Most cells in ${quoted(header, 30)} are decimals or under 1,000 (${examples.join(', ')}): if the column is in thousands, head it ${quoted(`${header.trim()} (K)`, 34)} and upload again.` +
    asWritten
  );
}

/** Creators named like a total row whose count is the largest: counted, as the count is no sum of the rows above, but worth a look. */
function namedLikeTotalsLine(r: TaggedRoster, counted: readonly TaggedRow[]): string | undefined {
  const largest = Math.max(...counted.map((row) => row.count!));
  const named = new Set(r.namedLikeTotals);
  const rows = counted.filter((row) => named.has(row.line) && row.count === largest);
  if (!rows.length) return undefined;
  const listed = rows.slice(0, PROBLEMS_SHOWN).map((row) => `${formatCount(row.line)} (${quoted(creatorName(r.columns, row.cells) || row.cells.find((c) => c.trim() !== '') || '', NAME_SHOWN)})`);
  return (
    `${rows.length === 1 ? 'Line' : 'Lines'} ${andList(listed)} ${rows.length === 1 ? 'is' : 'are'} counted as a creator: named like a total, with the largest count, ` +
    `but not the sum of the rows above. If ${rows.length === 1 ? 'it is a total, delete that row' : 'they are totals, delete those rows'} and upload again.`
  );
}

/**
 * How rows of one creator are told apart, for the line saying repeats are left out: by name (or
 * handle) and platform; by name alone where no platform is given.
 */
function repeatsLine(r: TaggedRoster, readable: readonly TaggedRow[], repeats: readonly TaggedRow[]): string {
  const what = sameWhat(r.columns);
  const withPlatform = repeats.filter((row) => row.platform !== undefined).length;
  const same = withPlatform === repeats.length ? `${what} and platform` : withPlatform === 0 ? what : `${what} and platform (or ${what}, where no platform is given)`;
  const line = `Each creator is counted once: ${countOf(repeats.length, 'row')} with the same ${same} as an earlier row ${repeats.length === 1 ? 'is' : 'are'} left out of the totals (listed below, and noted in ${ROSTER_FILE}).`;
  // Without a platform, one name with two counts may be one person's accounts on two platforms.
  const countOfLine = new Map(readable.map((row) => [row.line, row.count]));
  const otherCounts = repeats.filter((row) => row.platform === undefined && countOfLine.get(row.repeatOf!) !== row.count).length;
  if (!otherCounts) return line;
  // A platform column under a header not read as one ("Réseau") is as good as none: its header is what to change.
  const fix =
    r.columns.platform === undefined
      ? `give each row its platform in a column headed Platform to count ${otherCounts === 1 ? 'it' : 'them'}`
      : `give ${otherCounts === 1 ? 'its' : 'their'} platform to count ${otherCounts === 1 ? 'it' : 'them'}`;
  if (repeats.length === 1) return `${line} Its count differs from the row counted: if it is another account of that creator (on another platform), ${fix}.`;
  return otherCounts === 1
    ? `${line} 1 of them has a different count from the row counted: if it is another account of that creator (on another platform), ${fix}.`
    : `${line} ${formatCount(otherCounts)} of them have different counts from the rows counted: if they are other accounts of those creators (on other platforms), ${fix}.`;
}

/** The CSV to attach, and why it has no "Summary by platform" button when it is too large to read back. */
function tiersFile(r: TaggedRoster): { data: Buffer; unreadable: string | undefined } {
  const data = Buffer.from(writeTaggedCsv(r), 'utf8');
  const unreadable =
    data.byteLength > MAX_TAGGED_BYTES
      ? `No “Summary by platform” button: ${ROSTER_FILE} is ${megabytes(data.byteLength)}, and it can be read back up to ${MAX_TAGGED_BYTES / MB} MB. Run /roster on a file with fewer columns or rows to get it.`
      : undefined;
  return { data, unreadable };
}

/** The repeated creators (`repeats`, of the rows with a count `readable`), each beside the earlier row counted instead. */
function repeatsSection(r: TaggedRoster, readable: readonly TaggedRow[], repeats: readonly TaggedRow[], room: number): APIEmbedField[] {
  // Names as read: without the ' that makes a formula text ("'@alice" in a roster-tiers.csv uploaded again).
  const nameOf = (row: TaggedRow) => creatorName(r.columns, row.cells);
  const byLine = new Map(readable.map((row) => [row.line, row]));
  const listed = repeats.slice(0, PROBLEMS_SHOWN);
  const nameShown = (row: TaggedRow) => {
    const short = quoted(nameOf(row), NAME_SHOWN);
    const long = quoted(nameOf(row), LONG_NAME_SHOWN);
    const alike = listed.some((other) => nameOf(other) !== nameOf(row) && quoted(nameOf(other), NAME_SHOWN) === short && quoted(nameOf(other), LONG_NAME_SHOWN) !== long);
    return alike ? long : short;
  };
  const repeatLine = (row: TaggedRow) => {
    const first = byLine.get(row.repeatOf!)!;
    const counts = first.count === row.count ? '' : ` with ${countOf(first.count!, 'follower')} (this row: ${formatCount(row.count!)})`;
    return `Line ${formatCount(row.line)}: ${nameShown(row)}${row.platform ? ` on ${quoteUserText(row.platform, NAME_SHOWN)}` : ''} — same as line ${formatCount(first.line)}, counted there${counts}`;
  };
  return problemSection(`Repeated creators (${formatCount(repeats.length)})`, listed.map(repeatLine), repeats.length, room);
}

/**
 * Who sees a roster's reply: the uploader alone (`private:True`, or without it in their DM with
 * Tierbot), everyone in a server's channel, or everyone in a group DM or a DM with someone else.
 */
export type RosterViewers = 'own' | 'bot-dm' | 'channel' | 'conversation';

/** Why cells such as @handles come back with a leading ' (OWASP's advice against CSV injection), said where the reply describes the file. */
const FORMULA_GUARD_NOTE = " Cells that begin with =, +, - or @ (such as @handles) get a ' in front, so spreadsheets show them as text instead of running them as formulas.";

/** Said on a reply others see: it holds every column uploaded, and how to keep a roster private. */
const shownToEveryone = (where: 'channel' | 'conversation') =>
  `Everyone in this ${where} can see this reply and ${ROSTER_FILE}, with every column you uploaded, including any emails or fees. ` +
  `Add \`private:True\` next time to keep a roster to yourself.`;

function viewersOf(asked: boolean | undefined, context: RunContext): RosterViewers {
  if (asked === true) return 'own';
  if (!context.othersSeePublicReplies) return 'bot-dm';
  return context.guildId === undefined ? 'conversation' : 'channel';
}

export function rosterReply(r: TaggedRoster, filename: string, { notice, house, viewers }: { notice?: string | undefined; house?: HouseTiers | undefined; viewers: RosterViewers }): Reply {
  const file = tiersFile(r);
  // A roster within MAX_ROSTER_BYTES and MAX_ROSTER_COLUMNS comes back well under it; this keeps
  // any file that would not from being sent.
  if (file.data.byteLength > LIMITS.attachmentBytes) {
    return inputErrorReply(
      `Tagged, ${quoted(filename, 60)} would come back as a ${megabytes(file.data.byteLength)} ${ROSTER_FILE}, more than the ${LIMITS.attachmentBytes / MB} MB Discord lets a bot attach. Split it into smaller files.`,
      ACCEPTED,
      'The tagged file would be too large',
    );
  }
  const creatorRows = r.rows.filter((row) => !row.blank).length;
  const readable = r.rows.filter((row) => row.count !== undefined);
  const counted = readable.filter((row) => row.repeatOf === undefined);
  const repeats = readable.filter((row) => row.repeatOf !== undefined);
  const followers = counted.reduce((s, row) => s + row.count!, 0);
  const basis = r.basis === 'house' ? 'by your house definition' : "by the publishers' consensus (one vote per publisher)";
  const ties = r.basis === 'consensus' ? r.totals.filter(isTie) : [];
  const readAsMillions = readable.filter((row) => row.note.includes(MIL_NOTE));
  const description = [
    `Tiers ${basis}.`,
    ...(notice ? [notice] : []),
    `Read ${quoted(filename, 60)}: ${countOf(creatorRows, 'row')}, ${DELIMITER_NAMES[r.delimiter]}${r.decimal === ',' ? ', decimal commas' : ''}.`,
    // Early, so that no shortening of a long description can cut it.
    ...(viewers === 'channel' || viewers === 'conversation' ? [shownToEveryone(viewers)] : []),
    ...(r.headerRow ? [] : [noHeaderLine(r)]),
    columnsLine(r),
    ...[unusedColumnsLine(r)].filter((line) => line !== undefined),
    ...(r.replacedColumns.length ? [replacedLine(r)] : []),
    ...(r.columns.otherCounts.length ? [otherCountsLine(r)] : []),
    ...[widerRowsLine(r)].filter((line) => line !== undefined),
    `**Total: ${countOf(counted.length, 'creator')} · ${countOf(followers, 'follower')}**`,
    ...(repeats.length ? [repeatsLine(r, readable, repeats)] : []),
    ...[namedLikeTotalsLine(r, counted), unitlessThousandsLine(r)].filter((line) => line !== undefined),
    ...(readAsMillions.length
      ? [`“mil” is read as a million in ${countOf(readAsMillions.length, 'row')} (noted in ${ROSTER_FILE}); for thousands, write k (30k), or head the column in Spanish or Portuguese, such as “Seguidores”.`]
      : []),
    ...(ties.length
      ? [`A tier shown as “${tierName(ties[0]!.tier)}” is a tie: as many publishers put those counts in one tier as in the other. Those creators are counted once, under the pair, here and in the tier column.`]
      : []),
    ...(file.unreadable ? [file.unreadable] : []),
  ].join('\n');

  const fields: APIEmbedField[] = [...linesToFields('By tier', r.totals.map(tierLine))];
  const room = PROBLEM_ROOM / (r.problems.length && repeats.length ? 2 : 1);
  if (r.problems.length) {
    const lines = r.problems.slice(0, PROBLEMS_SHOWN).map((p) => problemLine(r, p));
    fields.push(...problemSection(`Rows not read (${formatCount(r.problems.length)})`, lines, r.problems.length, room));
  }
  if (repeats.length) fields.push(...repeatsSection(r, readable, repeats, room));
  const embed = fitEmbed({
    title: `Roster: ${countOf(counted.length, 'creator')} by tier`,
    description: shorten(description, LIMITS.embedDescription),
    color: NEUTRAL_COLOUR,
    fields,
    footer: {
      text:
        `${ROSTER_FILE} has your columns plus tier (the group each row is totalled under above), consensus_tier, consensus_votes (publishers giving that answer, of those with numbers) and note.` +
        (hasFormulaGuard(r) ? FORMULA_GUARD_NOTE : ''),
    },
  });
  return {
    embeds: [embed],
    files: [{ name: ROSTER_FILE, data: file.data, description: 'The roster with tier, consensus_tier, consensus_votes and note added' }],
    // Nothing to split by without a platform (a column, or a followers header naming one),
    // and nothing to read back from a file too large.
    ...(file.unreadable || (r.columns.platform === undefined && r.columns.headerPlatform === undefined) ? {} : { components: buttonRows([button(summaryCustomId(r), 'Summary by platform', ButtonStyle.Secondary)]) }),
    chart: { kind: 'roster' as const, opts: { title: `${countOf(counted.length, 'creator')} by tier`, basis: r.basis === 'house' ? 'by your house definition' : "by the publishers' consensus", bars: chartBars(r.totals, house) } },
    // The chart is drawn into this message, so it is as private as the rest.
    ...(viewers === 'own' ? { flags: MessageFlags.Ephemeral } : {}),
  };
}

async function run(args: { file: Attachment; name_column?: string; count_column?: string; private?: boolean }, context: RunContext): Promise<Reply> {
  const file = args.file;
  const viewers = viewersOf(args.private, context);
  const name = quoted(file.filename, 60);
  if (file.size > MAX_ROSTER_BYTES) return refusal({ kind: 'too-large', bytes: file.size }, file.filename);
  const extension = /\.([a-z0-9]{1,8})$/i.exec(file.filename)?.[1]?.toLowerCase();
  const not = extension ? NOT_CSV[extension] : undefined;
  if (not) return notCsvReply(name, not);
  let bytes: Uint8Array;
  try {
    // The download tells Discord "thinking…", and a deferred reply is as visible as that message:
    // a private answer is deferred privately.
    bytes = await context.download(file, { privately: viewers === 'own' });
  } catch {
    return inputErrorReply(`${name} could not be downloaded from Discord. Attach it again.`, ACCEPTED, 'The file did not arrive');
  }
  const { house, notice } = await houseFor(context);
  const read = readRoster(bytes, { nameColumn: args.name_column, countColumn: args.count_column, house, filename: file.filename });
  if (!read.ok) return refusal(read.error, file.filename);
  return rosterReply(read.roster, file.filename, { notice, house, viewers });
}

// ── Summary by platform ───────────────────────────────────────────────────────────────────────

const PLATFORMS_SHOWN = 20;

function summaryError(problem: string): ComponentReply {
  return { mode: 'reply', reply: inputErrorReply(problem, 'press Summary by platform on a /roster reply that still has its roster-tiers.csv, or run /roster again.', 'No summary') };
}

async function component(customId: string, _values: readonly string[], context: ComponentContext): Promise<ComponentReply> {
  const state = parseSummaryId(customId);
  if (!state) return summaryError('That button is out of date.');
  const file = context.message?.attachments.find((a) => a.filename === ROSTER_FILE);
  if (!file) return summaryError(`The ${ROSTER_FILE} this button reads is no longer attached to the message.`);
  if (file.size > MAX_TAGGED_BYTES) return summaryError(`The attached ${ROSTER_FILE} is too large to read back.`);
  let bytes: Uint8Array;
  try {
    bytes = await context.download(file);
  } catch {
    return summaryError(`The attached ${ROSTER_FILE} could not be downloaded from Discord.`);
  }
  const summary = summariseByPlatform(bytes, state);
  if (!summary.ok) return summaryError(`${summary.reason[0]!.toUpperCase()}${summary.reason.slice(1)}.`);

  const shown = summary.platforms.slice(0, PLATFORMS_SHOWN);
  const fields: APIEmbedField[] = shown.map((p) => ({
    name: shorten(`${quoteUserText(p.platform, 60)} — ${countOf(p.creators, 'creator')} · ${countOf(p.followers, 'follower')}`, LIMITS.fieldName),
    value: shorten(p.tiers.map(tierLine).join('\n'), LIMITS.fieldValue),
  }));
  const rest = summary.platforms.slice(PLATFORMS_SHOWN);
  if (rest.length) {
    fields.push({
      name: `${rest.length} more platforms`,
      value: `${countOf(rest.reduce((s, p) => s + p.creators, 0), 'creator')} · ${countOf(rest.reduce((s, p) => s + p.followers, 0), 'follower')}`,
    });
  }
  const embed = fitEmbed({
    title: `Roster by platform: ${countOf(summary.rows, 'creator')}`,
    description: state.platform === undefined ? 'The roster has no platform column, so every creator is counted under one platform.' : `Per tier, split by the platform column.`,
    color: NEUTRAL_COLOUR,
    fields,
  });
  return { mode: 'reply', reply: { embeds: [embed], flags: MessageFlags.Ephemeral } };
}

export const roster = slashCommand({ definition, run, component });
