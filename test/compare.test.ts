import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ASSUMPTION_LABEL, ENGAGEMENT_BANDS, PLATFORMS, engagementBand } from '../src/domain/benchmarks';
import {
  MAX_ENCODED_LENGTH,
  MAX_MICRO_COUNT,
  METRICS,
  OPTION_NAMES,
  comparePlans,
  decodeScenario,
  encodeScenario,
  equalBudgetScenario,
  nearlyEqual,
  parseCompareInput,
  type CompareInput,
  type Comparison,
  type Scenario,
} from '../src/domain/compare';
import { MAX_FOLLOWERS } from '../src/domain/followers';
import { MAX_MONEY } from '../src/domain/units';

function scenario(input: CompareInput = {}): Scenario {
  const parsed = parseCompareInput(input);
  if (!parsed.ok) throw new Error(`${parsed.option}: ${parsed.reason}`);
  return parsed.scenario;
}

const compare = (input: CompareInput = {}): Comparison => comparePlans(scenario(input));

function withMicro(s: Scenario, field: 'engagement' | 'fee', value: number): Scenario {
  return { ...s, micro: { ...s.micro, [field]: { ...s.micro[field], value } } };
}


/** The assumptions a user can set, in the order the reply lists them. */
const USER_SETTABLE = [
  'platform',
  'big_followers',
  'big_fee',
  'big_engagement',
  'micro_count',
  'micro_followers',
  'micro_fee',
  'micro_engagement',
  'overlap',
  'conversion',
  'order_value',
];

