/**
 * /roster on files a fifth audit found misread: summary rows labelled in other words and
 * languages, GRIN's First Name / Last Name / Handle columns, units in non-English count headers,
 * a team's own note or tier column in a roster-tiers.csv uploaded again, change and date columns
 * beside the follower count, HTML pages, Excel's error values, blank rows between creators, and
 * prices, percentages and dates in the count column.
 */

import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { roster } from '../src/commands/roster';
import type { Attachment, Reply } from '../src/commands/types';
import { messageProblems } from '../src/commands/limits';
import { testComponentContext, testContext } from './support/context';

const utf8 = (text: string) => new TextEncoder().encode(text);
const URL_OF = 'https://cdn.discordapp.com/attachments/1/2/team.csv';

async function runRoster(input: string | Uint8Array, options: { filename?: string } = {}): Promise<Reply> {
  const bytes = typeof input === 'string' ? utf8(input) : input;
  const file: Attachment = { id: '900', filename: options.filename ?? 'team.csv', url: URL_OF, size: bytes.length, contentType: 'text/csv' };
  const reply = await roster.run({ file } as never, testContext({ files: { [URL_OF]: bytes } }));
  expect(messageProblems(reply)).toEqual([]);
  return reply;
}

function returnedCsv(reply: Reply): { bytes: Uint8Array; records: string[][] } {
  const file = reply.files?.find((f) => f.name === 'roster-tiers.csv');
  if (!file) throw new Error(`no roster-tiers.csv: ${JSON.stringify(reply.embeds)}`);
  const text = file.data.toString('utf8').replace(/^\uFEFF/, '');
  const delimiter = text.split('\r\n')[0]!.includes(';') ? ';' : ',';
  return { bytes: new Uint8Array(file.data), records: parse(text, { delimiter }) as string[][] };
}

const description = (reply: Reply) => reply.embeds[0]!.description!;
const field = (reply: Reply, name: string) => reply.embeds[0]!.fields!.find((f) => f.name.startsWith(name))?.value;
const total = (creators: number, followers: number) => `**Total: ${creators} creator${creators === 1 ? '' : 's'} · ${followers.toLocaleString('en-US')} followers**`;

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

