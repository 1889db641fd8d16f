/**
 * /compare's figures as the sources give them: band boundaries in the publishers' words, an input
 * with one published figure said to have no range, tiers and denominators that are Tierbot's
 * assumptions, the Kardashian case's labels, budgets written to the cent, CPM and CPME with their
 * ranges, sourced precision kept, a fraction of a count shown as "under 1", and compare.csv's rows
 * rounded as the reply rounds them. Checked through the command, as a user gets it.
 */

import { describe, expect, it } from 'vitest';
import { CASES_ID } from '../src/commands/compare-state';
import { microBreakEvens } from '../src/domain/compare';
import { runCompare as run, assumptionsPage, assumptionsText, comparisonOf, exportRow, exportRows, field, planLine, pressButton, shownText } from './support/compare';

describe('band boundaries follow the publishers’ words', () => {
  it('10,000 followers are in InfluencerDB’s "5k–10k" (6.3%), not its ">10k": the default Plan B ranges 0.54%–6.3%', async () => {
    const t = await assumptionsText({});
    expect(t).toContain('Plan B engagement rate: 2.28% (0.54% to 6.3%)');
    expect(t).toContain('InfluencerDB 2019 likes ÷ followers, 5k–10k: 6.3%');
    // 10,001 is "over 10k".
    expect(comparisonOf({ micro_followers: '10001' }).scenario.assumptions.engagement_rate_b.rangeNote).toContain('over 10k: 3.4%–3.8%');
  });

  it('a band end no other band of the same report starts at is included: HypeAuditor 2023’s nano "1k–10k", HypeAuditor 2026’s micro "10k–50k"', async () => {
    const rangeB = (options: Record<string, string>) => comparisonOf(options).scenario.assumptions.engagement_rate_b.value;
    // TikTok: 10,000 followers get HypeAuditor 2023's nano 12.6% beside Influencer Marketing Hub's 18%, as 9,999 do.
    expect(rangeB({ platform: 'tiktok', micro_followers: '10000' })).toEqual(rangeB({ platform: 'tiktok', micro_followers: '9999' }));
    expect(rangeB({ platform: 'tiktok' })).toEqual({ low: 12.6, expected: 18, high: 18 });
    expect(rangeB({ platform: 'tiktok', micro_followers: '10001' })).toEqual({ low: 18, expected: 18, high: 18 });
    // Instagram: 50,000 followers get HypeAuditor 2026's micro 0.54%, as 49,999 do; 50,001 not.
    expect(rangeB({ micro_followers: '50000' })).toEqual({ low: 0.54, expected: 1.62, high: 3.8 });
    expect(rangeB({ micro_followers: '49999' })).toEqual(rangeB({ micro_followers: '50000' }));
    expect(rangeB({ micro_followers: '50001' })).toEqual({ low: 1.62, expected: 1.62, high: 3.8 });
    // Instagram at 10,000: HypeAuditor 2023's nano 2.78% is listed among the other sources.
    expect(await assumptionsText({})).toContain('HypeAuditor 2023 (basis not given), nano, 1k–10k: 2.78%');
    // Its basis (by followers, reach or views) is not given: said, since the range is read by followers.
    expect(await assumptionsText({})).toContain('HypeAuditor 2026 (basis not given), micro, 10k–50k: 0.54%');
    const main = await run({ platform: 'tiktok', micro_followers: '10000' });
    expect(main.embeds[0]!.fields!.map((f) => f.value).join('\n')).toContain('B 18% (12.6%–18%; extrapolated from Influencer Marketing Hub 2021');
  });

  it('exactly 1,000,000 followers are in "100k–1M" for Minter.io and HypeAuditor (">1M" excludes it); 1,000,001 is over 1M', async () => {
    const at = await assumptionsText({ big_followers: '1M' });
    expect(at).toContain('Plan A reach rate: 22.885%');
    expect(at).toContain('median Instagram post reach for 100k–1M followers');
    expect(at).toContain('Plan A engagement rate: 1.55%');
    expect(at).not.toMatch(/over 1M followers/);
    // 1,000,001 gets the "over 1M" figures, then is raised to what 1,000,000 get: 228,850 reached ÷
    // 1,000,001 = 22.884977% and 15,500 engagements ÷ 1,000,001 = 1.5499985%.
    const over = comparisonOf({ big_followers: '1000001' }).scenario.assumptions;
    expect(over.reach_rate_a.rule).toContain('median Instagram post reach for over 1M followers: 19.09%; Tierbot raises it to 22.88498% here (1,000,000 × 22.885% ÷ 1,000,001)');
    expect(over.reach_rate_a.value!.expected).toBe((1_000_000 * 22.885) / 1_000_001);
    // The sources' range for over 1M (Bazaarvoice's 15% to Minter.io's 19.09%) is widened to take the raised rate in, and says so.
    expect(over.reach_rate_a.value!.high).toBe(over.reach_rate_a.value!.expected);
    expect(over.reach_rate_a.rangeNote).toMatch(/over 500k: 15%; up to the raised rate$/);
    expect(over.engagement_rate_a.rule).toContain('followers for over 1M followers: 1.54%; Tierbot raises it to 1.549998% here (1,000,000 × 1.55% ÷ 1,000,001)');
    expect(over.engagement_rate_a.value!.expected).toBe((1_000_000 * 1.55) / 1_000_001);
  });
});