describe('defaults: 10 × 10,000 against 1 × 100,000 (seed 003, seed 001)', () => {
  const c = compare();

  it('uses the seed scenario, cited defaults and Instagram', () => {
    const s = c.scenario;
    expect(s.big.followers.value).toBe(100_000);
    expect(s.micro.count.value).toBe(10);
    expect(s.micro.followers.value).toBe(10_000);
    expect(s.platform.value).toBe('instagram');
    expect(s.big.followers.source?.title).toContain('seed 003');
    // Fee rule: $100 per 10,000 followers → 100,000 × $0.01 = $1,000; 10,000 × $0.01 = $100.
    expect(s.big.fee.value).toBe(1000);
    expect(s.micro.fee.value).toBe(100);
    // Markerly 2016: 10k–100k 2.37%; 100k–1M not reported → midpoint (2.37 + 1.66) ÷ 2 = 2.015%, labelled.
    expect(s.micro.engagement.value).toBe(2.37);
    expect(s.big.engagement.value).toBe(2.015);
    expect(s.big.engagement.basis).toBe('assumption');
    expect(s.big.engagement.note).toContain('did not report 100k–1M');
    // Seed 003 Kardashian case: 30 ÷ 1,200 = 2.5%; $30 orders. Overlap 0%, labelled assumption.
    expect(s.conversion.value).toBe(2.5);
    expect(s.conversion.basis).toBe('derived');
    expect(s.orderValue.value).toBe(30);
    expect(s.overlap.value).toBe(0);
    expect(s.overlap.note).toContain(ASSUMPTION_LABEL);
  });

  it('Plan A: 1 × 100,000 at $1,000, 2.015%', () => {
    expect(c.a).toMatchObject({
      cost: 1000,
      uniqueAudience: 100_000,
      impressions: 100_000, // 1 × 100,000
      engagements: 2015, // 100,000 × 2.015%
      cpm: 10, // 1,000 ÷ 100,000 × 1,000
      clicks: 2015, // unique 100,000 × 2.015% × 100% visits per engagement
      orders: 50.375, // 2,015 × 2.5%
      revenue: 1511.25, // 50.375 × $30
      roi: 51.125, // (1,511.25 − 1,000) ÷ 1,000 × 100
      roas: 1.51125,
    });
    expect(c.a.cpe).toBeCloseTo(1000 / 2015, 12); // $0.4963
    expect(c.a.costPerOrder).toBeCloseTo(1000 / 50.375, 12); // $19.85
  });

  it('Plan B: 10 × 10,000 at $100 each, 2.37%', () => {
    expect(c.b).toMatchObject({
      cost: 1000, // 10 × $100
      uniqueAudience: 100_000, // overlap 0%: 10 × 10,000
      impressions: 100_000,
      engagements: 2370, // 100,000 × 2.37%
      cpm: 10,
      clicks: 2370,
      orders: 59.25, // 2,370 × 2.5%
      revenue: 1777.5, // 59.25 × $30
      roi: 77.75, // (1,777.50 − 1,000) ÷ 1,000 × 100
      roas: 1.7775,
    });
    expect(c.b.cpe).toBeCloseTo(1000 / 2370, 12); // $0.4219
  });

  it('marks winners: ties on cost, audience, impressions and CPM; B on the rest', () => {
    expect(c.winners).toEqual({
      cost: 'tie',
      uniqueAudience: 'tie',
      impressions: 'tie',
      engagements: 'B',
      cpe: 'B',
      cpm: 'tie',
      clicks: 'B',
      orders: 'B',
      revenue: 'B',
      costPerOrder: 'B',
      roi: 'B',
      roas: 'B',
    });
    expect(c.verdict).toBe(
      'Plan B wins on both cost per engagement ($0.42 vs $0.50) and ROI (77.8% vs 51.1%). ' +
        'Plan A (1 × 100,000 followers at $1,000) wins 0 of 12 measures, Plan B (10 × 10,000 followers at $100 each) 8, 4 tied.',
    );
  });

  it('break-evens: micro engagement 2.015% (ties both), micro fee $117.62', () => {
    // CPE tie: e = cost_B ÷ (10 × 10,000 × CPE_A) = 1,000 ÷ (100,000 × 1,000/2,015) = 2.015%.
    expect(c.breakEven.cpe.microEngagement.value).toBeCloseTo(2.015, 10);
    // Fee: CPE_A × engagements_B ÷ 10 = (1,000/2,015) × 2,370 ÷ 10 = $117.62.
    expect(c.breakEven.cpe.microFee.value).toBeCloseTo(117.6179, 4);
    // ROI tie (= ROAS tie): e = 1,000 × 1.51125 ÷ (100,000 × 2.5% × $30) = 2.015%.
    expect(c.breakEven.roi.microEngagement.value).toBeCloseTo(2.015, 10);
    // Fee: revenue_B ÷ (10 × ROAS_A) = 1,777.50 ÷ 15.1125 = $117.62.
    expect(c.breakEven.roi.microFee.value).toBeCloseTo(117.6179, 4);
  });

  it('lists every assumption with its origin and a source or label', () => {
    const keys = c.assumptions.map((a) => a.key);
    expect(keys).toEqual([...USER_SETTABLE, 'clicks_per_engagement', 'reach']);
    for (const a of c.assumptions) {
      expect(a.origin).toBe('default');
      expect(a.source.length).toBeGreaterThan(10);
      if (a.basis === 'assumption') expect(a.source).toContain(ASSUMPTION_LABEL);
    }
    expect(c.assumptions.find((a) => a.key === 'big_fee')?.source).toContain('USA Today; Shopify');
    expect(c.assumptions.find((a) => a.key === 'micro_engagement')?.source).toContain('Markerly');
  });

  it('says where the sources disagree, and gives the CPM reference', () => {
    const text = c.disagreements.join('\n');
    expect(text).toContain('InfluencerDB 2019');
    expect(text).toContain('Influencer Marketing Hub 2021');
    expect(text).toContain('Per-tier tables');
    expect(c.caveats.join('\n')).toContain('Word on the Block, 2023');
    expect(c.caveats.join('\n')).toContain('$6.50');
  });
});

