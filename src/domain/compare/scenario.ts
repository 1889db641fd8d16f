/**
 * buildScenario: from the user's normalised options to a Scenario, every gap filled with a cited
 * default, or the input error the options cannot combine into (a budget that buys nothing, a
 * micro_count the budget contradicts). A budget decides Plan B's count and, by the cent-per-follower
 * rule, Plan A's followers and fee, except where that would be untrue (the observed tweet).
 */

import { AD_AGE_KARDASHIAN_FEE, AD_AGE_KARDASHIAN_FEE_TEXT, type Basis, CENT_PER_FOLLOWER, CENT_RULE_LARGEST_EXAMPLE, CITE, CLICK_THROUGH, CONVERSION, FREQUENCY, KARDASHIAN_CASE, ORDER_VALUE, OVERLAP, type Platform, PLATFORM_LABEL } from '../benchmarks';
import { MAX_FOLLOWERS } from '../followers';
import { countOf, formatCount } from '../format';
import { formatMoney, formatMoneyExact, formatPercent, MAX_MONEY } from '../units';
import { type Assumption, type AssumptionKey, audienceText, CENT_RULE_EXAMPLE_TEXT, countBasis, engagementRate, feeByRules, fromBudget, given, glancedFor, LABEL, notReported, ONE_FIGURE, otherRulesNote, type PlanSpec, reachRate, rulesAtExpected, type Scenario, single } from './assumptions';
import {
  ACCEPTED,
  type CompareInput,
  fail,
  followerForms,
  influencerForms,
  MAX_BUDGET_FOR_FOLLOWERS,
  MAX_MICRO_COUNT,
  type NumericOption,
  OPTION_NAMES,
  type OptionName,
  moneyExamples,
  type Overrides,
  type ParseFailure,
  parseOverrides,
  SMALLEST_FEE,
} from './options';

export const DEFAULT_BIG_FOLLOWERS = 100_000;
export const DEFAULT_MICRO_FOLLOWERS = 10_000;
export const DEFAULT_MICRO_COUNT = 10;
const TEN_MICRO_NOTE = 'the TapInfluence article: “10 highly focused influencers, each with 10,000 followers, rather than a single influencer … of 100,000”';
/** Plan B's followers each, when its count comes from elsewhere (the budget, the user). */
const TEN_MICRO_FOLLOWERS_NOTE = 'the TapInfluence article’s 10,000 followers each';

/** "1 micro-influencer", "50 micro-influencers". */
export const microInfluencers = (n: number): string => countOf(n, 'micro-influencer');

/** Whole influencers `budget` would buy at `fee` each, with no cap (cent arithmetic, so $1,000 ÷ $100 is exactly 10). */
export function wholeAt(budget: number, fee: number): number {
  return Math.floor(Math.round(budget * 100) / Math.round(fee * 100));
}

/**
 * The most micro-influencers Tierbot models with `followersEach` followers each: MAX_MICRO_COUNT,
 * or fewer where that many would have more than MAX_FOLLOWERS followers in all.
 */
export function mostMicros(followersEach: number): number {
  return Math.min(MAX_MICRO_COUNT, Math.floor(MAX_FOLLOWERS / followersEach));
}

/** "1,000,000, the most Tierbot models", or "…, the most Tierbot models at 1,000,000 followers each, 10,000,000,000 in all". */
export function mostMicrosText(followersEach: number): string {
  const most = mostMicros(followersEach);
  const byFollowers = most < MAX_MICRO_COUNT ? ` at ${formatCount(followersEach)} followers each, ${formatCount(MAX_FOLLOWERS)} in all` : '';
  return `${formatCount(most)}, the most Tierbot models${byFollowers}`;
}

/** Whole influencers the budget buys at `fee` each, at most mostMicros. */
export function affordable(budget: number, fee: number, followersEach: number): number {
  return Math.min(mostMicros(followersEach), wholeAt(budget, fee));
}

