/**
 * The message command in the languages it reads: every platform alias it knows, count words and
 * follower words beyond English, prices in local currencies, abbreviations whose dot ends no
 * sentence ("1,5 Mio. auf TikTok"), and the words that open a sentence without being a name.
 */

import { describe, expect, it } from 'vitest';
import { PLATFORMS, extractCounts } from '../src/domain/extract';

/** Each count found: [value, name, platform], '' where there is none. */
function found(message: string): [number, string, string][] {
  return extractCounts(message).counts.map((c) => [c.value, c.name ?? '', c.platform ?? '']);
}

describe('platforms', () => {
  const aliases = PLATFORMS.flatMap((p) => p.aliases.map((alias) => [alias, p.name] as const));

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
});
