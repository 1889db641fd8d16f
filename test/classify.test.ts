import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundaryLines, classify, classifyBySource, classifyWith } from '../src/domain/classify';
import { MAX_FOLLOWERS } from '../src/domain/followers';
import { SOURCES, VOTERS, sourceById, type Source } from '../src/domain/sources';

const source = (id: string): Source => {
  const s = sourceById(id);
  if (!s) throw new Error(`no source ${id}`);
  return s;
};
const verdictOf = (id: string, count: number) => classifyBySource(source(id), count);
const tierName = (id: string, count: number) => {
  const v = verdictOf(id, count);
  return v.kind === 'tier' ? v.tier.name : v.kind;
};

describe('one source at a time', () => {
  it('gives a shared boundary to the higher tier (Mediakix 1k–10k · 10k–50k)', () => {
    expect(tierName('mediakix', 9_999)).toBe('nano');
    expect(tierName('mediakix', 10_000)).toBe('micro');
    expect(tierName('mediakix', 1_000_000)).toBe('mega');
  });

  it('follows a source whose words settle the boundary', () => {
    expect(tierName('iconosquare', 10_000)).toBe('nano'); // "nano ≤10k"
    expect(tierName('iconosquare', 10_001)).toBe('micro');
    expect(tierName('cnbc-seed', 9_999)).toBe('micro'); // "the rest of us"
    expect(tierName('cnbc-seed', 10_000)).toBe('macro'); // "10,000 or more"
    expect(tierName('adweek-under-10k', 10_000)).toBe('uncovered');
    expect(tierName('seed-001', 10_000)).toBe('micro'); // macro is "more than 10,000"
    expect(tierName('seed-001', 10_001)).toBe('macro');
  });

  it('includes a stated end no other tier starts at, and reports seed 000 gap', () => {
    expect(tierName('seed-000', 90_000)).toBe('micro');
    expect(verdictOf('seed-000', 90_001)).toMatchObject({ kind: 'gap', under: { name: 'micro' }, over: { name: 'macro' } });
    expect(verdictOf('seed-000', 99_999).kind).toBe('gap');
    expect(tierName('seed-000', 100_000)).toBe('macro');
  });

  it('says below, not covered, not an influencer and none where a definition cannot place a count', () => {
    expect(verdictOf('seed-000', 9_999)).toMatchObject({ kind: 'uncovered', side: 'below' }); // names nano without numbers
    expect(verdictOf('adweek-500-5000', 499).kind).toBe('below');
    expect(tierName('adweek-500-5000', 500)).toBe('micro');
    expect(tierName('adweek-500-5000', 5_000)).toBe('micro');
    expect(verdictOf('adweek-500-5000', 5_001)).toMatchObject({ kind: 'uncovered', side: 'above' });
    expect(verdictOf('viral-nation-2019', 50_000)).toMatchObject({ kind: 'uncovered', side: 'above' }); // missing numbers are not a definition
    expect(verdictOf('aspire', 50_000)).toMatchObject({ kind: 'uncovered', side: 'below' });
    expect(verdictOf('hypeauditor', 500)).toMatchObject({ kind: 'not-influencer', tier: { name: 'Instagram user' } });
    expect(verdictOf('forbes-seed', 10_000_000_000).kind).toBe('none'); // "as low as 8,000" is no floor without a ceiling
    expect(verdictOf('seed-004', 50_000).kind).toBe('none');
  });

  it('reads Sprout Social 9 tiers, where 1M, 5M and 10M are claimed twice', () => {
    expect(tierName('sprout-social', 4_999)).toBe('micro T3');
    expect(tierName('sprout-social', 5_000)).toBe('micro T2');
    expect(tierName('sprout-social', 1_000_000)).toBe('macro T3');
    expect(tierName('sprout-social', 5_000_000)).toBe('macro T2');
    expect(tierName('sprout-social', 10_000_000)).toBe('macro T2'); // macro T1 is "over 10M"
    expect(tierName('sprout-social', 10_000_001)).toBe('macro T1');
  });

  it('reads HypeAuditor and L2 by their own names', () => {
    expect(tierName('hypeauditor', 30_000)).toBe('prosumer');
    expect(tierName('hypeauditor', 1_000_000)).toBe('maven');
    expect(tierName('l2', 69_999)).toBe('micro');
    expect(tierName('l2', 70_000)).toBe('middling');
    expect(tierName('l2', 7_000_001)).toBe('mega');
  });
});

describe('every source at once', () => {
  it('calls 30,000 micro by consensus, n of m publishers', () => {
    const c = classify(30_000);
    expect(c.consensus.outcome).toBe('tier');
    expect(c.consensus.leaders).toEqual(['micro']);
    expect(c.consensus.votes).toBe(c.consensus.publisherVotes.filter((v) => v.answer.kind === 'tier' && v.answer.tiers.includes('micro')).length);
    expect(c.consensus.numericSources).toBe(VOTERS.length);
    expect(c.verdicts).toHaveLength(SOURCES.length);
  });

  it('warns within 10% of a boundary line and counts the sources that draw it', () => {
    const near = classify(9_500).nearBoundaries[0]!;
    expect(near.line.value).toBe(10_000);
    expect(near.distance).toBe(-500);
    const drawing10k = SOURCES.filter((s) => s.tiers.some((t) => t.lineFrom === 10_000 || t.lineTo === 10_000));
    expect(near.line.sources.map((s) => s.id).sort()).toEqual(drawing10k.map((s) => s.id).sort());
    expect(classify(20_000).nearBoundaries.filter((n) => n.line.value === 10_000)).toEqual([]);
  });

  it('has no boundary lines at zero', () => {
    expect(boundaryLines().every((l) => l.value > 0)).toBe(true);
  });

  it('the lookup table agrees with classifying source by source, for any count', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: 0, max: MAX_FOLLOWERS })), (n) => {
        const fast = classify(n);
        const slow = classifyWith(SOURCES, n);
        expect(fast.verdicts).toEqual(slow.verdicts);
        expect(fast.consensus).toEqual(slow.consensus);
      }),
      { numRuns: 2000 },
    );
  });

  it('checks every edge exactly, on both sides', () => {
    const edges = SOURCES.flatMap((s) => s.tiers.flatMap((t) => [t.min - 1, t.min, ...(t.max === null ? [] : [t.max, t.max + 1])])).filter((n) => n >= 0);
    for (const n of edges) expect(classify(n).verdicts).toEqual(classifyWith(SOURCES, n).verdicts);
  });

  it('never places a count in more than one tier of a source, and votes add up', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_FOLLOWERS }), (n) => {
        for (const s of SOURCES) expect(s.tiers.filter((t) => n >= t.min && (t.max === null || n <= t.max)).length).toBeLessThanOrEqual(1);
        const c = classify(n);
        const { placed, below, gap, uncovered, numericSources, votes, tally, outcome } = c.consensus;
        expect(placed + below + gap + uncovered).toBe(numericSources);
        expect(Math.max(...Object.values(tally))).toBeLessThanOrEqual(placed);
        expect(votes).toBeLessThanOrEqual(numericSources);
        if (outcome === 'below') expect(votes).toBe(below);
      }),
    );
  });
});