/** Plan B's count as the Equal budget button set it: "set by Equal budget: as many as Plan A’s cost ($5,000) buys at $100 each". */
function equalBudgetNote(costA: number, fee: number, influencers: number, followersEach: number): string {
  const capped = wholeAt(costA, fee) > influencers ? ` and capped at ${mostMicrosText(followersEach)}` : '';
  return `set by Equal budget: as many as Plan A’s cost (${formatMoneyExact(costA)}) buys at ${formatMoneyExact(fee)} each, rounded down${capped}`;
}

/**
 * Plan A's followers: given, the observed case's, bought by the budget, or the article's 100,000.
 * The budget buys them only when it also pays Plan A's fee (not the observed tweet, not a big_fee).
 */
function bigFollowersOf(o: Overrides, kardashian: boolean, budget: number | null, bigFee: number | undefined): { ok: true; followers: number; note: string; basis: Basis } | ParseFailure {
  if (o.big_followers !== undefined) return { ok: true, followers: o.big_followers, note: 'your input', basis: 'input' };
  if (kardashian) return { ok: true, followers: KARDASHIAN_CASE.followers, note: 'observed: “her 15 million followers” (TapInfluence blog)', basis: 'observed' };
  if (budget === null || bigFee !== undefined) return { ok: true, followers: DEFAULT_BIG_FOLLOWERS, note: TEN_MICRO_NOTE, basis: 'sourced' };
  // At a cent per follower, the budget in cents is the followers it buys (exact, no 0.29 ÷ 0.01 = 28.999…).
  // A budget is at least one micro fee, a cent or more (buildScenario), so it buys at least one.
  const bought = Math.round(budget * 100);
  if (bought > MAX_FOLLOWERS) {
    // Capping the followers would make "$200M on one influencer with 10,000,000,000 followers" false.
    // The followers it would buy are written in full: they differ from the limit where the money, in millions, may not.
    return fail(
      'budget',
      `Without big_followers, the most is ${formatMoney(MAX_BUDGET_FOR_FOLLOWERS)}, and ${formatMoneyExact(budget)} is over it: at the cent-per-follower rule it would buy one influencer with ${formatCount(bought)} followers, more than the ${formatCount(MAX_FOLLOWERS)} Tierbot models (more than there are people).`,
      acceptedWith('budget', o),
    );
  }
  // Past the rule's largest example the account is bought by extending it: said wherever the note shows (Assumptions, compare.csv).
  const extended = bought > CENT_RULE_LARGEST_EXAMPLE ? `, extended past its largest example, ${CENT_RULE_EXAMPLE_TEXT}` : '';
  return { ok: true, followers: bought, note: `what the budget buys at the cent-per-follower rule${extended}: ${formatMoneyExact(budget)} ÷ ${formatMoney(CENT_PER_FOLLOWER)}`, basis: 'budget' };
}

/**
 * The user's value for an input when its option is given (the same unit and direction as the
 * input's own), else the input as sourced or assumed.
 */
function userOr(value: number | undefined, plans: Assumption['plans'], fallback: Assumption & { option: NumericOption }, inputRule?: string): Assumption {
  if (value === undefined) return fallback;
  const input = given(fallback.key, fallback.option, value, fallback.unit, plans, fallback.better);
  return inputRule ? { ...input, rule: inputRule } : input;
}

/** Sales given with the Kardashian preset: Plan A's are the observed case's, so they apply to Plan B alone. */
const KARDASHIAN_SALES_INPUT = 'your input, for Plan B only: Plan A’s sales are the observed case’s';

/** Where the conversion and order value come from, in a few words for the main reply. */
const KARDASHIAN_CASE_SOURCE = 'the Kardashian tweet, TapInfluence blog';

/**
 * The inputs both plans share, each given by the user or taken from its source or Tierbot's
 * assumption: frequency, click-through, conversion, order value and Plan B's audience overlap
 * (which, with one micro-influencer, does not apply, and says so).
 */
