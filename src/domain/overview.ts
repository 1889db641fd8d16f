/**
 * Facts about the registry as a whole: each source's ranges per normalised tier, its gaps and
 * open ends, and how far apart the sources are on each tier.
 */

import type { Classification, NearBoundary, PublisherVote, Verdict } from './classify';
import { countOf, formatCompact, formatCount, formatCountRange } from './format';
import { nameWords, normalTierNamed } from './house';
import { BOUNDARY_RULE, NORMAL_TIERS, SOURCES, type NormalTier, type Publisher, type Source, type Tier } from './sources';
import { TIER_LABELS } from './tier-style';

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
  if (!lowest || !highest) return ['Gives no range, so it places no count.'];
  const notes: string[] = [];
  if (source.uncoveredBelow) notes.push(`Counts under ${formatCount(lowest.min)} are not covered by the figures we have.`);
  else notes.push(lowest.min === 0 ? 'No lower bound: its lowest tier starts at 0.' : `Counts under ${formatCount(lowest.min)} are below its lowest tier, so below influencer size.`);
  for (const gap of gapsOf(source)) {
    notes.push(`Gap: ${formatCount(gap.from)}–${formatCount(gap.to)} is in no tier (between ${gap.after.name} and ${gap.before.name}).`);
  }
  if (highest.upperUnstated) notes.push(`Gives no upper bound for ${highest.name}.`);
  else if (highest.max === null) notes.push(`Its top tier (${highest.name}) is open-ended.`);
  else notes.push(`Counts over ${formatCount(highest.max)} are not covered by the figures we have.`);
  return notes;
}

/** One range the sources give a tier, as the first of them draws it, with every source that gives it. */
export type SpreadRange = NormalRange & { sources: Source[] };

export interface TierSpread {
  normal: NormalTier;
  /** Distinct ranges the sources give this tier, the one that ends lowest first, with who gives each. */
  ranges: SpreadRange[];
}

/** How differently the sources draw one normalised tier. */
export function tierSpread(normal: NormalTier, sources: readonly Source[] = SOURCES): TierSpread {
  const byLines = new Map<string, SpreadRange>();
  for (const source of sources) {
    for (const range of normalRanges(source)) {
      if (range.normal !== normal || range.tiers.some((t) => t.upperUnstated)) continue;
      const key = `${range.from}-${range.to}`;
      if (!byLines.has(key)) byLines.set(key, { ...range, sources: [] });
      byLines.get(key)!.sources.push(source);
    }
  }
  const ranges = [...byLines.values()].sort((a, b) => (a.to ?? Infinity) - (b.to ?? Infinity) || a.from - b.from);
  return { normal, ranges };
}

export interface Disagreement {
  /** The range that ends lowest, and the one that ends highest (of those that end at all). */
  lowest: SpreadRange;
  highest: SpreadRange;
}

/**
 * How far apart the sources draw one tier: the range that ends lowest and the one that ends
 * highest (micro: 500–5k to 10k–100k). An open-ended range ("1M+") has no end to compare, so it
 * takes no part; undefined when fewer than two ranges end.
 */
export function disagreementOn(normal: NormalTier, sources: readonly Source[] = SOURCES): Disagreement | undefined {
  const ending = tierSpread(normal, sources).ranges.filter((r) => r.to !== null);
  const lowest = ending[0];
  const highest = ending[ending.length - 1];
  return lowest && highest && lowest !== highest ? { lowest, highest } : undefined;
}

// ── The publishers' answer in words: the same text for /tier, /tiers and the glossary ─────────

type Bold = (text: string) => string;
const plain: Bold = (t) => t;

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "micro", "nano or micro". */
export function tierNames(tiers: readonly NormalTier[]): string {
  return tiers.map((t) => TIER_LABELS[t]).join(' or ');
}

/**
 * The publishers' answer: a tier (or "below influencer size", "no tier") and how many of them give
 * it. `labelled`: the answer follows a "Publishers:" label, as it does under a house definition's,
 * so the tier is not capitalised and "publishers" is not said twice.
 */
