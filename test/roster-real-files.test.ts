/**
 * /roster on files as marketers export them: total and summary rows under the creators, in other
 * words and languages (pivot tables' totals, averages); follower and name headers of other
 * languages; a unit in the count column's header, in English or not; a title or blank lines above
 * the header, and blank rows between creators, kept in place in roster-tiers.csv; "no value" marks,
 * Excel's error values, prices, percentages and dates in the count column; negative numbers in other
 * columns; a team's own note or tier column uploaded again; change and date columns beside the
 * follower count; GRIN's First Name, Last Name and handle columns; HTML pages; files with many long
 * problem rows; and counts written with "mil".
 */

import { describe, expect, it } from 'vitest';
import type { Reply } from '../src/commands/types';
import { embedLength } from '../src/commands/limits';
import { returnedCsv, runRoster, summaryOf } from './support/roster';

const description = (reply: Reply) => reply.embeds[0]!.description!;
const field = (reply: Reply, name: string) => reply.embeds[0]!.fields!.find((f) => f.name.startsWith(name))?.value;
const total = (creators: number, followers: number) => `**Total: ${creators} creator${creators === 1 ? '' : 's'} · ${followers.toLocaleString('en-US')} followers**`;

describe('/roster: a total row under the creators', () => {
  it('is set aside as a total row, not counted in any tier or the totals, and noted in the CSV', async () => {
    const reply = await runRoster('Name,Platform,Followers\nSara,Instagram,45000\nTom,TikTok,1200000\nTotal,,1245000\n');
    expect(description(reply)).toContain('**Total: 2 creators · 1,245,000 followers**');
    expect(field(reply, 'Rows not read (1)')).toBe('Line 4 (“Total”): “1245000” — a total row, not a creator');
    if (reply.chart?.kind !== 'roster') throw new Error('no chart');
    expect(reply.chart.opts.bars.reduce((n, b) => n + b.creators, 0)).toBe(2);
    expect(returnedCsv(reply).records[3]).toEqual(['Total', '', '1245000', '', '', '', 'not read: a total row, not a creator']);
    const summary = await summaryOf(reply);
    expect(summary.embeds[0]!.title).toBe('Roster by platform: 2 creators');
  });

  it.each(['Sum', 'GRAND TOTAL', 'Totals:', 'total :', 'Subtotal'])('knows the label %s, in any case', async (label) => {
    const reply = await runRoster(`Name,Followers\nSara,45000\nTom,1200000\n${label},999\n`);
    expect(description(reply)).toContain('**Total: 2 creators · 1,245,000 followers**');
    expect(field(reply, 'Rows not read')).toContain('a total row, not a creator');
  });

  it('takes a row with a blank name whose count is the sum of the others as a total, and in a label beside a blank name', async () => {
    const summed = await runRoster('Name,Platform,Followers\nSara,Instagram,45000\nTom,TikTok,1200000\nAna,IG,5000\n,,1250000\n');
    expect(description(summed)).toContain('**Total: 3 creators · 1,250,000 followers**');
    const beside = await runRoster('#,Name,Followers\n1,Sara,45000\n2,Tom,1200000\nTotal:,,1245000\n');
    expect(description(beside)).toContain('**Total: 2 creators · 1,245,000 followers**');
  });

  it('still counts a creator named like a total, and a nameless row that is not the sum', async () => {
    const reply = await runRoster('Name,Followers\nTotal Wellness,45000\nSum Studio,12000\nTom,1200000\n,7000\n');
    expect(description(reply)).toContain('**Total: 4 creators · 1,264,000 followers**');
    expect(field(reply, 'Rows not read')).toBeUndefined();
    // Without a name column, no row is a total by its sum alone.
    expect(description(await runRoster('Followers\n100\n200\n300\n'))).toContain('**Total: 3 creators · 600 followers**');
  });
});

