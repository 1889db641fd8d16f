/**
 * The message command in the languages it reads: every platform alias it knows, count words and
 * follower words beyond English, "mil" read one way through a Spanish or Portuguese message,
 * Korean, Ukrainian, Russian and Indonesian multipliers, prices in local currencies and currency
 * codes, abbreviations whose dot ends no sentence ("1,5 Mio. auf TikTok") or ends one before a new
 * one ("2 Mio."), the words that open a sentence without being a name, and Turkish "bin".
 */

import { describe, expect, it } from 'vitest';
import { extractCounts } from '../src/domain/extract';
import { KNOWN_PLATFORMS } from '../src/domain/platforms';

/** Each count found: [value, name, platform], '' where there is none. */
function found(message: string): [number, string, string][] {
  return extractCounts(message).counts.map((c) => [c.value, c.name ?? '', c.platform ?? '']);
}

describe('platforms', () => {
  const aliases = KNOWN_PLATFORMS.flatMap((p) => p.aliases.map((alias) => [alias, p.name] as const));

  it.each(aliases)('reads "%s" as %s', (alias, name) => {
    expect(found(`Sara has 45k on ${alias}`)).toEqual([[45_000, 'Sara', name]]);
  });

  it('links each count to its own platform, whichever alias names it', () => {
    expect(found('Sara has 45k on snap and 12k on snapchat')).toEqual([
      [45_000, 'Sara', 'Snapchat'],
      [12_000, 'Sara', 'Snapchat'],
    ]);
    expect(found('Sara has 45k on x/twitter and 12k on twitter/x')).toEqual([
      [45_000, 'Sara', 'X (Twitter)'],
      [12_000, 'Sara', 'X (Twitter)'],
    ]);
  });

  it('takes "2k snap followers" for followers, not money earned', () => {
    expect(found('She earned 2k snap followers')).toEqual([[2_000, '', 'Snapchat']]);
  });
});

describe('count words and follower words in other languages', () => {
  it.each([
    ['Иван: 45 тыс. подписчиков', [[45_000, 'Иван', '']]],
    ['Иван: 1,2 млн подписчиков', [[1_200_000, 'Иван', '']]],
    ['Ola ma 45 tys. obserwujących', [[45_000, 'Ola', '']]],
    ['Ayşe 45 bin takipçi', [[45_000, 'Ayşe', '']]],
    ['她有4.5万粉丝', [[45_000, '', '']]],
    ['フォロワー4.5万人', [[45_000, '', '']]],
    ['Priya has 1,00,000 followers', [[100_000, 'Priya', '']]],
  ] as const)('reads %s', (message, counts) => {
    expect(found(message)).toEqual(counts);
  });

  it.each(['подписчиков', 'подписчика', 'obserwujących', 'obserwujacych', 'takipçi', 'takipçiler', 'assinantes', 'abonnees', 'pengikut', '粉丝', '粉絲', 'フォロワー', '팔로워'])(
    'takes a small number before "%s" for a count',
    (word) => {
      expect(found(`Sara: 800 ${word}`)).toEqual([[800, 'Sara', '']]);
    },
  );

  it('sets a Chinese or Japanese date aside as a date, not as small numbers', () => {
    const { counts, ignored } = extractCounts('2024年5月1日にフォロワー10万人を突破');
    expect(counts.map((c) => c.value)).toEqual([100_000]);
    expect(ignored).toEqual([{ text: '2024年5月1日', kind: 'date', reason: 'a date' }]);
  });
});

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

describe('prices in local currencies', () => {
  it.each(['Her fee is Rs. 50,000 for one reel', 'Rs 50,000', 'Ücret 50.000 TL', 'Koszt 5.000 zł', '5.000 reais', '5.000 pesos', '5 000 kr per inlägg', '50000 liras', '5000元', 'Ücret 50k', 'Koszt 50k', 'Preis 5k'])(
    'sets "%s" aside as money',
    (message) => {
      const { counts, ignored } = extractCounts(message);
      expect(counts).toEqual([]);
      expect(ignored.map((i) => i.kind)).toEqual(['price']);
    },
  );

  it('takes "kr" and "TL" for money only beside a number', () => {
    expect(found('TL;DR Sara has 45k followers')).toEqual([[45_000, 'Sara', '']]);
    expect(found('Sara has 45k followers, the fee in kr later')).toEqual([[45_000, 'Sara', '']]);
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

describe("an abbreviation's dot", () => {
  it('ends no sentence, so the platform and name after it stay linked', () => {
    expect(found('Anna: 1,5 Mio. auf TikTok und 45 Tsd. auf Instagram')).toEqual([
      [1_500_000, 'Anna', 'TikTok'],
      [45_000, 'Anna', 'Instagram'],
    ]);
    expect(found('Sie hat 45 Tsd. Follower auf Instagram')).toEqual([[45_000, '', 'Instagram']]);
    expect(found('Иван: 45 тыс. подписчиков в Instagram')).toEqual([[45_000, 'Иван', 'Instagram']]);
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

describe('words that open a sentence are no names', () => {
  it.each([
    ['Tiene 1,5 millones de seguidores', [[1_500_000, '', '']]],
    ['Tem 45 mil seguidores no Instagram', [[45_000, '', 'Instagram']]],
    ['Hat 45k Follower', [[45_000, '', '']]],
    ['Heeft 30k volgers', [[30_000, '', '']]],
    ['Ma 1,2 mln obserwujących', [[1_200_000, '', '']]],
    ['Ha 1,2 mln di follower', [[1_200_000, '', '']]],
  ] as const)('%s', (message, counts) => {
    expect(found(message)).toEqual(counts);
  });

  it.each([
    ['Ana tiene 45k seguidores', 'Ana'],
    ['Tom heeft 30k volgers', 'Tom'],
    ['Giulia ha 1,2 mln di follower', 'Giulia'],
    ['Ana: 45k', 'Ana'],
    ['Ella has 45k', 'Ella'],
  ])('keeps the name in %s', (message, name) => {
    expect(found(message).map(([, n]) => n)).toEqual([name]);
  });

  it('takes no English word before "a" for a name', () => {
    expect(found('Found a 45k creator')).toEqual([[45_000, '', '']]);
  });
});

describe('"bin", a thousand in Turkish and a word in English', () => {
  it('is a count only where a follower word or a platform says so', () => {
    expect(extractCounts('we need 3 bin bags for the shoot').counts).toEqual([]);
    expect(extractCounts('we need 3 bin bags for the shoot').ignored[0]!.reason).toContain('nothing saying it counts followers');
    expect(extractCounts('Ayşe 45 bin takipçi').counts.map((c) => c.value)).toEqual([45_000]);
    expect(extractCounts('Ayşe: 45 bin on IG').counts.map((c) => [c.value, c.platform])).toEqual([[45_000, 'Instagram']]);
  });

  it('sets "3 bin bags" aside in plain words', () => {
    expect(extractCounts('we need 3 bin bags').ignored).toEqual([{ text: '3 bin', kind: 'small', reason: 'a number with nothing saying it counts followers' }]);
  });
});