describe('an input the sources give one figure for', () => {
  it('says so wherever its range would be: the main reply, compare.csv', async () => {
    const reply = await run({ platform: 'youtube' });
    const lines = reply.embeds[0]!.fields!.flatMap((f) => f.value.split('\n'));
    expect(lines.find((l) => l.startsWith('Sales'))).toBe('Sales (extrapolated from the Kardashian tweet, TapInfluence blog; one published figure each, no range): conversion 2.5% of visits, order value $30.');
    const rows = await exportRows({});
    expect(exportRow(rows, 'assumption', 'reach_rate_b')[5]).toContain('for 0–20k followers: 37.72%; one published figure, no range (Minter.io');
    expect(exportRow(rows, 'assumption', 'conversion')[5]).toContain('= 2.5%, used here beyond that case; one published figure, no range (TapInfluence, blog post by Laura Smous');
    // Where there are several, the range spans them and nothing is said of one figure.
    expect(exportRow(rows, 'assumption', 'engagement_rate_b')[5]).not.toContain('one published figure');
  });
});

describe('TikTok and YouTube: Influencer Marketing Hub’s tiers and denominator are Tierbot assumptions', () => {
  it('a 3,000-follower account gets "micro" by a Tierbot assumption, with no contradicting source cited', async () => {
    const c = comparisonOf({ platform: 'tiktok', micro_followers: '3000' });
    const b = c.scenario.assumptions.engagement_rate_b;
    expect(b.rule).toContain('That “micro” covers 3,000 followers');
    expect(b.rule).toContain('are Tierbot assumptions, not the source\'s');
    expect(b.rule).not.toMatch(/Iconosquare/);
    expect(b.sources.map((s) => s.publisher)).not.toContain('Iconosquare');
  });

  it('the main reply says the basis is not stated and that reading it by subscribers, on YouTube, is an assumption', async () => {
    const line = shownText(await run({ platform: 'youtube' })).split('\n').find((l) => l.startsWith('Engagement rate by subscribers'))!;
    // Its kind is the extrapolation the Assumptions page and compare.csv name.
    expect(line).toContain('B 1.64% (one published figure, no range; extrapolated from Influencer Marketing Hub 2021 “micro”, as reported by ION; it states no subscriber lines or denominator, so Tierbot reads it by subscribers)');
    expect(line).not.toContain('extrapolated from Influencer Marketing Hub 2021)');
    expect(await assumptionsText({ platform: 'youtube' })).toContain('nor what its rate is divided by');
  });
});

describe('the Kardashian preset', () => {
  it('labels its conversion and order value extrapolations: they feed only Plan B’s micro-influencers', async () => {
    const c = comparisonOf({ preset: 'kardashian' });
    for (const key of ['conversion', 'order_value'] as const) {
      expect(c.scenario.assumptions[key].basis).toBe('extrapolated');
      expect(c.scenario.assumptions[key].plans).toEqual(['B']);
    }
    const t = await assumptionsText({ preset: 'kardashian' });
    expect(t).toContain('*extrapolation*: the Kardashian case, the one recorded: 30 orders ÷ 1,200 website visits = 2.5%, applied only to Plan B’s Instagram micro-influencers');
    expect(t).not.toMatch(/\*observed\*: the Kardashian case/);
  });
});

