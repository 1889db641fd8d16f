/**
 * A fee's range in /compare is what the plan pays, so it agrees with the plan's cost: in the
 * default, in any scenario priced by the rules (property), where a fee follows the engagement rate
 * (Traackr's price, TikTok), past the cent rule's largest example, and with a budget below or beside
 * what the price rules charge; a rule-priced fee follows the scenario's own engagement rate at each
 * end of its range. The Assumptions page, the main reply and compare.csv agree. Checked through the
 * command, as a user gets it.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS_ID } from '../src/commands/compare-state';
import { messageProblems } from '../src/commands/limits';
import { comparePlans, feeByRulesAt, parseCompareInput } from '../src/domain/compare';
import { runCompare as run, assumptionsPage, comparisonOf, description, exportRow, exportRows, fieldOfAnyEmbed, plainText, pressButton } from './support/compare';

describe('a fee’s range is what the plan pays, so it agrees with the cost', () => {
  it('the default: Plan A’s fee and cost both run $232.50 to $1,000; Plan B’s fee $8.10 to $100 each, its cost $81 to $1,000', async () => {
    const main = await run();
    expect(fieldOfAnyEmbed(main, 'Plan A').value).toContain('Cost: **$1,000** ($232.50 to $1,000)');
    expect(fieldOfAnyEmbed(main, 'Plan B').value).toContain('Cost: **$1,000** ($81 to $1,000)');
    const page = await pressButton(main, ASSUMPTIONS_ID);
    // Every rule across 1.55%–3.8%: cent $1,000, GRIN $400–900, Traackr 1,550 × $0.15 = $232.50 to 3,800 ×
    // $0.15 = $570. The cheapest is Traackr's at 1.55%, the dearest the cent rule's.
    expect(fieldOfAnyEmbed(page, 'Plan A fee').name).toBe('Plan A fee: $1,000 ($232.50 to $1,000)');
    expect(fieldOfAnyEmbed(page, 'Plan A fee').value).toContain('Range: from the cheapest rule to the dearest, across the engagement rate’s range:');
    expect(fieldOfAnyEmbed(page, 'Plan A fee').value).toContain("Traackr's $150 per 1,000 engagements, $232.50 at 1.55% to $570 at 3.8%");
    // Plan B across 0.54%–6.3%: Traackr 54 × $0.15 = $8.10 to 630 × $0.15 = $94.50, GRIN $40–90, cent $100.
    expect(fieldOfAnyEmbed(page, 'Plan B fee each').name).toBe('Plan B fee each: $100 ($8.10 to $100)');

    const rows = await exportRows({});
    expect(exportRow(rows, 'assumption', 'fee_a').slice(2, 5)).toEqual(exportRow(rows, 'A', 'cost').slice(2, 5));
    expect(exportRow(rows, 'assumption', 'fee_b').slice(2, 5)).toEqual(['8.1', '100', '100']);
    expect(exportRow(rows, 'B', 'cost').slice(2, 5)).toEqual(['81', '1000', '1000']);
  });

  it('in any scenario priced by the rules, each plan’s cost is its influencers × its fee, at both ends (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_000, max: 50_000_000 }),
        fc.integer({ min: 1_000, max: 500_000 }),
        fc.integer({ min: 1, max: 200 }),
        fc.constantFrom('instagram', 'tiktok', 'youtube'),
        fc.option(fc.double({ min: 0.1, max: 30, noNaN: true }), { nil: null }),
        (big, micro, count, platform, microEngagement) => {
          const built = parseCompareInput({
            big_followers: String(big),
            micro_followers: String(micro),
            micro_count: String(count),
            platform,
            ...(microEngagement === null ? {} : { micro_engagement: microEngagement.toFixed(2) }),
          });
          if (!built.ok) return;
          const c = comparePlans(built.scenario);
          for (const [plan, key] of [
            ['a', 'fee_a'],
            ['b', 'fee_b'],
          ] as const) {
            const fee = c.scenario.assumptions[key].value!;
            const cost = c[plan].metrics.cost!;
            const n = c.scenario[plan].influencers;
            expect(cost.low).toBeCloseTo(n * fee.low, 6);
            expect(cost.high).toBeCloseTo(n * fee.high, 6);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a fee that follows the engagement rate reaches the dearest rule at the highest rate: TikTok’s Plan A pays Traackr’s price up to 18%', async () => {
    const c = comparisonOf({ platform: 'tiktok' });
    const engagement = c.scenario.assumptions.engagement_rate_a.value!;
    // Traackr: 100,000 × rate × $0.15 per 1,000 engagements, so $150 per percentage point.
    const traackrAtHighest = 100_000 * (engagement.high / 100) * 0.15;
    expect(traackrAtHighest).toBeGreaterThan(1_000);
    expect(c.scenario.assumptions.fee_a.value!.high).toBeCloseTo(traackrAtHighest, 6);
    expect(c.a.metrics.cost!.high).toBeCloseTo(traackrAtHighest, 6);
    // Cost per order follows no engagement rate: its worst case pays that fee.
    expect(c.a.metrics.cost_per_order!.high).toBeGreaterThan(traackrAtHighest / c.a.metrics.orders!.expected);
  });

  it('a verdict that one fee within its rules flips is never said to hold (Kardashian against micro-influencers of 3,851)', async () => {
    const d = plainText((await run({ preset: 'kardashian', micro_followers: '3851' })).embeds[0]!.description!);
    expect(d).not.toContain('holds across every sourced range');
    expect(d).toContain('Depends on:');
  });

  it('past the cent rule’s largest example (1M followers) its fee is an extrapolation, not “sourced”', async () => {
    const page = await assumptionsPage({ big_followers: '2000000' });
    expect(fieldOfAnyEmbed(page, 'Plan A fee').value).toMatch(/^\*extrapolation\*: the cent-per-follower rule \(\$100 per 10,000 followers\), extended past its largest example \(1,000,000 followers for \$10,000\)/);
    expect(exportRow(await exportRows({ big_followers: '2000000' }), 'assumption', 'fee_a')[5]).toMatch(/^extrapolat/);
    expect(fieldOfAnyEmbed(await assumptionsPage({ big_followers: '1000000' }), 'Plan A fee').value).toMatch(/^\*sourced\*/);
  });

  it('a budget below every rule: the fee and the cost agree, and the cheapest rule at the expected rate is named as such', async () => {
    // 500,000 followers at the expected 1.55%, the low end of its range: Traackr's 7,750 × $0.15 = $1,162.50
    // is the cheapest rule there and anywhere in the range.
    expect((await run({ budget: '500', big_followers: '500k' })).embeds[0]!.description).toContain(
      'Plan A costs $5,000 ($1,162.50 to $5,000): $500 does not buy 500,000 followers at any price rule (the cheapest asks $1,162.50 at the expected 1.55% engagement rate)',
    );
    const rows = await exportRows({ budget: '500', big_followers: '500k' });
    expect(exportRow(rows, 'assumption', 'fee_a').slice(2, 5)).toEqual(['1162.5', '5000', '5000']);
    expect(exportRow(rows, 'A', 'cost').slice(2, 5)).toEqual(['1162.5', '5000', '5000']);
    expect(exportRow(rows, 'A', 'cost')[5]).toBe('influencers × fee (fee_a below)');
  });
});

