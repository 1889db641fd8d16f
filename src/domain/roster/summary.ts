/**
 * The "Summary by platform" button: it reads back the roster-tiers.csv the reply attached (the
 * file is the only state the button keeps) and totals its tiers per platform.
 */

import type { DecimalMark } from '../followers';
import { platformName } from '../platforms';
import { NORMAL_TIERS } from '../sources';
import { TIER_LABELS } from '../tier-style';
import { readRosterCount, unquoteCell } from './cells';
import { milIsThousandUnder } from './columns';
import { decodeRosterText } from './decode';
import { DELIMITERS, HEADER_SEARCH_ROWS, type Rec, records, sepLine } from './records';
import { headerCells } from './table';
import { HOUSE_NOTE, NOT_READ_NOTE, REPEAT_NOTE } from './tag';
import { addToGroup, BELOW_INFLUENCER, type GroupTotal, inCountOrder, NO_TIER } from './totals';
import { ADDED_COLUMNS, type AddedColumn, type CountUnit, type Delimiter, type TaggedRoster, type TierTotal } from './types';

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
