import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractCounts } from '../src/domain/extract';
import { readCount } from '../src/domain/spreadsheet-count';
import { COUNT_MULTIPLIERS, SUFFIX_MULTIPLIERS, parseFollowerCount } from '../src/domain/followers';
import { formatCount } from '../src/domain/format';
import { readRoster } from '../src/domain/roster';

/** Forms /tier accepts that a roster cell once could not hold: the words around a count. */
const TIER_FORMS: [string, number][] = [
  ['45k followers', 45_000],
  ['about 45k', 45_000],
  ['around 1.2M', 1_200_000],
  ['roughly 30k', 30_000],
  ['approx. 30k', 30_000],
  ['approx 30k', 30_000],
  ['approximately 30k', 30_000],
  ['circa 30k', 30_000],
  ['ca. 30k', 30_000],
  ['30K subs', 30_000],
  ['30k subscribers', 30_000],
  ['1 subscriber', 1],
  ['2 fans', 2],
  ['1 follower', 1],
  ['About 2.5 million fans', 2_500_000],
  ['~ 30k followers', 30_000],
  ['≈45k', 45_000],
  ['+about 45k', 45_000],
  ['+ 30k followers', 30_000],
];

describe('readCount reads every form /tier reads', () => {
  it.each(TIER_FORMS)('%j is %d for /tier and for a roster cell', (text, value) => {
    expect(parseFollowerCount(text)).toEqual({ ok: true, value });
    expect(readCount(text)).toEqual({ ok: true, value });
  });

  it('reads those forms in a roster’s count column', () => {
    const csv = ['name,followers', ...TIER_FORMS.map(([text], i) => `Creator ${i},${text}`)].join('\n');
    const read = readRoster(new TextEncoder().encode(csv));
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    expect(read.roster.rows.map((r) => r.count)).toEqual(TIER_FORMS.map(([, value]) => value));
  });

  // Each piece of a count as people type it; the parts combine into forms both readers accept and
  // forms neither does, so the comparison runs over both.
  const digits = fc.oneof(
    fc.integer({ min: 0, max: 10_000_000_000 }).map(String),
    fc.integer({ min: 1_000, max: 10_000_000_000 }).map(formatCount),
    fc.integer({ min: 1_000, max: 10_000_000_000 }).map((n) => formatCount(n).replace(/,/g, ' ')),
    fc.integer({ min: 1_000, max: 10_000_000_000 }).map((n) => formatCount(n).replace(/,/g, '.')),
    fc.tuple(fc.integer({ min: 0, max: 99_999 }), fc.constantFrom('.', ','), fc.stringMatching(/^\d{1,4}$/)).map(([whole, mark, fraction]) => `${whole}${mark}${fraction}`),
    fc.tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 999 }).map((n) => String(n).padStart(3, '0')), fc.stringMatching(/^\d{1,3}$/)).map(([a, b, c]) => `${a},${b}.${c}`),
    fc.stringMatching(/^\d[\d.,' ]{0,8}$/),
  );
  const units = Object.keys(SUFFIX_MULTIPLIERS).flatMap((u) => [u, u.toUpperCase(), u.charAt(0).toUpperCase() + u.slice(1)]);
  const form = fc
    .tuple(
      fc.constantFrom('', ' ', '\u00a0', '\u200b'),
      fc.constantFrom('', '+', '+ ', '-', '~', '~ ', '≈', '≈ ', 'about ', 'About ', 'ABOUT ', 'around ', 'roughly ', 'approx ', 'approx. ', 'approximately ', 'circa ', 'ca. ', '+about ', 'nearly '),
      digits,
      fc.constantFrom('', ' ', '  '),
      fc.constantFrom(...units, 'lakh', 'x'),
      fc.constantFrom('', ' followers', ' follower', ' Followers', ' subs', ' SUBS', ' subscribers', ' subscriber', ' fans', 'followers', ' views', '+'),
      fc.constantFrom('ascii', 'full-width', 'arabic-indic'),
    )
    .map(([pad, prefix, number, space, unit, word, script]) => {
      const shown = script === 'ascii' ? number : number.replace(/\d/g, (d) => String.fromCharCode((script === 'full-width' ? 0xff10 : 0x0660) + Number(d)));
      return `${pad}${prefix}${shown}${unit === '' ? '' : space}${unit}${word}${pad}`;
    });

  it('gives the same count as /tier for every text /tier reads, and refuses only what /tier refuses too', () => {
    fc.assert(
      fc.property(form, (text) => {
        const tier = parseFollowerCount(text);
        const read = readCount(text);
        if (tier.ok) expect(read).toEqual(tier);
        if (!read.ok) expect(tier.ok).toBe(false);
      }),
      { numRuns: 20_000 },
    );
  });

  it('tries many forms /tier accepts, not only ones it refuses', () => {
    const sample = fc.sample(form, { numRuns: 2_000, seed: 28 });
    const accepted = sample.filter((text) => parseFollowerCount(text).ok);
    expect(accepted.length).toBeGreaterThan(sample.length / 10);
    expect(accepted.some((text) => /about|~|approx|circa|ca\./i.test(text) && /followers?|subs|fans/i.test(text))).toBe(true);
  });
});