describe('with a budget, the micro fee’s break-even counts what the budget buys at that fee', () => {
  it('$10,000: a dearer micro fee buys fewer micro-influencers, so Plan A wins reach above $163.94, as micro_fee typed back in shows', async () => {
    const t = await assumptionsText({ budget: '10000' });
    expect(t).toContain(
      'Plan B fee each (expected $100; the budget, $10,000, buys more micro-influencers at a lower fee and fewer at a higher one): Plan A wins cost per order at a fee above $164.83, cost per engagement above $147.12, engagements above $147.06, and reach above $163.94.',
    );
    // At $163.94 the budget buys 60 (226,320 reached against Plan A's 228,850); at $163.93, 61.
    const reachWinner = async (fee: string) => {
      const reply = await run({ budget: '10000', micro_fee: fee });
      return (['A', 'B'] as const).filter((plan) => /^Reach: .*✅$/m.test(field(reply, `Plan ${plan}`).value));
    };
    expect(await reachWinner('163.94')).toEqual(['A']);
    expect(await reachWinner('163.93')).toEqual(['B']);
  });

  it('a budget with cents is written with them: $10,000.01 buys 1,000,001 followers, which "$10,000" would contradict', async () => {
    const d = (await run({ budget: '10000.01' })).embeds[0]!.description!;
    expect(d).toContain('**Budget $10,000.01:** Plan A spends $10,000.01 on one influencer with 1,000,001 followers (the cent-per-follower rule, extended past its largest example');
  });

  it('the Kardashian case says which of Plan A’s figures are yours, not observed: the article reports no fee, reach or engagements', async () => {
    const d = (await run({ preset: 'kardashian', big_reach: '50%', big_fee: '1' })).embeds[0]!.description!;
    expect(d).toContain('Plan A is the observed case the TapInfluence blog reports, with your `big_fee` and `big_reach` for what it does not report; Plan B is estimated');
    expect((await run({ preset: 'kardashian' })).embeds[0]!.description).toContain('Plan A is the observed case the TapInfluence blog reports; Plan B is estimated');
  });

  it('each plan’s Cost line keeps the cents the budget line shows: $1,234.56, not $1,235', async () => {
    const reply = await run({ budget: '1234.56', micro_fee: '100.25' });
    expect(reply.embeds[0]!.description).toContain('**Budget $1,234.56:** Plan A spends $1,234.56');
    expect(field(reply, 'Plan A').value).toMatch(/^Cost: \*\*\$1,234\.56\*\*$/m);
    expect(field(reply, 'Plan B').value).toMatch(/^Cost: \*\*\$1,203\*\*/m);
  });

  it('a budget with cents keeps them on the Assumptions page too, so its sums add up: $20,000.50 ÷ $0.01 = 2,000,050 followers', async () => {
    const t = await assumptionsText({ budget: '20000.50', micro_fee: '100.25' });
    expect(t).toContain('Plan A: 1 × 2,000,050 followers (what the budget buys at the cent-per-follower rule, extended past its largest example, 1,000,000 followers for $10,000: $20,000.50 ÷ $0.01).');
    expect(t).toContain('Plan B: 199 × 10,000 followers (as many as the budget buys: $20,000.50 ÷ $100.25, rounded down;');
    expect(t).toContain('Plan A fee: $20,000.50');
    expect(t).toContain('Plan B fee each (expected $100.25; the budget, $20,000.50, buys more micro-influencers at a lower fee and fewer at a higher one):');
  });

  it('says which way Traackr’s rule goes: on TikTok, at 18% engagement, it would buy Plan B fewer followers than the cent rule, not more', async () => {
    const fees = (d: string) => d.split('\n').find((l) => l.startsWith('Fees:'));
    const tiktok = (await run({ budget: '50000', platform: 'tiktok' })).embeds[0]!.fields!.map((f) => f.value).join('\n');
    expect(fees(tiktok)).toContain('GRIN’s rule would buy more followers; Traackr’s more for Plan A and fewer for Plan B, at the expected engagement rates.');
    const instagram = (await run({ budget: '10000' })).embeds[0]!.fields!.map((f) => f.value).join('\n');
    expect(fees(instagram)).toContain('GRIN’s and Traackr’s rules would buy more followers.');
  });

  it('a break-even never lies past the budget, where it buys no micro-influencer: one with 50,000 followers outreaches $100 of Plan A at any fee it buys', () => {
    const c = comparisonOf({ budget: '100', micro_fee: '100', micro_followers: '50000' });
    expect(microBreakEvens(c.scenario).find((b) => b.key === 'fee_b')!.flips).toEqual([]);
    // Where the budget buys several, the fee's break-evens are found below it.
    const several = microBreakEvens(comparisonOf({ budget: '1000', micro_fee: '100' }).scenario).find((b) => b.key === 'fee_b')!.flips;
    expect(several.map((f) => f.metric).sort()).toEqual(['cost_per_order', 'cpe', 'engagements', 'reach']);
    for (const f of several) expect(f.breakEven).toBeLessThanOrEqual(1000);
  });
});

