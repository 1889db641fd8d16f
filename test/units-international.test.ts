/**
 * Counts and amounts as people outside the US write them, read the same by /tier, /compare, /roster
 * and the message command: "mil" in Spanish and Portuguese (and in /compare's options), a decimal
 * comma in money and percentages, other currencies refused by name, lakh, Mio. and other
 * multipliers, Indian digit grouping, count and follower words of other languages, "(mil)" in a
 * roster header, and the reasons /tier gives for "30,00" and "30 mi".
 */

import { describe, expect, it } from 'vitest';
import { messageProblems } from '../src/commands/limits';
import { tier } from '../src/commands/tier';
import type { Reply } from '../src/commands/types';
import { parseOverrides } from '../src/domain/compare';
import { extractCounts } from '../src/domain/extract';
import { countReadingNote, parseFollowerCount } from '../src/domain/followers';
import { readRoster, summariseByPlatform, summaryStateOf, writeTaggedCsv } from '../src/domain/roster';
import { parseMoney, parsePercent } from '../src/domain/units';
import { runCompare } from './support/compare';
import { testContext } from './support/context';
import { runRoster, utf8 } from './support/roster';

const runTier = (followers: string) => tier.run({ followers } as never, testContext()) as Promise<Reply>;
const embedText = (reply: Reply) => JSON.stringify(reply.embeds);
const total = (creators: number, followers: number) => `**Total: ${creators} creator${creators === 1 ? '' : 's'} · ${followers.toLocaleString('en-US')} followers**`;

/** The counts /roster reads from one column of cells under `header`. */
function rosterCounts(header: string, cells: readonly string[]): (number | undefined)[] {
  const read = readRoster(utf8(`Name;${header}\n${cells.map((c, i) => `c${i};${c}`).join('\n')}\n`));
  if (!read.ok) throw new Error(JSON.stringify(read.error));
  return read.roster.rows.map((row) => row.count);
}

describe('"mil": a thousand in Spanish and Portuguese, a million in English shorthand', () => {
  it('/tier reads "25 mil seguidores" as 25,000', async () => {
    expect(parseFollowerCount('25 mil seguidores')).toEqual({ ok: true, value: 25_000 });
    expect(parseFollowerCount('1,5 mil inscritos')).toEqual({ ok: true, value: 1_500 });
    expect((await runTier('25 mil seguidores')).embeds[0]!.title).toBe('25,000 followers (read from "25 mil seguidores")');
  });

  it('reads "30 mil" alone as 30 million, saying so and how a thousand is written', () => {
    expect(parseFollowerCount('30 mil')).toEqual({ ok: true, value: 30_000_000 });
    expect(countReadingNote('30 mil')).toBe('“mil” is read as a million; for 30 thousand, write 30k.');
    expect(countReadingNote('About 1,5 Mil followers')).toBe('“mil” is read as a million; for 1,5 thousand, write 1,5k.');
    expect([countReadingNote('30k'), countReadingNote('30 million'), countReadingNote('25 mil seguidores')]).toEqual([undefined, undefined, undefined]);
  });

  it('/tier says how it read "30 mil", and says nothing of the kind for "30k"', async () => {
    expect((await runTier('30 mil')).embeds[0]!.description).toContain('“mil” is read as a million; for 30 thousand, write 30k.');
    expect((await runTier('30k')).embeds[0]!.description).not.toContain('“mil”');
  });

  it('/roster reads "45 mil" as 45,000 under a Spanish or Portuguese count header, and as 45 million under an English one', async () => {
    for (const header of ['Seguidores', 'Inscritos', 'Suscriptores', 'Assinantes', 'Seguidores Instagram']) {
      expect(rosterCounts(header, ['45 mil', '1,5 mil', '12000'])).toEqual([45_000, 1_500, 12_000]);
    }
    expect(rosterCounts('Followers', ['45 mil'])).toEqual([45_000_000]);
    expect(embedText(await runRoster('Nombre;Seguidores\nAna;45 mil\nBen;120 mil\n'))).toContain(total(2, 165_000));
  });

  it('reads them the same way in "Summary by platform", from the roster-tiers.csv sent back', () => {
    const read = readRoster(utf8('Nombre;Plataforma;Seguidores\nAna;Instagram;45 mil\nBen;TikTok;120 mil\n'));
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    const summary = summariseByPlatform(utf8(writeTaggedCsv(read.roster)), summaryStateOf(read.roster));
    expect(summary.ok && summary.platforms.map((p) => [p.platform, p.followers])).toEqual([
      ['Instagram', 45_000],
      ['TikTok', 120_000],
    ]);
  });
});