describe('presets', () => {
  it("'ten-micro' is the default scenario, marked as the preset", () => {
    const preset = compare({ preset: 'ten-micro' });
    const plain = compare();
    expect(preset.a).toEqual(plain.a);
    expect(preset.b).toEqual(plain.b);
    expect(preset.scenario.big.followers.origin).toBe('preset');
    expect(preset.scenario.micro.count.origin).toBe('preset');
  });

  it("'kardashian': 15,000,000 followers → 1,200 visits → 30 orders × $30 = $900, exactly", () => {
    const c = compare({ preset: 'kardashian' });
    expect(c.scenario.big.engagement.value).toBe(0.008); // 1,200 ÷ 15,000,000 = 0.008%
    expect(c.scenario.big.engagement.note).toContain('website visit');
    expect(c.a.engagements).toBe(1200);
    expect(c.a.clicks).toBe(1200);
    expect(c.a.orders).toBe(30);
    expect(c.a.revenue).toBe(900);
    // Default fee by the rule: 15,000,000 × $0.01 = $150,000; Ad Age's $300k–500k shown as a disagreement.
    expect(c.a.cost).toBe(150_000);
    expect(c.a.cpe).toBe(125); // 150,000 ÷ 1,200 visits
    expect(c.a.costPerOrder).toBe(5000); // 150,000 ÷ 30
    expect(c.a.roi).toBeCloseTo(-99.4, 10); // (900 − 150,000) ÷ 150,000 × 100
    expect(c.disagreements.join('\n')).toContain('Ad Age 2020');
    expect(c.caveats.join('\n')).toContain('CPE compares unlike things');
  });

  it('kardashian with a $10,000 fee: CPE $8.33 per visit, $333.33 per order, ROI −91%', () => {
    const c = compare({ preset: 'kardashian', big_fee: '$10,000' });
    expect(c.a.cost).toBe(10_000);
    expect(c.a.cpe).toBeCloseTo(8.33, 2); // 10,000 ÷ 1,200 visits
    expect(c.a.costPerOrder).toBeCloseTo(333.33, 2); // 10,000 ÷ 30
    expect(c.a.roi).toBe(-91); // (900 − 10,000) ÷ 10,000 × 100
    expect(c.a.roas).toBe(0.09); // 900 ÷ 10,000
    expect(c.disagreements.join('\n')).not.toContain('Ad Age 2020'); // the fee is the user's
    // Plan B, 10 × 10,000 at $100: ROI 77.75% → B wins ROI and CPE; A wins reach (audience, impressions, CPM).
    expect(c.winners).toMatchObject({ roi: 'B', cpe: 'B', uniqueAudience: 'A', impressions: 'A', cpm: 'A' });
  });
});

describe('budget mode', () => {
  it('a budget too small for the big influencer says so and buys micros', () => {
    const c = compare({ budget: '$500' });
    // $500 ÷ $100 = 5 micros; the big one costs $1,000, $500 more.
    expect(c.scenario.micro.count).toMatchObject({ value: 5, origin: 'budget' });
    expect(c.budget).toMatchObject({ budget: 500, bigFee: 1000, bigAffordable: false, bigShortfall: 500, microsAffordable: 5 });
    expect(c.budget?.sentence).toBe(
      'A budget of $500 cannot buy the big influencer: the fee is $1,000, $500 more than the budget. It buys 5 micro-influencers at $100 each.',
    );
    expect(c.a.withinBudget).toBe(false);
    expect(c.b.withinBudget).toBe(true);
    expect(c.b.cost).toBe(500);
    expect(c.b.engagements).toBe(1185); // 5 × 10,000 × 2.37%
    expect(c.verdict).toContain('The budget cannot buy Plan A.');
  });

  it('a budget that covers the big influencer buys 25 micros against it', () => {
    const c = compare({ budget: '2.5k' });
    // $2,500 ÷ $100 = 25 micros; big fee $1,000 leaves $1,500.
    expect(c.b.count).toBe(25);
    expect(c.budget?.bigAffordable).toBe(true);
    expect(c.budget?.sentence).toBe(
      'A budget of $2,500 buys the big influencer (fee $1,000), leaving $1,500. It buys 25 micro-influencers at $100 each.',
    );
  });

  it('rounds down: $1,050 at $300 each buys 3', () => {
    const c = compare({ budget: '$1,050', micro_fee: '$300' });
    expect(c.b.count).toBe(3);
    expect(c.b.cost).toBe(900);
  });

  it('a typed micro_count wins over the budget, with a note when it is over budget', () => {
    const c = compare({ budget: '$500', micro_count: '20' });
    expect(c.b.count).toBe(20);
    expect(c.b.withinBudget).toBe(false);
    expect(c.budget?.sentence).toContain('Plan B as chosen (20) costs $2,000, over the budget.');
  });

  it('a budget below one micro fee leaves Plan B empty, without NaN', () => {
    const c = compare({ budget: '$50' });
    expect(c.b.count).toBe(0);
    expect(c.budget?.sentence).toContain('cannot buy a single micro-influencer');
    expect(c.b).toMatchObject({ cost: 0, engagements: 0, cpe: null, cpm: null, costPerOrder: null, roi: null, roas: null });
    expect(c.winners.roi).toBeNull();
  });

  it('free micros: any budget buys any number, the count stays at the default', () => {
    const c = compare({ budget: '$500', micro_fee: '0' });
    expect(c.b.count).toBe(10);
    expect(c.budget?.microsAffordable).toBeNull();
  });
});

