/**
 * The message command, re-checked: "mil" read one way through a Spanish or Portuguese message,
 * the dot of "2 Mio." ending a sentence before a new one, currency codes that are neither names nor
 * English words, and counts written with Korean, Ukrainian, Russian and Indonesian multipliers.
 */

import { describe, expect, it } from 'vitest';
import { extractCounts } from '../src/domain/extract';

/** Each count found: [value, name, platform], '' where there is none. */
function found(message: string): [number, string, string][] {
  return extractCounts(message).counts.map((c) => [c.value, c.name ?? '', c.platform ?? '']);
}

describe('"mil" in a Spanish or Portuguese message is a thousand, wherever the follower word is', () => {
  it.each([
    ['Ana tiene 45 mil seguidores en IG y 30 mil en TikTok', [[45_000, 'Ana', 'Instagram'], [30_000, 'Ana', 'TikTok']]],
    ['Ana tem 45 mil seguidores no Instagram e 120 mil no TikTok', [[45_000, 'Ana', 'Instagram'], [120_000, 'Ana', 'TikTok']]],
    ['Ana tiene 45 mil seguidores y Bea 30 mil', [[45_000, 'Ana', ''], [30_000, 'Bea', '']]],
    ['Seguidores: Ana 45 mil, Bea 30 mil', [[45_000, 'Ana', ''], [30_000, 'Bea', '']]],
    ['Ana tiene 45 mil en IG', [[45_000, 'Ana', 'Instagram']]],
  ])('%s', (message, counts) => {
    expect(found(message)).toEqual(counts);
    expect(extractCounts(message).counts.map((c) => c.note)).toEqual(counts.map(() => undefined));
  });

  it('reads "mil" as a million elsewhere, and says so with /tier’s note', () => {
    const { counts } = extractCounts('Sara has 1.2 mil on TikTok and 45k on IG');
    expect(counts.map((c) => [c.value, c.note])).toEqual([
      [1_200_000, '“mil” is read as a million; for 1.2 thousand, write 1.2k.'],
      [45_000, undefined],
    ]);
  });
});

describe('the dot of an abbreviation ends the sentence before a new one', () => {
  it.each([
    ['Anna: 2 Mio. 45k is the other one', [[2_000_000, 'Anna', ''], [45_000, '', '']]],
    ['Anna: 45 тыс. 12k is the other one', [[45_000, 'Anna', ''], [12_000, '', '']]],
    ['Anna: 45 Tsd. 12k is the other one', [[45_000, 'Anna', ''], [12_000, '', '']]],
    ['Anna: 45k. 12k is the other one', [[45_000, 'Anna', ''], [12_000, '', '']]],
  ])('%s', (message, counts) => {
    expect(found(message)).toEqual(counts);
  });

  it.each([
    ['Anna: 1,5 Mio. auf TikTok und 45 Tsd. auf Instagram', [[1_500_000, 'Anna', 'TikTok'], [45_000, 'Anna', 'Instagram']]],
    ['Sie hat 45 Tsd. Follower auf Instagram', [[45_000, '', 'Instagram']]],
    ['Anna: 45 Tsd. Instagram, 1,2 Mio. TikTok', [[45_000, 'Anna', 'Instagram'], [1_200_000, 'Anna', 'TikTok']]],
  ])('goes on with the sentence before a follower word, a platform or a word in lower case: %s', (message, counts) => {
    expect(found(message)).toEqual(counts);
  });
});

describe('currency codes', () => {
  it.each(['Rs 5 per click and 45k followers', 'Rp 5000 per click and 45k followers', 'Kr 5 per click and 45k followers'])('are no creator’s name: %s', (message) => {
    expect(found(message)).toEqual([[45_000, '', '']]);
    expect(extractCounts(message).ignored.map((i) => i.kind)).toEqual(['price']);
  });

  it.each([
    ["let's try 45k followers as the cutoff", [[45_000, '', '']]],
    ['Sara has 45k, try 60k next', [[45_000, 'Sara', ''], [60_000, '', '']]],
    ['Try 45k followers first', [[45_000, '', '']]],
    ['php 8 is out and Sara has 45k', [[45_000, 'Sara', '']]],
  ])('that are English words make no price before a number in lower case: %s', (message, counts) => {
    expect(found(message)).toEqual(counts);
    expect(extractCounts(message).ignored.map((i) => i.kind)).not.toContain('price');
  });

  it.each(['TRY 500 per post', 'PHP 5000 for a reel', 'the fee was 500 try', 'RUB 5000 per post'])('are a price in capitals before the amount, and in any case after it: %s', (message) => {
    expect(extractCounts(message).counts).toEqual([]);
    expect(extractCounts(message).ignored.map((i) => i.kind)).toEqual(['price']);
  });
});

it('sets "3 bin bags" aside in plain words', () => {
  expect(extractCounts('we need 3 bin bags').ignored).toEqual([{ text: '3 bin', kind: 'small', reason: 'a number with nothing saying it counts followers' }]);
});

describe('Korean, Ukrainian, Russian and Indonesian multipliers', () => {
  it.each([
    ['팔로워 3만', 30_000, ''],
    ['팔로워 3.5만 명', 35_000, ''],
    ['팔로워 45,000명', 45_000, ''],
    ['Budi 45rb followers', 45_000, 'Budi'],
    ['45 тис. підписників', 45_000, ''],
    ['45 ribu pengikut', 45_000, ''],
    ['Budi 10 rb pengikut', 10_000, 'Budi'],
    ['45 тысяч подписчиков', 45_000, ''],
  ])('%s', (message, value, name) => {
    expect(found(message)).toEqual([[value, name, '']]);
    expect(extractCounts(message).ignored).toEqual([]);
  });

  it('reads a spaced "rb" only before a follower word', () => {
    expect(found('Budi: 45 rb')).toEqual([]);
    expect(found('Budi: 45 rb pengikut')).toEqual([[45_000, 'Budi', '']]);
  });
});
