import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_MONEY, formatMoney, formatPercent, parseMoney, parsePercent } from '../src/domain/units';

const value = <T>(r: { ok: true; value: T } | { ok: false; reason: string }): T | string => (r.ok ? r.value : `error: ${r.reason}`);

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
    ['US$300', 300],
    ['+$20', 20],
    ['$10.126', 10.13], // rounded to cents
    ['1000b', MAX_MONEY],
    ['1T', MAX_MONEY],
    ['５ｋ', 5000], // full-width digits fold under NFKC
  ])('reads %j as %d', (text, expected) => {
    expect(value(parseMoney(text))).toBe(expected);
  });

  it.each(['-5', '-$5', '$-5', '−5', 'abc', '', '   ', '5kk', '1e5', '$', '1,00', '1001b', 'NaN', 'Infinity', '5 apples'])(
    'rejects %j',
    (text) => {
      const result = parseMoney(text);
      expect(result.ok).toBe(false);
    },
  );

  it('names the problem with a negative amount', () => {
    expect(parseMoney('-$5')).toEqual({ ok: false, reason: 'An amount of money cannot be negative.' });
  });

  it('never throws, and accepted amounts are within 0 … $1T and whole cents', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 50 }), (text) => {
        const r = parseMoney(text);
        if (r.ok) {
          expect(r.value).toBeGreaterThanOrEqual(0);
          expect(r.value).toBeLessThanOrEqual(MAX_MONEY);
          expect(Math.round(r.value * 100) / 100).toBe(r.value);
        }
      }),
    );
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
    ['1.234567', 1.2346], // kept to four decimal places
  ])('reads %j as %d', (text, expected) => {
    expect(value(parsePercent(text, 100))).toBe(expected);
  });

  it.each(['400%', '100.01', '-1', '−3%', 'abc', '', '%', '3%%', '1e2', '3,5'])('rejects %j (max 100)', (text) => {
    expect(parsePercent(text, 100).ok).toBe(false);
  });

  it('says when a rate is over the maximum', () => {
    expect(parsePercent('400%', 100)).toEqual({ ok: false, reason: '400% is more than the 100% allowed.' });
  });

  it('never throws, and accepted values are within 0 … max', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 50 }), fc.integer({ min: 1, max: 1000 }), (text, max) => {
        const r = parsePercent(text, max);
        if (r.ok) {
          expect(r.value).toBeGreaterThanOrEqual(0);
          expect(r.value).toBeLessThanOrEqual(max);
        }
      }),
    );
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
  ])('%d → %s', (n, text) => {
    expect(formatMoney(n)).toBe(text);
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
    [0.00001, '<0.0001%'],
  ])('%d → %s', (n, text) => {
    expect(formatPercent(n)).toBe(text);
  });
});
