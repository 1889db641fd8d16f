/**
 * Rosters: a CSV or TSV export of creators (Google Sheets, Excel, in English or European style)
 * read, each row tagged with its tier (the team's house definition first, else the publishers'
 * consensus), totalled per tier, and written back with four added columns: `tier`,
 * `consensus_tier`, `consensus_votes` ("6 of 20") and `note`. The written file is safe to open in
 * a spreadsheet (formula injection neutralised, as OWASP advises) and is the only state the
 * "Summary by platform" button needs: it reads the file back.
 *
 * Pure: bytes in, text and numbers out. Nothing user-supplied is trusted to be small or well formed.
 */

import { parse } from 'csv-parse/sync';
import { classify } from './classify';
import { csvText, withoutNeutralising } from './csv';
import { andList, countOf } from './format';
import { extractCounts, readCount, platformName, PLATFORMS, type DecimalMark, type IgnoreKind } from './extract';
import { COUNT_MULTIPLIERS, FOLLOWER_WORD, MAX_INPUT_LENGTH, MIL_IS_THOUSAND_BEFORE, normaliseDigits, numberBeforeMil } from './followers';
import { formatHousePlacement, houseTierFor, type HousePlacement, type HouseTier } from './house';
import { answerLine, answerWord } from './overview';
import { NORMAL_TIERS, type NormalTier } from './sources';
import { TIER_LABELS } from './tier-style';

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
type AddedColumn = (typeof ADDED_COLUMNS)[number];
/** The bucket for rows no tier takes (outside the house tiers, or no publisher places them). */
export const NO_TIER = 'no tier';

// ── Adapters: the one place each classification is read ───────────────────────────────────────

/** The publishers' consensus for one count, as rosters and the message command show it. */
export interface ConsensusView {
  /** 'tier': most publishers place it in `leaders`; 'below': under most publishers' lowest tier. */
  outcome: 'tier' | 'below' | 'none';
  leaders: readonly NormalTier[];
  /** How many publishers give the answer, of how many give numbers at all. */
  votes: number;
  of: number;
  /** The answer in a word or three: "micro", "nano or micro", "below influencer size", "no tier". */
  word: string;
  /** The answer as /tier words it: "**Micro** — 14 of 20 publishers agree." */
  line: string;
}

/**
 * The publishers' consensus. Everything here and in the message command reads it through this
 * function only, so a change in how classify() counts votes is re-pointed in one place.
 */
export function consensusFor(count: number): ConsensusView {
  const c = classify(count);
  const { outcome, leaders, votes, numericSources } = c.consensus;
  return { outcome, leaders, votes, of: numericSources, word: answerWord(c), line: answerLine(c, (t) => `**${t}**`) };
}

/** "6 of 20". */
function votesText(c: ConsensusView): string {
  return `${c.votes} of ${c.of}`;
}

/** The bucket for counts most publishers put under their smallest tier. */
export const BELOW_INFLUENCER = 'below influencer size';

/** A server's house definition, ready to tag counts with. */
export interface HouseTiers {
  tiers: readonly HouseTier[];
  /**
   * The house tier a count is in, or where it falls outside them: in words ("below nano (1k–10k),
   * the lowest house tier") and as the group the totals count it in ("below nano", "above mega").
   */
  place(count: number): { tier: HouseTier } | { outside: string; bucket: string };
}

/** The group for counts outside the house tiers, named as /tier and /compare place them. */
function outsideBucket(placement: Exclude<HousePlacement, { kind: 'tier' }>): string {
  switch (placement.kind) {
    case 'below':
      return `below ${placement.lowest.name}`;
    case 'above':
      return `above ${placement.highest.name}`;
    case 'gap':
      return `between ${placement.under.name} and ${placement.over.name}`;
  }
}

/** A parsed house definition's tiers (house.ts), ready to tag counts with. */
export function houseTiersOf(tiers: readonly HouseTier[]): HouseTiers {
  return {
    tiers,
    place(count) {
      const placement = houseTierFor(tiers, count);
      return placement.kind === 'tier' ? { tier: placement.tier } : { outside: formatHousePlacement(placement), bucket: outsideBucket(placement) };
    },
  };
}

// ── Reading ───────────────────────────────────────────────────────────────────────────────────

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
  /** No row's cell in the count column (`column`, from 0) reads as a follower count; `cells`: the filled ones, each once (may be anything: escape it). */
  | { kind: 'no-readable-count'; header: string[]; column: number; cells: string[] }
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
  /** The line of the earlier row with the same name and platform: this row is left out of the totals. */
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
  basis: 'house' | 'consensus';
}

export interface RosterOptions {
  nameColumn?: string | undefined;
  countColumn?: string | undefined;
  house?: HouseTiers | undefined;
  /** The file's name: a .tsv is read as tab-separated when its header has a tab. */
  filename?: string | undefined;
}

type LooksLike = Extract<RosterError, { kind: 'binary' }>['looksLike'];

const BINARY_SIGNATURES: [number[], LooksLike][] = [
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an Excel workbook'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF'],
  [[0x89, 0x50, 0x4e, 0x47], 'an image'],
  [[0xff, 0xd8, 0xff], 'an image'],
  [[0x47, 0x49, 0x46, 0x38], 'an image'],
];

/** Bytes → text, or why they are not a UTF-8 text file. The BOM is noted and dropped. */
function decodeRosterText(bytes: Uint8Array, maxBytes = MAX_ROSTER_BYTES): { ok: true; text: string; bom: boolean } | { ok: false; error: RosterError } {
  if (bytes.length > maxBytes) return { ok: false, error: { kind: 'too-large', bytes: bytes.length } };
  if (bytes.length === 0) return { ok: false, error: { kind: 'empty' } };
  for (const [signature, looksLike] of BINARY_SIGNATURES) {
    if (signature.every((b, i) => bytes[i] === b)) {
      // An .xlsx is a ZIP whose first entry names the workbook's parts.
      const xlsx = looksLike === 'a ZIP archive' && /\[Content_Types\]\.xml|xl\//.test(String.fromCharCode(...bytes.subarray(0, 200)));
      return { ok: false, error: { kind: 'binary', looksLike: xlsx ? 'an Excel workbook' : looksLike } };
    }
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || looksLikeUtf16(bytes)) return { ok: false, error: { kind: 'encoding', encoding: 'UTF-16' } };
  if (bytes.includes(0)) return { ok: false, error: { kind: 'binary', looksLike: 'binary data' } };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: { kind: 'encoding', encoding: 'not UTF-8' } };
  }
  // TextDecoder drops a leading BOM itself; the file's own bytes say whether there was one.
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { ok: false, error: { kind: 'empty' } };
  // Control characters other than tab and line breaks are not in any spreadsheet export.
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127) controls++;
  }
  if (controls > 0 && controls * 100 > text.length) return { ok: false, error: { kind: 'binary', looksLike: 'binary data' } };
  return { ok: true, text, bom };
}

