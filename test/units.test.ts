import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFollowerCount } from '../src/domain/followers';
import { MAX_MONEY, formatMoney, formatMoneyExact, formatPercent, parseMoney, parsePercent, plainNumber, roundTo } from '../src/domain/units';

const value = <T>(r: { ok: true; value: T } | { ok: false; reason: string }): T | string => (r.ok ? r.value : `error: ${r.reason}`);

/** Whole digits, from none to `most` of them, as a user might group them: plain ("1250000"), by commas ("1,250,000") or by spaces ("1 250 000"). */
const wholeDigits = (most: number) =>
  fc
    .tuple(
      fc.integer({ min: 0, max: most }).chain((digits) => fc.integer({ min: 0, max: 10 ** digits - 1 })),
      fc.constantFrom('', ',', ' '),
    )
    .map(([n, sep]) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep));
/** A number as typed: whole digits, a decimal part, or both (".5"). */
const typedNumber = (mostDigits: number) =>
  fc
    .tuple(wholeDigits(mostDigits), fc.option(fc.stringMatching(/^[0-9]{1,9}$/), { nil: undefined }), fc.constantFrom(false, false, false, true))
    .map(([whole, decimals, leadingDot]) => (decimals === undefined ? whole : `${leadingDot ? '' : whole}.${decimals}`));
const around = (text: fc.Arbitrary<string>) => fc.tuple(fc.constantFrom('', ' '), text, fc.constantFrom('', ' ')).map((parts) => parts.join(''));

/** Money as people type it: "$1,250", "2.5k", "US$ 300", "$1.2M", "10 000 USD", "+$20". */
const moneyText = around(
  fc
    .tuple(
      fc.constantFrom('', '', '$', '$ ', 'US$', 'USD ', '+', '+$'),
      typedNumber(13),
      fc.constantFrom('', '', '', 'k', 'K', ' k', 'M', 'm', ' million', 'b', 'bn', 'T', ' USD', ' dollars'),
    )
    .map((parts) => parts.join('')),
);

/** Percentages as people type them: "2.5%", "12 percent", ".5", "+3 %", "0.000001". */
const percentText = around(
  fc
    .tuple(fc.constantFrom('', '', '+'), typedNumber(4), fc.constantFrom('', '%', '%', ' %', ' percent', 'pct'))
    .map((parts) => parts.join('')),
);