describe('overrides', () => {
  it('TikTok, 1.2M against 25 × 40k at $300 with 20% overlap', () => {
    const c = compare({
      platform: 'TikTok',
      big_followers: '1.2M',
      micro_count: '25',
      micro_followers: '40k',
      micro_fee: '$300',
      overlap: '20%',
    });
    // IMH 2021: TikTok mega ≈5% (from 1M), micro ≈18% (under 100k).
    expect(c.scenario.big.engagement.value).toBe(5);
    expect(c.scenario.micro.engagement.value).toBe(18);
    // Plan A: fee 1,200,000 × $0.01 = $12,000; engagements 1,200,000 × 5% = 60,000; CPE $0.20;
    // CPM 12,000 ÷ 1,200,000 × 1,000 = $10; orders 60,000 × 2.5% = 1,500; revenue $45,000; ROI 275%.
    expect(c.a).toMatchObject({ cost: 12_000, engagements: 60_000, cpe: 0.2, cpm: 10, orders: 1500, revenue: 45_000, roi: 275, roas: 3.75 });
    // Plan B: 25 × 40,000 = 1,000,000 impressions; unique = 1,000,000 × (1 − 20%) = 800,000;
    // cost 25 × $300 = $7,500; engagements 1,000,000 × 18% = 180,000; clicks 800,000 × 18% = 144,000;
    // orders 3,600; revenue $108,000; ROI (108,000 − 7,500) ÷ 7,500 = 1,340%.
    expect(c.b).toMatchObject({ cost: 7500, impressions: 1_000_000, uniqueAudience: 800_000, engagements: 180_000, cpm: 7.5 });
    expect(c.b.clicks).toBeCloseTo(144_000, 6);
    expect(c.b.orders).toBeCloseTo(3600, 6);
    expect(c.b.revenue).toBeCloseTo(108_000, 6);
    expect(c.b.roi).toBeCloseTo(1340, 6);
    expect(c.b.cpe).toBeCloseTo(7500 / 180_000, 12);
    expect(c.winners).toMatchObject({ cost: 'B', uniqueAudience: 'A', impressions: 'A', cpe: 'B', cpm: 'B', costPerOrder: 'B', roi: 'B' });
    // Break-even CPE engagement: 7,500 × 100 ÷ (1,000,000 × 0.20) = 3.75%; fee 0.20 × 180,000 ÷ 25 = $1,440.
    expect(c.breakEven.cpe.microEngagement.value).toBeCloseTo(3.75, 10);
    expect(c.breakEven.cpe.microFee.value).toBeCloseTo(1440, 8);
    // ROI: revenue per point = 800,000 × 2.5% × $30 ÷ 100 = $6,000; e = 7,500 × 3.75 ÷ 6,000 = 4.6875%.
    expect(c.breakEven.roi.microEngagement.value).toBeCloseTo(4.6875, 10);
    // Fee: 108,000 ÷ (25 × 3.75) = $1,152.
    expect(c.breakEven.roi.microFee.value).toBeCloseTo(1152, 8);
    expect(c.disagreements.join('\n')).toContain('HypeAuditor 2023');
  });

  it('YouTube with typed rates, conversion and order value', () => {
    const c = compare({
      platform: 'youtube',
      big_followers: 500_000,
      big_fee: 5000,
      big_engagement: '1%',
      micro_count: 5,
      micro_followers: '20,000',
      micro_fee: '$400',
      micro_engagement: 3,
      conversion: '4',
      order_value: '$50',
      overlap: 50,
    });
    // A: 500,000 × 1% = 5,000 engagements, CPE $1; orders 5,000 × 4% = 200; revenue $10,000; ROI 100%.
    expect(c.a).toMatchObject({ engagements: 5000, cpe: 1, orders: 200, revenue: 10_000, roi: 100 });
    // B: 5 × 20,000 = 100,000; unique max(20,000, 100,000 × 50%) = 50,000; engagements 3,000, cost $2,000,
    // CPE $0.667; clicks 50,000 × 3% = 1,500; orders 60; revenue $3,000; ROI 50%.
    expect(c.b).toMatchObject({ cost: 2000, uniqueAudience: 50_000, engagements: 3000, clicks: 1500, orders: 60, revenue: 3000, roi: 50 });
    expect(c.winners).toMatchObject({ cpe: 'B', roi: 'A', revenue: 'A' });
    expect(c.verdict).toMatch(/^Plan B wins on cost per engagement \(\$0\.67 vs \$1\); Plan A wins on ROI \(100% vs 50%\)\./);
    expect(c.assumptions.filter((a) => a.origin === 'given').map((a) => a.key)).toEqual(USER_SETTABLE);
    expect(c.disagreements).toEqual([]); // nothing defaulted that the sources disagree on
  });

  it('overlap never shrinks the micros below one audience: 2 × 10k at 90% → 10,000', () => {
    expect(compare({ micro_count: 2, overlap: 90 }).b.uniqueAudience).toBe(10_000);
    expect(compare({ micro_count: 1, overlap: 100 }).b.uniqueAudience).toBe(10_000);
  });

  it('zero engagement: CPE not defined, break-evens say why', () => {
    const c = compare({ big_engagement: 0 });
    expect(c.a.cpe).toBeNull();
    expect(c.winners.cpe).toBeNull();
    expect(c.breakEven.cpe.microEngagement).toEqual({ value: null, reason: 'Plan A has no engagements, so its CPE is not defined.' });
    expect(c.breakEven.roi.microFee.reason).toContain('Plan A earns nothing');
    expect(c.verdict).toMatch(/^Cost per engagement cannot be compared \(Plan A not defined, Plan B \$0\.42\); Plan B wins on ROI \(77\.8% vs −100%\)/);
  });

  it('an engagement break-even above 100% is null with a reason', () => {
    // CPE_A = 1,000 ÷ (100,000 × 100%) = $0.01; B costs 10 × $1,000 → e = 10,000 × 100 ÷ (100,000 × 0.01) = 1,000%.
    const c = compare({ big_engagement: 100, micro_fee: 1000 });
    expect(c.breakEven.cpe.microEngagement).toEqual({
      value: null,
      reason: 'Plan B would need an engagement rate of 1,000%, above 100%.',
    });
  });
});