describe('/tier and the message command read a count the same way', () => {
  const inMessage = (message: string) => extractCounts(message).counts.map((c) => c.value);

  it.each([
    ['50k+', 50_000],
    ["45'000", 45_000],
    ['45’000', 45_000],
    ['1’234’567', 1_234_567],
    ['10 lakh', 1_000_000],
    ['45 tsd', 45_000],
    ['1.5 millions', 1_500_000],
    ['45k.', 45_000],
    ['(45k)', 45_000],
    ['12k-ish', 12_000],
    ['45kfollowers', 45_000],
    ['45k_followers', 45_000],
    ['1.2Msubs', 1_200_000],
  ])('%j is %d for both', (text, value) => {
    expect(parseFollowerCount(text)).toEqual({ ok: true, value });
    expect(inMessage(`followers: ${text}`)).toEqual([value]);
  });

  it.each(['1e3', '1.2E+06', '30,00', '12,5', '0x10', '10k-50k'])('%j is refused by both', (text) => {
    expect(parseFollowerCount(text).ok).toBe(false);
    expect(inMessage(`followers: ${text}`)).toEqual([]);
  });

  // The forms people type, with the words around them; "1 000k" aside, which chat reads as two
  // numbers ("top 5 100k") and /tier as none.
  const digits = fc.oneof(
    fc.integer({ min: 0, max: 10_000_000_000 }).map(String),
    fc.integer({ min: 1_000, max: 10_000_000_000 }).map(formatCount),
    fc.tuple(fc.integer({ min: 1_000, max: 10_000_000_000 }).map(formatCount), fc.constantFrom(' ', '.', "'", '’', '\u00a0')).map(([n, mark]) => n.replace(/,/g, mark)),
    fc.tuple(fc.integer({ min: 0, max: 9_999 }), fc.constantFrom('.', ','), fc.stringMatching(/^\d{1,4}$/)).map(([whole, mark, fraction]) => `${whole}${mark}${fraction}`),
  );
  const written = fc
    .tuple(
      fc.constantFrom('', '~', 'about '),
      digits,
      fc.constantFrom('', ' '),
      fc.constantFrom(...Object.keys(COUNT_MULTIPLIERS)),
      fc.constantFrom('', '+', '-ish', 'ish', 'followers', '_followers', 'subs'),
      fc.boolean(),
    )
    .filter(([, number, , unit]) => unit === '' || !/[ \u00a0]/.test(number))
    .map(([before, number, space, unit, after, parenthesised]) => {
      const text = `${before}${number}${unit === '' ? '' : space}${unit}${after}`;
      return parenthesised ? `(${text})` : text;
    });

  it('reads in a message exactly what /tier reads, and nothing /tier refuses', () => {
    fc.assert(
      fc.property(written, fc.constantFrom('followers: X', 'X followers', 'she has X followers.', 'IG followers: X.', 'X followers on IG'), (text, message) => {
        const tier = parseFollowerCount(text);
        expect(inMessage(message.replace('X', text))).toEqual(tier.ok ? [tier.value] : []);
      }),
      { numRuns: 5_000 },
    );
  });

  it('tries many forms both read, not only ones both refuse', () => {
    const sample = fc.sample(written, { numRuns: 1_000, seed: 5 });
    expect(sample.filter((text) => parseFollowerCount(text).ok).length).toBeGreaterThan(sample.length / 4);
  });
});