function sharedInputs(
  o: Overrides,
  kardashian: boolean,
  platform: Platform,
  microCount: number,
): Pick<Record<AssumptionKey, Assumption>, 'frequency' | 'click_through' | 'conversion' | 'order_value' | 'overlap'> {
  // The Kardashian case's conversion and order value are observed for the tweet, but Plan A's
  // orders there are the observed ones: they feed only Plan B, other influencers on another
  // platform, which makes them an extrapolation there too.
  const caseUse = kardashian
    ? `, applied only to Plan B’s ${PLATFORM_LABEL[platform]} micro-influencers (Plan A’s orders are observed)`
    : ', used here beyond that case';
  const casePlans: Assumption['plans'] = kardashian ? ['B'] : ['A', 'B'];
  const overlap = userOr(o.overlap, ['B'], {
    key: 'overlap',
    label: LABEL.overlap,
    unit: 'percent',
    value: { ...OVERLAP },
    basis: 'assumption',
    plans: ['B'],
    better: 'lower',
    rule: 'no published average; 0% counts every influencer’s audience as different people, as “10 × 10,000 against 1 × 100,000” does',
    rangeNote: `up to ${formatPercent(OVERLAP.high)}, the overlap Influencity illustrates for 10 creators`,
    sources: [CITE.influencity],
    option: 'overlap',
  });
  return {
    frequency: {
      key: 'frequency',
      label: LABEL.frequency,
      unit: 'multiplier',
      value: { ...FREQUENCY },
      basis: 'assumption',
      plans: ['A', 'B'],
      better: 'higher',
      rule: 'each reached account sees the post once; no source gives a frequency',
      rangeNote: `up to ${FREQUENCY.high}, a forecasting rule`,
      sources: [CITE.frequencyRule],
    },
    click_through: userOr(o.click_through, ['A', 'B'], {
      key: 'click_through',
      label: LABEL.click_through,
      unit: 'percent',
      value: { ...CLICK_THROUGH },
      basis: 'assumption',
      plans: ['A', 'B'],
      better: 'higher',
      rule: `no published click-through rate is authoritative; ${formatPercent(CLICK_THROUGH.expected)} is the low end of the link-in-bio rule of thumb (0.5–1.5% of impressions, unaudited)`,
      rangeNote: 'wide enough to span the observed cases per reached account',
      sources: [CITE.linkGlossaries],
      option: 'click_through',
    }),
    conversion: userOr(o.conversion, casePlans, {
      key: 'conversion',
      label: LABEL.conversion,
      unit: 'percent',
      value: single(CONVERSION),
      basis: 'extrapolated',
      plans: casePlans,
      better: 'higher',
      rule: `the Kardashian case, the one recorded: ${formatCount(KARDASHIAN_CASE.orders)} orders ÷ ${formatCount(KARDASHIAN_CASE.visits)} website visits = ${formatPercent(CONVERSION)}${caseUse}`,
      rangeNote: ONE_FIGURE,
      sources: [CITE.tapInfluence],
      summary: KARDASHIAN_CASE_SOURCE,
      option: 'conversion',
    }, kardashian ? KARDASHIAN_SALES_INPUT : undefined),
    order_value: userOr(o.order_value, casePlans, {
      key: 'order_value',
      label: LABEL.order_value,
      unit: 'money',
      value: single(ORDER_VALUE),
      basis: 'extrapolated',
      plans: casePlans,
      better: 'higher',
      rule: `the Kardashian case: orders “averaging $30 each”${caseUse}`,
      rangeNote: ONE_FIGURE,
      sources: [CITE.tapInfluence],
      summary: KARDASHIAN_CASE_SOURCE,
      option: 'order_value',
    }, kardashian ? KARDASHIAN_SALES_INPUT : undefined),
    // The funnel counts one influencer's reach whole: an overlap given for one is not used, and is said not to be.
    overlap:
      microCount > 1
        ? overlap
        : { ...overlap, value: single(overlap.value!.expected), rule: `${overlap.basis === 'input' ? 'your input, which ' : ''}${ONE_MICRO_OVERLAP}`, rangeNote: '', sources: [] },
  };
}

