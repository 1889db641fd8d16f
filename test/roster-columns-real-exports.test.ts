/**
 * /roster finding its columns in files as tools and teams export them: a platform column under a
 * header in another word or language, or under none Tierbot knows (its cells name platforms); a
 * report's notes above the header (its name, who exported it, when); columns about the audience
 * (its country, age, credibility) beside the follower count; and a file without a header row.
 */

import { describe, expect, it } from 'vitest';
import type { Reply } from '../src/commands/types';
import { readRoster } from '../src/domain/roster';
import { returnedCsv, runRoster, utf8 } from './support/roster';

const description = (reply: Reply) => reply.embeds[0]!.description!;
const embedText = (reply: Reply) => JSON.stringify(reply.embeds);

/** The roster as read, or a failed expectation naming why it was refused. */
function read(text: string, options: { countColumn?: string } = {}) {
  const result = readRoster(utf8(text), options);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error)}`);
  return result.roster;
}

const creatorsOf = (roster: ReturnType<typeof read>) => roster.totals.reduce((n, t) => n + t.creators, 0);

describe('/roster: the platform column', () => {
  it('is found under "Platforms", so a creator on two platforms is two rows, not a repeat', async () => {
    const reply = await runRoster('Name,Platforms,Followers\nAna Lima,Instagram,45200\nAna Lima,TikTok,1250000\n');
    expect(description(reply)).toContain('Columns used: followers “Followers” · name “Name” · platform “Platforms”.');
    expect(description(reply)).toContain('**Total: 2 creators · 1,295,200 followers**');
    expect(embedText(reply)).not.toContain('Repeated creators');
  });

  it.each([
    'Social Media',
    'Social Platforms',
    'Social Channel',
    'Medium',
    'Network',
    'Réseau',
    'Réseau social',
    'Rede social',
    'Netzwerk',
    'Kanal',
    'Piattaforma',
    'Plataforma',
    'Primary Platform',
  ])('is found under "%s"', (header) => {
    const roster = read(`Name,${header},Followers\nAna Lima,Instagram,45200\nAna Lima,TikTok,1250000\n`);
    expect(roster.columns.platform).toBe(1);
    expect(creatorsOf(roster)).toBe(2);
    expect(roster.rows.map((r) => r.platform)).toEqual(['Instagram', 'TikTok']);
  });

  it('is the column whose cells name platforms, whatever its header says or when it has none', () => {
    for (const header of ['Where', '', 'Canal de difusión']) {
      const roster = read(`Name,${header},Followers\nAna Lima,IG,45200\nAna Lima,TikTok,1250000\nBo,YouTube,9000\n`);
      expect(roster.columns.platform, header).toBe(1);
      expect(creatorsOf(roster), header).toBe(3);
    }
  });

  it('is not a column of x marks, nor a name or handle column, nor a YouTube export\'s "Kanal" of channel names', () => {
    expect(read('Name,Approved,Followers\nAna,x,45000\nAna,x,3000\n').columns.platform).toBeUndefined();
    const handles = read('Name,Handle,Followers\nAna,instagram,45000\n').columns;
    expect([handles.platform, handles.handle]).toEqual([undefined, 1]);
    const youtube = read('Kanal;Abonnenten\nMrBeast;250M\nMKBHD;19M\n').columns;
    expect([youtube.name, youtube.platform]).toEqual([0, undefined]);
  });
});

describe('/roster: a report\'s notes above the header', () => {
  const METADATA = 'Report,Creator list,Exported 2024-05-01\nOwner,jane@brand.com,\nName,Platform,Followers\nAna,Instagram,45000\nBo,TikTok,120000\n';

  it('are passed over for the header under them, and kept above it in roster-tiers.csv', async () => {
    const reply = await runRoster(METADATA);
    expect(reply.inputError).toBeUndefined();
    expect(description(reply)).toContain('Columns used (header on line 3): followers “Followers” · name “Name” · platform “Platform”.');
    expect(description(reply)).toContain('**Total: 2 creators · 165,000 followers**');
    const { records } = returnedCsv(reply);
    expect(records.slice(0, 3).map((r) => r.slice(0, 3))).toEqual([
      ['Report', 'Creator list', 'Exported 2024-05-01'],
      ['Owner', 'jane@brand.com', ''],
      ['Name', 'Platform', 'Followers'],
    ]);
  });

  it('leave the column count_column: names found in the header under them', async () => {
    const reply = await runRoster(METADATA, { count_column: 'Followers' });
    expect(reply.inputError).toBeUndefined();
    expect(description(reply)).toContain('**Total: 2 creators · 165,000 followers**');
    // A count header Tierbot has no word for, named by the option.
    const reach = read(METADATA.replace('Followers', 'Reach'), { countColumn: 'Reach' });
    expect([reach.headerLine, reach.columns.count, creatorsOf(reach)]).toEqual([3, 2, 2]);
  });

  it('are passed over when one of them says "followers" too', () => {
    const roster = read(METADATA.replace('Creator list', 'Followers report'));
    expect([roster.headerLine, creatorsOf(roster)]).toEqual([3, 2]);
  });

  it('leave the header found when no count under it can be read, and the reply names its column', async () => {
    const reply = await runRoster('Report,Creator list,Exported 2024-05-01\nOwner,jane@brand.com,\nName,Platform,Followers\nAna,Instagram,n/a\nBo,TikTok,TBD\n');
    expect(reply.embeds[0]!.title).toBe('No follower counts to read');
    expect(description(reply)).toContain('in the column “Followers” (column 3): it holds “n/a”, “TBD”');
  });

  it('are no reason to take a creator\'s row for the header, whatever its count cell says', () => {
    const roster = read('Name,Followers\nAna,45k followers\nBo,followers hidden\nCy,3000\n');
    expect([roster.headerLine, creatorsOf(roster)]).toEqual([1, 2]);
  });
});

describe('/roster: columns about the audience beside the follower count', () => {
  it('are not counts: "Top Audience Country" and "Audience Credibility" beside "Instagram Followers"', async () => {
    const reply = await runRoster('Name,Top Audience Country,Audience Credibility,Instagram Followers\nAna,United States,81%,45200\nBo,Brazil,74%,120000\n');
    expect(reply.inputError).toBeUndefined();
    expect(description(reply)).toContain('Columns used: followers “Instagram Followers”');
    expect(description(reply)).toContain('**Total: 2 creators · 165,200 followers**');
  });

  it('are not counted even when their cells are numbers ("Audience Age 18-24")', async () => {
    const reply = await runRoster('Name,Audience Age 18-24,IG Followers\nAna,34000,45200\nBo,51000,120000\n');
    expect(description(reply)).toContain('Columns used: followers “IG Followers”');
    expect(description(reply)).toContain('**Total: 2 creators · 165,200 followers**');
    expect(embedText(reply)).not.toContain('Other count columns');
  });

  it('are not offered as another count column (HypeAuditor\'s "Audience Quality Score")', async () => {
    const reply = await runRoster('Username,Name,Social network,Subscribers,ER,Audience Quality Score,Country\nnasa,NASA,instagram,96500000,0.8,89,United States\n');
    expect(description(reply)).toContain('Columns used: followers “Subscribers”');
    expect(embedText(reply)).not.toContain('Other count columns');
  });

  it('leave "Audience size" a count, and put a follower word before "audience"', () => {
    expect(read('Name,Network,Handle,Audience size,Engagement\nKim,Instagram,@kim,33000,2.1%\n').columns.count).toBe(3);
    const both = read('Name,Audience,Instagram Followers\nAna,5000,45000\n').columns;
    expect([both.count, both.otherCounts]).toEqual([2, [1]]);
  });
});

describe('/roster: a file without a header row', () => {
  it('is read as creators from its first row when a column holds counts from the first row down', async () => {
    const reply = await runRoster('Ana,45000\nBo,120000\n');
    expect(reply.inputError).toBeUndefined();
    expect(description(reply)).toContain('No header row: line 1 already has a follower count in column 2');
    expect(description(reply)).toContain('**Total: 2 creators · 165,000 followers**');
    expect(returnedCsv(reply).records.map((r) => r.slice(0, 2))).toEqual([
      ['column 1', 'column 2'],
      ['Ana', '45000'],
      ['Bo', '120000'],
    ]);
  });

  it('has its platform column found by its cells, and its roster-tiers.csv uploaded again reads the same', async () => {
    const first = await runRoster('Sara,Instagram,45000\nSara,TikTok,1200000\n');
    expect(description(first)).toContain('**Total: 2 creators · 1,245,000 followers**');
    expect(description(first)).toContain('platform “column 2”');
    const again = await runRoster(returnedCsv(first).text, { filename: 'roster-tiers.csv' });
    expect(again.inputError).toBeUndefined();
    expect(description(again)).toContain('**Total: 2 creators · 1,245,000 followers**');
    expect(returnedCsv(again).text).toBe(returnedCsv(first).text);
  });

  it('is read so when a creator\'s name has a follower word in it', () => {
    const roster = read('Ana,45000\nFans United,3000\n');
    expect([roster.headerRow, creatorsOf(roster)]).toEqual([false, 2]);
  });

  it('is not taken for one when the first row has a header Tierbot knows, a year over the counts, or no name', async () => {
    expect(readRoster(utf8('Person,2023\nAna,45000\n'))).toMatchObject({ ok: false, error: { kind: 'no-count-column', header: ['Person', '2023'] } });
    expect(readRoster(utf8('1,2,3\nAna,IG,45000\n'))).toMatchObject({ ok: false, error: { kind: 'no-count-column', header: ['1', '2', '3'] } });
    const reply = await runRoster('Name,Reach\nAna,45000\n');
    expect(reply.embeds[0]!.title).toBe('No follower-count column');
    expect(reply.embeds[0]!.description).toContain("If the header row is further down, under a report's name or notes, delete the lines above it and upload the file again.");
  });
});
