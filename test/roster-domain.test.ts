import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvText, neutraliseCell } from '../src/domain/csv';
import { parseHouseDefinition } from '../src/domain/house';
import { ADDED_COLUMNS, BELOW_INFLUENCER, NO_TIER, readRoster, writeTaggedCsv } from '../src/domain/roster';
import { detectDecimal } from '../src/domain/roster/cells';
import { detectDelimiter } from '../src/domain/roster/records';
import { totalsByTier } from '../src/domain/roster/totals';
import { consensusFor } from '../src/domain/consensus';
import { houseTiersOf } from '../src/domain/house-placing';

const utf8 = (text: string) => new TextEncoder().encode(text);
const FORMULA_START = /^\s*[=+\-@＝＋－＠]|^[\t\r\n]/;
/** A signed number or a lone dash: nothing in it can run, so it stays as the team wrote it. */
const INERT = /^ *(?:[+-]?[0-9][0-9.,]*(?:[eE][+-]?[0-9]+)?|-) *$/;
/** A cell a spreadsheet could run as a formula. */
const runnable = (cell: string) => FORMULA_START.test(cell) && !INERT.test(cell);

describe('neutraliseCell (OWASP CSV injection)', () => {
  it('makes every cell a spreadsheet would run into text, and leaves every other cell alone', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('=1+1', '+1', '-1', '-5', '-2+3', '@SUM(A1)', '@alice', '\tx', '\t-5', '\rx', '\nx', ' =x', '＝1', '－5', 'Sara', '-', '--', '-A1', '+3.5', '-1,200')), (cell) => {
        const out = neutraliseCell(cell);
        if (runnable(cell)) expect(out).toBe(`'${cell}`);
        else expect(out).toBe(cell);
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves a cell that is only a number or a lone dash as it is, and still neutralises handles and formulas', () => {
    for (const cell of ['-5', '+3.5', '-1,200', '-1.2E+03', ' -5 ', '-']) expect(neutraliseCell(cell)).toBe(cell);
    for (const cell of ['@alice', '-2+3', "-1+cmd|' /C calc'!A0", '=1', '+A1', '-A1', '--', '\t-5', '\nx', '－5', '- 5']) expect(neutraliseCell(cell)).toBe(`'${cell}`);
  });
});

describe('csvText', () => {
  it('quotes every cell with a line break, a lone LF or CR (Excel’s Alt+Enter) too, so any reader keeps the row whole', () => {
    expect(csvText([['name', 'bio'], ['Alice', 'Fashion\nBerlin'], ['Bob', 'one\rtwo']])).toBe('name,bio\r\nAlice,"Fashion\nBerlin"\r\nBob,"one\rtwo"\r\n');
    const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('\n', '\r', '\r\n', 'a\nb', 'a\rb', '"', ','));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 8 }), (rows) => {
        // A reader taking any of CRLF, LF and CR outside quotes as a row's end, as spreadsheets and Python's csv do.
        const back = parse(csvText(rows), { record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true }) as string[][];
        expect(back).toEqual(rows.map((r) => r.map(neutraliseCell)));
      }),
      { numRuns: 500 },
    );
  });
});