/** Why overlap does not apply to a Plan B of one. */
export const ONE_MICRO_OVERLAP = 'does not apply: Plan B has one micro-influencer, and overlap is audience that several share';

/**
 * Plan A's fee. With a budget it is the budget, except where that would be untrue: the observed
 * tweet cost what it cost (Ad Age's figure), and a budget below every price rule for the
 * followers given does not buy them. Those keep their price, and the reply says Plan A is over
 * the budget; Plan B still spends the budget.
 */
function bigFeeOf(
  bigFee: number | undefined,
  kardashian: boolean,
  budget: number | null,
  followers: { followers: number; basis: Basis },
  engagementA: Assumption,
  platform: Platform,
): Assumption {
  if (bigFee !== undefined) return given('fee_a', 'big_fee', bigFee, 'money', ['A'], 'lower');
  if (kardashian) {
    const { low, high } = AD_AGE_KARDASHIAN_FEE;
    return {
      key: 'fee_a',
      label: LABEL.fee_a,
      unit: 'money',
      value: { low, expected: (low + high) / 2, high },
      basis: 'extrapolated',
      plans: ['A'],
      better: 'lower',
      rule: `the TapInfluence article gives no fee; Tierbot takes the midpoint of Ad Age’s range${budget !== null ? ', kept whatever the budget: the observed tweet was not bought with it' : ''}`,
      rangeNote: `Ad Age 2020: ${AD_AGE_KARDASHIAN_FEE_TEXT} for a sponsored Instagram post by Kim Kardashian West, not this tweet`,
      sources: [CITE.adAge],
      option: 'big_fee',
    };
  }
  if (budget !== null && followers.basis === 'budget') return fromBudget('fee_a', 'big_fee', budget, ['A'], 'the budget');
  const byRules = feeByRules('A', followers.followers, engagementA.value, platform);
  if (budget === null) return byRules;
  // Whether the budget buys the account: set beside every rule's price at the expected engagement rate.
  const { low, high, at } = rulesAtExpected(byRules.feeRules!, engagementA.value);
  if (budget >= low) {
    return fromBudget('fee_a', 'big_fee', budget, ['A'], `the budget (the price rules give ${formatMoney(low)}–${formatMoney(high)} for ${audienceText(followers.followers, platform)}${at ? ` ${at}` : ''})`);
  }
  // Plan A's make-up does not depend on its fee here, so the rules' range stays a range.
  return { ...byRules, rule: `priced by the rules, as the budget (${formatMoneyExact(budget)}) is below all of them: ${byRules.rule}` };
}

/** Plan B's followers each, engagement rate and fee each: the user's, or the sources' (the fee by the price rules). */
function microInputs(o: Overrides, platform: Platform): { followers: number; engagement: Assumption; fee: Assumption } {
  const followers = o.micro_followers ?? DEFAULT_MICRO_FOLLOWERS;
  const engagement =
    o.micro_engagement !== undefined ? given('engagement_rate_b', 'micro_engagement', o.micro_engagement, 'percent', ['B'], 'higher') : engagementRate('B', followers, platform);
  const fee = o.micro_fee !== undefined ? given('fee_b', 'micro_fee', o.micro_fee, 'money', ['B'], 'lower') : feeByRules('B', followers, engagement.value, platform);
  return { followers, engagement, fee };
}

const BIG_FEE_OR_BUDGET = 'either big_fee or budget, not both: leave out big_fee to spend the budget on Plan A, or leave out budget to set Plan A’s fee yourself';
const MICRO_COUNT_OR_BUDGET =
  'either micro_count or budget, not both: leave out micro_count to spend the budget on Plan B, or leave out budget to set the number of micro-influencers yourself';
