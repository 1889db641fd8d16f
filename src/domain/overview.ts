/**
 * Facts about the registry as a whole: each source's ranges per normalised tier, its gaps and
 * open ends, and how far apart the sources are on each tier.
 */

import { formatCompact, formatCount } from './format';
import { NORMAL_TIERS, SOURCES, type NormalTier, type Source, type Tier } from './sources';

export interface NormalRange {
  normal: NormalTier;
  /** As drawn by the source (its own numbers), merged when several of its tiers map to one. */
  from: number;
  to: number | null;
  text: string;
  tiers: Tier[];
}

function rangeText(from: number, to: number | null, tiers: Tier[]): string {
  if (tiers.length === 1) return tiers[0]!.stated;
  return to === null ? `${formatCompact(from)}+` : `${formatCompact(from)}–${formatCompact(to)}`;
}

/** A source's tiers gathered by normalised tier: HypeAuditor's user + rookie are both "nano". */
export function normalRanges(source: Source): NormalRange[] {
  return NORMAL_TIERS.flatMap((normal) => {
    const tiers = source.tiers.filter((t) => t.normal === normal);
    if (tiers.length === 0) return [];
    const from = tiers[0]!.lineFrom;
    const to = tiers[tiers.length - 1]!.lineTo;
    return [{ normal, from, to, text: rangeText(from, to, tiers), tiers }];
  });
}

export interface Gap {
  from: number;
  to: number;
  after: Tier;
  before: Tier;
}

/** Counts between two of a source's tiers that neither covers (seed 000: 90,001–99,999). */
export function gapsOf(source: Source): Gap[] {
  return source.tiers.flatMap((tier, i) => {
    const next = source.tiers[i + 1];
    if (!next || tier.max === null || next.min <= tier.max + 1) return [];
    return [{ from: tier.max + 1, to: next.min - 1, after: tier, before: next }];
  });
}

/** Plain-words notes on a source's coverage: lower bound, gaps, open top. */
export function coverageNotes(source: Source): string[] {
  const lowest = source.tiers[0];
  const highest = source.tiers[source.tiers.length - 1];
  if (!lowest || !highest) return ['Gives no numbers, so it classifies no count.'];
  const notes: string[] = [];
  notes.push(lowest.min === 0 ? 'No lower bound: its lowest tier starts at 0.' : `Counts under ${formatCount(lowest.min)} are below its lowest tier.`);
  for (const gap of gapsOf(source)) {
    notes.push(`Gap: ${formatCount(gap.from)}–${formatCount(gap.to)} is in no tier (between ${gap.after.name} and ${gap.before.name}).`);
  }
  if (highest.upperUnstated) notes.push(`Gives no upper bound for ${highest.name}.`);
  else if (highest.max === null) notes.push(`Its top tier (${highest.name}) is open-ended.`);
  else notes.push(`Counts over ${formatCount(highest.max)} are above its top tier.`);
  return notes;
}

export interface TierSpread {
  normal: NormalTier;
  /** Distinct ranges the sources give this tier, narrowest-lowest first, with who gives each. */
  ranges: { text: string; from: number; to: number | null; sources: Source[] }[];
}

/** How differently the sources draw one normalised tier. */
export function tierSpread(normal: NormalTier, sources: readonly Source[] = SOURCES): TierSpread {
  const byText = new Map<string, { text: string; from: number; to: number | null; sources: Source[] }>();
  for (const source of sources) {
    for (const range of normalRanges(source)) {
      if (range.normal !== normal || range.tiers.some((t) => t.upperUnstated)) continue;
      const key = `${range.from}-${range.to}`;
      if (!byText.has(key)) byText.set(key, { text: range.text, from: range.from, to: range.to, sources: [] });
      byText.get(key)!.sources.push(source);
    }
  }
  const ranges = [...byText.values()].sort((a, b) => (a.to ?? Infinity) - (b.to ?? Infinity) || a.from - b.from);
  return { normal, ranges };
}