/**
 * What ends a row: CRLF, LF or CR, each wherever it comes. csv-parse would otherwise keep the first
 * one it meets for the whole file, and a file edited on two systems mixes them.
 */
const ROW_ENDS = ['\r\n', '\n', '\r'];

/** Bytes read to tell UTF-16 without a byte order mark. */
const UTF16_SAMPLE_BYTES = 1024;

/**
 * UTF-16 text without a byte order mark: in most of the first pairs of bytes one byte is zero and
 * the other an ASCII character, the zero always on the same side (a header row is ASCII text).
 */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const pairs = Math.floor(Math.min(bytes.length, UTF16_SAMPLE_BYTES) / 2);
  let littleEndian = 0;
  let bigEndian = 0;
  for (let i = 0; i < pairs; i++) {
    const [first, second] = [bytes[2 * i]!, bytes[2 * i + 1]!];
    if (second === 0 && first > 0 && first < 0x80) littleEndian++;
    if (first === 0 && second > 0 && second < 0x80) bigEndian++;
  }
  return pairs > 0 && Math.max(littleEndian, bigEndian) * 2 > pairs;
}

/**
 * JSON text saved under a CSV name: it opens with [ or {, and parses as JSON as a whole, or its
 * first line does (JSON Lines), or that line is the lone bracket of pretty-printed JSON.
 */
function isJson(text: string): boolean {
  const trimmed = text.trim();
  if (!/^[[{]/.test(trimmed)) return false;
  const firstLine = trimmed.split(/\r\n|\n|\r/, 1)[0]!.trim();
  return parsesAsJson(trimmed) || parsesAsJson(firstLine) || firstLine === '[' || firstLine === '{';
}

/** An HTML page: it opens with a doctype or an <html> tag. */
const isHtml = (text: string): boolean => /^\s*<(?:!doctype\s+html|html)[\s>]/i.test(text);

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Excel's "sep=;" first line, which names the delimiter: the delimiter and the text after it. */
function sepLine(text: string): { delimiter: Delimiter; rest: string } | undefined {
  const m = /^sep=([,;\t|])(?:\r\n|\n|\r)/i.exec(text);
  return m ? { delimiter: m[1] as Delimiter, rest: text.slice(m[0].length) } : undefined;
}

const DELIMITERS = ['\t', ';', ',', '|'] as const;
/** Lines read to tell the delimiter, within the file's first SAMPLE_CHARS characters (a header line of 2 MB is not split four ways). */
const SAMPLE_LINES = 20;
const SAMPLE_CHARS = 16 * 1024;

/** The delimiter the header line uses most outside quotes (comma when it has none). */
function mostInHeader(text: string): Delimiter {
  const firstLine = (text.split(/\r\n|\n|\r/).find((l) => l.trim() !== '') ?? '').replace(/"[^"]*"/g, '');
  let best: Delimiter = ',';
  let most = 0;
  for (const d of DELIMITERS) {
    const n = firstLine.split(d).length - 1;
    if (n > most) [best, most] = [d, n];
  }
  return best;
}

/** The file's first lines, whole: up to SAMPLE_CHARS characters, cut at a line break when it has one. */
function sampleOf(text: string): string {
  if (text.length <= SAMPLE_CHARS) return text;
  const head = text.slice(0, SAMPLE_CHARS);
  const lastBreak = Math.max(head.lastIndexOf('\n'), head.lastIndexOf('\r'));
  return lastBreak > 0 ? head.slice(0, lastBreak) : head;
}

/** How many cells each of the sample's records has when split by `d` (quotes honoured), or undefined if they cannot be read. */
function sampleWidths(sample: string, d: Delimiter): number[] | undefined {
  try {
    const records = parse(sample, { delimiter: d, record_delimiter: ROW_ENDS, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, to_line: SAMPLE_LINES }) as string[][];
    return records.map((r) => r.length);
  } catch {
    return undefined;
  }
}

/**
 * The file's delimiter. Cells often hold commas ("Followers, all platforms") and hardly ever tabs,
 * so the header's count of each is not enough:
 * 1. a .tsv whose header has a tab is tab-separated;
 * 2. else the delimiter that splits the header into columns and each of the first rows into as
 *    many (tab first, then the one giving the most columns);
 * 3. else the one the header line uses most outside quotes.
 */
export function detectDelimiter(text: string, filename = ''): Delimiter {
  const sample = withoutTitleLines(sampleOf(text));
  const widths = new Map(DELIMITERS.map((d) => [d, sampleWidths(sample, d)]));
  const headerWidth = (d: Delimiter) => widths.get(d)?.[0] ?? 0;
  if (/\.tsv$/i.test(filename.trim()) && headerWidth('\t') > 1) return '\t';
  const consistent = DELIMITERS.filter((d) => headerWidth(d) > 1 && widths.get(d)!.every((n) => n === headerWidth(d)));
  if (consistent.includes('\t')) return '\t';
  const widest = consistent.sort((a, b) => headerWidth(b) - headerWidth(a))[0];
  return widest ?? mostInHeader(sample);
}

/**
 * The text from its first line with a delimiter in it: a sheet's title typed above the table
 * ("Q4 shortlist", then a blank line) has none and would hide which one the table uses. Text
 * without any delimiter (one column) is kept whole.
 */
function withoutTitleLines(sample: string): string {
  const lines = sample.split(/(?<=\r\n|\n|\r(?!\n))/);
  const first = lines.slice(0, HEADER_SEARCH_ROWS).findIndex((line) => DELIMITERS.some((d) => line.includes(d)));
  return first > 0 ? lines.slice(first).join('') : sample;
}

interface Rec {
  cells: string[];
  line: number;
  /** Every cell blank (an empty line, or only delimiters and spaces). */
  blank: boolean;
}

/**
 * The file's records, each with the line it starts on, blank ones too but for those after the
 * last filled one (a file's final line breaks are no rows); `skipped`: lines before `text`. Reading
 * stops past MAX_ROSTER_LINES rows, so that a file of millions of short rows is refused unread.
 */
function records(text: string, delimiter: Delimiter, skipped = 0): { ok: true; records: Rec[] } | { ok: false; error: RosterError } {
  let parsed: string[][];
  /** For each record, how many empty lines come before it in all. */
  const emptyLinesBefore: number[] = [];
  try {
    // Empty lines are skipped rather than read as records: csv-parse builds an error object for
    // every record narrower than the first, which for a file of blank lines is most of the work.
    parsed = parse(withoutTrailingBlankLines(text, delimiter), {
      delimiter,
      record_delimiter: ROW_ENDS,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      to: MAX_ROSTER_LINES + 1,
      on_record: (record, info) => {
        emptyLinesBefore.push(info.empty_lines);
        return record;
      },
    });
  } catch (e) {
    const err = e as { code?: string; lines?: number; bytes?: number };
    const lastLine = (typeof err.lines === 'number' ? err.lines : 0) + skipped;
    if (err.code === 'CSV_QUOTE_NOT_CLOSED') {
      const opens = unclosedQuoteLine(text, err.bytes);
      return { ok: false, error: { kind: 'unclosed-quote', line: opens === undefined ? lastLine : opens + skipped, exact: opens !== undefined } };
    }
    const detail = err.code === 'CSV_INVALID_CLOSING_QUOTE' ? 'a quoted field has text after its closing quote' : 'the CSV cannot be read there';
    return { ok: false, error: { kind: 'malformed', line: lastLine, detail } };
  }
  const out: Rec[] = [];
  // Every line is a row: a record, or one of the empty lines skipped before it; a record spans one line more per line break in its cells.
  let line = skipped + 1;
  let emptyLines = 0;
  for (const [i, record] of parsed.entries()) {
    for (; emptyLines < emptyLinesBefore[i]! && out.length <= MAX_ROSTER_LINES; emptyLines++) out.push({ cells: [''], line: line++, blank: true });
    if (out.length > MAX_ROSTER_LINES) break;
    const start = line;
    line += 1;
    for (const cell of record) line += lineBreaksIn(cell);
    out.push({ cells: record, line: start, blank: record.every((c) => c.trim() === '') });
  }
  if (out.length > MAX_ROSTER_LINES) return { ok: false, error: { kind: 'too-many-lines', blank: out.slice(0, MAX_ROSTER_LINES).filter((rec) => rec.blank).length } };
  const lastFilled = out.findLastIndex((rec) => !rec.blank);
  return { ok: true, records: out.slice(0, lastFilled + 1) };
}

/** How many line breaks (CRLF, LF or CR) the text has: counted, not matched, as a cell may hold millions. */
function lineBreaksIn(text: string): number {
  let breaks = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) breaks++;
  }
  return breaks;
}

