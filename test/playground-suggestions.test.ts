/**
 * The playground's autocomplete (a line ending in ?) asks about the option of the subcommand
 * typed: /term add's name offers nothing, /term edit's and /term remove's offer the stored terms.
 */

import { describe, expect, it } from 'vitest';
import { typeInPlayground } from './support/playground';
import { scratchDir } from './support/scratch';

describe('the playground’s suggestions in a command with subcommands', () => {
  it('suggests stored terms for /term edit and /term remove, and nothing for /term add', async () => {
    const dir = scratchDir('tierbot-playground-term-suggest-');
    const output = await typeInPlayground(dir, [
      '/term add name:Whitelisting definition:Paying a creator to run ads',
      '/term remove name:white?',
      '/term edit name:WHI?',
      '/term add name:white definition:x?',
    ]);
    const answers = output.split(/^> /m);
    const answerTo = (line: string) => answers.find((a) => a.startsWith(`${line}\n`)) ?? `(no answer to ${line})`;
    expect(answerTo('/term remove name:white?')).toContain('Whitelisting  →  Whitelisting');
    expect(answerTo('/term edit name:WHI?')).toContain('Whitelisting  →  Whitelisting');
    expect(answerTo('/term add name:white definition:x?')).toContain('/term add definition has no suggestions.');
    expect(output).not.toContain('/term name has no suggestions.');
  }, 60_000);
});
