/**
 * Numbers in a message that are not follower counts (local phone numbers, IP addresses, units,
 * street addresses, money paid, code) are set aside whole with the reason: never a piece of one
 * read as a count, never a digit group dropped without a word. Every real count form is still read.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyMessage } from '../src/commands/classify-message';
import type { Reply } from '../src/commands/types';
import { extractCounts } from '../src/domain/extract';
import { messageProblems } from '../src/commands/limits';
import { testContext } from './support/context';

const setAside = (message: string) => extractCounts(message).ignored.map((i) => [i.text, i.reason]);
const values = (message: string) => extractCounts(message).counts.map((c) => c.value);
const digitsIn = (text: string) => text.replace(/\D/g, '').length;

/** Every digit of the message is in a count read or in a number set aside: none vanishes. */
function expectEveryDigitAccountedFor(message: string): void {
  const { counts, ignored } = extractCounts(message);
  const seen = [...counts.map((c) => c.text), ...ignored.map((i) => i.text)].reduce((sum, text) => sum + digitsIn(text), 0);
  expect(seen, `${JSON.stringify(message)}: ${JSON.stringify({ counts, ignored })}`).toBe(digitsIn(message));
}

/** Each row: the message, and the numbers set aside with why. None of them holds a count. */
const NOT_COUNTS: [string, [string, string][]][] = [
  // Local phone numbers, as the international ones already were.
  ['my phone: 555.123.4567', [['555.123.4567', 'a phone number']]],
  ['call me on 555-1234', [['555-1234', 'a phone number']]],
  ['07911 123456', [['07911 123456', 'a phone number']]],
  ['0171-1234567', [['0171-1234567', 'a phone number']]],
  ['tel 030 1234567', [['030 1234567', 'a phone number']]],
  ['555 123 4567', [['555 123 4567', 'a phone number']]],
  ['+44 20 7946 0958', [['+44 20 7946 0958', 'a phone number']]],
  ['+1-415-555-0123', [['+1-415-555-0123', 'a phone number']]],
  ['(555) 123 4567', [['(555) 123 4567', 'a phone number']]],
  // A leading zero: an area code, an ID, never a follower count.
  ['07911', [['07911', 'an ID or reference number']]],
  ['030 followers', [['030', 'an ID or reference number']]],
  ['ip 192.168.1.1', [['192.168.1.1', 'an IP address']]],
  ['We shipped 12000 units', [['12000', 'counts units, not followers']]],
  ['The event is at 1500 Main St', [['1500', 'a street address']]],
  ['Office: 221 Baker Street, London', [['221', 'a street address']]],
  ['we paid 2k for a reel', [['2k', 'an amount of money, not a follower count']]],
  ['we paid her 2k for a reel', [['2k', 'an amount of money, not a follower count']]],
  ['she spent 15k on ads', [['15k', 'an amount of money, not a follower count']]],
  ['```js\nconst id = 45000;\n```', [['45000', 'part of code']]],
  // Digit groups no count has: set aside whole, not read in part.
  ['1.2.3', [['1.2.3', 'not a number I can read']]],
];

describe('numbers that are not follower counts are set aside whole, with why', () => {
  it.each(NOT_COUNTS)('%j', (message, ignored) => {
    expect(values(message)).toEqual([]);
    expect(setAside(message)).toEqual(ignored);
    expectEveryDigitAccountedFor(message);
  });

  it('still reads the counts next to them', () => {
    const found = extractCounts('ip 192.168.1.1 then 45k followers');
    expect(found.counts.map((c) => [c.text, c.value])).toEqual([['45k', 45_000]]);
    expect(setAside('ip 192.168.1.1 then 45k followers')).toEqual([['192.168.1.1', 'an IP address']]);

    expect(extractCounts('Sara has 45k on IG, call me on 555-1234').counts).toEqual([expect.objectContaining({ value: 45_000, platform: 'Instagram', name: 'Sara' })]);
    expect(values('Sara: 45k followers\n```\nlimit = 12000\n```\nTom: 1.2M subs')).toEqual([45_000, 1_200_000]);
    expect(values('we paid 2k for a reel from someone with 80k followers')).toEqual([80_000]);
    expect(values('12000 units shipped to her 45k followers')).toEqual([45_000]);
  });

  it('calls time spent a duration, not money', () => {
    expect(setAside('she spent 3 weeks getting to 45k')).toEqual([['3', extractCounts('3 weeks').ignored[0]!.reason]]);
    expect(extractCounts('3 weeks').ignored[0]!.kind).toBe('duration');
    expect(values('she spent 3 weeks getting to 45k')).toEqual([45_000]);
  });

  it('quotes a long number set aside shortened between digit groups, never a piece of a group', () => {
    expect(setAside('call +44 20 7946 0958 1111 2222 3333 4444 5555')).toEqual([['+44 20 7946 0958 1111 2222 3333 4444…', 'a phone number']]);
    expect(setAside('see https://example.com/path/to/a-very-lon-g-page-123456 now')).toEqual([['https://example.com/path/to/a-very-lon…', 'part of a link']]);
  });
});

