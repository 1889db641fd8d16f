/**
 * /roster on rows and columns that look like something they are not: two Facebook profile.php
 * links (two creators, not one) and one handle on two platforms; a note with a number above the
 * header (not a headerless file); a creator with a handle but no name, or named with a sum word
 * (a creator, not a total, while the real total is set aside); a column that only mentions
 * platforms (not the platform column); and a file without a header row (its first text column is
 * the name).
 */

import { describe, expect, it } from 'vitest';
import type { Reply } from '../src/commands/types';
import { returnedCsv, runRoster, summaryOf } from './support/roster';

const description = (reply: Reply) => reply.embeds[0]!.description!;
const field = (reply: Reply, name: string) => reply.embeds[0]!.fields?.find((f) => f.name.startsWith(name))?.value;
const total = (creators: number, followers: number) => `**Total: ${creators} creator${creators === 1 ? '' : 's'} · ${followers.toLocaleString('en-US')} followers**`;

/** The note column of the roster-tiers.csv sent back, by the line each row is on in the uploaded file. */
function noteOnLine(reply: Reply, line: number): string {
  const { records } = returnedCsv(reply);
  return records[line - 1]!.at(-1)!;
}

describe('/roster: profile links', () => {
  it('takes Facebook profile.php links with different ids for different creators, and the same id twice for one', async () => {
    const reply = await runRoster(
      'Name,Handle,Platform,Followers\n' +
        'Ana Lopez,https://www.facebook.com/profile.php?id=100004512345678,Facebook,45000\n' +
        'Bo Kim,https://www.facebook.com/profile.php?id=100009876543210,Facebook,120000\n' +
        'Cy Rossi,https://www.facebook.com/cyrossi,Facebook,8000\n',
    );
    expect(description(reply)).toContain(total(3, 173_000));
    expect(field(reply, 'Repeated creators')).toBeUndefined();
    const twice = await runRoster(
      'Name,Handle,Platform,Followers\nAna Lopez,https://www.facebook.com/profile.php?id=100004512345678,Facebook,45000\nAna L.,facebook.com/profile.php?id=100004512345678&ref=bookmarks,Facebook,45000\n',
    );
    expect(description(twice)).toContain(total(1, 45_000));
  });

  it('takes one handle on two platforms for two creators when no platform column tells them apart: the link names the platform', async () => {
    const reply = await runRoster('Name,Handle,Followers\nKim Ha,https://www.instagram.com/kimha/,33000\nKim Ha,https://www.tiktok.com/@kimha,91000\n');
    expect(description(reply)).toContain(total(2, 124_000));
    expect(field(reply, 'Repeated creators')).toBeUndefined();
    const same = await runRoster('Name,Handle,Followers\nKim Ha,https://www.instagram.com/kimha/,33000\nKim Ha,instagram.com/KimHa,33000\n');
    expect(description(same)).toContain(total(1, 33_000));
    expect(field(same, 'Repeated creators (1)')).toContain('Line 3: “Kim Ha” on Instagram — same as line 2');
  });
});

describe('/roster: a note with a number above the header', () => {
  it.each([
    ['Total reach,173000', 'Name,Followers'],
    ['Budget,5000', 'Name,Followers'],
    ['Target reach,500000', 'Creator,Followers'],
    ['Creators:,3', 'Name,Followers'],
    ['Top creators,10', 'Name,Followers'],
    ['Total followers,173000', 'Name,Followers'],
    ['Campaign Q3,2024', 'Name,Followers'],
  ])('“%s” above “%s” is passed over for the header under it', async (note, header) => {
    const reply = await runRoster(`${note}\n${header}\nAna,45000\nBo,120000\nCy,8000\n`);
    expect(description(reply)).not.toContain('No header row');
    expect(description(reply)).toContain('Columns used (header on line 2)');
    expect(description(reply)).toContain(total(3, 173_000));
    expect(field(reply, 'Rows not read')).toBeUndefined();
    expect(returnedCsv(reply).records[0]!.slice(0, 2)).toEqual(note.split(','));
  });

  it('is passed over above a three-column header too', async () => {
    const reply = await runRoster('Campaign,Summer,5000\nName,Platform,Followers\nAna,Instagram,45000\nBo,TikTok,120000\n');
    expect(description(reply)).toContain('Columns used (header on line 2): followers “Followers” · name “Name” · platform “Platform”.');
    expect(description(reply)).toContain(total(2, 165_000));
  });
});

