/**
 * /compare at the edges of its inputs: a fee never shown as $0 for a tiny account; a bigger account
 * never shown reaching or engaging fewer people than a smaller one where the sources' follower bands
 * meet; tiny, zero and huge values (a click-through of 0.00001%, 0 followers, money in the
 * quintillions) kept exactly, refused or printed without float noise; and a version 2 button state
 * decoded.
 */

import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS_ID, decodeState, encodeState } from '../src/commands/compare-state';
import { PLATFORMS, type Platform } from '../src/domain/benchmarks';
import { engagementRate, reachRate, type Assumption } from '../src/domain/compare/assumptions';
import { assumptionsText, earlierState, exportRow, exportRows, field, pressButton, runCompare, shownText } from './support/compare';

describe('a fee for a tiny account', () => {
  it('is at least a cent in every scenario, so no positive cost reads $0', async () => {
    const text = shownText(await runCompare({ micro_followers: '1', micro_count: '1000' }));
    expect(text).toContain('Cost: **$10** ($10 to $30)');
    expect(text).not.toMatch(/\$0(?![.,\d])/);
  });

  it('says where a rule’s price under a cent was raised to a cent, and not where rounding gave a cent', async () => {
    const one = await assumptionsText({ big_followers: '1', micro_followers: '1', micro_count: '3' });
    expect(one).toContain("GRIN's $4–9 per 1,000 followers, $0.01 (under a cent by the rule, raised to the smallest fee)");
    const two = await assumptionsText({ big_followers: '2', micro_followers: '2', micro_count: '3' });
    expect(two).toContain("GRIN's $4–9 per 1,000 followers, $0.01–$0.02;");
    expect(two).not.toContain('raised to the smallest fee');
  });
});

describe('where the sources’ follower bands meet', () => {
  /** x less float rounding: a raised rate, kept count ÷ followers, gives the kept count back × followers only to its last bit or so. */
  const minusFloatError = (x: number) => x * (1 - 1e-12);
  const counts = [...new Set([1, 2, 999, 1_000, 4_999, 5_000, 9_999, 10_000, 10_001, 19_999, 20_000, 25_000, 33_000, 99_999, 100_000, 100_001, 500_000, 500_001, 999_999, 1_000_000, 1_000_001, 2_300_000, 10_000_000, 10_000_001, 50_000_000])];
  const people = (rate: (plan: 'A' | 'B', followers: number, platform: Platform) => Assumption, followers: number, platform: Platform) => {
    const v = rate('A', followers, platform).value!;
    return { low: (followers * v.low) / 100, expected: (followers * v.expected) / 100, high: (followers * v.high) / 100 };
  };

  it.each(PLATFORMS)('a bigger %s account is never expected to reach or engage fewer people, and each range holds its expected value', (platform) => {
    for (const rate of [reachRate, engagementRate]) {
      for (const [smaller, bigger] of counts.slice(1).map((count, i) => [counts[i]!, count] as const)) {
        expect(people(rate, bigger, platform).expected, `${rate.name}: ${smaller} → ${bigger}`).toBeGreaterThanOrEqual(minusFloatError(people(rate, smaller, platform).expected));
        const { low, expected, high } = rate('A', bigger, platform).value!;
        expect(low <= expected && expected <= high, `${rate.name} at ${bigger}: ${low}, ${expected}, ${high}`).toBe(true);
      }
    }
  });

  it('one more cent of budget never costs Plan A reach or engagements, and the reply says why the rate is raised', async () => {
    const before = shownText(await runCompare({ budget: '199.99' }));
    const after = await runCompare({ budget: '200' });
    expect(before).toContain('Reach: **7,544**');
    expect(shownText(after)).toContain('Plan A (estimated): 1 × 20,000 followers');
    const planA = after.embeds[0]!.fields!.find((f) => f.name.startsWith('Plan A'))!.value;
    expect(planA).toContain('Reach: **7,544**');
    expect(planA).toContain('Engagements: **456**');
    const assumptions = shownText(await pressButton(after, ASSUMPTIONS_ID));
    expect(assumptions).toContain(
      'Minter.io 2019, median Instagram post reach for 20k–100k followers: 22.945%; Tierbot raises it to 37.7181% here (19,999 × 37.72% ÷ 20,000), ' +
        'so that 20,000 followers get no fewer people reached than 19,999 followers do: a bigger account is not assumed to do worse',
    );
    expect(assumptions).toContain('Plan A reach rate: 37.7181% (22.945% to 37.7181%)');
    expect(assumptions).toContain("Range: the source's figure for 20,000 followers up to the raised rate.");
  });

  // Plan A's reach and engagements as computed, not as shown: a count rounded for the reply can hide a dip.
  const planACounts = async (options: Record<string, string>) => {
    const { chart } = await runCompare(options);
    if (chart?.kind !== 'compare') throw new Error('no compare chart');
    const { reach, engagements } = chart.opts.comparison.a.metrics;
    return { reach: reach!.expected, engagements: engagements!.expected };
  };
  const cents = (from: number, to: number, step: number) => Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);
  const budgets = [
    // Across 20,000 followers ($200) and 1,000,000 ($10,000), where the expected rates are raised past a band's edge.
    ...cents(199_90, 201_00, 3),
    ...cents(9_999_90, 10_010_00, 3),
  ];

  it.each(['instagram', 'tiktok'] as const)('on %s, a few cents more budget never buys Plan A fewer people reached or engagements', async (platform) => {
    let last = await planACounts({ platform, budget: (budgets[0]! / 100).toFixed(2) });
    for (const budget of budgets.slice(1)) {
      const next = await planACounts({ platform, budget: (budget / 100).toFixed(2) });
      expect(next.reach, `reach at $${budget / 100}`).toBeGreaterThanOrEqual(minusFloatError(last.reach));
      expect(next.engagements, `engagements at $${budget / 100}`).toBeGreaterThanOrEqual(minusFloatError(last.engagements));
      last = next;
    }
  });

  it('a few cents more budget never loses reach or engagements: $200.02 to $200.10, and $1,565.20 to $1,565.21 on TikTok', async () => {
    for (const [platform, from, to] of [
      ['instagram', '200.02', '200.10'],
      ['tiktok', '200.02', '200.10'],
      ['tiktok', '1565.20', '1565.21'],
    ] as const) {
      const [before, after] = [await planACounts({ platform, budget: from }), await planACounts({ platform, budget: to })];
      expect(after.reach, `${platform} reach, $${from} → $${to}`).toBeGreaterThanOrEqual(minusFloatError(before.reach));
      expect(after.engagements, `${platform} engagements, $${from} → $${to}`).toBeGreaterThanOrEqual(minusFloatError(before.engagements));
    }
  });
});

