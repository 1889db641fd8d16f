/**
 * /roster on rows as real exports have them: a pivot table's subtotals and totals labelled in any
 * words (and a nameless total written as rounded as the column's cells), while a creator named
 * "Total Beauty" stays a creator; a handle written as a profile link; a creator whose only count
 * is in another count column; rows a comma inside an unquoted cell moved; counts in thousands
 * without a unit, and formulas; and two rows of one name without a platform to tell them apart.
 */

import { describe, expect, it } from 'vitest';
import type { Reply } from '../src/commands/types';
import { returnedCsv, runRoster, summaryOf } from './support/roster';

const description = (reply: Reply) => reply.embeds[0]!.description!;
const field = (reply: Reply, name: string) => reply.embeds[0]!.fields!.find((f) => f.name.startsWith(name))?.value;
const total = (creators: number, followers: number) => `**Total: ${creators} creator${creators === 1 ? '' : 's'} · ${followers.toLocaleString('en-US')} followers**`;

/** The note column of the roster-tiers.csv sent back, one per row under the header. */
function notes(reply: Reply): string[] {
  return returnedCsv(reply).records.slice(1).map((r) => r.at(-1)!);
}

function chartCreators(reply: Reply): number {
  if (reply.chart?.kind !== 'roster') throw new Error('no chart');
  return reply.chart.opts.bars.reduce((n, b) => n + b.creators, 0);
}

/** The "Summary by platform" reply: its title, then its per-platform lines. */
async function platformLines(reply: Reply): Promise<string[]> {
  const summary = (await summaryOf(reply)).embeds[0]!;
  return [summary.title!, ...summary.fields!.map((f) => f.name)];
}

