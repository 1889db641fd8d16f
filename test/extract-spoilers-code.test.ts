/** Spoilers and code in a message, found as Discord finds them: what it hides stays hidden, what it shows is read. */

import { describe, expect, it } from 'vitest';
import { classifyMessage } from '../src/commands/classify-message';
import { messageProblems } from '../src/commands/limits';
import type { Reply } from '../src/commands/types';
import { extractCounts } from '../src/domain/extract';
import { testContext } from './support/context';

async function classify(content: string): Promise<Reply> {
  const reply = await classifyMessage.run({ id: '500000000000000001', content, authorName: 'Lea' }, testContext());
  expect(messageProblems(reply)).toEqual([]);
  return reply;
}

const HIDDEN = { text: '||…||', kind: 'spoiler', reason: 'in a spoiler, left hidden' };

describe('a spoiler next to code stays hidden', () => {
  it.each([
    'see `@anna`||50k followers||',
    'anna: ||50k followers||`(secret)`',
    // One backtick with none to close it is plain text, not code.
    'see @anna`||50k followers||',
    // Backticks a spoiler opens are inside the spoiler: they pair with nothing outside it.
    '||50k` followers|| see `here`',
  ])('%j: no count read or quoted, the spoiler said to be left hidden', async (message) => {
    expect(extractCounts(message)).toEqual({ counts: [], ignored: [HIDDEN] });
    const shown = JSON.stringify(await classify(message));
    expect(shown).not.toMatch(/50k|50,000/);
    expect(shown).toContain('in a spoiler, left hidden');
  });
});

describe('pipes inside code are no spoiler', () => {
  it.each([
    'use `a || b` — anna has 50k followers, see `c || d`',
    // A run of two backticks closes only at the next run of two.
    'use ``a ` || b`` — anna has 50k followers, see ``c || d``',
  ])('%j: the count between the code spans is read', async (message) => {
    expect(extractCounts(message)).toEqual({ counts: [expect.objectContaining({ value: 50_000, text: '50k' })], ignored: [] });
    const reply = await classify(message);
    expect(reply.embeds[0]!.description).toContain('**50k** = 50,000');
    expect(JSON.stringify(reply)).not.toContain('left hidden');
  });

  it('sets the numbers of a code block aside as code, pipes and all', () => {
    const { counts, ignored } = extractCounts('Sara has 45k followers\n```\nif (a || b) limit = 12000 ||\n```');
    expect(counts.map((c) => c.value)).toEqual([45_000]);
    expect(ignored).toEqual([{ text: '12000', kind: 'code', reason: 'part of code' }]);
  });

  it('still hides a spoiler that holds code, and reads the count after it', () => {
    const { counts, ignored } = extractCounts('||`30k`|| and Mia has 900k followers');
    expect(counts.map((c) => c.value)).toEqual([900_000]);
    expect(ignored).toEqual([HIDDEN]);
  });
});