describe('equalBudgetScenario', () => {
  it.each([
    [{}, 10], // $1,000 ÷ $100
    [{ preset: 'kardashian' }, 1500], // $150,000 ÷ $100
    [{ micro_fee: '$300' }, 3], // floor($1,000 ÷ $300)
    [{ micro_fee: '$5,000' }, 1], // at least one
    [{ big_fee: '1T', micro_fee: '0.01' }, MAX_MICRO_COUNT], // capped
  ] as [CompareInput, number][])('%j → %d micros', (input, count) => {
    const s = equalBudgetScenario(scenario(input));
    expect(s.micro.count).toMatchObject({ value: count, origin: 'given' });
    expect(decodeScenario(encodeScenario(s))).toEqual({ ok: true, scenario: s });
  });

  it('makes both plans cost the same when the fees divide', () => {
    const c = comparePlans(equalBudgetScenario(scenario({ big_fee: '$2,400', micro_fee: '$300' })));
    expect(c.b.count).toBe(8);
    expect(c.winners.cost).toBe('tie');
  });

  it('free micros cannot match a paid big influencer: unchanged', () => {
    const s = scenario({ micro_fee: 0 });
    expect(equalBudgetScenario(s)).toBe(s);
  });
});

describe('parse errors name the option and the accepted range', () => {
  it.each([
    ['big_fee', '-5', 'cannot be negative'],
    ['micro_fee', '-$100', 'cannot be negative'],
    ['big_engagement', '400%', 'more than'],
    ['micro_count', '0', 'at least one'],
    ['micro_count', '2.5', 'whole number'],
    ['micro_count', '2M', 'more than'],
    ['overlap', '101', 'more than'],
    ['conversion', 'lots', 'not a percentage'],
    ['budget', 'ten dollars', 'not an amount'],
    ['big_followers', '-30k', 'negative'],
    ['platform', 'myspace', 'not a platform'],
    ['preset', 'beyonce', 'not a preset'],
  ] as const)('%s = %j', (option, text, reason) => {
    const r = parseCompareInput({ [option]: text });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.option).toBe(option);
    expect(r.reason).toContain(reason);
    expect(r.accepted.length).toBeGreaterThan(5);
  });

  it.each([
    ['micro_count', 0],
    ['micro_count', 1.5],
    ['big_fee', -1],
    ['big_fee', Number.NaN],
    ['overlap', Number.POSITIVE_INFINITY],
    ['micro_engagement', 100.5],
    ['big_followers', MAX_FOLLOWERS + 1],
    ['platform', 3],
  ] as const)('%s = %d (number) is rejected', (option, n) => {
    const r = parseCompareInput({ [option]: n });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.option).toBe(option);
  });

  it('accepts the forms the issue lists', () => {
    const s = scenario({ big_followers: '30k', big_fee: '$1.2M', micro_fee: '5,000', budget: '5k', micro_engagement: '2.37', overlap: '3%' });
    expect(s.big.followers.value).toBe(30_000);
    expect(s.big.fee.value).toBe(1_200_000);
    expect(s.micro.fee.value).toBe(5000);
    expect(s.budget).toBe(5000);
    expect(s.micro.engagement.value).toBe(2.37);
    expect(s.overlap.value).toBe(3);
  });
});

