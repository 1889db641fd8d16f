/**
 * /compare, where a fourth review found it confusing or silent though its arithmetic is right: a
 * fee's range that disagreed with the cost the plan pays; caveats that mattered (the sources
 * disagree, frequency) only behind the Assumptions button, and a caveat at odds with Plan B's own
 * range; "Depends on" sentences hard to follow; the reply and compare.csv rounding one figure two
 * ways; inputs ignored or mislabelled without a word; and range edges (an example below the
 * minimum, more followers in all than Tierbot models). Everything through the command, as a user
 * gets it.
 */

import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS_ID, CASES_ID, EXPORT_ID, MAIN_TEXT_LIMIT, compare } from '../src/commands/compare';
import type { Reply } from '../src/commands/types';
import { comparePlans, parseCompareInput, robustnessText } from '../src/domain/compare';
import { testComponentContext } from './support/context';
import { runCompare as run } from './support/compare';

const ids = (reply: Reply) => (reply.components ?? []).flatMap((row) => row.components.map((c) => ('custom_id' in c ? c.custom_id : '')));
async function press(reply: Reply, prefix: string): Promise<Reply> {
  const id = ids(reply).find((x) => x.startsWith(prefix));
  if (!id) throw new Error(`no ${prefix} button`);
  return (await compare.component!(id, [], testComponentContext())).reply;
}
const fields = (reply: Reply) => reply.embeds.flatMap((e) => e.fields ?? []);
const field = (reply: Reply, prefix: string) => fields(reply).find((f) => f.name.startsWith(prefix))!;
const keyLines = (reply: Reply) => reply.embeds[0]!.fields!.filter((f) => f.name.startsWith('Key assumptions')).flatMap((f) => f.value.split('\n'));
const lineStarting = (all: string[], start: string) => all.find((l) => l.startsWith(start));
const plain = (markdown: string) => markdown.replace(/\*\*|\*/g, '');
const embedTotal = (reply: Reply) =>
  reply.embeds.map((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text].join('')).join('').length;

async function csvRows(options: Record<string, string>): Promise<string[][]> {
  const file = (await press(await run(options), EXPORT_ID)).files![0]!;
  return parse(file.data.toString('utf8'), { from_line: 2 });
}
const row = (rows: string[][], plan: string, metric: string) => rows.find((r) => r[0] === plan && r[1] === metric)!;

async function inputError(options: Record<string, string>): Promise<string> {
  const reply = await run(options);
  expect(reply.inputError, JSON.stringify(options)).toBe(true);
  return reply.embeds[0]!.description!;
}

describe('a fee’s range is what the plan pays, so it agrees with the cost', () => {
  it('the default: Plan A’s fee and cost both run $232.50 to $1,000; Plan B’s fee $8.10 to $100 each, its cost $81 to $1,000', async () => {
    const main = await run();
    expect(field(main, 'Plan A').value).toContain('Cost: **$1,000** ($232.50 to $1,000)');
    expect(field(main, 'Plan B').value).toContain('Cost: **$1,000** ($81 to $1,000)');
    const page = await press(main, ASSUMPTIONS_ID);
    // Every rule across 1.55%–3.8%: cent $1,000, GRIN $400–900, Traackr 1,550 × $0.15 = $232.50 to 3,800 ×
    // $0.15 = $570. The cheapest is Traackr's at 1.55%, the dearest the cent rule's.
    expect(field(page, 'Plan A fee').name).toBe('Plan A fee: $1,000 ($232.50 to $1,000)');
    expect(field(page, 'Plan A fee').value).toContain('Range: from the cheapest rule to the dearest, across the engagement rate’s range:');
    expect(field(page, 'Plan A fee').value).toContain("Traackr's $150 per 1,000 engagements, $232.50 at 1.55% to $570 at 3.8%");
    // Plan B across 0.54%–6.3%: Traackr 54 × $0.15 = $8.10 to 630 × $0.15 = $94.50, GRIN $40–90, cent $100.
    expect(field(page, 'Plan B fee each').name).toBe('Plan B fee each: $100 ($8.10 to $100)');

    const rows = await csvRows({});
    expect(row(rows, 'assumption', 'fee_a').slice(2, 5)).toEqual(row(rows, 'A', 'cost').slice(2, 5));
    expect(row(rows, 'assumption', 'fee_b').slice(2, 5)).toEqual(['8.1', '100', '100']);
    expect(row(rows, 'B', 'cost').slice(2, 5)).toEqual(['81', '1000', '1000']);
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
    const c = comparePlans((parseCompareInput({ platform: 'tiktok' }) as { ok: true; scenario: never }).scenario);
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
    const d = plain((await run({ preset: 'kardashian', micro_followers: '3851' })).embeds[0]!.description!);
    expect(d).not.toContain('holds across every sourced range');
    expect(d).toContain('Depends on:');
  });

  it('past the cent rule’s largest example (1M followers) its fee is an extrapolation, not “sourced”', async () => {
    const page = await press(await run({ big_followers: '2000000' }), ASSUMPTIONS_ID);
    expect(field(page, 'Plan A fee').value).toMatch(/^\*extrapolation\*: the cent-per-follower rule \(\$100 per 10,000 followers\), extended past its largest example \(1,000,000 followers for \$10,000\)/);
    expect(row(await csvRows({ big_followers: '2000000' }), 'assumption', 'fee_a')[5]).toMatch(/^extrapolat/);
    expect(field(await press(await run({ big_followers: '1000000' }), ASSUMPTIONS_ID), 'Plan A fee').value).toMatch(/^\*sourced\*/);
  });

  it('a budget below every rule: the fee and the cost agree, and the cheapest rule at the expected rate is named as such', async () => {
    // 500,000 followers at the expected 1.55%, the low end of its range: Traackr's 7,750 × $0.15 = $1,162.50
    // is the cheapest rule there and anywhere in the range.
    expect((await run({ budget: '500', big_followers: '500k' })).embeds[0]!.description).toContain(
      'Plan A costs $5,000 ($1,162.50 to $5,000): $500 does not buy 500,000 followers at any price rule (the cheapest asks $1,162.50 at the expected 1.55% engagement rate)',
    );
    const rows = await csvRows({ budget: '500', big_followers: '500k' });
    expect(row(rows, 'assumption', 'fee_a').slice(2, 5)).toEqual(['1162.5', '5000', '5000']);
    expect(row(rows, 'A', 'cost').slice(2, 5)).toEqual(['1162.5', '5000', '5000']);
    expect(row(rows, 'A', 'cost')[5]).toBe('influencers × fee (fee_a below)');
  });
});

