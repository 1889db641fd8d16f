/**
 * The playground (`npm start` without a token) presses a button on the message as Discord
 * delivers it, files included: "Summary by platform" reads the roster-tiers.csv on the message.
 */

import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('the playground', () => {
  it('passes the message’s files to a button pressed on it, so Summary by platform reads roster-tiers.csv', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tierbot-playground-summary-'));
    const roster = join(dir, 'team.csv');
    writeFileSync(roster, 'name,platform,followers\nAna,Instagram,45000\nBo,TikTok,1200000\nCy,Instagram,9000\n');
    const proc = spawn(process.execPath, ['--import', 'tsx', 'src/bot.ts'], {
      env: { PATH: process.env.PATH ?? '', DISCORD_TOKEN: '', DATABASE_URL: join(dir, 'bot.sqlite') },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    proc.stdout.on('data', (d) => (output += d));
    proc.stderr.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => proc.on('exit', resolve));
    try {
      proc.stdin.end(`/roster file:${roster}\n1\nexit\n`);
      expect(await exited).toBe(0);
    } finally {
      proc.kill('SIGKILL');
    }
    expect(output).toContain('[1] Summary by platform');
    expect(output).not.toContain('no longer attached');
    expect(output).toContain('Roster by platform: 3 creators');
    expect(output).toContain('Instagram — 2 creators · 54,000 followers');
    expect(output).toContain('TikTok — 1 creator · 1,200,000 followers');
  }, 60_000);
});