describe('/roster: a total or summary row labelled in other words', () => {
  it.each(['Summe', 'Gesamt', 'Somme', 'Suma', 'Totale', 'Totaal', 'Total followers', 'TOTAL FOLLOWERS:', 'Sub-total', 'Summe Follower'])('sets “%s” aside as a total row', async (label) => {
    const reply = await runRoster(`Name,Followers\nAna,12500\nBen,45000\nCara,300000\n${label},357500\n`);
    expect(description(reply)).toContain(total(3, 357_500));
    expect(field(reply, 'Rows not read (1)')).toBe(`Line 5 (“${label.replace(/[:-]/g, '\\$&')}”): “357500” — a total row, not a creator`);
  });

  it('reads a German export with a Summe row beside a blank platform', async () => {
    const reply = await runRoster('Name;Plattform;Follower\nJörg;Instagram;12.500\nAnna;TikTok;45.000\nLena;YouTube;300.000\nSumme;;357.500\n');
    expect(description(reply)).toContain(total(3, 357_500));
  });

  it.each(['Average', 'Avg.', 'Mean', 'Median', 'Durchschnitt', 'Average followers'])('sets “%s” aside as a summary row, below a total row', async (label) => {
    const reply = await runRoster(`Name,Followers\nAna,12500\nBen,45000\nCara,300000\nTOTAL:,357500\n${label},119167\n`);
    expect(description(reply)).toContain(total(3, 357_500));
    expect(field(reply, 'Rows not read (2)')).toBe(`Line 5 (“TOTAL\\:”): “357500” — a total row, not a creator\nLine 6 (“${label}”): “119167” — a summary row (an average or median), not a creator`);
    expect(returnedCsv(reply).records[5]!.at(-1)).toBe('not read: a summary row (an average or median), not a creator');
  });

  it('still counts creators whose names start with those words', async () => {
    const reply = await runRoster('Name,Followers\nTotal Wellness,45000\nSumme Studio,12000\nMean Machine,1000\nAverage Joe,2000\n');
    expect(description(reply)).toContain(total(4, 60_000));
  });

  it.each(['Total general', 'Total général', 'Gesamtergebnis', 'Totale complessivo', 'Total Geral', 'Eindtotaal', 'Total (3 creators)'])('sets a pivot table’s “%s” aside as a total row', async (label) => {
    const reply = await runRoster(`Name,Followers\nAna,1000\nBen,2000\nCara,3000\n${label},6000\n`);
    expect(description(reply)).toContain(total(3, 6_000));
  });

  it.each(['Média', 'Media', 'Gemiddelde', 'Ø', 'Average followers per creator'])('sets “%s” aside as a summary row', async (label) => {
    const reply = await runRoster(`Name,Followers\nAna,1000\nBen,2000\nCara,3000\n${label},2000\n`);
    expect(description(reply)).toContain(total(3, 6_000));
  });
});

describe('/roster: the follower and name headers of other languages, as the message command reads them', () => {
  it.each([
    ['naam', 'volgers'],
    ['Nome', 'Seguidoras'],
    ['Nombre', 'Suscriptores'],
    ['Navn', 'Følgere'],
    ['Namn', 'Följare'],
    ['isim', 'Takipçi'],
  ])('finds “%s” and “%s”, and sets a total row aside', async (name, count) => {
    const reply = await runRoster(`${name},${count}\nAnna,12000\nBo,45k\nTotal ${count},57000\n`);
    expect(description(reply)).toContain(`Columns used: followers “${count}” · name “${name}”.`);
    expect(description(reply)).toContain(total(2, 57_000));
  });
});

