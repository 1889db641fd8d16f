import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../src/domain/benchmarks';
import {
  ASSUMPTION_KEYS,
  COUNTED,
  METRIC_NAMES,
  OPTION_KIND,
  OPTION_NAMES,
  PRESETS,
  comparePlans,
  equalBudget,
  exportRows,
  missingReason,
  parseCompareInput,
  robustnessText,
  verdictHeadline,
  type CompareInput,
  type Comparison,
  type Overrides,
} from '../src/domain/compare';
import { funnel } from '../src/domain/funnel';
import { MAX_BUDGET_FOR_FOLLOWERS, MAX_MICRO_COUNT, buildScenario, type Scenario } from '../src/domain/compare';
import { MIN_FOLLOWERS, SMALLEST_FEE } from '../src/domain/compare/options';
import { DEFAULT_MICRO_COUNT, DEFAULT_MICRO_FOLLOWERS } from '../src/domain/compare/scenario';
import { MAX_FOLLOWERS } from '../src/domain/followers';
import { MAX_MONEY } from '../src/domain/units';

function comparisonOf(input: CompareInput): Comparison {
  const parsed = parseCompareInput(input);
  if (!parsed.ok) throw new Error(`${parsed.option}: ${parsed.reason}`);
  return comparePlans(parsed.scenario);
}

const close = (x: number | null | undefined, y: number, digits = 6) => expect(x).toBeCloseTo(y, digits);

describe('the funnel', () => {
  it('never counts a like as a visit: visits come from reach × click-through, engagements are a separate branch', () => {
    const m = funnel({ influencers: 1, followersEach: 100_000, feeEach: 1_000, reachRate: 20, engagementRate: 50, frequency: 1, clickThrough: 1, conversion: 10, orderValue: 30, overlap: 0 });
    expect(m.reach).toBe(20_000);
    expect(m.engagements).toBe(50_000);
    expect(m.visits).toBe(200); // 20,000 × 1%, whatever the engagement rate
    close(m.orders, 20);
    close(m.revenue, 600);
    close(m.cost_per_order, 50);
    close(m.roi, -40);
  });

  it('applies overlap only to several influencers, and never below one influencer’s own reach', () => {
    const base = { followersEach: 10_000, feeEach: 100, reachRate: 50, engagementRate: 1, frequency: 1, clickThrough: 1, conversion: 1, orderValue: 1 };
    expect(funnel({ ...base, influencers: 1, overlap: 40 }).reach).toBe(5_000);
    expect(funnel({ ...base, influencers: 10, overlap: 40 }).reach).toBe(30_000);
    expect(funnel({ ...base, influencers: 2, overlap: 100 }).reach).toBe(5_000);
  });

  it('reports nothing after a step whose rate is unknown, and observed steps as observed', () => {
    const m = funnel({ influencers: 1, followersEach: 15_000_000, feeEach: 10_000, reachRate: null, engagementRate: null, frequency: 1, clickThrough: 1, conversion: 1, orderValue: 1, overlap: 0, observed: { visits: 1_200, orders: 30, revenue: 900 } });
    expect([m.reach, m.impressions, m.engagements, m.cpe, m.cpm]).toEqual([null, null, null, null, null]);
    expect([m.visits, m.orders, m.revenue]).toEqual([1_200, 30, 900]);
    close(m.cost_per_order, 333.333333);
  });
});

