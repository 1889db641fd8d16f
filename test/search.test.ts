import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LIMIT,
  closest,
  findExact,
  normalise,
  prefixDistance,
  rankMatches,
  searchMatches,
  type Searchable,
} from '../src/domain/search';
import { SOURCES, type Source } from '../src/domain/sources';

const entry = (item: string, ...aliases: string[]): Searchable<string> => ({ item, keys: [item, ...aliases] });

/** How the source autocomplete will search the registry: name, id, publisher. */
const SOURCE_ENTRIES: Searchable<Source>[] = SOURCES.map((s) => ({ item: s, keys: [s.name, s.id, s.publisher] }));
const sourceIds = (query: string, limit?: number) => rankMatches(query, SOURCE_ENTRIES, limit).map((s) => s.id);

const HOSTILE = [
  'a'.repeat(6_000),
  'engagement rate '.repeat(400),
  '🙂'.repeat(3_000),
  '\u200B\u200C\u200D\u2060\uFEFF'.repeat(1_200),
  '\u202E\u200F\u200E\u202Amediakix\u202C',
  '\uD800\uDC00\uDFFF\uD83D',
  'm\u0301\u0302\u0303'.repeat(1_500),
  '%s%n${}<script>`\\0\n\r\t',
  'ｍｅｄｉａｋｉｘ',
];

describe('normalise', () => {
  it('folds case, accents, punctuation and whitespace', () => {
    expect(normalise('  Médiakix — Mid-Tier\t(Influencers)!  ')).toBe('mediakix mid tier influencers');
    expect(normalise('ÇÀ ÉTÉ')).toBe('ca ete');
    expect(normalise('ｍｅｄｉａｋｉｘ')).toBe('mediakix');
  });

  it('deletes invisible characters instead of splitting words on them', () => {
    expect(normalise('enga\u200Bge\u200Dment\u200F rate\uFEFF')).toBe('engagement rate');
    expect(normalise('\u202Emediakix\u202C')).toBe('mediakix');
  });

  it('keeps nothing of emoji or punctuation alone', () => {
    expect(normalise('🙂🎉 !!! …')).toBe('');
  });

  it('caps the query at 100 characters', () => {
    expect(normalise('x'.repeat(6_000)).length).toBe(100);
  });
});

describe('prefixDistance', () => {
  it('counts substitutions, insertions, deletions and adjacent transpositions as one edit each', () => {
    expect(prefixDistance('kitten', 'kitten', 3)).toBe(0);
    expect(prefixDistance('mediakx', 'mediakix', 3)).toBe(1);
    expect(prefixDistance('hypeaditor', 'hypeauditor', 3)).toBe(1);
    expect(prefixDistance('teh', 'the', 3)).toBe(1);
    expect(prefixDistance('micro', 'macro', 3)).toBe(1);
  });

  it('measures against the best prefix of the text', () => {
    expect(prefixDistance('engagment', 'engagement rate by reach', 3)).toBe(1);
    expect(prefixDistance('engag', 'engagement rate', 3)).toBe(0);
  });

  it('gives up past the maximum', () => {
    expect(prefixDistance('zzzzzz', 'mediakix', 2)).toBe(3);
    expect(prefixDistance('', 'anything', 2)).toBe(0);
  });
});