describe('/roster: a unit in the count column’s header', () => {
  it('reads plain numbers in thousands under "Followers (K)", says so, and reads a number with its own suffix as written', async () => {
    const reply = await runRoster('name,platform,Followers (K)\nAlice,Instagram,45\nBob,TikTok,1200\nCara,YouTube,8.5\nDan,IG,45k\n');
    expect(description(reply)).toContain('Columns used: followers “Followers \\(K\\)”, read in thousands · name “name” · platform “platform”.');
    expect(description(reply)).toContain('**Total: 4 creators · 1,298,500 followers**');
    const summary = await summaryOf(reply);
    expect(summary.embeds[0]!.fields!.map((f) => f.name)).toEqual([
      'Instagram — 2 creators · 90,000 followers',
      'TikTok — 1 creator · 1,200,000 followers',
      'YouTube — 1 creator · 8,500 followers',
    ]);
  });

  it.each([
    ['Followers (000s)', '45', 45_000],
    ['Audience (thousands)', '45', 45_000],
    ['Followers in thousands', '45', 45_000],
    ['Followers (k)', '8,5', 8_500],
    ['Followers (M)', '1.2', 1_200_000],
    ['Subscribers (millions)', '2', 2_000_000],
  ])('%s: %s is %d', async (header, cell, count) => {
    const delimiter = cell.includes(',') ? ';' : ',';
    const reply = await runRoster(`name${delimiter}${header}\nAlice${delimiter}${cell}\n`);
    expect(description(reply)).toContain(`**Total: 1 creator · ${count.toLocaleString('en-US')} followers**`);
    expect(description(reply)).toMatch(/, read in (?:thousands|millions)/);
  });

  it('leaves a header without a unit as it was', async () => {
    const reply = await runRoster('name,Followers (IG)\nAlice,45\n');
    expect(description(reply)).toContain('**Total: 1 creator · 45 followers**');
    expect(description(reply)).not.toContain('read in');
  });
});

describe('/roster: a unit in a non-English count header', () => {
  it.each([
    ['Follower (Tsd.)', ['12,5', '1.200'], 1_212_500, 'thousands'],
    ['Seguidores (mil)', ['12,5', '450'], 462_500, 'thousands'],
    ['Follower (Mio.)', ['1,2', '0,05'], 1_250_000, 'millions'],
    ['Follower in Tsd.', ['12'], 12_000, 'thousands'],
    ['Followers in thousands (IG)', ['12'], 12_000, 'thousands'],
    ['Follower (IG) in Mio', ['1,5'], 1_500_000, 'millions'],
  ])('%s: reads %j in its unit', async (header, cells, followers, unit) => {
    const reply = await runRoster(`Name;${header}\n${cells.map((c, i) => `c${i};${c}`).join('\n')}\n`);
    expect(description(reply)).toContain(total(cells.length, followers));
    expect(description(reply)).toContain(`, read in ${unit}`);
  });
});

describe('/roster: a title above the header', () => {
  const TITLED = 'Q4 creator shortlist;;;\n;;;\nName;Platform;Followers;\nSara;Instagram;45.000;\nTom;TikTok;1.200.000;\n;;;\nTotal;;1.245.000;\n';

  it('finds the header under the title, says on which line, and keeps the title in roster-tiers.csv', async () => {
    const reply = await runRoster(TITLED);
    expect(reply.inputError).toBeFalsy();
    expect(description(reply)).toContain('Columns used (header on line 3): followers “Followers” · name “Name” · platform “Platform”.');
    expect(description(reply)).toContain('**Total: 2 creators · 1,245,000 followers**');
    const { text, records } = returnedCsv(reply);
    expect(records[0]![0]).toBe('Q4 creator shortlist');
    // The blank line under the title stays, so the header and every creator keep their lines.
    expect(records[1]).toEqual(Array(8).fill(''));
    expect(records[2]).toEqual(['Name', 'Platform', 'Followers', '', 'tier', 'consensus_tier', 'consensus_votes', 'note']);
    // Tagged again, it comes back the same, and the button reads it.
    const again = await runRoster(text, { filename: 'roster-tiers.csv' });
    expect(returnedCsv(again).text).toBe(text);
    expect((await summaryOf(reply)).embeds[0]!.title).toBe('Roster by platform: 2 creators');
  });

  it('takes count_column: and name_column: by the names in that header', async () => {
    const reply = await runRoster(TITLED, { count_column: 'Followers', name_column: 'Name' });
    expect(reply.inputError).toBeFalsy();
    expect(description(reply)).toContain('**Total: 2 creators · 1,245,000 followers**');
  });

  it('finds the delimiter under a title that has none', async () => {
    const reply = await runRoster('Q4 shortlist\n\nName;Platform;Followers\nSara;IG;45.000\n');
    expect(description(reply)).toContain('Read “team.csv”: 1 row, semicolon-separated, decimal commas.');
    expect(description(reply)).toContain('**Total: 1 creator · 45,000 followers**');
  });

  it('keeps the first row as the header when a creator’s row below it only looks like one', async () => {
    const reply = await runRoster('Creator,Reach\nFollowers Inc,5000\nAna,7000\n', { count_column: 'Reach' });
    expect(description(reply)).toContain('**Total: 2 creators · 12,000 followers**');
    expect(description(reply)).not.toContain('header on line');
  });
});

