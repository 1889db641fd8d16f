/**
 * /compare's rates raised past a band's edge (heldPastEdges), as people read them: with the digits
 * that give the counts beside them, saying what they keep and whose rate gives it; and a fee priced
 * at one saying it is Tierbot's raised rate.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS_ID } from '../src/commands/compare-state';
import type { Reply } from '../src/commands/types';
import { PLATFORMS } from '../src/domain/benchmarks';
import { parseCompareInput } from '../src/domain/compare';
import { engagementRate, reachRate } from '../src/domain/compare/assumptions';
import { compareOptions } from './support/compare-options';
import { assumptionsPage, description, field, planLine, pressButton, runCompare, shownText } from './support/compare';

const keyLine = (reply: Reply, start: string) => shownText(reply).split('\n').find((l) => l.startsWith(start));

describe('a raised rate in the main reply', () => {
  it('has the fewest digits that give the counts beside it; the Assumptions page, its working’s', async () => {
    // The default Plan A, 100,000 followers, keeps what 99,999 get: 22.94477055% reach (22,945 people)
    // and 1.6199838% engagement (1,620). Rounded to 22.94%, the reach would read 22,940; 22.945% gives
    // 22,945, and 1.62% gives 1,620.
    const reply = await runCompare();
    expect(keyLine(reply, 'Reach rate')).toContain('A 22.945% (22.885%–22.945%;');
    expect(keyLine(reply, 'Engagement rate by followers')).toContain('A 1.62% (1.55%–3.8%;');
    expect(shownText(reply)).not.toContain('22.9448');
    expect(shownText(reply)).not.toContain('1.61998');
    expect(field(reply, 'Plan A').value).toContain('Reach: **22,945**');
    expect(field(reply, 'Plan A').value).toContain('Engagements: **1,620**');
    const page = await pressButton(reply, ASSUMPTIONS_ID);
    expect(field(page, 'Plan A reach rate').name).toBe('Plan A reach rate: 22.9448% (22.885% to 22.9448%)');
    expect(field(page, 'Plan A engagement rate').value).toContain('Tierbot raises it to 1.61998% here (99,999 × 1.62% ÷ 100,000)');
  });

  it('is quoted with those digits where the verdict depends on it, and where a budget is set beside the rules at it', async () => {
    expect(description(await runCompare({ micro_fee: '70' }))).toContain('**Depends on:** Plan A engagement rate (expected 1.62%): Plan A wins');
    // 20,000 followers keep what 19,999 get at HypeAuditor 2018's 2.28%: 2.279886%, 456 engagements as 2.28% gives.
    expect(description(await runCompare({ budget: '20', big_followers: '20k', micro_fee: '10' }))).toContain('(the cheapest asks $68.40 at Tierbot’s raised 2.28% engagement rate;');
    // A break-even next to it reads on its side: Plan A's 22.9448% reaches more than Plan B's 22.943%.
    const close = description(await runCompare({ micro_reach: '22.943' }));
    expect(close).toContain('Plan A reach rate (expected 22.945%): Plan B wins cost per order and reach at a reach rate under 22.942%.');
  });

  it('is written with the digits of the break-evens beside it where they need more', async () => {
    // 20,001 followers keep what 20,000 get at HypeAuditor 2018's 2.28%: 2.279886%, 2.28% at a glance. The
    // plans tie on cost per engagement there and part at 2.2797% and 2.2803%: beside "expected 2.28%" the
    // first would look a step away and the second within it.
    const reply = await runCompare({ big_followers: '20001', micro_reach: '22.9446' });
    expect(keyLine(reply, 'Engagement rate by followers')).toContain('A 2.28% (');
    expect(description(reply)).toContain(
      '**Depends on:** Plan A engagement rate (expected 2.2798%): Plan A wins cost per engagement at an engagement rate above 2.2803%; Plan B wins cost per engagement at an engagement rate under 2.2797%.',
    );
  });

  it('has the digits Plan B’s count needs, all its influencers’ followers together, not one account’s', async () => {
    // 1,000 followers keep what 999 get at HypeAuditor 2018's 10.58%: 10.56942%. One account's 105.69
    // engagements read 106 at 10.6%, but Plan B's 10 × 1,000 × 10.56942% = 1,056.94 read 1,057, and
    // 10,000 × 10.6% would give 1,060, Plan A's figure at 1.06%.
    const reply = await runCompare({ micro_followers: '1000', big_engagement: '1.06' });
    expect(keyLine(reply, 'Engagement rate by followers')).toContain('A 1.06% (your input), B 10.57% (2.78%–10.57%;');
    expect(field(reply, 'Plan A').value).toContain('Engagements: **1,060** ✅');
    expect(field(reply, 'Plan B').value).toContain('Engagements: **1,057** (278 to 1,057)');
  });

  it('every rate the main reply gives, times the followers it multiplies in its plan, gives the count shown beside it (property)', async () => {
    /** "Reach: **75,436** (…)" → 75,436; "under 1" → a fraction of one; "not reported" → null. */
    const countOf = (line: string): number | 'under 1' | null => {
      const m = /^\w+: \*\*(under 1|[\d,]+)\*\*/.exec(line);
      return m === null ? null : m[1] === 'under 1' ? 'under 1' : Number(m[1]!.replace(/,/g, ''));
    };
    /** "Plan B (estimated): 10 × 20,000 followers" → its influencers and followers each. */
    const planOf = (reply: Reply, plan: 'A' | 'B') => {
      const [, n, each] = /: ([\d,]+) × ([\d,]+) /.exec(field(reply, `Plan ${plan}`).name)!;
      return { influencers: Number(n!.replace(/,/g, '')), followersEach: Number(each!.replace(/,/g, '')) };
    };
    let raised = 0;
    await fc.assert(
      fc.asyncProperty(compareOptions({ budget: fc.integer({ min: 100, max: 200_000 }).map(String) }), async (options) => {
        if (!parseCompareInput(options).ok) return;
        const reply = await runCompare(options as Record<string, string>);
        const overlap = Number(options.overlap ?? 0) / 100;
        for (const [line, measure] of [
          ['Reach rate', 'Reach'],
          ['Engagement rate by', 'Engagements'],
        ] as const) {
          const rates = keyLine(reply, line)!;
          for (const plan of ['A', 'B'] as const) {
            const rate = new RegExp(`${plan === 'A' ? ': A' : ', B'} ([\\d.]+)%`).exec(rates);
            const count = countOf(planLine(reply, plan, measure));
            if (rate === null || count === null) continue;
            // The followers the rate multiplies: for reach, Plan B's audiences together less the overlap, never under one's own.
            const { influencers: n, followersEach: f } = planOf(reply, plan);
            const basis = measure === 'Engagements' || n === 1 ? n * f : Math.max(f, n * f * (1 - overlap));
            const given = (basis * Number(rate[1])) / 100;
            const where = `${JSON.stringify(options)}: Plan ${plan} ${basis} × ${rate[1]}% = ${given}, shown ${count}`;
            if (count === 'under 1') expect(given, where).toBeLessThan(1);
            else expect(Math.abs(given - count), where).toBeLessThanOrEqual(0.5 + 1e-9 * count);
            if (new RegExp(`${plan === 'A' ? ': A' : ', B'} [\\d.]+% \\([^)]*Tierbot assumption: raised`).test(rates)) raised++;
          }
        }
      }),
      {
        numRuns: 60,
        examples: [
          [{ micro_followers: '1000', platform: 'instagram' }],
          [{ micro_followers: '20000', platform: 'instagram' }],
          [{ micro_followers: '20000', platform: 'instagram', micro_count: '300', overlap: '12.5' }],
          [{ micro_followers: '100000', platform: 'tiktok', micro_count: '300' }],
        ],
      },
    );
    // Not a property of sourced rates alone: Tierbot's raised ones are checked too.
    expect(raised).toBeGreaterThan(10);
  });

  it('says a reach rate is an Instagram median on every platform', async () => {
    expect(keyLine(await runCompare({ platform: 'youtube', big_followers: '100000' }), 'Reach rate')).toContain('Tierbot assumption: raised so it reaches no fewer people than a 99,999-subscriber account at Minter.io 2019’s Instagram rate)');
  });

  it('says what it keeps and whose rate gives it, not that the rate is that source’s', async () => {
    // Plan B's 10 × 20,000 followers keep what 19,999 each get at 37.72%: 37.71811%, 75,436 people, as
    // 200,000 × 37.718% gives (37.72% would give 75,440).
    const reply = await runCompare({ micro_followers: '20000' });
    expect(keyLine(reply, 'Reach rate')).toBe(
      'Reach rate: A 22.945% (22.885%–22.945%; Tierbot assumption: raised so it reaches no fewer people than a 99,999-follower account at Minter.io 2019’s Instagram rate), ' +
        'B 37.718% (22.945%–37.718%; Tierbot assumption: raised so it reaches no fewer people than a 19,999-follower account at Minter.io 2019’s Instagram rate).',
    );
    expect(field(reply, 'Plan B').value).toContain('Reach: **75,436**');
    expect(keyLine(reply, 'Engagement rate by followers')).toContain('Tierbot assumption: raised so it gets no fewer engagements than a 19,999-follower account at HypeAuditor 2018’s rate)');
    // A second-hand figure says how it was read, after the publisher's rate; at 1.5M followers the
    // rate is not the source's 11.5% but what keeps 999,999 followers' engagements.
    expect(keyLine(await runCompare({ platform: 'tiktok', big_followers: '1500000' }), 'Engagement rate by followers')).toContain(
      'Tierbot assumption: raised so it gets no fewer engagements than a 999,999-follower account at Influencer Marketing Hub 2021’s rate (as reported by ION))',
    );
  });
});