describe('the caveats that matter are in the public reply, and agree with the ranges', () => {
  it('the main reply says the sources disagree on the engagement rates and on fees, and shows the frequency assumption', async () => {
    const reply = await run();
    const key = keyLines(reply);
    expect(lineStarting(key, 'Engagement rate by followers')).toContain('The sources disagree; the ranges span them.');
    expect(lineStarting(key, 'Fees')).toContain('the price rules disagree');
    expect(plain(lineStarting(key, 'Impressions per reached account')!)).toBe(
      'Impressions per reached account: 1× (1×–1.25×), a Tierbot assumption (no source gives one); it drives CPM’s range.',
    );
    expect(embedTotal(reply)).toBeLessThanOrEqual(MAIN_TEXT_LIMIT);
  });

  it('the Assumptions caveat says the sources disagree without figures that contradict the inputs’ ranges', async () => {
    const page = await press(await run(), ASSUMPTIONS_ID);
    const caveat = fields(await press(page, CASES_ID))
      .flatMap((f) => f.value.split('\n'))
      .find((l) => l.startsWith('• Engagement rates disagree'))!;
    // No figures of its own, which a fixed band's (10k–100k: 0.54% to 3.4–3.8%) made disagree with Plan B's 0.54%–6.3%.
    expect(caveat).toContain('Engagement rates disagree by source and year: the engagement-rate ranges on the Assumptions page span them.');
    expect(caveat).not.toContain('3.4–3.8%');
    expect(field(page, 'Plan B engagement rate').name).toBe('Plan B engagement rate: 2.28% (0.54% to 6.3%)');
  });
});

describe('"Depends on" in plain words', () => {
  it('Kardashian at $250,000 with 3 micro-influencers: the two inputs, then when and where the plans change hands', async () => {
    const reply = await run({ preset: 'kardashian', big_fee: '250k', micro_count: '3' });
    const text =
      'Depends on: Click-through (visits per reached account) and Audience overlap among Plan B’s influencers, but only at the extremes: ' +
      'with every other input at its worst for Plan B, Plan A wins cost per order once click-through is under 0.021% or overlap is above 36.374%.';
    expect(plain(reply.embeds[0]!.description!).split('\n')).toContain(text);
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
    // above x = 4.13504%, shown as 4.136%.
    expect(text).toBe(
      'Depends on: Plan B fee each and Plan B engagement rate, but only at the extremes: with every other input at its worst for Plan A, Plan B wins cost per engagement once Plan B’s fee is under $42.56 or Plan B’s engagement rate is above 4.136%.',
    );
  });
});

describe('the reply and compare.csv round a figure the same way', () => {
  it('Kardashian: ROAS $900 ÷ $400,000 = 0.00225 reads 0.0023 in both', async () => {
    expect(field(await run({ preset: 'kardashian' }), 'Plan A').value).toContain('ROAS: **0.0023×**');
    expect(row(await csvRows({ preset: 'kardashian' }), 'A', 'roas')[3]).toBe('0.0023');
  });
});