describe('/roster: blank lines above the header', () => {
  it('come back too, so a note’s line number is the returned file’s line, and a second upload gives the same file', async () => {
    const reply = await runRoster('\n\nName,Followers\nAnna,1000\nAnna,1000\n');
    const { records, bytes } = returnedCsv(reply);
    expect(records.map((r) => r[0])).toEqual(['', '', 'Name', 'Anna', 'Anna']);
    expect(records[4]!.at(-1)).toContain('repeat of line 4');
    expect(new Uint8Array(returnedCsv(await runRoster(bytes)).bytes)).toEqual(bytes);
  });
});

describe('/roster: blank rows between creators', () => {
  const WITH_BLANKS = 'Name,Platform,Followers\nAna,Instagram,12500\n\nBen,TikTok,45000\n" ",\t,\nCara,Instagram,300000\n\n\n';

  it('keeps each blank row in place, blank, so the tier column lines up with the sheet’s rows', async () => {
    const reply = await runRoster(WITH_BLANKS);
    const { records } = returnedCsv(reply);
    // The file's final line breaks are no rows: the last one is Cara's.
    expect(records.map((r) => r[0])).toEqual(['Name', 'Ana', '', 'Ben', '', 'Cara']);
    expect(records[2]).toEqual(Array(7).fill(''));
    expect(records[4]).toEqual(Array(7).fill(''));
    for (const at of [1, 3, 5]) expect(records[at]![3]).not.toBe('');
    expect(description(reply)).toContain('3 rows, comma-separated');
    expect(description(reply)).toContain(total(3, 357_500));
    expect(field(reply, 'Rows not read')).toBeUndefined();
  });

  it('numbers the rows not read as the file does, past blank rows and a title', async () => {
    const reply = await runRoster('Q4 shortlist\n\nName,Followers\nAna,12500\n\n\nBen,lots\nCara,300000\n');
    const { records } = returnedCsv(reply);
    // Line for line as the file: "lots" is on line 7 in both.
    expect(records.map((r) => r[0])).toEqual(['Q4 shortlist', '', 'Name', 'Ana', '', '', 'Ben', 'Cara']);
    expect(records[6]!.at(-1)).toBe('not read: not a follower count I can read');
    expect(field(reply, 'Rows not read (1)')).toBe('Line 7 (“Ben”): “lots” — not a follower count I can read');
    expect(description(reply)).toContain(total(2, 312_500));
  });

  it('gives the same file back when its roster-tiers.csv is uploaded again, and Summary by platform reads it', async () => {
    const first = await runRoster(WITH_BLANKS);
    const again = await runRoster(returnedCsv(first).bytes, { filename: 'roster-tiers.csv' });
    expect(returnedCsv(again).records.map((r) => r[0])).toEqual(['Name', 'Ana', '', 'Ben', '', 'Cara']);
    expect(returnedCsv(again).bytes).toEqual(returnedCsv(first).bytes);
    expect(description(again)).toContain(total(3, 357_500));

    const summary = await summaryOf(first);
    expect(summary.embeds[0]!.title).toBe('Roster by platform: 3 creators');
    expect(summary.embeds[0]!.fields!.map((f) => f.name)).toEqual(['Instagram — 2 creators · 312,500 followers', 'TikTok — 1 creator · 45,000 followers']);
  });
});

describe('/roster: "no value" marks in the count column', () => {
  it.each(['-', '–', '—', 'n/a', 'N/A', '#N/A'])('%s is no follower count, not a negative one', async (mark) => {
    const reply = await runRoster(`name,followers\nSara,45000\nTom,${mark}\n`);
    expect(field(reply, 'Rows not read (1)')).toMatch(/^Line 3 \(“Tom”\): “.+” — no follower count$/);
    expect(returnedCsv(reply).records[2]![5]).toBe('not read: no follower count');
  });
});

