/**
 * /compare, where verifying issue 25 found it wrong: a tie reported as holding when an input
 * within its range breaks it; "Depends on: … together" without the break-even of each input it
 * names; "Depends on:" on a line of its own, away from the input it depends on; and a fee range
 * that disagreed with the cost's (now the fee's range is what each case pays). Checked through
 * the command, as a user gets it.
 */

import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS_ID, EXPORT_ID, compare } from '../src/commands/compare';
import type { Reply } from '../src/commands/types';
import { breakEvenText, comparePlans, parseCompareInput, robustnessText, type CompareInput } from '../src/domain/compare';
import { messageProblems } from '../src/commands/limits';
import { testComponentContext } from './support/context';
import { runCompare as run, description, field } from './support/compare';

/** What a reader sees once Discord has drawn the markdown. */
const plain = (markdown: string) => markdown.replace(/\*\*|\*/g, '');
const ids = (reply: Reply) => (reply.components ?? []).flatMap((row) => row.components.map((c) => ('custom_id' in c ? c.custom_id : '')));

async function assumptions(options: Record<string, string>): Promise<Reply> {
  const id = ids(await run(options)).find((x) => x.startsWith(ASSUMPTIONS_ID))!;
  return (await compare.component!(id, [], testComponentContext())).reply;
}

/** The counted measures each plan wins, as the ✅ marks show them. */
async function wins(options: Record<string, string>): Promise<{ A: string[]; B: string[] }> {
  const reply = await run(options);
  const marked = (plan: 'A' | 'B') =>
    field(reply, `Plan ${plan}`)
      .value.split('\n')
      .filter((l) => l.endsWith('✅'))
      .map((l) => l.split(':')[0]!);
  return { A: marked('A'), B: marked('B') };
}

describe('a tie that an input within its range breaks', () => {
  // Plan A at Plan B's engagement and reach rates: 100,000 followers against 10 × 10,000, same fees in all.
  const tied = { big_engagement: '2.28', big_reach: '37.72' };

  it('is not said to hold: the inputs that break it are named, each with where a plan starts to win', async () => {
    const d = plain(description(await run(tied)));
    expect(d.split('\n')[0]).toBe('The plans tie on reach, engagements, cost per engagement and cost per order.');
    expect(d).not.toContain('holds across every sourced range');
    // A lower fee for one plan lowers its cost per order and per engagement below the other's, once
    // they read differently: $212.09 per order (at $1,000 for 4.715 orders) reads lower under $212.085,
    // a fee under $999.98; $0.4386 per engagement (2,280 of them) under $0.43855, a fee under $999.89.
    expect(d).toContain('Depends on: Plan A fee (expected $1,000): Plan A wins cost per order under $999.98, cost per engagement under $999.89.');
    expect(d).toContain('Depends on: Plan B fee each (expected $100): Plan B wins cost per order under $99.99, cost per engagement under $99.98.');
    // Overlap cuts Plan B's orders: its cost per order reads over $212.09 from $212.095, at 0.0028% overlap;
    // Plan B's engagements read under 2,280 below 2,279.5, at 2.2795%.
    expect(d).toContain('Audience overlap among Plan B’s influencers (break-even 0.0028%)');
    expect(d).toContain('Plan B engagement rate (break-even 2.279%)');
  });

  it('the inputs named do break it, within their ranges: overlap 40% gives Plan A two measures, Plan B at 6.3% two', async () => {
    expect(await wins({ ...tied, overlap: '40' })).toEqual({ A: ['Reach', 'Cost per order'], B: [] });
    expect(await wins({ ...tied, micro_engagement: '6.3' })).toEqual({ A: [], B: ['Engagements', 'Cost per engagement'] });
  });
});

describe('"Depends on: … together" gives each input’s break-even', () => {
  it('Kardashian at a $250,000 fee: click-through and overlap, each with every other input at the end that hurts Plan B', async () => {
    const d = plain(description(await run({ preset: 'kardashian', big_fee: '250000' })));
    expect(d).toContain('Depends on: Click-through (visits per reached account) and Audience overlap among Plan B’s influencers, but only at the extremes');
    // Plan A: $250,000 ÷ 30 orders = $8,333.33 per order. Plan B at its worst: 10 × $100, 100,000 × 37.72%
    // reached × (1 − 40%) = 22,632, 2.5% of visits order. It ties at $1,000 ÷ $8,333.33 = 0.12 orders,
    // 4.8 visits: click-through 4.8 ÷ 22,632 = 0.0212%; and at 0.02% click-through, 37,720 × (1 − x) ×
    // 0.02% × 2.5% = 0.12 gives overlap x = 36.37%.
    expect(d).toContain('with every other input at its worst for Plan B, Plan A wins cost per order once click-through is under 0.021% or overlap is above 36.374%.');
  });

  it('a fee and an engagement rate together: the fee moved by hand, the engagement rate re-pricing its fee by the rules', async () => {
    const d = plain(description(await run({ big_fee: '150', micro_count: '1', micro_followers: '4999' })));
    expect(d).toContain('Depends on: Plan B fee each and Plan B engagement rate, but only at the extremes');
    // Plan A at its worst: $150 ÷ (100,000 × 1.55%) = $0.0968 per engagement. Plan B's one micro of 4,999
    // at 8.8%, 439.912 engagements, reads cheaper below $0.09675: a fee under $0.09675 × 439.912 = $42.56; at
    // GRIN's $20 (4,999 × $0.004 in cents, the lowest rule from 2.67% up), $20 ÷ (4,999 × x) < $0.09675
    // above x = 4.13504%, rounded up.
    expect(d).toContain('Plan B wins cost per engagement once Plan B’s fee is under $42.56 or Plan B’s engagement rate is above 4.136%.');
  });
});