const BIG_FOLLOWERS_OR_KARDASHIAN =
  'either big_followers or the Kardashian preset, not both: leave out big_followers to keep the observed tweet, or leave out the preset to compare another big influencer';

/** What an option accepts beside the others (acceptedWith), and whether that is a choice between two options (ParseFailure's `acceptedIsChoice`). */
function acceptedFor(option: OptionName, o: Overrides): Pick<ParseFailure, 'accepted' | 'acceptedIsChoice'> {
  const accepted = acceptedWith(option, o);
  return accepted === BIG_FEE_OR_BUDGET || accepted === MICRO_COUNT_OR_BUDGET || accepted === BIG_FOLLOWERS_OR_KARDASHIAN ? { accepted, acceptedIsChoice: true } : { accepted };
}

/**
 * What `option` accepts beside the other options `o`: the one range that works there, as every
 * error about it says. A budget runs from one micro-influencer's fee (less buys Plan B none) to
 * the most that buys Plan A's followers at a cent each when it picks them; with a budget a micro
 * fee must buy a number of micro-influencers (a cent up to the budget), and big_fee and
 * micro_count are the budget's to set; without one, micro_count and micro_followers keep Plan B
 * within the followers Tierbot models in all. Examples are only amounts the range accepts.
 */
export function acceptedWith(option: OptionName, o: Overrides): string {
  const kardashian = o.preset === 'kardashian';
  if (option === 'big_followers' && kardashian) return BIG_FOLLOWERS_OR_KARDASHIAN;
  if (option === 'budget') {
    const least = Math.max(microInputs(o, o.platform ?? 'instagram').fee.value!.expected, SMALLEST_FEE);
    const picksFollowers = !kardashian && o.big_followers === undefined;
    const most = picksFollowers ? MAX_BUDGET_FOR_FOLLOWERS : MAX_MONEY;
    const why = picksFollowers ? ' (the most that buys Plan A’s followers at a cent each; give big_followers for more)' : '';
    return withExamples(`an amount in US dollars from ${formatMoneyExact(least)} (one micro-influencer’s fee) to ${formatMoney(most)}${why}`, moneyExamples(least, most));
  }
  if (o.budget === undefined) return acceptedWithoutBudget(option, o);
  if (option === 'micro_fee') {
    return `${withExamples(`with a budget, an amount in US dollars from ${formatMoney(SMALLEST_FEE)} to the budget (${formatMoneyExact(o.budget)})`, moneyExamples(SMALLEST_FEE, o.budget))}; without one, $0 is accepted too`;
  }
  if (option === 'big_fee' && !kardashian) return BIG_FEE_OR_BUDGET;
  if (option === 'micro_count') return MICRO_COUNT_OR_BUDGET;
  return ACCEPTED[option];
}

/** "what it accepts: `5000`, `5k`", or what it accepts alone when no example fits. */
const withExamples = (accepted: string, examples: string) => (examples ? `${accepted}: ${examples}` : accepted);

/**
 * Without a budget, Plan B's count and followers each are the user's to set, but together they
 * stay within the followers Tierbot models: each narrows the other's range.
 */
function acceptedWithoutBudget(option: OptionName, o: Overrides): string {
  if (option === 'micro_count' && o.micro_followers !== undefined && mostMicros(o.micro_followers) < MAX_MICRO_COUNT) {
    return `with ${formatCount(o.micro_followers)} followers each, ${influencerForms(mostMicros(o.micro_followers))}`;
  }
  const count = o.micro_count ?? DEFAULT_MICRO_COUNT;
  if (option === 'micro_followers' && count > 1) {
    return `with ${microInfluencers(count)}, ${followerForms(Math.floor(MAX_FOLLOWERS / count), ' each')}`;
  }
  return ACCEPTED[option];
}

/** Plan B's make-up as microInputs gives it: followers each, engagement rate and fee each. */
type MicroInputs = ReturnType<typeof microInputs>;

/**
 * The first pair of options that cannot be combined, in the order a user would fix them, or null
 * when they all fit together.
 */