describe('"mil" in /compare', () => {
  it('is read as a million, as /tier reads it, and the reply says so, option by option', async () => {
    const reply = await runCompare({ budget: '$2 mil', big_followers: '1 mil' });
    const text = reply.embeds[0]!.description ?? '';
    expect(text).toContain('Budget $2M');
    expect(text).toContain('ℹ️ budget: “mil” is read as a million; for 2 thousand, write 2k.');
    expect(text).toContain('ℹ️ big_followers: “mil” is read as a million; for 1 thousand, write 1k.');
    expect(JSON.stringify((await runCompare({ budget: '2000' })).embeds)).not.toContain('“mil”');
  });

  it('stays within its limits with every option written with "mil"', async () => {
    const reply = await runCompare({ big_fee: '1 mil', micro_fee: '1 mil', big_followers: '1 mil', micro_followers: '1 mil', order_value: '1 mil', overlap: '5' });
    expect(reply.inputError).toBeFalsy();
    expect((reply.embeds[0]!.description!.match(/“mil” is read as a million/g) ?? []).length).toBe(5);
    expect(messageProblems(reply)).toEqual([]);
  });
});

describe('a decimal comma in money and percentages', () => {
  it.each([
    ['2,5 %', 2.5],
    ['3,5%', 3.5],
    ['0,5', 0.5],
    ['0,050', 0.05],
    ['0,125', 0.125],
  ])('reads the percentage %j as %d', (typed, value) => {
    expect(parsePercent(typed, 100)).toEqual({ ok: true, value });
  });

  it.each([
    ['49,90', 49.9],
    ['1,5', 1.5],
    ['0,050', 0.05],
    ['5.000,50', 5000.5],
    ['12,5k', 12_500],
    ['1,2 Mio', 1_200_000],
    ['$5,000', 5000], // a comma before three digits still groups thousands, the US way
  ])('reads the amount %j as %d', (typed, value) => {
    expect(parseMoney(typed)).toEqual({ ok: true, value });
  });

  it('refuses a percentage whose comma could group thousands or be a decimal one, naming both', () => {
    expect(parsePercent('2,500', 100)).toEqual({ ok: false, reason: '2,500 could mean 2.5% (a decimal comma) or 2,500%: write `2.5` for 2.5%.' });
    expect(parseMoney('5.000')).toMatchObject({ ok: false, reason: expect.stringContaining('could mean $5 or $5,000') });
  });

  it('/compare takes them as typed: conversion:0,050 is 0.05%, overlap:0,125 is 0.125%', () => {
    expect(parseOverrides({ conversion: '0,050', overlap: '0,125', big_engagement: '2,5 %', order_value: '49,90', budget: '12,5k' })).toMatchObject({
      ok: true,
      overrides: { conversion: 0.05, overlap: 0.125, big_engagement: 2.5, order_value: 49.9, budget: 12_500 },
    });
  });
});