describe('/roster: subtotal and total rows in any words', () => {
  it('sets a pivot table’s per-platform totals and its grand total aside, and the summary agrees', async () => {
    const reply = await runRoster(
      'Platform,Creator,SUM of Followers\nInstagram,Ana,45200\n,Bo,120000\nInstagram Total,,165200\nTikTok,Cy,1250000\n,Di,80000\nTikTok Total,,1330000\nGrand Total,,1495200\n',
    );
    expect(description(reply)).toContain(total(4, 1_495_200));
    expect(field(reply, 'Rows not read (3)')).toBe(
      ['Line 4: “165200” — a total row, not a creator', 'Line 7: “1330000” — a total row, not a creator', 'Line 8: “1495200” — a total row, not a creator'].join('\n'),
    );
    expect(chartCreators(reply)).toBe(4);
    expect(notes(reply)[2]).toBe('not read: a total row, not a creator');
    expect((await platformLines(reply))[0]).toBe('Roster by platform: 4 creators');
  });

  it('sets “Subtotal Instagram” and “Total TikTok” aside: each is the sum of its group above it', async () => {
    const reply = await runRoster(
      'Creator,Platform,Followers\nAna,Instagram,45200\nBo,Instagram,120000\nSubtotal Instagram,,165200\nCy,TikTok,1250000\nDi,TikTok,80000\nTotal TikTok,,1330000\nGrand Total,,1495200\n',
    );
    expect(description(reply)).toContain(total(4, 1_495_200));
    expect(field(reply, 'Rows not read (3)')).toBeDefined();
  });

  it('sets a per-group total and a grand total of the same count aside', async () => {
    const reply = await runRoster('Creator,Followers\nAna,45200\nBo,120000\nInstagram total,165200\nTotals (2 creators),165200\n');
    expect(description(reply)).toContain(total(2, 165_200));
  });

  it.each(['Total reach', 'Total Instagram followers', 'Total (excl. pending)', 'Sum total', 'Total creators: 3', 'Gesamt Reichweite', 'Instagram Total', 'Overall', 'Σ', 'Σ Followers'])(
    'sets a last row labelled “%s” aside when its count is the sum of the rows above',
    async (label) => {
      const reply = await runRoster(`Creator,Followers\nAna,45200\nBo,120000\nCy,1250000\n"${label}",1415200\n`);
      expect(description(reply)).toContain(total(3, 1_415_200));
      expect(field(reply, 'Rows not read (1)')).toMatch(/^Line 5 \(“.+”\): “1415200” — a total row, not a creator$/);
    },
  );

  it('sets a nameless total aside when it is the sum rounded as the column writes its counts', async () => {
    const kFormat = await runRoster('Creator,Platform,Followers\nAna,Instagram,45.2K\nBo,Instagram,120K\nCy,TikTok,1.25M\nDi,TikTok,80K\n,,1.5M\n');
    expect(description(kFormat)).toContain(total(4, 1_495_200));
    expect(field(kFormat, 'Rows not read (1)')).toBe('Line 6: “1.5M” — a total row, not a creator');
    const rounded = await runRoster('Name,Followers\nAna,45200\nBo,120000\nCy,1250000\n,1.4M\n');
    expect(description(rounded)).toContain(total(3, 1_415_200));
  });

  it('counts a nameless row whose count is only roughly the sum, or rounded coarser than it is written', async () => {
    expect(description(await runRoster('Name,Followers\nAna,45200\nBo,120000\nCy,1250000\n,1.6M\n'))).toContain(total(4, 3_015_200));
    expect(description(await runRoster('Name,Followers\nAna,45200\nBo,120000\nCy,1250000\n,1M\n'))).toContain(total(4, 2_415_200));
  });

  it('keeps creators whose names have a sum word, when their count is no sum of the rows above', async () => {
    const reply = await runRoster('Name,Followers\nTotal Beauty,45000\nAna,12000\nOverall Fitness,300000\nBo,1000\nSum Ho,7000\n');
    expect(description(reply)).toContain(total(5, 365_000));
    expect(field(reply, 'Rows not read')).toBeUndefined();
  });

  it('sets a pivot table’s total of a group of one aside, but keeps a creator named like a total with the count of the one row above', async () => {
    const pivot = await runRoster('Platform,Creator,SUM of Followers\nInstagram,Ana,45200\nInstagram Total,,45200\nTikTok,Cy,10000\n,Di,80000\nTikTok Total,,90000\nGrand Total,,135200\n');
    expect(description(pivot)).toContain(total(3, 135_200));
    const named = await runRoster('Name,Platform,Followers\nAna,Instagram,10000\nSum Ho,Instagram,10000\nTotal Beauty,TikTok,10000\n');
    expect(description(named)).toContain(total(3, 30_000));
    expect(field(named, 'Rows not read')).toBeUndefined();
  });

  it('keeps “Total Beauty” under a creator with its count, and takes it listed twice as a repeat, not a total', async () => {
    const reply = await runRoster('Name,Followers\nTotal Beauty,45000\nTotal Beauty,45000\nAna,12000\n');
    expect(description(reply)).toContain(total(2, 57_000));
    expect(field(reply, 'Repeated creators (1)')).toContain('Line 3: “Total Beauty” — same as line 2');
    expect(field(reply, 'Rows not read')).toBeUndefined();
  });

  it('says when a row named like a total, with the largest count, is counted because its count is no sum', async () => {
    const reply = await runRoster('Name,Followers\nAna,45200\nBo,120000\nCy,1250000\nTotal (excl. pending),1300000\n');
    expect(description(reply)).toContain(total(4, 2_715_200));
    expect(description(reply)).toContain('Line 5 (“Total \\(excl. pending\\)”) is counted as a creator');
    expect(notes(reply)[3]).toContain('named like a total, but its count is not the sum of the rows above: counted as a creator');
  });
});

