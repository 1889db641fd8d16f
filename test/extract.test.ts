import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractCounts, type IgnoreKind } from '../src/domain/extract';
import { readCount } from '../src/domain/spreadsheet-count';
import { MAX_FOLLOWERS, parseFollowerCount } from '../src/domain/followers';
import { formatCompact, formatCount } from '../src/domain/format';

interface Expected {
  value: number;
  platform?: string;
  name?: string;
}

const c = (value: number, platform?: string, name?: string): Expected => ({ value, ...(platform ? { platform } : {}), ...(name ? { name } : {}) });

/**
 * Real-looking chat messages: what a marketer pastes into a planning channel. Each row: the
 * message, the counts it holds (value, platform, name), and the kinds of number it must set aside.
 */
const TABLE: [string, Expected[], IgnoreKind[]][] = [
  ['Sara has 45k on IG and 1.2M on TikTok', [c(45_000, 'Instagram', 'Sara'), c(1_200_000, 'TikTok', 'Sara')], []],
  ['IG 45k TikTok 1.2M', [c(45_000, 'Instagram'), c(1_200_000, 'TikTok')], []],
  ['45k IG, 1.2M TikTok', [c(45_000, 'Instagram'), c(1_200_000, 'TikTok')], []],
  ['IG 12,5k / TT 230k / YT 1,1M', [c(12_500, 'Instagram'), c(230_000, 'TikTok'), c(1_100_000, 'YouTube')], []],
  ['Hey team! Quick update:\n- Sara (IG): 45.2k\n- Tom: 1.1M on YouTube\n- Lea 8,900 TikTok', [c(45_200, 'Instagram', 'Sara'), c(1_100_000, 'YouTube', 'Tom'), c(8_900, 'TikTok', 'Lea')], []],
  ['he just passed 45K subs', [c(45_000)], []],
  ['elle a 30 000 abonnés sur Instagram', [c(30_000, 'Instagram')], []],
  ['1,2 Mio Follower auf TikTok, nicht schlecht', [c(1_200_000, 'TikTok')], []],
  ['1.000.000 Follower auf Insta', [c(1_000_000, 'Instagram')], []],
  ['lol she has like 2 million followers 😂', [c(2_000_000)], []],
  ['Followers: 1 234 567', [c(1_234_567)], []],
  ['500 followers', [c(500)], []],
  ['Mia’s TikTok is at 800', [c(800, 'TikTok', 'Mia')], []],
  ['@sara_creates: 45,000 followers (instagram.com/sara)', [c(45_000, 'Instagram', '@sara_creates')], []],
  ['Tom – 120k subs, 2.3M views', [c(120_000, undefined, 'Tom')], ['not-followers']],
  ['Reach: 250k, followers: 48k', [c(48_000)], ['not-followers']],
  ['Kim hit 100k+ on TikTok at 3pm on May 5th', [c(100_000, 'TikTok', 'Kim')], ['time', 'date']],
  ['she went from 12k to 30k in 2 months', [c(30_000)], ['change', 'duration']],
  ['10-20k followers is our micro sweet spot', [], ['range']],
  ['gained +2k followers this week, now 45k', [c(45_000)], ['change']],
  ['she’s growing 500 followers a day', [], ['change']],
  ['Budget is 5000 USD for 3 creators with 10k-50k followers', [], ['price', 'not-followers', 'range']],
  ['Rates: 5k€ per post, she has 120 000 followers', [c(120_000)], ['price']],
  ['$5k for a reel from someone with 80k? worth it', [c(80_000)], ['price']],
  ['She charges £1,200 per post on 60k followers', [c(60_000)], ['price']],
  ['Her ER is 4.5% on 33k followers', [c(33_000)], ['percentage']],
  ['Call at 10:30 tomorrow, <@123456789012345678> has the list', [], ['time', 'mention']],
  ['<t:1700000000:R> check <#123456> and <:kek:98765>', [], ['mention']],
  ['meeting on 12/05/2024 about the 2024 campaign', [], ['date', 'year']],
  ['deadline 2025-01-31, 45k creator needed', [c(45_000)], ['date']],
  ['Order #12345 shipped', [], ['id']],
  ['ID 987654321, call +44 20 7946 0958', [], ['id', 'phone']],
  ['message id 1180000000000000000 please check', [], ['id']],
  ['4K video from 2019', [], ['not-followers', 'year']],
  ['Top 5 100k creators this quarter', [], ['small', 'not-followers']],
  ['The 2024 campaign reached 3 million people', [], ['year', 'not-followers']],
  ['She has 45 mil seguidores y 1.2 mil subs', [c(45_000), c(1_200)], []],
  ['His following grew 15% to 60k', [c(60_000)], ['percentage']],
  ['watch https://youtube.com/watch?v=abc123 — 456k subs', [c(456_000, 'YouTube')], ['link']],
  ['we may 30 creators', [], ['not-followers']],
  ['2 accounts: 15k + 22k', [c(15_000), c(22_000)], ['small']],
  ['she lost 3k followers after the post', [], ['change']],
  ['1 lakh followers on Insta', [c(100_000, 'Instagram')], []],
  ['Instagram: 45,000 | TikTok: 1.2M | YouTube: 300k', [c(45_000, 'Instagram'), c(1_200_000, 'TikTok'), c(300_000, 'YouTube')], []],
  ['around ~75k on X', [c(75_000, 'X (Twitter)')], []],
  ['she is 24 years old with 18k followers', [c(18_000)], ['duration']],
  ['12.345 seguidores no Instagram', [c(12_345, 'Instagram')], []],
  ['Ranked #1 on the list with 2.5 million', [c(2_500_000)], ['id']],
  ['3rd creator has 900k', [c(900_000)], ['ordinal']],
  ['Q3 numbers: 45k', [c(45_000)], []],
  ['no numbers here at all, just vibes', [], []],
  ['2.5k-3k per post is her rate', [], ['price']],
  ['Between 10,000 and 50,000 followers', [], ['range']],
  ['DM’d 15 creators today, 4 replied. Best: Jana (IG 88k, TikTok 1.4M)', [c(88_000, 'Instagram', 'Jana'), c(1_400_000, 'TikTok', 'Jana')], ['not-followers', 'small']],
  ['Can you check @mia.creates? She’s at 12.3k on IG and ~40k on TT', [c(12_300, 'Instagram'), c(40_000, 'TikTok')], []],
  ['Followers 45k | Views 1.2M | ER 3.2%', [c(45_000)], ['not-followers', 'percentage']],
  ['between 500-800 followers on twitch', [], ['range']],
  ['عندها ٣٠٠٠٠ متابع على انستغرام', [c(30_000)], []],
  ['３０ｋ followers on ＩＧ', [c(30_000, 'Instagram')], []],
  ['+30k', [c(30_000)], []],
  ['entre 10-20 mil seguidores', [], ['range']],
  ['she has 99999999999 followers, sure', [], ['too-large']],
  ['4.5 followers on average lol', [], ['fraction']],
  ['2.5 thousand subs and 1 bn views', [c(2_500)], ['not-followers']],
  // An exponent, which /tier refuses: set aside as one number, never read as "1" and "06".
  ['followers: 1.2E+06', [], ['exponent']],
  ['1.2E+06 followers', [], ['exponent']],
  ['1,2E+06 abonnés auf TikTok', [], ['exponent']],
  ['Sara 4.5e4 on IG', [], ['exponent']],
  ['1.2E-06 followers', [], ['exponent']],
  ['1E+99 followers', [], ['exponent']],
  // A slash between platforms that each have a count separates them; after a post kind it is "per".
  ['Instagram: 45k / TikTok: 1.2M / YouTube: 300k', [c(45_000, 'Instagram'), c(1_200_000, 'TikTok'), c(300_000, 'YouTube')], []],
  ['IG: 45k/TikTok: 1.2M', [c(45_000, 'Instagram'), c(1_200_000, 'TikTok')], []],
  ['IG 45k / TikTok 1.2M', [c(45_000, 'Instagram'), c(1_200_000, 'TikTok')], []],
  ['her rate is 45k/post', [], ['price']],
  ['2k per TikTok, she has 80k followers', [c(80_000)], ['price']],
  ['5k / TikTok', [], ['price']],
  ['5k/TikTok: 3k/reel', [], ['price']],
  ['$500 / reel for 20k followers', [c(20_000)], ['price']],
  ['it costs 5k per post for 50k followers', [c(50_000)], ['price']],
  ['Rates: 5k, she has 120 000 followers', [c(120_000)], ['price']],
];

