import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { definition, roster } from '../src/commands/roster';
import type { Attachment, Reply } from '../src/commands/types';
import { messageProblems } from '../src/commands/limits';
import { commandProblems } from '../tools/standin/limits';
import { neutraliseCell } from '../src/domain/csv';
import { ADDED_COLUMNS, MAX_ROSTER_ROWS, readRoster } from '../src/domain/roster';
import { consensusFor } from '../src/domain/consensus';
import { memoryStore, testComponentContext, testContext } from './support/context';
import { returnedCsv, runRoster, summaryOf, utf8, type RosterRun } from './support/roster';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/roster/${name}`, import.meta.url)));
const embedText = (reply: Reply) => JSON.stringify(reply.embeds);
const isRefusal = (reply: Reply) => reply.inputError === true && reply.flags === 64;

describe('/roster definition', () => {
  it('is a valid chat command, installable by users, usable in DMs, with a required attachment', () => {
    expect(commandProblems(definition as any)).toEqual([]);
    expect(definition.integration_types).toEqual([0, 1]);
    expect(definition.contexts).toEqual([0, 1, 2]);
    expect(definition.options[0]).toMatchObject({ type: 11, name: 'file', required: true });
    expect(definition.options.map((o) => o.name)).toEqual(['file', 'name_column', 'count_column', 'private']);
  });
});

describe('/roster: a Google Sheets export', () => {
  it('finds the columns by header, tags each row, totals per tier and lists the unreadable row by line', async () => {
    const reply = await runRoster(fixture('sheets-export.csv'), { filename: 'creators.csv' });
    const text = embedText(reply);
    expect(text).toContain('Columns used: followers “Followers” · name “Creator” · handle “Handle” · platform “Platform”');
    expect(text).toContain('Total: 9 creators');
    expect(text).toContain('Line 9 (“Ana Ruiz”): “n/a” — no follower count');
    const { records } = returnedCsv(reply);
    expect(records[0]).toEqual(['Creator', 'Handle', 'Platform', 'Followers', 'Notes', ...ADDED_COLUMNS]);
    expect(records).toHaveLength(11);
    const sara = records[1]!;
    const saraConsensus = consensusFor(45_000);
    expect(sara.slice(0, 5)).toEqual(['Sara Lind', "'@saralind", 'Instagram', '45k', 'fashion']);
    expect(sara[5]).toBe(saraConsensus.word);
    expect(sara[6]).toBe(saraConsensus.word);
    expect(sara[7]).toBe(`${saraConsensus.votes} of ${saraConsensus.of}`);
    expect(sara[7]).toMatch(/^\d+ of \d+$/);
    expect(records[3]![3]).toBe('30 000');
    expect(records[3]![4]).toBe('food, travel');
    expect(records[8]!.slice(5)).toEqual(['', '', '', 'not read: no follower count']);
    expect(reply.chart?.kind).toBe('roster');
    expect(reply.components?.[0]?.components[0]).toMatchObject({ label: 'Summary by platform' });
  });
});

describe('/roster: the bot process', () => {
  it('loads no chart library with the command (only the renderer process draws)', async () => {
    const source = readFileSync(new URL('../src/commands/roster.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/^import (?!type)[^;]*from '\.\.\/charts/m);
    const { MAX_ROSTER_BARS } = await import('../src/charts/roster');
    const many = Array.from({ length: 30 }, (_, i) => `c${i},${10 ** (i % 10)}`).join('\n');
    const store = memoryStore();
    const tiers = Array.from({ length: 12 }, (_, i) => `t${i} ${10 ** i}-${10 ** (i + 1) - 1}`).slice(0, 10).join(', ');
    await store.setHouse('7', { text: tiers, setById: '1', setByName: 'm', setAt: new Date('2026-12-01T00:00:00Z') });
    const reply = await runRoster(utf8(`name,followers\n${many}\n`), { guildId: '7', store });
    if (reply.chart?.kind !== 'roster') throw new Error('no chart');
    expect(reply.chart.opts.bars.length).toBeLessThanOrEqual(MAX_ROSTER_BARS);
  });
});

describe('/roster: 500 creators', () => {
  it('comes back tagged, totalled and charted, well within the 3-second window', async () => {
    const bytes = fixture('roster-500.csv');
    await runRoster(fixture('sheets-export.csv')); // modules and the classification table loaded
    const started = performance.now();
    const reply = await runRoster(bytes);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(2000); // typically ~100 ms; the window is 3 s

    const { records } = returnedCsv(reply);
    expect(records).toHaveLength(501);
    expect(records[0]).toEqual(['Creator', 'Platform', 'Followers', 'Country', ...ADDED_COLUMNS]);

    // Totals worked out independently from the input, through the same consensus.
    const input = parse(new TextDecoder().decode(bytes), { from_line: 2 }) as string[][];
    const expected = new Map<string, { creators: number; followers: number }>();
    let readable = 0;
    records.slice(1).forEach((row, i) => {
      expect(row.slice(0, 4)).toEqual(input[i]!.map(neutraliseCell));
      if (row[5] === '') return expect(row[7]).toMatch(/^not read: /);
      readable++;
      const count = Number(input[i]![2]!.replace(/,/g, '').replace(/k$/, 'e3').replace(/M$/, 'e6'));
      const c = consensusFor(Math.round(count));
      expect(row[5]).toBe(c.word);
      expect(row[6]).toBe(`${c.votes} of ${c.of}`);
      const key = c.outcome === 'tier' ? c.word : c.outcome === 'below' ? 'below influencer size' : 'no tier';
      const t = expected.get(key) ?? expected.set(key, { creators: 0, followers: 0 }).get(key)!;
      t.creators++;
      t.followers += Math.round(count);
    });
    expect(readable).toBe(495);
    const bars = reply.chart?.kind === 'roster' ? reply.chart.opts.bars : [];
    expect(new Map(bars.map((b) => [b.label, { creators: b.creators, followers: b.followers }]))).toEqual(expected);
    expect(embedText(reply)).toContain('Total: 495 creators');
    expect(embedText(reply)).toContain('Rows not read (5)');
  });

  it('draws the chart the reply asks for', async () => {
    const reply = await runRoster(fixture('roster-500.csv'));
    const { rosterChart } = await import('../src/charts/roster');
    if (reply.chart?.kind !== 'roster') throw new Error('no roster chart');
    const png = rosterChart(reply.chart.opts);
    expect(png.name).toBe('roster.png');
    expect([...png.data.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(png.description).toMatch(/495 creators by tier/);
  });
});

describe('/roster: hostile files', () => {
  it('neutralises formula injection in the returned CSV, and keeps quotes, commas and newlines inside fields', async () => {
    const reply = await runRoster(fixture('hostile.csv'));
    const { records } = returnedCsv(reply);
    const input = parse(new TextDecoder().decode(fixture('hostile.csv'))) as string[][];
    expect(records).toHaveLength(input.length);
    for (const row of records) for (const cell of row) expect(cell, cell).not.toMatch(/^\s*[=+\-@＝＋－＠]|^[\t\r]/);
    expect(records[1]![0]).toBe(`'${input[1]![0]}`);
    expect(records[1]![3]).toBe("'=1+1");
    expect(records[2]![3]).toBe("'-2+3");
    expect(records[4]![0]).toBe('Sara "The Creator" Lind');
    expect(records[4]![3]).toBe('line one\nline two, with a comma');
    expect(records[5]![0]).toBe('Tom, Jr.');
    expect(records[5]![3]).toBe('"quoted"');
    // "=10000+5" is not read as a count (nor run): it is reported, with its line.
    expect(embedText(reply)).toMatch(/Line 4 \(“.+”\): .*not a follower count/);
    // The mention and markdown in a name never reach the embed unescaped.
    expect(embedText(reply)).not.toContain('<@123456789012345678>');
  });

  it('refuses 5,001 rows, naming the limit', async () => {
    const rows = Array.from({ length: MAX_ROSTER_ROWS + 1 }, (_, i) => `c${i},${1000 + i}`);
    const reply = await runRoster(utf8(`name,followers\n${rows.join('\n')}\n`));
    expect(isRefusal(reply)).toBe(true);
    expect(embedText(reply)).toContain('5,001 rows; the limit is 5,000');
  });

  it('refuses a file wider than 500 columns before padding any row to its width', async () => {
    const started = performance.now();
    const reply = await runRoster(utf8(`followers${','.repeat(900_000)}\n${'1,'.repeat(1000)}\n`));
    expect(isRefusal(reply)).toBe(true);
    // The header's 900,000 blank cells are padding; the row under it has 1,000 real cells.
    expect(embedText(reply)).toContain('Line 2 of “team.csv” has 1,000 cells; the limit is 500 columns.');
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('takes exactly 5,000 rows', async () => {
    const rows = Array.from({ length: MAX_ROSTER_ROWS }, (_, i) => `c${i},${1000 + i}`);
    const reply = await runRoster(utf8(`name,followers\n${rows.join('\n')}\n`));
    expect(isRefusal(reply)).toBe(false);
    expect(embedText(reply)).toContain('Total: 5,000 creators');
  });

  it('takes 5,000 creators under which the sheet sums them in a Total row: the limit is on creators', async () => {
    const rows = Array.from({ length: MAX_ROSTER_ROWS }, (_, i) => `c${i},${1000 + i}`);
    const sum = Array.from({ length: MAX_ROSTER_ROWS }, (_, i) => 1000 + i).reduce((a, b) => a + b, 0);
    const reply = await runRoster(utf8(`name,followers\n${rows.join('\n')}\nTotal,${sum}\n`));
    expect(isRefusal(reply)).toBe(false);
    expect(embedText(reply)).toContain('Total: 5,000 creators');
  });

  it.each([
    ['random binary with NUL bytes', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256), /not a CSV or TSV/],
    ['a PNG renamed .csv', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /an image/],
    ['an .xlsx renamed .csv', utf8('PK\u0003\u0004\u0014\u0000[Content_Types].xml xl/workbook.xml'), /an Excel workbook/],
    ['an empty file', new Uint8Array(0), /is empty/],
    ['a file of blank lines', utf8('\n\n  \r\n\t\n'), /is empty/],
    ['Latin-1 text', Uint8Array.from([...utf8('name,followers\nZo'), 0xeb, ...utf8(',45000\n')]), /not UTF-8/],
    ['UTF-16 text', Uint8Array.from([0xff, 0xfe, ...[...'name,followers\n'].flatMap((ch) => [ch.charCodeAt(0), 0])]), /UTF-16/],
    ['UTF-16 text without a byte order mark', Uint8Array.from([...'name,followers\na,45k\n'].flatMap((ch) => [ch.charCodeAt(0), 0])), /UTF-16 text \(Excel's \\"Unicode Text\\"\); only UTF-8 is read/],
    ['big-endian UTF-16 text without a byte order mark', Uint8Array.from([...'name,followers\na,45k\n'].flatMap((ch) => [0, ch.charCodeAt(0)])), /UTF-16 text/],
    ['a JSON array saved as .csv', utf8('[{"name":"a","followers":45000}]'), /is a JSON file, not a CSV or TSV file/],
    ['pretty-printed JSON saved as .csv', utf8('[\n  {"name": "a", "followers": 45000},\n  {"name": "b", "followers": 12000}\n]\n'), /is a JSON file, not a CSV or TSV file/],
    ['JSON Lines saved as .csv', utf8('{"name":"a","followers":45000}\n{"name":"b","followers":12000}\n'), /is a JSON file, not a CSV or TSV file/],
    ['a header only', utf8('name,platform,followers\n'), /header row \(“name”, “platform”, “followers”\) but no creators/],
    ['a quote never closed', utf8('name,followers\nSara,45k\n"Tom,12k\nLea,9k\n'), /a quote .{1,6} that opens a field on line 3 is never closed/],
    ['no follower column', utf8('name,platform,country\nSara,IG,SE\n'), /could not find a follower-count column.*“name”, “platform”, “country”/],
  ])('refuses %s with a clear, ephemeral answer', async (_what, bytes, message) => {
    const reply = await runRoster(bytes);
    expect(isRefusal(reply)).toBe(true);
    expect(embedText(reply)).toMatch(message);
  });

  it('reads a CSV whose header cells are in brackets, which is no JSON', async () => {
    const reply = await runRoster(utf8('[name],followers\nSara,45k\n'));
    expect(isRefusal(reply)).toBe(false);
    expect(embedText(reply)).toContain('Total: 1 creator');
  });

  it('hands back cells holding a lone LF or CR (Excel’s Alt+Enter) quoted, so a reader taking either as a row’s end keeps each row whole', async () => {
    for (const text of ['name,platform,followers,bio\nAlice,Instagram,45k,"Fashion\nBerlin"\nBob,TikTok,1.2M,ok\n', 'name,bio,followers\rA,"one\rtwo",45k\rB,x,N/A\r']) {
      const csv = returnedCsv(await runRoster(utf8(text))).text;
      const rows = parse(csv, { record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true }) as string[][];
      expect(rows.map((r) => r.length)).toEqual(rows.map(() => rows[0]!.length));
      expect(rows).toHaveLength(3);
    }
  });

  it('refuses a file over 2 MB from its size, before downloading it', async () => {
    const file: Attachment = { id: '1', filename: 'big.csv', url: 'https://cdn.example/none', size: 3 * 1024 * 1024 };
    const reply = await roster.run({ file } as any, testContext());
    expect(isRefusal(reply)).toBe(true);
    expect(embedText(reply)).toContain('the limit is 2 MB');
  });

  it('never shows an over-limit size as the limit: one byte over reads in bytes', async () => {
    const over = async (size: number) => {
      const reply = await roster.run({ file: { id: '1', filename: 'big.csv', url: 'https://cdn.example/none', size } } as any, testContext());
      expect(isRefusal(reply)).toBe(true);
      return reply.embeds[0]!.description!;
    };
    expect(await over(2_097_153)).toContain('is 2,097,153 bytes; the limit is 2 MB (2,097,152 bytes).');
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2 * 1024 * 1024 + 1, max: 100 * 1024 * 1024 }), async (size) => {
        const [, number, unit] = /is ([\d,.]+) (MB|bytes);/.exec(await over(size))!;
        const shown = Number(number!.replace(/,/g, '')) * (unit === 'MB' ? 1024 * 1024 : 1);
        expect(shown).toBeGreaterThan(2 * 1024 * 1024);
        expect(shown).toBeLessThanOrEqual(size);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a file over 2 MB whose stated size was smaller', async () => {
    const big = utf8(`name,followers\n${'Sara,45000\n'.repeat(200_000)}`);
    const reply = await runRoster(big, { size: 100 });
    expect(isRefusal(reply)).toBe(true);
    expect(embedText(reply)).toContain('the limit is 2 MB');
  });

  it('refuses a workbook by its name, without downloading it', async () => {
    const file: Attachment = { id: '1', filename: 'Creators Q3.xlsx', url: 'https://cdn.example/none', size: 5000 };
    const reply = await roster.run({ file } as any, testContext());
    expect(isRefusal(reply)).toBe(true);
    expect(embedText(reply)).toMatch(/an Excel workbook, not a CSV/);
  });

  it('answers a failed download in words', async () => {
    const file: Attachment = { id: '1', filename: 'team.csv', url: 'https://cdn.example/gone', size: 50 };
    const reply = await roster.run({ file } as any, testContext());
    expect(isRefusal(reply)).toBe(true);
    expect(embedText(reply)).toContain('could not be downloaded');
  });
});