/**
 * The text without the blank lines at its end (only delimiters and spaces): no rows, however many
 * a spreadsheet pads its export with, so they are not read at all.
 */
function withoutTrailingBlankLines(text: string, delimiter: Delimiter): string {
  let end = text.length;
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text[i]!;
    if (c === '\n' || c === '\r') end = i;
    else if (c !== delimiter && c.trim() !== '') break;
  }
  return text.slice(0, end);
}

/**
 * The line (from 1) on which a never-closed quote opens. csv-parse's error gives `bytes`: where the
 * last field it completed ends (in UTF-8 bytes), so the open quote starts the next field, on the
 * line that offset is on. Undefined when that line has no quote after the offset (csv-parse
 * changed): the caller then says "on or before" the last line.
 */
function unclosedQuoteLine(text: string, bytes: number | undefined): number | undefined {
  if (typeof bytes !== 'number' || !Number.isInteger(bytes) || bytes < 0) return undefined;
  const encoded = new TextEncoder().encode(text);
  if (bytes > encoded.length) return undefined;
  const decoder = new TextDecoder();
  const before = decoder.decode(encoded.subarray(0, bytes));
  const restOfLine = /^[^\r\n]*/.exec(decoder.decode(encoded.subarray(bytes)))![0];
  if (!restOfLine.includes('"')) return undefined;
  return 1 + lineBreaksIn(before);
}

