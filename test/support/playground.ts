/** The playground (`npm start` without a token) as a person uses it: lines typed at its prompt. */

import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect } from 'vitest';

/**
 * Types `lines` at the playground's prompt, then "exit"; resolves with what it printed once it has
 * exited 0. Its settings database is in `dir`; `env` adds to a bare environment (PATH only).
 */
export async function typeInPlayground(dir: string, lines: readonly string[], env: Record<string, string> = {}): Promise<string> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/bot.ts'], {
    env: { PATH: process.env.PATH ?? '', DISCORD_TOKEN: '', DATABASE_URL: join(dir, 'bot.sqlite'), ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout.on('data', (d) => (output += d));
  proc.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', resolve));
  try {
    proc.stdin.end([...lines, 'exit', ''].join('\n'));
    expect(await exited).toBe(0);
  } finally {
    proc.kill('SIGKILL');
  }
  return output;
}