function optionClash(o: Overrides, micro: MicroInputs): ParseFailure | null {
  return kardashianWithBigFollowers(o) ?? budgetAgainstPlanB(o, micro) ?? planBOverFollowerCap(o, micro) ?? bigFeeAgainstBudget(o);
}

/** The Kardashian preset is one observed account: other followers would make it another. */
function kardashianWithBigFollowers(o: Overrides): ParseFailure | null {
  if (o.preset !== 'kardashian' || o.big_followers === undefined) return null;
  return {
    ...fail('big_followers', `The Kardashian preset is one observed tweet, to ${formatCount(KARDASHIAN_CASE.followers)} followers: other followers would make it another account.`),
    ...acceptedFor('big_followers', o),
    clashesWith: 'preset',
  };
}

/**
 * A budget buys Plan B's micro-influencers at their fee, so it must buy a set number of them
 * (not free ones), at least one, and the micro_count given, if any.
 */
function budgetAgainstPlanB(o: Overrides, micro: MicroInputs): ParseFailure | null {
  const budget = o.budget;
  if (budget === undefined) return null;
  const microFee = micro.fee.value!.expected;
  if (microFee === 0) {
    // Free micros: no number of them spends the budget ("Plan B costs $0" would compare nothing).
    return {
      ...fail('micro_fee', 'With a budget, Plan B has as many micro-influencers as the budget buys at micro_fee; at $0 each, that is no set number.', acceptedWith('micro_fee', o)),
      clashesWith: 'budget',
    };
  }
  if (budget < microFee) {
    return fail(
      'budget',
      `A budget of ${formatMoneyExact(budget)} does not buy one micro-influencer at ${formatMoneyExact(microFee)}: the smallest useful budget is ${formatMoneyExact(microFee)}.`,
      acceptedWith('budget', o),
    );
  }
  // The budget decides Plan B's count: a different micro_count would break "both plans spend it".
  const bought = affordable(budget, microFee, micro.followers);
  if (o.micro_count === undefined || o.micro_count === bought) return null;
  return {
    ...fail(
      'micro_count',
      `With a budget, the budget decides how many micro-influencers Plan B has: ${formatMoneyExact(budget)} buys ${microInfluencers(bought)} at ${formatMoneyExact(microFee)}, not ${formatCount(o.micro_count)}.`,
    ),
    ...acceptedFor('micro_count', o),
    clashesWith: 'budget',
  };
}

/**
 * Without a budget, Plan B's count and followers each are the user's (or the article's), and
 * together they may not pass the followers Tierbot models: as for Plan A's followers, more than
 * there are people is a typo, and no plan to compare. (A budget's count is capped instead.)
 */
function planBOverFollowerCap(o: Overrides, micro: MicroInputs): ParseFailure | null {
  if (o.budget !== undefined) return null;
  const influencers = o.micro_count ?? DEFAULT_MICRO_COUNT;
  const followers = influencers * micro.followers;
  if (followers <= MAX_FOLLOWERS) return null;
  const option = o.micro_count !== undefined ? 'micro_count' : 'micro_followers';
  return {
    ...fail(
      option,
      `Plan B would have ${formatCount(influencers)} × ${formatCount(micro.followers)} = ${formatCount(followers)} followers in all, more than the ${formatCount(MAX_FOLLOWERS)} Tierbot models (more than there are people).`,
      acceptedWith(option, o),
    ),
    ...(option === 'micro_count' && o.micro_followers !== undefined ? { clashesWith: 'micro_followers' as const } : {}),
  };
}

/** With a budget, Plan A's fee is the budget (the observed tweet excepted: it cost what it cost). */
function bigFeeAgainstBudget(o: Overrides): ParseFailure | null {
  const budget = o.budget;
  if (budget === undefined || o.preset === 'kardashian' || o.big_fee === undefined || o.big_fee === budget) return null;
  return {
    ...fail(
      'big_fee',
      `With a budget, the budget is Plan A’s fee: big_fee ${formatMoneyExact(o.big_fee)} would leave Plan A spending something other than the ${formatMoneyExact(budget)} budget.`,
    ),
    ...acceptedFor('big_fee', o),
    clashesWith: 'budget',
  };
}