describe('/roster: European and tab-separated exports', () => {
  it('reads a semicolon-separated Excel export with a BOM and decimal commas, and answers in kind', async () => {
    const reply = await runRoster(fixture('excel-european.csv'));
    expect(embedText(reply)).toContain('semicolon-separated, decimal commas');
    expect(embedText(reply)).toContain('Total: 5 creators · 3,766,400 followers');
    const { text, records } = returnedCsv(reply);
    expect(text.startsWith('\uFEFFName;Plattform;Follower;Engagement;tier;consensus_tier;consensus_votes;note\r\n')).toBe(true);
    expect(records[2]!.slice(0, 4)).toEqual(['Tom Berg', 'TikTok', '1,2 Mio', '5,1']);
    expect(records[2]![5]).toBe(consensusFor(1_200_000).word);
  });

  it('reads a .tsv whose header cells hold commas as tab-separated, and Summary by platform reads its CSV back', async () => {
    const tsv = utf8('Name, full\tFollowers, all platforms\tPlatform, main\nAnna\t12000\tInstagram\nBo\t1,200,000\tTikTok\n');
    const reply = await runRoster(tsv, { filename: 'team.tsv' });
    expect(embedText(reply)).toContain('2 rows, tab-separated');
    expect(embedText(reply)).toContain('Columns used: followers “Followers, all platforms” · name “Name, full” · platform “Platform, main”');
    expect(embedText(reply)).toContain('Total: 2 creators · 1,212,000 followers');
    const { text } = returnedCsv(reply);
    expect(text.split('\r\n')[0]).toBe('Name, full\tFollowers, all platforms\tPlatform, main\ttier\tconsensus_tier\tconsensus_votes\tnote');
    expect((await summaryOf(reply)).embeds[0]!.fields!.map((f) => f.name)).toEqual(['Instagram — 1 creator · 12,000 followers', 'TikTok — 1 creator · 1,200,000 followers']);
  });

  it('reads a CSV with tabs inside quoted cells as comma-separated, and Summary by platform reads its CSV back', async () => {
    const csv = utf8('"name\tfull",platform,followers\n"Sara\tLind",Instagram,45000\n"Tom\tBerg",TikTok,1200\n');
    const reply = await runRoster(csv, { filename: 'team.csv' });
    expect(embedText(reply)).toContain('2 rows, comma-separated');
    expect(embedText(reply)).toContain('Total: 2 creators · 46,200 followers');
    const summary = await summaryOf(reply);
    expect(summary.inputError).toBeUndefined();
    expect(summary.embeds[0]!.fields!.map((f) => f.name)).toEqual(['Instagram — 1 creator · 45,000 followers', 'TikTok — 1 creator · 1,200 followers']);
  });

  it('reads a TSV and writes the CSV with tabs', async () => {
    const reply = await runRoster(fixture('team.tsv'), { filename: 'team.tsv' });
    const { text, records } = returnedCsv(reply);
    expect(text.split('\r\n')[0]).toBe('name\tplatform\tsubscribers\ttier\tconsensus_tier\tconsensus_votes\tnote');
    expect(records.map((r) => r[2])).toEqual(['subscribers', '45000', '1.2M', '3,500']);
    expect(embedText(reply)).toContain('Total: 3 creators · 1,248,500 followers');
  });
});