describe('the working of a raise smaller than six digits show', () => {
  it('gives the raised rate the digits that tell it from the rate it was worked from', async () => {
    const page = await assumptionsPage({ platform: 'tiktok', big_followers: '1000000' });
    const rate = field(page, 'Plan A engagement rate');
    expect(rate.name).toBe('Plan A engagement rate: 11.49999% (5% to 11.49999%)');
    expect(rate.value).toContain('Tierbot raises it to 11.49999% here (999,999 × 11.5% ÷ 1,000,000)');
  });

  it.each(PLATFORMS)('on %s, never reads as the rate it was worked from, at any edge', (platform) => {
    const counts = [1_000, 5_000, 10_000, 20_000, 100_000, 100_001, 500_000, 500_001, 1_000_000, 1_000_001, 1_000_002, 10_000_001];
    let raised = 0;
    for (const rate of [reachRate, engagementRate]) {
      for (const followers of counts) {
        const working = /raises it to ([\d.]+%) here \([\d,]+ × ([\d.]+%) ÷/.exec(rate('A', followers, platform).rule);
        if (!working) continue;
        raised++;
        expect(working[1], `${rate.name} at ${followers}`).not.toBe(working[2]);
      }
    }
    expect(raised).toBeGreaterThan(0);
  });
});

describe('a fee priced at a raised engagement rate', () => {
  it('says the rate is Tierbot’s raised one, and its range and its note agree to the cent', async () => {
    // 999 followers get HypeAuditor 2018's 10.58%; 1,000 keep them at 10.56942%, past every source (8.8% at most):
    // Traackr's 1,000 × 10.56942% × $0.15 = $15.85.
    const small = await runCompare({ big_followers: '1000' });
    expect(field(small, 'Plan A').value).toContain('Cost: **$10** ($4 to $15.85)');
    const fee = field(await pressButton(small, ASSUMPTIONS_ID), 'Plan A fee');
    expect(fee.name).toBe('Plan A fee: $10 ($4 to $15.85)');
    expect(fee.value).toContain("Traackr's $150 per 1,000 engagements, $4.17 at 2.78% to $15.85 at 10.5694%, Tierbot’s raised rate.");

    // 999,999 × 11.5% ÷ 1,000,000 = 11.4999885%: Traackr's $17,249.98, not the $17,250 of 11.5%.
    const big = await runCompare({ platform: 'tiktok', big_followers: '1000000' });
    expect(field(big, 'Plan A').value).toContain('Cost: **$10,000** ($4,000 to $17,249.98)');
    const bigFee = field(await pressButton(big, ASSUMPTIONS_ID), 'Plan A fee');
    expect(bigFee.name).toBe('Plan A fee: $10,000 ($4,000 to $17,249.98)');
    expect(bigFee.value).toContain('$7,500 at 5% to $17,249.98 at 11.49999%, Tierbot’s raised rate.');
  });

  it('is not said of a fee priced at the sources’ own rates', async () => {
    const fee = field(await assumptionsPage({}), 'Plan B fee each');
    expect(fee.value).toContain("Traackr's $150 per 1,000 engagements, $8.10 at 0.54% to $94.50 at 6.3%.");
    expect(fee.value).not.toContain('raised rate');
  });

  it('states the cent rule’s fee and the other rules’ to the cent, as the fee’s range is written', async () => {
    const fee = field(await assumptionsPage({ big_followers: '1234567' }), 'Plan A fee');
    // Traackr's 1,234,567 × 1.54% × $0.15 = $2,851.85 is the cheapest; the cent rule the dearest.
    expect(fee.name).toBe('Plan A fee: $12,345.67 ($2,851.85 to $12,345.67)');
    expect(fee.value).toContain('1,234,567 × $0.01 = $12,345.67');
    expect(fee.value).toContain("GRIN's $4–9 per 1,000 followers, $4,938.27–$11,111.10; Traackr's $150 per 1,000 engagements, $2,851.85 at 1.54%");
  });
});
