/**
 * Counts and amounts as people outside the US write them: "mil" in Spanish and Portuguese, a
 * decimal comma in money and percentages, another currency, lakh and Mio. in an amount, Indian
 * digit grouping, and count words of other languages, each read the same by /tier, /compare and
 * /roster.
 */

import { describe, expect, it } from 'vitest';
import { compare } from '../src/commands/compare';
import { roster } from '../src/commands/roster';
import { tier } from '../src/commands/tier';
import type { Attachment, Reply } from '../src/commands/types';
import { parseOverrides } from '../src/domain/compare';
import { countReadingNote, parseFollowerCount } from '../src/domain/followers';
import { readRoster, summariseByPlatform, summaryStateOf, writeTaggedCsv } from '../src/domain/roster';
import { parseMoney, parsePercent } from '../src/domain/units';
import { testContext } from './support/context';

const utf8 = (text: string) => new TextEncoder().encode(text);
const URL_OF = 'https://cdn.discordapp.com/attachments/1/2/team.csv';

const runTier = (followers: string) => tier.run({ followers } as never, testContext()) as Promise<Reply>;
const runCompare = (options: Record<string, string>) => compare.run(options as never, testContext()) as Promise<Reply>;
async function runRoster(text: string, countColumn?: string): Promise<Reply> {
  const bytes = utf8(text);
  const file: Attachment = { id: '900', filename: 'team.csv', url: URL_OF, size: bytes.length, contentType: 'text/csv' };
  return (await roster.run({ file, ...(countColumn ? { count_column: countColumn } : {}) } as never, testContext({ files: { [URL_OF]: bytes } }))) as Reply;
}
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

  it('still reads US dollars written with their code', () => {
    expect([parseMoney('US$300'), parseMoney('5000 USD'), parseMoney('USD 5000')].map((r) => r.ok && r.value)).toEqual([300, 5000, 5000]);
  });

  it('/compare says so, with the accepted forms', async () => {
    const text = embedText(await runCompare({ budget: '€5.000' }));
    expect(text).toContain('Tierbot works in US dollars; “€” is another currency.');
    expect(text).toMatch(/Accepted:\*\* for budget, an amount in US dollars/);
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

describe('/roster count_column: given by number in full-width digits', () => {
  it('reads ２ as 2 when finding the header row, so a creator row is never taken for the header', async () => {
    const file = 'Creator,Reach\nAna,45000,IG\nBen,1200000,TikTok\n';
    const wide = await runRoster(file, '２');
    expect(embedText(wide)).toContain(total(2, 1_245_000));
    expect(embedText(wide)).toBe(embedText(await runRoster(file, '2')));
  });
});