describe('extractCounts: a table of chat messages', () => {
  it('has at least 40 messages', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(40);
  });

  it.each(TABLE)('%j', (message, counts, ignoredKinds) => {
    const found = extractCounts(message);
    expect(found.counts.map((x) => ({ value: x.value, ...(x.platform ? { platform: x.platform } : {}), ...(x.name ? { name: x.name } : {}) }))).toEqual(counts);
    const kinds = new Set(found.ignored.map((i) => i.kind));
    for (const kind of ignoredKinds) expect(kinds, `${kind} in ${JSON.stringify(found.ignored)}`).toContain(kind);
    for (const i of found.ignored) expect(i.reason.length).toBeGreaterThan(0);
  });

  it('says why each number was set aside, in words', () => {
    const { ignored } = extractCounts('Call at 10:30 on 12/05, $5k budget, 4.5% ER, <@123>');
    expect(ignored.map((i) => [i.text, i.reason])).toEqual([
      ['10:30', 'a time'],
      ['12/05', 'a date'],
      ['$5k', 'a price'],
      ['4.5%', 'a percentage'],
      ['<@123>', 'a mention, channel, emoji or timestamp'],
    ]);
  });

  it('sets a number with an exponent aside whole, as /tier refuses it', () => {
    const exponent = { kind: 'exponent', reason: 'a number with an exponent; write the count out' };
    for (const text of ['1.2E+06', '1e3', '1.2E-06', '1e100', '1,2E+06']) {
      expect(parseFollowerCount(text).ok, text).toBe(false);
      expect(extractCounts(`${text} followers`), text).toEqual({ counts: [], ignored: [{ text, ...exponent }] });
    }
  });

  it('sets nothing aside when slashes separate platforms, and calls a rate a rate', () => {
    expect(extractCounts('Instagram: 45k / TikTok: 1.2M / YouTube: 300k').ignored).toEqual([]);
    expect(extractCounts('IG: 45k/TikTok: 1.2M').ignored).toEqual([]);
    expect(extractCounts('2k per TikTok').ignored).toEqual([{ text: '2k', kind: 'price', reason: 'a rate per post, not a follower count' }]);
    expect(extractCounts('5k / TikTok, 3k / reel').ignored.map((i) => i.reason)).toEqual(['a rate per post, not a follower count', 'a rate per post, not a follower count']);
  });

  it('calls a price written after its posts a rate: "3 posts @ 15k each", "2 reels at 4k"; followers after it stay a count', () => {
    const rate = { kind: 'price', reason: 'a rate per post, not a follower count' };
    expect(extractCounts('3 posts @ 15k each, account at 90k').counts.map((c) => c.value)).toEqual([90_000]);
    expect(extractCounts('3 posts @ 15k each, account at 90k').ignored).toContainEqual({ text: '15k', ...rate });
    expect(extractCounts('2 reels at 4k').ignored).toContainEqual({ text: '4k', ...rate });
    expect(extractCounts('her posts at 45k followers do well').counts.map((c) => c.value)).toEqual([45_000]);
  });

  it('words a number after a money word as money, whatever form the word takes', () => {
    const reasonFor = (message: string) => extractCounts(message).ignored.map((i) => [i.text, i.kind, i.reason]);
    expect(reasonFor('it costs 5k per post for 50k followers')).toEqual([['5k', 'price', 'a price, not a follower count']]);
    expect(reasonFor('cost 5k')).toEqual([['5k', 'price', 'a price, not a follower count']]);
    expect(reasonFor('costing 5k')).toEqual([['5k', 'price', 'a price, not a follower count']]);
    expect(reasonFor('fees: 5k')).toEqual([['5k', 'price', 'a fee, not a follower count']]);
    expect(reasonFor('budget 20k')).toEqual([['20k', 'price', 'a budget, not a follower count']]);
    expect(reasonFor('revenue 5k')).toEqual([['5k', 'price', 'revenue, not a follower count']]);
    expect(reasonFor('5k sales')).toEqual([['5k', 'not-followers', 'counts sales, not followers']]);
  });

  it('keeps the count as written, and sets a range aside whole', () => {
    expect(extractCounts('1,2 Mio und 10-20k')).toMatchObject({ counts: [{ text: '1,2 Mio' }], ignored: [{ text: '10-20k', kind: 'range' }] });
  });
});

