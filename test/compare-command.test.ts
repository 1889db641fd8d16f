import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_HEADER, compare, definition } from '../src/commands/compare';
import { ASSUMPTIONS_ID, EQUAL_BUDGET_ID, EXPORT_ID, decodeState, encodeState } from '../src/commands/compare-state';
import { MAIN_TEXT_LIMIT } from '../src/commands/compare-reply';
import { messageProblems } from '../src/commands/limits';
import type { Reply } from '../src/commands/types';
import { commandProblems } from '../tools/standin/limits';
import { PLATFORMS } from '../src/domain/benchmarks';
import { MAX_MICRO_COUNT, OPTION_KIND, OPTION_NAMES, PRESETS, parseOverrides, type NumericOption, type Overrides } from '../src/domain/compare';
import { formatCount } from '../src/domain/format';
import { MAX_FOLLOWERS } from '../src/domain/followers';
import { MAX_MONEY } from '../src/domain/units';
import { PLANS_PER_SERVER, StoreUnavailableError, type TeamStore } from '../src/store/types';
import { memoryStore, testContext } from './support/context';
import { runCompare as run, buttonAnswer, buttonIds, description, embedCharacters, field, pressButton, pressCustomId, shownText } from './support/compare';

describe('/compare definition', () => {
  it('keeps every option name other tools rely on, adds the new ones, and is valid for user installs', () => {
    expect(commandProblems(definition as any)).toEqual([]);
    expect(definition.options.map((o) => o.name)).toEqual([
      'preset', 'platform', 'budget', 'big_followers', 'big_fee', 'micro_count', 'micro_followers', 'micro_fee',
      'big_engagement', 'micro_engagement', 'conversion', 'order_value', 'overlap', 'click_through', 'big_reach', 'micro_reach', 'plan', 'save',
    ]);
    expect(definition.integration_types).toEqual([0, 1]);
    expect(definition.contexts).toEqual([0, 1, 2]);
    expect(definition.options[0].choices.map((c) => c.value)).toEqual([...PRESETS]);
    expect(definition.options[1].choices.map((c) => c.value)).toEqual([...PLATFORMS]);
  });
});

