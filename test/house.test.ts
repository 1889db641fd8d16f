import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shortCount } from '../src/domain/followers';
import {
  formatHouseDefinition,
  formatHousePlacement,
  formatHouseTier,
  HOUSE_EXAMPLE,
  houseTierFor,
  MAX_HOUSE_TEXT,
  normalTierNamed,
  parseHouseDefinition,
  reasonText,
  shortHousePlacement,
  type HouseTier,
} from '../src/domain/house';
import { classify } from '../src/domain/classify';
import { NORMAL_TIERS } from '../src/domain/sources';
import { reasonOf, tiersOf } from './support/house';

const brief = (tiers: HouseTier[]) => tiers.map((t) => [t.name, t.normal, t.min, t.max]);

describe('parseHouseDefinition: examples', () => {
  it('reads HOUSE_EXAMPLE ("nano 1k-10k, micro 10k-75k, …, mega 1M+") with the boundary rule: a shared number belongs to the higher tier', () => {
    expect(brief(tiersOf(HOUSE_EXAMPLE))).toEqual([
      ['nano', 'nano', 1_000, 9_999],
      ['micro', 'micro', 10_000, 74_999],
      ['mid', 'mid', 75_000, 499_999],
      ['macro', 'macro', 500_000, 999_999],
      ['mega', 'mega', 1_000_000, null],
    ]);
  });

  it('takes every count form /tier takes, en dash, hyphen or "to", and ; or new lines between tiers', () => {
    const a = tiersOf('nano 1,000–10,000; micro 10 000 to 75k\nmid 75000 - 0.5M, macro 500 thousand-1 million, mega 1m+');
    expect(brief(a)).toEqual(brief(tiersOf(HOUSE_EXAMPLE)));
  });

  it('reads full-width and Arabic-Indic digits as /tier does, and drops invisible characters', () => {
    expect(brief(tiersOf('nano １k-１０k, micro ١٠٬٠٠٠-75k, mid 75k-500k, macro 500k-1M, mega\u200b 1M+'))).toEqual(brief(tiersOf(HOUSE_EXAMPLE)));
  });

  it('reads "up to", "under", "over", "and up" and "or more"', () => {
    expect(brief(tiersOf('nano up to 10k, micro 10k-100k, macro 100k and up'))).toEqual([
      ['nano', 'nano', 0, 9_999],
      ['micro', 'micro', 10_000, 99_999],
      ['macro', 'macro', 100_000, null],
    ]);
    expect(brief(tiersOf('nano under 10k, micro 10k-1M, mega over 1M'))).toEqual([
      ['nano', 'nano', 0, 9_999],
      ['micro', 'micro', 10_000, 1_000_000],
      ['mega', 'mega', 1_000_001, null],
    ]);
    expect(tiersOf('micro 10k-50k, macro 50k or more')[1]!.max).toBeNull();
  });

  it('a range end that no other tier starts at is included (the boundary rule)', () => {
    const t = tiersOf('micro 10k-90k, gap, macro 100k-1M');
    expect(brief(t)).toEqual([
      ['micro', 'micro', 10_000, 90_000],
      ['macro', 'macro', 100_000, 1_000_000],
    ]);
    expect(houseTierFor(t, 90_000)).toMatchObject({ kind: 'tier', tier: { name: 'micro' } });
    expect(houseTierFor(t, 90_001)).toMatchObject({ kind: 'gap', under: { name: 'micro' }, over: { name: 'macro' } });
    expect(houseTierFor(t, 99_999).kind).toBe('gap');
    expect(houseTierFor(t, 1_000_000)).toMatchObject({ kind: 'tier', tier: { name: 'macro' } });
    expect(houseTierFor(t, 1_000_001)).toMatchObject({ kind: 'above', highest: { name: 'macro' } });
    expect(houseTierFor(t, 9_999)).toMatchObject({ kind: 'below', lowest: { name: 'micro' } });
  });

  it('ranges that meet within the written precision are contiguous: 1k-9.9k, 10k-49.9k has no gap', () => {
    const t = tiersOf('nano 1k-9.9k, micro 10k-49.9k');
    expect(brief(t)).toEqual([
      ['nano', 'nano', 1_000, 9_999],
      ['micro', 'micro', 10_000, 49_900],
    ]);
    expect(houseTierFor(t, 9_950)).toMatchObject({ kind: 'tier', tier: { name: 'nano' } });
    expect(tiersOf('nano 1,000-9,999, micro 10,000-99,999, macro 100k+').map((x) => x.max)).toEqual([9_999, 99_999, null]);
    expect(tiersOf('nano 1k-9k, micro 10k-99k, macro 100k+').map((x) => x.max)).toEqual([9_999, 99_999, null]);
    // The same with the multipliers /tier reads in other languages: 4.9 lakh is written to the nearest 10,000.
    expect(tiersOf('mid 1 lakh-4.9 lakh, macro 5 lakh-10 lakh').map((x) => x.max)).toEqual([499_999, 1_000_000]);
  });

  it('a real gap is refused unless written as one, naming the counts left out', () => {
    const reason = reasonOf('micro 10k-90k, macro 100k-1M');
    expect(reason).toContain('gap between micro (10k–90k) and macro (100k–1M)');
    expect(reason).toContain('90,001–99,999');
    expect(reason).toContain('micro 10k-90k, gap, macro 100k-1M');
    // A step of a whole million after "1M" is not "within the written precision".
    expect(reasonOf('macro 500k-1M, mega 2M+')).toContain('1,000,001–1,999,999');
    // And a gap written where the tiers meet is refused too.
    expect(reasonOf('micro 10k-100k, gap, macro 100k-1M')).toContain('no gap there');
  });

  it('an overlap is refused with the exact place named', () => {
    expect(reasonOf('nano 1k-10k, micro 10k-75k, mid 60k-500k')).toBe(
      'micro (10k–75k) and mid (60k–500k) overlap from 60,000 to 75,000; each count can be in only one tier.',
    );
    // With a gap written, thresholds are no ladder (see test/house-written-forms.test.ts).
    expect(reasonOf('micro 10k-100k, macro 100k+, gap, mega 1M+')).toContain('overlap from 1,000,000 up');
    expect(reasonOf('nano under 10,001, micro 10k-50k')).toContain('overlap at 10,000');
    expect(reasonOf('a 0-100k, b 10k-20k')).toContain('a (0–100k) and b (10k–20k) overlap from 10,000 to 20,000');
  });

  it('accepts largest-first; refuses a jumbled order', () => {
    expect(brief(tiersOf('mega 1M+, macro 500k-1M, mid 75k-500k, micro 10k-75k, nano 1k-10k'))).toEqual(brief(tiersOf(HOUSE_EXAMPLE)));
    expect(reasonOf('micro 10k-75k, nano 1k-10k, mega 1M+')).toContain('smallest to largest');
  });

  it('own names are mapped by range; normal names by name', () => {
    const t = tiersOf('Starter 1k-10k, Rising 10k-100k, Established 100k-1M, Icon 1M+');
    expect(t.map((x) => x.normal)).toEqual(['micro', 'micro', 'macro', 'mega']);
    expect(normalTierNamed('Mid-tier')).toBe('mid');
    expect(normalTierNamed('macro influencers')).toBe('macro');
    expect(normalTierNamed('Micros')).toBe('micro');
    expect(normalTierNamed('Celebrities')).toBe('mega');
    expect(normalTierNamed('Rising')).toBeUndefined();
    expect(tiersOf('Tier 1 10k-50k, Tier 2 (50k to 2.5 million)').map((x) => x.name)).toEqual(['Tier 1', 'Tier 2']);
    expect(tiersOf('10k-50k small, 50k+ big').map((x) => x.name)).toEqual(['small', 'big']);
    expect(tiersOf('Small: 10k-50k, Big = 50k+').map((x) => x.name)).toEqual(['Small', 'Big']);
  });

  it('maps an own-named range the publishers put below influencer size to that, as /tier says of its counts', () => {
    expect(classify(500).consensus.outcome).toBe('below');
    const [tiny, small, big] = tiersOf('tiny 0-1k, small 1k-10k, big 10k+');
    expect(tiny).toMatchObject({ name: 'tiny', notInfluencer: true });
    // Below influencer size does not push the next tier up the ladder: 1k–10k maps by its own range.
    expect(small!.notInfluencer).toBeUndefined();
    expect(small!.normal).toBe(tiersOf('small 1k-10k')[0]!.normal);
    expect(big!.notInfluencer).toBeUndefined();
    expect(tiersOf('a 0-500, b 500-1k, c 1k-5k').map((t) => t.notInfluencer ?? false)).toEqual([true, true, false]);
    // A range mostly of influencer size maps to a tier; a name that states a tier keeps it.
    expect(tiersOf('starter up to 10k, grown 10k+')[0]!.notInfluencer).toBeUndefined();
    expect(tiersOf('nano 0-1k, micro 1k+')[0]).toMatchObject({ normal: 'nano' });
    expect(tiersOf('nano 0-1k, micro 1k+')[0]!.notInfluencer).toBeUndefined();
  });

  it('an own-named range is below influencer size when /tier says so of all of it, and never when it says so of none', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3_000 }), fc.integer({ min: 1, max: 30_000 }), (from, width) => {
        const to = from + width;
        const [t] = tiersOf(`zone ${from}-${to}`);
        const below = (n: number) => classify(n).consensus.outcome === 'below';
        if (below(t!.max!)) expect(t!.notInfluencer).toBe(true);
        if (!below(t!.min)) expect(t!.notInfluencer).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('gives a refusal in parts: the team’s text and the suggested fix apart from Tierbot’s words', () => {
    const r = parseHouseDefinition('nano 1k-10k, micro 20k-75k');
    if (r.ok) throw new Error('expected a refusal');
    expect(r.parts).toContainEqual({ kind: 'code', text: 'nano 1k-10k, gap, micro 20k-75k' });
    expect(r.parts).toContainEqual({ kind: 'theirs', text: 'nano' });
    expect(r.parts).toContainEqual({ kind: 'theirs', text: 'micro' });
    expect(reasonText(r.parts)).toBe(r.reason);
    expect(r.reason).toContain('write it as a gap: `nano 1k-10k, gap, micro 20k-75k`.');
  });

  it('never puts the team’s text among Tierbot’s own words, whatever is refused', () => {
    const entry = fc.tuple(fc.stringMatching(/^[a-z*_`<@>]{1,8}$/), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 }), fc.constantFrom('-', '+', ' to ', '')).map(
      ([name, a, b, dash]) => (dash === '+' ? `zq${name} ${a}k+` : dash === '' ? `zq${name}` : `zq${name} ${a}k${dash}${b}k`),
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(entry, fc.constant('gap')), { minLength: 1, maxLength: 5 }), (entries) => {
        const r = parseHouseDefinition(entries.join(', '));
        if (r.ok) return;
        expect(reasonText(r.parts)).toBe(r.reason);
        for (const part of r.parts) if (part.kind === 'ours') expect(part.text).not.toContain('zq');
      }),
      { numRuns: 500 },
    );
  });

  it('refuses with a reason: nothing, no name, unreadable, duplicates, backwards, too long, gap at an end', () => {
    expect(reasonOf('')).toContain('No tiers');
    expect(reasonOf('micro ten to twenty')).toContain("can't read");
    expect(reasonOf('micro 10k-50k, Micro 50k+')).toContain('used twice');
    expect(reasonOf('micro 50k-10k')).toContain('smaller number first');
    expect(reasonOf('micro 10k-10k')).toContain('same count');
    expect(reasonOf('gap, micro 10k+')).toContain('between two tiers');
    expect(reasonOf('micro 1.2345k-2k')).toContain('fraction');
    expect(reasonOf('x'.repeat(MAX_HOUSE_TEXT + 1))).toContain(`the most is ${MAX_HOUSE_TEXT.toLocaleString('en-US')}`);
    expect(reasonOf(`${'y'.repeat(41)} 1k+`)).toContain('longer than 40');
    expect(reasonOf(`a ${'1 '.repeat(60)}`)).toContain('too long for one tier');
  });

  it('answers quickly whatever it is given (no runaway backtracking)', () => {
    for (const t of ['a ' + '1 '.repeat(499), 'up to ' + '9 '.repeat(490), 'a ' + '1.'.repeat(499), 'x ' + '1 1-'.repeat(249), ('a ' + '1 '.repeat(48) + ', ').repeat(20)]) {
      const started = performance.now();
      parseHouseDefinition(t.slice(0, MAX_HOUSE_TEXT));
      expect(performance.now() - started).toBeLessThan(100);
    }
  });

  it('formats a tier, a placement and the whole definition', () => {
    const t = tiersOf(HOUSE_EXAMPLE);
    expect(formatHouseTier(t[1]!)).toBe('micro (10k–75k)');
    expect(formatHousePlacement(houseTierFor(t, 30_000))).toBe('micro (10k–75k)');
    expect(formatHousePlacement(houseTierFor(t, 10))).toBe('below nano, the lowest house tier (from 1k)');
    expect(formatHouseDefinition(t)).toBe('nano 1k–10k, micro 10k–75k, mid 75k–500k, macro 500k–1M, mega 1M+');
    expect(shortCount(9_999)).toBe('9,999');
    expect(shortCount(12_500)).toBe('12.5k');
    expect(shortCount(2_500_000)).toBe('2.5M');
  });
});

describe('parseHouseDefinition: a refusal quotes the team’s text as typed', () => {
  it.each([
    ['a ¼M+', 'I can\'t read "a ¼M+" as a tier'],
    ['micro １０ｋ-５０ｋ extra 3', 'I can\'t read "micro １０ｋ-５０ｋ extra 3" as a tier'],
    ['micro 10k–5x, macro 1M+', 'In "micro 10k–5x":'],
  ])('%j', (text, quoted) => {
    expect(reasonOf(text)).toContain(quoted);
  });
});

describe('parseHouseDefinition: ranges written without a name', () => {
  it('reads "1k-9.9k, 10k-49.9k" as two tiers called by their ranges, meeting with no gap', () => {
    const t = tiersOf('1k-9.9k, 10k-49.9k');
    expect(t.map((tier) => [tier.name, tier.min, tier.max, tier.namedByRange])).toEqual([
      ['1k–9.9k', 1_000, 9_999, true],
      ['10k–49.9k', 10_000, 49_900, true],
    ]);
    // 9,950 is within the precision 9.9k is written to: the lower tier, not a gap.
    expect(formatHousePlacement(houseTierFor(t, 9_950))).toBe('1k–9.9k');
    expect(formatHousePlacement(houseTierFor(t, 30_000))).toBe('10k–49.9k');
    // Written back, it reads the same.
    expect(formatHouseDefinition(t)).toBe('1k–9.9k, 10k–49.9k');
    expect(tiersOf(formatHouseDefinition(t))).toEqual(t);
  });

  it('maps an unnamed range by its range, as an own name is, up the ladder, beside named tiers and gaps', () => {
    const mixed = tiersOf('nano 1k-10k, 10k-75k, gap, macro 100k-1M, 1M+');
    expect(mixed.map((tier) => [tier.name, tier.normal])).toEqual([
      ['nano', 'nano'],
      ['10k–75k', 'micro'],
      ['macro', 'macro'],
      ['1M+', 'mega'],
    ]);
    expect(reasonOf('10k-90k, 100k-1M')).toBe('There is a gap between 10k–90k and 100k–1M: 90,001–99,999 would be in no tier. Close it, or write it as a gap: `10k-90k, gap, 100k-1M`.');
    expect(reasonOf('1k-10k, 5k-20k')).toContain('1k–10k and 5k–20k overlap');
  });
});

// ── Properties ────────────────────────────────────────────────────────────────────────────────

const NAMES = ['starter', 'rising', 'established', 'star', 'icon', 'Tier A', 'Tier B', '🐟 small fry', 'Größe', 'whale', 'seedling', 'legend'];

/** Ascending boundaries (whole thousands keep every written form exact), names, and whether the top is open. */
const ladderArb = fc
  .uniqueArray(fc.integer({ min: 1, max: 5_000_000 }), { minLength: 2, maxLength: 8 })
  .chain((ks) =>
    fc.record({
      bounds: fc.constant([...ks].sort((a, b) => a - b).map((k) => k * 1000)),
      names: fc.shuffledSubarray(NAMES, { minLength: ks.length, maxLength: ks.length }),
      openTop: fc.boolean(),
      forms: fc.array(fc.constantFrom('plain', 'commas', 'spaces', 'compact'), { minLength: ks.length, maxLength: ks.length }),
      dash: fc.constantFrom('-', '–', ' - ', ' to '),
      sep: fc.constantFrom(', ', '; ', '\n', ',  '),
    }),
  );

function written(n: number, form: string): string {
  switch (form) {
    case 'commas':
      return n.toLocaleString('en-US');
    case 'spaces':
      return n.toLocaleString('en-US').replace(/,/g, ' ');
    case 'compact':
      return shortCount(n).replace(/,/g, '');
    default:
      return String(n);
  }
}

type Ladder = { bounds: number[]; names: string[]; openTop: boolean; forms: string[]; dash: string; sep: string };

function render(l: Ladder): string {
  const n = l.bounds.length - 1;
  const entries = l.names.slice(0, l.openTop ? n + 1 : n).map((name, i) => {
    const from = written(l.bounds[i]!, l.forms[i]!);
    if (i === n) return `${name} ${from}+`;
    return `${name} ${from}${l.dash}${written(l.bounds[i + 1]!, l.forms[i + 1]!)}`;
  });
  return entries.join(l.sep);
}

describe('shortHousePlacement', () => {
  const short = (text: string, count: number) => shortHousePlacement(houseTierFor(tiersOf(text), count), (tier) => tier.name.toUpperCase());

  it('names the tier, or where the count falls outside the tiers, in a few words, with the names as given', () => {
    expect(short('micro 10k-90k, gap, macro 100k-1M', 50_000)).toBe('MICRO');
    expect(short('micro 10k-90k, gap, macro 100k-1M', 5_000)).toBe('below MICRO');
    expect(short('micro 10k-90k, gap, macro 100k-1M', 2_000_000)).toBe('above MACRO');
    expect(short('micro 10k-90k, gap, macro 100k-1M', 95_000)).toBe('between MICRO and MACRO');
    expect(shortHousePlacement(houseTierFor(tiersOf('starter 1k-50k, star 50k+'), 500_000))).toBe('star');
  });
});

describe('parseHouseDefinition: properties', () => {
  it('any ascending ladder, written any way, reads back with the boundary rule', () => {
    fc.assert(
      fc.property(ladderArb, (l) => {
        const tiers = tiersOf(render(l));
        const n = l.bounds.length - 1;
        expect(tiers.length).toBe(l.openTop ? n + 1 : n);
        tiers.forEach((t, i) => {
          expect(t.min).toBe(l.bounds[i]);
          const last = i === tiers.length - 1;
          expect(t.max).toBe(last ? (l.openTop ? null : l.bounds[i + 1]!) : l.bounds[i + 1]! - 1);
        });
      }),
    );
  });

  it('every count from the lowest bound up is in exactly one tier, the right one', () => {
    fc.assert(
      fc.property(ladderArb, fc.nat({ max: 6_000_000_000 }), (l, count) => {
        const tiers = tiersOf(render(l));
        const p = houseTierFor(tiers, count);
        const top = l.bounds[l.bounds.length - 1]!;
        if (count < l.bounds[0]!) {
          expect(p.kind).toBe('below');
          return;
        }
        if (!l.openTop && count > top) {
          expect(p.kind).toBe('above');
          return;
        }
        expect(p.kind).toBe('tier');
        if (p.kind !== 'tier') return;
        const i = tiers.indexOf(p.tier);
        expect(count).toBeGreaterThanOrEqual(l.bounds[i]!);
        if (i + 1 < l.bounds.length && !(i === tiers.length - 1 && !l.openTop)) expect(count).toBeLessThan(l.bounds[i + 1]!);
        expect(tiers.filter((t) => count >= t.min && (t.max === null || count <= t.max))).toHaveLength(1);
      }),
    );
  });

  it('the canonical form parses to the same tiers, and largest-first reads the same', () => {
    fc.assert(
      fc.property(ladderArb, (l) => {
        const tiers = tiersOf(render(l));
        expect(tiersOf(formatHouseDefinition(tiers))).toEqual(tiers);
        const reversed = render(l).split(l.sep).reverse().join(l.sep);
        expect(tiersOf(reversed)).toEqual(tiers);
      }),
    );
  });

  it('own names map to normalised tiers that never go down the ladder', () => {
    fc.assert(
      fc.property(ladderArb, (l) => {
        const idx = tiersOf(render(l)).map((t) => NORMAL_TIERS.indexOf(t.normal));
        idx.forEach((v, i) => expect(v).toBeGreaterThanOrEqual(i === 0 ? 0 : idx[i - 1]!));
      }),
    );
  });

  it('pushing one end past the next start is refused as an overlap naming both tiers', () => {
    fc.assert(
      fc.property(ladderArb, fc.nat(), fc.integer({ min: 1, max: 999 }), (l, pick, extra) => {
        const n = l.bounds.length - 1;
        if (n < 2) return;
        const i = pick % (n - 1); // tier i's end moves into tier i+1
        const end = l.bounds[i + 1]! + extra;
        const text = l.names
          .slice(0, n)
          .map((name, j) => `${name} ${l.bounds[j]}-${j === i ? end : l.bounds[j + 1]}`)
          .join(', ');
        const reason = reasonOf(text);
        expect(reason).toContain(`${l.names[i]} (`);
        expect(reason).toContain(`${l.names[i + 1]} (`);
        expect(reason).toContain('overlap');
      }),
    );
  });

  it('a real gap is refused unless written as "gap"; counts in it are placed in the gap', () => {
    fc.assert(
      fc.property(ladderArb, fc.nat(), (l, pick) => {
        const n = l.bounds.length - 1;
        if (n < 2) return;
        const i = pick % (n - 1);
        const span = l.bounds[i + 1]! - l.bounds[i]!;
        const shortEnd = l.bounds[i + 1]! - Math.max(2, Math.floor(span / 2)); // well short of the next start
        if (shortEnd <= l.bounds[i]!) return;
        const parts = l.names.slice(0, n).map((name, j) => `${name} ${l.bounds[j]}-${j === i ? shortEnd : l.bounds[j + 1]}`);
        expect(reasonOf(parts.join(', '))).toContain('gap between');
        parts.splice(i + 1, 0, 'gap');
        const tiers = tiersOf(parts.join(', '));
        expect(houseTierFor(tiers, shortEnd + 1)).toMatchObject({ kind: 'gap', under: { name: l.names[i] }, over: { name: l.names[i + 1] } });
        expect(houseTierFor(tiers, shortEnd)).toMatchObject({ kind: 'tier', tier: { name: l.names[i] } });
      }),
    );
  });

  it('ends written to a coarser precision meet the next start: "X.9k" then "X+1k"', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 900 }), (k) => {
        const t = tiersOf(`a 1k-${k - 1}.9k, b ${k}k+`);
        expect(t[0]!.max).toBe(k * 1000 - 1);
        expect(houseTierFor(t, k * 1000 - 50)).toMatchObject({ kind: 'tier', tier: { name: 'a' } });
      }),
    );
  });

  it('never throws, and always answers ok with tiers or a non-empty reason', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: fc.constantFrom(...'0123456789kKmM.,-–+ ;\nabgpu'), maxLength: 120 })), (text) => {
        const r = parseHouseDefinition(text);
        if (r.ok) expect(r.tiers.length).toBeGreaterThan(0);
        else expect(r.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});
