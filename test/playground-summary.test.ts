/**
 * The playground (`npm start` without a token) presses a button on the message as Discord
 * delivers it, files included: "Summary by platform" reads the roster-tiers.csv on the message.
 * It shows a reply as Discord does: one deferred for the user alone stays private once edited.
 */

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { typeInPlayground } from './support/playground';
import { scratchDir } from './support/scratch';

describe('the playground', () => {
  it('passes the message’s files to a button pressed on it, so Summary by platform reads roster-tiers.csv', async () => {
    const dir = scratchDir('tierbot-playground-summary-');
    const roster = join(dir, 'team.csv');
    writeFileSync(roster, 'name,platform,followers\nAna,Instagram,45000\nBo,TikTok,1200000\nCy,Instagram,9000\n');
    const output = await typeInPlayground(dir, [`/roster file:${roster}`, '1']);
    expect(output).toContain('[1] Summary by platform');
    expect(output).not.toContain('no longer attached');
    expect(output).toContain('Roster by platform: 3 creators');
    expect(output).toContain('Instagram — 2 creators · 54,000 followers');
    expect(output).toContain('TikTok — 1 creator · 1,200,000 followers');
  }, 60_000);

  it('offers suggestions only for options that have them, with no log line in the session', async () => {
    const dir = scratchDir('tierbot-playground-suggest-');
    const output = await typeInPlayground(dir, ['/tier followers:30?', '/tiers source:medi?']);
    expect(output).toContain('/tier followers has no suggestions.');
    expect(output).toContain('Mediakix  →  mediakix');
    expect(output).not.toContain('"level"');
  }, 60_000);

  it('shows a reply deferred for the user alone as private once edited, and keeps the buttons of the public reply it came from', async () => {
    const dir = scratchDir('tierbot-playground-private-');
    // Export's compare.csv is deferred privately, then edited in; Assumptions is then pressed on /compare's reply.
    const output = await typeInPlayground(dir, ['/compare', '2', '1']);
    expect(output).toContain('(only you can see this)\n\n== compare.csv ==');
    expect(output).not.toContain('There is no choice 1 on the last reply.');
    expect(output).toContain('== Every input, with its source ==');
  }, 60_000);
});