describe('/roster: Excel’s error values in the count column', () => {
  it('says each is a spreadsheet error, not a hashtag', async () => {
    const errors = ['#REF!', '#DIV/0!', '#VALUE!', '#NAME?', '#NUM!', '#NULL!'];
    const reply = await runRoster(`Name,Followers\n${errors.map((e, i) => `c${i},${e}`).join('\n')}\nd,12000\n`);
    expect(description(reply)).toContain(total(1, 12_000));
    const notes = returnedCsv(reply).records.slice(1, 7).map((r) => r.at(-1));
    expect(notes).toEqual(errors.map(() => 'not read: no follower count (a spreadsheet error)'));
    expect(field(reply, 'Rows not read (6)')).toContain('Line 2 (“c0”): “\\#REF!” — no follower count (a spreadsheet error)');
  });

  it('Excel’s ######## (a column too narrow when saved) is a spreadsheet error, not a hashtag', async () => {
    const reply = await runRoster('Name,Followers\nAna,1000\nBen,########\n');
    // Shown escaped, as all user text is (a # could start a heading).
    expect(field(reply, 'Rows not read (1)')).toBe('Line 3 (“Ben”): “\\#\\#\\#\\#\\#\\#\\#\\#” — no follower count (a spreadsheet error)');
  });
});

describe('/roster: a price, a percentage or a date in the count column', () => {
  it('says which it is', async () => {
    const reply = await runRoster('Name,Followers\nAna,$30k\nBen,12%\nCara,2023-01-01\nDan,lots\nEve,12000\n');
    expect(field(reply, 'Rows not read (4)')).toBe(
      [
        'Line 2 (“Ana”): “$30k” — a price, not a follower count',
        'Line 3 (“Ben”): “12%” — a percentage, not a follower count',
        'Line 4 (“Cara”): “2023\\-01\\-01” — a date, not a follower count',
        'Line 5 (“Dan”): “lots” — not a follower count I can read',
      ].join('\n'),
    );
    expect(returnedCsv(reply).records[1]!.at(-1)).toBe('not read: a price, not a follower count');
    expect(description(reply)).toContain(total(1, 12_000));
  });
});

describe('/roster: roster-tiers.csv and numbers', () => {
  it('leaves negative numbers and a lone dash as written, and still neutralises formulas and @handles', async () => {
    const reply = await runRoster('name,handle,followers,change,growth\nSara,@sara,45000,-5,-1.200\nTom,=HYPERLINK("x"),1200000,-,+3.5\nAna,-2+3,1000,+A1,-\n');
    const rows = returnedCsv(reply).records.slice(1).map((r) => r.slice(0, 5));
    expect(rows).toEqual([
      ['Sara', "'@sara", '45000', '-5', '-1.200'],
      ['Tom', `'=HYPERLINK("x")`, '1200000', '-', '+3.5'],
      ['Ana', "'-2+3", '1000', "'+A1", '-'],
    ]);
  });
});

describe('/roster: a team’s own note or tier column, uploaded again', () => {
  it.each([
    ['name,followers,note\nAna,12000,VIP - contract til Dec\nBen,450000,do not contact\n', ['name', 'followers', 'note']],
    ['Name,Followers,tier\nAna,12000,A-list\nBen,450000,B-list\n', ['Name', 'Followers', 'tier']],
  ])('keeps it, and the file comes back the same', async (input, own) => {
    const first = returnedCsv(await runRoster(input, { filename: 'mine.csv' }));
    expect(first.records[0]).toEqual([...own, 'tier', 'consensus_tier', 'consensus_votes', 'note']);
    const again = await runRoster(first.bytes, { filename: 'roster-tiers.csv' });
    const second = returnedCsv(again);
    expect(second.records).toEqual(first.records);
    expect(second.records[1]![2]).toBe(first.records[1]![2]);
    expect(description(again)).toContain('Replaced the file’s own tier, consensus_tier, consensus_votes and note columns');
  });
});