describe('rankMatches', () => {
  it('ranks exact, then prefix, then word-start, then mid-word substring, then fuzzy, whatever the input order', () => {
    const entries = [entry('ratte'), entry('accurate'), entry('engagement rate'), entry('rates'), entry('Rate')];
    expect(rankMatches('rate', entries)).toEqual(['Rate', 'rates', 'engagement rate', 'accurate', 'ratte']);
    expect(searchMatches('rate', entries).map((m) => m.kind)).toEqual(['exact', 'prefix', 'word', 'substring', 'fuzzy']);
  });

  it('ranks an entry by its best key, so an exact alias beats a prefix name', () => {
    const entries = [entry('Error budget'), entry('Engagement rate', 'ER')];
    expect(rankMatches('er', entries)).toEqual(['Engagement rate', 'Error budget']);
  });

  it('keeps input order among equal matches, and orders fuzzy matches by distance', () => {
    const entries = [entry('micro c'), entry('micro a'), entry('micro b')];
    expect(rankMatches('micro', entries)).toEqual(['micro c', 'micro a', 'micro b']);
    expect(rankMatches('mediakx', [entry('madiakax'), entry('mediakix')])).toEqual(['mediakix', 'madiakax']);
    // Both are one typo from the query at their start; as whole words, "mediakix" is one away and "mediakiks" three.
    expect(rankMatches('mediakx', [entry('mediakiks'), entry('mediakix')])).toEqual(['mediakix', 'mediakiks']);
  });

  it('matches query words at word starts in any order', () => {
    expect(rankMatches('reach er', [entry('Engagement rate (by followers)', 'ER by followers'), entry('Engagement rate (by reach)', 'ER by reach')])).toEqual([
      'Engagement rate (by reach)',
    ]);
  });

  it('ignores case, accents, hyphens and spaces', () => {
    const entries = [entry('Mid-tier influencer', 'mid-tier')];
    for (const q of ['MID TIER', 'midtier', 'mid—tier', 'Míd-Tíer', 'mid\u200B-tier']) expect(rankMatches(q, entries), q).toEqual(['Mid-tier influencer']);
  });

  it('tolerates typos in source names', () => {
    expect(sourceIds('mediakx')[0]).toBe('mediakix');
    expect(sourceIds('hypeaditor')[0]).toBe('hypeauditor');
    expect(sourceIds('iconsquare')[0]).toBe('iconosquare');
    expect(sourceIds('Hootsiute')[0]).toBe('hootsuite');
    expect(sourceIds('later fhor')[0]).toBe('later-fohr');
  });

  it('finds sources by id and publisher as well as name', () => {
    expect(sourceIds('adweek-500-5000')[0]).toBe('adweek-500-5000');
    expect(sourceIds('CNBC')).toEqual(expect.arrayContaining(['cnbc-2017', 'cnbc-seed']));
    expect(sourceIds('sprout')[0]).toBe('sprout-social');
  });

  it('does not turn short queries into guesses', () => {
    const entries = [entry('CPM'), entry('CPE'), entry('common influencer'), entry('up-and-coming')];
    expect(rankMatches('cpm', entries)).toEqual(['CPM']);
    expect(rankMatches('er', [entry('influencer')])).toEqual([]);
    expect(rankMatches('roi', [entry('micro influencer')])).toEqual([]);
  });

  it('returns at most `limit` results, 25 by default', () => {
    const many = Array.from({ length: 60 }, (_, i) => entry(`term ${i}`));
    expect(rankMatches('term', many)).toHaveLength(DEFAULT_LIMIT);
    expect(rankMatches('term', many, 3)).toEqual(['term 0', 'term 1', 'term 2']);
    expect(rankMatches('term', many, 0)).toEqual([]);
    expect(rankMatches('term', many, -4)).toEqual([]);
    expect(rankMatches('term', many, Number.NaN)).toHaveLength(DEFAULT_LIMIT);
  });

  it('lists the entries in input order for an empty or unsearchable query', () => {
    const entries = [entry('b'), entry('a')];
    expect(rankMatches('', entries)).toEqual(['b', 'a']);
    expect(rankMatches('  🙂 ', entries, 1)).toEqual(['b']);
  });

  it('returns nothing for a query nothing resembles', () => {
    expect(sourceIds('xylophone quartet')).toEqual([]);
  });

  it('answers hostile input without throwing', () => {
    for (const q of HOSTILE) {
      const results = rankMatches(q, SOURCE_ENTRIES);
      closest(q, SOURCE_ENTRIES);
      findExact(q, SOURCE_ENTRIES);
      expect(results.length, q.slice(0, 20)).toBeLessThanOrEqual(DEFAULT_LIMIT);
    }
    expect(sourceIds('\u202E\u200F\u200E\u202Amediakix\u202C')[0]).toBe('mediakix');
    expect(sourceIds('ｍｅｄｉａｋｉｘ')[0]).toBe('mediakix');
  });
});

describe('findExact', () => {
  it('matches any key exactly, ignoring case, spaces and punctuation', () => {
    const entries = [entry('Mid-tier influencer', 'mid-tier', 'mid T1')];
    expect(findExact('MID TIER', entries)).toBe('Mid-tier influencer');
    expect(findExact('midt1', entries)).toBe('Mid-tier influencer');
    expect(findExact('mid', entries)).toBeUndefined();
    expect(findExact('', entries)).toBeUndefined();
  });
});

describe('closest', () => {
  it('suggests near misses that autocomplete is too strict for', () => {
    const entries = [entry('Fake followers'), entry('Engagement rate'), entry('Reach')];
    expect(closest('faik folowerz', entries)).toEqual(['Fake followers']);
    expect(rankMatches('faik folowerz', entries)).toEqual([]);
    expect(closest('engagemnet', entries, 1)).toEqual(['Engagement rate']);
  });

  it('puts better matches first and stops at n', () => {
    expect(closest('mediakx', SOURCE_ENTRIES, 2).map((s) => s.id)[0]).toBe('mediakix');
    expect(closest('mediakx', SOURCE_ENTRIES, 2).length).toBeLessThanOrEqual(2);
  });

  it('suggests nothing for unrelated words or an empty query', () => {
    expect(closest('xylophone', SOURCE_ENTRIES)).toEqual([]);
    expect(closest('', SOURCE_ENTRIES)).toEqual([]);
    expect(closest('🙂', SOURCE_ENTRIES)).toEqual([]);
  });
});

