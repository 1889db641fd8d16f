/**
 * Classification of a follower count by every source at once: each source's verdict, the
 * consensus, and the boundary lines the count sits close to.
 */

import { NORMAL_TIERS, SOURCES, type NormalTier, type Source, type Tier } from './sources';

export type Verdict =
  | { kind: 'tier'; tier: Tier }
  /** Below the source's lowest numbered tier. */
  | { kind: 'below'; lowest: Tier }
  /** Between two tiers that do not touch (seed 000: 90,000–100,000). */
  | { kind: 'gap'; under: Tier; over: Tier }
  /** Above the source's top tier, which has an upper bound. */
  | { kind: 'above'; highest: Tier }
  /** At or above a floor the source gives without any upper bound (Forbes' "as low as 8,000"). */
  | { kind: 'floor-only'; tier: Tier }
  /** The source gives no numbers. */
  | { kind: 'none' };

export interface SourceVerdict {
  source: Source;
  verdict: Verdict;
}

export interface Consensus {
  /** The most common normalised tier(s); several when tied, none when no source places the count. */
  leaders: NormalTier[];
  votes: number;
  /** Sources that give numbers at all: the "m" in "n of m". */
  numericSources: number;
  /** Sources that put the count in one of their tiers. */
  placed: number;
  tally: Record<NormalTier, number>;
}

export interface BoundaryLine {
  value: number;
  sources: Source[];
}

export interface NearBoundary {
  line: BoundaryLine;
  /** count − line: negative when below the line. */
  distance: number;
}

export interface Classification {
  count: number;
  verdicts: SourceVerdict[];
  consensus: Consensus;
  nearBoundaries: NearBoundary[];
}

/** A count this close to a boundary (as a share of the boundary) is worth a warning. */
export const NEAR_BOUNDARY_SHARE = 0.1;

function inTier(count: number, tier: Tier): boolean {
  return count >= tier.min && (tier.max === null || count <= tier.max);
}

/** One source's verdict for a count; tiers are listed lowest first. */
export function classifyBySource(source: Source, count: number): Verdict {
  const tiers = source.tiers;
  const lowest = tiers[0];
  const highest = tiers[tiers.length - 1];
  if (!lowest || !highest) return { kind: 'none' };
  if (count < lowest.min) return { kind: 'below', lowest };
  for (let i = 0; i < tiers.length; i++) {
    const tier = tiers[i]!;
    if (inTier(count, tier)) return tier.upperUnstated ? { kind: 'floor-only', tier } : { kind: 'tier', tier };
    const next = tiers[i + 1];
    if (next && count < next.min) return { kind: 'gap', under: tier, over: next };
  }
  return { kind: 'above', highest };
}

function consensusOf(verdicts: SourceVerdict[]): Consensus {
  const tally = Object.fromEntries(NORMAL_TIERS.map((t) => [t, 0])) as Record<NormalTier, number>;
  let placed = 0;
  let numericSources = 0;
  for (const { verdict } of verdicts) {
    if (verdict.kind !== 'none') numericSources++;
    if (verdict.kind === 'tier') {
      tally[verdict.tier.normal]++;
      placed++;
    }
  }
  const votes = Math.max(...Object.values(tally));
  const leaders = votes === 0 ? [] : NORMAL_TIERS.filter((t) => tally[t] === votes);
  return { leaders, votes, numericSources, placed, tally };
}

/**
 * The lines a source draws: where each tier starts, and the stated top of a range that no
 * next tier continues (seed 000's 90,000). Drawn as the source states them.
 */
export function boundaryLines(sources: readonly Source[] = SOURCES): BoundaryLine[] {
  const byValue = new Map<number, Set<Source>>();
  const add = (value: number, source: Source) => {
    if (value <= 0) return;
    if (!byValue.has(value)) byValue.set(value, new Set());
    byValue.get(value)!.add(source);
  };
  for (const source of sources) {
    source.tiers.forEach((tier, i) => {
      add(tier.lineFrom, source);
      const next = source.tiers[i + 1];
      if (tier.lineTo !== null && !(next && tier.max !== null && next.min === tier.max + 1)) add(tier.lineTo, source);
    });
  }
  return [...byValue.entries()]
    .map(([value, set]) => ({ value, sources: [...set] }))
    .sort((a, b) => a.value - b.value);
}

// Built on first use, not at import: start-up stays cheap for a bot that may never classify.
let registryLines: BoundaryLine[] | undefined;

export function nearBoundaries(count: number, lines: readonly BoundaryLine[] = (registryLines ??= boundaryLines())): NearBoundary[] {
  return lines
    .filter((line) => Math.abs(count - line.value) <= line.value * NEAR_BOUNDARY_SHARE)
    .map((line) => ({ line, distance: count - line.value }))
    .sort((a, b) => Math.abs(a.distance) / a.line.value - Math.abs(b.distance) / b.line.value);
}

/**
 * Every verdict depends only on which side of each tier edge the count lies, so the verdicts are
 * worked out once per stretch between consecutive edges and looked up by binary search: a million
 * classifications then cost a million searches, not a million walks over every source.
 */
function buildStretches(sources: readonly Source[]) {
  const edges = new Set<number>([0]);
  for (const source of sources) {
    for (const tier of source.tiers) {
      edges.add(tier.min);
      if (tier.max !== null) edges.add(tier.max + 1);
    }
  }
  const starts = [...edges].sort((a, b) => a - b);
  const results = starts.map((start) => {
    const verdicts = sources.map((source) => ({ source, verdict: classifyBySource(source, start) }));
    return { verdicts, consensus: consensusOf(verdicts) };
  });
  return { starts, results };
}

let registryStretches: ReturnType<typeof buildStretches> | undefined;
const stretches = () => (registryStretches ??= buildStretches(SOURCES));

function stretchIndex(count: number): number {
  const { starts } = stretches();
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= count) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Classifies a non-negative whole follower count by every source in the registry. */
export function classify(count: number): Classification {
  const { verdicts, consensus } = stretches().results[stretchIndex(count)]!;
  return { count, verdicts, consensus, nearBoundaries: nearBoundaries(count) };
}

/** Classification by an arbitrary list of sources, without the lookup table (tests, what-ifs). */
export function classifyWith(sources: readonly Source[], count: number): Classification {
  const verdicts = sources.map((source) => ({ source, verdict: classifyBySource(source, count) }));
  return { count, verdicts, consensus: consensusOf(verdicts), nearBoundaries: nearBoundaries(count, boundaryLines(sources)) };
}