describe('/roster: change and date columns beside the follower count', () => {
  it.each([
    ['New followers (30d),Instagram Followers', 'Instagram Followers'],
    ['Followers growth (30d),Instagram followers count', 'Instagram followers count'],
    ['Follower Count Last Updated,Instagram Followers', 'Instagram Followers'],
    ['Followers gained,Follower %,TikTok Followers', 'TikTok Followers'],
    ['Follower-Wachstum,Instagram Follower', 'Instagram Follower'],
    ['Neue Follower,Datum,TikTok Follower', 'TikTok Follower'],
    ['Crecimiento de seguidores,Seguidores Instagram', 'Seguidores Instagram'],
    ['Croissance abonnés,Abonnés Instagram', 'Abonnés Instagram'],
  ])('%s: counts %s', async (headers, counted) => {
    const reply = await runRoster(`Name,${headers}\nAna,${headers.split(',').slice(0, -1).map(() => '300,').join('')}12500\n`);
    expect(description(reply)).toContain(`Columns used: followers “${counted}”`);
    expect(description(reply)).toContain(total(1, 12_500));
  });

  it('still counts a change column when no other header names followers', async () => {
    const reply = await runRoster('Name,New followers\nAna,300\n');
    expect(description(reply)).toContain(total(1, 300));
  });
});

describe('/roster: GRIN’s First Name, Last Name and handle columns', () => {
  const GRIN = 'First Name,Last Name,Instagram Handle,Followers (Instagram)\nAna,Lima,@analima,12500\nAna,Souza,@anasouza,45000\nMaria,Silva,@mariasilva,80000\nMaria,Costa,@mariacosta,300000\n';

  it('counts people sharing a first name as different creators, and names them in full', async () => {
    const reply = await runRoster(GRIN);
    expect(description(reply)).toContain(total(4, 437_500));
    expect(description(reply)).toContain('name “First Name” and “Last Name”');
    expect(field(reply, 'Repeated creators')).toBeUndefined();
  });

  it('takes rows with the same handle as one creator, whatever the names, and says it was the handle', async () => {
    const reply = await runRoster(`${GRIN}Ana,L.,@AnaLima,12600\n`);
    expect(description(reply)).toContain(total(4, 437_500));
    expect(description(reply)).toContain('1 row with the same handle and platform as an earlier row');
    expect(field(reply, 'Repeated creators (1)')).toBe('Line 6: “Ana L.” on Instagram — same as line 2, counted there with 12,500 followers (this row: 12,600)');
    expect(returnedCsv(reply).records[5]!.at(-1)).toMatch(/^repeat of line 2 \(same handle and platform\)/);
  });

  it('First Name and Last Name decide repeats and labels together: Anna Lee and Anna Kim are two, Mean Sok and Sum Ho are creators', async () => {
    const reply = await runRoster('First Name,Last Name,Instagram Followers\nMean,Sok,9000\nSum,Ho,12000\nAnna,Lee,30000\nAnna,Lee,30000\nAnna,Kim,5000\n');
    expect(description(reply)).toContain(total(4, 56_000));
    expect(field(reply, 'Repeated creators (1)')).toContain('“Anna Lee” on Instagram — same as line 4');
  });
});

describe('/roster: an HTML page', () => {
  it.each([
    ['<!DOCTYPE html><html><body><table><tr><td>Name</td><td>Followers</td></tr></table></body></html>'],
    ['\uFEFF  \n<html>\n<body>\n<table>\n<tr><th>Name</th><th>Followers</th></tr>\n<tr><td>a</td><td>12000</td></tr>\n</table>\n</body>\n</html>\n'],
  ])('is refused as a page, not a CSV file', async (page) => {
    const reply = await runRoster(page);
    expect(reply.inputError).toBe(true);
    expect(reply.embeds[0]!.title).toBe('Not a CSV file');
    expect(description(reply)).toContain('“team.csv” is an HTML page, not a CSV or TSV file.');
  });

  it('is refused by its .html name before it is read', async () => {
    const reply = await runRoster('anything', { filename: 'export.html' });
    expect(description(reply)).toContain('is an HTML page, not a CSV or TSV file.');
  });
});

