import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ADDED_COLUMNS, BELOW_INFLUENCER, NO_TIER, consensusFor, detectDecimal, detectDelimiter, neutraliseCell, readRoster, totalsByTier, writeTaggedCsv } from '../src/domain/roster';

const utf8 = (text: string) => new TextEncoder().encode(text);
const FORMULA_START = /^\s*[=+\-@＝＋－＠]|^[\t\r]/;

describe('neutraliseCell (OWASP CSV injection)', () => {
  it('makes every cell a spreadsheet would run into text, and leaves every other cell alone', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', ' =x', '＝1', 'Sara')), (cell) => {
        const out = neutraliseCell(cell);
        if (FORMULA_START.test(cell)) expect(out).toBe(`'${cell}`);
        else expect(out).toBe(cell);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('writeTaggedCsv', () => {
  it('round-trips any cells in every delimiter: the input’s cells (neutralised), then the four added columns', () => {
    const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('45k', '1,2 Mio', '"', '""', '\n', '\r\n', ';', ',', '\t', '|', ' padded ', '=cmd'));
    fc.assert(
      fc.property(fc.constantFrom(',', ';', '\t', '|'), fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 10 }), (d, rows) => {
        const quote = (c: string) => `"${c.replace(/"/g, '""')}"`;
        const text = [`name${d}followers`, ...rows.map((r) => r.map(quote).join(d))].join('\n');
        const read = readRoster(utf8(text));
        if (!read.ok) return; // e.g. every row blank
        const written = writeTaggedCsv(read.roster);
        const back = parse(written, { delimiter: d }) as string[][];
        expect(back[0]).toEqual(['name', 'followers', ...ADDED_COLUMNS]);
        expect(back.slice(1).map((r) => r.slice(0, 2))).toEqual(read.roster.rows.map((r) => r.cells.map(neutraliseCell)));
        for (const r of back) for (const c of r) expect(c).not.toMatch(FORMULA_START);
      }),
      { numRuns: 400 },
    );
  });
});

describe('reading', () => {
  it.each([
    ['name,followers', ','],
    ['name;followers', ';'],
    ['name\tfollowers', '\t'],
    ['name|followers', '|'],
    ['"name;with;semicolons",followers', ','],
    ['followers', ','],
  ])('finds the delimiter of %j', (header, delimiter) => {
    expect(detectDelimiter(`${header}\nx`)).toBe(delimiter);
  });

  it('tells decimal commas from decimal points by the count column, else by the delimiter', () => {
    expect(detectDecimal(['45.000', '1,2', '12,5k'], ',')).toBe(',');
    expect(detectDecimal(['45,000', '1.2', '12.5k'], ';')).toBe('.');
    expect(detectDecimal(['45000', '12000'], ';')).toBe(',');
    expect(detectDecimal(['45000', '12000'], ',')).toBe('.');
  });
});

describe('totalsByTier', () => {
  it('orders below influencer size, the tiers nano → mega, ties, then no tier; and sums exactly', () => {
    const rows = [
      { count: 2_000_000, bucket: 'mega' },
      { count: 500, bucket: BELOW_INFLUENCER },
      { count: 9_000, bucket: 'nano or micro' },
      { count: 30_000, bucket: 'micro' },
      { count: 40_000, bucket: 'micro' },
      { count: undefined, bucket: NO_TIER },
      { count: 7, bucket: NO_TIER },
    ];
    expect(totalsByTier(rows)).toEqual([
      { tier: BELOW_INFLUENCER, normal: undefined, creators: 1, followers: 500 },
      { tier: 'micro', normal: 'micro', creators: 2, followers: 70_000 },
      { tier: 'mega', normal: 'mega', creators: 1, followers: 2_000_000 },
      { tier: 'nano or micro', normal: undefined, creators: 1, followers: 9_000 },
      { tier: NO_TIER, normal: undefined, creators: 1, followers: 7 },
    ]);
  });

  it('totals every readable row once, whatever the counts', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000_000_000 }), { maxLength: 60 }), (counts) => {
        const rows = counts.map((count) => {
          const c = consensusFor(count);
          return { count, bucket: c.outcome === 'tier' ? c.word : c.outcome === 'below' ? BELOW_INFLUENCER : NO_TIER };
        });
        const totals = totalsByTier(rows);
        expect(totals.reduce((s, t) => s + t.creators, 0)).toBe(counts.length);
        expect(totals.reduce((s, t) => s + t.followers, 0)).toBe(counts.reduce((s, n) => s + n, 0));
        expect(new Set(totals.map((t) => t.tier)).size).toBe(totals.length);
      }),
      { numRuns: 300 },
    );
  });
});