describe('benchmarks', () => {
  it('every engagement band is cited, and bands cover all counts without gaps', () => {
    for (const platform of PLATFORMS) {
      const bands = ENGAGEMENT_BANDS[platform];
      expect(bands[0]?.min).toBe(0);
      bands.forEach((band, i) => {
        expect(band.rate.source.publisher.length).toBeGreaterThan(0);
        if (band.rate.basis === 'assumption') expect(band.rate.source.title).toBe(ASSUMPTION_LABEL);
        const next = bands[i + 1];
        if (next) expect(next.min).toBe((band.max ?? Number.NaN) + 1);
        else expect(band.max).toBeNull();
      });
    }
  });

  it('follows the boundary rule: 10,000 is 10k–100k, 100,000 is 100k–1M', () => {
    expect(engagementBand('instagram', 9_999).rate.value).toBe(4);
    expect(engagementBand('instagram', 10_000).rate.value).toBe(2.37);
    expect(engagementBand('instagram', 100_000).stated).toBe('100k–1M');
    expect(engagementBand('instagram', 15_000_000).rate.value).toBe(1.66);
  });
});

// ── Properties ────────────────────────────────────────────────────────────────────────────────

const cents = fc.integer({ min: 0, max: MAX_MONEY * 100 }).map((c) => c / 100);
const smallMoney = fc.integer({ min: 0, max: 10_000_000 }).map((c) => c / 100);
const money = fc.oneof(smallMoney, cents);
const percent = fc.oneof(fc.constantFrom(0, 100), fc.integer({ min: 0, max: 1_000_000 }).map((x) => x / 10_000));
const followers = fc.oneof(fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: 0, max: MAX_FOLLOWERS }));
const influencers = fc.oneof(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: MAX_MICRO_COUNT }));

const validInput: fc.Arbitrary<CompareInput> = fc.record(
  {
    preset: fc.constantFrom('kardashian', 'ten-micro'),
    platform: fc.constantFrom(...PLATFORMS),
    budget: money,
    big_followers: followers,
    big_fee: money,
    micro_count: influencers,
    micro_followers: followers,
    micro_fee: money,
    big_engagement: percent,
    micro_engagement: percent,
    conversion: percent,
    order_value: money,
    overlap: percent,
  },
  { requiredKeys: [] },
);

function numbersIn(value: unknown, path = ''): [string, number][] {
  if (typeof value === 'number') return [[path, value]];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => numbersIn(v, `${path}.${k}`));
}