describe('parseMoney', () => {
  it.each([
    ['$5,000', 5000],
    ['5k', 5000],
    ['5,000', 5000],
    ['5000', 5000],
    ['$1.2M', 1_200_000],
    ['1.1m', 1_100_000], // exact: 11 × 1,000,000 ÷ 10, not 1,100,000.0000000002
    ['$ 2.5 million', 2_500_000],
    ['$0.50', 0.5],
    ['.75', 0.75],
    ['0', 0],
    ['300 USD', 300],
    ['USD 5000', 5000],
    ['10 000', 10_000],
    ['$1 250 000', 1_250_000],
    ['US$300', 300],
    ['+$20', 20],
    ['$10.1261', 10.13], // rounded to cents
    ['1.200.000', 1_200_000], // two dots cannot be a decimal point: thousands, as for follower counts
    ['$1.500.000', 1_500_000],
    ['0.500', 0.5], // nobody groups thousands after a lone 0
    ['1.500k', 1_500], // with a suffix the dot is a decimal point
    ['500.00', 500],
    ['1000b', MAX_MONEY],
    ['1T', MAX_MONEY],
    ['５ｋ', 5000], // full-width digits fold under NFKC
  ])('reads %j as %d', (text, expected) => {
    expect(value(parseMoney(text))).toBe(expected);
  });

  it.each(['-5', '-$5', '$-5', '−5', 'abc', '', '   ', '5kk', '1e5', '$', '1001b', 'NaN', 'Infinity', '5 apples'])(
    'rejects %j',
    (text) => {
      const result = parseMoney(text);
      expect(result.ok).toBe(false);
    },
  );

  it.each([
    [parseMoney, '5e3', 'an amount of money'],
    [parseMoney, '$1.5E+02', 'an amount of money'],
    [(text: string) => parsePercent(text, 100), '1e-2', 'a percentage'],
  ] as const)('refuses %j with an exponent as /tier does, saying to write it out', (parse, text, what) => {
    const r = parse(text);
    expect(r.ok ? '' : r.reason).toMatch(new RegExp(`^A number with an exponent \\(such as 1e3\\) is not ${what} I can read: write it out`));
  });

  it.each([
    ['500.000', '500.000 could mean $500 or $500,000', '`500000` or `500,000` for thousands, or `500.00` with cents'],
    ['$1.500', '1.500 could mean $1.50 or $1,500', '`1500` or `1,500` for thousands, or `1.50` with cents'],
    ['10.126', '10.126 could mean $10.13 or $10,126', '`10.13` with cents'],
  ])('refuses %j, one dot before three digits, naming both readings', (text, readings, forms) => {
    const r = parseMoney(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toContain(readings);
      expect(r.reason).toContain(forms);
    }
  });

  it('never reads a dotted number as a different amount from the follower count it reads (property)', () => {
    // "500.000" is 500,000 followers; as money it is refused or the same number, never $500.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 1, maxLength: 3 }), (head, groups) => {
        const text = [head, ...groups.map((g) => String(g).padStart(3, '0'))].join('.');
        const followers = parseFollowerCount(text);
        const money = parseMoney(text);
        if (followers.ok && money.ok && followers.value <= MAX_MONEY) expect(money.value).toBe(followers.value);
      }),
    );
  });

  it('names the problem with a negative amount', () => {
    expect(parseMoney('-$5')).toEqual({ ok: false, reason: 'An amount of money cannot be negative.' });
  });

  it('never throws, and accepted amounts are within 0 … $1T and whole cents', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof({ arbitrary: moneyText, weight: 4 }, { arbitrary: fc.string({ maxLength: 50 }), weight: 1 }), (text) => {
        const r = parseMoney(text);
        if (r.ok) {
          expect(r.value).toBeGreaterThanOrEqual(0);
          expect(r.value).toBeLessThanOrEqual(MAX_MONEY);
          expect(Math.round(r.value * 100) / 100).toBe(r.value);
          accepted++;
        }
      }),
      { numRuns: 500 },
    );
    // Most of the money-shaped text is an amount it reads: the checks above ran on hundreds.
    expect(accepted).toBeGreaterThan(200);
  });

  it('reads back any whole-cent amount it is given as plain text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_MONEY * 100 }), (cents) => {
        const text = (cents / 100).toFixed(2);
        expect(value(parseMoney(text))).toBe(cents / 100);
        expect(value(parseMoney(`$${text}`))).toBe(cents / 100);
      }),
    );
  });
});

describe('parsePercent', () => {
  it.each([
    ['3', 3],
    ['3%', 3],
    ['2.37', 2.37],
    ['2.37 %', 2.37],
    ['0.008%', 0.008],
    ['.5', 0.5],
    ['100', 100],
    ['0', 0],
    ['12 percent', 12],
    ['1.234567', 1.23457], // kept to six significant digits
    ['0.00001', 0.00001], // a tiny rate stays what was typed, never 0
    ['0.000000001', 1e-9],
  ])('reads %j as %d', (text, expected) => {
    expect(value(parsePercent(text, 100))).toBe(expected);
  });

  it.each(['400%', '100.01', '-1', '−3%', 'abc', '', '%', '3%%', '1e2'])('rejects %j (max 100)', (text) => {
    expect(parsePercent(text, 100).ok).toBe(false);
  });

  it('says when a rate is over the maximum', () => {
    expect(parsePercent('400%', 100)).toEqual({ ok: false, reason: '400% is more than the 100% allowed.' });
  });

  it('never throws, and accepted values are within 0 … max', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof({ arbitrary: percentText, weight: 4 }, { arbitrary: fc.string({ maxLength: 50 }), weight: 1 }), fc.integer({ min: 1, max: 1000 }), (text, max) => {
        const r = parsePercent(text, max);
        if (r.ok) {
          expect(r.value).toBeGreaterThanOrEqual(0);
          expect(r.value).toBeLessThanOrEqual(max);
          accepted++;
        }
      }),
      { numRuns: 500 },
    );
    expect(accepted).toBeGreaterThan(200);
  });
});