/** Plan A's followers (and where they come from), reach rate, engagement rate and fee. */
interface BigInputs {
  followers: { followers: number; note: string; basis: Basis };
  reach: Assumption;
  engagement: Assumption;
  fee: Assumption;
}

/** Plan A's inputs, or the input error when a budget would buy more followers than Tierbot models. */
function bigInputs(o: Overrides, platform: Platform): ({ ok: true } & BigInputs) | ParseFailure {
  const kardashian = o.preset === 'kardashian';
  const budget = o.budget ?? null;
  // A big_fee equal to the budget says nothing the budget does not: the budget prices Plan A.
  const bigFee = budget !== null && !kardashian ? undefined : o.big_fee;
  const followers = bigFollowersOf(o, kardashian, budget, bigFee);
  if (!followers.ok) return followers;
  const reach =
    o.big_reach !== undefined
      ? given('reach_rate_a', 'big_reach', o.big_reach, 'percent', ['A'], 'higher')
      : kardashian
        ? notReported('reach_rate_a', 'big_reach', 'No Twitter reach figure is recorded for the tweet')
        : reachRate('A', followers.followers, platform);
  const engagement =
    o.big_engagement !== undefined
      ? given('engagement_rate_a', 'big_engagement', o.big_engagement, 'percent', ['A'], 'higher')
      : kardashian
        ? notReported('engagement_rate_a', 'big_engagement', 'No Twitter engagement figure is recorded for the tweet')
        : engagementRate('A', followers.followers, platform);
  const fee = bigFeeOf(bigFee, kardashian, budget, followers, engagement, platform);
  return { ok: true, followers, reach, engagement, fee };
}

/** How many micro-influencers Plan B has, and where that number comes from. */
interface PlanBCount {
  influencers: number;
  basis: Basis;
  note: string;
}

/**
 * Plan B's count: what the budget buys (capped at mostMicros), else the user's or the article's
 * 10. A count the Equal budget button set follows from Plan A's cost (`costA`): it says so rather
 * than "your input".
 */
function planBCount(o: Overrides, micro: MicroInputs, costA: number): PlanBCount {
  const microFee = micro.fee.value!.expected;
  if (o.budget !== undefined) {
    const influencers = affordable(o.budget, microFee, micro.followers);
    const capped = wholeAt(o.budget, microFee) > influencers ? ` (capped at ${mostMicrosText(micro.followers)})` : '';
    return { influencers, basis: 'budget', note: `as many as the budget buys: ${formatMoneyExact(o.budget)} ÷ ${formatMoneyExact(microFee)}, rounded down${capped}` };
  }
  if (o.micro_count === undefined) return { influencers: DEFAULT_MICRO_COUNT, basis: 'sourced', note: TEN_MICRO_NOTE };
  if (o.setByEqualBudget) return { influencers: o.micro_count, basis: 'budget', note: equalBudgetNote(costA, microFee, o.micro_count, micro.followers) };
  return { influencers: o.micro_count, basis: 'input', note: 'your input' };
}

/**
 * Plan B's fee each. With a budget, Plan B is priced at the named rule (the budget buys its count
 * at that fee): the other rules' fees are notes, not ranges.
 */
function planBFee(micro: MicroInputs, budget: number | null, platform: Platform): Assumption {
  const { feeRules, ...priced } = micro.fee;
  if (budget === null || !feeRules) return micro.fee;
  const others = otherRulesNote(feeRules, micro.engagement.value, platform);
  return { ...priced, value: single(priced.value!.expected), rangeNote: `with a budget, fees are what it pays at this rule (the other rules: ${others})` };
}