const normaliseHeader = (h: string): string =>
  h
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[_\-./#()[\]:,;]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const COUNT_EXACT = new Set(['followers', 'follower', 'follower count', 'followers count', 'followers total', 'total followers', 'subscribers', 'subscriber count', 'subs', 'audience', 'audience size', 'fans', 'abonnés', 'abonnenten', 'seguidores', 'follower anzahl']);
const COUNT_WORD = new RegExp(String.raw`(?:^| )(?:${FOLLOWER_WORD}|audience)(?: |$)`, 'u');
const NAME_EXACT = new Set(['name', 'creator', 'creator name', 'handle', 'username', 'user name', 'influencer', 'influencer name', 'account', 'account name', 'talent', 'creator handle', 'full name', 'channel name', 'profile', 'nom', 'nombre', 'nome', 'naam', 'navn', 'namn', 'nazwa', 'isim']);
const NAME_WORD = /(?:^| )(?:name|handle|creator|influencer|username|account|talent)(?: |$)/;
const PLATFORM_EXACT = new Set(['platform', 'network', 'social network', 'social', 'social platform', 'site', 'plattform', 'plateforme', 'plataforma', 'red social']);
const PLATFORM_WORD = /(?:^| )(?:platform|network)(?: |$)/;
const FIRST_NAME = new Set(['first name', 'firstname', 'given name', 'vorname', 'prénom', 'prenom']);
const LAST_NAME = new Set(['last name', 'lastname', 'surname', 'family name', 'nachname', 'nom de famille', 'apellido', 'apellidos']);
const HANDLE_WORD = /(?:^| )(?:handle|username|user name)(?: |$)/;
/**
 * "Channel" is the platform in some marketing sheets (Instagram, TikTok) and the creator in
 * YouTube exports (Channel, Subscribers): its cells decide.
 */
const CHANNEL = 'channel';

/** A cell that names a platform Tierbot knows ("IG", "TikTok"). */
function namesPlatform(cell: string): boolean {
  const text = unquoteCell(cell).replace(/\s+/g, ' ').toLowerCase();
  return PLATFORMS.some((p) => p.name.toLowerCase() === text || p.aliases.includes(text));
}

/** Most of the column's filled cells name platforms. */
function looksLikePlatforms(cells: readonly string[]): boolean {
  const filled = cells.filter((c) => c.trim() !== '');
  return filled.length > 0 && filled.filter(namesPlatform).length * 2 >= filled.length;
}

function bestColumn(header: string[], exact: Set<string>, word: RegExp, taken: (number | undefined)[]): number[] {
  const scored = header
    .map((h, i) => ({ i, n: normaliseHeader(h) }))
    .filter(({ i }) => !taken.includes(i))
    .map(({ i, n }) => ({ i, score: exact.has(n) ? 2 : word.test(n) ? 1 : 0 }))
    .filter((c) => c.score > 0);
  scored.sort((a, b) => b.score - a.score || a.i - b.i);
  return scored.map((c) => c.i);
}

/** A header naming a change in followers or a date, not how many there are: "Followers growth", "New followers", "Last updated", "Follower %". */
const CHANGE_OR_DATE = new RegExp(
  String.raw`(?:^| )(?:${[
    'growth|new|gained|gain|gains|lost|loss|change|changes|delta|increase|decrease|updated|date|rate|percent|percentage',
    // The same in the languages the count headers come in ("Follower-Wachstum", "Datum", "Croissance").
    'wachstum|zuwachs|neue|neu|gewonnen|gewonnene|veränderung|änderung|datum|aktualisiert',
    'croissance|nouveaux|gagnés|gagnes|variation|évolution|mis à jour',
    'crecimiento|nuevos|ganados|cambio|fecha|actualizado',
    'crescimento|novos|ganhos|variação|atualizado|data',
    'groei|nieuwe|erbij|crescita|nuovi|guadagnati|variazione',
  ].join('|')})(?: |$)`,
  'u',
);
const namesChangeOrDate = (header: string): boolean => header.includes('%') || CHANGE_OR_DATE.test(normaliseHeader(header));

/** The columns an option names: those with that header (any case, else as normalised), else the one with that number (from 1). */
function columnsNamed(header: string[], given: string): number[] {
  const want = given.trim();
  const matching = (same: (h: string) => boolean) => header.flatMap((h, i) => (same(h) ? [i] : []));
  const exact = matching((h) => h.trim().toLowerCase() === want.toLowerCase());
  if (exact.length) return exact;
  const loose = matching((h) => normaliseHeader(h) === normaliseHeader(want));
  if (loose.length) return loose;
  const number = columnNumber(want);
  return number !== undefined && number <= header.length ? [number - 1] : [];
}

/** A column given by its number (1 for the first), in any digits ("２"), or undefined. */
function columnNumber(given: string): number | undefined {
  const digits = normaliseDigits(given).trim();
  return /^\d{1,3}$/.test(digits) && Number(digits) >= 1 ? Number(digits) : undefined;
}

/** A column named like one Tierbot adds (exactly: a team's "Notes" or "Tier 2024" is its own). */
const isAddedColumn = (header: string): boolean => (ADDED_COLUMNS as readonly string[]).includes(header.trim());

/**
 * The columns a roster-tiers.csv uploaded again has from its last tagging, when all four added
 * columns are there: the last place they stand side by side in their order, as Tierbot writes
 * them; else (moved about in a spreadsheet) the last column of each name. A team's own "note" or
 * "tier" column before them, or on its own, is the team's data, kept.
 */
function earlierTagging(header: readonly string[]): number[] {
  const named = (column: number, name: string) => header[column]?.trim() === name;
  if (!ADDED_COLUMNS.every((name) => header.some((_, i) => named(i, name)))) return [];
  for (let start = header.length - ADDED_COLUMNS.length; start >= 0; start--) {
    if (ADDED_COLUMNS.every((name, i) => named(start + i, name))) return ADDED_COLUMNS.map((_, i) => start + i);
  }
  return ADDED_COLUMNS.map((name) => header.findLastIndex((_, i) => named(i, name))).sort((a, b) => a - b);
}

/** The one column an option names, or why it names none or several, or one that is not read. */
function columnOption(header: string[], option: ColumnOption, given: string | undefined): { ok: true; column: number | undefined } | { ok: false; error: RosterError } {
  if (given === undefined || given.trim() === '') return { ok: true, column: undefined };
  const named = columnsNamed(header, given);
  if (named.length === 1 && earlierTagging(header).includes(named[0]!)) return { ok: false, error: { kind: 'added-column', option, given, column: named[0]! } };
  if (named.length === 1) return { ok: true, column: named[0] };
  if (named.length === 0) return { ok: false, error: { kind: 'unknown-column', option, given, header } };
  return { ok: false, error: { kind: 'ambiguous-column', option, given, columns: named, header } };
}

/** Headers Tierbot knows by name: a first row with one of them is a header row. */
function isKnownHeader(cell: string): boolean {
  const h = normaliseHeader(cell);
  return COUNT_EXACT.has(h) || NAME_EXACT.has(h) || PLATFORM_EXACT.has(h) || h === CHANNEL || isAddedColumn(cell);
}

/**
 * Whether the file's first row is already a creator, the file having no header row:
 * `count_column:` picks its column by number, the row's cell there is a follower count, and none
 * of its cells is a header Tierbot knows ("Name,2023,2024" with `count_column:3` keeps its header
 * row). Without `count_column:`, the count column is found by a header word, which is never a count.
 */
function firstRowIsCreator(first: string[], countColumn: string | undefined): boolean {
  const number = countColumn === undefined ? undefined : columnNumber(countColumn);
  if (number === undefined) return false;
  const picked = columnOption(first, 'count_column', countColumn);
  if (!picked.ok || picked.column !== number - 1) return false;
  return readCount(unquoteCell(first[picked.column]!)).ok && !first.some(isKnownHeader);
}

/** Rows looked through for the header when the first names no count column: a title and a few notes above it. */
const HEADER_SEARCH_ROWS = 10;
/** Filled cells a row above the header may have: a title, or a label and its value ("Owner:", "Jane"). */
const ABOVE_HEADER_CELLS = 2;

const filledCells = (cells: readonly string[]): number => cells.filter((c) => c.trim() !== '').length;

/**
 * Which of the file's first rows (from 0) is its header: the first, unless it names no count
 * column and one of the next rows does (by a header word, or the name `count_column:` gives), with
 * only a title's few cells in each row above it, as a sheet with a title over its table is exported.
 */
function headerIndex(records: readonly Rec[], countColumn: string | undefined): number {
  const countNamed = countColumn !== undefined && columnNumber(countColumn) === undefined ? countColumn : undefined;
  const namesCount = (cells: string[]) =>
    filledWidth(cells) <= MAX_ROSTER_COLUMNS && (bestColumn(cells, COUNT_EXACT, COUNT_WORD, []).length > 0 || (countNamed !== undefined && columnsNamed(cells, countNamed).length > 0));
  const searched = records.slice(0, HEADER_SEARCH_ROWS).map((r) => headerCells(r.cells));
  const titlesAbove = (at: number) => searched.slice(0, at).every((cells) => filledCells(cells) <= ABOVE_HEADER_CELLS && filledCells(cells) < filledCells(searched[at]!));
  // The lowest row that names a count column with only title-like rows above it: a title that
  // itself says "followers" ("Followers report 2024") is passed over for the header below it.
  const candidates = searched.flatMap((cells, i) => (namesCount(cells) ? [i] : []));
  return candidates.reverse().find(titlesAbove) ?? 0;
}

/** A header row's cells, as read: trimmed, without a stray byte order mark. */
const headerCells = (cells: readonly string[]): string[] => cells.map((h) => h.replace(/^\uFEFF/, '').trim());

/** A file without a header row: its columns named by number, as the reply and roster-tiers.csv name them. */
const numberedColumns = (width: number): string[] => Array.from({ length: width }, (_, i) => `column ${i + 1}`);

function platformInHeader(header: string): string | undefined {
  const words = ` ${normaliseHeader(header)} `;
  for (const p of PLATFORMS) for (const alias of p.aliases) if (alias.length > 1 && words.includes(` ${alias} `)) return p.name;
  return undefined;
}

/** Spanish and Portuguese words for thousands in a header ("Seguidores (miles)"), which no cell's multiplier reads. */
const THOUSAND_WORDS = new Set(['miles', 'milhares']);

/**
 * The unit a multiplier word names ("tsd.", "mio", "millions"), as the cells' parser reads it:
 * "mil" as a cell under the same header reads it (`milIsThousand`), so "45" and "45 mil" agree.
 */
function unitOfWord(word: string, milIsThousand: boolean): CountUnit | undefined {
  const text = word.toLowerCase();
  if (THOUSAND_WORDS.has(text) || (text === 'mil' && milIsThousand)) return 'thousands';
  const multiplier = COUNT_MULTIPLIERS[text];
  return multiplier === 1_000 ? 'thousands' : multiplier === 1_000_000 ? 'millions' : undefined;
}

/**
 * "Followers (K)", "Audience (000s)", "Subscribers in millions", "Follower (Tsd.)", "Seguidores
 * (mil)": the unit a count column's numbers are in. "(mil)" is thousands under a Spanish or
 * Portuguese header, millions under any other.
 */
function unitInHeader(header: string): CountUnit | undefined {
  if (/\(\s*(?:in\s+)?(?:'?000s?)\s*\)|\s[k]$/i.test(header)) return 'thousands';
  if (/\(\s*(?:in\s+)?mm\s*\)|\s(?:m|mm)$/i.test(header)) return 'millions';
  for (const word of header.matchAll(/\(\s*(?:in\s+)?([^\s()\d]+)\s*\)|\bin\s+([^\s()\d]+)/gi)) {
    const unit = unitOfWord(word[1] ?? word[2]!, milIsThousandUnder(header));
    if (unit) return unit;
  }
  return undefined;
}

const MIL_IS_THOUSAND_HEADER = new RegExp(String.raw`(?:^| )${MIL_IS_THOUSAND_BEFORE}(?: |$)`);

/** A count column headed in Spanish or Portuguese ("Seguidores", "Inscritos"), where "45 mil" in a cell is 45 thousand. */
function milIsThousandUnder(header: string): boolean {
  return MIL_IS_THOUSAND_HEADER.test(normaliseHeader(header));
}

/** "No value" as a sheet writes it: n/a, Excel's #N/A (readCount takes a lone dash as no count itself). */
const NO_VALUE = /^(?:#?n\/?a|none|nil|null)$/i;

/** A formula's error as Excel and Google Sheets show it in the cell: #REF!, #DIV/0!, #VALUE!, #NAME?, #NUM!, #NULL!, #ERROR!, #SPILL!. */
const SPREADSHEET_ERROR = /^(?:#(?:ref!|div\/0!|value!|name\?|num!|null!|error!|spill!|calc!|getting_data)|#{3,})$/i;

/**
 * A count cell read as the roster reads it: empty or a "no value" mark is no count, and a plain
 * number in a column whose header gives a unit is in that unit (45 in "Followers (K)" is 45,000).
 * A number with its own suffix (45k) is read as written; "45 mil" is 45 thousand under a Spanish
 * or Portuguese header (`milIsThousand`), 45 million under any other.
 */
function readRosterCount(cell: string, decimal: DecimalMark, unit: CountUnit | undefined, milIsThousand: boolean): ReturnType<typeof readCount> {
  const text = unquoteCell(cell);
  if (text === '' || NO_VALUE.test(text)) return { ok: false, reason: 'no follower count' };
  if (SPREADSHEET_ERROR.test(text)) return { ok: false, reason: 'no follower count (a spreadsheet error)' };
  const inUnit = unit !== undefined && /^\d[\d.,\s'’]*$/.test(normaliseDigits(text));
  const written = milIsThousand ? text.replace(/(?<=\d)\s?mil$/i, 'k') : text;
  const read = readCount(inUnit ? `${text}${unit === 'thousands' ? 'k' : 'M'}` : written, decimal);
  if (read.ok) return read;
  const otherNumber = otherNumberIn(text);
  return otherNumber ? { ok: false, reason: `${otherNumber}, not a follower count` } : read;
}

/** Numbers a count column holds by mistake (a fee, an engagement rate, a date), named as the message command names them. */
const OTHER_NUMBERS = new Set<IgnoreKind>(['price', 'percentage', 'date']);

/** "a price", "a percentage" or "a date": what a cell that is no count holds, when it is one of OTHER_NUMBERS and nothing else. */
function otherNumberIn(text: string): string | undefined {
  if (text.length > MAX_INPUT_LENGTH) return undefined;
  const { counts, ignored } = extractCounts(text);
  const only = counts.length === 0 && ignored.length === 1 ? ignored[0]! : undefined;
  return only && OTHER_NUMBERS.has(only.kind) ? only.reason : undefined;
}

/** `cellsOf(i)`: column i's cells in the data rows. */
function findColumns(header: string[], cellsOf: (column: number) => string[], opts: RosterOptions): { ok: true; columns: RosterColumns } | { ok: false; error: RosterError } {
  const countOption = columnOption(header, 'count_column', opts.countColumn);
  if (!countOption.ok) return countOption;
  const nameOption = columnOption(header, 'name_column', opts.nameColumn);
  if (!nameOption.ok) return nameOption;
  const givenName = nameOption.column;
  const named = bestColumn(header, COUNT_EXACT, COUNT_WORD, [givenName]);
  // "New followers (30d)" or "Follower Count Last Updated" beside "Instagram Followers" is no count of followers.
  const plain = named.filter((i) => !namesChangeOrDate(header[i]!));
  const counts = plain.length ? plain : named;
  const count = countOption.column ?? counts[0];
  // name_column took the column count_column names, or the only one that looks like counts.
  const onlyCounts = count === undefined && givenName !== undefined && bestColumn(header, COUNT_EXACT, COUNT_WORD, []).includes(givenName);
  if (givenName !== undefined && (givenName === count || onlyCounts)) {
    return { ok: false, error: { kind: 'name-is-count', given: opts.nameColumn!, column: givenName, countColumnGiven: countOption.column !== undefined, header } };
  }
  if (count === undefined) return { ok: false, error: { kind: 'no-count-column', header } };
  const channel = header.findIndex((h, i) => normaliseHeader(h) === CHANNEL && i !== count && i !== givenName);
  const channelIsPlatform = channel >= 0 && looksLikePlatforms(cellsOf(channel));
  const platform = bestColumn(header, PLATFORM_EXACT, PLATFORM_WORD, [count, givenName])[0] ?? (channelIsPlatform ? channel : undefined);
  const channelIsName = channel >= 0 && channel !== platform && !channelIsPlatform;
  const found = givenName ?? bestColumn(header, NAME_EXACT, NAME_WORD, [count, platform])[0] ?? (channelIsName ? channel : undefined);
  // A First Name and a Last Name column are one name, whichever comes first (unless name_column picks one).
  const nameAs = (names: Set<string>) => header.findIndex((h, i) => names.has(normaliseHeader(h)) && i !== count && i !== platform);
  const [first, last] = [nameAs(FIRST_NAME), nameAs(LAST_NAME)];
  const split = givenName === undefined && first >= 0 && last >= 0 && (found === first || found === last);
  const name = split ? first : found;
  const handle = header.findIndex((h, i) => HANDLE_WORD.test(normaliseHeader(h)) && i !== count && i !== platform && i !== name);
  return {
    ok: true,
    columns: {
      count,
      name,
      lastName: split ? last : undefined,
      handle: handle >= 0 ? handle : undefined,
      platform,
      otherCounts: counts.filter((i) => i !== count && i !== name),
      headerPlatform: platform === undefined ? platformInHeader(header[count]!) : undefined,
      countUnit: unitInHeader(header[count]!),
    },
  };
}

/** Which decimal mark the count column uses: by its cells, else by the delimiter (";" is European). */
export function detectDecimal(cells: readonly string[], delimiter: Delimiter): DecimalMark {
  let european = 0;
  let english = 0;
  for (const raw of cells) {
    const c = raw.trim().toLowerCase();
    if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$|^\d+,\d{1,2}$|^\d+,\d+\s?[a-z]/.test(c)) european++;
    else if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+\.\d{1,2}$|^\d+\.\d+\s?[a-z]/.test(c)) english++;
  }
  if (european !== english) return european > english ? ',' : '.';
  return delimiter === ';' ? ',' : '.';
}

/** A spreadsheet's "text" marker (a leading ') and our own neutralising one, taken off before reading. */
const unquoteCell = (cell: string): string => cell.replace(/^'(?=[\s=+\-@＝＋－＠])/, '').trim();

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

/** Where a file's table is: its header row, what is above it, and the records under it. */
interface LocatedTable {
  /** False when the file's first row is already a creator (see firstRowIsCreator). */
  headerRow: boolean;
  /** The header row's cells as read; for a file without one, its first creator's. */
  givenHeader: string[];
  /** The line the header row is on (0 without one). */
  headerLine: number;
  /** The rows above the header (a title), blank ones as no cells. */
  aboveHeader: string[][];
  /** The records under the header (all of them without one), blank ones too; at least one is filled. */
  data: readonly Rec[];
}

/** The file's header row and the records under it; or that a row is wider than MAX_ROSTER_COLUMNS, or no creators are under it. */
function locateHeader(records: readonly Rec[], countColumn: string | undefined): ({ ok: true } & LocatedTable) | { ok: false; error: RosterError } {
  // The header and the title above it are found among the filled rows; blank ones are kept only among the creators.
  const filled = records.filter((rec) => !rec.blank);
  const firstRecord = filled[0];
  if (!firstRecord) return { ok: false, error: { kind: 'empty' } };
  const firstCells = headerCells(firstRecord.cells);
  // A first row wider than the limit is not looked into: it is refused as a header (layOut).
  const firstTooWide = filledWidth(firstCells) > MAX_ROSTER_COLUMNS;
  const headerRow = firstTooWide || !firstRowIsCreator(firstCells, countColumn);
  const headerAt = headerRow && !firstTooWide ? headerIndex(filled, countColumn) : 0;
  const headerRecord = filled[headerAt]!;
  const headerWidth = filledWidth(headerRecord.cells);
  if (headerWidth > MAX_ROSTER_COLUMNS) return { ok: false, error: { kind: 'too-many-columns', columns: headerWidth } };
  const data = headerRow ? records.filter((rec) => rec.line > headerRecord.line) : records;
  // Trailing blank cells are not cells anyone typed, in a blank row as in any other.
  const wide = records.find((rec) => filledWidth(rec.cells) > MAX_ROSTER_COLUMNS);
  if (wide) return { ok: false, error: { kind: 'too-many-columns', columns: filledWidth(wide.cells), line: wide.line } };
  // A header within the limit is kept as the sheet has it; one padded past it with blank cells (a
  // spreadsheet's export) loses those with nothing under them.
  const dataWidth = data.reduce((widest, rec) => Math.max(widest, filledWidth(rec.cells)), 0);
  const headerRead = headerCells(headerRecord.cells);
  const givenHeader = headerRead.length > MAX_ROSTER_COLUMNS ? headerRead.slice(0, Math.max(headerWidth, dataWidth)) : headerRead;
  if (data.every((rec) => rec.blank)) return { ok: false, error: { kind: 'header-only', header: givenHeader } };
  return {
    ok: true,
    headerRow,
    givenHeader,
    headerLine: headerRow ? headerRecord.line : 0,
    // Blank lines too, so that every row of roster-tiers.csv stays on its line of the team's sheet.
    aboveHeader: headerRow ? records.filter((r) => r.line < headerRecord.line).map((r) => (r.blank ? [] : r.cells)) : [],
    data,
  };
}

/** The columns a roster's rows are read and written in. */
interface Layout {
  /** As TaggedRoster.header. */
  header: string[];
  /** Cells in every row: the header's, and one more for each unnamed column past it (TaggedRoster.extraColumns). */
  width: number;
  /** As TaggedRoster.replacedColumns. */
  replacedColumns: number[];
  /** As TaggedRoster.namedColumns. */
  namedColumns: number;
}

/** The cells of a row but those in `columns`. */
const withoutColumns = <T>(cells: readonly T[], columns: readonly number[]): T[] => cells.filter((_, i) => !columns.includes(i));

/** How the table's columns are laid out (its rows within MAX_ROSTER_COLUMNS: locateHeader). */
function layOut(table: LocatedTable): Layout {
  const { givenHeader, data } = table;
  // Every filled cell is written back, those past the header's last column too (trailing blank ones are not cells anyone typed).
  const filledWidths = data.map((rec) => filledWidth(rec.cells));
  const widest = filledWidths.reduce((most, w, i) => (w > filledWidths[most]! ? i : most), 0);
  const header = table.headerRow ? givenHeader : numberedColumns(filledWidths[widest]!);
  const replacedColumns = earlierTagging(header);
  return {
    header,
    width: Math.max(header.length, filledWidths[widest]!),
    replacedColumns,
    namedColumns: replacedColumns.length ? filledWidth(withoutColumns(header, replacedColumns)) : header.length,
  };
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
function tagRows(data: readonly Rec[], context: TagContext): { rows: TaggedRow[]; problems: RosterProblem[] } {
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
function totalRowsOf(data: readonly Rec[], counts: readonly ReturnType<typeof readCount>[], columns: RosterColumns): Map<number, string> {
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

/** How many cells a record has up to its last filled one. */
function filledWidth(cells: readonly string[]): number {
  let width = cells.length;
  while (width > 0 && cells[width - 1]!.trim() === '') width--;
  return width;
}

/** The note a repeated row's note starts with ("repeat of line 2 …"); the platform summary skips those rows too. */
const REPEAT_NOTE = 'repeat of line';
/** The note of a row the totals leave out ("not read: a total row, not a creator"), which the platform summary skips too. */
const NOT_READ_NOTE = 'not read:';
/** The note of a row outside the house tiers starts with it ("house tiers: below nano …"): its tier column names where it falls. */
const HOUSE_NOTE = 'house tiers';
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

/** A tier group while rows are added to it, with the smallest count in it: what places it among the others. */
type GroupTotal = TierTotal & { lowest: number };

/**
 * Tier groups from the smallest counts to the largest: "below influencer size" first, "no tier"
 * last, and every other group, ties included, where its counts fall. Each group is one stretch of
 * counts (house tiers do not overlap, and each publishers' answer holds for one stretch: "nano or
 * micro" is 1,000–2,499, below nano's 2,500–4,999), so its smallest count places it.
 */
function inCountOrder(groups: Iterable<GroupTotal>): TierTotal[] {
  const first = (t: GroupTotal) => Number(t.tier === BELOW_INFLUENCER);
  const last = (t: GroupTotal) => Number(t.tier === NO_TIER);
  return [...groups].sort((a, b) => first(b) - first(a) || last(a) - last(b) || a.lowest - b.lowest).map(({ lowest: _lowest, ...t }) => t);
}

/** Creators and followers per tier, from the smallest counts to the largest (inCountOrder). */
export function totalsByTier(rows: readonly { count: number | undefined; bucket: string }[], house?: HouseTiers): TierTotal[] {
  const totals = new Map<string, GroupTotal>();
  const colours: { tier: string; normal: NormalTier | undefined }[] = house
    ? // A tier the publishers call below influencer size, or one spanning every tier, takes no tier's colour.
      house.tiers.map((t) => ({ tier: t.name, normal: t.notInfluencer || t.spansEveryTier ? undefined : t.normal }))
    : NORMAL_TIERS.map((t) => ({ tier: TIER_LABELS[t], normal: t }));
  for (const row of rows) {
    if (row.count === undefined) continue;
    const known = colours.find((o) => o.tier === row.bucket);
    addToGroup(totals, row.bucket, known?.normal, row.count);
  }
  return inCountOrder(totals.values());
}

/** Counts a creator with `count` followers in the group for `tier`, which its first creator starts (with `normal`, its colour). */
function addToGroup(groups: Map<string, GroupTotal>, tier: string, normal: NormalTier | undefined, count: number): void {
  const group = groups.get(tier) ?? groups.set(tier, { tier, normal, creators: 0, followers: 0, lowest: count }).get(tier)!;
  group.creators++;
  group.followers += count;
  group.lowest = Math.min(group.lowest, count);
}

// ── Writing ───────────────────────────────────────────────────────────────────────────────────

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

// ── Reading our own file back: the "Summary by platform" button ───────────────────────────────

/** What the button's custom_id carries: which columns hold the count and the platform. */
export interface SummaryState {
  count: number;
  platform: number | undefined;
  decimal: DecimalMark;
  /** The platform the count column's header names, when there is no platform column. */
  headerPlatform?: string | undefined;
  /** The unit the count column's header gives ("Followers (K)"). */
  countUnit?: CountUnit | undefined;
}

/** What the button needs to read `roster`'s roster-tiers.csv: its columns numbered as written there, the replaced ones left out. */
export function summaryStateOf(roster: TaggedRoster): SummaryState {
  const written = (column: number) => column - roster.replacedColumns.filter((i) => i < column).length;
  return {
    count: written(roster.columns.count),
    platform: roster.columns.platform === undefined ? undefined : written(roster.columns.platform),
    decimal: roster.decimal,
    headerPlatform: roster.columns.headerPlatform,
    countUnit: roster.columns.countUnit,
  };
}

export interface PlatformTotals {
  platform: string;
  creators: number;
  followers: number;
  tiers: TierTotal[];
}

const NO_PLATFORM = 'no platform given';
/** The largest roster-tiers.csv read back (it is larger than its input: four columns more, some cells quoted). */
export const MAX_TAGGED_BYTES = 4 * 1024 * 1024;

/**
 * The delimiter a roster-tiers.csv this module wrote uses: the one its header ends with the added
 * columns in (no guessing). The header is its first line, or one of the next after a title.
 */
function writtenDelimiter(text: string): Delimiter | undefined {
  const lines = text.split(/\r?\n/, HEADER_SEARCH_ROWS);
  for (const line of lines) {
    const d = DELIMITERS.find((delimiter) => line.endsWith(ADDED_COLUMNS.join(delimiter)));
    if (d) return d;
  }
  return undefined;
}

/** A header row of a roster-tiers.csv: it ends with the added columns. */
const endsWithAddedColumns = (cells: readonly string[]): boolean => ADDED_COLUMNS.every((c, i) => cells[cells.length - ADDED_COLUMNS.length + i]?.replace(/^\uFEFF/, '').trim() === c);

/** Reads a roster-tiers.csv this module wrote and splits its per-tier totals by platform. */
export function summariseByPlatform(bytes: Uint8Array, state: SummaryState): { ok: true; platforms: PlatformTotals[]; rows: number } | { ok: false; reason: string } {
  const decoded = decodeRosterText(bytes, MAX_TAGGED_BYTES);
  if (!decoded.ok) return { ok: false, reason: decoded.error.kind === 'too-large' ? 'the attached roster-tiers.csv is too large to read back' : 'the attached roster-tiers.csv cannot be read as text' };
  const sep = sepLine(decoded.text);
  const delimiter = sep?.delimiter ?? writtenDelimiter(decoded.text);
  if (!delimiter) return { ok: false, reason: 'the attached roster-tiers.csv does not have the columns I add' };
  const read = sep ? records(sep.rest, delimiter) : records(decoded.text, delimiter);
  if (!read.ok) return { ok: false, reason: 'the attached roster-tiers.csv is not a CSV I wrote' };
  const filled = read.records.filter((rec) => !rec.blank);
  const headerAt = Math.max(0, filled.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => endsWithAddedColumns(r.cells)));
  const header = headerCells(filled[headerAt]?.cells ?? []);
  const data = filled.slice(headerAt + 1);
  const addedAt = header.length - ADDED_COLUMNS.length;
  if (addedAt < 1 || !endsWithAddedColumns(header) || state.count >= addedAt || (state.platform ?? 0) >= addedAt) {
    return { ok: false, reason: 'the attached roster-tiers.csv does not have the columns I add' };
  }
  const added = (rec: Rec, column: AddedColumn) => rec.cells[addedAt + ADDED_COLUMNS.indexOf(column)] ?? '';
  const byPlatform = new Map<string, { platform: string; rows: { count: number; tier: string }[] }>();
  const milIsThousand = milIsThousandUnder(header[state.count] ?? '');
  let rows = 0;
  for (const rec of data) {
    const parsed = readRosterCount(rec.cells[state.count] ?? '', state.decimal, state.countUnit, milIsThousand);
    // Each creator once, as the reply's totals count them: a total row's count reads, but its note says it is none.
    const note = added(rec, 'note');
    if (!parsed.ok || note.startsWith(REPEAT_NOTE) || note.startsWith(NOT_READ_NOTE)) continue;
    rows++;
    const cell = state.platform === undefined ? '' : unquoteCell(rec.cells[state.platform] ?? '');
    const platform = cell ? platformName(cell) : (state.headerPlatform ?? NO_PLATFORM);
    const key = platform.toLowerCase();
    const entry = byPlatform.get(key) ?? byPlatform.set(key, { platform, rows: [] }).get(key)!;
    const tier = unquoteCell(added(rec, 'tier'));
    // Files written before the tier column named every group left it blank under most publishers' lowest tier.
    const below = unquoteCell(added(rec, 'consensus_tier')) === BELOW_INFLUENCER && !note.startsWith(HOUSE_NOTE);
    entry.rows.push({ count: parsed.value, tier: tier || (below ? BELOW_INFLUENCER : '') });
  }
  const platforms = [...byPlatform.values()].map(({ platform, rows }) => {
    const tiers = new Map<string, GroupTotal>();
    for (const r of rows) {
      const tier = r.tier === '' ? NO_TIER : r.tier;
      addToGroup(tiers, tier, NORMAL_TIERS.find((n) => TIER_LABELS[n] === tier), r.count);
    }
    return { platform, creators: rows.length, followers: rows.reduce((s, r) => s + r.count, 0), tiers: inCountOrder(tiers.values()) };
  });
  platforms.sort((a, b) => b.creators - a.creators || a.platform.localeCompare(b.platform, 'en'));
  return { ok: true, platforms, rows };
}