describe('/roster: rows of every shape', () => {
  it('honours Excel’s "sep=;" line and writes it back', async () => {
    const reply = await runRoster(utf8('sep=;\r\nName;Followers\r\nSara;45.000\r\nTom;oops\r\n'));
    expect(embedText(reply)).toContain('Line 4 (“Tom”): “oops”');
    const text = reply.files![0]!.data.toString('utf8');
    expect(text.split('\r\n').slice(0, 2)).toEqual(['sep=;', 'Name;Followers;tier;consensus_tier;consensus_votes;note']);
  });

  it('pads short rows, keeps cells past the last column in unnamed columns, keeps blank lines in place, and numbers lines as the file does', async () => {
    const reply = await runRoster(utf8('name,followers,platform\nSara,45k\n\nTom,12k,IG,extra,more\n"Lea\nLind",x\n'));
    const { records } = returnedCsv(reply);
    expect(records.map((r) => r.length)).toEqual([9, 9, 9, 9, 9]);
    expect(records[0]).toEqual(['name', 'followers', 'platform', '', '', ...ADDED_COLUMNS]);
    expect(records[1]!.slice(0, 5)).toEqual(['Sara', '45k', '', '', '']);
    // A blank line comes back blank, so the tier column lines up with the sheet it came from.
    expect(records[2]).toEqual(Array(9).fill(''));
    expect(records[3]!.slice(0, 5)).toEqual(['Tom', '12k', 'IG', 'extra', 'more']);
    expect(records[3]![8]).toMatch(/^2 cells past the header's last column \(a comma inside an unquoted cell\?\), kept in the unnamed columns after it/);
    expect(embedText(reply)).toContain('Line 5 (“Lea Lind”): “x”');
  });

  it('reads counts Excel wrote in scientific notation', async () => {
    const reply = await runRoster(utf8('name,followers\nSara,1.2E+06\nTom,4.5E+04\n'));
    expect(embedText(reply)).toContain('Total: 2 creators · 1,245,000 followers');
  });
});

describe('/roster: columns', () => {
  const WIDE = 'Creator;Instagram followers;TikTok followers\nSara;45.000;1,2 Mio\nTom;9.000;300\n';

  it('says which other count columns it saw, and count_column picks one (by header or number)', async () => {
    const first = await runRoster(utf8(WIDE));
    expect(embedText(first)).toContain('Other count columns: “TikTok followers”');
    expect(embedText(first)).toContain('platform Instagram (from the followers header)');
    const byName = await runRoster(utf8(WIDE), { count_column: 'tiktok FOLLOWERS' });
    expect(embedText(byName)).toContain('Total: 2 creators · 1,200,300 followers');
    const byNumber = await runRoster(utf8(WIDE), { count_column: '3' });
    expect(embedText(byNumber)).toContain('Total: 2 creators · 1,200,300 followers');
  });

  it('refuses a count_column or name_column that is not there, listing the headers', async () => {
    const reply = await runRoster(utf8(WIDE), { count_column: 'YouTube subs' });
    expect(isRefusal(reply)).toBe(true);
    expect(embedText(reply)).toMatch(/no column “YouTube subs” \(from `count_column:`\).*“Creator”, “Instagram followers”, “TikTok followers”/);
    expect(embedText(reply)).not.toContain('further down');
    const name = await runRoster(utf8(WIDE), { name_column: 'Handle' });
    expect(embedText(name)).toContain('from `name_column:`');
  });

  it('when two columns share the header count_column names, says so and gives numbers that work', async () => {
    const DUPE = utf8('name,followers,followers\nA,1000,2000\nB,50000,10\n');
    const first = await runRoster(DUPE);
    expect(embedText(first)).toContain('Columns used: followers “followers” (column 2)');
    expect(embedText(first)).toContain('Other count columns: “followers” (column 3). To count one of those instead, give its number: `count_column:3`.');
    const byName = await runRoster(DUPE, { count_column: 'followers' });
    expect(isRefusal(byName)).toBe(true);
    expect(byName.embeds[0]!.title).toBe('Which column?');
    expect(embedText(byName)).toContain('“followers” (from `count_column:`) is the header of 2 columns in “team.csv”: columns 2 and 3. Give the column\'s number instead, for example `count_column:2`');
    // The advice works: each number picks its own column.
    expect(embedText(await runRoster(DUPE, { count_column: '2' }))).toContain('Total: 2 creators · 51,000 followers');
    expect(embedText(await runRoster(DUPE, { count_column: '3' }))).toContain('Total: 2 creators · 2,010 followers');
    // In full-width digits too, as every other number Tierbot reads.
    expect(embedText(await runRoster(DUPE, { count_column: '３' }))).toContain('Total: 2 creators · 2,010 followers');
  });

  it('a name_column that names the count column is refused for that reason, not as a missing count column', async () => {
    const basic = utf8('name,platform,followers\nAlice,Instagram,12000\n');
    const reply = await runRoster(basic, { name_column: 'followers' });
    expect(isRefusal(reply)).toBe(true);
    expect(reply.embeds[0]!.title).toBe('Names and counts in one column');
    expect(embedText(reply)).toContain('`name_column:` names “followers” (column 3), the only column with follower counts');
    expect(embedText(reply)).not.toContain('could not find a follower-count column');
    const both = await runRoster(basic, { name_column: 'followers', count_column: 'followers' });
    expect(embedText(both)).toContain('`name_column:` and `count_column:` both name “followers” (column 3)');
  });

  it('name_column overrides the guess', async () => {
    const reply = await runRoster(utf8('name,alias,followers\nSara Lind,sara,45k\n'), { name_column: 'alias' });
    expect(embedText(reply)).toContain('name “alias”');
  });
});

describe('/roster: the house definition first', () => {
  const HOUSE = 'seed 1k-10k, growth 10k-100k, star 100k+';

  it('tags by the house tiers’ own names, and still gives the consensus beside them', async () => {
    const store = memoryStore();
    await store.setHouse('42', { text: HOUSE, setById: '1', setByName: 'manager', setAt: new Date('2026-12-01T00:00:00Z') });
    const reply = await runRoster(fixture('sheets-export.csv'), { guildId: '42', store });
    expect(embedText(reply)).toContain('Tiers by your house definition');
    const { records } = returnedCsv(reply);
    const tierOf = new Map(records.slice(1).map((r) => [r[0], r[5]]));
    expect(tierOf.get('Sara Lind')).toBe('growth');
    expect(tierOf.get('Tom Berg')).toBe('star');
    // Outside every house tier: named where it falls, as /tier and /compare place it, and as the reply's table groups it.
    expect(tierOf.get('Noor Aziz')).toBe('below seed');
    expect(records.find((r) => r[0] === 'Noor Aziz')![8]).toMatch(/^house tiers: below seed/);
    expect(records.find((r) => r[0] === 'Sara Lind')![6]).toBe(consensusFor(45_000).word);
    if (reply.chart?.kind !== 'roster') throw new Error('no chart');
    expect(reply.chart.opts.bars.map((b) => b.label)).toEqual(['below seed', 'seed', 'growth', 'star']);
  });

  it('goes on by the publishers’ consensus when the store fails, and says so in one line', async () => {
    const store = { ...memoryStore(), house: async () => Promise.reject(new Error('database down')) };
    const reply = await runRoster(fixture('sheets-export.csv'), { guildId: '42', store });
    expect(embedText(reply)).toContain('house definition is unavailable right now');
    expect(embedText(reply)).toContain("Tiers by the publishers' consensus");
    expect(reply.files?.[0]?.name).toBe('roster-tiers.csv');
  });

  it('does not wait on a slow store: after a second it goes on by the publishers’ consensus', async () => {
    const store = { ...memoryStore(), house: () => new Promise<never>(() => {}) };
    const started = performance.now();
    const reply = await runRoster(fixture('sheets-export.csv'), { guildId: '42', store });
    expect(performance.now() - started).toBeLessThan(3000);
    expect(embedText(reply)).toContain('house definition is unavailable right now');
  });

  it('uses no house definition in a DM', async () => {
    const reply = await runRoster(fixture('sheets-export.csv'));
    expect(embedText(reply)).not.toContain('house');
  });
});

describe('/roster: tiers in the order of their counts', () => {
  /** The group names in a field of tier lines ("**nano** — 1 creator · 3,000 followers"). */
  const tierNames = (value: string) => value.split('\n').map((line) => /^\*\*(.+?)\*\* — /.exec(line)![1]!);
  it('lists every group, ties included, from the smallest counts to the largest: in the reply, the chart and Summary by platform', async () => {
    // A creator in every stretch of counts the publishers' answer changes over, from 0 to 2,000,000,000.
    const counts = [0, 500, 1_000, 1_800, 3_000, 8_000, 50_000, 150_000, 220_000, 500_000, 2_000_000, 2_000_000_000];
    const reply = await runRoster(utf8(`name,platform,followers\n${counts.map((n, i) => `c${i},Instagram,${n}`).join('\n')}\n`));
    // Each group's counts, by the consensus the rows are tagged with.
    const spans = new Map<string, { lowest: number; highest: number }>();
    for (const n of counts) {
      const c = consensusFor(n);
      const group = c.outcome === 'below' ? 'below influencer size' : c.word;
      const span = spans.get(group) ?? spans.set(group, { lowest: n, highest: n }).get(group)!;
      span.highest = n;
    }
    const expected = [...spans.keys()];
    expect(expected.filter((g) => g.includes(' or ')).length).toBeGreaterThan(0);
    expected.slice(1).forEach((g, i) => expect(spans.get(expected[i]!)!.highest).toBeLessThan(spans.get(g)!.lowest));

    if (reply.chart?.kind !== 'roster') throw new Error('no chart');
    expect(reply.chart.opts.bars.map((b) => b.label)).toEqual(expected);
    expect(tierNames(reply.embeds[0]!.fields!.find((f) => f.name === 'By tier')!.value)).toEqual(expected);
    const summary = await summaryOf(reply);
    expect(tierNames(summary.embeds[0]!.fields![0]!.value)).toEqual(expected);
  });

  it('for any counts, by the consensus or a house definition with a gap: each group’s counts are all below the next group’s, in the chart and the summary', async () => {
    // Counts of every size, small ones as often as large: each tie spans a narrow stretch (thousands, not billions).
    const followerCount = fc.oneof(fc.integer({ min: 0, max: 5_000 }), fc.integer({ min: 0, max: 500_000 }), fc.integer({ min: 0, max: 3_000_000_000 }));
    const store = memoryStore();
    await store.setHouse('42', { text: 'seed 1k-10k, growth 10k-100k, star 500k-5M', setById: '1', setByName: 'manager', setAt: new Date('2026-12-01T00:00:00Z') });
    await fc.assert(
      fc.asyncProperty(fc.array(followerCount, { minLength: 1, maxLength: 30 }), fc.boolean(), async (counts, house) => {
        const reply = await runRoster(utf8(`name,platform,followers\n${counts.map((n, i) => `c${i},TikTok,${n}`).join('\n')}\n`), house ? { guildId: '42', store } : {});
        const { records } = returnedCsv(reply);
        const spans = new Map<string, { lowest: number; highest: number }>();
        for (const row of records.slice(1)) {
          const n = Number(row[2]);
          const span = spans.get(row[3]!) ?? spans.set(row[3]!, { lowest: n, highest: n }).get(row[3]!)!;
          span.lowest = Math.min(span.lowest, n);
          span.highest = Math.max(span.highest, n);
        }
        if (reply.chart?.kind !== 'roster') throw new Error('no chart');
        const order = reply.chart.opts.bars.map((b) => b.label);
        expect(new Set(order)).toEqual(new Set(spans.keys()));
        order.slice(1).forEach((g, i) => expect(spans.get(order[i]!)!.highest).toBeLessThan(spans.get(g)!.lowest));
        expect(tierNames((await summaryOf(reply)).embeds[0]!.fields![0]!.value).map((t) => t.replace(/\\/g, ''))).toEqual(order);
      }),
      { numRuns: 60 },
    );
  });
});

describe('/roster: Summary by platform', () => {
  async function press(reply: Reply, attachments?: Attachment[]) {
    const id = (reply.components?.[0]?.components[0] as { custom_id: string }).custom_id;
    expect(id.length).toBeLessThanOrEqual(100);
    const csv = reply.files![0]!.data;
    const url = 'https://cdn.discordapp.com/attachments/9/9/roster-tiers.csv';
    const context = testComponentContext({ files: { [url]: new Uint8Array(csv) }, attachments: attachments ?? [{ id: '5', filename: 'roster-tiers.csv', url, size: csv.length }] });
    const answer = await roster.component!(id, [], context);
    expect(messageProblems(answer.reply)).toEqual([]);
    return answer;
  }

  it('re-reads the CSV on the message and splits the per-tier totals by platform', async () => {
    const reply = await runRoster(fixture('sheets-export.csv'));
    const answer = await press(reply);
    expect(answer.mode).toBe('reply');
    const fields = answer.reply.embeds[0]!.fields!;
    expect(fields.map((f) => f.name.split(' — ')[0])).toEqual(['Instagram', 'TikTok', 'YouTube', 'Twitch']);
    expect(fields[0]!.name).toBe('Instagram — 4 creators · 174,850 followers');
    expect(answer.reply.embeds[0]!.title).toBe('Roster by platform: 9 creators');
  });

  it('works from the 500-row roster, with platform spellings merged', async () => {
    const answer = await press(await runRoster(fixture('roster-500.csv')));
    const names = answer.reply.embeds[0]!.fields!.map((f) => f.name.split(' — ')[0]!.replace(/\\/g, ''));
    expect(names.sort()).toEqual(['Instagram', 'TikTok', 'Twitch', 'X (Twitter)', 'YouTube']);
    expect(answer.reply.embeds[0]!.title).toBe('Roster by platform: 495 creators');
  });

  it('says so when the CSV is no longer attached', async () => {
    const answer = await press(await runRoster(fixture('sheets-export.csv')), []);
    expect(answer.reply.inputError).toBe(true);
    expect(JSON.stringify(answer.reply)).toContain('no longer attached');
  });

  it('counts everyone under the platform the followers header names when there is no platform column', async () => {
    const answer = await press(await runRoster(utf8('Creator,Instagram followers\nSara,45k\nTom,1.2M\n')));
    expect(answer.reply.embeds[0]!.fields!.map((f) => f.name)).toEqual(['Instagram — 2 creators · 1,245,000 followers']);
    expect(answer.reply.embeds[0]!.description).toContain('no platform column');
  });

  it('refuses a roster-tiers.csv it did not write', async () => {
    const reply = await runRoster(fixture('sheets-export.csv'));
    const id = (reply.components![0]!.components[0] as { custom_id: string }).custom_id;
    const forged = utf8('Creator,Handle,Platform,Followers\nSara,@s,IG,45k\n');
    const context = testComponentContext({ files: { f: forged }, attachments: [{ id: '1', filename: 'roster-tiers.csv', url: 'f', size: forged.length }] });
    const answer = await roster.component!(id, [], context);
    expect(answer.reply.inputError).toBe(true);
    expect(JSON.stringify(answer.reply)).toContain('does not have the columns I add');
  });

  it('refuses a forged custom_id', async () => {
    const answer = await roster.component!('roster:platform:999999:x:p:x', [], testComponentContext());
    expect(answer.reply.inputError).toBe(true);
  });
});

describe('/roster: nothing user-supplied breaks a reply', () => {
  it('keeps every reply within Discord’s limits for long headers, long cells and many bad rows', async () => {
    const long = 'x'.repeat(5000);
    const header = Array.from({ length: 200 }, (_, i) => `${long}${i}`).join(',');
    expect(isRefusal(await runRoster(utf8(`${header}\n${'a,'.repeat(199)}a\n`)))).toBe(true);
    const bad = Array.from({ length: 3000 }, (_, i) => `${long.slice(0, 300)}${i},${'<@1>'.repeat(60)}`).join('\n');
    const reply = await runRoster(utf8(`name,followers\n${bad}\nok,45k\n`));
    expect(embedText(reply)).toContain('Rows not read (3,000)');
    const manyTiers = await runRoster(utf8(`name,platform,followers\n${Array.from({ length: 400 }, (_, i) => `n${i},${'p'.repeat(300)}${i},${1000 + i * 977}`).join('\n')}\n`));
    const id = (manyTiers.components![0]!.components[0] as { custom_id: string }).custom_id;
    const context = testComponentContext({ files: { u: new Uint8Array(manyTiers.files![0]!.data) }, attachments: [{ id: '1', filename: 'roster-tiers.csv', url: 'u', size: 1 }] });
    const summary = await roster.component!(id, [], context);
    expect(summary.reply.embeds[0]!.fields!.at(-1)!.name).toMatch(/more platforms/);
    expect(messageProblems(summary.reply)).toEqual([]);
  });

  it('for any cells at all: answers within limits, and the CSV round-trips every cell (formulas neutralised)', async () => {
    const cell = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('45k', '1,2 Mio', '=1+1', '"', '\n', ';', '\t', '@x', '-5'));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 20 }), async (rows) => {
        const quote = (c: string) => `"${c.replace(/"/g, '""')}"`;
        const text = ['name,platform,followers', ...rows.map((r) => r.map(quote).join(','))].join('\n');
        const reply = await runRoster(utf8(text));
        if (reply.inputError) return;
        const { records } = returnedCsv(reply);
        const read = readRoster(utf8(text));
        if (!read.ok) throw new Error('refused by the domain but not by the command');
        expect(records.slice(1).map((r) => r.slice(0, 3))).toEqual(read.roster.rows.map((r) => r.cells.map(neutraliseCell)));
      }),
      { numRuns: 150 },
    );
  });
});

