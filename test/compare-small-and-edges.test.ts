/**
 * /compare at the edges of its inputs: a fee never shown as $0 for a tiny account, and a bigger
 * account never shown reaching or engaging fewer people than a smaller one where the sources'
 * follower bands meet.
 */

import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS_ID, compare } from '../src/commands/compare';
import type { Reply } from '../src/commands/types';
import { PLATFORMS, type Platform } from '../src/domain/benchmarks';
import { engagementRate, reachRate, type Assumption } from '../src/domain/compare/assumptions';
import { runCompare } from './support/compare';
import { testComponentContext } from './support/context';

async function pressAssumptions(reply: Reply): Promise<Reply> {
  const id = (reply.components ?? []).flatMap((row) => row.components.map((c) => ('custom_id' in c ? c.custom_id : ''))).find((x) => x.startsWith(ASSUMPTIONS_ID))!;
  return (await compare.component!(id, [], testComponentContext())).reply;
}

const embedText = (reply: Reply) => reply.embeds.flatMap((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text]).join('\n');

describe('a fee for a tiny account', () => {
  it('is at least a cent in every scenario, so no positive cost reads $0', async () => {
    const text = embedText(await runCompare({ micro_followers: '1', micro_count: '1000' }));
    expect(text).toContain('Cost: **$10** ($10 to $30)');
    expect(text).not.toMatch(/\$0(?![.,\d])/);
  });
});

describe('where the sources’ follower bands meet', () => {
  const counts = [...new Set([1, 2, 999, 1_000, 4_999, 5_000, 9_999, 10_000, 10_001, 19_999, 20_000, 25_000, 33_000, 99_999, 100_000, 100_001, 500_000, 500_001, 999_999, 1_000_000, 1_000_001, 2_300_000, 10_000_000, 10_000_001, 50_000_000])];
  const people = (rate: (plan: 'A' | 'B', followers: number, platform: Platform) => Assumption, followers: number, platform: Platform) => {
    const v = rate('A', followers, platform).value!;
    return { low: (followers * v.low) / 100, expected: (followers * v.expected) / 100, high: (followers * v.high) / 100 };
  };

  it.each(PLATFORMS)('a bigger %s account is never expected to reach or engage fewer people, and each range holds its expected value', (platform) => {
    for (const rate of [reachRate, engagementRate]) {
      for (const [smaller, bigger] of counts.slice(1).map((count, i) => [counts[i]!, count] as const)) {
        // A held rate is shown to four significant digits, rounded up: within a thousandth of what it holds.
        expect(people(rate, bigger, platform).expected, `${rate.name}: ${smaller} → ${bigger}`).toBeGreaterThanOrEqual(people(rate, smaller, platform).expected * 0.999);
        const { low, expected, high } = rate('A', bigger, platform).value!;
        expect(low <= expected && expected <= high, `${rate.name} at ${bigger}: ${low}, ${expected}, ${high}`).toBe(true);
      }
    }
  });

  it('one more cent of budget never costs Plan A reach or engagements, and the reply says why the rate is held', async () => {
    const before = embedText(await runCompare({ budget: '199.99' }));
    const after = await runCompare({ budget: '200' });
    expect(before).toContain('Reach: **7,544**');
    expect(embedText(after)).toContain('Plan A (estimated): 1 × 20,000 followers');
    const planA = after.embeds[0]!.fields!.find((f) => f.name.startsWith('Plan A'))!.value;
    expect(planA).toContain('Reach: **7,544**');
    expect(planA).toContain('Engagements: **456**');
    const assumptions = embedText(await pressAssumptions(after));
    expect(assumptions).toContain(
      'Minter.io 2019, median Instagram post reach for 20k–100k followers: 22.945%; Tierbot holds it at 37.72% here, so that 20,000 followers reach no fewer people than 19,999 followers do (a bigger account is not assumed to reach fewer)',
    );
  });
});
