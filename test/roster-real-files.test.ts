/**
 * /roster on files as marketers export them: a total row under the creators, a unit in the count
 * column's header, a title above the header, dashes for "no value", negative numbers in other
 * columns, and files with many long problem rows.
 */

import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { roster } from '../src/commands/roster';
import type { Attachment, Reply } from '../src/commands/types';
import { embedLength, messageProblems } from '../src/commands/limits';
import { testComponentContext, testContext } from './support/context';

const utf8 = (text: string) => new TextEncoder().encode(text);
const URL_OF = 'https://cdn.discordapp.com/attachments/1/2/team.csv';

async function runRoster(text: string, options: { count_column?: string; name_column?: string; filename?: string } = {}): Promise<Reply> {
  const bytes = utf8(text);
  const file: Attachment = { id: '900', filename: options.filename ?? 'team.csv', url: URL_OF, size: bytes.length, contentType: 'text/csv' };
  const reply = await roster.run({ file, ...options } as never, testContext({ files: { [URL_OF]: bytes } }));
  expect(messageProblems(reply)).toEqual([]);
  return reply;
}

function returnedCsv(reply: Reply): { text: string; records: string[][] } {
  const file = reply.files?.find((f) => f.name === 'roster-tiers.csv');
  if (!file) throw new Error('no roster-tiers.csv');
  const text = file.data.toString('utf8');
  const delimiter = text.includes(';tier;') ? ';' : ',';
  return { text, records: parse(text.replace(/^\uFEFF/, ''), { delimiter }) as string[][] };
}

const description = (reply: Reply) => reply.embeds[0]!.description!;
const field = (reply: Reply, name: string) => reply.embeds[0]!.fields!.find((f) => f.name.startsWith(name))?.value;

async function pressSummary(reply: Reply): Promise<Reply> {
  const id = (reply.components![0]!.components[0] as { custom_id: string }).custom_id;
  const csv = new Uint8Array(reply.files![0]!.data);
  const context = testComponentContext({ files: { f: csv }, attachments: [{ id: '5', filename: 'roster-tiers.csv', url: 'f', size: csv.length }] });
  return (await roster.component!(id, [], context)).reply;
}

describe('/roster: a total row under the creators', () => {
  it('is set aside as a total row, not counted in any tier or the totals, and noted in the CSV', async () => {
    const reply = await runRoster('Name,Platform,Followers\nSara,Instagram,45000\nTom,TikTok,1200000\nTotal,,1245000\n');
    expect(description(reply)).toContain('**Total: 2 creators · 1,245,000 followers**');
    expect(field(reply, 'Rows not read (1)')).toBe('Line 4: “1245000” — a total row, not a creator');
    if (reply.chart?.kind !== 'roster') throw new Error('no chart');
    expect(reply.chart.opts.bars.reduce((n, b) => n + b.creators, 0)).toBe(2);
    expect(returnedCsv(reply).records[3]).toEqual(['Total', '', '1245000', '', '', '', 'not read: a total row, not a creator']);
    const summary = await pressSummary(reply);
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

describe('/roster: a unit in the count column’s header', () => {
  it('reads plain numbers in thousands under "Followers (K)", says so, and reads a number with its own suffix as written', async () => {
    const reply = await runRoster('name,platform,Followers (K)\nAlice,Instagram,45\nBob,TikTok,1200\nCara,YouTube,8.5\nDan,IG,45k\n');
    expect(description(reply)).toContain('Columns used: followers “Followers \\(K\\)”, read in thousands · name “name” · platform “platform”.');
    expect(description(reply)).toContain('**Total: 4 creators · 1,298,500 followers**');
    const summary = await pressSummary(reply);
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
    expect((await pressSummary(reply)).embeds[0]!.title).toBe('Roster by platform: 2 creators');
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

describe('/roster: "no value" marks in the count column', () => {
  it.each(['-', '–', '—', 'n/a', 'N/A', '#N/A'])('%s is no follower count, not a negative one', async (mark) => {
    const reply = await runRoster(`name,followers\nSara,45000\nTom,${mark}\n`);
    expect(field(reply, 'Rows not read (1)')).toMatch(/^Line 3: “.+” — no follower count$/);
    expect(returnedCsv(reply).records[2]![5]).toBe('not read: no follower count');
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

describe('/roster: many long problem rows', () => {
  const N = 'N'.repeat(400);
  const P = 'P'.repeat(400);
  const creators = Array.from({ length: 300 }, (_, i) => `"${N}${i}","Plat${i}${P}",${1000 + i * 7919},note`);
  const unreadable = Array.from({ length: 60 }, (_, i) => `bad${i},Plat,${'z'.repeat(400)}${i},`);
  const repeats = Array.from({ length: 40 }, (_, i) => `"${N}${i}","Plat${i}${P}",${500 + i},dup`);
  const LONG = ['name,platform,followers,comment', ...creators, ...unreadable, ...repeats].join('\n');

  it('answers in a short public reply: the first few of each, and where the rest are', async () => {
    const reply = await runRoster(LONG);
    expect(embedLength(reply.embeds[0]!)).toBeLessThanOrEqual(1_600);
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