describe('/roster: a file without a header row', () => {
  const HEADERLESS = 'Sara,Instagram,45000\nBo,TikTok,1200000\n';

  it('reads every row as a creator when count_column: picks a column whose first cell is a follower count, and says so', async () => {
    const reply = await runRoster(utf8(HEADERLESS), { count_column: '3' });
    expect(isRefusal(reply)).toBe(false);
    const text = embedText(reply);
    expect(text).toContain('Total: 2 creators · 1,245,000 followers');
    expect(text).toContain('No header row: line 1 already has a follower count in column 3');
    expect(text).toContain('Columns used: followers “column 3”');
    const tagged = (n: number) => [consensusFor(n).word, consensusFor(n).word, `${consensusFor(n).votes} of ${consensusFor(n).of}`, ''];
    expect(returnedCsv(reply).records).toEqual([
      ['column 1', 'column 2', 'column 3', ...ADDED_COLUMNS],
      ['Sara', 'Instagram', '45000', ...tagged(45_000)],
      ['Bo', 'TikTok', '1200000', ...tagged(1_200_000)],
    ]);
  });

  it('takes a single row without a header as one creator', async () => {
    const reply = await runRoster(utf8('Sara,Instagram,45k\n'), { count_column: '3' });
    expect(embedText(reply)).toContain('Total: 1 creator · 45,000 followers');
  });

  it('keeps a header row whose count column is headed by a number when its other headers are headers (name, platform, …)', async () => {
    const reply = await runRoster(utf8('Name,2023,2024\nSara,40000,45000\n'), { count_column: '3' });
    expect(embedText(reply)).toContain('Total: 1 creator · 45,000 followers');
    expect(embedText(reply)).not.toContain('No header row');
    expect(returnedCsv(reply).records[0]).toEqual(['Name', '2023', '2024', ...ADDED_COLUMNS]);
  });
});