describe('inputs that do not apply, or apply to one plan, say so', () => {
  it('an overlap with one micro-influencer: the reply says it does not apply', async () => {
    const reply = await run({ overlap: '50', micro_count: '1' });
    expect(lineStarting(keyLines(reply), 'Overlap')).toBe('Overlap: your 50% does not apply: Plan B has one micro-influencer, and overlap is audience that several share.');
    expect(field(await press(reply, ASSUMPTIONS_ID), 'Audience overlap').value).toContain('does not apply');
    expect(row(await csvRows({ overlap: '50', micro_count: '1' }), 'assumption', 'overlap')[5]).toContain('does not apply');
  });

  it('Kardashian with your conversion and order value: they are Plan B’s alone, and ROI is not said to follow from cost per order', async () => {
    const reply = await run({ preset: 'kardashian', conversion: '5', order_value: '50' });
    expect(lineStarting(keyLines(reply), 'Plan B’s sales')).toBe('Plan B’s sales (your input; Plan A’s are observed): conversion 5% of visits, order value $50.');
    const footer = reply.embeds[0]!.footer!.text;
    expect(footer).not.toContain('follow from cost per order');
    expect(footer).toContain('Plan A’s observed orders at $30 and Plan B’s at $50');
    // Assumptions and compare.csv say so too, and "your input" is said once.
    const assumptions = await press(reply, ASSUMPTIONS_ID);
    for (const name of ['Conversion', 'Average order value']) {
      expect(field(assumptions, name).value).toBe('*your input, for Plan B only: Plan A’s sales are the observed case’s*.');
    }
    expect(row(await csvRows({ preset: 'kardashian', conversion: '5', order_value: '50' }), 'assumption', 'conversion')[5]).toBe('your input, for Plan B only: Plan A’s sales are the observed case’s');
    expect(field(await press(await run({ big_fee: '2000' }), ASSUMPTIONS_ID), 'Plan A fee').value).toBe('*your input*.');
    // With one order value for both, the footer says they follow, as before.
    expect((await run()).embeds[0]!.footer!.text).toContain('ROI and ROAS follow from cost per order (one order value for both plans) and are not counted.');
  });
});

describe('range edges', () => {
  it('a budget below one micro fee: the examples offered are all accepted amounts', async () => {
    const message = await inputError({ budget: '50' });
    expect(message).toContain('from $100 (one micro-influencer’s fee)');
    expect(message).not.toContain('`0.50`');
    expect(message).toContain('`5000`');
  });

  it('more followers in all than Tierbot models is refused, with the range that works', async () => {
    // 999,999 × 1,234,567 = 1.23 trillion followers; 10,000,000,000 ÷ 1,234,567 = 8,100.
    const message = await inputError({ micro_count: '999,999', micro_followers: '1,234,567' });
    expect(message).toContain('**micro_count**');
    expect(message).toContain('1,234,565,765,433 followers in all');
    expect(message).toContain('with 1,234,567 followers each, a whole number of influencers from 1 to 8,100');
    const single = await inputError({ micro_followers: '2B' });
    expect(single).toContain('**micro_followers**');
    expect(single).toContain('with 10 micro-influencers, a follower count from 1 to 1,000,000,000 each');
  });

  it('a budget that buys micro-influencers at a few cents stops at the followers Tierbot models, and says so', async () => {
    // $1M at $1 each would buy 1,000,000 micros of 1,000,000 followers: a trillion. 10,000 of them make 10 billion.
    const reply = await run({ budget: '1M', big_followers: '1M', micro_followers: '1M', micro_fee: '1' });
    expect(reply.inputError).toBeUndefined();
    expect(reply.embeds[0]!.description).toContain('Plan B spends $10,000 on 10,000 micro-influencers at $1 (capped at 10,000, the most Tierbot models');
  });

  it('a number of influencers: the examples offered are only counts it accepts', async () => {
    // 1,000,000,000 followers each leave room for 10 micro-influencers: `30` and `1.5k` would be refused.
    const ten = await inputError({ micro_count: '1000000', micro_followers: '1B' });
    expect(ten).toContain('with 1,000,000,000 followers each, a whole number of influencers from 1 to 10: `10`.');
    // Under 10 none fits: the range alone.
    expect(await inputError({ micro_count: '1000000', micro_followers: '1.5B' })).toContain('with 1,500,000,000 followers each, a whole number of influencers from 1 to 6.');
    expect(await inputError({ micro_count: '0' })).toContain('a whole number of influencers from 1 to 1,000,000: `10`, `30`, `1.5k`.');
  });

  it('a budget a dollar over the limit says how many followers it would buy, every digit', async () => {
    expect(await inputError({ budget: '100000001' })).toContain('it would buy one influencer with 10,000,000,100 followers, more than the 10,000,000,000 Tierbot models');
  });
});
