/**
 * /roster under files built to make it work hard: every file within the upload limit is refused
 * or read with bounded work. Each test's time bound is generous (a guard against the minutes-long
 * blow-up, not a speed goal); the bounded work is what the refusals assert.
 */
import { describe, expect, it } from 'vitest';
import type { Reply } from '../src/commands/types';
import { MAX_ROSTER_BYTES, MAX_ROSTER_LINES, MAX_ROSTER_ROWS } from '../src/domain/roster';
import { runRoster, utf8 } from './support/roster';

/** Far above the milliseconds these files take now; far below the seconds to minutes they took. */
const GUARD_MS = 2_000;

/** /roster on `text`, which fits the upload limit, and how long it took. */
async function timedRoster(text: string): Promise<{ reply: Reply; ms: number }> {
  const bytes = utf8(text);
  expect(bytes.length).toBeLessThanOrEqual(MAX_ROSTER_BYTES);
  const started = performance.now();
  const reply = await runRoster(bytes);
  return { reply, ms: performance.now() - started };
}

const embedText = (reply: Reply) => JSON.stringify(reply.embeds);
const isRefusal = (reply: Reply) => reply.inputError === true;
/** The text repeated to fill what is left of the upload limit after `used` bytes. */
const fill = (unit: string, used: number) => unit.repeat(Math.floor((MAX_ROSTER_BYTES - used) / unit.length));

describe('/roster with hostile files', () => {
  it('refuses 2 MB of blank lines between two creators as too many rows, saying the blank ones count', async () => {
    const text = `name,followers\nSara,45000\n${fill('\n', 100)}Tom,1200\n`;
    const { reply, ms } = await timedRoster(text);
    expect(isRefusal(reply)).toBe(true);
    expect(embedText(reply)).toContain('Too many rows');
    expect(embedText(reply)).toContain(`more than ${MAX_ROSTER_LINES.toLocaleString('en')} lines, `);
    expect(ms).toBeLessThan(GUARD_MS);
  });

  it('refuses 2 MB of one-cell rows as more rows than the limit, without reading them all', async () => {
    // Each row narrower than the header: the kind csv-parse does the most work for.
    const { reply, ms } = await timedRoster(`name,followers\n${fill('1\r\n', 100)}`);
    expect(isRefusal(reply)).toBe(true);
    expect(embedText(reply)).toContain(`has more than ${MAX_ROSTER_LINES.toLocaleString('en')} rows; the limit is ${MAX_ROSTER_ROWS.toLocaleString('en')}.`);
    expect(ms).toBeLessThan(GUARD_MS);
  });

  it('takes a sheet padded below with 2 MB of empty rows: they are no rows', async () => {
    const creators = Array.from({ length: 1000 }, (_, i) => `c${i},instagram,${1000 + i}`).join('\n');
    const head = `name,platform,followers\n${creators}\n`;
    const { reply, ms } = await timedRoster(`${head}${fill(',\n', head.length)}`);
    expect(isRefusal(reply)).toBe(false);
    expect(embedText(reply)).toContain('Total: 1,000 creators');
    expect(ms).toBeLessThan(GUARD_MS);
  });

  it('takes 5,000 creators with a blank row after each, and refuses them with one blank row more', async () => {
    const creators = Array.from({ length: MAX_ROSTER_ROWS }, (_, i) => `c${i},${1000 + i}`);
    const taken = await timedRoster(`name,followers\n${creators.join('\n\n')}\n`);
    expect(isRefusal(taken.reply)).toBe(false);
    expect(embedText(taken.reply)).toContain('Total: 5,000 creators');
    const refused = await timedRoster(`name,followers\n\n${creators.join('\n\n')}\n`);
    expect(embedText(refused.reply)).toContain(`more than ${MAX_ROSTER_LINES.toLocaleString('en')} lines, `);
    expect(embedText(refused.reply)).toContain('Delete the blank rows');
  });

  it('refuses a header wider than the column limit with nothing under it as too wide, not as having no rows', async () => {
    const { reply } = await timedRoster(`name,followers,${'45000,'.repeat(200_000)}45000`);
    expect(embedText(reply)).toContain('Too many columns');
    expect(embedText(reply)).toContain('200,003 columns; the limit is 500');
  });

  it('reads a blank row of 300,000 empty cells between creators as any blank row, with bounded work', async () => {
    const { reply, ms } = await timedRoster(`name,followers\nSara,45000\n${','.repeat(300_000)}\nTom,1200\n`);
    expect(isRefusal(reply)).toBe(false);
    expect(embedText(reply)).toContain('Total: 2 creators');
    expect(ms).toBeLessThan(GUARD_MS);
  });
});