describe('/roster: a row with a handle but no name', () => {
  it('is a creator, whatever its count adds up to, and the real total under it is set aside', async () => {
    const reply = await runRoster('Name,Handle,Followers\nAna Lopez,@analopez,45.2K\nBo Kim,@bokim,120K\n,@cy.makes,165K\nDi Rossi,@dirossi,80K\n,,410.2K\n');
    expect(description(reply)).toContain(total(4, 410_200));
    expect(field(reply, 'Rows not read (1)')).toBe('Line 6: “410.2K” — a total row, not a creator');
  });

  it.each([
    ['a handle column headed “Instagram Handle”', 'Name,Instagram Handle,Followers\nAna Lopez,@analopez,12K\n,@bo.kim,8K\nCy Rossi,@cyrossi,45K\n,@dana.eats,65K\nEli Berg,@eliberg,30K\n', total(5, 160_000)],
    ['a platform', 'Creator,Handle,Platform,Followers\nAna Lopez,@analopez,Instagram,10000\nBo Kim,@bokim,TikTok,20000\n,@cy.makes,Instagram,30000\nDana Silva,@danasilva,YouTube,50000\n', total(4, 110_000)],
    ['a platform only', 'Name,Platform,Followers\nAna,Instagram,250000\nBo,TikTok,50000\n,YouTube,300000\n', total(3, 600_000)],
  ])('is counted with %s', async (_what, file, expected) => {
    const reply = await runRoster(file);
    expect(description(reply)).toContain(expected);
    expect(field(reply, 'Rows not read')).toBeUndefined();
  });
});

describe('/roster: a creator named with a sum word', () => {
  it('is counted when the total under every row adds up only with it, and that total is set aside', async () => {
    const reply = await runRoster('Name,Followers\nAna Lopez,10000\nBo Kim,20000\nTotal Beauty,30000\nDana Silva,15000\n,75000\n');
    expect(description(reply)).toContain(total(4, 75_000));
    expect(field(reply, 'Rows not read (1)')).toBe('Line 6: “75000” — a total row, not a creator');
    expect(noteOnLine(reply, 4)).toContain('the total on line 6 adds up only with this row counted: counted as a creator');
  });

  it('is counted when its count is only the sum rounded, or when its row has a platform or a handle of its own', async () => {
    const rounded = await runRoster('Creator,Platform,Followers\nAna Lopez,Instagram,800K\nBo Kim,TikTok,720K\nOverall Fitness,YouTube,1.5M\n');
    expect(description(rounded)).toContain(total(3, 3_020_000));
    expect(field(rounded, 'Rows not read')).toBeUndefined();
    const exact = await runRoster('Creator,Handle,Followers\nAna Lopez,@analopez,800000\nBo Kim,@bokim,720000\nTotal Wellness,@totalwellness,1520000\n');
    expect(description(exact)).toContain(total(3, 3_040_000));
    expect(noteOnLine(exact, 4)).toContain("its row has what a creator's has (a handle, a platform or other text): counted as a creator");
  });

  it('leaves a pivot table’s rounded nameless total and its labelled subtotals set aside', async () => {
    const reply = await runRoster('Creator,Platform,Followers\nAna,Instagram,45.2K\nBo,Instagram,120K\nSubtotal Instagram,,165.2K\nCy,TikTok,1.25M\nDi,TikTok,80K\n,,1.5M\n');
    expect(description(reply)).toContain(total(4, 1_495_200));
    expect(field(reply, 'Rows not read (2)')).toBeDefined();
  });
});

describe('/roster: a column that mentions platforms', () => {
  it('is not the platform column under “Other platforms”: the count header’s platform stays every row’s', async () => {
    const reply = await runRoster('Name,Instagram Followers,Other platforms\nAna,45000,TikTok\nBo,120000,TikTok\nCy,8000,YouTube\nDi,30000,\n');
    expect(description(reply)).toContain('Columns used: followers “Instagram Followers” · name “Name” · platform Instagram (from the followers header).');
    const summary = await summaryOf(reply);
    expect(summary.embeds[0]!.fields!.map((f) => f.name)).toEqual(['Instagram — 4 creators · 203,000 followers']);
  });

  it('is not the platform column when some of its cells are notes, and one name listed twice is a repeat', async () => {
    const reply = await runRoster('Name,Followers,Notes\nAna,45000,Instagram\nBo,120000,TikTok\nCy,8000,\nAna,45000,call back\n');
    expect(description(reply)).toContain('Columns used: followers “Followers” · name “Name”.');
    expect(description(reply)).toContain(total(3, 173_000));
    expect(field(reply, 'Repeated creators (1)')).toContain('Line 5: “Ana” — same as line 2');
  });

  it('is still the platform column under “Platforms” alone', async () => {
    const reply = await runRoster('Name,Platforms,Followers\nAna,Instagram,45000\nAna,TikTok,120000\n');
    expect(description(reply)).toContain('platform “Platforms”');
    expect(description(reply)).toContain(total(2, 165_000));
  });
});

describe('/roster: a file without a header row', () => {
  it('takes its first column of text as the name column, so that a nameless sum is a total', async () => {
    const reply = await runRoster('Ana,45000,Instagram\nBo,120000,TikTok\nCy,8000,Instagram\n,173000,\n');
    expect(description(reply)).toContain('Columns used: followers “column 2” · name “column 1” · platform “column 3”.');
    expect(description(reply)).toContain(total(3, 173_000));
    expect(field(reply, 'Rows not read (1)')).toBe('Line 4: “173000” — a total row, not a creator');
  });

  it('says when a creator is listed twice', async () => {
    const reply = await runRoster('Ana,45000\nBo,120000\nCy,8000\nAna,45000\n');
    expect(description(reply)).toContain(total(3, 173_000));
    expect(field(reply, 'Repeated creators (1)')).toContain('Line 4: “Ana” — same as line 1');
  });
});