describe('formatMoney', () => {
  it.each([
    [1234, '$1,234'],
    [1777.5, '$1,778'],
    [0.24, '$0.24'],
    [8.333333, '$8.33'],
    [333.3333, '$333.33'],
    [100, '$100'],
    [0, '$0'],
    [0.001, '<$0.01'],
    [1_200_000, '$1.2M'],
    [150_000, '$150,000'],
    [2_500_000_000, '$2.5B'],
    [-9100, '−$9,100'],
    [-0.5, '−$0.50'],
    // The form is chosen after rounding: never "$1000", "$1,000,000" or "$1000B".
    [999.995, '$1,000'],
    [999.994, '$999.99'],
    [999_999.5, '$1M'],
    [999_999.49, '$999,999'],
    [999_949_999, '$999.95M'],
    [999_995_000, '$1B'],
    [999_999_999_999, '$1T'],
    [1e12, '$1T'],
    [1e16, '$10,000T'],
    // Past a million trillion, six significant digits: never "$1,908,999,999,999,999.8T".
    [1.9089999999999997e27, '$1,909,000,000,000,000T'],
    [3.3e27 / 3, '$1,100,000,000,000,000T'],
    [999_999_999_999 * 1e16, '$10,000,000,000,000,000T'], // 10^16 orders at $999,999,999,999
  ])('%d → %s', (n, text) => {
    expect(formatMoney(n)).toBe(text);
  });

  it('never shows four ungrouped digits, nor 1,000 of a unit that has a bigger one (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e15, noNaN: true }), (n) => {
        const text = formatMoney(n);
        expect(text).not.toMatch(/\d{4}/);
        expect(text).not.toMatch(/^\$1,000(\.\d+)?[MB]$/);
        expect(text).not.toMatch(/^\$1,000,000$/);
      }),
    );
  });

  it('never yields NaN text for finite numbers', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(formatMoney(n)).not.toMatch(/NaN|Infinity/);
        expect(formatPercent(n)).not.toMatch(/NaN|Infinity/);
      }),
    );
  });
});

describe('roundTo', () => {
  it.each([
    [0.145, 2, 0.15],
    [-85.855, 2, -85.86],
    [41.45, 1, 41.5],
    [0.00225, 4, 0.0023],
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [1e-7, 2, 0],
    [123.456, 1, 123.5],
  ])('rounds %d to %d places as its decimal text reads: %d', (n, decimals, rounded) => {
    expect(roundTo(n, decimals)).toBe(rounded);
  });
});

describe('formatMoneyExact', () => {
  it.each([
    [100_000_000, '$100M'],
    [2_500_000, '$2.5M'],
    [100_000_001, '$100,000,001'],
    [1_234_567, '$1,234,567'],
    [5000.01, '$5,000.01'],
    [100_000_000.01, '$100,000,000.01'],
    [1000, '$1,000'],
  ])('writes %d as %s: compact only where that is every digit', (n, text) => {
    expect(formatMoneyExact(n)).toBe(text);
  });
});

describe('formatPercent', () => {
  it.each([
    [2.37, '2.37%'],
    [2.015, '2.015%'],
    [0.008, '0.008%'],
    [-91, '−91%'],
    [77.75, '77.8%'],
    [-99.4, '−99.4%'],
    [1340, '1,340%'],
    [0, '0%'],
    [0.00001, '0.00001%'], // never "<0.0001%" for a value Tierbot keeps
    [0.0000123456, '0.000012%'],
    [1e-12, '<0.000000001%'],
    [1e31 / 3, '3,333,330,000,000,000,000,000,000,000,000%'], // six significant digits: no float noise
  ])('%d → %s', (n, text) => {
    expect(formatPercent(n)).toBe(text);
  });
});

describe('tiny and huge values', () => {
  it('refuses a positive amount that would round to $0, rather than keeping it as $0', () => {
    const r = parseMoney('0.004');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('less than half a cent');
    expect(value(parseMoney('0.005'))).toBe(0.01);
    expect(value(parseMoney('0'))).toBe(0);
  });

  it('refuses a positive percentage below the smallest kept, rather than keeping it as 0', () => {
    const r = parsePercent('0.0000000001', 100);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('smallest percentage Tierbot keeps, 0.000000001%');
  });

  it('writes numbers out without exponents or float noise', () => {
    expect(plainNumber(0.00001, 6)).toBe('0.00001');
    expect(plainNumber(22.885, 6)).toBe('22.885');
    expect(plainNumber(0.1 + 0.2, 6)).toBe('0.3');
    expect(plainNumber(1_908_999_999_999_999.8, 6, true)).toBe('1,909,000,000,000,000');
    expect(plainNumber(1.5e25, 6, true)).toBe('15,000,000,000,000,000,000,000,000');
  });

  it('never shows exponent notation or a fraction of a trillion past $1,000,000T (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e18, max: 1e30, noNaN: true }), (n) => {
        const text = formatMoney(n);
        expect(text).not.toMatch(/e[+-]?\d/);
        expect(text).toMatch(/^\$[\d,]+T$/);
      }),
    );
  });
});