/**
 * Reach worked out by hand, as the funnel defines it: Plan A's followers × its reach rate; Plan B's
 * followers each × its reach rate, times its count less the overlap, but never below one influencer's
 * own reach.
 */
function reachByHand(big: number, micro: number, count: number, rate: { reach_rate_a: number; reach_rate_b: number; overlap: number }) {
  const each = (micro * rate.reach_rate_b) / 100;
  return { A: (big * rate.reach_rate_a) / 100, B: count === 1 ? each : Math.max(each, count * each * (1 - rate.overlap / 100)) };
}

/** "… Plan A wins reach once Plan A’s reach rate is above 31.657% or …": each figure, as typed back, and the step of its last digit. */
function shownBreakEvens(text: string): { value: number; step: number }[] {
  return [...(text.split(' once ')[1] ?? '').matchAll(/(?:above|under) \$?(\d[\d,]*(?:\.(\d+))?)(%?)/g)].map(([, digits, decimals, percent]) => ({
    value: Number(digits!.replace(/,/g, '')),
    // A percentage has three decimals at least; trailing zeros are not written ("39.33%" is 39.330%).
    step: 10 ** -Math.max(percent ? 3 : 0, decimals?.length ?? 0),
  }));
}

describe('inputs that decide only together, in any scenario (property)', () => {
  it('each named input’s break-even lies within its range, and an input that cannot decide is not named beside one that can', () => {
    let checked = 0;
    let workedOut = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1_000, max: 5_000_000 }),
        fc.integer({ min: 1_000, max: 100_000 }),
        fc.integer({ min: 1, max: 60 }),
        fc.option(fc.integer({ min: 10, max: 100_000 })),
        fc.constantFrom('instagram', 'tiktok', 'youtube'),
        (big, micro, count, fee, platform) => {
          const input: CompareInput = { big_followers: String(big), micro_followers: String(micro), micro_count: String(count), platform, ...(fee === null ? {} : { big_fee: String(fee) }) };
          const built = parseCompareInput(input);
          if (!built.ok) return;
          const c = comparePlans(built.scenario);
          const joint = c.verdict.jointly;
          if (!joint || c.verdict.deciders.length) return;
          const withBreakEven = joint.deciders.filter((d) => d.flips.length);
          if (withBreakEven.length) expect(withBreakEven).toEqual(joint.deciders);
          const said = robustnessText(c);
          const shown = shownBreakEvens(said);
          expect(shown, said).toHaveLength(withBreakEven.length);
          for (const [i, d] of withBreakEven.entries()) {
            const decider = c.scenario.assumptions[d.key];
            expect(d.flips[0]!.breakEven).toBeGreaterThanOrEqual(decider.value!.low * (1 - 1e-6));
            expect(d.flips[0]!.breakEven).toBeLessThanOrEqual(decider.value!.high * (1 + 1e-6));
            expect(said).toContain(breakEvenText(decider.unit, d.flips[0]!.breakEven, decider.value!.expected, d.flips[0]!.towards).text);
            checked++;
            if (joint.metric !== 'reach') continue;
            // Reach by hand, every other input at the end of its range that hurts the plan ahead (its
            // reach rate low, the other plan's high; overlap high when Plan B is ahead, low when Plan A
            // is): at the figure shown the plan behind is no longer behind (it wins, or the plans tie in
            // whole accounts: "above 11.55%" may be a tie at 11.55%), and one last digit short of it, it
            // does not win.
            const { towards, winner } = d.flips[0]!;
            const hurt = winner === 'A' ? 'B' : 'A';
            const range = (key: 'reach_rate_a' | 'reach_rate_b' | 'overlap') => c.scenario.assumptions[key].value!;
            const worst =
              hurt === 'A'
                ? { reach_rate_a: range('reach_rate_a').low, reach_rate_b: range('reach_rate_b').high, overlap: range('overlap').low }
                : { reach_rate_a: range('reach_rate_a').high, reach_rate_b: range('reach_rate_b').low, overlap: range('overlap').high };
            // Counted in whole accounts, as the reply shows them: a fraction of a person is no lead.
            const lead = (x: number) => {
              const reach = reachByHand(big, micro, count, { ...worst, [d.key]: x });
              return Math.round(reach[winner]) - Math.round(reach[hurt]);
            };
            const { value, step } = shown[i]!;
            expect(lead(value), `${JSON.stringify(input)}: ${said}`).toBeGreaterThanOrEqual(0);
            expect(lead(towards === 'higher' ? value - step : value + step), `${JSON.stringify(input)}: ${said}`).toBeLessThanOrEqual(0);
            workedOut++;
          }
        },
      ),
      // Plan B's fee: the joint check prices it at 0.54% (Traackr's $8.10), outside its $40–$100 range.
      { numRuns: 500, examples: [[50_000, 10_000, 1, 25, 'instagram'], [1_020_036, 100_000, 29, 10, 'youtube']] },
    );
    expect(checked).toBeGreaterThan(60);
    expect(workedOut).toBeGreaterThan(15);
  });
});

