/**
 * A planner's checks of /compare: break-evens to the digits a planner types, the micro engagement
 * rate's break-even naming every measure that changes hands there, a plan with nothing for its
 * money losing, two identical plans, fractions of an order, and second-hand sources cited alike.
 */

import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS_ID, EXPORT_ID, compare } from '../src/commands/compare';
import type { Reply } from '../src/commands/types';
import { publisherYear, reportedBy } from '../src/domain/benchmarks';
import { breakEvenText, comparePlans, evaluate, flipsText, microBreakEvens, parseCompareInput, winnerOf, type CompareInput, type Comparison, type CountedMetric } from '../src/domain/compare';
import { compareOptions } from './support/compare-options';
import { testComponentContext, testContext } from './support/context';

const run = (options: Record<string, string> = {}) => compare.run(options as never, testContext()) as Promise<Reply>;
const text = (reply: Reply) => reply.embeds.map((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value])].join('\n')).join('\n');
const ids = (reply: Reply) => (reply.components ?? []).flatMap((row) => row.components.map((c) => ('custom_id' in c ? c.custom_id : '')));
const line = (reply: Reply, plan: 'A' | 'B', label: string) =>
  reply.embeds[0]!.fields!.find((f) => f.name.startsWith(`Plan ${plan}`))!.value.split('\n').find((l) => l.startsWith(`${label}:`))!;

async function press(reply: Reply, prefix: string) {
  const id = ids(reply).find((x) => x.startsWith(prefix));
  if (!id) throw new Error(`no ${prefix} button`);
  return (await compare.component!(id, [], testComponentContext())).reply as Reply;
}

function comparisonOf(input: CompareInput): Comparison {
  const parsed = parseCompareInput(input);
  if (!parsed.ok) throw new Error(`${parsed.option}: ${parsed.reason}`);
  return comparePlans(parsed.scenario);
}

describe('a percentage break-even is given to the digits a planner types', () => {
  const cases: { options: Record<string, string>; said: string; option: string; shown: string; past: string }[] = [
    // Plan A reaches 99,999 × 22.945% = 22,944.77, shown 22,945: Plan B's 100,000 × x reads under it below
    // 22,944.5, at x under 22.9445%; and Plan B's 37,720 × (1 − overlap) does at an overlap over 39.1715%.
    { options: { platform: 'tiktok' }, said: 'Plan B reach rate (break-even 22.944%)', option: 'micro_reach', shown: '22.944', past: '22.945' },
    { options: {}, said: 'Plan A wins cost per order and reach above 39.172%', option: 'overlap', shown: '39.172', past: '39.171' },
    // 10 × 50,000 at Minter.io's 22.945% for 20k–100k against 500,000 at its 22.885% for 100k–1M.
    { options: { budget: '5000', platform: 'tiktok', micro_followers: '50k' }, said: 'Plan A wins cost per order and reach above 22.946%', option: 'big_reach', shown: '22.946', past: '22.945' },
  ];
  for (const { options, said, option, shown, past } of cases) {
    it(`${JSON.stringify(options)}: "${said}"; Plan A wins reach at ${shown}, not one last digit past it at ${past}`, async () => {
      expect((await run(options)).embeds[0]!.description).toContain(said);
      expect(line(await run({ ...options, [option]: shown }), 'A', 'Reach')).toMatch(/✅$/);
      expect(line(await run({ ...options, [option]: past }), 'A', 'Reach')).not.toMatch(/✅$/);
    });
  }

  it('every percentage break-even has three decimals at least, and one last digit past it the winner it names no longer wins (property)', () => {
    let checked = 0;
    fc.assert(
      fc.property(
        compareOptions({ budget: fc.integer({ min: 100, max: 200_000 }).map(String) }),
        (options) => {
          const built = parseCompareInput(options);
          if (!built.ok) return;
          const s = built.scenario;
          const c = comparePlans(s);
          for (const d of [...c.verdict.deciders, ...microBreakEvens(s)]) {
            const input = s.assumptions[d.key];
            if (input.unit !== 'percent') continue;
            for (const f of d.flips) {
              const shown = breakEvenText(input.unit, f.breakEven, input.value!.expected, f.towards).text;
              const digits = shown.replace(/[%,]/g, '');
              // Trailing zeros are not written: "39.33%" is 39.330%.
              const step = 10 ** -Math.max(3, digits.split('.')[1]?.length ?? 0);
              expect(Math.abs(Number(digits) - f.breakEven), `${d.key} ${f.metric}: ${shown} for ${f.breakEven}`).toBeLessThan(step * (1 + 1e-9));
              const back = Number(digits) + (f.towards === 'higher' ? -step : step);
              if (back < 0) continue;
              const { A, B } = evaluate(s, { [d.key]: back });
              expect(winnerOf(f.metric, A[f.metric], B[f.metric]), `${JSON.stringify(options)}: ${d.key} ${f.metric} at ${back}, shown ${shown}`).not.toBe(f.winner);
              checked++;
            }
          }
        },
      ),
      { numRuns: 80, seed: 7 },
    );
    expect(checked).toBeGreaterThan(50);
  });
});

