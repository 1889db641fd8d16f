/**
 * Classification of a follower count by every definition at once, and the publishers' answer:
 * one vote per publisher (votingWords in sources.ts says how), the split, and the boundary lines the count
 * sits close to.
 */

import { NORMAL_TIERS, SOURCES, VOTERS, publisherOf, type NormalTier, type Publisher, type Source, type Tier } from './sources';

export type Verdict =
  | { kind: 'tier'; tier: Tier }
  /** In the publisher's tier for accounts that are not influencers (HypeAuditor's "Instagram user"). */
  | { kind: 'not-influencer'; tier: Tier }
  /** Below the publisher's smallest tier. */
  | { kind: 'below'; lowest: Tier }
  /** Between two tiers that do not touch (the Japanese article: 90,000–100,000). */
  | { kind: 'gap'; under: Tier; over: Tier }
  /** Outside the only numbers we have for it: "not covered by the figures we have". */
  | { kind: 'uncovered'; side: 'below' | 'above'; edge: Tier }
  /** The source gives no numbers. */
  | { kind: 'none' };

export interface SourceVerdict {
  source: Source;
  verdict: Verdict;
}

/** What one publisher says about a count: the tiers it places it in, or why it places it in none. */
export type PublisherAnswer =
  | { kind: 'tier'; tiers: NormalTier[] }
  | { kind: 'below' }
  | { kind: 'gap' }
  | { kind: 'uncovered' };

export interface PublisherVote {
  publisher: Publisher;
  answer: PublisherAnswer;
  /** The voting definitions' verdicts (two for Adweek's readings). */
  verdicts: SourceVerdict[];
}

export interface Consensus {
  /** 'below': more publishers put the count under their lowest influencer tier than in any one tier. */
  outcome: 'tier' | 'below' | 'none';
  /** The tier(s) most publishers give; several when tied, none when no publisher places the count. */
  leaders: NormalTier[];
  /** Publishers giving the leading tier (or, for 'below', below their lowest influencer tier): the "n". */
  votes: number;
  /** Publishers with numbers of their own: the "m" in "n of m publishers". */
  numericSources: number;
  /** Publishers that put the count in one of their tiers. */
  placed: number;
  /** Publishers per tier (Adweek's readings count once per tier). */
  tally: Record<NormalTier, number>;
  /** Publishers whose smallest tier starts above the count (or whose lowest band is "not an influencer"). */
  below: number;
  /** Publishers with a gap there. */
  gap: number;
  /** Publishers whose figures we have do not cover the count. */
  uncovered: number;
  /** The lead over the next tier is one vote or none. */
  narrow: boolean;
  publisherVotes: PublisherVote[];
}

export interface BoundaryLine {
  value: number;
  sources: Source[];
  /** Distinct voting publishers drawing the line. */
  publishers: number;
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

/** One definition's verdict for a count; tiers are listed lowest first. */
export function classifyBySource(source: Source, count: number): Verdict {
  const tiers = source.tiers;
  const lowest = tiers[0];
  const highest = tiers[tiers.length - 1];
  if (!lowest || !highest) return { kind: 'none' };
  if (count < lowest.min) return source.uncoveredBelow ? { kind: 'uncovered', side: 'below', edge: lowest } : { kind: 'below', lowest };
  for (let i = 0; i < tiers.length; i++) {
    const tier = tiers[i]!;
    if (inTier(count, tier)) return tier.notInfluencer ? { kind: 'not-influencer', tier } : { kind: 'tier', tier };
    const next = tiers[i + 1];
    if (next && count < next.min) return { kind: 'gap', under: tier, over: next };
  }
  return { kind: 'uncovered', side: 'above', edge: highest };
}

/** One publisher's answer from its voting definitions' verdicts (Adweek: either reading). */
function answerOf(verdicts: readonly SourceVerdict[]): PublisherAnswer {
  const tiers = NORMAL_TIERS.filter((t) => verdicts.some((v) => v.verdict.kind === 'tier' && v.verdict.tier.normal === t));
  if (tiers.length) return { kind: 'tier', tiers };
  const kinds = verdicts.map((v) => v.verdict.kind);
  if (kinds.includes('below') || kinds.includes('not-influencer')) return { kind: 'below' };
  if (kinds.includes('gap')) return { kind: 'gap' };
  return { kind: 'uncovered' };
}

function consensusOf(verdicts: readonly SourceVerdict[]): Consensus {
  const bySource = new Map(verdicts.map((v) => [v.source, v]));
  const tally = Object.fromEntries(NORMAL_TIERS.map((t) => [t, 0])) as Record<NormalTier, number>;
  let placed = 0;
  let below = 0;
  let gap = 0;
  let uncovered = 0;
  const publisherVotes = VOTERS.map((publisher) => {
    const own = publisher.voting.map((s) => bySource.get(s) ?? { source: s, verdict: classifyBySource(s, Number.NaN) });
    const answer = answerOf(own);
    if (answer.kind === 'tier') {
      placed++;
      for (const t of answer.tiers) tally[t]++;
    } else if (answer.kind === 'below') below++;
    else if (answer.kind === 'gap') gap++;
    else uncovered++;
    return { publisher, answer, verdicts: own };
  });
  const best = Math.max(...Object.values(tally));
  const sorted = Object.values(tally).sort((a, b) => b - a);
  const leaders = best === 0 ? [] : NORMAL_TIERS.filter((t) => tally[t] === best);
  const outcome = below > best ? 'below' : best === 0 ? 'none' : 'tier';
  return {
    outcome,
    leaders,
    votes: outcome === 'below' ? below : best,
    numericSources: VOTERS.length,
    placed,
    tally,
    below,
    gap,
    uncovered,
    narrow: outcome === 'tier' && best - (sorted[1] ?? 0) <= 1,
    publisherVotes,
  };
}

/**
 * The lines a definition draws: where each tier starts, and the stated top of a range that no
 * next tier continues (the Japanese article's 90,000). Drawn as the source states them.
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
    .map(([value, set]) => {
      const list = [...set];
      const publishers = new Set(list.filter((s) => s.role === 'votes' || s.role === 'reading').map((s) => publisherOf(s).id)).size;
      return { value, sources: list, publishers };
    })
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
 * worked out once per stretch between consecutive edges and looked up by where the count falls.
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

/** The counts where some publisher's tier begins or ends: between two of them, every answer stays the same. */
export const verdictStarts = (): readonly number[] => stretches().starts;

/** The stretch a count falls in: the last one starting at or below it. */
const stretchIndex = (count: number): number => Math.max(0, stretches().starts.findLastIndex((start) => start <= count));

/** Classifies a non-negative whole follower count by every definition in the registry. */
export function classify(count: number): Classification {
  const { verdicts, consensus } = stretches().results[stretchIndex(count)]!;
  return { count, verdicts, consensus, nearBoundaries: nearBoundaries(count) };
}

/** Classification by an arbitrary list of sources, without the lookup table (tests, what-ifs). */
export function classifyWith(sources: readonly Source[], count: number): Classification {
  const verdicts = sources.map((source) => ({ source, verdict: classifyBySource(source, count) }));
  return { count, verdicts, consensus: consensusOf(verdicts), nearBoundaries: nearBoundaries(count, boundaryLines(sources)) };
}