describe('properties', () => {
  it('comparePlans never produces NaN or Infinity, and winners match the metrics', () => {
    fc.assert(
      fc.property(validInput, (input) => {
        const c = compare(input);
        const { scenario: _s, ...rest } = c;
        for (const [path, n] of numbersIn(rest)) expect(Number.isFinite(n), path).toBe(true);
        for (const text of [c.verdict, c.budget?.sentence ?? '', ...c.assumptions.map((a) => a.display)]) {
          expect(text).not.toMatch(/NaN|Infinity|undefined/);
        }
        for (const m of METRICS) {
          const [a, b, w] = [c.a[m.key], c.b[m.key], c.winners[m.key]];
          if (a === null || b === null) expect(w).toBeNull();
          else if (nearlyEqual(a, b)) expect(w).toBe('tie');
          else expect(w).toBe((a < b) === (m.better === 'lower') ? 'A' : 'B');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('break-even values, plugged back in, tie the plans', () => {
    fc.assert(
      fc.property(validInput, (input) => {
        const s = scenario(input);
        const be = comparePlans(s).breakEven;
        const checks = [
          [be.cpe.microEngagement, 'engagement', 'cpe'],
          [be.cpe.microFee, 'fee', 'cpe'],
          [be.roi.microEngagement, 'engagement', 'roi'],
          [be.roi.microFee, 'fee', 'roi'],
        ] as const;
        for (const [result, field, metric] of checks) {
          if (result.value === null) {
            expect(result.reason.length).toBeGreaterThan(0);
            continue;
          }
          const tied = comparePlans(withMicro(s, field, result.value));
          const [a, b] = [tied.a[metric], tied.b[metric]];
          expect(a).not.toBeNull();
          expect(b).not.toBeNull();
          expect(Math.abs(a! - b!)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(a!)));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('parseCompareInput never throws on arbitrary strings; failures name a real option', () => {
    const anyText = fc.oneof(fc.string({ maxLength: 50 }), fc.constantFrom('-1', '101%', '0', '1e3', '$-5', '∞', '', '  '));
    const anyInput = fc.dictionary(fc.constantFrom(...OPTION_NAMES), anyText) as fc.Arbitrary<CompareInput>;
    fc.assert(
      fc.property(anyInput, (input) => {
        const r = parseCompareInput(input);
        if (!r.ok) {
          expect(OPTION_NAMES).toContain(r.option);
          expect(input[r.option as keyof CompareInput]).toBeDefined();
          expect(r.accepted.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('out-of-range numbers are rejected with the option named', () => {
    const outOfRange = fc.oneof(
      fc.record({ option: fc.constantFrom('budget', 'big_fee', 'micro_fee', 'order_value'), value: fc.double({ max: -0.001, noNaN: true }) }),
      fc.record({ option: fc.constantFrom('big_engagement', 'micro_engagement', 'conversion', 'overlap'), value: fc.double({ min: 100.001, noNaN: true }) }),
      fc.record({ option: fc.constant('micro_count'), value: fc.integer({ max: 0 }) }),
      fc.record({ option: fc.constantFrom('big_followers', 'micro_followers'), value: fc.integer({ max: -1 }) }),
    );
    fc.assert(
      fc.property(outOfRange, validInput, ({ option, value }, rest) => {
        const r = parseCompareInput({ ...rest, [option]: value });
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.option).toBe(option);
      }),
    );
  });

  it('encodeScenario fits a custom_id and decodes to the same scenario', () => {
    fc.assert(
      fc.property(validInput, (input) => {
        const s = scenario(input);
        const text = encodeScenario(s);
        expect(text.length).toBeLessThanOrEqual(MAX_ENCODED_LENGTH);
        expect(decodeScenario(text)).toEqual({ ok: true, scenario: s });
      }),
      { numRuns: 500 },
    );
  });

  it('the longest possible encoding fits', () => {
    const s = scenario({
      preset: 'kardashian',
      platform: 'youtube',
      budget: MAX_MONEY - 0.01,
      big_followers: MAX_FOLLOWERS,
      big_fee: MAX_MONEY - 0.01,
      micro_count: MAX_MICRO_COUNT,
      micro_followers: MAX_FOLLOWERS,
      micro_fee: MAX_MONEY - 0.01,
      big_engagement: 99.9999,
      micro_engagement: 99.9999,
      conversion: 99.9999,
      order_value: MAX_MONEY - 0.01,
      overlap: 99.9999,
    });
    const text = encodeScenario(s);
    expect(text.length).toBeLessThanOrEqual(MAX_ENCODED_LENGTH);
    expect(decodeScenario(text)).toEqual({ ok: true, scenario: s });
    expect(encodeScenario(scenario())).toBe('1');
  });

  it('decodeScenario never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 100 }), fc.string({ maxLength: 30 }).map((t) => `1${t}`)), (text) => {
        const r = decodeScenario(text);
        if (!r.ok) expect(r.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
    expect(decodeScenario('1B1B1')).toMatchObject({ ok: false, reason: 'Key “B” appears twice.' });
    expect(decodeScenario('1Ozzzz')).toMatchObject({ ok: false, option: 'overlap' }); // 1,679,615 ÷ 10,000 = 168% > 100%
  });
});
