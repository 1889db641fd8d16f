/**
 * The same follower words and multipliers in /tier, /roster and the message command; "(mil)" in a
 * roster header read as its cells are; other currencies named in /compare; and the reasons /tier
 * gives for "30,00" and "30 mi".
 */

import { describe, expect, it } from 'vitest';
import { compare } from '../src/commands/compare';
import { tier } from '../src/commands/tier';
import type { Reply } from '../src/commands/types';
import { extractCounts } from '../src/domain/extract';
import { parseFollowerCount } from '../src/domain/followers';
import { readRoster } from '../src/domain/roster';
import { parseMoney } from '../src/domain/units';
import { testContext } from './support/context';

const utf8 = (text: string) => new TextEncoder().encode(text);
const runTier = (followers: string) => tier.run({ followers } as never, testContext()) as Promise<Reply>;
const runCompare = (options: Record<string, string>) => compare.run(options as never, testContext()) as Promise<Reply>;
const embedText = (reply: Reply) => JSON.stringify(reply.embeds);

/** The counts /roster reads from one column of cells under `header`. */
function rosterCounts(header: string, cells: readonly string[]): (number | undefined)[] {
  const read = readRoster(utf8(`Name;${header}\n${cells.map((c, i) => `c${i};${c}`).join('\n')}\n`));
  if (!read.ok) throw new Error(JSON.stringify(read.error));
  return read.roster.rows.map((row) => row.count);
}

describe('follower words of other languages after a count', () => {
  const typed = [
    ['45k abonnés', 45_000],
    ['45k Abonnenten', 45_000],
    ['45k volgers', 45_000],
    ['45k takipçi', 45_000],
    ['12 тыс. подписчиков', 12_000],
    ['2 millones de seguidores', 2_000_000],
    ['2 milhões de inscritos', 2_000_000],
    ['2 millions d’abonnés', 2_000_000],
  ] as const;

  it.each(typed)('/tier reads %j as the message command does', async (text, value) => {
    expect(parseFollowerCount(text)).toEqual({ ok: true, value });
    expect(extractCounts(`Ana ${text}`).counts.map((c) => c.value)).toEqual([value]);
    expect((await runTier(text)).embeds[0]!.title).toContain(`${value.toLocaleString('en-US')} followers`);
  });

  it('/roster reads them in a count cell', () => {
    expect(rosterCounts('Followers', typed.map(([text]) => text))).toEqual(typed.map(([, value]) => value));
  });

  it('still reads English counts as before', () => {
    for (const [text, value] of [['30k', 30_000], ['30k followers', 30_000], ['1.2Msubs', 1_200_000], ['45 mil seguidores', 45_000], ['30 mil', 30_000_000]] as const) {
      expect(parseFollowerCount(text)).toEqual({ ok: true, value });
    }
  });
});

describe('Korean, Ukrainian, Russian and Indonesian multipliers', () => {
  const typed = [
    ['45만', 450_000],
    ['4.5만', 45_000],
    ['45 тис.', 45_000],
    ['45 тис', 45_000],
    ['45 тысяч', 45_000],
    ['12 тысячи', 12_000],
    ['1 тысяча', 1_000],
    ['45 ribu', 45_000],
    ['45rb', 45_000],
  ] as const;

  it.each(typed)('/tier reads %j', (text, value) => {
    expect(parseFollowerCount(text)).toEqual({ ok: true, value });
  });

  it('/roster reads them in a count cell', () => {
    expect(rosterCounts('Followers', typed.map(([text]) => text))).toEqual(typed.map(([, value]) => value));
  });

  it('reads "rb" spaced in a count option, where it can only be a multiplier', () => {
    expect(parseFollowerCount('45 rb')).toEqual({ ok: true, value: 45_000 });
    expect(parseFollowerCount('10 rb pengikut')).toEqual({ ok: true, value: 10_000 });
  });
});

describe('"(mil)" in a roster header', () => {
  it('is thousands under a Spanish or Portuguese header, as a "45 mil" cell there is', () => {
    expect(rosterCounts('Seguidores (mil)', ['45', '45 mil'])).toEqual([45_000, 45_000]);
    expect(rosterCounts('Inscritos (mil)', ['45', '45 mil'])).toEqual([45_000, 45_000]);
  });

  it('is millions under any other header, as a "45 mil" cell there is', () => {
    expect(rosterCounts('Followers (mil)', ['45', '45 mil'])).toEqual([45_000_000, 45_000_000]);
    expect(rosterCounts('Subscribers (in mil)', ['45', '45 mil'])).toEqual([45_000_000, 45_000_000]);
  });

  it('still reads "(miles)" and "(K)" as thousands', () => {
    expect(rosterCounts('Seguidores (miles)', ['45'])).toEqual([45_000]);
    expect(rosterCounts('Followers (K)', ['45'])).toEqual([45_000]);
  });
});