describe('/roster: no row with a readable follower count', () => {
  it('is refused, for the user alone, naming the column read and the count forms accepted', async () => {
    const reply = await runRoster(utf8('name,platform,followers\nSara,IG,n/a\nBo,TikTok,TBD\nLea,YT,ask agent\n'));
    expect(isRefusal(reply)).toBe(true);
    expect(reply.files ?? []).toEqual([]);
    expect(reply.embeds[0]!.title).toBe('No follower counts to read');
    const text = reply.embeds[0]!.description!;
    expect(text).toContain('No row of “team.csv” has a follower count I can read in the column “followers” (column 3): it holds “n/a”, “TBD”, “ask agent”.');
    expect(text).toMatch(/Accepted:\*\* .*`30,000`.*`1\.2M`.*`1,2 Mio`/);
  });

  it('names the column count_column: chose', async () => {
    const reply = await runRoster(utf8('name,platform,followers\nSara,Instagram,45k\n'), { count_column: 'platform' });
    expect(isRefusal(reply)).toBe(true);
    expect(reply.embeds[0]!.description).toContain('in the column “platform” (column 2): it holds “Instagram”');
  });

  it('says the column is empty when it is', async () => {
    const reply = await runRoster(utf8('name,followers,bio\nSara,,x\nBo, ,y\n'));
    expect(isRefusal(reply)).toBe(true);
    expect(reply.embeds[0]!.description).toContain('its cells are empty');
  });
});

