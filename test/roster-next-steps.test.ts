/**
 * /roster tells the user what to do next without going back to count lines or guess: a row not
 * read is named by its creator beside its line, the columns Tierbot does not read (fees, emails)
 * are listed as such, and the ' before cells such as @handles in roster-tiers.csv is explained.
 */

import { describe, expect, it } from 'vitest';
import type { Reply } from '../src/commands/types';
import { returnedCsv, runRoster } from './support/roster';

const description = (reply: Reply) => reply.embeds[0]!.description!;
const field = (reply: Reply, name: string) => reply.embeds[0]!.fields!.find((f) => f.name.startsWith(name))?.value;
const footer = (reply: Reply) => reply.embeds[0]!.footer!.text;

/** The first rows of a roster as a team exports it: a fee, an email, a status and notes beside the counts, a Total row under them. */
const AUDIT_ROSTER = [
  'Creator,Handle,Platform,Followers,Fee (USD),Email,Status,Notes',
  'Sunny Bakes,@sunnybakes,Instagram,45.2k,$900,sunny@bakes.co,Contacted,rate card 2024',
  'Maya Chen,@mayamakes,Instagram,"12,500",$250,maya.chen@gmail.com,Confirmed,',
  'Priya Nair,@priyanairstyle,Instagram,,$500,priya@nairstyle.in,To check,count missing',
  'Lily Adams,@lilyadams,Instagram,n/a,$300,lily@adams.me,To check,',
  'Total,,,,,,,',
].join('\n');

describe('/roster: a row not read names its creator beside its line', () => {
  it('gives the name from the name column, and no "empty" for a blank count cell', async () => {
    const reply = await runRoster(AUDIT_ROSTER);
    expect(field(reply, 'Rows not read (3)')).toBe(['Line 4 (“Priya Nair”): no follower count', 'Line 5 (“Lily Adams”): “n/a” — no follower count', 'Line 6 (“Total”): no follower count'].join('\n'));
  });

  it('gives First and Last Name together, and only the line where the row has no name', async () => {
    const reply = await runRoster('First Name,Last Name,Followers\nAna,Souza,12000\nBen,Carter,\n,,lots\n');
    expect(field(reply, 'Rows not read (2)')).toBe('Line 3 (“Ben Carter”): no follower count\nLine 4: “lots” — not a follower count I can read');
  });

  it('escapes the name as user text, without the formula guard, and shortens a long one', async () => {
    const long = 'Alexandria Konstantinopoulou-Vandenberghe';
    const reply = await runRoster(`Name,Followers\nSara,45000\n*Star* @everyone,\n'@guarded,\n${long},n/a\n`);
    const lines = field(reply, 'Rows not read (3)')!.split('\n');
    expect(lines[0]).toBe('Line 3 (“\\*Star\\* \\@everyone”): no follower count');
    expect(lines[1]).toBe('Line 4 (“\\@guarded”): no follower count');
    expect(lines[2]).toMatch(/^Line 5 \(“Alexandria[^”]*…”\): “n\/a” — no follower count$/);
  });

  it('keeps many rows with long names within the public reply’s room for them', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => `${'Wonderfully Long Creator Name '.repeat(4)}${i},`);
    const reply = await runRoster(`Name,Followers\nSara,45000\n${rows.join('\n')}\n`);
    const value = field(reply, 'Rows not read (40)')!;
    expect(value).toMatch(/^Line 3 \(“Wonderfully Long[^”]*…”\): no follower count\n/);
    expect(value).toContain('more: see the note column of roster-tiers.csv.');
    expect(value.length).toBeLessThanOrEqual(600);
  });
});

describe('/roster: the columns it does not read are listed', () => {
  it('lists the fee, email, status and notes columns as not used, and the handle as used', async () => {
    const reply = await runRoster(AUDIT_ROSTER);
    expect(description(reply)).toContain('Columns used: followers “Followers” · name “Creator” · handle “Handle” · platform “Platform”.');
    expect(description(reply)).toContain(
      'Not used: “Fee \\(USD\\)”, “Email”, “Status” and “Notes” (copied unchanged into roster-tiers.csv).',
    );
  });

  it('says nothing of unused columns when every column is read, nor of blank padding columns', async () => {
    const reply = await runRoster('Name,Platform,Followers,,\nSara,Instagram,45000,,\nTom,TikTok,1200,,\n');
    expect(description(reply)).not.toContain('Not used');
  });

  it('names a column without a header that holds cells by its number', async () => {
    const reply = await runRoster('Name,Followers,\nSara,45000,vip\nTom,1200,\n');
    expect(description(reply)).toContain('Not used: column 3 (no header) (copied unchanged into roster-tiers.csv).');
  });

  it('shows five, then how many more, each header escaped and shortened', async () => {
    const extra = ['Fee', 'Email', '**Agency**', 'Phone', 'A very long header that goes on and on about nothing', 'Notes', 'Status', 'Deal'];
    const reply = await runRoster(`Name,Followers,${extra.join(',')}\nSara,45000${',x'.repeat(extra.length)}\n`);
    const line = description(reply).split('\n').find((l) => l.startsWith('Not used: '))!;
    expect(line).toMatch(/^Not used: “Fee”, “Email”, “\\\*\\\*Agency\\\*\\\*”, “Phone”, “A very long header[^”]*…”, and 3 more \(copied unchanged into roster-tiers\.csv\)\.$/);
    // The columns other lines already speak of are not listed again.
    const counts = await runRoster('Name,Instagram Followers,TikTok Followers,Fee\nSara,45000,1200,$100\n');
    expect(description(counts)).toContain('Not used: “Fee” (copied unchanged into roster-tiers.csv).');
  });
});

describe('/roster: why cells such as @handles come back with a leading \'', () => {
  it('keeps the formula guard in roster-tiers.csv and says why in the line that describes the file', async () => {
    const reply = await runRoster(`${AUDIT_ROSTER}\nMallory,=HYPERLINK("http://x.example"),Instagram,9000,,,,\n`);
    const { records } = returnedCsv(reply);
    expect(records[1]![1]).toBe("'@sunnybakes");
    expect(records[6]![1]).toBe('\'=HYPERLINK("http://x.example")');
    expect(footer(reply)).toContain("Cells that begin with =, +, - or @ (such as @handles) get a ' in front, so spreadsheets show them as text instead of running them as formulas.");
  });

  it('says it for a roster-tiers.csv uploaded again, whose cells already have it, and not for a file that needs none', async () => {
    const again = await runRoster(returnedCsv(await runRoster(AUDIT_ROSTER)).text);
    expect(returnedCsv(again).records[1]![1]).toBe("'@sunnybakes");
    expect(footer(again)).toContain("get a ' in front");
    const plain = await runRoster('Name,Followers,Note\nSara,45000,-5\nTom,1200,it\'s fine\n');
    expect(footer(plain)).not.toContain("get a ' in front");
  });
});
