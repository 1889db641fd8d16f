import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/commands';
import { parseCommandLine, splitWords } from '../src/cli/command-line';

describe('commands typed as in Discord', () => {
  it('reads named and positional options', () => {
    for (const line of ['/tier followers:30k', '/tier 30k', 'tier 30k', '/TIER followers:30k']) {
      const r = parseCommandLine(line, COMMANDS);
      expect(r.ok && r.command.definition.name === 'tier' && r.options.followers === '30k', line).toBe(true);
    }
  });

  it('keeps values with spaces together', () => {
    const r = parseCommandLine('/tier followers:2.5 million', COMMANDS);
    expect(r.ok && r.options.followers).toBe('2.5 million');
    const q = parseCommandLine('/tier "30 000"', COMMANDS);
    expect(q.ok && q.options.followers).toBe('30 000');
    expect(splitWords(`a "b c" 'd e' f`)).toEqual(['a', 'b c', 'd e', 'f']);
  });

  it('says what is wrong with an unknown command or a missing required option', () => {
    const unknown = parseCommandLine('/nope', COMMANDS);
    expect(!unknown.ok && unknown.reason).toMatch(/Unknown command \/nope/);
    const missing = parseCommandLine('/tier', COMMANDS);
    expect(!missing.ok && missing.reason).toMatch(/needs followers/);
    const empty = parseCommandLine('   ', COMMANDS);
    expect(empty.ok).toBe(false);
  });
});