describe('properties', () => {
  const anyString = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.string({ unit: 'grapheme', maxLength: 50 }),
    fc.constantFrom(...HOSTILE),
  );
  const anyLimit = fc.oneof(fc.integer({ min: -5, max: 60 }), fc.constant(Number.NaN), fc.constant(Infinity), fc.constant(undefined));

  it('rankMatches and closest never throw and never exceed the limit', () => {
    fc.assert(
      fc.property(anyString, anyLimit, (q, limit) => {
        const cap = limit === undefined || !Number.isFinite(limit) ? DEFAULT_LIMIT : Math.max(0, limit);
        expect(rankMatches(q, SOURCE_ENTRIES, limit).length).toBeLessThanOrEqual(cap);
        expect(closest(q, SOURCE_ENTRIES, limit ?? 3).length).toBeLessThanOrEqual(limit === undefined ? 3 : cap);
      }),
      { numRuns: 300 },
    );
  });

  it('survives very long strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 5_000, maxLength: 7_000 }), (q) => {
        expect(rankMatches(q, SOURCE_ENTRIES).length).toBeLessThanOrEqual(DEFAULT_LIMIT);
        expect(closest(q, SOURCE_ENTRIES).length).toBeLessThanOrEqual(3);
      }),
      { numRuns: 20 },
    );
  });

  it('every key of an entry finds that entry first among exact matches', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SOURCE_ENTRIES), (e) => {
        expect(rankMatches(e.keys[0]!, SOURCE_ENTRIES)).toContain(e.item);
        expect(findExact(e.item.id, SOURCE_ENTRIES)).toBe(e.item);
      }),
    );
  });

  it('normalise is idempotent and never longer than 100 characters', () => {
    fc.assert(
      fc.property(anyString, (q) => {
        const n = normalise(q);
        expect(n.length).toBeLessThanOrEqual(100);
        expect(normalise(n)).toBe(n);
      }),
      { numRuns: 300 },
    );
  });
});

describe('bestMatches', () => {
  it('answers a typo with one clear best match, nearest to a whole key', async () => {
    const { bestMatches } = await import('../src/domain/search');
    const entries = ['engagement rate', 'engagement rate by followers', 'engagement rate by reach', 'reach'].map((k) => ({ item: k, keys: [k] }));
    const found = bestMatches('engagment rate', entries);
    expect(found.clear).toBe(true);
    expect(found.matches[0]).toBe('engagement rate');
    expect(bestMatches('Mediakx', [{ item: 'm', keys: ['Mediakix'] }, { item: 'h', keys: ['HypeAuditor'] }])).toEqual({ clear: true, matches: ['m'] });
  });

  it('offers several when they are equally good, and nothing for nothing', async () => {
    const { bestMatches } = await import('../src/domain/search');
    const entries = ['CPC', 'CPA', 'CPE', 'CPM'].map((k) => ({ item: k, keys: [k] }));
    const { matches, clear } = bestMatches('cp', entries);
    expect(clear).toBe(false);
    expect(matches).toEqual(['CPC', 'CPA', 'CPE', 'CPM']);
    expect(bestMatches('', entries)).toEqual({ matches: [], clear: false });
    expect(bestMatches('zzzzzz', entries).matches).toEqual([]);
  });
});