describe('writeTaggedCsv', () => {
  it('round-trips any cells in every delimiter: the input’s cells (neutralised), then the four added columns', () => {
    const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('45k', '1,2 Mio', '"', '""', '\n', '\r\n', ';', ',', '\t', '|', ' padded ', '=cmd', '-5', '-', '@x'));
    /** A cell as a spreadsheet reads it back: a formula made text by a leading ', anything else as typed (spaces kept). */
    const readBack = (c: string) => (runnable(c) ? `'${c}` : c);
    const blank = (row: readonly string[]) => row.every((c) => c.trim() === '');
    /**
     * The rows roster-tiers.csv has under its header: each input row in its place, a blank one
     * (every cell empty or spaces) written empty, and blank rows after the last filled one dropped
     * (a file's final line breaks are no rows).
     */
    const expectedRows = (rows: readonly string[][]) => {
      const lastFilled = rows.findLastIndex((row) => !blank(row));
      return rows.slice(0, lastFilled + 1).map((row) => (blank(row) ? row.map(() => '') : row.map(readBack)));
    };
    let compared = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(',', ';', '\t', '|'),
        fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { maxLength: 10 }),
        fc.nat(),
        (d, generated, at) => {
          // One row with a readable count, somewhere among the others, so that the file is never refused as having none.
          const rows = [...generated];
          rows.splice(at % (generated.length + 1), 0, ['a', '45k']);
          const quote = (c: string) => `"${c.replace(/"/g, '""')}"`;
          const text = [`name${d}followers`, ...rows.map((r) => r.map(quote).join(d))].join('\n');
          const read = readRoster(utf8(text));
          if (!read.ok) throw new Error(`refused: ${read.error.kind}`);
          const back = parse(writeTaggedCsv(read.roster), { delimiter: d }) as string[][];
          expect(back[0]).toEqual(['name', 'followers', ...ADDED_COLUMNS]);
          expect(back.slice(1).map((r) => r.slice(0, 2))).toEqual(expectedRows(rows));
          for (const r of back) for (const c of r) expect(runnable(c), c).toBe(false);
          compared++;
        },
      ),
      { numRuns: 400 },
    );
    expect(compared).toBe(400);
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

  // A Google Sheets .tsv keeps the commas in its headers: counting commas in the header line read it as one column of CSV.
  const TSV_WITH_COMMAS = 'Name, full\tFollowers, all platforms\tPlatform, main\nAnna\t12000\tInstagram\nBo, Jr.\t3,500\tTikTok\n';

  it('reads a .tsv with commas in its header cells as tab-separated, and finds its columns', () => {
    expect(detectDelimiter(TSV_WITH_COMMAS, 'team.tsv')).toBe('\t');
    const read = readRoster(utf8(TSV_WITH_COMMAS), { filename: 'Team Export.TSV' });
    if (!read.ok) throw new Error(read.error.kind);
    expect(read.roster.delimiter).toBe('\t');
    expect(read.roster.header).toEqual(['Name, full', 'Followers, all platforms', 'Platform, main']);
    expect(read.roster.columns).toMatchObject({ count: 1, name: 0, platform: 2 });
    expect(read.roster.rows.map((r) => r.count)).toEqual([12_000, 3_500]);
  });

  it('reads tab-separated text by its consistent columns whatever its name, and still reads CSVs with tabs inside quoted cells', () => {
    expect(detectDelimiter(TSV_WITH_COMMAS)).toBe('\t');
    expect(detectDelimiter(TSV_WITH_COMMAS, 'export.csv')).toBe('\t');
    const tabsInCells = '"name\tfull",bio,followers\n"Sara\tLind","likes\ttabs, and commas",45000\n"Tom\tBerg",x,1200\n';
    expect(detectDelimiter(tabsInCells, 'team.csv')).toBe(',');
    const read = readRoster(utf8(tabsInCells), { filename: 'team.csv' });
    if (!read.ok) throw new Error(read.error.kind);
    expect(read.roster.header).toEqual(['name\tfull', 'bio', 'followers']);
    expect(read.roster.rows.map((r) => r.count)).toEqual([45_000, 1_200]);
    // A .tsv whose header has no tab is not forced to tabs.
    expect(detectDelimiter('name,followers\nSara,45k\n', 'team.tsv')).toBe(',');
  });

  it('takes CRLF, LF and CR each as a row’s end wherever they come, and keeps the line breaks inside quoted cells', () => {
    const rowsOf = (text: string) => {
      const read = readRoster(utf8(text));
      if (!read.ok) throw new Error(read.error.kind);
      return read.roster.rows.map((r) => ({ line: r.line, cells: r.cells, extraCells: r.extraCells }));
    };
    expect(rowsOf('name,platform,followers\r\nA,IG,45k\nB,TikTok,12k\nC,YouTube,3k\r\nD,IG,1M\r\n')).toEqual([
      { line: 2, cells: ['A', 'IG', '45k'], extraCells: 0 },
      { line: 3, cells: ['B', 'TikTok', '12k'], extraCells: 0 },
      { line: 4, cells: ['C', 'YouTube', '3k'], extraCells: 0 },
      { line: 5, cells: ['D', 'IG', '1M'], extraCells: 0 },
    ]);
    expect(rowsOf('name,platform,followers\nA,IG,45k\r\nB,TikTok,12k\nC,YouTube,3k\n').map((r) => r.cells)).toEqual([
      ['A', 'IG', '45k'],
      ['B', 'TikTok', '12k'],
      ['C', 'YouTube', '3k'],
    ]);
    expect(rowsOf('name,bio,followers\rA,"one\rtwo",45k\rB,"x\r\ny",N/A\nC,z,3k\r\n')).toEqual([
      { line: 2, cells: ['A', 'one\rtwo', '45k'], extraCells: 0 },
      { line: 4, cells: ['B', 'x\r\ny', 'N/A'], extraCells: 0 },
      { line: 6, cells: ['C', 'z', '3k'], extraCells: 0 },
    ]);
  });

  it('tells decimal commas from decimal points by the count column, else by the delimiter', () => {
    expect(detectDecimal(['45.000', '1,2', '12,5k'], ',')).toBe(',');
    expect(detectDecimal(['45,000', '1.2', '12.5k'], ';')).toBe('.');
    expect(detectDecimal(['45000', '12000'], ';')).toBe(',');
    expect(detectDecimal(['45000', '12000'], ',')).toBe('.');
  });
});

describe('notes', () => {
  it('a count the publishers split evenly says which tiers they tie between, in words', () => {
    const read = readRoster(utf8('name,followers\nAnn,1000\n'));
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    expect(read.roster.rows[0]!.note).toContain('publishers tie between nano and micro');
  });
});