describe('/compare defaults (worked by hand)', () => {
  const c = comparisonOf({});
  const A = c.a.metrics;
  const B = c.b.metrics;

  it('Plan A, 1 × 100,000 on Instagram: Minter.io reach 22.885% and HypeAuditor 2018 engagement 1.55%, held at what 99,999 followers get; fee $1,000 by the cent rule', () => {
    // 99,999 followers are in "20k–100k": 99,999 × 22.945% = 22,944.77055 reached and 99,999 × 1.62% =
    // 1,619.9838 engagements, more than 100,000 get at 22.885% and 1.55%, so the rates are raised to
    // keep those counts exactly: 22.94477055% and 1.6199838%.
    const reachA = 99_999 * 0.22945;
    const engagementsA = 99_999 * 0.0162;
    close(A.reach!.expected, reachA);
    close(A.engagements!.expected, engagementsA);
    // visits 22,944.77055 × 0.5% = 114.72; orders × 2.5% = 2.868; revenue × $30 = $86.04.
    const ordersA = reachA * 0.005 * 0.025;
    close(A.visits!.expected, reachA * 0.005);
    close(A.orders!.expected, ordersA);
    close(A.revenue!.expected, ordersA * 30);
    close(A.cost!.expected, 1_000);
    close(A.cpe!.expected, 1_000 / engagementsA);
    close(A.cost_per_order!.expected, 1_000 / ordersA);
    close(A.roi!.expected, ((ordersA * 30 - 1_000) / 1_000) * 100);
    // Ranges: engagement 1.55–3.8% (InfluencerDB's 3.4–3.8% is the highest source for 100k).
    expect([A.engagements!.low, A.engagements!.high]).toEqual([1_550, 3_800]);
    // The fee's range is every rule's price across the engagement rate's range: Traackr's 1,550 × $0.15
    // = $232.50 at 1.55% is the cheapest, the cent rule's $1,000 the dearest (GRIN $400–900, Traackr
    // at 3.8% 3,800 × $0.15 = $570). Each scenario prices the fee at its own rate: optimistic at 3.8%,
    // GRIN's $400, CPE $400 ÷ 3,800 = $0.105 (never Traackr's $232.50, which only holds at 1.55%,
    // where it makes CPE $0.15); pessimistic at 1.55%, the cent rule's $1,000, CPE $1,000 ÷ 1,550.
    expect(c.scenario.assumptions.fee_a.value).toEqual({ low: 232.5, expected: 1_000, high: 1_000 });
    expect([A.cost!.low, A.cost!.high]).toEqual([232.5, 1_000]);
    close(A.cpe!.low, 400 / 3_800);
    close(A.cpe!.high, 1_000 / 1_550);
    // Reach runs from the sources' 22.885% for 100k–1M (no Bazaarvoice band) up to the raised rate.
    close(A.reach!.low, 22_885);
    close(A.reach!.high, reachA);
  });

  it('Plan B, 10 × 10,000: reach 37.72% with no overlap expected (40% at worst), engagement 2.28% (0.54–6.3%)', () => {
    // 10 × 10,000 × 37.72% = 37,720; with 40% overlap 22,632.
    close(B.reach!.expected, 37_720);
    close(B.reach!.low, 22_632);
    // 100,000 × 2.28% = 2,280; HypeAuditor 2026's 0.54% gives 540. InfluencerDB's "5k–10k 6.3% · >10k
    // 3.4–3.8%": ">10k" leaves 10,000 itself in 5k–10k, so 6.3% gives 6,300.
    close(B.engagements!.expected, 2_280);
    close(B.engagements!.low, 540);
    close(B.engagements!.high, 6_300);
    expect(c.scenario.assumptions.engagement_rate_b.value).toEqual({ low: 0.54, expected: 2.28, high: 6.3 });
    // visits 188.6, orders 4.715, revenue $141.45; cost 10 × $100.
    close(B.visits!.expected, 188.6);
    close(B.orders!.expected, 4.715);
    close(B.revenue!.expected, 141.45);
    close(B.cost!.expected, 1_000);
    // The fee's range runs from Traackr's 54 × $0.15 = $8.10 at 0.54% to the cent rule's $100 (GRIN
    // $40–90; Traackr at 6.3% 630 × $0.15 = $94.50).
    expect(c.scenario.assumptions.fee_b.value).toEqual({ low: 8.1, expected: 100, high: 100 });
    // Optimistic at 6.3%: GRIN's $40 each, CPE $400 ÷ 6,300; at 0.54%: Traackr's $8.10 each, $81 in all.
    // Pessimistic, 0.54%: cent $100 each, $1,000, CPE $1,000 ÷ 540 = $1.85.
    close(B.cost!.low, 81);
    close(B.cpe!.low, 400 / 6_300);
    close(B.cpe!.high, 1_000 / 540);
    // Cost per order: optimistic 37,720 reached × 2% × 2.5% = 18.86 orders for $81 (Traackr's price at
    // 0.54%, which no engagement rate changes orders for) = $4.29; pessimistic 22,632 × 0.02% × 2.5% =
    // 0.11316 orders for $1,000 = $8,837.04.
    close(B.cost_per_order!.expected, 1_000 / 4.715);
    close(B.cost_per_order!.low, 81 / 18.86, 4);
    close(B.cost_per_order!.high, 1_000 / 0.11316, 2);
  });

  it('counts only reach, engagements, CPE and cost per order, and names what decides it with break-evens', () => {
    expect(c.verdict.measures.map((m) => [m.metric, m.winner])).toEqual([
      ['reach', 'B'],
      ['engagements', 'B'],
      ['cpe', 'B'],
      ['cost_per_order', 'B'],
    ]);
    expect(c.verdict.holds).toBe(false);
    const byKey = Object.fromEntries(c.verdict.deciders.map((d) => [d.key, d]));
    // Each break-even is where the other plan starts to win as the figures read (cents, whole counts,
    // CPE to four decimals). Plan A's CPO, fee ÷ 2.868096 orders (99,999 × 22.945% × 0.5% × 2.5%), reads
    // under Plan B's $212.09 once it is under $212.085: at a fee under $212.085 × 2.868096 = $608.2802.
    close(byKey.fee_a!.flips.find((f) => f.metric === 'cost_per_order')!.breakEven, 212.085 * (99_999 * 0.22945 * 0.005 * 0.025), 4);
    // Overlap: Plan B's 37,720 × (1 − x) reads under Plan A's 22,945 (22,944.77) once under 22,944.5:
    // x above 39.1715%.
    close(byKey.overlap!.flips.find((f) => f.metric === 'reach')!.breakEven, (1 - 22_944.5 / 37_720) * 100, 6);
    // Plan B's CPE, $1,000 ÷ (100,000 × rate%), is $1 ÷ rate: it reads over Plan A's $0.6173 ($1,000 ÷
    // 1,619.9838) from $0.61735, at a rate under 1.619827%.
    close(byKey.engagement_rate_b!.flips[0]!.breakEven, 1 / 0.61735, 6);
    // Plan A's CPE, $1 ÷ rate as well, reads under Plan B's $0.4386 below $0.43855: above 2.280242%.
    close(byKey.engagement_rate_a!.flips[0]!.breakEven, 1 / 0.43855, 6);
    expect(c.verdict.deciders.slice(0, 2).map((d) => d.key)).toEqual(['fee_a', 'overlap']);
    expect(verdictHeadline(c)).toBe('Plan B leads on reach, engagements, cost per engagement and cost per order (4 of 4).');
    expect(robustnessText(c)).toMatch(/^Depends on: Plan A fee \(Plan A wins cost per order at a fee under \$608\.28/);
    expect(c.unequalCosts).toBe(false);
  });

  it('the click-through is a labelled assumption, with the observed cases per reached account beside it', () => {
    const ct = c.scenario.assumptions.click_through;
    expect(ct.basis).toBe('assumption');
    expect(ct.value).toEqual({ low: 0.02, expected: 0.5, high: 2 });
    const kardashian = c.observedClicks[0]!;
    close(kardashian.perFollower, 0.008);
    close(kardashian.perReachedA!, (0.008 / ((99_999 * 22.945) / 100_000)) * 100);
    // As the source states it, 0.345% (4,356 ÷ 1,261,376), converted per reached account.
    close(c.observedClicks[2]!.perReachedB!, (0.345 * 100) / 37.72);
  });
});

describe('/compare presets', () => {
  it('Kardashian: Plan A as observed (1,200 visits, 30 orders, $900), Ad Age’s fee range, reach and engagements not reported', () => {
    const c = comparisonOf({ preset: 'kardashian' });
    const A = c.a.metrics;
    expect(c.a.kind).toBe('observed');
    expect(c.b.kind).toBe('estimated');
    expect([A.visits, A.orders, A.revenue]).toEqual([single(1_200), single(30), single(900)]);
    expect(A.reach).toBeNull();
    expect(A.engagements).toBeNull();
    expect(A.cpe).toBeNull();
    // $300,000–500,000, midpoint $400,000: cost per order $10,000 / $13,333.33 / $16,666.67.
    expect(A.cost).toEqual({ low: 300_000, expected: 400_000, high: 500_000 });
    close(A.cost_per_order!.expected, 13_333.333, 2);
    expect(c.scenario.assumptions.fee_a.basis).toBe('extrapolated');
    // Visits are compared with visits: Plan B's through the same funnel, 37,720 × 0.5% = 188.6.
    close(c.b.metrics.visits!.expected, 188.6);
    expect(c.verdict.measures.filter((m) => m.winner !== null).map((m) => m.metric)).toEqual(['cost_per_order']);
    expect(robustnessText(c)).toBe('The verdict holds across every sourced range, and across the ranges of Tierbot’s own assumptions.');
    expect(c.title).toBe('The Kardashian tweet (observed) against 10 micro-influencers (10,000 followers each) on Instagram, estimated');
    expect(comparisonOf({ preset: 'kardashian', micro_count: '3' }).title).toContain('against 3 micro-influencers');
  });

  it('Kardashian with a $10k fee: $333.33 per order, and now the click-through decides (break-even 0.318%)', () => {
    const c = comparisonOf({ preset: 'kardashian', big_fee: '10k' });
    close(c.a.metrics.cost_per_order!.expected, 333.333, 2);
    const ct = c.verdict.deciders.find((d) => d.key === 'click_through')!;
    // Plan B needs 3 orders for $333.33 each: 120 visits from 37,720 reached = 0.318%.
    close(ct.flips[0]!.breakEven, (120 / 37_720) * 100, 4);
    expect(ct.flips[0]).toMatchObject({ winner: 'A', towards: 'lower' });
  });

  it('Kardashian refuses big_followers: the case is observed at 15,000,000', () => {
    const parsed = parseCompareInput({ preset: 'kardashian', big_followers: '1M' });
    expect(parsed.ok).toBe(false);
  });

  it('ten-micro is the seeds’ 10 × 10,000 against 1 × 100,000', () => {
    const c = comparisonOf({ preset: 'ten-micro' });
    expect([c.a.name, c.b.name]).toEqual(['1 × 100,000 followers', '10 × 10,000 followers']);
    expect(c.title).toBe('The TapInfluence article’s advice, checked. One influencer with 100,000 followers, or 10 with 10,000 each, on Instagram?');
    expect(comparisonOf({ preset: 'ten-micro', micro_count: '3' }).title).toBe('One influencer with 100,000 followers, or 3 with 10,000 each, on Instagram?');
  });
});

const single = (x: number) => ({ low: x, expected: x, high: x });

describe('/compare with a budget', () => {
  it('both plans spend it: $5,000 buys one influencer with 500,000 followers, or 50 micros at $100', () => {
    const c = comparisonOf({ budget: '5000' });
    expect(c.a.metrics.cost).toEqual(single(5_000));
    expect(c.b.metrics.cost).toEqual(single(5_000));
    expect(c.a.metrics.followers!.expected).toBe(500_000);
    expect(c.b.metrics.influencers!.expected).toBe(50);
    // 500,000 × 22.885% = 114,425 against 50 × 10,000 × 37.72% = 188,600.
    close(c.a.metrics.reach!.expected, 114_425);
    close(c.b.metrics.reach!.expected, 188_600);
    expect(c.budget).toMatchObject({ budget: 5_000, countFromBudget: true, followersFromBudget: true, overA: false, overB: false });
    expect(c.unequalCosts).toBe(false);
  });

  it('keeps big_followers when given, and spends within one micro fee', () => {
    const c = comparisonOf({ budget: '1,050', big_followers: '80k' });
    expect(c.a.metrics.followers!.expected).toBe(80_000);
    expect(c.a.metrics.cost!.expected).toBe(1_050);
    expect(c.b.metrics.cost!.expected).toBe(1_000);
  });

  it('Kardashian with a budget keeps the observed tweet’s price (Ad Age’s range) and says it is over; Plan B spends the budget', () => {
    const c = comparisonOf({ preset: 'kardashian', budget: '5000' });
    // Not "Plan A costs $5,000": the tweet cost what it cost, whatever the budget.
    expect(c.a.metrics.cost).toEqual({ low: 300_000, expected: 400_000, high: 500_000 });
    expect(c.scenario.assumptions.fee_a.basis).toBe('extrapolated');
    expect(c.scenario.assumptions.fee_a.sources.map((x) => x.publisher)).toEqual(['Ad Age']);
    expect(c.b.metrics.cost).toEqual(single(5_000));
    expect(c.budget).toMatchObject({ budget: 5_000, feeA: 'case', overA: true, overB: false, countFromBudget: true, followersFromBudget: false });
    // $400,000 ÷ 30 orders = $13,333 per order against Plan B's $212.09: the verdict does not flip to A.
    expect(c.verdict.measures.find((m) => m.metric === 'cost_per_order')!.winner).toBe('B');
  });

  it('a budget below every price rule for the followers given prices Plan A by the rules and says so; within them, it pays the budget', () => {
    // 500,000 followers: cent rule $5,000, GRIN $2,000–4,500, Traackr at the expected 1.55%: 7,750 engagements
    // × $0.15 = $1,162.50, the cheapest, which the budget is set beside; the expected rate is the low end
    // of the range, so it is also the lowest fee Plan A may pay.
    const below = comparisonOf({ budget: '500', big_followers: '500k' });
    expect(below.scenario.assumptions.fee_a.value).toEqual({ low: 1_162.5, expected: 5_000, high: 5_000 });
    expect(below.budget!.rulesForA).toEqual({ low: 1_162.5, high: 5_000, at: 'at the expected 1.55% engagement rate' });
    expect(below.a.metrics.cost).toEqual({ low: 1_162.5, expected: 5_000, high: 5_000 });
    expect(below.budget).toMatchObject({ feeA: 'rules', overA: true, overB: false });
    expect(below.scenario.assumptions.fee_a.rule).toContain('below all of them');
    const within = comparisonOf({ budget: '2000', big_followers: '500k' });
    expect(within.a.metrics.cost).toEqual(single(2_000));
    expect(within.budget).toMatchObject({ feeA: 'budget', overA: false });
    expect(within.scenario.assumptions.fee_a.rule).toContain('the price rules give $1,163–$5,000 for 500,000 followers');
  });

  it('refuses a budget that would buy more followers than Tierbot models ($100M at a cent each), unless big_followers is given', () => {
    const parsed = parseCompareInput({ budget: '200M' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.option).toBe('budget');
      expect(parsed.reason).toContain('Without big_followers, the most is $100M, and $200M is over it');
      expect(parsed.accepted).toContain('from $100 (one micro-influencer’s fee) to $100M');
    }
    const most = comparisonOf({ budget: '100M' });
    expect(most.a.metrics.followers!.expected).toBe(10_000_000_000);
    expect(most.a.metrics.cost!.expected).toBe(100_000_000);
    expect(most.budget!.countCapped).toBe(false); // 1,000,000 × $100 spends it exactly
    const given = comparisonOf({ budget: '200M', big_followers: '1M' });
    expect(given.a.metrics.cost!.expected).toBe(200_000_000);
    // Plan B stops at 1,000,000 micros ($100M): the budget line must say the rest is unspent.
    expect(given.budget).toMatchObject({ countCapped: true, costB: 100_000_000 });
  });

  it('a budget below one micro fee is an input error naming the smallest useful budget', () => {
    const parsed = parseCompareInput({ budget: '50' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.option).toBe('budget');
      expect(parsed.reason).toContain('the smallest useful budget is $100');
    }
  });
});

describe('/compare fully custom (worked by hand)', () => {
  const input: CompareInput = {
    big_followers: '250k',
    big_fee: '2500',
    big_engagement: '2',
    big_reach: '20',
    micro_count: '25',
    micro_followers: '8000',
    micro_fee: '120',
    micro_engagement: '4',
    micro_reach: '30',
    click_through: '1',
    conversion: '3',
    order_value: '40',
    overlap: '20',
  };
  const c = comparisonOf(input);

  it('runs both plans through the same steps', () => {
    const A = c.a.metrics;
    const B = c.b.metrics;
    // A: reach 250,000 × 20% = 50,000; engagements 5,000; visits 500; orders 15; revenue $600; cost $2,500.
    expect([A.reach!.expected, A.engagements!.expected, A.visits!.expected].map(Math.round)).toEqual([50_000, 5_000, 500]);
    close(A.orders!.expected, 15);
    close(A.revenue!.expected, 600);
    close(A.cpe!.expected, 0.5);
    close(A.cost_per_order!.expected, 166.6667, 3);
    close(A.roi!.expected, -76);
    // CPM: $2,500 ÷ 50,000 × 1,000 = $50, down to $40 at 1.25 impressions per reached account.
    expect([A.cpm!.low, A.cpm!.expected, A.cpm!.high].map((x) => Number(x.toFixed(6)))).toEqual([40, 50, 50]);
    // B: 25 × 8,000 × 30% × (1 − 20%) = 48,000; engagements 25 × 8,000 × 4% = 8,000; visits 480; orders 14.4.
    expect([B.reach!.expected, B.engagements!.expected, B.visits!.expected].map(Math.round)).toEqual([48_000, 8_000, 480]);
    close(B.orders!.expected, 14.4);
    close(B.cost!.expected, 3_000);
    close(B.cpe!.expected, 0.375);
    close(B.cost_per_order!.expected, 208.3333, 3);
  });

  it('splits the verdict two and two, and it holds: only the shared frequency still varies', () => {
    expect(c.verdict.measures.map((m) => m.winner)).toEqual(['A', 'B', 'B', 'A']);
    expect(c.verdict.leader).toBe('tie');
    expect(robustnessText(c)).toBe('The verdict holds across every sourced range, and across the ranges of Tierbot’s own assumptions.');
    expect(c.unequalCosts).toBe(true); // $2,500 vs $3,000 differ by more than $120
    expect(equalBudget(c)).toMatchObject({ kind: 'rerun', influencers: 20, overrides: { micro_count: 20 } }); // $2,500 ÷ $120
  });
});

describe('labels: sourced, extrapolated or assumed', () => {
  it('TikTok has no recorded reach rate: Minter.io’s Instagram figure, labelled a Tierbot assumption as SOURCES.md requires, across every recorded figure', () => {
    const c = comparisonOf({ platform: 'tiktok' });
    const reach = c.scenario.assumptions.reach_rate_a;
    expect(reach.basis).toBe('assumption');
    // Minter.io's 22.885% for 100k–1M, raised so that 100,000 reach as many as 99,999 do at 22.945%.
    // Written as its working gives it, and at a glance as 22.945%, the 22,945 people it reaches.
    expect(reach.value).toEqual({ low: 15, expected: (99_999 * 22.945) / 100_000, high: 37.72, raised: { working: '22.9448%', glance: '22.945%' } });
    expect(reach.rule).toContain(
      'Minter.io 2019\'s Instagram median for 100k–1M followers (22.885%); Tierbot raises it to 22.9448% here (99,999 × 22.945% ÷ 100,000)',
    );
    // TikTok 100k–1M: no figure; the midpoint of IMH's micro 18% and mega 5% is an assumption, spanning both,
    // raised to what 99,999 get at the micro 18%: 11.5% of 100,000 (11,500) is fewer than 18% of 99,999 (17,999.82).
    const er = c.scenario.assumptions.engagement_rate_a;
    expect(er.basis).toBe('assumption');
    // At a glance too it keeps its digits: 18% would read as the range's high end, the micro 18%.
    expect(er.value).toEqual({ low: 5, expected: (99_999 * 18) / 100_000, high: 18, raised: { working: '17.9998%', glance: '17.9998%' } });
    // The source gives TikTok's pair as approximate ("≈18% vs ≈5%"), and so do the words.
    expect(er.rule).toContain(
      'Tierbot assumes the midpoint (11.5%) of the “micro” rate (about 18%) and the “mega” rate (about 5%) that Influencer Marketing Hub 2021 (as reported by ION) gives',
    );
    expect(er.rule).toContain(
      'Tierbot raises it to 17.9998% here (99,999 × 18% ÷ 100,000), so that 100,000 followers get no fewer engagements than 99,999 followers do',
    );
    // Under 100k, IMH's micro figure read as under 100,000: an extrapolation.
    expect(c.scenario.assumptions.engagement_rate_b.basis).toBe('extrapolated');
    expect(c.scenario.assumptions.engagement_rate_b.rule).toContain("gives TikTok's “micro” tier about 18%, but");
  });

  it('YouTube’s pair is not approximate: its rates and their midpoint are written without "about"', () => {
    const c = comparisonOf({ platform: 'youtube' });
    expect(c.scenario.assumptions.engagement_rate_a.rule).toContain(
      'Tierbot assumes the midpoint (1.005%) of the “micro” rate (1.64%) and the “mega” rate (0.37%) that Influencer Marketing Hub 2021 (as reported by ION) gives, read as by subscribers',
    );
    expect(c.scenario.assumptions.engagement_rate_b.rule).toContain("gives YouTube's “micro” tier 1.64%, but");
  });

  it('Instagram defaults: Plan A’s reach and engagement rates are held at a band’s edge, a Tierbot assumption; Plan B’s and the fees are sourced; conversion and order value beyond the Kardashian case are extrapolations', () => {
    const c = comparisonOf({});
    for (const k of ['reach_rate_a', 'engagement_rate_a'] as const) expect(c.scenario.assumptions[k].basis).toBe('assumption');
    expect(c.scenario.assumptions.reach_rate_a.rule).toBe(
      'Minter.io 2019, median Instagram post reach for 100k–1M followers: 22.885%; Tierbot raises it to 22.9448% here (99,999 × 22.945% ÷ 100,000), ' +
        'so that 100,000 followers get no fewer people reached than 99,999 followers do: a bigger account is not assumed to do worse',
    );
    expect(c.scenario.assumptions.reach_rate_a.rangeNote).toBe("the source's figure for 100,000 followers up to the raised rate");
    expect(c.scenario.assumptions.engagement_rate_a.rule).toBe(
      'HypeAuditor 2018, average (likes + comments) ÷ followers for 100k–1M followers: 1.55%; Tierbot raises it to 1.61998% here (99,999 × 1.62% ÷ 100,000), ' +
        'so that 100,000 followers get no fewer engagements than 99,999 followers do: a bigger account is not assumed to do worse',
    );
    for (const k of ['reach_rate_b', 'engagement_rate_b', 'fee_a', 'fee_b'] as const) expect(c.scenario.assumptions[k].basis).toBe('sourced');
    expect(c.scenario.assumptions.conversion.basis).toBe('extrapolated');
    // Bazaarvoice's 36% for accounts under 10k widens the reach rate of a 5,000-follower micro.
    expect(comparisonOf({ micro_followers: '5k' }).scenario.assumptions.reach_rate_b.value).toEqual({ low: 36, expected: 37.72, high: 37.72 });
  });

  it('Kardashian with a given engagement rate: Plan A’s engagements and CPE are then estimated and counted', () => {
    const c = comparisonOf({ preset: 'kardashian', big_engagement: '0.1', big_fee: '10k' });
    // 15,000,000 × 0.1% = 15,000 engagements; $10,000 ÷ 15,000 = $0.67.
    expect(c.a.metrics.engagements!.expected).toBeCloseTo(15_000, 6);
    expect(c.a.metrics.cpe!.expected).toBeCloseTo(10_000 / 15_000, 9);
    expect(c.verdict.measures.find((m) => m.metric === 'engagements')!.winner).toBe('A');
  });
});

describe('not reported or not defined', () => {
  it('a reach rate of 0 leaves CPM not defined (a divisor is zero) and the plan with no orders; the tweet’s unknown reach is not reported', () => {
    const c = comparisonOf({ micro_reach: '0' });
    expect(c.b.metrics.cpm).toBeNull();
    expect(missingReason(c.b, 'cpm')).toBe('not defined');
    expect(missingReason(c.b, 'cost_per_order')).toBe('no orders');
    expect(c.notes.find((n) => n.startsWith('CPM for reference'))).toContain('Plan B not defined');
    const rows = exportRows(c);
    expect(rows.find((r) => r.plan === 'B' && r.metric === 'cpm')!.source).toBe('not defined (a divisor is zero)');
    const k = comparisonOf({ preset: 'kardashian' });
    expect(missingReason(k.a, 'reach')).toBe('not reported');
    expect(missingReason(k.a, 'cpm')).toBe('not reported');
    expect(missingReason(k.a, 'cpe')).toBe('not reported');
    // The tweet with a $0 fee: ROI divides by a cost of zero, whatever is reported.
    expect(missingReason(comparisonOf({ preset: 'kardashian', big_fee: '0' }).a, 'roi')).toBe('not defined');
  });
});

describe('export rows', () => {
  it('has every plan metric for both plans, then the inputs, with empty values where not reported', () => {
    const rows = exportRows(comparisonOf({ preset: 'kardashian' }));
    expect(rows.filter((r) => r.plan === 'A').map((r) => r.metric)).toEqual([...METRIC_NAMES]);
    expect(rows.filter((r) => r.plan === 'B').map((r) => r.metric)).toEqual([...METRIC_NAMES]);
    expect(rows.filter((r) => r.plan === 'assumption').map((r) => r.metric)).toEqual([...ASSUMPTION_KEYS]);
    const reachA = rows.find((r) => r.plan === 'A' && r.metric === 'reach')!;
    expect([reachA.low, reachA.expected, reachA.high]).toEqual([null, null, null]);
    const ordersA = rows.find((r) => r.plan === 'A' && r.metric === 'orders')!;
    expect([ordersA.low, ordersA.expected, ordersA.high, ordersA.source]).toEqual([30, 30, 30, 'observed (TapInfluence blog)']);
    for (const r of rows) expect(r.source).not.toMatch(/seed|SOURCES\.md|§/);
  });
});

// ── Properties ────────────────────────────────────────────────────────────────────────────────

const percent = fc.double({ min: 0, max: 100, noNaN: true }).map((x) => Math.round(x * 10_000) / 10_000);
const money = fc.oneof(fc.integer({ min: 0, max: 100_000_000 }), fc.constant(0)).map((x) => x / 100);
/** Followers spread evenly over every order of magnitude up to `most`, so each tier's edge is crossed as often as the next. */
const followersOfAnySize = (most: number) =>
  fc.noBias(fc.integer({ min: 0, max: 1_000_000 })).map((i) => Math.max(MIN_FOLLOWERS, Math.round(most ** (i / 1_000_000))));

const followers = followersOfAnySize(MAX_FOLLOWERS);

const anyValue = {
  preset: fc.constantFrom(...PRESETS),
  platform: fc.constantFrom(...PLATFORMS),
  big_followers: followers,
  big_fee: money,
  micro_count: fc.oneof(fc.integer({ min: 1, max: 5_000 }), fc.integer({ min: 1, max: MAX_MICRO_COUNT })),
  micro_followers: followers,
  micro_fee: money,
  big_engagement: percent,
  micro_engagement: percent,
  conversion: percent,
  order_value: money,
  overlap: percent,
  click_through: percent,
  big_reach: percent,
  micro_reach: percent,
};
const optionNames = Object.keys(anyValue) as (keyof typeof anyValue)[];

/**
 * Options as a user could give them, before they are made to fit together (withOptionsThatFit):
 * any number of them, from none to all, so that many scenarios keep the sources' ranges (and so
 * their break-evens) and many give a value for nearly everything.
 */
const anyOverrides: fc.Arbitrary<Overrides> = fc
  .tuple(
    fc.record(anyValue),
    fc.integer({ min: 0, max: optionNames.length }).chain((n) => fc.shuffledSubarray(optionNames, { minLength: n, maxLength: n })),
  )
  .map(([all, given]) => Object.fromEntries(given.map((name) => [name, all[name]])) as Overrides);

/** Plan B's fee each as the scenario prices it (the user's micro_fee, else the rules' at its followers and engagement). */
function microFeeOf(o: Overrides): number {
  const { budget: _budget, big_fee: _bigFee, ...rest } = o;
  const built = buildScenario({ ...rest, micro_count: 1 });
  if (!built.ok) throw new Error(`${built.option}: ${built.reason}`);
  return built.scenario.assumptions.fee_b.value!.expected;
}

/**
 * `o` changed as little as it takes for buildScenario to accept it: the Kardashian preset keeps
 * its own followers; a budget (`budgetInFees` micro fees) comes without big_fee or micro_count and
 * buys at least one micro-influencer (and, without big_followers, no more followers than Tierbot
 * models); without a budget, Plan B's followers in all stay within what Tierbot models.
 */
function withOptionsThatFit(o: Overrides, budgetInFees: number | null): Overrides {
  const out: Overrides = { ...o };
  if (out.preset === 'kardashian') delete out.big_followers;
  if (budgetInFees !== null) {
    delete out.micro_count;
    delete out.big_fee;
    // Free micro-influencers: no number of them spends a budget.
    if (microFeeOf(out) < SMALLEST_FEE) out.micro_fee = SMALLEST_FEE;
    const fee = microFeeOf(out);
    const most = out.big_followers === undefined && out.preset !== 'kardashian' ? MAX_BUDGET_FOR_FOLLOWERS : MAX_MONEY;
    const budget = Math.min(Math.ceil(fee * budgetInFees * 100) / 100, most);
    if (budget >= fee) return { ...out, budget };
  }
  const count = out.micro_count ?? DEFAULT_MICRO_COUNT;
  if (out.micro_followers !== undefined) out.micro_followers = Math.min(out.micro_followers, Math.floor(MAX_FOLLOWERS / count));
  else if (count * DEFAULT_MICRO_FOLLOWERS > MAX_FOLLOWERS) out.micro_followers = Math.floor(MAX_FOLLOWERS / count);
  return out;
}

/** Scenarios buildScenario accepts, about half of them with a budget. */
const overridesArb: fc.Arbitrary<Overrides> = fc
  .tuple(anyOverrides, fc.option(fc.double({ min: 1, max: 10_000, noNaN: true }), { freq: 2 }))
  .map(([o, budgetInFees]) => withOptionsThatFit(o, budgetInFees));

function scenarioOf(o: Overrides): Scenario {
  const built = buildScenario(o);
  if (!built.ok) throw new Error(`${JSON.stringify(o)} refused: ${built.option}: ${built.reason}`);
  return built.scenario;
}

/** The model's own names for its inputs and measures, which a reader never sees (they read "Plan B fee", "cost per order"). */
const INTERNAL_NAMES = [...[...ASSUMPTION_KEYS, ...METRIC_NAMES].filter((name) => name.includes('_')), 'cpe', 'cpm', 'roi', 'roas'];

describe('properties', () => {
  it('low ≤ expected ≤ high for every metric of both plans', () => {
    let checked = 0;
    fc.assert(
      fc.property(overridesArb, (o) => {
        const c = comparePlans(scenarioOf(o));
        for (const p of [c.a, c.b]) {
          for (const m of METRIC_NAMES) {
            const r = p.metrics[m];
            if (r === null) continue;
            expect(r.low).toBeLessThanOrEqual(r.expected);
            expect(r.expected).toBeLessThanOrEqual(r.high);
            checked++;
          }
        }
      }),
      { numRuns: 300 },
    );
    // Most plans report most of the eleven metrics: a run that compared next to nothing checked nothing.
    expect(checked).toBeGreaterThan(300 * 2 * 5);
  });

  it('doubling one plan’s followers, everything else equal, never lowers its reach (low, expected or high)', () => {
    let checked = 0;
    fc.assert(
      fc.property(overridesArb, fc.constantFrom('A', 'B'), followersOfAnySize(MAX_FOLLOWERS / 2), (fitted, plan, wanted) => {
        // Plan A's followers: not the Kardashian preset's own. Plan B's: a fee of their own would follow
        // the followers, and a budget buy a different count; so the fee is held, and the count under the cap.
        const o: Overrides = plan === 'A' ? { ...fitted, preset: 'ten-micro' } : { ...fitted, micro_fee: Math.max(SMALLEST_FEE, Math.floor(microFeeOf(fitted) * 100) / 100) };
        const count = plan === 'B' && o.budget === undefined ? (o.micro_count ?? DEFAULT_MICRO_COUNT) : 1;
        const f = Math.max(MIN_FOLLOWERS, Math.min(wanted, Math.floor(MAX_FOLLOWERS / count / 2)));
        const key = plan === 'A' ? 'big_followers' : 'micro_followers';
        const one = scenarioOf({ ...o, [key]: f });
        const two = scenarioOf({ ...o, [key]: 2 * f });
        // The most micro-influencers Tierbot models falls as their followers grow: past it, a budget buys fewer.
        fc.pre(one.b.influencers === two.b.influencers);
        const r1 = comparePlans(one)[plan === 'A' ? 'a' : 'b'].metrics.reach;
        const r2 = comparePlans(two)[plan === 'A' ? 'a' : 'b'].metrics.reach;
        if (r1 === null || r2 === null) return;
        expect(r2.low).toBeGreaterThanOrEqual(r1.low);
        expect(r2.expected).toBeGreaterThanOrEqual(r1.expected);
        expect(r2.high).toBeGreaterThanOrEqual(r1.high);
        checked++;
      }),
      { numRuns: 300 },
    );
    expect(checked).toBeGreaterThan(250);
  });

  it('every counted measure and break-even is a real number; the verdict text never shows internal names', () => {
    let checked = 0;
    let breakEvens = 0;
    fc.assert(
      fc.property(overridesArb, (o) => {
        const c = comparePlans(scenarioOf(o));
        expect(c.verdict.measures.map((m) => m.metric)).toEqual([...COUNTED]);
        for (const d of [...c.verdict.deciders, ...(c.verdict.jointly?.deciders ?? [])]) {
          for (const f of d.flips) {
            expect(Number.isFinite(f.breakEven)).toBe(true);
            breakEvens++;
          }
        }
        const text = `${verdictHeadline(c)} ${robustnessText(c)} ${c.title} ${c.notes.join(' ')}`;
        expect(text).not.toMatch(/seed|SOURCES\.md|§|undefined|NaN|Infinity/);
        for (const name of INTERNAL_NAMES) expect(text).not.toMatch(new RegExp(`\\b${name}\\b`));
        checked++;
      }),
      { numRuns: 150 },
    );
    expect(checked).toBe(150);
    expect(breakEvens).toBeGreaterThan(50);
  });

  it('every numeric option parses from the forms it accepts', () => {
    for (const name of OPTION_NAMES) {
      if (name === 'preset' || name === 'platform') continue;
      const sample = { money: '$1,000', followers: '10k', influencers: '10', percent: '2.5%' }[OPTION_KIND[name]];
      const parsed = parseCompareInput({ [name]: sample });
      expect(parsed.ok || parsed.option === 'budget').toBe(true);
    }
  });
});
