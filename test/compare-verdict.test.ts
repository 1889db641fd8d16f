/**
 * /compare's verdict and its "Depends on" lines: the verdict's words, and that it holds only where no
 * input within its range breaks it; each input of "Depends on: … together" given its break-even (a
 * property over many scenarios); "Depends on:" leading the line of the input it names, in plain
 * words; a plan that pays for no orders or engagements losing that measure; and two plans that are
 * the same accounts. Checked through the command, as a user gets it.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakEvenText, comparePlans, flipsText, parseCompareInput, robustnessText, type CompareInput } from '../src/domain/compare';
import { runCompare as run, comparisonOf, description, exportRow, exportRowsOf, field, plainText, planLine } from './support/compare';

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
    const d = plainText(description(await run(tied)));
    expect(d.split('\n')[0]).toBe('The plans tie on reach, engagements, cost per engagement and cost per order.');
    expect(d).not.toContain('holds across every sourced range');
    // A lower fee for one plan lowers its cost per order and per engagement below the other's, once
    // they read differently: $212.09 per order (at $1,000 for 4.715 orders) reads lower under $212.085,
    // a fee under $999.98; $0.4386 per engagement (2,280 of them) under $0.43855, a fee under $999.89.
    expect(d).toContain('Depends on: Plan A fee (expected $1,000): Plan A wins cost per order at a fee under $999.98, and cost per engagement under $999.89.');
    expect(d).toContain('Depends on: Plan B fee each (expected $100): Plan B wins cost per order at a fee under $99.99, and cost per engagement under $99.98.');
    // Overlap cuts Plan B's orders: its cost per order reads over $212.09 from $212.095, at 0.0028% overlap;
    // Plan B's cost per engagement reads over $0.4386 from $0.43865, at 2.27974%: to three digits, 2.28%,
    // the expected value itself, so it is given to five.
    expect(d).toContain('Plan A wins cost per order at an overlap above 0.0028%');
    expect(d).toContain('Plan A wins cost per engagement at a Plan B engagement rate under 2.2797%');
  });

  it('the inputs named do break it, within their ranges: overlap 40% gives Plan A two measures, Plan B at 6.3% two', async () => {
    expect(await wins({ ...tied, overlap: '40' })).toEqual({ A: ['Reach', 'Cost per order'], B: [] });
    expect(await wins({ ...tied, micro_engagement: '6.3' })).toEqual({ A: [], B: ['Engagements', 'Cost per engagement'] });
  });
});

describe('"Depends on: … together" gives each input’s break-even', () => {
  it('Kardashian at a $250,000 fee: click-through and overlap, each with every other input at the end that hurts Plan B', async () => {
    const d = plainText(description(await run({ preset: 'kardashian', big_fee: '250000' })));
    expect(d).toContain('Depends on: Click-through (visits per reached account) and Audience overlap among Plan B’s influencers, but only at the extremes');
    // Plan A: $250,000 ÷ 30 orders = $8,333.33 per order. Plan B at its worst: 10 × $100, 100,000 × 37.72%
    // reached × (1 − 40%) = 22,632, 2.5% of visits order. It ties at $1,000 ÷ $8,333.33 = 0.12 orders,
    // 4.8 visits: click-through 4.8 ÷ 22,632 = 0.0212%; and at 0.02% click-through, 37,720 × (1 − x) ×
    // 0.02% × 2.5% = 0.12 gives overlap x = 36.37%.
    expect(d).toContain('with every other input at its worst for Plan B, Plan A wins cost per order once click-through is under 0.021% or overlap is above 36.374%.');
  });

  it('a fee and an engagement rate together: the fee moved by hand, the engagement rate re-pricing its fee by the rules', async () => {
    const d = plainText(description(await run({ big_fee: '150', micro_count: '1', micro_followers: '4999' })));
    expect(d).toContain('Depends on: Plan B fee each and Plan B engagement rate, but only at the extremes');
    // Plan A at its worst: $150 ÷ (100,000 × 1.55%) = $0.0968 per engagement. Plan B's one micro of 4,999
    // at 8.8%, 439.912 engagements, reads cheaper below $0.09675: a fee under $0.09675 × 439.912 = $42.56; at
    // GRIN's $20 (4,999 × $0.004 in cents, the lowest rule from 2.67% up), $20 ÷ (4,999 × x) < $0.09675
    // above x = 4.13504%, rounded up to three decimals.
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
    expect(plainText(d)).toContain('Depends on: Plan A fee (expected $1,000): Plan A wins cost per order at a fee under $608.28');
    expect(plainText(d)).toContain('Depends on: Audience overlap among Plan B’s influencers (expected 0%): Plan A wins cost per order and reach at an overlap above 39.172%.');
  });

  it('and when the inputs decide only together', async () => {
    const lines = plainText(description(await run({ preset: 'kardashian', big_fee: '250000' }))).split('\n');
    expect(lines[1]).toMatch(/^Depends on: Click-through \(visits per reached account\) and Audience overlap/);
  });
});

describe('"Depends on" in plain words', () => {
  it('Kardashian at $250,000 with 3 micro-influencers: the two inputs, then when and where the plans change hands', async () => {
    const reply = await run({ preset: 'kardashian', big_fee: '250k', micro_count: '3' });
    const text =
      'Depends on: Click-through (visits per reached account) and Audience overlap among Plan B’s influencers, but only at the extremes: ' +
      'with every other input at its worst for Plan B, Plan A wins cost per order once click-through is under 0.021% or overlap is above 36.374%.';
    expect(plainText(reply.embeds[0]!.description!).split('\n')).toContain(text);
    // The chart shows the same text.
    const built = parseCompareInput({ preset: 'kardashian', big_fee: '250k', micro_count: '3' });
    expect(built.ok && robustnessText(comparePlans(built.scenario))).toBe(text);
  });

  it('a fee and an engagement rate, with the plan they help', () => {
    const built = parseCompareInput({ big_fee: '150', micro_count: '1', micro_followers: '4999' });
    const text = built.ok ? robustnessText(comparePlans(built.scenario)) : '';
    // Plan A at its worst: $150 ÷ (100,000 × 1.55%) = $0.0968 per engagement. Plan B's one micro of 4,999
    // at 8.8%, 439.912 engagements, reads cheaper below $0.09675: a fee under $0.09675 × 439.912 = $42.5615;
    // at GRIN's $20 (4,999 × $0.004 in cents, the cheapest rule from 2.67% up), $20 ÷ (4,999 × x) < $0.09675
    // above x = 4.13504%, shown to three decimals as 4.136%.
    expect(text).toBe(
      'Depends on: Plan B fee each and Plan B engagement rate, but only at the extremes: with every other input at its worst for Plan A, Plan B wins cost per engagement once Plan B’s fee is under $42.56 or Plan B’s engagement rate is above 4.136%.',
    );
  });
});

describe('the verdict', () => {
  it('says "holds across every sourced range" in those exact words, and that it covers Tierbot’s assumptions too', async () => {
    const reply = await run({ preset: 'kardashian' });
    expect(reply.embeds[0]!.description).toContain('holds across every sourced range');
    expect(reply.embeds[0]!.description).toContain('**The verdict holds across every sourced range, and across the ranges of Tierbot’s own assumptions.**');
    expect(reply.chart).toBeDefined();
    expect(robustnessText(comparisonOf({ preset: 'kardashian' }))).toContain('holds across every sourced range');
    expect((await run()).embeds[0]!.description).toContain('Depends on:');
  });

  it('keeps the plans’ capitals in "Depends on: … together"', () => {
    const joint = robustnessText(comparisonOf({ big_fee: '150', micro_count: '1', micro_followers: '4999' }));
    expect(joint).toMatch(/^Depends on: Plan B fee each and Plan B engagement rate, but only at the extremes/);
    expect(joint).not.toMatch(/plan [ab]/);
  });

  it('never prints a break-even that reads the same as the expected value', async () => {
    // Plan B's engagement rate is expected at 2.28%; with Plan A at 2.2799% the plans tie on
    // engagements (2,280 each, as shown) and on cost per engagement: a move of a thousandth of a
    // point either way breaks the tie.
    const d = (await run({ big_engagement: '2.2799' })).embeds[0]!.description!;
    expect(d).toContain('Plan A wins cost per engagement at a Plan B engagement rate under 2.2797%');
    expect(d).not.toContain('engagement rate is under 2.28%');
    // Plan A's CPE ties at a fee just under its expected $1,000: cents tell them apart.
    expect(d).toContain('Plan A fee (expected $1,000): Plan A wins cost per order at a fee under $608.28, and cost per engagement under $999.85.');
    const c = comparisonOf({ big_engagement: '2.2799' });
    const decider = c.verdict.deciders.find((x) => x.key === 'engagement_rate_b')!;
    // Cost per engagement parts at 2.27974% and 2.28026%, engagements at 2.2795% and 2.2805%: to three
    // decimals the first pair reads 2.28%, the expected value, so it has four.
    expect(flipsText(c, decider)).toBe(
      'Plan A wins cost per engagement at an engagement rate under 2.2797%, and engagements under 2.279%; ' +
        'Plan B wins cost per engagement at an engagement rate above 2.2803%, and engagements above 2.281%',
    );
    // Rounded away from the expected value, towards the side where the new winner wins, with the
    // fewest digits (three decimals at least) at which neither it nor the true break-even reads as the expected value.
    expect(breakEvenText('percent', 39.1711, 0, 'higher')).toEqual({ text: '39.172%', atExpected: false });
    expect(breakEvenText('percent', 2.28001, 2.28, 'higher')).toEqual({ text: '2.28001%', atExpected: false });
    expect(breakEvenText('percent', 2.2806, 2.28, 'higher')).toEqual({ text: '2.281%', atExpected: false });
    expect(breakEvenText('percent', 2.27999, 2.28, 'lower')).toEqual({ text: '2.27999%', atExpected: false });
    expect(breakEvenText('percent', 0.02134, 0.5, 'lower')).toEqual({ text: '0.021%', atExpected: false });
    expect(breakEvenText('money', 99.991, 100, 'lower')).toEqual({ text: '$99.99', atExpected: false });
    expect(breakEvenText('money', 99.995, 100, 'lower')).toEqual({ text: '$99.99', atExpected: false });
    expect(breakEvenText('money', 1_000.4, 1_000, 'higher')).toEqual({ text: '$1,001', atExpected: false });
    // Digits are added until it reads differently; where none do, it is said to be at the expected value.
    expect(breakEvenText('percent', 2.28065, 2.2806, 'higher')).toEqual({ text: '2.2807%', atExpected: false });
    expect(breakEvenText('percent', 2.2809999999, 2.2809999998, 'higher')).toMatchObject({ atExpected: true });
  });
});

describe('a plan that pays and gets no orders or engagements loses that measure', () => {
  it('micro_reach:0: Plan B has no orders for $1,000, so Plan A wins cost per order, on screen and in the count', async () => {
    const reply = await run({ micro_reach: '0' });
    expect(reply.embeds[0]!.description!.split('\n')[0]).toBe('**Plan A wins on reach and cost per order (2 of 4); Plan B on engagements and cost per engagement.**');
    expect(planLine(reply, 'A', 'Cost per order')).toMatch(/✅$/);
    expect(planLine(reply, 'B', 'Cost per order')).toBe('Cost per order: *no orders*');
    // compare.csv keeps the row with empty cells, and says why.
    const row = exportRow(await exportRowsOf(reply), 'B', 'cost_per_order');
    expect(row.slice(2, 5)).toEqual(['', '', '']);
    expect(row[5]).toMatch(/^no orders for its cost/);
  });

  it('no engagements for the money loses cost per engagement', () => {
    const c = comparisonOf({ micro_engagement: '0' });
    expect(c.b.metrics.cpe).toBeNull();
    expect(c.verdict.measures.find((m) => m.metric === 'cpe')!.winner).toBe('A');
  });
});

describe('two plans that are the same accounts', () => {
  it('budget:100 buys one influencer with 10,000 followers on each side: one plain line, no tie-breaks', async () => {
    const d = (await run({ budget: '100' })).embeds[0]!.description!;
    expect(d.split('\n')[0]).toBe('**At this budget both plans are one influencer with 10,000 followers: nothing to compare.**');
    expect(d).not.toContain('Depends on');
  });
});
