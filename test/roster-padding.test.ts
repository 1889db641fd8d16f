/**
 * /roster and the blank cells spreadsheets pad their exports with: trailing blank cells are not
 * cells anyone typed, in a header, a blank row or a creator's row, so they never count towards
 * the column limit; 500 columns of real cells still do.
 */
import { describe, expect, it } from 'vitest';
import type { Reply } from '../src/commands/types';
import { MAX_ROSTER_COLUMNS } from '../src/domain/roster';
import { returnedCsv, runRoster } from './support/roster';

const ADDED = ['tier', 'consensus_tier', 'consensus_votes', 'note'];
/** Blank cells past the column limit, as a sheet 600 columns wide exports every row. */
const PAD = ','.repeat(600);

const description = (reply: Reply) => reply.embeds[0]!.description ?? '';

describe('/roster: blank cells a spreadsheet pads rows with do not count towards the column limit', () => {
  it('reads a blank row of only commas between padded creators, keeping it on its line', async () => {
    const reply = await runRoster(`name,followers\nann,5000${PAD}\n,${PAD}\nbob,20000${PAD}\n`);
    expect(reply.inputError).toBeFalsy();
    expect(description(reply)).toContain('**Total: 2 creators · 25,000 followers**');
    const { records } = returnedCsv(reply);
    expect(records.map((r) => r[0])).toEqual(['name', 'ann', '', 'bob']);
    expect(records[2]!.every((cell) => cell === '')).toBe(true);
  });

  it('reads a blank row of 300,000 empty cells quickly', async () => {
    const started = performance.now();
    const reply = await runRoster(`name,followers\nSara,45000\n${','.repeat(300_000)}\nTom,1200\n`);
    expect(reply.inputError).toBeFalsy();
    expect(description(reply)).toContain('**Total: 2 creators · 46,200 followers**');
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('reads a header padded with blank cells, and writes it back without them', async () => {
    const reply = await runRoster(`name,followers${PAD}\nann,5000${PAD}\nbob,20000${PAD}\n`);
    expect(reply.inputError).toBeFalsy();
    expect(description(reply)).toContain('**Total: 2 creators · 25,000 followers**');
    const { text, records } = returnedCsv(reply);
    expect(records[0]).toEqual(['name', 'followers', ...ADDED]);
    // roster-tiers.csv reads back, and comes back the same.
    const again = await runRoster(text, { filename: 'roster-tiers.csv' });
    expect(again.inputError).toBeFalsy();
    expect(returnedCsv(again).text).toBe(text);
  });

  it('keeps a padded header’s unnamed columns that have cells under them', async () => {
    const reply = await runRoster(`name,followers${PAD}\nann,5000,,vip${PAD}\nbob,20000\n`);
    expect(reply.inputError).toBeFalsy();
    const { records } = returnedCsv(reply);
    expect(records[0]).toEqual(['name', 'followers', '', '', ...ADDED]);
    expect(records[1]!.slice(0, 4)).toEqual(['ann', '5000', '', 'vip']);
    expect(records[1]![7]).toBe('');
  });

  it('finds the header under a title when every row is padded', async () => {
    const reply = await runRoster(`Q4 shortlist,${PAD}\nname,followers${PAD}\nann,5000${PAD}\n`);
    expect(reply.inputError).toBeFalsy();
    expect(description(reply)).toContain('Columns used (header on line 2)');
    expect(description(reply)).toContain('**Total: 1 creator · 5,000 followers**');
  });

  it('still refuses a header or a row with more real cells than the limit', async () => {
    const wideHeader = ['name', 'followers', ...Array.from({ length: MAX_ROSTER_COLUMNS - 1 }, (_, i) => `c${i}`)].join(',');
    const header = await runRoster(`${wideHeader}${PAD}\nann,5000\n`);
    expect(header.inputError).toBe(true);
    expect(JSON.stringify(header.embeds)).toContain(`has ${MAX_ROSTER_COLUMNS + 1} columns; the limit is ${MAX_ROSTER_COLUMNS}.`);
    const row = await runRoster(`name,followers${PAD}\nann,5000,${'x,'.repeat(MAX_ROSTER_COLUMNS - 1)}${PAD}\n`);
    expect(row.inputError).toBe(true);
    expect(JSON.stringify(row.embeds)).toContain(`Line 2 of “team.csv” has ${MAX_ROSTER_COLUMNS + 1} cells; the limit is ${MAX_ROSTER_COLUMNS} columns.`);
  });
});