/** Plan A: one influencer; in the Kardashian preset, the case as reported. */
function planASpec(big: BigInputs, kardashian: boolean): PlanSpec {
  const k = KARDASHIAN_CASE;
  return {
    plan: 'A',
    influencers: 1,
    followersEach: big.followers.followers,
    followersNote: big.followers.note,
    followersBasis: big.followers.basis,
    influencersNote: 'one influencer',
    influencersBasis: 'sourced',
    ...(kardashian ? { observed: { visits: k.visits, orders: k.orders, revenue: k.orders * k.orderValue, source: CITE.tapInfluence } } : {}),
  };
}

/** Plan B: its count, and its followers each (the user's or the article's). */
function planBSpec(o: Overrides, micro: MicroInputs, count: PlanBCount): PlanSpec {
  return {
    plan: 'B',
    influencers: count.influencers,
    followersEach: micro.followers,
    // The article's note covers both the count and the followers only when both are the article's.
    followersNote: o.micro_followers !== undefined ? 'your input' : count.basis === 'sourced' ? TEN_MICRO_NOTE : TEN_MICRO_FOLLOWERS_NOTE,
    followersBasis: o.micro_followers !== undefined ? 'input' : 'sourced',
    influencersNote: count.note,
    influencersBasis: count.basis,
  };
}

/** The scenario from normalised overrides, or an input error the options cannot combine into. */
export function buildScenario(o: Overrides): { ok: true; scenario: Scenario } | ParseFailure {
  const preset = o.preset ?? null;
  const kardashian = preset === 'kardashian';
  const platform = o.platform ?? 'instagram';
  const budget = o.budget ?? null;

  const micro = microInputs(o, platform);
  const clash = optionClash(o, micro);
  if (clash) return clash;
  const big = bigInputs(o, platform);
  if (!big.ok) return big;
  const count = planBCount(o, micro, big.fee.value!.expected);

  const shared = sharedInputs(o, kardashian, platform, count.influencers);
  // Plan B's rates multiply all its influencers' followers (less the overlap, for reach): written for that count.
  const basis = (rate: 'reach' | 'engagement') => countBasis(rate, count.influencers, micro.followers, shared.overlap.value!.expected);
  const assumptions: Record<AssumptionKey, Assumption> = {
    reach_rate_a: big.reach,
    reach_rate_b: glancedFor(
      o.micro_reach !== undefined ? given('reach_rate_b', 'micro_reach', o.micro_reach, 'percent', ['B'], 'higher') : reachRate('B', micro.followers, platform),
      basis('reach'),
    ),
    engagement_rate_a: big.engagement,
    engagement_rate_b: glancedFor(micro.engagement, basis('engagement')),
    fee_a: big.fee,
    fee_b: planBFee(micro, budget, platform),
    ...shared,
  };
  const a = planASpec(big, kardashian);
  const b = planBSpec(o, micro, count);
  return { ok: true, scenario: { overrides: { ...o }, preset, platform, platformGiven: o.platform !== undefined, budget, a, b, assumptions } };
}

/**
 * The options as typed, read as parseOverrides reads them; an error states what the option
 * accepts beside the other options (acceptedWith), as far as they can be read.
 */
export function parseOptions(input: CompareInput): { ok: true; overrides: Overrides } | ParseFailure {
  const parsed = parseOverrides(input);
  if (parsed.ok) return parsed;
  const others: Overrides = {};
  for (const name of OPTION_NAMES) {
    const one = name === parsed.option ? null : parseOverrides({ [name]: input[name] });
    if (one?.ok) Object.assign(others, one.overrides);
  }
  return { ...parsed, ...acceptedFor(parsed.option, others) };
}

/** The scenario from the options as typed: parsed, then built (or the first input error). */
export function parseCompareInput(input: CompareInput): { ok: true; scenario: Scenario } | ParseFailure {
  const parsed = parseOptions(input);
  if (!parsed.ok) return parsed;
  return buildScenario(parsed.overrides);
}