describe('readCount', () => {
  it.each([
    ['45k', 45_000],
    ['45K', 45_000],
    ['1,2 Mio', 1_200_000],
    ['1,2 Mio.', 1_200_000],
    ['12,5k', 12_500],
    ['45.000', 45_000],
    ['45.000,0', 45_000],
    ['45,000.00', 45_000],
    ["45'000", 45_000],
    ['1.234.567', 1_234_567],
    ['100k+', 100_000],
    ['~45k', 45_000],
    ['2 lakh', 200_000],
    ['1 crore', 10_000_000],
    ['3 Tsd.', 3_000],
    ['1,5 Mrd', 1_500_000_000],
    ['1.2E+06', 1_200_000],
    ['1,2E+06', 1_200_000],
    ['4.5e4', 45_000],
    ['45\u00a0000', 45_000],
    ['45\u202f000', 45_000],
    ['１２,５k', 12_500],
  ])('reads %j as %d', (text, expected) => {
    expect(readCount(text)).toEqual({ ok: true, value: expected });
  });

  it('uses the decimal mark it is given where the number alone cannot say', () => {
    expect(readCount('1,200k')).toEqual({ ok: true, value: 1_200_000 });
    expect(readCount('1,200k', ',')).toEqual({ ok: true, value: 1_200 });
    expect(readCount('1.200k', ',')).toEqual({ ok: true, value: 1_200_000 });
    expect(readCount('1.5k', ',')).toEqual({ ok: true, value: 1_500 });
  });

  it.each([
    ['', /no follower count/],
    ['-5k', /negative/],
    ['4.5', /whole/],
    ['abc', /not a follower count/],
    ['1,2,3', /not a follower count/],
    ['12 345 6', /not a follower count/],
    ['99999999999', /more than/],
    ['1.23456E+02', /whole/],
    ['1.2E-06', /whole/],
    ['1E+11', /more than/],
    // As large as a spreadsheet writes: too many followers, not "write the count out" beside a 3e4 it reads.
    ['1e309', /more than/],
    ['1.2E+100', /more than/],
    ['1e-400', /whole/],
    ['x'.repeat(500), /characters long/],
  ])('refuses %j with a reason', (text, reason) => {
    const r = readCount(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('reads everything /tier reads, to the same count', () => {
    const accepted = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.integer({ min: 0, max: MAX_FOLLOWERS }).map(String),
      fc.integer({ min: 0, max: MAX_FOLLOWERS }).map(formatCount),
      fc.tuple(fc.integer({ min: 0, max: 9_999 }), fc.integer({ min: 0, max: 999 }), fc.constantFrom('k', 'K', 'm', 'M', 'b', ' million', ' thousand', 'mn', 'bn', ''), fc.constantFrom('', '+', ' ')).map(
        ([a, b, unit, pre]) => `${pre}${a}.${b}${unit}`,
      ),
    );
    fc.assert(
      fc.property(accepted, (text) => {
        const tier = parseFollowerCount(text);
        if (!tier.ok) return;
        expect(readCount(text)).toEqual(tier);
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws, and only ever returns whole counts in range', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 60 }), fc.stringMatching(/^[\d.,' ]{1,20}[kKmM]?$/)), (text) => {
        const r = readCount(text);
        if (r.ok) expect(Number.isSafeInteger(r.value) && r.value >= 0 && r.value <= MAX_FOLLOWERS).toBe(true);
        else expect(r.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });
});

/** A count written in one of the forms /tier accepts (and chat adds), with the value it stands for. */
const writtenCount = fc.oneof(
  fc.integer({ min: 0, max: MAX_FOLLOWERS }).map((n) => ({ text: String(n), value: n })),
  fc.integer({ min: 1000, max: MAX_FOLLOWERS }).map((n) => ({ text: formatCount(n), value: n })),
  fc.integer({ min: 1000, max: MAX_FOLLOWERS }).map((n) => ({ text: formatCount(n).replace(/,/g, ' '), value: n })),
  fc.integer({ min: 1000, max: MAX_FOLLOWERS }).map((n) => ({ text: formatCount(n).replace(/,/g, '.'), value: n })),
  fc.integer({ min: 1, max: 999_999 }).map((n) => {
    const text = formatCompact(n * 1000);
    return { text, value: Math.round(Number(text.slice(0, -1)) * { k: 1e3, M: 1e6, B: 1e9 }[text.slice(-1) as 'k' | 'M' | 'B']) };
  }),
  fc.tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 9 }), fc.constantFrom(['k', 1e3], ['K', 1e3], ['M', 1e6], [' million', 1e6], [' thousand', 1e3], [' Mio', 1e6], ['m', 1e6]) as fc.Arbitrary<[string, number]>, fc.boolean()).map(
    ([whole, tenth, [unit, size], comma]) => ({ text: `${whole}${comma ? ',' : '.'}${tenth}${unit}`, value: ((whole * 10 + tenth) * size) / 10 }),
  ),
);

const FILLER = ['and', 'has', 'the', 'creator', 'honestly', 'so', 'with', 'over', 'we', 'think', 'ok', 'nice'];

describe('extractCounts: properties', () => {
  it('reads every form followed by "followers" as exactly that count', () => {
    fc.assert(
      fc.property(writtenCount, ({ text, value }) => {
        const found = extractCounts(`${text} followers`);
        expect(found.counts.map((x) => x.value)).toEqual([value]);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds every count in a message of counts and filler words, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...FILLER), writtenCount, fc.constantFrom('followers', 'subs', 'on IG', 'on TikTok', 'fans')), { minLength: 1, maxLength: 6 }), (parts) => {
        const message = parts.map(([filler, count, after]) => `${filler} ${count.text} ${after}`).join(', ');
        expect(extractCounts(message).counts.map((x) => x.value)).toEqual(parts.map(([, count]) => count.value));
      }),
      { numRuns: 500 },
    );
  });

  it('never takes a date, a time, a price, a percentage or a mention for a count', () => {
    const notCounts = fc.oneof(
      fc.tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1990, max: 2035 })).map(([d, m, y]) => `${d}/${m}/${y}`),
      fc.tuple(fc.integer({ min: 1990, max: 2035 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
      fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${h}:${String(m).padStart(2, '0')}`),
      fc.tuple(fc.constantFrom('$', '€', '£', '¥', '₹'), writtenCount).map(([sign, n]) => `${sign}${n.text}`),
      fc.tuple(writtenCount, fc.constantFrom('€', ' USD', ' EUR', ' dollars')).map(([n, unit]) => `${n.text}${unit}`),
      fc.integer({ min: 0, max: 100 }).map((n) => `${n}%`),
      fc.bigInt({ min: 10n ** 16n, max: 10n ** 19n }).map((id) => `<@${id}>`),
    );
    fc.assert(
      fc.property(notCounts, fc.constantFrom(...FILLER), (text, filler) => {
        const found = extractCounts(`${filler} ${text} ${filler}`);
        expect(found.counts).toEqual([]);
        expect(found.ignored.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on any text, and what it finds is whole, in range, in order and where it says', () => {
    // Counts written among noise, so that most texts have counts for the checks below to look at.
    const countsInNoise = fc
      .array(fc.tuple(fc.string({ maxLength: 12 }), writtenCount, fc.constantFrom('followers', 'subs', 'on IG', 'on TikTok', 'fans', '')), { minLength: 1, maxLength: 4 })
      .map((parts) => parts.map(([noise, count, after]) => `${noise} ${count.text} ${after}`).join(' '));
    const numRuns = 2000;
    let withCounts = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          { arbitrary: countsInNoise, weight: 3 },
          fc.string({ maxLength: 200 }),
          fc.string({ unit: 'binary', maxLength: 100 }),
          fc.stringMatching(/^[\d kKmM.,:/$€%@<>#+-]{0,80}$/),
        ),
        (text) => {
          const { counts, ignored } = extractCounts(text);
          let last = -1;
          for (const x of counts) {
            expect(Number.isSafeInteger(x.value) && x.value >= 0 && x.value <= MAX_FOLLOWERS).toBe(true);
            expect(x.start).toBeGreaterThan(last);
            expect(x.end).toBeGreaterThan(x.start);
            last = x.end - 1;
          }
          for (const i of ignored) expect(i.text.length).toBeLessThanOrEqual(40);
          if (counts.length > 0) withCounts++;
        },
      ),
      { numRuns },
    );
    expect(withCounts).toBeGreaterThan(numRuns / 3);
  });

  it('takes linear time on long hostile text', () => {
    for (const text of ['1,'.repeat(5000), '1 '.repeat(5000), '1.'.repeat(5000), 'a1'.repeat(5000), '<@'.repeat(5000), '9'.repeat(10_000), 'Sara: '.repeat(2000), '1k on IG '.repeat(1000), 'IG IG IG 1 '.repeat(900), '@a 1k '.repeat(1600), 'May 1 '.repeat(1600), '~~1'.repeat(3300), '#1a '.repeat(2500), '1kfollowers '.repeat(800), 'IG/TT: 1k/'.repeat(1000), '1-'.repeat(5000), '@a_ '.repeat(2500), 'between 1k and '.repeat(600)]) {
      const started = performance.now();
      extractCounts(text);
      expect(performance.now() - started, text.slice(0, 10)).toBeLessThan(1000);
    }
  });
});

describe('Discord markdown around a count', () => {
  const values = (message: string) => extractCounts(message).counts.map((c) => c.value);
  it.each([
    ['**1.2k** likes', 'not-followers'],
    ['1.2k **likes**', 'not-followers'],
    ['**likes:** 1.2k', 'not-followers'],
    ['**45k** views on her reel', 'not-followers'],
    ['**costs** 45k', 'price'],
  ])('%j is not a follower count, as without the markup', (message, kind) => {
    expect(values(message)).toEqual([]);
    expect(extractCounts(message).ignored.map((i) => i.kind)).toEqual([kind]);
  });

  it('reads counts in bold, italics, underline and inline code, and keeps their platform; a spoiler stays hidden', () => {
    expect(values('_45k_')).toEqual([45_000]);
    expect(values('`45k` on IG')).toEqual([45_000]);
    expect(values('__45k__ and ||12k||')).toEqual([45_000]);
    expect(extractCounts('**2.5M** subs on YouTube').counts[0]).toMatchObject({ value: 2_500_000, platform: 'YouTube' });
    expect(extractCounts('@jane_doe has 45k followers').counts[0]).toMatchObject({ value: 45_000, name: '@jane_doe' });
  });

  it('never takes @everyone or @here for a creator', () => {
    for (const message of ['@everyone 30k', '@here 30k followers']) expect(extractCounts(message).counts[0]!.name).toBeUndefined();
  });
});