describe('"Depends on:" is followed at once by the input', () => {
  it('in the default reply, each decisive input on a line starting "Depends on:"', async () => {
    const d = description(await run());
    expect(d.split('\n')).not.toContain('**Depends on:**');
    expect(plain(d)).toContain('Depends on: Plan A fee (expected $1,000): Plan A wins cost per order under $608.28');
    expect(plain(d)).toContain('Depends on: Audience overlap among Plan B’s influencers (expected 0%): Plan A wins cost per order and reach above 39.172%.');
  });

  it('and when the inputs decide only together', async () => {
    const lines = plain(description(await run({ preset: 'kardashian', big_fee: '250000' }))).split('\n');
    expect(lines[1]).toMatch(/^Depends on: Click-through \(visits per reached account\) and Audience overlap/);
  });
});

describe('the fee’s range and the cost’s range agree', () => {
  it('the Assumptions page gives the fee’s range as what the plan pays, the cost’s range in the main reply', async () => {
    const page = await assumptions({});
    const fee = field(page, 'Plan A fee');
    // Traackr's 1,550 × $0.15 = $232.50 at 1.55% is the cheapest rule across 1.55%–3.8%, the cent rule's
    // $1,000 the dearest (GRIN $400–900, Traackr at 3.8% 3,800 × $0.15 = $570).
    expect(fee.name).toBe('Plan A fee: $1,000 ($232.50 to $1,000)');
    expect(fee.value).toContain(
      "Range: from the cheapest rule to the dearest, across the engagement rate’s range: GRIN's $4–9 per 1,000 followers, $400–$900; Traackr's $150 per 1,000 engagements, $232.50 at 1.55% to $570 at 3.8%.",
    );
    expect(field(page, 'Plan B fee each').name).toBe('Plan B fee each: $100 ($8.10 to $100)');
    const main = await run();
    expect(page.embeds[0]!.description).toContain('then at its better end, fees priced at that run’s engagement rate (and again with the engagement rate at its other end');
    expect(field(main, 'Plan A').value).toContain('Cost: **$1,000** ($232.50 to $1,000)');
    // The default's Assumptions page keeps its break-evens whole, within Discord's limits.
    expect(page.embeds.map((e) => e.title)).toContain('Break-even');
    expect(messageProblems(page)).toEqual([]);
  });

  it('compare.csv says the same: the fee’s ends are the cost’s', async () => {
    const id = ids(await run()).find((x) => x.startsWith(EXPORT_ID))!;
    const csv = (await compare.component!(id, [], testComponentContext())).reply.files![0]!.data.toString('utf8');
    const rows: string[][] = parse(csv, { from_line: 2 });
    const row = (plan: string, metric: string) => rows.find((r) => r[0] === plan && r[1] === metric)!;
    expect(row('A', 'cost').slice(2)).toEqual(['232.5', '1000', '1000', 'influencers × fee (fee_a below)']);
    expect(row('assumption', 'fee_a').slice(2, 5)).toEqual(['232.5', '1000', '1000']);
    expect(row('assumption', 'fee_a')[5]).toContain("range: from the cheapest rule to the dearest, across the engagement rate’s range: GRIN's $4–9 per 1,000 followers, $400–$900; Traackr's $150 per 1,000 engagements, $232.50 at 1.55% to $570 at 3.8%");
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
      'Plan A costs $200 ($16.20 to $200): $20 does not buy 20,000 followers at any price rule (the cheapest asks $68.40 at Tierbot’s raised 2.27989% engagement rate; the cost is what Plan A pays in its best and worst cases, each at its own engagement rate)',
    );
  });

  it('with a budget, Plan B’s fee has no range; the other rules’ fees are given at each end of the engagement rate', async () => {
    const fee = field(await assumptions({ budget: '5000' }), 'Plan B fee each');
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
