/**
 * A name struck through (or in a spoiler) is set apart: the count after it is not known to be the
 * count of a name before it, so it is credited to no one ("Anna 45k, ~~Carl~~ 12k" is not 12k for
 * Anna). Struck text that says nothing of whose count it is (a count corrected, "on IG") changes
 * nothing.
 */

import { describe, expect, it } from 'vitest';
import { classifyMessage } from '../src/commands/classify-message';
import type { Reply } from '../src/commands/types';
import { messageProblems } from '../src/commands/limits';
import { extractCounts } from '../src/domain/extract';
import { testContext } from './support/context';

/** Each count as written, with the creator it is credited to. */
const named = (message: string) => extractCounts(message).counts.map((c) => [c.text, c.name]);

async function classify(content: string): Promise<Reply> {
  const reply = await classifyMessage.run({ id: '500000000000000001', content, authorName: 'Lea' }, testContext());
  expect(messageProblems(reply)).toEqual([]);
  return reply;
}

/** The reply's count lines: "• **12k** = 12,000 (Anna) → Micro …". */
const countLines = (reply: Reply) => (reply.embeds[0]!.description ?? '').split('\n').filter((line) => line.startsWith('• '));

describe('extractCounts: a count after a name set apart', () => {
  it('credits no one when the name before it is struck through', () => {
    expect(named('Anna 45k, Carl 12k')).toEqual([['45k', 'Anna'], ['12k', 'Carl']]);
    expect(named('Anna 45k, ~~Carl~~ 12k')).toEqual([['45k', 'Anna'], ['12k', undefined]]);
    expect(named('Anna 45k, ~~Carl~~ has 12k')).toEqual([['45k', 'Anna'], ['12k', undefined]]);
    expect(named('Anna 45k, ~~@carl~~ 12k')).toEqual([['45k', 'Anna'], ['12k', undefined]]);
    expect(named('Anna 45k, ~~Carl’s~~ 12k')).toEqual([['45k', 'Anna'], ['12k', undefined]]);
    expect(named('Anna: ~~Carl~~ 12k')).toEqual([['12k', undefined]]);
  });

  it('credits no one when the name before it is in a spoiler', () => {
    expect(named('Anna 45k, ||Carl|| 12k')).toEqual([['45k', 'Anna'], ['12k', undefined]]);
  });

  it('still credits a name written after the struck text', () => {
    expect(named('Anna 45k, ~~Carl~~ Bea 12k')).toEqual([['45k', 'Anna'], ['12k', 'Bea']]);
    expect(named('~~Carl~~ Anna: 12k')).toEqual([['12k', 'Anna']]);
  });

  it('keeps the name when what is struck says nothing of whose count it is', () => {
    // A count corrected: the struck count is set aside, the new one is still Anna's.
    expect(named('Anna: ~~45k~~ 50k')).toEqual([['50k', 'Anna']]);
    expect(named('Anna 45k, ~~12k~~ 20k')).toEqual([['45k', 'Anna'], ['20k', 'Anna']]);
    expect(named('Anna 45k ||50k|| and 20k on TT')).toEqual([['45k', 'Anna'], ['20k', 'Anna']]);
    // A platform or the words between a name and a count, struck.
    expect(named('Sara: 45k ~~on IG~~, 12k on TT')).toEqual([['45k', 'Sara'], ['12k', 'Sara']]);
    expect(named('Anna has 45k ~~followers~~ on IG and 12k on TT')).toEqual([['45k', 'Anna'], ['12k', 'Anna']]);
  });
});

describe('"Classify follower counts": a count after a struck-through name', () => {
  it('shows the count with no name, not with the name before the struck text', async () => {
    const lines = countLines(await classify('Anna 45k, ~~Carl~~ 12k'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^• \*\*45k\*\* = 45,000 \(Anna\) → /);
    expect(lines[1]).toMatch(/^• \*\*12k\*\* = 12,000 → /);
  });

  it('does the same for a name in a spoiler, and quotes nothing of it', async () => {
    const reply = await classify('Anna 45k, ||Carl|| 12k');
    const lines = countLines(reply);
    expect(lines[1]).toMatch(/^• \*\*12k\*\* = 12,000 → /);
    expect(JSON.stringify(reply)).not.toContain('Carl');
  });
});

describe('struck text or a spoiler that is a correction or a remark', () => {
  it.each([
    ['Anna: IG 45k, TikTok ~~1M~~ 1.2M, YouTube ~~n/a~~ 300k', [['45k', 'Anna'], ['1.2M', 'Anna'], ['300k', 'Anna']]],
    ['Anna (IG) ~~old: 45k~~ 48k', [['48k', 'Anna']]],
    ['Anna: ~~45k last month~~ 48k now', [['48k', 'Anna']]],
    ['Anna 45k ~~(outdated)~~ 48k', [['45k', 'Anna'], ['48k', 'Anna']]],
    ["Anna has 45k on IG and ||don't tell anyone|| 1.2M on TikTok", [['45k', 'Anna'], ['1.2M', 'Anna']]],
  ])('%j keeps the name before it', (message, expected) => {
    expect(named(message)).toEqual(expected);
  });
});

describe('struck text or a spoiler that names a creator along with a count', () => {
  it.each([
    ['Anna has 45k on IG, ~~Carl has 40k~~ 48k on IG', [['45k', 'Anna'], ['48k', undefined]]],
    ['Anna 45k, ~~Carl 40k~~ 52k', [['45k', 'Anna'], ['52k', undefined]]],
    ['Anna 45k, ~~@carl99~~ 12k', [['45k', 'Anna'], ['12k', undefined]]],
  ])('%j credits the count after it to no one', (message, expected) => {
    expect(named(message)).toEqual(expected);
  });
});