describe('/roster: a handle written as a profile link', () => {
  it('is the same creator as the @handle', async () => {
    const reply = await runRoster(
      'Name,Platform,Handle,Followers\nKim Ha,Instagram,@kimha,33000\nKim Ha,IG,https://www.instagram.com/kimha/,33000\nLou Mar,TikTok,@loumar,91000\nLou Mar,tiktok,tiktok.com/@loumar,91000\nSam Po,Instagram,samPo,12000\nSam Po,Insta,@sampo ,12000\n',
    );
    expect(description(reply)).toContain(total(3, 136_000));
    expect(field(reply, 'Repeated creators (3)')).toContain('Line 3: “Kim Ha” on Instagram — same as line 2, counted there');
  });

  it.each([
    ['Instagram', 'http://instagram.com/KimHa?igsh=abc123'],
    ['Instagram', 'instagram.com/kimha'],
    ['Instagram', 'https://m.instagram.com/kimha/'],
    ['TikTok', 'https://www.tiktok.com/@kimha?lang=en'],
    ['YouTube', 'youtube.com/@KimHa'],
    ['YouTube', 'https://www.youtube.com/c/kimha/'],
    ['X', 'https://x.com/kimha'],
    ['X', 'twitter.com/kimha/'],
  ])('on %s, %s is @kimha', async (platform, link) => {
    const reply = await runRoster(`Name,Platform,Handle,Followers\nKim,${platform},@kimha,33000\nKim H.,${platform},${link},34000\n`);
    expect(description(reply)).toContain(total(1, 33_000));
  });

  it('takes a link to a post as no handle', async () => {
    const post = await runRoster('Name,Platform,Handle,Followers\nKim,Instagram,@kimha,33000\nKim,Instagram,instagram.com/p/kimha,34000\n');
    expect(description(post)).toContain(total(2, 67_000));
  });
});

describe('/roster: a row whose only count is in another count column', () => {
  it('names that column, its count and the option that reads it', async () => {
    const reply = await runRoster(
      'First Name,Last Name,Email,Instagram Handle,Instagram Followers,TikTok Handle,TikTok Followers,YouTube Channel,YouTube Subscribers\n' +
        'Sara,Lopez,sara@example.com,@saralopez,52000,@saralopez,310000,,\n' +
        'Priya,Shah,priya@example.com,,,@priyadances,2300000,,\n',
    );
    expect(field(reply, 'Rows not read (1)')).toBe('Line 3 (“Priya Shah”): no follower count in “Instagram Followers”; “TikTok Followers” has 2,300,000 (`count_column:7`)');
    expect(notes(reply)[1]).toBe('not read: no follower count; “TikTok Followers” (column 7) has 2,300,000');
  });

  it('tells columns of one header apart by number, under a two-row header', async () => {
    const reply = await runRoster(',Instagram,,TikTok,\nName,Handle,Followers,Handle,Followers\nAna,@ana,45000,@ana.tt,300000\nBo,@bo,,@bo.tt,12000\n');
    expect(field(reply, 'Rows not read (1)')).toBe('Line 4 (“Bo”): no follower count in “Followers” (column 3); “Followers” (column 5) has 12,000 (`count_column:5`)');
  });

  it('says nothing more when no other column has a count either', async () => {
    const reply = await runRoster('Name,Instagram Followers,TikTok Followers\nAna,45000,1000\nBo,,n/a\n');
    expect(field(reply, 'Rows not read (1)')).toBe('Line 3 (“Bo”): no follower count');
  });
});