describe('bestMatches: ties, junk and descriptive words', () => {
  const named = (item: string, keys: string[], tags?: string[]): Searchable<string> => ({ item, keys, ...(tags ? { tags } : {}) });

  it('never breaks a tie by which key is shorter', async () => {
    const { bestMatches } = await import('../src/domain/search');
    const entries = [named('cnbc', ['CNBC', 'CNBC 2017']), named('tap', ['TapInfluence', 'TapInfluence 2017']), named('l2', ['L2', 'L2 2017']), named('mediakix', ['Mediakix', 'Mediakix 2019'])];
    // 2019 is one typo from 2017, but a worse match than the three that say 2017: it is not offered.
    expect(bestMatches('2017', entries)).toEqual({ clear: false, matches: ['cnbc', 'tap', 'l2'] });
    const the = [named('rise', ['Rise of Micro-Influencers', 'rise-article']), named('agency', ['The Influence Agency']), named('later', ['Later × Fohr', 'The Selling Power of … Influencers'])];
    expect(bestMatches('the', the)).toEqual({ clear: false, matches: ['agency', 'later'] });
    const digi = [named('digiday', ['Digiday']), named('reflections', ['Digital Reflections'])];
    expect(bestMatches('digi', digi)).toEqual({ clear: false, matches: ['digiday', 'reflections'] });
  });

  it('a prefix of one key and a word start in another are a tie', async () => {
    const { bestMatches } = await import('../src/domain/search');
    const entries = [named('reflections', ['Micro influencing — less is more']), named('rise', ['Rise of Micro-Influencers'])];
    expect(bestMatches('micro', entries).clear).toBe(false);
  });

  it('allows no typo in two or three characters, even as a last resort', async () => {
    const { bestMatches } = await import('../src/domain/search');
    const entries = [named('l2', ['L2']), named('japanese', ['Japanese article', 'A Japanese article on micro-influencers'])];
    expect(bestMatches('12', entries)).toEqual({ matches: [], clear: false });
    expect(bestMatches('a"b', entries)).toEqual({ matches: [], clear: false });
    expect(closest('12', entries)).toEqual([]);
    // Typos in longer queries are still forgiven.
    expect(bestMatches('mediakx', [named('m', ['Mediakix']), named('r', ['Rise of Micro-Influencers on Social Media'])])).toEqual({ clear: true, matches: ['m', 'r'] });
  });

  it('is clear only close to a whole key: never on one word shared with a title, a fragment, or a typo when others match as typed', async () => {
    const { bestMatches } = await import('../src/domain/search');
    const entries = [
      named('mediakix', ['Mediakix', 'Standard Terminology in Influencer Marketing']),
      named('sprout', ['Sprout Social']),
      named('reflections', ['Digital Reflections (Medium)']),
      named('afluencer', ['Afluencer']),
      named('rise', ['Rise of Micro-Influencers on Social Media']),
    ];
    for (const [query, item] of [
      ['sprout', 'sprout'],
      ['medium', 'reflections'],
      ['afluencr', 'afluencer'],
    ] as const) {
      const found = bestMatches(query, entries);
      expect(found.clear, query).toBe(true);
      expect(found.matches[0], query).toBe(item);
    }
    for (const query of ['marketing', 'sp', 'influencer', 'Influencer Marketing Hub', 'influencermarketinghub']) {
      expect(bestMatches(query, entries), query).toEqual({ matches: [], clear: false });
    }
  });

  it('is clear on the start of one entry’s own name, three characters or more, and offers own names first when not clear', async () => {
    const { bestMatches } = await import('../src/domain/search');
    const entries = [named('hype', ['HypeAuditor', 'Influencer Marketing Benchmark']), named('tap', ['TapInfluence', 'Influencer Tiers']), named('sprout', ['Sprout Social'])];
    expect(bestMatches('hype', entries)).toEqual({ clear: true, matches: ['hype'] });
    expect(bestMatches('tapin', entries)).toEqual({ clear: true, matches: ['tap'] });
    expect(bestMatches('sp', entries)).toEqual({ matches: [], clear: false });
    // The names that hold "influence", even mid-word, come before a title that says it.
    const influence = [named('mediakix', ['Mediakix', 'Influencer Tiers']), named('tap', ['TapInfluence']), named('agency', ['The Influence Agency'])];
    expect(bestMatches('influence', influence)).toEqual({ clear: false, matches: ['agency', 'tap', 'mediakix'] });
  });

  it('is clear on a short query that is one whole key with two neighbouring letters swapped, and on no other slip', async () => {
    const { bestMatches } = await import('../src/domain/search');
    const entries = ['ROI', 'CPM', 'CPC', 'CPE', 'AOV'].map((k) => named(k, [k]));
    expect(bestMatches('rio', entries)).toEqual({ clear: true, matches: ['ROI'] });
    expect(bestMatches('cmp', entries)).toEqual({ clear: true, matches: ['CPM'] });
    expect(rankMatches('rio', entries)).toEqual(['ROI']);
    // A changed letter is suggested, not answered; "cpx" is as near CPC as CPE.
    expect(bestMatches('sov', entries)).toEqual({ matches: [], clear: false });
    expect(closest('sov', entries)).toEqual(['AOV']);
    expect(bestMatches('cpx', entries)).toEqual({ matches: [], clear: false });
    for (const junk of ['qwertyuiop', 'banana']) expect(bestMatches(junk, entries), junk).toEqual({ matches: [], clear: false });
  });

  it('matches tags only beside a key word, never alone', async () => {
    const { bestMatches } = await import('../src/domain/search');
    const entries = [named('mediakix', ['Mediakix'], ['influencer tiers (Instagram)']), named('tap', ['TapInfluence'], ['blog post by Laura Smous']), named('hootsuite', ['Hootsuite'], ['blog article'])];
    expect(bestMatches('blog', entries)).toEqual({ matches: [], clear: false });
    expect(rankMatches('blog', entries)).toEqual([]);
    expect(bestMatches('Mediakix tiers', entries)).toEqual({ clear: true, matches: ['mediakix'] });
    expect(bestMatches('tapinfluence blog', entries)).toEqual({ clear: true, matches: ['tap'] });
    expect(rankMatches('a b', entries)).toEqual([]);
  });
});