describe('the main reply', () => {
  it('shows CPM and CPME with their ranges', async () => {
    const reply = await run();
    // Plan A reaches 99,999 × 22.945% = 22,944.77 and engages 99,999 × 1.62% = 1,619.98. CPM $1,000 ÷
    // 22,944.77 × 1,000 = $43.58; low $232.50 ÷ (22,944.77 × 1.25) × 1,000 = $8.11; high $1,000 ÷ 22,885
    // (the sources' 22.885%) × 1,000 = $43.70. CPME = CPE × 1,000: $1,000 ÷ 1,619.98 × 1,000 = $617.29,
    // $400 ÷ 3,800 to $1,000 ÷ 1,550.
    expect(field(reply, 'Plan A').value).toContain('CPM $43.58 ($8.11 to $43.70) · CPME $617.29 ($105.26 to $645.16)');
    // Plan B: $1,000 ÷ 37,720 × 1,000 = $26.51, low $81 ÷ (37,720 × 1.25) × 1,000 = $1.72; CPME $1,000 ÷ 2,280 × 1,000
    // = $438.60, $400 ÷ 6,300 to $1,000 ÷ 540.
    expect(field(reply, 'Plan B').value).toContain('CPM $26.51 ($1.72 to $44.19) · CPME $438.60 ($63.49 to $1,852)');
  });
});

describe('sourced figures keep their precision', () => {
  it('Fab.com’s 0.0806% and 0.345% sign-ups per follower, as the source gives them', async () => {
    const t = shownText(await pressButton(await assumptionsPage({}), CASES_ID));
    expect(t).toContain('Ashton Kutcher for Fab.com (sign-ups): 0.0806% per follower');
    expect(t).toContain('Kevin Rose for Fab.com (sign-ups): 0.345% per follower');
    expect((await run({ micro_reach: '0', big_reach: '0' })).embeds[0]!.fields!.map((f) => f.value).join('\n')).toContain('Observed cases: 0.008%–0.345% per follower');
  });
});

describe('a fraction of an order is "under 1"', () => {
  it('big_followers:1M: Plan A’s low end is 0.75 orders ($22.50 of revenue), shown "under 1", not 1', async () => {
    const a = await run({ big_followers: '1M' });
    expect(planLine(a, 'A', 'Orders')).toBe('Orders: **29** (under 1 to 114)');
    expect(planLine(a, 'A', 'Revenue')).toBe('Revenue: **$858.19** ($22.50 to $3,433)');
  });
});

describe('compare.csv', () => {
  it('Plan B’s followers cite where the count comes from: the budget, or the user', async () => {
    const budget = exportRow(await exportRows({ budget: '5000' }), 'B', 'followers')[5]!;
    expect(budget).toContain('50 micro-influencers (as many as the budget buys');
    expect(budget).not.toContain('“10 highly focused influencers');
    const typed = exportRow(await exportRows({ micro_count: '20' }), 'B', 'followers')[5]!;
    expect(typed).toContain('20 micro-influencers (your input)');
    expect(exportRow(await exportRows({}), 'B', 'followers')[5]).toContain('“10 highly focused influencers, each with 10,000 followers');
  });

  it('the Kardashian tweet’s unrecorded figures are "not reported", not "observed"', async () => {
    const rows = await exportRows({ preset: 'kardashian' });
    expect(exportRow(rows, 'assumption', 'reach_rate_a')[5]).toBe('not reported: No Twitter reach figure is recorded for the tweet');
    expect(exportRow(rows, 'assumption', 'engagement_rate_a')[5]).toMatch(/^not reported: /);
  });

  it('a low end shown as "under 1" is written unrounded, never 0, as are the expected and high ends', async () => {
    const reply = await run();
    expect(field(reply, 'Plan A').value).toContain('Orders: **3** (under 1 to 11)');
    // 22,885 reached × 0.02%, 22,944.77055 (99,999 × 22.945%) × 0.5% and × 2%, × 2.5% = 0.114425,
    // 2.86809631875 and 11.472385275 orders.
    expect(exportRow(await exportRows({}), 'A', 'orders').slice(2, 5)).toEqual(['0.114425', '2.86809631875', '11.472385275']);
  });
});

describe('the reply and compare.csv round a figure the same way', () => {
  it('Kardashian: ROAS $900 ÷ $400,000 = 0.00225 reads 0.0023 in both', async () => {
    expect(field(await run({ preset: 'kardashian' }), 'Plan A').value).toContain('ROAS: **0.0023×**');
    expect(exportRow(await exportRows({ preset: 'kardashian' }), 'A', 'roas')[3]).toBe('0.0023');
  });
});