describe('tiny, zero and huge values', () => {
  it('keeps a tiny click-through exactly: 0.00001% is not 0', async () => {
    const reply = await runCompare({ click_through: '0.00001' });
    const b = field(reply, 'Plan B').value;
    expect(b).toContain('Website visits: **under 1**');
    expect(b).not.toContain('Cost per order: *not defined*');
    expect(shownText(reply)).toContain('Click-through: **0.00001%** of reached accounts visit (your input).');
    expect(exportRow(await exportRows({ click_through: '0.00001' }), 'assumption', 'click_through').slice(2, 5)).toEqual(['0.00001', '0.00001', '0.00001']);
    // And the buttons carry it exactly.
    expect(decodeState(encodeState({ click_through: 0.00001, overlap: 12.3456 }))).toEqual({ click_through: 0.00001, overlap: 12.3456 });
  });

  it('refuses 0 followers, naming the accepted range', async () => {
    for (const [option, accepted] of [
      ['big_followers', 'a follower count from 1 to 10,000,000,000'],
      // Plan B's 10 micro-influencers stay within the 10,000,000,000 followers Tierbot models in all.
      ['micro_followers', 'with 10 micro-influencers, a follower count from 1 to 1,000,000,000 each'],
    ]) {
      const reply = await runCompare({ [option!]: '0' });
      expect(reply.inputError).toBe(true);
      expect(reply.embeds[0]!.description).toContain('needs at least 1 follower');
      expect(reply.embeds[0]!.description).toContain(accepted);
    }
    // A budget buys at least one micro-influencer, at a cent or more, so it always buys Plan A a follower:
    // with micro_fee 0 it is the micro fee that is refused.
    const none = await runCompare({ budget: '0', micro_fee: '0' });
    expect(none.inputError).toBe(true);
    expect(none.embeds[0]!.description).toMatch(/^\*\*micro_fee\*\*: /);
  });

  it('prints huge money without float noise', async () => {
    // The most followers Tierbot models in all: 1,000,000 × 10,000.
    const reply = await runCompare({ micro_count: '1m', micro_followers: '10k', order_value: '999999999999', conversion: '100', click_through: '100', micro_reach: '100' });
    // 10,000,000,000 orders × $999,999,999,999 = $9.99999999999 × 10^21, six significant digits: $10,000,000,000T.
    const b = field(reply, 'Plan B').value;
    expect(b).toContain('Revenue: **$10,000,000,000T** ($6,000,000,000T to $10,000,000,000T)');
  });

  it('decodes a version 2 button state, whose percentages are in ten-thousandths: 5,000 is a click-through of 0.5%', () => {
    // Version 2: the mask bit of click_through (index 13), then 5,000 ten-thousandths (0.5%) in 20 bits, then the end bit.
    const mask = 1n << 13n;
    expect(decodeState(earlierState(2, (((1n << 20n) | 5_000n) << 16n) | mask))).toEqual({ click_through: 0.5 });
  });
});
