/**
 * The CLI's contract (DESIGN.md): commands typed as in Discord, --json, --pick, --out, --guild,
 * --manager, --on-message, exit statuses 0 / 2 / 1, and an unknown flag named with the known
 * ones. The parser is tested directly; the contract through the real process.
 */

import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/commands';
import type { SlashCommand } from '../src/commands/types';
import { parseCommandLine, splitWords } from '../src/cli/command-line';

const SLASH = COMMANDS.filter((c): c is SlashCommand => c.kind === 'slash');

describe('commands typed as in Discord', () => {
  it('reads named and positional options', () => {
    for (const line of ['/tier followers:30k', '/tier 30k', 'tier 30k', '/TIER followers:30k']) {
      const r = parseCommandLine(line, SLASH);
      expect(r.ok && r.command.definition.name === 'tier' && r.values.followers === '30k', line).toBe(true);
      expect(r.ok && r.options).toEqual([{ name: 'followers', type: 3, value: '30k' }]);
    }
  });

  it('keeps values with spaces together', () => {
    const r = parseCommandLine('/tier followers:2.5 million', SLASH);
    expect(r.ok && r.values.followers).toBe('2.5 million');
    const q = parseCommandLine('/tier "30 000"', SLASH);
    expect(q.ok && q.values.followers).toBe('30 000');
    expect(splitWords(`a "b c" 'd e' f`)).toEqual(['a', 'b c', 'd e', 'f']);
  });

  it('says what is wrong with an unknown command or a missing required option', () => {
    const unknown = parseCommandLine('/nope', SLASH);
    expect(!unknown.ok && unknown.reason).toMatch(/Unknown command \/nope/);
    const missing = parseCommandLine('/tier', SLASH);
    expect(!missing.ok && missing.reason).toMatch(/needs followers/);
    expect(parseCommandLine('   ', SLASH).ok).toBe(false);
  });
});

const database = () => join(mkdtempSync(join(tmpdir(), 'tierbot-cli-')), 'cli.sqlite');

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/cli.ts', ...args], { env: { ...process.env, DATABASE_URL: database(), ...env }, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('npm run -s cli', () => {
  it('answers /tier 30k as text, exit 0', async () => {
    const { code, stdout } = await cli(['/tier', '30k']);
    expect(code).toBe(0);
    expect(stdout).toContain('30,000 followers');
  });

  it('--json prints the message exactly as sent and nothing else; the chart is listed by name', async () => {
    const { code, stdout } = await cli(['/tier', '30k', '--json']);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const payload = JSON.parse(lines[0]!);
    expect(payload.allowed_mentions).toEqual({ parse: [] });
    expect(payload.embeds[0].title).toContain('30,000');
    expect(payload.files).toEqual(['tier-30000.png']);
  });

  it('--out writes the attachments into the folder', async () => {
    const out = mkdtempSync(join(tmpdir(), 'tierbot-out-'));
    const { code, stdout } = await cli(['/tiers', '--out', out]);
    expect(code).toBe(0);
    expect(readdirSync(out)).toContain('tiers.png');
    expect(stdout).toContain(`[file: ${join(out, 'tiers.png')}]`);
  });

  it('exits 2 for an input error, with the payload still printed', async () => {
    const { code, stdout } = await cli(['/tier', 'lots', '--json']);
    expect(code).toBe(2);
    expect(JSON.parse(stdout).flags).toBe(64);
  });

  it('names the known flags when one is mistyped, exit 2', async () => {
    const { code, stderr } = await cli(['/tier', '30k', '--jsn']);
    expect(code).toBe(2);
    expect(stderr).toContain('--jsn');
    for (const flag of ['--json', '--out', '--pick', '--guild', '--manager', '--on-message']) expect(stderr).toContain(flag);
  });

  it('numbers buttons as shown, disabled ones included and marked; pressing a disabled one is an input error', async () => {
    const step = await cli(['/help', '--pick', '1']);
    expect(step.code).toBe(0);
    expect(step.stdout).toMatch(/step 1 of \d+/);
    expect(step.stdout).toMatch(/\[1\] ← Back \(disabled\)/);
    const back = await cli(['/help', '--pick', '1', '--pick', '1']);
    expect(back.code).toBe(2);
    expect(back.stdout).toMatch(/disabled/);
    const next = await cli(['/help', '--pick', '1', '--pick', '2']);
    expect(next.code).toBe(0);
    expect(next.stdout).toMatch(/step 2 of \d+/);
  });
});
