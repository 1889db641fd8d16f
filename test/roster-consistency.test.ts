/**
 * /roster says the same thing everywhere: the button is offered only where it can work, the file
 * handed back keeps every cell the user wrote, the tier column groups rows as the reply's table
 * does, and a creator listed twice is counted once in the reply, the chart and the platform summary.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rosterReply } from '../src/commands/roster';
import type { Reply } from '../src/commands/types';
import { ADDED_COLUMNS, BELOW_INFLUENCER, MAX_ROSTER_BYTES, MAX_ROSTER_COLUMNS, MAX_ROSTER_ROWS, MAX_TAGGED_BYTES, readRoster } from '../src/domain/roster';
import { consensusFor } from '../src/domain/consensus';
import { DOWNLOAD_LIMIT_BYTES } from '../src/interactions/download';
import { LIMITS } from '../src/commands/limits';
import { memoryStore } from './support/context';
import { returnedCsv, runRoster, summaryOf, utf8 } from './support/roster';

const buttonId = (reply: Reply) => (reply.components?.[0]?.components[0] as { custom_id: string } | undefined)?.custom_id;
const embedText = (reply: Reply) => JSON.stringify(reply.embeds);

/** A 2 MB roster of `=` cells, which neutralising and quoting make two and a half times larger. */
function inflatingRoster(columns: number, rows: number): string {
  const header = ['name', 'platform', 'followers', ...Array.from({ length: columns - 3 }, (_, i) => `c${i}`)].join(',');
  const row = (i: number) => [`n${i}`, 'Instagram', String(10_000 + i), ...Array<string>(columns - 3).fill('=')].join(',');
  return `${header}\n${Array.from({ length: rows }, (_, i) => row(i)).join('\n')}\n`;
}

describe('/roster: Summary by platform is offered only when it can read the file back', () => {
  it('leaves the button off, saying why, when roster-tiers.csv is over what is read back', async () => {
    const text = inflatingRoster(MAX_ROSTER_COLUMNS, 2_000);
    expect(text.length).toBeLessThanOrEqual(MAX_ROSTER_BYTES);
    const reply = await runRoster(utf8(text));
    const { bytes, records } = returnedCsv(reply);
    expect(bytes.length).toBeGreaterThan(MAX_TAGGED_BYTES);
    expect(bytes.length).toBeLessThanOrEqual(LIMITS.attachmentBytes);
    expect(records).toHaveLength(2_001);
    expect(buttonId(reply)).toBeUndefined();
    expect(reply.embeds[0]!.description).toMatch(/No “Summary by platform” button: roster-tiers\.csv is \d+\.\d MB, and it can be read back up to 4 MB\./);
    // Everything else is still there: the totals and the chart.
    expect(embedText(reply)).toContain('Total: 2,000 creators');
    expect(reply.chart?.kind).toBe('roster');
  }, 60_000);

  it('offers the button on a file it can read back, and pressing it works', async () => {
    const reply = await runRoster(utf8(inflatingRoster(20, 200)));
    expect(returnedCsv(reply).bytes.length).toBeLessThanOrEqual(MAX_TAGGED_BYTES);
    const summary = await summaryOf(reply);
    expect(summary.inputError).toBeUndefined();
    expect(summary.embeds[0]!.title).toBe('Roster by platform: 200 creators');
  });

  it('reads back, and downloads, every file it offers the button on', () => {
    expect(MAX_TAGGED_BYTES).toBeLessThanOrEqual(DOWNLOAD_LIMIT_BYTES);
  });

  it('hands back a file within Discord’s attachment limit for the largest input it takes', async () => {
    // Every row as wide as allowed, as many rows as allowed, the rest `=` cells: the most a file can grow.
    const header = ['name', 'followers', ...Array.from({ length: MAX_ROSTER_COLUMNS - 2 }, (_, i) => `c${i}`)].join(',');
    const perRow = Math.floor((MAX_ROSTER_BYTES - header.length - 1) / MAX_ROSTER_ROWS);
    // One readable count: a roster with none is refused.
    const row = (i: number) => `n${i},${i === 0 ? 1000 : '=1'},${'=,'.repeat(MAX_ROSTER_COLUMNS)}`.slice(0, perRow - 1);
    const text = `${header}\n${Array.from({ length: MAX_ROSTER_ROWS }, (_, i) => row(i)).join('\n')}\n`;
    expect(text.length).toBeLessThanOrEqual(MAX_ROSTER_BYTES);
    const reply = await runRoster(utf8(text));
    expect(reply.inputError).toBeUndefined();
    expect(returnedCsv(reply).bytes.length).toBeLessThanOrEqual(LIMITS.attachmentBytes);
  }, 60_000);

  it('refuses, naming the limit, rather than send a file Discord would not take', () => {
    const read = readRoster(utf8('name,bio,followers\nSara,x,45000\n'));
    if (!read.ok) throw new Error(read.error.kind);
    const huge = { ...read.roster, rows: read.roster.rows.map((r) => ({ ...r, cells: [r.cells[0]!, 'x'.repeat(LIMITS.attachmentBytes), r.cells[2]!] })) };
    const reply = rosterReply(huge, 'team.csv', { viewers: 'channel' });
    expect(reply.inputError).toBe(true);
    expect(reply.files ?? []).toEqual([]);
    expect(embedText(reply)).toContain('more than the 10 MB Discord lets a bot attach');
  });
});