describe('/roster: a total or summary row labelled in other words', () => {
  it.each(['Summe', 'Gesamt', 'Somme', 'Suma', 'Totale', 'Totaal', 'Total followers', 'TOTAL FOLLOWERS:', 'Sub-total', 'Summe Follower'])('sets “%s” aside as a total row', async (label) => {
    const reply = await runRoster(`Name,Followers\nAna,12500\nBen,45000\nCara,300000\n${label},357500\n`);
    expect(description(reply)).toContain(total(3, 357_500));
    expect(field(reply, 'Rows not read (1)')).toBe('Line 5: “357500” — a total row, not a creator');
  });

  it('reads a German export with a Summe row beside a blank platform', async () => {
    const reply = await runRoster('Name;Plattform;Follower\nJörg;Instagram;12.500\nAnna;TikTok;45.000\nLena;YouTube;300.000\nSumme;;357.500\n');
    expect(description(reply)).toContain(total(3, 357_500));
  });

  it.each(['Average', 'Avg.', 'Mean', 'Median', 'Durchschnitt', 'Average followers'])('sets “%s” aside as a summary row, below a total row', async (label) => {
    const reply = await runRoster(`Name,Followers\nAna,12500\nBen,45000\nCara,300000\nTOTAL:,357500\n${label},119167\n`);
    expect(description(reply)).toContain(total(3, 357_500));
    expect(field(reply, 'Rows not read (2)')).toBe('Line 5: “357500” — a total row, not a creator\nLine 6: “119167” — a summary row (an average or median), not a creator');
    expect(returnedCsv(reply).records[5]!.at(-1)).toBe('not read: a summary row (an average or median), not a creator');
  });

  it('still counts creators whose names start with those words', async () => {
    const reply = await runRoster('Name,Followers\nTotal Wellness,45000\nSumme Studio,12000\nMean Machine,1000\nAverage Joe,2000\n');
    expect(description(reply)).toContain(total(4, 60_000));
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

describe('/roster: Excel’s error values in the count column', () => {
  it('says each is a spreadsheet error, not a hashtag', async () => {
    const errors = ['#REF!', '#DIV/0!', '#VALUE!', '#NAME?', '#NUM!', '#NULL!'];
    const reply = await runRoster(`Name,Followers\n${errors.map((e, i) => `c${i},${e}`).join('\n')}\nd,12000\n`);
    expect(description(reply)).toContain(total(1, 12_000));
    const notes = returnedCsv(reply).records.slice(1, 7).map((r) => r.at(-1));
    expect(notes).toEqual(errors.map(() => 'not read: no follower count (a spreadsheet error)'));
    expect(field(reply, 'Rows not read (6)')).toContain('Line 2: “\\#REF!” — no follower count (a spreadsheet error)');
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
    expect(field(reply, 'Rows not read (1)')).toBe('Line 7: “lots” — not a follower count I can read');
    expect(description(reply)).toContain(total(2, 312_500));
  });

  it('gives the same file back when its roster-tiers.csv is uploaded again, and Summary by platform reads it', async () => {
    const first = await runRoster(WITH_BLANKS);
    const again = await runRoster(returnedCsv(first).bytes, { filename: 'roster-tiers.csv' });
    expect(returnedCsv(again).records.map((r) => r[0])).toEqual(['Name', 'Ana', '', 'Ben', '', 'Cara']);
    expect(returnedCsv(again).bytes).toEqual(returnedCsv(first).bytes);
    expect(description(again)).toContain(total(3, 357_500));

    const id = (first.components![0]!.components[0] as { custom_id: string }).custom_id;
    const csv = returnedCsv(first).bytes;
    const summary = await roster.component!(id, [], testComponentContext({ files: { u: csv }, attachments: [{ id: '1', filename: 'roster-tiers.csv', url: 'u', size: csv.length }] }));
    expect(summary.reply.embeds[0]!.title).toBe('Roster by platform: 3 creators');
    expect(summary.reply.embeds[0]!.fields!.map((f) => f.name)).toEqual(['Instagram — 2 creators · 312,500 followers', 'TikTok — 1 creator · 45,000 followers']);
  });
});

describe('/roster: a price, a percentage or a date in the count column', () => {
  it('says which it is', async () => {
    const reply = await runRoster('Name,Followers\nAna,$30k\nBen,12%\nCara,2023-01-01\nDan,lots\nEve,12000\n');
    expect(field(reply, 'Rows not read (4)')).toBe(
      [
        'Line 2: “$30k” — a price, not a follower count',
        'Line 3: “12%” — a percentage, not a follower count',
        'Line 4: “2023\\-01\\-01” — a date, not a follower count',
        'Line 5: “lots” — not a follower count I can read',
      ].join('\n'),
    );
    expect(returnedCsv(reply).records[1]!.at(-1)).toBe('not read: a price, not a follower count');
    expect(description(reply)).toContain(total(1, 12_000));
  });
});

describe('/roster: what a re-check found', () => {
  it.each(['Total general', 'Total général', 'Gesamtergebnis', 'Totale complessivo', 'Total Geral', 'Eindtotaal', 'Total (3 creators)'])('sets a pivot table’s “%s” aside as a total row', async (label) => {
    const reply = await runRoster(`Name,Followers\nAna,1000\nBen,2000\nCara,3000\n${label},6000\n`);
    expect(description(reply)).toContain(total(3, 6_000));
  });

  it.each(['Média', 'Media', 'Gemiddelde', 'Ø', 'Average followers per creator'])('sets “%s” aside as a summary row', async (label) => {
    const reply = await runRoster(`Name,Followers\nAna,1000\nBen,2000\nCara,3000\n${label},2000\n`);
    expect(description(reply)).toContain(total(3, 6_000));
  });

  it('First Name and Last Name decide repeats and labels together: Anna Lee and Anna Kim are two, Mean Sok and Sum Ho are creators', async () => {
    const reply = await runRoster('First Name,Last Name,Instagram Followers\nMean,Sok,9000\nSum,Ho,12000\nAnna,Lee,30000\nAnna,Lee,30000\nAnna,Kim,5000\n');
    expect(description(reply)).toContain(total(4, 56_000));
    expect(field(reply, 'Repeated creators (1)')).toContain('“Anna Lee” on Instagram — same as line 4');
  });

  it('Excel’s ######## (a column too narrow when saved) is a spreadsheet error, not a hashtag', async () => {
    const reply = await runRoster('Name,Followers\nAna,1000\nBen,########\n');
    // Shown escaped, as all user text is (a # could start a heading).
    expect(field(reply, 'Rows not read (1)')).toBe('Line 3: “\\#\\#\\#\\#\\#\\#\\#\\#” — no follower count (a spreadsheet error)');
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
