import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface Probe {
  before: number;
  held: number;
  released: number;
}

/** A fresh process, so the heap starts at V8's initial sizes. */
const probe = (...args: string[]): Probe =>
  JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', 'test/fixtures/young-generation-probe.ts', ...args], { encoding: 'utf8' })) as Probe;

describe('the young generation during login', () => {
  it('does not grow while held, though the same surviving objects make it grow otherwise', () => {
    const control = probe('control');
    expect(control.held).toBeGreaterThan(control.before);

    // Held means no growth; V8 may still shrink it (after a full collection, say).
    const held = probe();
    expect(held.held).toBeLessThanOrEqual(held.before);
    expect(held.released).toBeGreaterThan(Math.max(held.held, held.before));
  }, 20_000);

  it('is not capped with a V8 flag on the command line, which would cost Node its built-in code cache at start', () => {
    const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.start).toBe('tsx src/bot.ts');
  });
});