describe('a break-even where the plans change hands exactly on a cent', () => {
  it('is that cent, not the next: TikTok’s micro fee, where cost per engagement starts to round the other way', async () => {
    // Both plans engage 18% of 100,000 followers: Plan A's $1,000 ÷ 18,000 = $0.05556 reads $0.0556, and
    // Plan B's 10 × fee ÷ 18,000 reads more from 10 × $100.17 ÷ 18,000 = $0.05565.
    expect((await run({ platform: 'tiktok' })).embeds[0]!.description).toContain('cost per engagement above $100.17');
    expect(line(await run({ platform: 'tiktok', micro_fee: '100.17' }), 'A', 'Cost per engagement')).toMatch(/✅$/);
    expect(line(await run({ platform: 'tiktok', micro_fee: '100.16' }), 'A', 'Cost per engagement')).not.toMatch(/✅$/);
  });
});

describe('the micro engagement rate’s break-even names every measure that changes hands there', () => {
  it('the default: cost per engagement and engagements under 1.619%, as typed back in', async () => {
    const page = text(await press(await run(), ASSUMPTIONS_ID));
    expect(page).toContain('Plan B engagement rate (expected 2.28%): Plan A wins cost per engagement and engagements under 1.619%; Plan B wins cost per order, which it does not change.');
    const at = await run({ micro_engagement: '1.619' });
    expect(line(at, 'A', 'Engagements')).toMatch(/✅$/);
    expect(line(at, 'A', 'Cost per engagement')).toMatch(/✅$/);
  });
});