describe('money in another currency', () => {
  it.each([
    ['€5.000', '€'],
    ['5.000,50 €', '€'],
    ['R$ 5.000', 'R$'],
    ['¥500000', '¥'],
    ['₹5,00,000', '₹'],
    ['5000 EUR', 'EUR'],
    ['$5,000 CAD', 'CAD'],
  ])('refuses %j, saying Tierbot works in US dollars', (typed, sign) => {
    expect(parseMoney(typed)).toEqual({ ok: false, reason: `Tierbot works in US dollars; “${sign}” is another currency.` });
  });

  it('reads US dollars written with their code', () => {
    expect([parseMoney('US$300'), parseMoney('5000 USD'), parseMoney('USD 5000')].map((r) => r.ok && r.value)).toEqual([300, 5000, 5000]);
  });

  it('/compare says so, with the accepted forms', async () => {
    const text = embedText(await runCompare({ budget: '€5.000' }));
    expect(text).toContain('Tierbot works in US dollars; “€” is another currency.');
    expect(text).toMatch(/Accepted:\*\* for budget, an amount in US dollars/);
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

  it('reads US dollars in every accepted form: $5,000, 5000 USD, US$300, 5 dollars, 5k, 2 lakh', () => {
    for (const [typed, value] of [['$5,000', 5000], ['5000 USD', 5000], ['US$300', 300], ['5 dollars', 5], ['5k', 5000], ['2 lakh', 200_000]] as const) {
      expect(parseMoney(typed)).toEqual({ ok: true, value });
    }
  });
});

describe('the multipliers of counts in amounts', () => {
  it.each([
    ['2 lakh', 200_000],
    ['5 Tsd', 5_000],
    ['1,2 Mio.', 1_200_000],
    ['1 crore', 10_000_000],
  ])('reads the amount %j as %d, as /tier reads the count', (typed, value) => {
    expect(parseMoney(typed)).toEqual({ ok: true, value });
    expect(parseFollowerCount(typed)).toEqual({ ok: true, value });
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

describe('Indian digit grouping', () => {
  it.each([
    ['1,00,000', 100_000],
    ['10,00,000', 1_000_000],
    ['1,00,00,000', 10_000_000],
    ['12,34,567', 1_234_567],
  ])('reads %j as %d in /tier, /compare and roster cells', async (typed, value) => {
    expect(parseFollowerCount(typed)).toEqual({ ok: true, value });
    expect(parseMoney(typed)).toEqual({ ok: true, value });
    expect(parseOverrides({ big_followers: typed })).toMatchObject({ ok: true, overrides: { big_followers: value } });
    expect(rosterCounts('Followers', [typed])).toEqual([value]);
    expect((await runTier(typed)).embeds[0]!.title).toContain(`${value.toLocaleString('en-US')} followers`);
  });

  it('still refuses digits grouped neither way', () => {
    for (const typed of ['1,0,000', '1,00,00', '100,00,000']) expect(parseFollowerCount(typed).ok).toBe(false);
  });
});

describe('count words of other languages', () => {
  it.each([
    ['5 тыс', 5_000],
    ['5 тыс.', 5_000],
    ['1,2 млн', 1_200_000],
    ['1,2 млн.', 1_200_000],
    ['3 млрд', 3_000_000_000],
    ['45 tys.', 45_000],
    ['45 tys', 45_000],
    ['45 bin', 45_000],
    ['2 milhões', 2_000_000],
    ['1 milhão', 1_000_000],
    ['1 millón', 1_000_000],
    ['3 mld', 3_000_000_000],
    ['3万', 30_000],
    ['1.5万', 15_000],
    ['2亿', 200_000_000],
    ['४५०००', 45_000],
    ['४५k', 45_000],
  ])('reads %j as %d, in /tier and in a roster cell alike', (typed, value) => {
    expect(parseFollowerCount(typed)).toEqual({ ok: true, value });
    expect(rosterCounts('Followers', [typed])).toEqual([value]);
  });

  it('refuses a billion word past the largest count', () => {
    expect(parseFollowerCount('12 mld')).toMatchObject({ ok: false, reason: expect.stringContaining('more than there are people') });
  });

  it('reads Devanagari and Arabic-Indic digits in a column whose header gives a unit in that unit', () => {
    expect(rosterCounts('Followers (K)', ['४५', '٤٥', '45'])).toEqual([45_000, 45_000, 45_000]);
  });
});

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

  it('reads English counts and "mil" unchanged beside them: 30k, 1.2Msubs, "45 mil seguidores" (45,000), "30 mil" (30 million)', () => {
    for (const [text, value] of [['30k', 30_000], ['30k followers', 30_000], ['1.2Msubs', 1_200_000], ['45 mil seguidores', 45_000], ['30 mil', 30_000_000]] as const) {
      expect(parseFollowerCount(text)).toEqual({ ok: true, value });
    }
  });
});

describe('other languages: the Russian million, subscriptions sold, and columns of followers gained', () => {
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

describe('"(mil)" in a roster header', () => {
  it('is thousands under a Spanish or Portuguese header, as a "45 mil" cell there is', () => {
    expect(rosterCounts('Seguidores (mil)', ['45', '45 mil'])).toEqual([45_000, 45_000]);
    expect(rosterCounts('Inscritos (mil)', ['45', '45 mil'])).toEqual([45_000, 45_000]);
  });

  it('is millions under any other header, as a "45 mil" cell there is', () => {
    expect(rosterCounts('Followers (mil)', ['45', '45 mil'])).toEqual([45_000_000, 45_000_000]);
    expect(rosterCounts('Subscribers (in mil)', ['45', '45 mil'])).toEqual([45_000_000, 45_000_000]);
  });

  it('reads "(miles)" and "(K)" as thousands', () => {
    expect(rosterCounts('Seguidores (miles)', ['45'])).toEqual([45_000]);
    expect(rosterCounts('Followers (K)', ['45'])).toEqual([45_000]);
  });
});

describe('/roster count_column: given by number in full-width digits', () => {
  it('reads ２ as 2 when finding the header row, so a creator row is never taken for the header', async () => {
    const file = 'Creator,Reach\nAna,45000,IG\nBen,1200000,TikTok\n';
    const wide = await runRoster(file, { count_column: '２' });
    expect(embedText(wide)).toContain(total(2, 1_245_000));
    expect(embedText(wide)).toBe(embedText(await runRoster(file, { count_column: '2' })));
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