describe('consistent scenarios: a rule-priced fee follows the scenario’s own engagement rate', () => {
  it('the default Plan A’s lowest cost per engagement is GRIN’s $400 at 3.8%, never Traackr’s $232.50 (a 1.55% fee) at 3.8%', async () => {
    const a = fieldOfAnyEmbed(await run(), 'Plan A').value;
    // $400 ÷ 3,800 = $0.105; $232.50 ÷ 3,800 = $0.06 would pair two different engagement rates. Traackr's
    // $232.50 is what Plan A may pay at 1.55% ($0.15 per engagement there), so the cost reaches it.
    expect(a).toContain('Cost per engagement: **$0.62** ($0.11 to $0.65)');
    expect(a).toContain('Cost: **$1,000** ($232.50 to $1,000)');
  });

  it('the cost runs from the cheapest rule to the dearest across the engagement rate’s range (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50_000_000 }), fc.integer({ min: 1, max: 5_000_000 }), fc.constantFrom('instagram', 'tiktok', 'youtube'), (big, micro, platform) => {
        const c = comparisonOf({ big_followers: String(big), micro_followers: String(micro), platform });
        for (const [p, fee, engagement] of [
          [c.a, c.scenario.assumptions.fee_a, c.scenario.assumptions.engagement_rate_a],
          [c.b, c.scenario.assumptions.fee_b, c.scenario.assumptions.engagement_rate_b],
        ] as const) {
          const each = p.metrics.influencers!.expected;
          // Traackr's price rises with the rate: the cheapest is at the lowest rate, the dearest at the highest.
          const ends = [engagement.value!.low, engagement.value!.high];
          expect(p.metrics.cost!.low).toBeCloseTo(each * Math.min(...ends.map((rate) => feeByRulesAt(fee.feeRules!, rate, 'low'))), 6);
          expect(p.metrics.cost!.high).toBeCloseTo(each * Math.max(...ends.map((rate) => feeByRulesAt(fee.feeRules!, rate, 'high'))), 6);
          expect([p.metrics.cost!.low, p.metrics.cost!.high]).toEqual([each * fee.value!.low, each * fee.value!.high].map((x) => expect.closeTo(x, 6)));
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('the fee’s range and the cost’s range agree', () => {
  it('the Assumptions page gives the fee’s range as what the plan pays, the cost’s range in the main reply', async () => {
    const page = await assumptionsPage({});
    const fee = fieldOfAnyEmbed(page, 'Plan A fee');
    // Traackr's 1,550 × $0.15 = $232.50 at 1.55% is the cheapest rule across 1.55%–3.8%, the cent rule's
    // $1,000 the dearest (GRIN $400–900, Traackr at 3.8% 3,800 × $0.15 = $570).
    expect(fee.name).toBe('Plan A fee: $1,000 ($232.50 to $1,000)');
    expect(fee.value).toContain(
      "Range: from the cheapest rule to the dearest, across the engagement rate’s range: GRIN's $4–9 per 1,000 followers, $400–$900; Traackr's $150 per 1,000 engagements, $232.50 at 1.55% to $570 at 3.8%.",
    );
    expect(fieldOfAnyEmbed(page, 'Plan B fee each').name).toBe('Plan B fee each: $100 ($8.10 to $100)');
    const main = await run();
    expect(page.embeds[0]!.description).toContain('then at its better end, fees priced at that run’s engagement rate (and again with the engagement rate at its other end');
    expect(fieldOfAnyEmbed(main, 'Plan A').value).toContain('Cost: **$1,000** ($232.50 to $1,000)');
    // The default's Assumptions page keeps its break-evens whole, within Discord's limits.
    expect(page.embeds.map((e) => e.title)).toContain('Break-even');
    expect(messageProblems(page)).toEqual([]);
  });

  it('compare.csv says the same: the fee’s ends are the cost’s', async () => {
    const rows = await exportRows({});
    expect(exportRow(rows, 'A', 'cost').slice(2)).toEqual(['232.5', '1000', '1000', 'influencers × fee (fee_a below)']);
    expect(exportRow(rows, 'assumption', 'fee_a').slice(2, 5)).toEqual(['232.5', '1000', '1000']);
    expect(exportRow(rows, 'assumption', 'fee_a')[5]).toContain("range: from the cheapest rule to the dearest, across the engagement rate’s range: GRIN's $4–9 per 1,000 followers, $400–$900; Traackr's $150 per 1,000 engagements, $232.50 at 1.55% to $570 at 3.8%");
  });

  it('a budget below every rule: the cheapest rule is said to be at the expected engagement rate, and the cost to be what Plan A pays', async () => {
    const d = description(await run({ budget: '2000', big_followers: '1M' }));
    expect(d).toContain(
      'Plan A costs $10,000 ($2,325 to $10,000): $2,000 does not buy 1,000,000 followers at any price rule (the cheapest asks $2,325 at the expected 1.55% engagement rate)',
    );
    // At 20,000 followers the expected 2.27989% (raised to what 19,999 get: 19,999 × 2.28% ÷ 20,000) is not
    // the low end of the rate's range: the cost reaches a cheaper rule (Traackr's 20,000 × 0.54% × $0.15 =
    // $16.20 at the lowest rate) than the one at the expected rate (Traackr's 19,999 × 2.28% × $0.15 =
    // $68.397, $68.40), and says why.
    expect(description(await run({ budget: '20', big_followers: '20k', micro_fee: '10' }))).toContain(
      'Plan A costs $200 ($16.20 to $200): $20 does not buy 20,000 followers at any price rule (the cheapest asks $68.40 at Tierbot’s raised 2.28% engagement rate; the cost is what Plan A pays in its best and worst cases, each at its own engagement rate)',
    );
  });

  it('with a budget, Plan B’s fee has no range; the other rules’ fees are given at each end of the engagement rate', async () => {
    const fee = fieldOfAnyEmbed(await assumptionsPage({ budget: '5000' }), 'Plan B fee each');
    expect(fee.name).toBe('Plan B fee each: $100');
    expect(fee.value).toContain(
      "with a budget, fees are what it pays at this rule (the other rules: GRIN's $4–9 per 1,000 followers, $40–$90; Traackr's $150 per 1,000 engagements, $8.10 at 0.54% to $94.50 at 6.3%)",
    );
  });
});

describe('a budget that pays for the followers given', () => {
  it('is set beside what the price rules charge for that account, so a budget at their low end (or far above them) shows', async () => {
    const low = await run({ budget: '5000', big_followers: '1M' });
    expect(low.embeds[0]!.description).toContain(
      'Plan A spends $5,000 on one influencer with 1,000,000 followers, an account the price rules put at $2,325–$10,000 at the expected 1.55% engagement rate;',
    );
    const high = await run({ budget: '50000', big_followers: '1M' });
    expect(high.embeds[0]!.description).toContain('Plan A spends $50,000 on one influencer with 1,000,000 followers, an account the price rules put at $2,325–$10,000');
    for (const reply of [low, high]) expect(messageProblems(reply)).toEqual([]);
    // Followers bought by the budget at the cent-per-follower rule need no such note: the rule is the price.
    const bought = await run({ budget: '5000' });
    expect(bought.embeds[0]!.description).not.toContain('price rules put');
  });
});