describe('a plan that pays and gets no orders or engagements loses that measure', () => {
  it('micro_reach:0: Plan B has no orders for $1,000, so Plan A wins cost per order, on screen and in the count', async () => {
    const reply = await run({ micro_reach: '0' });
    expect(reply.embeds[0]!.description!.split('\n')[0]).toBe('**Plan A wins on reach and cost per order (2 of 4); Plan B on engagements and cost per engagement.**');
    expect(line(reply, 'A', 'Cost per order')).toMatch(/✅$/);
    expect(line(reply, 'B', 'Cost per order')).toBe('Cost per order: *no orders*');
    // compare.csv keeps the row with empty cells, and says why.
    const csv = (await press(reply, EXPORT_ID)).files![0]!.data.toString('utf8');
    const row = (parse(csv, { from_line: 2 }) as string[][]).find((r) => r[0] === 'B' && r[1] === 'cost_per_order')!;
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

describe('a fraction of an order is "under 1"', () => {
  it('big_followers:1M: Plan A’s low end is 0.75 orders ($22.50 of revenue), shown "under 1", not 1', async () => {
    const a = await run({ big_followers: '1M' });
    expect(line(a, 'A', 'Orders')).toBe('Orders: **29** (under 1 to 114)');
    expect(line(a, 'A', 'Revenue')).toBe('Revenue: **$858.19** ($22.50 to $3,433)');
  });
});

describe('one source is cited one way throughout the Assumptions reply', () => {
  it('big_followers:1M micro_followers:10k: every second-hand source says how it was read, each time it is named', async () => {
    const options = { big_followers: '1M', micro_followers: '10k' };
    const page = text(await press(await run(options), ASSUMPTIONS_ID));
    const secondHand = Object.values(comparisonOf(options).scenario.assumptions).flatMap((a) => a.sources.filter((c) => reportedBy(c) !== null));
    expect(secondHand.map((c) => c.publisher)).toContain('Mediakix');
    for (const c of secondHand) {
      // Named by publisher and year, and then nothing: the end of a list of citations.
      const bare = new RegExp(`${publisherYear(c).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?= ·|\\n|$)`);
      expect(page, c.publisher).not.toMatch(bare);
    }
  });
});

describe('sizes that look swapped', () => {
  it('a Plan A smaller than each of Plan B’s influencers is pointed out; the usual sizes are not', async () => {
    const swapped = (await run({ big_followers: '5k' })).embeds[0]!.description!;
    expect(swapped).toContain('Plan A’s influencer (5,000 followers) is smaller than each of Plan B’s (10,000 followers): check `big_followers` and `micro_followers`.');
    expect((await run()).embeds[0]!.description).not.toContain('is smaller than each of Plan B’s');
    expect((await run({ preset: 'kardashian' })).embeds[0]!.description).not.toContain('is smaller than each of Plan B’s');
  });
});

describe('one break-even is written once', () => {
  /** "cost per order and reach above 39.331%" → its winner, side, measures and value as typed. */
  function parts(text: string) {
    return text.split('; ').flatMap((clause) => {
      const [, winner, rest] = /^Plan (A|B) wins (.*)$/.exec(clause)!;
      return rest!.split(', ').flatMap((part) => {
        const m = /^(.+?) (above|under) (\S+)$/.exec(part);
        return m && !/\d[KMBT]/.test(m[3]!) ? [{ winner: winner as 'A' | 'B', measures: m[1]!.split(' and '), side: m[2]!, shown: m[3]! }] : [];
      });
    });
  }
  const decimals = (shown: string) => /\.(\d+)/.exec(shown)?.[1]?.length ?? 0;
  const value = (shown: string) => Number(shown.replace(/[$%×,]/g, ''));
  const LABEL: Record<string, CountedMetric> = { reach: 'reach', engagements: 'engagements', 'cost per engagement': 'cpe', 'cost per order': 'cost_per_order' };

  it('the overlap with Plan A at the sources’ 22.885%: cost per order and reach change hands at 39.3294% and 39.3306%, one break-even to the digits shown', async () => {
    const d = (await run({ big_reach: '22.885' })).embeds[0]!.description!;
    expect(d).toContain('Audience overlap among Plan B’s influencers (expected 0%): Plan A wins cost per order and reach above 39.331%.');
    const at = await run({ big_reach: '22.885', overlap: '39.331' });
    expect(line(at, 'A', 'Reach')).toMatch(/✅$/);
    expect(line(at, 'A', 'Cost per order')).toMatch(/✅$/);
  });

  it('no two break-evens of one winner on one side read the same to the coarser of their digits, and the one shown gives that winner on every measure named (property)', () => {
    let merged = 0;
    fc.assert(
      fc.property(compareOptions({ budget: fc.integer({ min: 100, max: 200_000 }).map(String) }), (options) => {
        const built = parseCompareInput(options);
        if (!built.ok) return;
        const s = built.scenario;
        const c = comparePlans(s);
        for (const d of [...c.verdict.deciders, ...microBreakEvens(s)]) {
          const said = parts(flipsText(c, { key: d.key, flips: d.flips }));
          for (const [i, p] of said.entries()) {
            for (const q of said.slice(i + 1).filter((x) => x.winner === p.winner && x.side === p.side)) {
              const coarser = Math.min(decimals(p.shown), decimals(q.shown));
              expect(value(p.shown).toFixed(coarser), `${JSON.stringify(options)} ${d.key}: ${p.shown} and ${q.shown}`).not.toBe(value(q.shown).toFixed(coarser));
            }
            if (p.measures.length > 1) merged++;
            const { A, B } = evaluate(s, { [d.key]: value(p.shown) });
            const loser = p.winner === 'A' ? 'B' : 'A';
            for (const m of p.measures) expect(winnerOf(LABEL[m]!, A[LABEL[m]!], B[LABEL[m]!]), `${JSON.stringify(options)} ${d.key} ${m} at ${p.shown}`).not.toBe(loser);
          }
        }
      }),
      { numRuns: 80, seed: 7 },
    );
    expect(merged).toBeGreaterThan(5);
  });
});