describe('/roster: cells past the header’s last column', () => {
  const SHIFTED = 'name,platform,followers\nSmith, Jane,Instagram,45000\nBob,TikTok,12000,extra note,more\n';

  it('keeps every cell in roster-tiers.csv, and says a comma in an unquoted cell is the likely cause', async () => {
    const reply = await runRoster(utf8(SHIFTED));
    const { records } = returnedCsv(reply);
    expect(records[0]).toEqual(['name', 'platform', 'followers', '', '', ...ADDED_COLUMNS]);
    expect(records[1]!.slice(0, 5)).toEqual(['Smith', ' Jane', 'Instagram', '45000', '']);
    expect(records[2]!.slice(0, 5)).toEqual(['Bob', 'TikTok', '12000', 'extra note', 'more']);
    expect(records[1]![8]).toContain('not read: not a follower count I can read');
    expect(records[1]![8]).toContain('1 cell past the header\'s last column (a comma inside an unquoted cell?)');
    const text = embedText(reply);
    expect(text).toContain('Line 2 (“Smith”): “Instagram” — not a follower count I can read; this row has 4 cells where the header has 3: a comma inside an unquoted cell?');
    expect(text).toContain('Lines 2 and 3 have more cells than the header');
    // The summary still reads the file back.
    expect((await summaryOf(reply)).embeds[0]!.fields!.map((f) => f.name)).toEqual(['TikTok — 1 creator · 12,000 followers']);
  });

  it('keeps the column contract for a file whose rows fit its header, trailing blank cells included', async () => {
    const { records } = returnedCsv(await runRoster(utf8('name,followers\nSara,45000,,,\nTom,1200\n')));
    expect(records[0]).toEqual(['name', 'followers', ...ADDED_COLUMNS]);
    expect(records.map((r) => r.length)).toEqual([6, 6, 6]);
  });

  it('refuses a row wider than the column limit, naming its line', async () => {
    const reply = await runRoster(utf8(`name,followers\nSara,45000\nTom,1200,${'x,'.repeat(MAX_ROSTER_COLUMNS)}\n`));
    expect(reply.inputError).toBe(true);
    expect(embedText(reply)).toContain(`Line 3 of “team.csv” has ${MAX_ROSTER_COLUMNS + 2} cells; the limit is ${MAX_ROSTER_COLUMNS} columns.`);
  });
});

describe('/roster: a "Channel" column', () => {
  it('is the name column in a YouTube export, so channels are not listed as platforms', async () => {
    const reply = await runRoster(utf8('Channel,Subscribers\nMrBeast,250M\nMKBHD,19M\n'));
    expect(embedText(reply)).toContain('Columns used: followers “Subscribers” · name “Channel”.');
    // No platform to split by: no Summary by platform button.
    expect(reply.components ?? []).toEqual([]);
  });

  it('is the platform column when its cells name platforms', async () => {
    const reply = await runRoster(utf8('Creator,Channel,Followers\nSara,IG,45000\nTom,TikTok,1200\nLea,Instagram,9000\n'));
    expect(embedText(reply)).toContain('Columns used: followers “Followers” · name “Creator” · platform “Channel”.');
    expect((await summaryOf(reply)).embeds[0]!.fields!.map((f) => f.name.split(' — ')[0])).toEqual(['Instagram', 'TikTok']);
  });
});