describe('money in currencies the message command knows', () => {
  it.each([
    ['5000元', '元'],
    ['500円', '円'],
    ['₺500', '₺'],
    ['₪500', '₪'],
    ['5.000 TL', 'TL'],
    ['5 kr', 'kr'],
    ['500 Rs', 'Rs'],
    ['500 Rs.', 'Rs.'],
    ['5.000 zł', 'zł'],
    ['500 reais', 'reais'],
    ['500 pesos', 'pesos'],
    ['500 lire', 'lire'],
    ['500 yuan', 'yuan'],
    ['500 rupees', 'rupees'],
    ['5000R$', 'R$'],
  ])('refuses %j, naming the currency', (typed, sign) => {
    expect(parseMoney(typed)).toEqual({ ok: false, reason: `Tierbot works in US dollars; “${sign}” is another currency.` });
  });

  it('/compare names it', async () => {
    expect(embedText(await runCompare({ budget: '5000元' }))).toContain('Tierbot works in US dollars; “元” is another currency.');
  });

  it('reads a dollar sign after the number and "bucks" as US dollars', () => {
    for (const [typed, value] of [['5$', 5], ['5 $', 5], ['5000$', 5000], ['5k$', 5000], ['1.2M$', 1_200_000], ['5 bucks', 5], ['5k bucks', 5000]] as const) {
      expect(parseMoney(typed)).toEqual({ ok: true, value });
    }
  });

  it('reads thousands grouped the Swiss way', async () => {
    expect(parseMoney("5'000")).toEqual({ ok: true, value: 5000 });
    expect(parseMoney('5’000')).toEqual({ ok: true, value: 5000 });
    expect(parseMoney("1'234.50")).toEqual({ ok: true, value: 1234.5 });
    expect(embedText(await runCompare({ budget: "5'000" }))).not.toContain('not an amount of money');
  });

  it('still reads US dollars as before', () => {
    for (const [typed, value] of [['$5,000', 5000], ['5000 USD', 5000], ['US$300', 300], ['5 dollars', 5], ['5k', 5000], ['2 lakh', 200_000]] as const) {
      expect(parseMoney(typed)).toEqual({ ok: true, value });
    }
  });
});

describe('why /tier cannot read "30,00" and "30 mi"', () => {
  it('says a comma before two digits is neither thousands nor a decimal comma', async () => {
    const reason = 'That is not a follower count I can read: a comma before two digits is neither a thousands separator nor a decimal comma (read only before a multiplier, as in 12,5k).';
    expect(parseFollowerCount('30,00')).toEqual({ ok: false, reason });
    expect(embedText(await runTier('30,00'))).toContain(reason);
  });

  it('says "mi" could mean million or miles, and how to write the million', async () => {
    expect(parseFollowerCount('30 mi')).toEqual({ ok: false, reason: 'That is not a follower count I can read: “mi” could mean million or miles. Write 30M or 30,000,000.' });
    expect(embedText(await runTier('1,5mi'))).toContain('“mi” could mean million or miles. Write 1,5M or 1,500,000.');
  });
});

describe('a third look at other languages', () => {
  it('reads the Russian word for million in /tier and in a message', () => {
    expect(parseFollowerCount('1,2 миллиона подписчиков')).toEqual({ ok: true, value: 1_200_000 });
    expect(extractCounts('1,2 миллиона подписчиков').counts.map((c) => c.value)).toEqual([1_200_000]);
  });

  it('does not take subscriptions sold for followers', () => {
    expect(extractCounts('we sold 500 subscriptions').counts).toEqual([]);
    expect(extractCounts('10000 subscriptions sold').counts).toEqual([]);
    expect(parseFollowerCount('500 subscriptions').ok).toBe(false);
  });

  it('passes over a column of followers gained, in French, German, Spanish, Italian and Dutch, and a Portuguese date', () => {
    for (const gained of ['Abonnés gagnés', 'Gewonnene Follower', 'Seguidores ganados', 'Follower guadagnati', 'Volgers erbij', 'Data seguidores']) {
      const read = readRoster(new TextEncoder().encode(`Name,${gained},Instagram Followers\nAna,300,45000\n`), {});
      if (!read.ok) throw new Error(gained);
      expect(read.roster.rows[0]!.count, gained).toBe(45_000);
    }
  });
});