describe('totalsByTier', () => {
  it('orders below influencer size first, then each group by its counts (ties among them), no tier last; and sums exactly', () => {
    const rows = [
      { count: 2_000_000, bucket: 'mega' },
      { count: 500, bucket: BELOW_INFLUENCER },
      { count: 1_500, bucket: 'nano or micro' },
      { count: 30_000, bucket: 'micro' },
      { count: 40_000, bucket: 'micro' },
      { count: undefined, bucket: NO_TIER },
      { count: 7, bucket: NO_TIER },
    ];
    expect(totalsByTier(rows)).toEqual([
      { tier: BELOW_INFLUENCER, normal: undefined, creators: 1, followers: 500 },
      { tier: 'nano or micro', normal: undefined, creators: 1, followers: 1_500 },
      { tier: 'micro', normal: 'micro', creators: 2, followers: 70_000 },
      { tier: 'mega', normal: 'mega', creators: 1, followers: 2_000_000 },
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

describe('a quote never closed', () => {
  const unclosed = (text: string) => {
    const read = readRoster(utf8(text));
    if (read.ok) throw new Error('read');
    return read.error;
  };

  it.each([
    ['at the start of a row', 'name,followers\n"Anna,12000\nBo,300\nCy,400\n', 2],
    ['in a later cell', 'name,followers\nSara,45k\nTom,"12k\nLea,9k\n', 3],
    ['after a closed multi-line cell and CRLF line ends', 'name,bio,followers\r\nSara,"one\r\ntwo",45k\r\nTom,x,12k\r\nLea,"open,9k\r\nMo,y,1\r\n', 5],
    ['after multi-byte text', 'nom,abonnés\nÉlodie ✨,12000\nZoë,"300\n', 3],
    ['after Excel\'s sep= line', 'sep=;\nname;followers\nSara;45k\n"Tom;12k\n', 4],
  ])('is reported on the line where the quote opens (%s)', (_what, text, line) => {
    expect(unclosed(text)).toEqual({ kind: 'unclosed-quote', line, exact: true });
  });
});

describe('columns named by options', () => {
  const DUPE = 'name,followers,followers\nA,1000,2000\nB,50000,10\n';

  it('refuses a header two columns share, naming their numbers, and the number picks either', () => {
    const read = readRoster(utf8(DUPE), { countColumn: 'Followers' });
    expect(read).toEqual({ ok: false, error: { kind: 'ambiguous-column', option: 'count_column', given: 'Followers', columns: [1, 2], header: ['name', 'followers', 'followers'] } });
    for (const [given, column, counts] of [['2', 1, [1000, 50_000]], ['3', 2, [2000, 10]]] as const) {
      const picked = readRoster(utf8(DUPE), { countColumn: given });
      if (!picked.ok) throw new Error(picked.error.kind);
      expect(picked.roster.columns.count).toBe(column);
      expect(picked.roster.rows.map((r) => r.count)).toEqual(counts);
    }
    const names = readRoster(utf8('name,Name,followers\nA,a,1\n'), { nameColumn: 'name' });
    expect(names.ok || names.error.kind).toBe('ambiguous-column');
  });

  it('refuses a name_column that takes the count column, saying so rather than that there is no count column', () => {
    const basic = 'name,platform,followers\nAlice,Instagram,12000\n';
    expect(readRoster(utf8(basic), { nameColumn: 'followers' })).toEqual({
      ok: false,
      error: { kind: 'name-is-count', given: 'followers', column: 2, countColumnGiven: false, header: ['name', 'platform', 'followers'] },
    });
    expect(readRoster(utf8(basic), { nameColumn: 'followers', countColumn: '3' })).toMatchObject({ ok: false, error: { kind: 'name-is-count', column: 2, countColumnGiven: true } });
    // With another count column to read, naming one count column as the names is allowed.
    const wide = readRoster(utf8('IG followers,TT followers\n100,200\n'), { nameColumn: 'IG followers' });
    expect(wide.ok && wide.roster.columns).toMatchObject({ count: 1, name: 0 });
    // No count-like column at all is still "no count column".
    expect(readRoster(utf8('name,email\nA,a@x\n'), { nameColumn: 'name' })).toMatchObject({ ok: false, error: { kind: 'no-count-column' } });
  });
});

describe('totals by a house definition', () => {
  it('a house tier the publishers call below influencer size takes no tier’s colour', () => {
    const parsed = parseHouseDefinition('tiny 0-1k, small 1k-10k, big 10k+');
    if (!parsed.ok) throw new Error(parsed.reason);
    const totals = totalsByTier([{ count: 500, bucket: 'tiny' }, { count: 5_000, bucket: 'small' }], houseTiersOf(parsed.tiers));
    expect(totals.map((t) => [t.tier, t.normal])).toEqual([
      ['tiny', undefined],
      ['small', 'micro'],
    ]);
  });
});