/** Each row: a count as people write it, and its value. */
const COUNTS: [string, number][] = [
  ['30k', 30_000],
  ['1.2M followers', 1_200_000],
  ['12,5K', 12_500],
  ['1,5M', 1_500_000],
  ['30 000 abonnés', 30_000],
  ['1,2 Mio', 1_200_000],
  ['45K subs', 45_000],
  ['45 mil seguidores', 45_000],
  ['45,000 followers', 45_000],
  ['1.2M on TikTok', 1_200_000],
  ['she has 850k', 850_000],
  ['120.000 Follower', 120_000],
  ['555.123.456 followers', 555_123_456],
  ['1.234.567.890 followers', 1_234_567_890],
  ['8.193.134.100 followers', 8_193_134_100],
  ['0.5k followers', 500],
  ['she has 0 followers', 0],
  ['**45k** on IG', 45_000],
  ['she earned 2k followers in a week, now at 30k', 30_000],
  // Backticks show a count, as Tierbot's own hints do: only a code block is code.
  ['`45k` followers', 45_000],
  ['she has `45k` on IG', 45_000],
];

describe('every real count form is still read', () => {
  it.each(COUNTS)('%j', (message, value) => {
    expect(values(message)).toContain(value);
    expectEveryDigitAccountedFor(message);
  });
});

describe('no digit group is dropped without a word', () => {
  it('accounts for every digit of numbers written in groups with any separator', () => {
    // Groups differ, as a number set aside twice is listed once.
    const groups = fc.uniqueArray(fc.stringMatching(/^\d{1,5}$/), { minLength: 2, maxLength: 5 });
    fc.assert(
      fc.property(groups, fc.constantFrom('.', ',', '-', ' ', "'", '/', ':'), fc.constantFrom('', ' followers', ' on IG', ' units'), (parts, separator, after) => {
        expectEveryDigitAccountedFor(`she has ${parts.join(separator)}${after}`);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('"Classify follower counts" says what it set aside', () => {
  async function classify(content: string): Promise<Reply> {
    const reply = await classifyMessage.run({ id: '500000000000000001', content, authorName: 'Lea' }, testContext());
    expect(messageProblems(reply)).toEqual([]);
    return reply;
  }

  it('names an IP address and a phone number beside the count it reads', async () => {
    const reply = await classify('ip 192.168.1.1 then 45k followers, call me on 555-1234');
    const description = reply.embeds[0]!.description ?? '';
    expect(description.split('\n').filter((l) => l.startsWith('• ')).map((l) => /^• \*\*(.+?)\*\*/.exec(l)![1])).toEqual(['45k']);
    expect(reply.embeds[0]!.fields?.find((f) => f.name === 'Not counted')?.value.split('\n')).toEqual(['“192.168.1.1”: an IP address', '“555\\-1234”: a phone number']);
  });

  it('answers a message of code alone with no count, and says why', async () => {
    const reply = await classify('```js\nconst id = 45000;\n```');
    expect(reply.inputError).toBe(true);
    expect(reply.embeds[0]!.description).toContain('Numbers I set aside:\n“45000”: part of code');
  });
});