function answerText(c: Classification, bold: Bold, labelled: boolean): string {
  const { outcome, leaders, votes, numericSources: m, narrow } = c.consensus;
  const publishers = labelled ? '' : ' publishers';
  const of = `${votes} of ${m}${publishers}`;
  const name = (text: string) => bold(labelled ? text : capital(text));
  if (outcome === 'below') return `${name('below influencer size')} — ${of} agree.`;
  if (outcome === 'none') return `${name('no tier')} — none of the ${m}${publishers} puts it in a tier.`;
  const names = name(tierNames(leaders));
  if (leaders.length > 1) return `${names} — a tie, ${of} each.`;
  if (narrow) return `${names}, narrowly — ${of}.`;
  return `${names} — ${of} agree.`;
}

/**
 * The publishers' one-line answer: "Micro — 14 of 21 publishers agree.", "Below influencer size —
 * 8 of 21 publishers agree.", "Mid-tier, narrowly — 5 of 21 publishers." A count under a
 * publisher's lowest influencer tier is below influencer size by that publisher (HypeAuditor's
 * "Instagram user" band is among its tiers, but is not an influencer tier).
 */
export function answerLine(c: Classification, bold: Bold = plain): string {
  return answerText(c, bold, false);
}

/**
 * The publishers' answer after a "Publishers:" label, below a house definition's answer:
 * "micro — 14 of 21 agree.", "below influencer size — 8 of 21 agree."
 */
export function publishersAnswer(c: Classification, bold: Bold = plain): string {
  return answerText(c, bold, true);
}

/** Just the answer: "micro", "below influencer size", "nano or micro" (for tables and CSVs). */
export function answerWord(c: Classification): string {
  const { outcome, leaders } = c.consensus;
  if (outcome === 'below') return 'below influencer size';
  if (outcome === 'none') return 'no tier';
  return tierNames(leaders);
}

/** How the publishers split: "micro 14 · mid-tier 1 · macro 1 · below influencer size 2 · not covered by the figures we have 5". */
export function splitParts(c: Classification): string[] {
  const { tally, below, gap, uncovered } = c.consensus;
  const parts = NORMAL_TIERS.filter((t) => tally[t] > 0).map((t) => `${TIER_LABELS[t]} ${tally[t]}`);
  if (below) parts.push(`below influencer size ${below}`);
  if (gap) parts.push(`in a gap between two of their tiers ${gap}`);
  if (uncovered) parts.push(`not covered by the figures we have ${uncovered}`);
  return parts;
}

export function splitLine(c: Classification): string {
  return `How the ${c.consensus.numericSources} publishers split: ${splitParts(c).join(' · ')}.`;
}

/** The nearest line drawn by at least two voting publishers, if the count is within 10% of it. */
export function nearestLine(c: Classification): NearBoundary | undefined {
  return c.nearBoundaries.find((n) => n.line.publishers > 1);
}

/**
 * "9,500 is 500 below the 10,000 line used by 13 publishers (where they start or end a tier): 500
 * more followers would take it to that line." The distance is given in followers: a count is
 * warned about up to a tenth of the line away, which can be many followers.
 */
export function boundaryWarning(c: Classification): string | undefined {
  const near = nearestLine(c);
  if (!near) return undefined;
  const { line, distance } = near;
  const one = line.publishers === 1;
  const used = `the ${formatCount(line.value)} line used by ${line.publishers} publisher${one ? '' : 's'} (where ${one ? 'it starts or ends' : 'they start or end'} a tier)`;
  const count = formatCount(c.count);
  if (distance === 0) return `${count} is exactly on ${used}: which side it falls on is a convention. ${BOUNDARY_RULE}`;
  if (distance < 0) return `${count} is ${formatCount(-distance)} below ${used}: ${countOf(-distance, 'more follower')} would take it to that line.`;
  // The distance itself only brings the count back to the line; one more takes it under.
  return `${count} is ${formatCount(distance)} above ${used}: ${countOf(distance + 1, 'fewer follower')} would take it under that line.`;
}

/**
 * How near the count is to each line the publisher's own voting definitions draw, within a tenth
 * of the line: "4% below its 2.5M line", "on its 10k line". The public warning names only lines
 * several publishers share (with 21 publishers, one of them has a line near most counts), so
 * "All sources" is where a publisher's own line is pointed out.
 */