describe('/compare main reply', () => {
  it('the default: verdict and what it depends on above the plans, ranges beside expected values, within limits', async () => {
    const reply = await run();
    expect(messageProblems(reply)).toEqual([]);
    expect(embedCharacters(reply)).toBeLessThanOrEqual(MAIN_TEXT_LIMIT);
    expect(reply.flags).toBeUndefined();
    const embed = reply.embeds[0]!;
    expect(embed.title).toBe('One influencer with 100,000 followers, or 10 with 10,000 each, on Instagram?');
    const description = embed.description!;
    expect(description.split('\n')[0]).toBe('**Plan B leads on reach, engagements, cost per engagement and cost per order (4 of 4).**');
    expect(description).toContain('**Depends on:**');
    // Break-evens worked by hand in compare.test.ts: Plan A's fee $608.2802, overlap 39.1715% for reach,
    // each rounded towards the side where Plan A wins. Cost per order: Plan B's $1,000 ÷ (4.715 × (1 − x))
    // reads over Plan A's $348.66 ($1,000 ÷ 2.868096, 99,999 × 22.945% × 0.5% × 2.5% orders) from $348.665,
    // at x above 1 − 1,000 ÷ (4.715 × 348.665) = 39.1711%: both read 39.172% to three decimals, rounded up.
    expect(description).toContain('Plan A fee (expected $1,000): Plan A wins cost per order at a fee under $608.28, and cost per engagement under $710.44.');
    expect(description).toContain('Audience overlap among Plan B’s influencers (expected 0%): Plan A wins cost per order and reach at an overlap above 39.172%.');
    const a = field(reply, 'Plan A');
    const b = field(reply, 'Plan B');
    expect(a.name).toBe('Plan A (estimated): 1 × 100,000 followers');
    expect(a.value).toContain('Reach: **22,945** (22,885 to 22,945)');
    expect(a.value).toContain('Engagements: **1,620** (1,550 to 3,800)');
    expect(a.value).toContain('Website visits: **115** (5 to 459)');
    expect(a.value).toContain('Orders: **3** (under 1 to 11)');
    expect(b.value).toContain('Reach: **37,720** (22,632 to 37,720) ✅');
    expect(b.value).toContain('Cost per order: **$212.09**');
    expect(shownText(reply)).not.toMatch(/seed|SOURCES\.md|§|\[P\]|\[S\]/);
    expect(reply.chart?.kind).toBe('compare');
    expect(buttonIds(reply).map((id) => id.slice(0, 10))).toEqual([ASSUMPTIONS_ID, EXPORT_ID]); // equal costs: no Equal budget
  });

  it('Kardashian: observed against estimated, visits against visits, reach "not reported", the fee labelled', async () => {
    const reply = await run({ preset: 'kardashian' });
    expect(messageProblems(reply)).toEqual([]);
    const a = field(reply, 'Plan A');
    expect(a.name).toBe('Plan A (observed): Kim Kardashian’s tweet, 15,000,000 followers');
    expect(a.value).toContain('Reach: *not reported*');
    expect(a.value).toContain('Website visits: **1,200**');
    expect(a.value).toContain('Orders: **30**');
    expect(a.value).toContain('Revenue: **$900**');
    expect(a.value).toContain('Cost: **$400,000** ($300,000 to $500,000)');
    expect(reply.embeds[0]!.description).toContain('**The verdict holds across every sourced range, and across the ranges of Tierbot’s own assumptions.**');
    expect(reply.embeds[0]!.description).toContain('TapInfluence blog');
    expect(shownText(reply)).toContain('Instagram post, not this tweet');
    expect(buttonIds(reply).some((id) => id.startsWith(EQUAL_BUDGET_ID))).toBe(true);
    expect((await run({ preset: 'kardashian', micro_count: '3' })).embeds[0]!.title).toContain('against 3 micro-influencers');
  });

  it('budget:5000 spends it on both plans and offers no Equal budget', async () => {
    const reply = await run({ budget: '5000' });
    const d = reply.embeds[0]!.description!;
    expect(d).toContain('**Budget $5,000:** Plan A spends $5,000 on one influencer with 500,000 followers');
    expect(d).toContain('Plan B spends $5,000 on 50 micro-influencers at $100');
    expect(buttonIds(reply).some((id) => id.startsWith(EQUAL_BUDGET_ID))).toBe(false);
  });

  it('a budget past the cent rule’s largest example says the rule is extended to buy Plan A', async () => {
    const within = (await run({ budget: '10000' })).embeds[0]!.description!;
    expect(within).toContain('one influencer with 1,000,000 followers (the cent-per-follower rule);');
    const past = (await run({ budget: '$10M' })).embeds[0]!.description!;
    expect(past).toContain(
      'one influencer with 1,000,000,000 followers (the cent-per-follower rule, extended past its largest example, 1,000,000 followers for $10,000);',
    );
    // The Assumptions page and compare.csv say so too, where they give where Plan A's followers come from.
    const reply = await run({ budget: '20000' });
    const extended = 'what the budget buys at the cent-per-follower rule, extended past its largest example, 1,000,000 followers for $10,000: $20,000 ÷ $0.01';
    const page = await pressButton(reply, ASSUMPTIONS_ID);
    expect(JSON.stringify(page.embeds)).toContain(extended);
    const csv = (await pressButton(reply, EXPORT_ID)).files![0]!.data.toString('utf8');
    expect(csv).toContain(extended);
  });

  it('budget:50 is an input error naming the smallest useful budget', async () => {
    const reply = await run({ budget: '50' });
    expect(reply.inputError).toBe(true);
    expect(reply.flags).toBe(64);
    expect(reply.embeds[0]!.description).toContain('the smallest useful budget is $100');
  });

  it('escapes what was typed in an error', async () => {
    const reply = await run({ platform: '@everyone **x**' });
    expect(reply.inputError).toBe(true);
    expect(reply.embeds[0]!.description).toContain('\\@everyone \\*\\*x\\*\\*');
  });

  it('escapes all of what was typed, even past a closing quote in it', async () => {
    const reply = await run({ platform: 'x” **bold** <@123> [l](https://e.x)' });
    expect(reply.inputError).toBe(true);
    const d = reply.embeds[0]!.description!;
    expect(d).toContain('“x” \\*\\*bold\\*\\* \\<\\@123\\> \\[l\\]\\(https\\://e.x\\)” is not a platform I know.');
    // Nothing of it left to format, ping or link: no unescaped ** < [ (.
    expect(d.split('\n\n')[0]!.replace(/^\*\*platform\*\*: /, '')).not.toMatch(/(?<!\\)(\*\*|<@|\[|\]\()/);
  });

  it('engagement rates: each plan’s figure carries its own basis', async () => {
    const line = async (o: Record<string, string>) => shownText(await run(o)).split('\n').find((l) => l.startsWith('Engagement rate by followers'));
    // Where the sources disagree on a plan's rate, the line says so.
    expect(await line({ big_engagement: '5' })).toBe('Engagement rate by followers: A 5% (your input), B 2.28% (0.54%–6.3%; sourced: HypeAuditor 2018). The sources disagree; the ranges span them.');
    // Plan A's 1.55% is raised to 99,999 × 1.62% ÷ 100,000 = 1.6199838% at 100,000 followers (1.62%, the
    // 1,620 engagements shown): Tierbot's assumption, whose range still spans the sources, and says so.
    expect(await line({ micro_engagement: '5' })).toBe(
      'Engagement rate by followers: A 1.62% (1.55%–3.8%; Tierbot assumption: raised so it gets no fewer engagements than a 99,999-follower account at HypeAuditor 2018’s rate), B 5% (your input). The sources disagree; the ranges span them.',
    );
    expect(await line({ big_engagement: '1', micro_engagement: '5' })).toBe('Engagement rate by followers (your input): A 1%, B 5%.');
    // Influencer Marketing Hub states neither its tiers' follower lines nor its rate's denominator: both readings are Tierbot's.
    // HypeAuditor 2023's nano "1k–10k" includes 10,000 (no band of that report starts there): Plan B's range.
    expect(await line({ platform: 'tiktok', big_followers: '500k' })).toBe(
      'Engagement rate by followers: A 11.5% (5%–18%; Tierbot assumption), B 18% (12.6%–18%; extrapolated from Influencer Marketing Hub 2021 “micro”, as reported by ION; it states no follower lines or denominator, so Tierbot reads it by followers).',
    );
    // Where the sources give one figure, it says so.
    expect(await line({ platform: 'tiktok', micro_followers: '10001' })).toContain('B 18% (one published figure, no range; extrapolated from Influencer Marketing Hub 2021 “micro”');
    expect(await line({ preset: 'kardashian' })).toBe('Engagement rate by followers: A not reported, B 2.28% (0.54%–6.3%; sourced: HypeAuditor 2018). The sources disagree; the ranges span them.');
    // The default Plan A's 1.55% is raised to 1.62% (99,999 × 1.62% ÷ 100,000 = 1.6199838%, written 1.62% as the
    // 1,620 engagements beside it are), Tierbot's assumption; at 500,000 followers it is not (500,000 × 1.55% =
    // 7,750, more than 99,999 × 1.62% = 1,620).
    expect(await line({})).toBe(
      'Engagement rate by followers: A 1.62% (1.55%–3.8%; Tierbot assumption: raised so it gets no fewer engagements than a 99,999-follower account at HypeAuditor 2018’s rate), B 2.28% (0.54%–6.3%; sourced: HypeAuditor 2018). The sources disagree; the ranges span them.',
    );
    expect(await line({ big_followers: '500k' })).toBe('Engagement rate by followers (sourced: HypeAuditor 2018): A 1.55% (1.55%–3.8%), B 2.28% (0.54%–6.3%). The sources disagree; the ranges span them.');
  });

  it('Kardashian with a budget: the observed tweet keeps Ad Age’s price, over the budget, with the Ad Age caveat', async () => {
    const reply = await run({ preset: 'kardashian', budget: '5000' });
    const d = reply.embeds[0]!.description!;
    expect(d).toContain('Plan A, the observed tweet, costs $400,000 ($300,000 to $500,000) whatever the budget');
    expect(d).toContain('Plan B spends $5,000 on 50 micro-influencers at $100. ⚠️ Plan A is over the budget.');
    expect(field(reply, 'Plan A').value).toContain('Cost: **$400,000** ($300,000 to $500,000)');
    expect(shownText(reply)).toContain('Ad Age’s $300,000–500,000 (2020), which was for an Instagram post, not this tweet');
    expect(shownText(reply)).toContain('Plan B’s fees: the budget is spent at the cent-per-follower rule');
  });

  it('a budget far below what the followers given cost: says so, and prices Plan A by the rules', async () => {
    const d = (await run({ budget: '500', big_followers: '500k' })).embeds[0]!.description!;
    // The lowest rule at the expected 1.55%, the low end of the rate's range, is Traackr's $1,162.50: the cost's low end too.
    expect(d).toContain(
      'Plan A costs $5,000 ($1,162.50 to $5,000): $500 does not buy 500,000 followers at any price rule (the cheapest asks $1,162.50 at the expected 1.55% engagement rate)',
    );
    expect(d).toContain('⚠️ Plan A is over the budget.');
  });

  it('a budget over $100M that would pick Plan A’s followers is refused with the range; text stays true above it', async () => {
    const refused = await run({ budget: '200M' });
    expect(refused.inputError).toBe(true);
    expect(refused.embeds[0]!.description).toContain('an amount in US dollars from $100 (one micro-influencer’s fee) to $100M');
    const d = (await run({ budget: '999999999999', big_followers: '1M' })).embeds[0]!.description!;
    // Every digit: "$1T" would round the budget up past what was typed.
    expect(d).toContain('**Budget $999,999,999,999:** Plan A spends $999,999,999,999 on one influencer with 1,000,000 followers');
    expect(d).toContain('on 1,000,000 micro-influencers at $100 (capped at 1,000,000, the most Tierbot models: the rest of the budget is unspent)');
  });

  it('budget:500.000 is refused as ambiguous rather than read as $500', async () => {
    const reply = await run({ budget: '500.000' });
    expect(reply.inputError).toBe(true);
    expect(reply.embeds[0]!.description).toContain('500.000 could mean $500 or $500,000');
  });

  it('order_value:0: nothing sells, so ROAS is 0× and ROI −100% (defined: the cost is not zero)', async () => {
    const a = field(await run({ order_value: '0' }), 'Plan A').value;
    expect(a).toContain('ROAS: **0×**');
    expect(a).toContain('ROI: **−100%**');
    // Tiny ROAS in plain decimals, never exponent notation.
    expect(shownText(await run({ big_followers: '1M', big_fee: '999999999999' }))).not.toMatch(/\de-\d/);
  });

  it('micro_reach:0: observed clicks per account Plan A reaches, and Plan B’s CPM and cost per order not defined', async () => {
    const reply = await run({ micro_reach: '0' });
    const ct = shownText(reply).split('\n').find((l) => l.startsWith('Click-through'))!;
    // The observed cases per account Plan A reaches at 22.94477% (99,999 × 22.945% ÷ 100,000), lowest (the
    // tweet's 0.008% per follower ÷ 22.94477% = 0.035%) to highest (Kevin Rose's 0.345% ÷ 22.94477% = 1.5036%).
    expect(ct).toContain('Observed cases: 0.035%–1.504% per account Plan A reaches (see **Assumptions**).');
    expect(ct).not.toContain('Plan B reaches');
    const b = field(reply, 'Plan B').value;
    expect(b).toContain('CPM not defined · CPME $438.60');
    expect(b).toContain('Cost per order: *no orders*');
    // Neither plan reaches anyone: per follower, said so.
    expect(shownText(await run({ micro_reach: '0', big_reach: '0' }))).toContain('Observed cases: 0.008%–0.345% per follower (see **Assumptions**).');
    // The tweet's reach is unknown, not zero: "not reported".
    expect(field(await run({ preset: 'kardashian' }), 'Plan A').value).toContain('Reach: *not reported*');
  });
});

describe('/compare on YouTube', () => {
  it('counts the plans’ audiences in subscribers, in the reply’s own words (the options keep their names)', async () => {
    const reply = await run({ platform: 'youtube', budget: '5000', big_followers: '2k' });
    expect(reply.embeds[0]!.title).toBe('One influencer with 2,000 subscribers, or 50 with 10,000 each, on YouTube?');
    expect(field(reply, 'Plan A').name).toBe('Plan A (estimated): 1 × 2,000 subscribers');
    expect(field(reply, 'Plan B').name).toBe('Plan B (estimated): 50 × 10,000 subscribers');
    const d = reply.embeds[0]!.description!;
    expect(d).toContain('Plan A spends $5,000 on one influencer with 2,000 subscribers');
    expect(d).toContain('Plan A’s influencer (2,000 subscribers) is smaller than each of Plan B’s (10,000 subscribers): check `big_followers` and `micro_followers`.');
    expect(shownText(reply)).toContain('Engagement rate by subscribers (extrapolated from Influencer Marketing Hub 2021 “micro”, as reported by ION; it states no subscriber lines or denominator, so Tierbot reads it by subscribers;');
    // Instagram keeps followers.
    expect((await run()).embeds[0]!.title).toBe('One influencer with 100,000 followers, or 10 with 10,000 each, on Instagram?');
  });

  it('says subscribers in Tierbot’s own sentences about fees and plans; the sources keep their own words', async () => {
    const fees = (reply: Reply) => shownText(reply).split('\n').find((l) => l.startsWith('Fees:'))!;
    const bought = fees(await run({ platform: 'youtube', budget: '20000' }));
    expect(bought).toContain('GRIN’s and Traackr’s rules would buy more subscribers.');
    // The cent rule's own words ("$100 per 10,000 followers") stay the source's.
    expect(bought).toContain('($100 per 10,000 followers, as reported by USA Today and Shopify)');
    expect(fees(await run({ platform: 'youtube', budget: '5000', big_followers: '200000' }))).toContain('Fees: Plan A’s is the budget, for the subscribers given;');
    expect(fees(await run({ budget: '5000', big_followers: '200000' }))).toContain('Fees: Plan A’s is the budget, for the followers given;');
    const page = shownText(await pressButton(await run({ platform: 'youtube', micro_count: '2' }), ASSUMPTIONS_ID));
    expect(page).toContain('Plan B: 2 × 10,000 subscribers (your input; subscribers: the TapInfluence article’s 10,000 followers each).');
  });

  it('a Plan B fee break-even away from its label says the fee is each influencer’s after the amount', async () => {
    // Both plans engage 100,000 subscribers at about 1.64% on YouTube: Plan B's cost per engagement reads
    // under Plan A's at a fee a cent under its expected $100.
    expect(description(await run({ platform: 'youtube' }))).toContain('Plan B wins cost per engagement at a Plan B fee under $99.99 each.');
  });
});

describe('/compare buttons', () => {
  it('Assumptions lists every input with its basis and citation, ephemerally and within limits', async () => {
    const reply = await run();
    const { mode, reply: shown } = await pressCustomId(buttonIds(reply)[0]!);
    expect(mode).toBe('reply');
    expect(shown.flags).toBe(64);
    expect(messageProblems(shown)).toEqual([]);
    const t = shownText(shown);
    expect(t).toContain('Plan A reach rate: 22.9448% (22.885% to 22.9448%)');
    // Linked where first cited; the observed cases and caveats are a button away.
    expect(t).toContain('*Tierbot assumption*: no published average');
    expect(t).toContain('[Minter.io, “How much reach should my brand be getting on Instagram?”, 2019](https://minter.io/');
    expect(t).not.toContain('**Export** (compare.csv) has every input’s rule, range and sources in full');
    expect(t).toContain('Click-through (visits per reached account): 0.5% (0.02% to 2%)');
    expect(t).not.toMatch(/seed|SOURCES\.md|§/);
    const { reply: cases } = await pressCustomId(buttonIds(shown)[0]!);
    expect(cases.flags).toBe(64);
    expect(messageProblems(cases)).toEqual([]);
    expect(shownText(cases)).toMatch(/the Kardashian tweet \(website visits\): 0\.008% per follower/);
  });

  it('Export returns compare.csv that reproduces the numbers on screen', async () => {
    const reply = await run();
    const { mode, reply: file } = await pressCustomId(buttonIds(reply)[1]!);
    expect(mode).toBe('reply');
    expect(file.flags).toBe(64);
    expect(file.files![0]!.name).toBe('compare.csv');
    // The first line is exactly the header (no byte order mark in front): other tools rely on it.
    const csv = file.files![0]!.data.toString('utf8');
    expect(csv.split('\r\n')[0]).toBe(CSV_HEADER);
    expect(CSV_HEADER).toBe('plan,metric,low,expected,high,source');
    const rows: string[][] = parse(csv, { from_line: 2 });
    const get = (plan: string, metric: string) => rows.find((r) => r[0] === plan && r[1] === metric)!;
    // Plan A reaches 99,999 × 22.945% = 22,944.77055 and engages 99,999 × 1.62% = 1,619.9838 (the rates raised
    // to what 99,999 followers get).
    expect(get('A', 'reach').slice(2, 5)).toEqual(['22885', '22944.77055', '22944.77055']);
    expect(get('A', 'engagements').slice(2, 5)).toEqual(['1550', '1619.9838', '3800']);
    // Orders show "under 1" at the low end: the CSV keeps the unrounded 22,885 × 0.02% × 2.5% = 0.114425, never 0,
    // and every end alike (22,944.77055 × 0.5% and 2% × 2.5% = 2.86809631875 and 11.472385275), so orders × $30
    // is the revenue: $3.43, $86.04 and $344.17.
    expect(get('A', 'orders').slice(2, 5)).toEqual(['0.114425', '2.86809631875', '11.472385275']);
    expect(get('A', 'revenue').slice(2, 5)).toEqual(['3.43', '86.04', '344.17']);
    expect(get('B', 'cost_per_order')[3]).toBe('212.09');
    expect(Number(get('B', 'roi')[3])).toBeCloseTo(-85.855, 1); // (141.45 − 1,000) ÷ 1,000
    expect(get('assumption', 'click_through').slice(2, 5)).toEqual(['0.02', '0.5', '2']);
    expect(get('assumption', 'reach_rate_a')[5]).toContain('Minter.io 2019');
    expect(rows.filter((r) => r[0] === 'A').map((r) => r[1])).toEqual([
      'followers', 'influencers', 'reach', 'impressions', 'engagements', 'visits', 'orders', 'revenue', 'cost', 'cpe', 'cpm', 'cost_per_order', 'roi', 'roas',
    ]);
  });

  it('Export keeps rows that are not reported, with empty cells', async () => {
    const reply = await run({ preset: 'kardashian' });
    const { reply: file } = await pressCustomId(buttonIds(reply)[1]!);
    const rows: string[][] = parse(file.files![0]!.data.toString('utf8'), { from_line: 2 });
    expect(rows.find((r) => r[0] === 'A' && r[1] === 'reach')!.slice(2, 5)).toEqual(['', '', '']);
  });

  it('Equal budget appears only when costs differ by more than one micro fee, and buys Plan B at Plan A’s cost', async () => {
    const reply = await run({ big_fee: '5000' });
    const { mode, reply: updated } = await buttonAnswer(reply, EQUAL_BUDGET_ID);
    expect(mode).toBe('reply');
    expect(updated.flags).toBe(64);
    expect(field(updated, 'Plan B').name).toContain('50 × 10,000');
    expect(buttonIds(updated).some((id) => id.startsWith(EQUAL_BUDGET_ID))).toBe(false);
    // $1,050 vs $1,000 differ by less than one $100 fee: no button.
    expect(buttonIds(await run({ big_fee: '1050' })).some((id) => id.startsWith(EQUAL_BUDGET_ID))).toBe(false);
  });

  it('a custom_id it did not write is refused politely', async () => {
    const { reply } = await pressCustomId('compare:a:garbage!');
    expect(reply.inputError).toBe(true);
  });
});

describe('custom_id state', () => {
  const longest: Overrides = {
    preset: 'ten-micro',
    platform: 'youtube',
    ...Object.fromEntries(
      OPTION_NAMES.filter((n) => n !== 'preset' && n !== 'platform').map((n) => {
        const kind = OPTION_KIND[n];
        return [n, kind === 'money' ? MAX_MONEY - 0.01 : kind === 'followers' ? MAX_FOLLOWERS : kind === 'influencers' ? 999_999 : 99.9999];
      }),
    ),
  };

  it('stays within 100 characters with every option at its longest, and round-trips', () => {
    const state = encodeState(longest);
    expect(`${EQUAL_BUDGET_ID}${state}`.length).toBeLessThanOrEqual(100);
    expect(decodeState(state)).toEqual(longest);
  });

  it('round-trips any scenario within 100 characters (property)', () => {
    const percent = fc.integer({ min: 0, max: 1_000_000 }).map((x) => x / 10_000);
    const arb = fc.record(
      {
        preset: fc.constantFrom(...PRESETS),
        platform: fc.constantFrom(...PLATFORMS),
        ...Object.fromEntries(
          OPTION_NAMES.filter((n) => n !== 'preset' && n !== 'platform').map((n) => {
            const kind = OPTION_KIND[n];
            const a =
              kind === 'money'
                ? fc.integer({ min: 0, max: MAX_MONEY * 100 }).map((x) => x / 100)
                : kind === 'followers'
                  ? fc.integer({ min: 1, max: MAX_FOLLOWERS })
                  : kind === 'influencers'
                    ? fc.integer({ min: 1, max: 1_000_000 })
                    : percent;
            return [n, a];
          }),
        ),
      },
      { requiredKeys: [] },
    ) as fc.Arbitrary<Overrides>;
    fc.assert(
      fc.property(arb, (o) => {
        const state = encodeState(o);
        expect(`${ASSUMPTIONS_ID}${state}`.length).toBeLessThanOrEqual(100);
        expect(decodeState(state)).toEqual(o);
      }),
      { numRuns: 500 },
    );
  });

  it('every button of a reply with every option given fits', async () => {
    // Each option at the largest value it accepts beside the others: a budget takes the place of
    // big_fee and micro_count (it sets both), and Plan B's followers in all are at the cap. Percentages
    // have six significant digits, the most kept.
    const most = {
      preset: 'ten-micro',
      platform: 'youtube',
      big_followers: formatCount(MAX_FOLLOWERS),
      micro_followers: formatCount(MAX_FOLLOWERS / MAX_MICRO_COUNT),
      micro_fee: `$${formatCount(MAX_MONEY)}`,
      order_value: `$${formatCount(MAX_MONEY)}`,
      ...Object.fromEntries(OPTION_NAMES.filter((n) => OPTION_KIND[n as NumericOption] === 'percent').map((n) => [n, '99.9999'])),
    };
    const withoutBudget = { ...most, big_fee: `$${formatCount(MAX_MONEY)}`, micro_count: formatCount(MAX_MICRO_COUNT) };
    const withBudget = { ...most, budget: `$${formatCount(MAX_MONEY)}` };
    // Plan B costs far more than Plan A without a budget, so Equal budget is offered; with one, both spend it.
    for (const [options, buttons] of [
      [withoutBudget, [ASSUMPTIONS_ID, EXPORT_ID, EQUAL_BUDGET_ID]],
      [withBudget, [ASSUMPTIONS_ID, EXPORT_ID]],
    ] as const) {
      expect(OPTION_NAMES.filter((n) => !(n in options))).toEqual(options === withBudget ? ['big_fee', 'micro_count'] : ['budget']);
      const reply = await run(options);
      expect(reply.inputError, shownText(reply)).toBeUndefined();
      expect(messageProblems(reply)).toEqual([]);
      const given = parseOverrides(options);
      if (!given.ok) throw new Error(given.reason);
      expect(buttonIds(reply).map((id) => buttons.find((prefix) => id.startsWith(prefix)))).toEqual(buttons);
      for (const [i, id] of buttonIds(reply).entries()) {
        expect(id.length).toBeLessThanOrEqual(100);
        // Every option is carried, none dropped to fit.
        expect(decodeState(id.slice(buttons[i]!.length))).toEqual(given.overrides);
      }
    }
  });
});

describe('/compare saved plans', () => {
  const guild = (store: TeamStore = memoryStore()) => testContext({ guildId: '42', store });

  it('save: stores the inputs as typed and says so; plan: re-runs them, other options on top', async () => {
    const store = memoryStore();
    const saved = await run({ micro_count: '20', platform: 'tiktok', save: 'Q3 launch' }, guild(store));
    expect(saved.embeds[0]!.description).toContain('Saved as “Q3 launch” for this server');
    const plan = await store.plan('42', 'q3 launch');
    expect(plan).toMatchObject({ name: 'Q3 launch', inputs: { micro_count: '20', platform: 'tiktok' }, savedById: '300000000000000001', savedByName: 'tester' });
    expect(plan!.savedAt.toISOString()).toBe('2026-12-06T12:00:00.000Z');
    const again = await run({ plan: 'Q3 launch', micro_count: '5' }, guild(store));
    expect(field(again, 'Plan B').name).toContain('5 × 10,000');
    expect(again.embeds[0]!.description).toContain('Plan “Q3 launch” loaded; your options override its saved values');
    expect(shownText(again)).toContain('TikTok');
  });

  it('an unknown plan lists some saved names, escaped', async () => {
    const store = memoryStore();
    await run({ save: '*bold* plan' }, guild(store));
    const reply = await run({ plan: 'nope' }, guild(store));
    expect(reply.inputError).toBe(true);
    expect(reply.embeds[0]!.description).toContain('\\*bold\\* plan');
  });

  it('full at 100: an input error naming the limit', async () => {
    const store = memoryStore();
    for (let i = 0; i < PLANS_PER_SERVER; i++) await store.savePlan('42', { name: `p${i}`, inputs: {}, savedById: '1', savedByName: 'x', savedAt: new Date(0) });
    const reply = await run({ save: 'one more' }, guild(store));
    expect(reply.inputError).toBe(true);
    expect(reply.embeds[0]!.description).toContain(`${PLANS_PER_SERVER} saved plans`);
  });

  it('in a DM, save and plan explain that plans belong to a server; plain /compare still works', async () => {
    for (const opt of [{ save: 'x' }, { plan: 'x' }] as Record<string, string>[]) {
      const reply = await run(opt);
      expect(reply.flags).toBe(64);
      expect(reply.embeds[0]!.title).toBe('Saved plans belong to a server');
    }
    expect((await run({})).flags).toBeUndefined();
  });

  it('in a server that has not added Tierbot (run from a user install), save and plan say so and store nothing', async () => {
    const store = memoryStore();
    for (const opt of [{ save: 'x' }, { plan: 'x' }] as Record<string, string>[]) {
      const reply = await run(opt, testContext({ guildId: '42', guildInstalled: false, store }));
      expect(reply.flags).toBe(64);
      expect(reply.embeds[0]!.title).toBe('Saved plans need Tierbot in this server');
    }
    expect(await store.plans('42')).toEqual([]);
  });

  it('a store that is down: "settings are unavailable right now" for save and plan, plain /compare unaffected', async () => {
    const down = new Proxy(memoryStore(), {
      get: () => async () => {
        throw new StoreUnavailableError(new Error('down'));
      },
    });
    for (const opt of [{ save: 'x' }, { plan: 'x' }] as Record<string, string>[]) {
      const reply = await run(opt, guild(down));
      expect(reply.flags).toBe(64);
      expect(reply.embeds[0]!.description).toContain('settings are unavailable right now');
    }
    expect((await run({}, guild(down))).embeds[0]!.title).toContain('One influencer');
  });

  it('autocomplete offers this server’s plans only', async () => {
    const store = memoryStore();
    await run({ save: 'Spring' }, guild(store));
    await run({ save: 'Summer' }, testContext({ guildId: '43', store }));
    const choices = await compare.autocomplete!({ name: 'plan', value: 's' }, {}, guild(store));
    expect(choices).toEqual([{ name: 'Spring', value: 'Spring' }]);
    expect(await compare.autocomplete!({ name: 'plan', value: '' }, {}, testContext())).toEqual([]);
  });
});

describe('/compare replies stay within Discord’s limits (property)', () => {
  const value = fc.oneof(
    fc.constantFrom('0', '1', '10k', '1.2M', '$5,000', '99.9999', '100', '0.01', '9999999999', '$999,999,999,999.99', '2.5%', 'abc'),
    fc.string({ maxLength: 40 }),
  );
  const args = fc.dictionary(fc.constantFrom(...OPTION_NAMES.filter((n) => n !== 'preset' && n !== 'platform')), value, { maxKeys: 8 });
  const extras = fc.record({ preset: fc.constantFrom(...PRESETS), platform: fc.constantFrom(...PLATFORMS) }, { requiredKeys: [] });

  it('main reply, Assumptions and Export: no limit broken, custom_ids ≤ 100, main text within its budget', async () => {
    await fc.assert(
      fc.asyncProperty(args, extras, async (a, e) => {
        const reply = await run({ ...a, ...e });
        expect(messageProblems(reply)).toEqual([]);
        if (reply.inputError) return;
        expect(embedCharacters(reply)).toBeLessThanOrEqual(MAIN_TEXT_LIMIT);
        for (const id of buttonIds(reply)) {
          expect(id.length).toBeLessThanOrEqual(100);
          const { reply: shown } = await pressCustomId(id);
          expect(messageProblems(shown)).toEqual([]);
        }
      }),
      { numRuns: 60 },
    );
  });
});