describe('/roster: rows a comma inside an unquoted cell moved', () => {
  const SHIFTED = 'Name,Followers,Platform\nAna,45,200,Instagram\nBo,1,250,000,TikTok\nCy,9800,Instagram\n';

  it('are left out of the totals, the chart and the summary, saying why and how to fix them', async () => {
    const reply = await runRoster(SHIFTED);
    expect(description(reply)).toContain(total(1, 9_800));
    expect(chartCreators(reply)).toBe(1);
    const lines = field(reply, 'Rows not read (2)')!.split('\n');
    expect(lines[0]).toBe('Line 2 (“Ana”): “45” — a comma split the count over 2 cells (this row has 4 where the header has 3): write the count without commas, or quote it');
    expect(lines[1]).toBe('Line 3 (“Bo”): “1” — a comma split the count over 3 cells (this row has 5 where the header has 3): write the count without commas, or quote it');
    expect(description(reply)).toContain('Lines 2 and 3 have more cells than the header');
    expect(description(reply)).toContain('They are left out of the totals (listed below): quote the cell with the comma, or drop the comma, and upload again.');
    expect(notes(reply)[0]).toMatch(/^not read: a comma split the count over 2 cells/);
    expect(await platformLines(reply)).toEqual(['Roster by platform: 1 creator', 'Instagram — 1 creator · 9,800 followers']);
  });

  it('without a platform column, still knows a count written 45,200', async () => {
    const reply = await runRoster('Name,Followers\nAna,45,200\nBo,12000\n');
    expect(description(reply)).toContain(total(1, 12_000));
  });

  it('takes a number moved into the count column by a comma in the name as moved', async () => {
    const reply = await runRoster('Name,Following,Followers,Platform\nSmith, Jane,300,45000,Instagram\nBo,200,12000,TikTok\n');
    expect(description(reply)).toContain(total(1, 12_000));
    expect(field(reply, 'Rows not read (1)')).toContain('a comma inside an unquoted cell before the count moved it out of its column');
  });

  it('still counts a row whose extra cells only follow its own', async () => {
    const reply = await runRoster('Name,Platform,Followers\nAna,Instagram,45000,call back,June\nBo,TikTok,12000\n');
    expect(description(reply)).toContain(total(2, 57_000));
  });

  it('explains a file whose every row is moved so', async () => {
    const reply = await runRoster('Name,Followers\nAna,45,200\nBo,120,500\n');
    expect(reply.inputError).toBe(true);
    expect(description(reply)).toContain('a comma inside');
  });
});

describe('/roster: counts in thousands without a unit, and formulas', () => {
  it('suggests heading the column “Followers (K)” when most counts are decimals or under 1,000', async () => {
    const reply = await runRoster('Name,Followers\nAna,45.2\nBo,120.5\nCy,1.1\nDi,12\n');
    expect(description(reply)).toContain('if the column is in thousands, head it “Followers \\(K\\)”');
    expect(description(reply)).toContain('“12” is read as 12 followers');
  });

  it('quotes each example once', async () => {
    const reply = await runRoster('Name,Followers\nA,45.2\nB,45.2\nC,45.2\nD,120.5\nE,12\n');
    expect(description(reply)).toContain('(“45.2”, “120.5”, “12”)');
  });

  it('says nothing of thousands for whole counts, small ones included', async () => {
    const reply = await runRoster('Name,Followers\nAna,450\nBo,120\nCy,45000\n');
    expect(description(reply)).not.toContain('thousands');
  });

  it('says a formula is one, and to export values', async () => {
    const reply = await runRoster('Name,Followers\nAlice,12000\nBob,34000\nCarla,=B2*2\nDev,56000\n,=SUM(B2:B5)\n');
    expect(field(reply, 'Rows not read (2)')).toBe(
      'Line 4 (“Carla”): “=B2\\*2” — a formula, not a follower count: export the sheet with values, not formulas\nLine 6: “=SUM\\(B2\\:B5\\)” — a formula, not a follower count: export the sheet with values, not formulas',
    );
  });
});

describe('/roster: one name twice, no platform given', () => {
  it('never claims the same platform, and says the other count may be another account', async () => {
    const reply = await runRoster('Name,Followers\nAna Lima,45200\nAna Lima,1250000\n');
    expect(description(reply)).not.toContain('platform as an earlier row');
    expect(description(reply)).toContain('1 row with the same name as an earlier row is left out of the totals');
    expect(description(reply)).toContain('Its count differs from the row counted: if it is another account of that creator (on another platform), give each row its platform in a column headed Platform to count it');
    expect(field(reply, 'Repeated creators (1)')).toBe('Line 3: “Ana Lima” — same as line 2, counted there with 45,200 followers (this row: 1,250,000)');
    expect(notes(reply)[1]).toBe('repeat of line 2 (same name, no platform given): counted once, at line 2');
  });
});