describe('/roster: a creator listed twice', () => {
  const DUPS = 'name,platform,followers\nAnn,IG,10000\nAnn,IG,10000\nann,Instagram,20000\nAnn,TikTok,1500\nBo,TikTok,30000\n';

  it('is counted once (at the first row), listed in the reply and noted in the CSV, and the summary agrees', async () => {
    const reply = await runRoster(utf8(DUPS));
    const text = embedText(reply);
    expect(reply.embeds[0]!.title).toBe('Roster: 3 creators by tier');
    expect(text).toContain('Total: 3 creators · 41,500 followers');
    expect(text).toContain('Each creator is counted once: 2 rows with the same name and platform as an earlier row are left out of the totals');
    expect(text).toContain('Line 3: “Ann” on Instagram — same as line 2, counted there');
    expect(text).toContain('Line 4: “ann” on Instagram — same as line 2, counted there with 10,000 followers (this row: 20,000)');
    const { records } = returnedCsv(reply);
    expect(records.map((r) => r[6])).toEqual([
      'note',
      '',
      'repeat of line 2 (same name and platform): counted once, at line 2',
      'repeat of line 2 (same name and platform): counted once, at line 2',
      expect.not.stringContaining('repeat') as unknown as string,
      '',
    ]);
    if (reply.chart?.kind !== 'roster') throw new Error('no chart');
    expect(reply.chart.opts.bars.reduce((n, b) => n + b.creators, 0)).toBe(3);
    const summary = await summaryOf(reply);
    expect(summary.embeds[0]!.title).toBe('Roster by platform: 3 creators');
    expect(summary.embeds[0]!.fields!.map((f) => f.name)).toEqual(['TikTok — 2 creators · 31,500 followers', 'Instagram — 1 creator · 10,000 followers']);
  });

  it('shows repeated names that differ only after 30 characters long enough to tell them apart', async () => {
    const one = 'The Extremely Long Creator Name Studio One';
    const two = 'The Extremely Long Creator Name Studio Two';
    const reply = await runRoster(utf8(`name,platform,followers\n${one},IG,45k\n${two},IG,46k\n${one},IG,45k\n${two},IG,46k\nAnn,IG,1k\nAnn,IG,1k\n`));
    const repeats = reply.embeds[0]!.fields!.find((f) => f.name.startsWith('Repeated creators'))!.value.split('\n');
    expect(repeats).toEqual([
      `Line 4: “${one}” on Instagram — same as line 2, counted there`,
      `Line 5: “${two}” on Instagram — same as line 3, counted there`,
      'Line 7: “Ann” on Instagram — same as line 6, counted there',
    ]);
  });

  it('is a repeat whatever the case of the name, and without a platform column by name alone', async () => {
    const reply = await runRoster(utf8('name,followers\nAnn,10000\nAnn,10000\nann,20000\n'));
    expect(embedText(reply)).toContain('Total: 1 creator · 10,000 followers');
    expect(embedText(reply)).toContain('Repeated creators (2)');
  });
});

describe('/roster: the tier column groups rows as the reply’s table does', () => {
  it('puts counts under most publishers’ smallest tier as “below influencer size”, and shows ties as the pair, explained', async () => {
    const tie = consensusFor(1_000);
    expect(tie.leaders.length).toBeGreaterThan(1);
    const reply = await runRoster(utf8('name,followers\nNano,999\nZero,0\nTie,1000\nA,10000\n'));
    const { records } = returnedCsv(reply);
    expect(records.slice(1).map((r) => r[2])).toEqual([BELOW_INFLUENCER, BELOW_INFLUENCER, tie.word, consensusFor(10_000).word]);
    expect(embedText(reply)).toContain(`A tier shown as “${tie.word}” is a tie: as many publishers put those counts in one tier as in the other.`);
  });

  it('names rows outside the house tiers by where they fall, as /tier and /compare do, in the CSV and the table alike', async () => {
    const store = memoryStore();
    await store.setHouse('42', { text: 'seed 1k-10k, gap, growth 20k-100k', setById: '1', setByName: 'm', setAt: new Date('2026-12-01T00:00:00Z') });
    const reply = await runRoster(utf8('name,followers\nA,500\nB,5000\nC,5000000\nD,15000\n'), { guildId: '42', store });
    const { records } = returnedCsv(reply);
    expect(records.slice(1).map((r) => r[2])).toEqual(['below seed', 'seed', 'above growth', 'between seed and growth']);
    if (reply.chart?.kind !== 'roster') throw new Error('no chart');
    // Too small and too big are never one group, and each sits where its counts fall.
    expect(reply.chart.opts.bars.map((b) => b.label)).toEqual(['below seed', 'seed', 'between seed and growth', 'above growth']);
  });

  it('for any counts: the rows per tier value in the CSV are the creators per tier in the chart', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 3_000_000_000 }), { minLength: 1, maxLength: 40 }), async (counts) => {
        const reply = await runRoster(utf8(`name,followers\n${counts.map((n, i) => `c${i},${n}`).join('\n')}\n`));
        const { records } = returnedCsv(reply);
        const inCsv = new Map<string, number>();
        for (const r of records.slice(1)) inCsv.set(r[2]!, (inCsv.get(r[2]!) ?? 0) + 1);
        if (reply.chart?.kind !== 'roster') throw new Error('no chart');
        expect(inCsv).toEqual(new Map(reply.chart.opts.bars.map((b) => [b.label, b.creators])));
      }),
      { numRuns: 100 },
    );
  });
});