export function ownLineNotes(c: Classification, publisher: Publisher): string[] {
  return c.nearBoundaries
    .filter((near) => near.line.sources.some((s) => publisher.voting.includes(s)))
    .map(({ line, distance }) => {
      const its = `its ${formatCompact(line.value)} line`;
      if (distance === 0) return `on ${its}`;
      const percent = Math.round((Math.abs(distance) / line.value) * 100);
      return `${percent === 0 ? 'less than 1%' : `${percent}%`} ${distance < 0 ? 'below' : 'above'} ${its}`;
    });
}

/**
 * Whether a tier's own name says which normalised tier it counts as: its first word is that
 * tier's ("micro", "Micro-influencers", "mid-tier", "macro T3", "mega/celebrity", "🌱 Nano"). A
 * name that only starts with the same letters (L2's "middling" is mid-tier) or names the tier in
 * other words ("celebrity", "top influencer") does not, so the reader is shown where it counts.
 */
function nameStatesTier(name: string, normal: NormalTier): boolean {
  const firstWord = nameWords(name)[0] ?? '';
  return firstWord.startsWith(normal) && normalTierNamed(firstWord) === normal;
}

/**
 * " → mid-tier" after a tier whose name does not say the normalised tier it counts as
 * ("middling (70k–2.5M) → mid-tier"); nothing after one whose name does ("micro (10k–50k)"). Every
 * reply that maps a publisher's or a team's tier says it this way.
 */
export function mappedTierArrow(tier: Pick<Tier, 'name' | 'normal'>): string {
  return nameStatesTier(tier.name, tier.normal) ? '' : ` → ${TIER_LABELS[tier.normal]}`;
}

/**
 * One definition's verdict in plain words. `readAs`: also say which counts its stated range takes,
 * for a count near its lines, where "10k–49.9k" beside 49,950 would otherwise read as a contradiction.
 */
export function verdictWords(verdict: Verdict, bold: Bold = plain, readAs = false): string {
  switch (verdict.kind) {
    case 'tier': {
      const reading = readAs ? `, read as ${formatCountRange(verdict.tier.min, verdict.tier.max)}` : '';
      return `${bold(verdict.tier.name)} (${verdict.tier.stated}${reading})${mappedTierArrow(verdict.tier)}`;
    }
    case 'not-influencer':
      return `below influencer size (its "${verdict.tier.name}" band, ${verdict.tier.stated}, is not an influencer tier)`;
    case 'below':
      return `below influencer size (its lowest tier is ${verdict.lowest.name} ${verdict.lowest.stated})`;
    case 'gap':
      return `in a gap: between its ${verdict.under.name} (${verdict.under.stated}) and ${verdict.over.name} (${verdict.over.stated})`;
    case 'uncovered':
      return verdict.side === 'above'
        ? `not covered by the figures we have (they stop at ${verdict.edge.name} ${verdict.edge.stated})`
        : `not covered by the figures we have (they start at ${verdict.edge.name} ${verdict.edge.stated})`;
    case 'none':
      return 'no numeric definition';
  }
}

/** A publisher's answer in plain words: "micro", "below influencer size", … */
export function publisherAnswerWords(vote: PublisherVote, bold: Bold = plain, readAs = false): string {
  const only = vote.verdicts.length === 1 ? vote.verdicts[0] : undefined;
  if (only) return verdictWords(only.verdict, bold, readAs);
  const answer = vote.answer;
  const head =
    answer.kind === 'tier'
      ? bold(tierNames(answer.tiers))
      : answer.kind === 'below'
        ? 'below influencer size'
        : answer.kind === 'gap'
          ? 'in a gap'
          : 'not covered by the figures we have';
  const short = (v: Verdict): string =>
    v.kind === 'tier' ? v.tier.name : v.kind === 'below' || v.kind === 'not-influencer' ? 'below influencer size' : v.kind === 'gap' ? 'in a gap' : 'outside it';
  const each = vote.verdicts.map((v) => `${v.source.tiers.map((t) => t.stated).join(', ')} → ${short(v.verdict)}`);
  return `${head} (readings: ${each.join('; ')})`;
}