describe('/roster: re-tagging a roster-tiers.csv', () => {
  const retag = async (bytes: Uint8Array, opts: RosterRun = {}) => {
    const first = returnedCsv(await runRoster(bytes, opts)).text;
    const again = await runRoster(utf8(first), { ...opts, filename: 'roster-tiers.csv' });
    return { first, again, text: returnedCsv(again).text };
  };

  it.each(['sheets-export.csv', 'excel-european.csv', 'hostile.csv', 'roster-500.csv'])('gives the roster-tiers.csv of %s back unchanged, and says its added columns were replaced', async (name) => {
    const { first, again, text } = await retag(fixture(name));
    expect(text).toBe(first);
    expect(embedText(again)).toContain('Replaced the file’s own tier, consensus_tier, consensus_votes and note columns with fresh ones');
  });

  it('gives the same file back by a house definition, and for a file without a header row', async () => {
    const store = memoryStore();
    await store.setHouse('42', { text: 'seed 1k-10k, growth 10k-100k, star 100k+', setById: '1', setByName: 'm', setAt: new Date('2026-12-01T00:00:00Z') });
    const house = await retag(fixture('sheets-export.csv'), { guildId: '42', store });
    expect(house.text).toBe(house.first);
    const headerless = await retag(utf8('Sara,Instagram,45000\nBo,TikTok,1200000\n'), { count_column: '3' });
    expect(headerless.text).toBe(headerless.first);
  });

  it('replaces an earlier tagging’s four columns wherever they are: each added column comes last, once', async () => {
    const reply = await runRoster(utf8('name,tier,followers,consensus_tier,consensus_votes,note\nSara,gold,45k,x,1 of 2,old\n'));
    const c = consensusFor(45_000);
    expect(returnedCsv(reply).records).toEqual([
      ['name', 'followers', ...ADDED_COLUMNS],
      ['Sara', '45k', c.word, c.word, `${c.votes} of ${c.of}`, ''],
    ]);
    expect(embedText(reply)).toContain('Replaced the file’s own tier, consensus_tier, consensus_votes and note columns with fresh ones');
  });

  it('keeps a team’s own "note" or "tier" column, contents and all, when the file is no earlier tagging', async () => {
    const reply = await runRoster(utf8('name,followers,note,tier\nSara,45k,met at VidCon,A-list\nBo,1.2M,agency: XYZ,B\n'));
    const records = returnedCsv(reply).records;
    expect(records[0]).toEqual(['name', 'followers', 'note', 'tier', ...ADDED_COLUMNS]);
    expect(records[1]!.slice(0, 4)).toEqual(['Sara', '45k', 'met at VidCon', 'A-list']);
    expect(records[2]!.slice(0, 4)).toEqual(['Bo', '1.2M', 'agency: XYZ', 'B']);
    expect(embedText(reply)).not.toContain('Replaced');
  });

  it('Summary by platform reads the columns where roster-tiers.csv has them, after a replaced one', async () => {
    const reply = await runRoster(utf8('name,tier,consensus_tier,consensus_votes,note,platform,followers\nSara,gold,x,y,z,Instagram,45k\nBo,x,x,y,z,TikTok,1.2M\n'));
    expect(returnedCsv(reply).records[0]).toEqual(['name', 'platform', 'followers', ...ADDED_COLUMNS]);
    expect((await summaryOf(reply)).embeds[0]!.fields!.map((f) => f.name)).toEqual(['Instagram — 1 creator · 45,000 followers', 'TikTok — 1 creator · 1,200,000 followers']);
  });

  it('refuses a name_column: or count_column: that names a column of an earlier tagging, which it replaces', async () => {
    const reply = await runRoster(utf8('name,note,followers,tier,consensus_tier,consensus_votes\nSara,x,45k,a,b,c\n'), { name_column: 'note' });
    expect(isRefusal(reply)).toBe(true);
    expect(reply.embeds[0]!.title).toBe('A column I replace');
    expect(reply.embeds[0]!.description).toContain('`name_column:` names “note” (column 2), one of the columns I add (tier, consensus_tier, consensus_votes, note)');
    expect(isRefusal(await runRoster(utf8('name,tier,followers,consensus_tier,consensus_votes,note\nSara,45k,45k,a,b,c\n'), { count_column: '2' }))).toBe(true);
    // A team's own "note" column alone is theirs to name.
    expect(isRefusal(await runRoster(utf8('name,note,followers\nSara,x,45k\n'), { name_column: 'note' }))).toBe(false);
  });

  /** The reply as a user reads it, but for the line saying the added columns were replaced and the file's name. */
  const answerOf = (reply: Reply) => ({
    description: reply.embeds[0]!.description!.split('\n').filter((line) => !line.startsWith('Replaced') && !line.startsWith('Read ')),
    fields: reply.embeds[0]!.fields,
  });

  it('gives back the same file and answer for rows with cells past the header, and shows the cells as the user wrote them', async () => {
    const { first, again, text } = await retag(utf8('name,platform,followers\nr7,Instagram,-5\nr15,Instagram,  7,000 \nSmith, Jane,Instagram,45000\n@ann,IG,10k\n@ann,Instagram,12k\n'));
    expect(text).toBe(first);
    const original = await runRoster(utf8('name,platform,followers\nr7,Instagram,-5\nr15,Instagram,  7,000 \nSmith, Jane,Instagram,45000\n@ann,IG,10k\n@ann,Instagram,12k\n'));
    expect(answerOf(again)).toEqual(answerOf(original));
    const shown = embedText(again);
    expect(shown).toContain('Line 2 (“r7”): “\\\\-5” — a follower count cannot be negative');
    expect(shown).toContain('Lines 3 and 4 have more cells than the header\'s 3 columns');
    expect(shown).toContain('Line 6: “\\\\@ann” on Instagram — same as line 5');
    expect(parse(text.replace(/^\uFEFF/, '')).map((r: string[]) => r.at(-1))).toEqual([
      'note',
      'not read: a follower count cannot be negative',
      expect.stringContaining('1 cell past the header\'s last column'),
      expect.stringContaining('1 cell past the header\'s last column'),
      expect.any(String),
      expect.stringContaining('repeat of line 5'),
    ]);
  });

  it('for any roster, rows of any width: its own roster-tiers.csv, tagged again, gives the same file and the same answer', async () => {
    const cell = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('45k', '1,2 Mio', '=1+1', '\n', '\r', '@x', '-5', ' 3k ', "'=x", ''));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 10 }), async (generated) => {
        // Blank rows, and blank cells past the header, are not kept (no one typed them): they would move the next rows' line numbers.
        const rows = generated.filter((r) => r.some((c) => c.trim() !== '')).map((r) => r.map((c, i) => (i >= 3 && c.trim() === '' ? 'x' : c)));
        const quote = (c: string) => `"${c.replace(/"/g, '""')}"`;
        const first = await runRoster(utf8(['name,platform,followers', ...rows.map((r) => r.map(quote).join(','))].join('\n')));
        if (first.inputError) return;
        const text = returnedCsv(first).text;
        const again = await runRoster(utf8(text));
        expect(returnedCsv(again).text).toBe(text);
        expect(answerOf(again)).toEqual(answerOf(first));
      }),
      { numRuns: 100 },
    );
  });

  it('for any roster: its own roster-tiers.csv, tagged again, comes back unchanged', async () => {
    const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('45k', '1,2 Mio', '=1+1', '"', '\n', ';', '@x', '-5', ' 3k ', "'=x"));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 12 }), async (rows) => {
        const quote = (c: string) => `"${c.replace(/"/g, '""')}"`;
        const first = await runRoster(utf8(['name,platform,followers', ...rows.map((r) => r.map(quote).join(','))].join('\n')));
        if (first.inputError) return;
        const text = returnedCsv(first).text;
        expect(returnedCsv(await runRoster(utf8(text))).text).toBe(text);
      }),
      { numRuns: 100 },
    );
  });
});
