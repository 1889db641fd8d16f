/** Reading edges: spoilers in a message, a minus sign before zero, and an amount too long to be money. */

import { describe, expect, it } from 'vitest';
import { classifyMessage } from '../src/commands/classify-message';
import { tier } from '../src/commands/tier';
import type { Reply } from '../src/commands/types';
import { messageProblems } from '../src/commands/limits';
import { parseOverrides } from '../src/domain/compare';
import { extractCounts } from '../src/domain/extract';
import { readCount } from '../src/domain/spreadsheet-count';
import { parseFollowerCount } from '../src/domain/followers';
import { parseMoney, parsePercent } from '../src/domain/units';
import { testContext } from './support/context';
import { runCompare } from './support/compare';

async function classify(content: string): Promise<Reply> {
  const reply = await classifyMessage.run({ id: '500000000000000001', content, authorName: 'Lea' }, testContext());
  expect(messageProblems(reply)).toEqual([]);
  return reply;
}

describe('a spoiler is hidden on purpose: never read, never quoted', () => {
  it('reads no count in a spoiler, and says one was left hidden without what it hides', async () => {
    const reply = await classify('# Huge ||50k|| on TikTok');
    const shown = JSON.stringify(reply);
    expect(shown).not.toMatch(/50k|50,000/);
    expect(shown).toContain('in a spoiler, left hidden');
  });

  it('reads pipes written as inline code as shown, not as a spoiler', () => {
    const { counts, ignored } = extractCounts('`||50k||` followers');
    expect(counts.map((c) => c.value)).toEqual([50_000]);
    expect(ignored).toEqual([]);
  });

  it('reads the counts outside a spoiler, and none inside one, on one line or several', async () => {
    const message = 'Sara has 45k on IG, ||Tom 30k\non TT, 12k on YT|| and Mia ~~||1M||~~ 900k';
    const { counts, ignored } = extractCounts(message);
    expect(counts.map((c) => c.value)).toEqual([45_000, 900_000]);
    expect(ignored).toEqual([{ text: '||…||', kind: 'spoiler', reason: 'in a spoiler, left hidden' }]);
    expect(JSON.stringify(await classify(message))).not.toMatch(/30k|12k|1M|30,000|12,000|1,000,000/);
  });

  it('says nothing of a spoiler with no number in it', () => {
    expect(extractCounts('||big news|| 45k followers')).toEqual({ counts: [expect.objectContaining({ value: 45_000 })], ignored: [] });
  });
});

describe('"-0" is 0, as "0" is', () => {
  it.each(['-0', '−0', '-0k', '- 0'])('reads %j as 0 followers in /tier and in roster cells', async (typed) => {
    expect(parseFollowerCount(typed)).toEqual({ ok: true, value: 0 });
    expect(readCount(typed)).toEqual({ ok: true, value: 0 });
    const reply = (await tier.run({ followers: typed } as never, testContext())) as Reply;
    expect(reply.embeds[0]!.title).toContain('0 followers');
  });

  it('reads "-0" as 0 in /compare’s percentages and amounts', async () => {
    expect(parsePercent('-0', 100)).toEqual({ ok: true, value: 0 });
    expect(parsePercent('-0 %', 100)).toEqual({ ok: true, value: 0 });
    expect(parseMoney('-0')).toEqual({ ok: true, value: 0 });
    expect(parseMoney('$-0.00')).toEqual({ ok: true, value: 0 });
    expect(parseOverrides({ overlap: '-0' })).toMatchObject({ ok: true });
    const reply = await runCompare({ overlap: '-0' });
    expect(reply.flags).toBeUndefined();
    expect(JSON.stringify(reply)).not.toContain('cannot be negative');
  });

  it('still refuses any other number with a minus sign', () => {
    expect(parseFollowerCount('-5')).toEqual({ ok: false, reason: 'A follower count cannot be negative.' });
    expect(parseFollowerCount('-0.5k')).toEqual({ ok: false, reason: 'A follower count cannot be negative.' });
    expect(parsePercent('-0.5', 100)).toEqual({ ok: false, reason: 'A percentage here cannot be negative.' });
    expect(parseMoney('-$5')).toEqual({ ok: false, reason: 'An amount of money cannot be negative.' });
    expect(parseMoney('-0.001')).toEqual({ ok: false, reason: 'An amount of money cannot be negative.' });
  });

  it('reads micro_count "-0" as 0, so it is refused as no influencers, not as negative', () => {
    expect(parseOverrides({ micro_count: '-0' })).toMatchObject({ ok: false, reason: 'There must be at least one micro-influencer.' });
    expect(parseOverrides({ micro_count: '-5' })).toMatchObject({ ok: false, reason: 'The number of influencers cannot be negative.' });
  });
});

describe('a long run of digits is too much money, not unreadable', () => {
  it.each(['9'.repeat(40), '9'.repeat(21), `${'1'.repeat(19)}.25`, `$${'9'.repeat(30)}k`])('says %j is over the maximum', async (typed) => {
    expect(parseMoney(typed)).toEqual({ ok: false, reason: 'That is more than $1T.' });
    const reply = await runCompare({ budget: typed });
    expect(JSON.stringify(reply)).toContain('more than $1T');
  });

  it('still cannot read a fraction longer than a number keeps', () => {
    expect(parseMoney(`1.${'0'.repeat(20)}1`)).toEqual({ ok: false, reason: 'That is not an amount of money I can read.' });
  });
});