describe('/roster: many long problem rows', () => {
  const N = 'N'.repeat(400);
  const P = 'P'.repeat(400);
  const creators = Array.from({ length: 300 }, (_, i) => `"${N}${i}","Plat${i}${P}",${1000 + i * 7919},note`);
  const unreadable = Array.from({ length: 60 }, (_, i) => `bad${i},Plat,${'z'.repeat(400)}${i},`);
  const repeats = Array.from({ length: 40 }, (_, i) => `"${N}${i}","Plat${i}${P}",${500 + i},dup`);
  const LONG = ['name,platform,followers,comment', ...creators, ...unreadable, ...repeats].join('\n');

  it('answers in a short public reply: the first few of each, and where the rest are', async () => {
    const reply = await runRoster(LONG);
    // About 1,550 characters, and the line telling the uploader that everyone here sees the reply.
    expect(embedLength(reply.embeds[0]!)).toBeLessThanOrEqual(1_700);
    expect(field(reply, 'Rows not read (60)')).toMatch(/\n…and \d+ more: see the note column of roster-tiers\.csv\.$/);
    expect(field(reply, 'Repeated creators (40)')).toMatch(/\n…and \d+ more: see the note column of roster-tiers\.csv\.$/);
    const notes = returnedCsv(reply).records.slice(1).map((r) => r.at(-1)!);
    expect(notes.slice(300, 360).every((n) => /^not read: it is \d+ characters long/.test(n))).toBe(true);
    expect(notes.slice(360).every((n) => n.startsWith('repeat of line'))).toBe(true);
  });
});

describe('files as sheets export them, written other ways', () => {
  it('a title that itself says "followers" is passed over for the header below it', async () => {
    for (const title of ['Followers report 2024', 'Instagram followers – Q3']) {
      const reply = await runRoster(`${title}\nName,Followers\nA,5000\nB,20000\n`);
      expect(reply.inputError, title).toBeUndefined();
      expect(description(reply), title).toContain('Columns used (header on line 2)');
      expect(description(reply), title).toContain('Total: 2 creators · 25,000 followers');
    }
  });

  it('reads a unit written "(in K)" or after the header word, and the usual "no value" words as no count', async () => {
    for (const header of ['Followers (in K)', 'Followers K', 'Audience (in thousands)']) {
      expect(description(await runRoster(`name,${header}\na,12\n`)), header).toContain('Total: 1 creator · 12,000 followers');
    }
    expect(description(await runRoster('name,Subscribers M\na,1.5\n'))).toContain('1,500,000 followers');
    const reply = await runRoster('name,followers\na,NA\nb,none\nc,5000\n');
    for (const cell of ['NA', 'none']) expect(JSON.stringify(reply.embeds), cell).toContain(`“${cell}” — no follower count`);
  });
});

describe('a count written with “mil”', () => {
  it('is read as a million under an English header and said so, on the row and in the reply, as /tier says it', async () => {
    const reply = await runRoster('name,followers\nDana,30 mil\nEli,20k\nFio,1.5 mil\n');
    expect(description(reply)).toContain('Total: 3 creators · 31,520,000 followers');
    expect(description(reply)).toContain('“mil” is read as a million in 2 rows (noted in roster-tiers.csv); for thousands, write k (30k), or head the column in Spanish or Portuguese, such as “Seguidores”.');
    const notes = returnedCsv(reply).records.slice(1).map((row) => row.at(-1));
    expect(notes).toEqual(['“mil” read as a million (for 30 thousand, write 30k)', '', '“mil” read as a million (for 1.5 thousand, write 1.5k)']);
  });

  it('is read as thousands under a Spanish header, and nothing is said', async () => {
    const reply = await runRoster('nombre,seguidores\nDana,30 mil\n');
    expect(description(reply)).toContain('Total: 1 creator · 30,000 followers');
    expect(description(reply)).not.toContain('“mil”');
    expect(returnedCsv(reply).records[1]!.at(-1)).toBe('');
  });
});
