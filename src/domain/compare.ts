/**
 * The model behind /compare: one big influencer (Plan A) against many micro-influencers (Plan B),
 * through one funnel (funnel.ts), with every input a low–expected–high range from the sources.
 *
 * parseCompareInput validates the options and fills every gap with a cited default;
 * comparePlans evaluates the scenario. Plain data in and out (no markdown, no Discord): the
 * command formats it, and the chart renderer receives it as is.
 *
 * Ranges. Each plan is run through the funnel three times: with every input at its expected
 * value; pessimistic, with every input at the end of its range that is worse for the plan (low
 * rates, high fees, high overlap); and optimistic, the other end. Each scenario is consistent:
 * a fee priced by the rules is worked out at that scenario's own engagement rate (Traackr's rule
 * prices engagements, so its fee rises with the rate), the lowest rule's fee in the optimistic
 * scenario and the highest in the pessimistic one. For each metric, low is the smaller of the
 * pessimistic and optimistic results and high the larger. Every metric moves one way with each
 * input, so low ≤ expected ≤ high always holds, cost ratios included.
 *
 * Verdict. Only measures that do not follow from one another are counted: reach, engagements,
 * cost per engagement and cost per order. Each input with a range is moved alone to each end of
 * it; an input that changes a measure's winner decides it, and its break-even value is where the
 * two plans tie. The verdict "holds across every sourced range" (and across the ranges of
 * Tierbot's own assumptions) when no input does, not even all of them together at the ends that
 * hurt the winner.
 */

import {
  AD_AGE_KARDASHIAN_FEE,
  BAZAARVOICE_REACH,
  CASE_NOTES,
  CENT_PER_FOLLOWER,
  CITE,
  CLICK_THROUGH,
  CONVERSION,
  CPM_REFERENCE,
  ENGAGEMENT_DISAGREEMENT,
  FEE_TABLES_NOTE,
  FREQUENCY,
  GRIN_PER_FOLLOWER,
  HYPEAUDITOR_2018_AVERAGE,
  IMH_MEGA_FROM,
  IMH_MICRO_BELOW,
  IMH_MICRO_MEGA,
  INSTAGRAM_ENGAGEMENT_OTHERS,
  KARDASHIAN_CASE,
  MINTER_REACH,
  OBSERVED_CLICKS,
  ORDER_VALUE,
  OVERLAP,
  PLATFORMS,
  PLATFORM_LABEL,
  TIKTOK_NANO,
  TRAACKR_CPME,
  UPFLUENCE_CPM,
  citeText,
  inBand,
  publisherYear,
  type Basis,
  type BandFigure,
  type Citation,
  type Platform,
} from './benchmarks';
import { ACCEPTED_FORMS, MAX_FOLLOWERS, parseFollowerCount, type ParseResult } from './followers';
import { formatCount, shorten } from './format';
import { funnel, type FunnelInputs, type MetricName, type Metrics, METRIC_NAMES } from './funnel';
import {
  MAX_MONEY,
  MONEY_DECIMALS,
  MONEY_FORMS,
  PERCENT_FORMS,
  PERCENT_SIGNIFICANT,
  formatMoney,
  formatPercent,
  keptPercent,
  keptToCents,
  parseMoney,
  parsePercent,
  plainNumber,
  roundPercent,
  roundTo,
} from './units';

export { METRIC_NAMES, type MetricName, type Metrics };

// ── Options ───────────────────────────────────────────────────────────────────────────────────

/** The scenario's options, in the order /compare registers them. */
export const OPTION_NAMES = [
  'preset',
  'platform',
  'budget',
  'big_followers',
  'big_fee',
  'micro_count',
  'micro_followers',
  'micro_fee',
  'big_engagement',
  'micro_engagement',
  'conversion',
  'order_value',
  'overlap',
  'click_through',
  'big_reach',
  'micro_reach',
] as const;
export type OptionName = (typeof OPTION_NAMES)[number];
export type CompareInput = Partial<Record<OptionName, string | number>>;

export type PresetId = 'kardashian' | 'ten-micro';
export const PRESETS: readonly PresetId[] = ['kardashian', 'ten-micro'];
export const PRESET_LABEL: Record<PresetId, string> = {
  kardashian: 'Kardashian tweet (observed) vs micro-influencers',
  'ten-micro': '10 × 10,000 vs 1 × 100,000 followers',
};

export type NumericOption = Exclude<OptionName, 'preset' | 'platform'>;
export type OptionKind = 'money' | 'followers' | 'influencers' | 'percent';

export const OPTION_KIND: Record<NumericOption, OptionKind> = {
  budget: 'money',
  big_followers: 'followers',
  big_fee: 'money',
  micro_count: 'influencers',
  micro_followers: 'followers',
  micro_fee: 'money',
  big_engagement: 'percent',
  micro_engagement: 'percent',
  conversion: 'percent',
  order_value: 'money',
  overlap: 'percent',
  click_through: 'percent',
  big_reach: 'percent',
  micro_reach: 'percent',
};

/** Most micro-influencers a plan may have; also caps counts bought by a budget. */
export const MAX_MICRO_COUNT = 1_000_000;
/** The largest budget that can pick Plan A's followers: MAX_FOLLOWERS at a cent each ($100M). */
export const MAX_BUDGET_FOR_FOLLOWERS = MAX_FOLLOWERS * CENT_PER_FOLLOWER;
export const MAX_PERCENT = 100;

const percentForms = `a percentage from 0 to 100: ${PERCENT_FORMS}`;
const moneyForms = `an amount in US dollars from $0 to $${formatCount(MAX_MONEY)}: ${MONEY_FORMS}`;
/** A plan with no followers reaches no one: its comparison would mean nothing. */
const MIN_FOLLOWERS = 1;
const followerForms = `a follower count from ${formatCount(MIN_FOLLOWERS)} to ${formatCount(MAX_FOLLOWERS)}: ${ACCEPTED_FORMS}`;

export const ACCEPTED: Record<OptionName, string> = {
  preset: PRESETS.map((p) => `\`${p}\``).join(' or '),
  platform: PLATFORMS.map((p) => `\`${p}\``).join(', '),
  budget: moneyForms,
  big_followers: followerForms,
  big_fee: moneyForms,
  micro_count: `a whole number of influencers from 1 to ${formatCount(MAX_MICRO_COUNT)}: \`10\`, \`30\`, \`1.5k\``,
  micro_followers: followerForms,
  micro_fee: moneyForms,
  big_engagement: percentForms,
  micro_engagement: percentForms,
  conversion: percentForms,
  order_value: moneyForms,
  overlap: percentForms,
  click_through: percentForms,
  big_reach: percentForms,
  micro_reach: percentForms,
};

/**
 * The user's own option values, normalised (money to cents, percents to six significant digits).
 * `setByEqualBudget`: the micro_count (or, with a budget, the budget) was set by the Equal budget
 * button, not typed, so it is credited to the button and not to the user.
 */
export type Overrides = Partial<Record<NumericOption, number>> & { preset?: PresetId; platform?: Platform; setByEqualBudget?: true };

/**
 * An input error. `typed` is the user's own text when `reason` quotes it (between “ ”), so a
 * formatter can escape exactly that part: the rest of `reason` is Tierbot's own words.
 * `clashesWith`: the option that `option` cannot be given with (each is fine alone), so that a
 * saved plan's value can give way to an option the user gives.
 */
export type ParseFailure = { ok: false; option: string; reason: string; accepted: string; typed?: string; clashesWith?: OptionName };

// ── Parsing ───────────────────────────────────────────────────────────────────────────────────

// Maps, not object literals: typed text such as "constructor" must not find Object.prototype's members.
const PRESET_ALIASES: ReadonlyMap<string, PresetId> = new Map([
  ['kardashian', 'kardashian'],
  ['kim', 'kardashian'],
  ['ten-micro', 'ten-micro'],
  ['10-micro', 'ten-micro'],
  ['tenmicro', 'ten-micro'],
]);
const PLATFORM_ALIASES: ReadonlyMap<string, Platform> = new Map([
  ['instagram', 'instagram'],
  ['ig', 'instagram'],
  ['insta', 'instagram'],
  ['tiktok', 'tiktok'],
  ['tik-tok', 'tiktok'],
  ['tt', 'tiktok'],
  ['youtube', 'youtube'],
  ['yt', 'youtube'],
]);

function keyword(value: string | number): string {
  return String(value).normalize('NFKC').trim().toLowerCase().replace(/[\s_]+/g, '-');
}

function fail(option: OptionName, reason: string, accepted: string = ACCEPTED[option]): ParseFailure {
  return { ok: false, option, reason, accepted };
}

/**
 * How many influencers: read with the follower-count forms ("10", "1.5k"), but explained as a
 * number of influencers, never as followers.
 */
function parseInfluencerCount(text: string): ParseResult<number> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'No number of influencers was given.' };
  if (/^[-−–]/.test(trimmed)) return { ok: false, reason: 'The number of influencers cannot be negative.' };
  const read = parseFollowerCount(trimmed);
  if (read.ok) return read;
  // The follower reader's own reasons speak of followers: say the same of influencers.
  if (/fraction/.test(read.reason)) return { ok: false, reason: `The number of influencers is a whole number; “${trimmed}” is not.` };
  if (/more than/.test(read.reason)) return { ok: false, reason: `That is more than ${formatCount(MAX_MICRO_COUNT)} influencers.` };
  return { ok: false, reason: 'That is not a number of influencers I can read.' };
}

function parseNumberValue(kind: OptionKind, value: string | number): ParseResult<number> {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ok: false, reason: 'That is not a number.' };
    if (value < 0) return { ok: false, reason: kind === 'influencers' ? 'The number of influencers cannot be negative.' : 'It cannot be negative.' };
    if (kind === 'money') {
      if (value > MAX_MONEY) return { ok: false, reason: `That is more than ${formatMoney(MAX_MONEY)}.` };
      return keptToCents(value);
    }
    if (kind === 'percent') {
      if (value > MAX_PERCENT) return { ok: false, reason: `${formatPercent(value)} is more than 100%.` };
      return keptPercent(value);
    }
    if (!Number.isInteger(value)) return { ok: false, reason: kind === 'influencers' ? 'The number of influencers is a whole number.' : 'It must be a whole number.' };
    if (value > MAX_FOLLOWERS) return { ok: false, reason: `That is more than ${formatCount(MAX_FOLLOWERS)}.` };
    return { ok: true, value };
  }
  if (kind === 'money') return parseMoney(value);
  if (kind === 'percent') return parsePercent(value, MAX_PERCENT);
  if (kind === 'influencers') return parseInfluencerCount(value);
  return parseFollowerCount(value);
}

/** Validates options into normalised overrides; the first invalid option (in OPTION_NAMES order) is reported. */
export function parseOverrides(input: CompareInput): { ok: true; overrides: Overrides } | ParseFailure {
  const overrides: Overrides = {};
  for (const name of OPTION_NAMES) {
    const raw = input[name];
    if (raw === undefined || raw === '') continue;
    if (name === 'preset' || name === 'platform') {
      const found = name === 'preset' ? PRESET_ALIASES.get(keyword(raw)) : PLATFORM_ALIASES.get(keyword(raw));
      if (found === undefined) {
        const typed = shorten(String(raw), 40);
        return { ...fail(name, `“${typed}” is not a ${name} I know.`), typed };
      }
      if (name === 'preset') overrides.preset = found as PresetId;
      else overrides.platform = found as Platform;
      continue;
    }
    const kind = OPTION_KIND[name];
    const parsed = parseNumberValue(kind, raw);
    if (!parsed.ok) return fail(name, parsed.reason);
    if (kind === 'influencers') {
      if (parsed.value < 1) return fail(name, 'There must be at least one micro-influencer.');
      if (parsed.value > MAX_MICRO_COUNT) return fail(name, `That is more than ${formatCount(MAX_MICRO_COUNT)} influencers.`);
    }
    if (kind === 'followers' && parsed.value < MIN_FOLLOWERS) {
      const whose = name === 'big_followers' ? 'Plan A’s influencer' : 'Each of Plan B’s micro-influencers';
      return fail(name, `${whose} needs at least ${formatCount(MIN_FOLLOWERS)} follower: with none, the plan reaches no one and there is nothing to compare.`);
    }
    overrides[name] = parsed.value;
  }
  return { ok: true, overrides };
}

/** Validates every option and fills each gap with a cited default. Never throws. */
export function parseCompareInput(input: CompareInput): { ok: true; scenario: Scenario } | ParseFailure {
  const parsed = parseOverrides(input);
  if (!parsed.ok) return parsed;
  return buildScenario(parsed.overrides);
}

// ── Assumptions: every input of the funnel, with its range and where it comes from ─────────────

export const ASSUMPTION_KEYS = [
  'reach_rate_a',
  'reach_rate_b',
  'engagement_rate_a',
  'engagement_rate_b',
  'fee_a',
  'fee_b',
  'frequency',
  'click_through',
  'conversion',
  'order_value',
  'overlap',
] as const;
export type AssumptionKey = (typeof ASSUMPTION_KEYS)[number];

export interface Range {
  low: number;
  expected: number;
  high: number;
}

export interface Assumption {
  key: AssumptionKey;
  label: string;
  unit: 'percent' | 'money' | 'multiplier';
  /** null: not reported (no figure recorded for this plan and none given). */
  value: Range | null;
  basis: Basis;
  /** The plans this input feeds. */
  plans: readonly ('A' | 'B')[];
  /** Which end is better for a plan it feeds. */
  better: 'higher' | 'lower';
  /** Where the expected value comes from, in plain words. */
  rule: string;
  /** Where the range comes from ('' when there is no spread). */
  rangeNote: string;
  sources: Citation[];
  /** The option that sets it. */
  option?: NumericOption;
  /** Where the basis word alone would mislead, a few words for the main reply instead. */
  summary?: string;
  /** A fee priced by the rules: how each rule's price follows the engagement rate (scenarios need it). */
  feeRules?: FeeRules;
}

/** The price rules behind a fee. Traackr's rule prices engagements, so its fee follows the engagement rate. */
export interface FeeRules {
  cent: number;
  grin: { low: number; high: number };
  /** Traackr's fee for each percentage point of engagement rate; null when it is not used. */
  traackrPerPoint: number | null;
}

/** Traackr's fee at one engagement rate (percent); null when the rate is unknown or the fee would be $0. */
function traackrFeeAt(rules: FeeRules, engagementRate: number | null): number | null {
  if (rules.traackrPerPoint === null || engagementRate === null) return null;
  const fee = roundTo(rules.traackrPerPoint * engagementRate, MONEY_DECIMALS);
  return fee > 0 ? fee : null;
}

/** Every rule's fee at one engagement rate (percent). */
function feesAt(rules: FeeRules, engagementRate: number | null): number[] {
  const traackr = traackrFeeAt(rules, engagementRate);
  return [rules.cent, rules.grin.low, rules.grin.high, ...(traackr === null ? [] : [traackr])];
}

/** The lowest or highest rule's fee at this engagement rate: the optimistic or pessimistic scenario's fee. */
export function feeByRulesAt(rules: FeeRules, engagementRate: number | null, end: 'low' | 'high'): number {
  const fees = feesAt(rules, engagementRate);
  return end === 'low' ? Math.min(...fees) : Math.max(...fees);
}

/** One plan's make-up: how many influencers, with how many followers each, and where those come from. */
export interface PlanSpec {
  plan: 'A' | 'B';
  influencers: number;
  followersEach: number;
  /** Where the followers come from, in plain words. */
  followersNote: string;
  followersBasis: Basis;
  influencersNote: string;
  influencersBasis: Basis;
  /** Plan A of the Kardashian preset: the case as reported. */
  observed?: { visits: number; orders: number; revenue: number; source: Citation };
}

export interface Scenario {
  overrides: Overrides;
  preset: PresetId | null;
  platform: Platform;
  platformGiven: boolean;
  budget: number | null;
  a: PlanSpec;
  b: PlanSpec;
  assumptions: Record<AssumptionKey, Assumption>;
}

/** A source's (or a user's) percentage with its own digits: 22.885%, 0.54%, 0.0806%, 0.00001%. */
export function exactPercent(x: number): string {
  return `${plainNumber(x, PERCENT_SIGNIFICANT)}%`;
}

const single = (x: number): Range => ({ low: x, expected: x, high: x });
const spread = (expected: number, values: readonly number[]): Range => ({
  low: Math.min(expected, ...values),
  expected,
  high: Math.max(expected, ...values),
});

const LABEL: Record<AssumptionKey, string> = {
  reach_rate_a: 'Plan A reach rate',
  reach_rate_b: 'Plan B reach rate',
  engagement_rate_a: 'Plan A engagement rate',
  engagement_rate_b: 'Plan B engagement rate',
  fee_a: 'Plan A fee',
  fee_b: 'Plan B fee each',
  frequency: 'Impressions per reached account',
  click_through: 'Click-through (visits per reached account)',
  conversion: 'Conversion (orders per visit)',
  order_value: 'Average order value',
  overlap: 'Audience overlap among Plan B’s influencers',
};

function given(key: AssumptionKey, option: NumericOption, value: number, unit: Assumption['unit'], plans: Assumption['plans'], better: Assumption['better']): Assumption {
  return { key, label: LABEL[key], unit, value: single(value), basis: 'input', plans, better, rule: 'your input', rangeNote: '', sources: [], option };
}

const uniqueSources = (figures: readonly BandFigure[]): Citation[] => [...new Set(figures.map((f) => f.source))];

/**
 * "Markerly 2016 like rate, 10k–100k: 2.37%; …": each figure with its publisher and band. The
 * input's citations, shown with it wherever it is shown, say which were read second-hand.
 */
function describeFigures(figures: readonly BandFigure[]): string {
  return figures
    .map((f) => {
      const value = f.low === f.high ? exactPercent(f.low) : `${exactPercent(f.low)}–${exactPercent(f.high)}`;
      return `${publisherYear(f.source)} ${f.measure}, ${f.band.stated}: ${value}`;
    })
    .join('; ');
}

function reachRate(plan: 'A' | 'B', followers: number, platform: Platform): Assumption {
  const key = plan === 'A' ? 'reach_rate_a' : 'reach_rate_b';
  const option = plan === 'A' ? 'big_reach' : 'micro_reach';
  const minter = MINTER_REACH.find((f) => inBand(f.band, followers))!;
  const base = { key, label: LABEL[key], unit: 'percent', plans: [plan], better: 'higher', option } as const;
  if (platform === 'instagram') {
    const cross = BAZAARVOICE_REACH.filter((f) => inBand(f.band, followers));
    return {
      ...base,
      value: spread(minter.low, cross.map((f) => f.low)),
      basis: 'sourced',
      rule: `Minter.io 2019, median Instagram post reach for ${minter.band.stated} followers: ${exactPercent(minter.low)}`,
      rangeNote: cross.length ? `cross-check: ${describeFigures(cross)}` : '',
      sources: [CITE.minter, ...uniqueSources(cross)],
    };
  }
  const all = [...MINTER_REACH, ...BAZAARVOICE_REACH].map((f) => f.low);
  return {
    ...base,
    value: spread(minter.low, all),
    basis: 'extrapolated',
    rule:
      `no ${PLATFORM_LABEL[platform]} reach rate is recorded (views replace reach there): Tierbot uses Minter.io 2019's Instagram median for ` +
      `${minter.band.stated} followers (${exactPercent(minter.low)}), an extrapolation`,
    rangeNote: `every recorded post-reach figure, Bazaarvoice 2021 to Minter.io 2019 (${exactPercent(Math.min(...all))}–${exactPercent(Math.max(...all))})`,
    sources: [CITE.minter, CITE.bazaarvoice],
  };
}

function engagementRate(plan: 'A' | 'B', followers: number, platform: Platform): Assumption {
  const key = plan === 'A' ? 'engagement_rate_a' : 'engagement_rate_b';
  const option = plan === 'A' ? 'big_engagement' : 'micro_engagement';
  const base = { key, label: LABEL[key], unit: 'percent', plans: [plan], better: 'higher', option } as const;
  if (platform === 'instagram') {
    const main = HYPEAUDITOR_2018_AVERAGE.find((f) => inBand(f.band, followers))!;
    const others = INSTAGRAM_ENGAGEMENT_OTHERS.filter((f) => inBand(f.band, followers));
    return {
      ...base,
      value: spread(main.low, others.flatMap((f) => [f.low, f.high])),
      basis: 'sourced',
      rule: `HypeAuditor 2018, average (likes + comments) ÷ followers for ${main.band.stated} followers: ${exactPercent(main.low)}`,
      rangeNote: others.length ? `other sources: ${describeFigures(others)}` : '',
      sources: [CITE.hypeAuditor2018, ...uniqueSources(others).filter((c) => c !== CITE.hypeAuditor2018)],
    };
  }
  // Influencer Marketing Hub's "micro" and "mega" come without follower lines or the rate's
  // denominator (benchmarks.ts): which figure a count gets, and reading it as by followers, are
  // Tierbot's own assumptions, and the words say so rather than borrowing another source's lines.
  const { micro, mega } = IMH_MICRO_MEGA[platform];
  const imh = 'Influencer Marketing Hub 2021 (as reported by ION)';
  const unstated = 'it states neither follower lines for its tiers nor what its rate is divided by';
  const nano = platform === 'tiktok' && inBand(TIKTOK_NANO.band, followers) ? [TIKTOK_NANO] : [];
  if (followers < IMH_MICRO_BELOW || followers >= IMH_MEGA_FROM) {
    const tier = followers < IMH_MICRO_BELOW ? 'micro' : 'mega';
    const value = tier === 'micro' ? micro : mega;
    const lines = tier === 'micro' ? `under ${formatCount(IMH_MICRO_BELOW)} followers` : `from ${formatCount(IMH_MEGA_FROM)} followers`;
    return {
      ...base,
      value: spread(value, nano.map((f) => f.low)),
      basis: 'extrapolated',
      rule:
        `${imh} gives ${PLATFORM_LABEL[platform]} “${tier}” ${exactPercent(value)}, but ${unstated}. ` +
        `That “${tier}” covers ${followersText(followers)} (Tierbot applies it ${lines}) and that the rate is by followers are Tierbot assumptions, not the source's`,
      rangeNote: nano.length ? `also ${describeFigures(nano)}` : '',
      sources: [CITE.imh2021, ...uniqueSources(nano)],
      summary: `Influencer Marketing Hub 2021 “${tier}”, as reported by ION; it states no follower lines or denominator, so this use by followers is a Tierbot assumption`,
    };
  }
  const mid = roundPercent((micro + mega) / 2);
  return {
    ...base,
    value: { low: mega, expected: mid, high: micro },
    basis: 'assumption',
    rule:
      `no ${PLATFORM_LABEL[platform]} figure for 100k–1M followers is recorded: Tierbot assumes the midpoint of the “micro” ${exactPercent(micro)} and “mega” ${exactPercent(mega)} ` +
      `that ${imh} gives, read as by followers (${unstated})`,
    rangeNote: `“mega” to “micro” (${exactPercent(mega)}–${exactPercent(micro)})`,
    sources: [CITE.imh2021],
  };
}

/**
 * The fee by the cent-per-follower rule, with GRIN's and Traackr's rules as the range. The range
 * is priced at the expected engagement rate (an input moved alone keeps the others expected);
 * the optimistic and pessimistic scenarios re-price Traackr's fee at their own rate (`feeRules`).
 */
function feeByRules(plan: 'A' | 'B', followers: number, engagement: Range | null, platform: Platform): Assumption {
  const key = plan === 'A' ? 'fee_a' : 'fee_b';
  const rules: FeeRules = {
    cent: roundTo(followers * CENT_PER_FOLLOWER, MONEY_DECIMALS),
    grin: { low: roundTo(followers * GRIN_PER_FOLLOWER.low, MONEY_DECIMALS), high: roundTo(followers * GRIN_PER_FOLLOWER.high, MONEY_DECIMALS) },
    traackrPerPoint: engagement === null ? null : (followers * TRAACKR_CPME) / 100 / 1000,
  };
  const traackr = traackrFeeAt(rules, engagement?.expected ?? null);
  let traackrNote = '';
  if (engagement !== null && traackr !== null) {
    const where = platform === 'instagram' ? '' : ' (its Instagram default, an extrapolation)';
    traackrNote = `; Traackr's $150 per 1,000 engagements${where} at the expected ${exactPercent(engagement.expected)} engagement rate, ${formatMoney(traackr)}`;
  }
  return {
    key,
    label: LABEL[key],
    unit: 'money',
    value: spread(rules.cent, feesAt(rules, engagement?.expected ?? null)),
    basis: 'sourced',
    plans: [plan],
    better: 'lower',
    rule: `the cent-per-follower rule ($100 per 10,000 followers): ${formatCount(followers)} × $0.01 = ${formatMoney(rules.cent)}`,
    rangeNote: `GRIN's $4–9 per 1,000 followers, ${formatMoney(rules.grin.low)}–${formatMoney(rules.grin.high)}${traackrNote}`,
    sources: [CITE.centRule, CITE.grin, ...(traackr !== null ? [CITE.traackr] : [])],
    option: plan === 'A' ? 'big_fee' : 'micro_fee',
    feeRules: rules,
  };
}

const DEFAULT_BIG_FOLLOWERS = 100_000;
const DEFAULT_MICRO_FOLLOWERS = 10_000;
const DEFAULT_MICRO_COUNT = 10;
const TEN_MICRO_NOTE = 'the TapInfluence article: “10 highly focused influencers, each with 10,000 followers, rather than a single influencer … of 100,000”';
/** Plan B's followers each, when its count comes from elsewhere (the budget, the user). */
const TEN_MICRO_FOLLOWERS_NOTE = 'the TapInfluence article’s 10,000 followers each';

/** "1 micro-influencer", "50 micro-influencers". */
export function microInfluencers(n: number): string {
  return `${formatCount(n)} micro-influencer${n === 1 ? '' : 's'}`;
}

/** "1 follower", "10,000 followers". */
export function followersText(n: number): string {
  return `${formatCount(n)} follower${n === 1 ? '' : 's'}`;
}

/** Whole influencers `budget` would buy at `fee` each, with no cap (cent arithmetic, so $1,000 ÷ $100 is exactly 10). */
function wholeAt(budget: number, fee: number): number {
  return Math.floor(Math.round(budget * 100) / Math.round(fee * 100));
}

/** Whole influencers the budget buys at `fee` each, at most MAX_MICRO_COUNT. */
function affordable(budget: number, fee: number): number {
  return Math.min(MAX_MICRO_COUNT, wholeAt(budget, fee));
}

/** Plan B's count as the Equal budget button set it: "set by Equal budget: as many as Plan A’s cost ($5,000) buys at $100 each". */
function equalBudgetNote(costA: number, fee: number, influencers: number): string {
  const capped = wholeAt(costA, fee) > influencers ? ` and capped at ${formatCount(MAX_MICRO_COUNT)}, the most Tierbot models` : '';
  return `set by Equal budget: as many as Plan A’s cost (${formatMoney(costA)}) buys at ${formatMoney(fee)} each, rounded down${capped}`;
}

/** The scenario from normalised overrides, or an input error the options cannot combine into. */
export function buildScenario(o: Overrides): { ok: true; scenario: Scenario } | ParseFailure {
  const preset = o.preset ?? null;
  const kardashian = preset === 'kardashian';
  if (kardashian && o.big_followers !== undefined) {
    return {
      ...fail(
        'big_followers',
        `The Kardashian preset is the observed tweet to ${formatCount(KARDASHIAN_CASE.followers)} followers. Leave out big_followers, or leave out the preset to compare another big influencer.`,
      ),
      clashesWith: 'preset',
    };
  }
  const platform = o.platform ?? 'instagram';
  const budget = o.budget ?? null;

  // Plan B's make-up first: a budget buys micros at their fee.
  const microFollowers = o.micro_followers ?? DEFAULT_MICRO_FOLLOWERS;
  const microEngagement =
    o.micro_engagement !== undefined
      ? given('engagement_rate_b', 'micro_engagement', o.micro_engagement, 'percent', ['B'], 'higher')
      : engagementRate('B', microFollowers, platform);
  let feeB: Assumption =
    o.micro_fee !== undefined ? given('fee_b', 'micro_fee', o.micro_fee, 'money', ['B'], 'lower') : feeByRules('B', microFollowers, microEngagement.value, platform);
  const microFee = feeB.value!.expected;
  if (budget !== null && budget < microFee) {
    return fail(
      'budget',
      `A budget of ${formatMoney(budget)} does not buy one micro-influencer at ${formatMoney(microFee)}: the smallest useful budget is ${formatMoney(microFee)}.`,
    );
  }
  let influencers = o.micro_count ?? DEFAULT_MICRO_COUNT;
  let influencersBasis: Basis = o.micro_count !== undefined ? 'input' : 'sourced';
  let influencersNote = o.micro_count !== undefined ? 'your input' : TEN_MICRO_NOTE;
  if (budget !== null && microFee > 0) {
    // The budget decides Plan B's count: a different micro_count would break "both plans spend it".
    const bought = affordable(budget, microFee);
    if (o.micro_count !== undefined && o.micro_count !== bought) {
      return {
        ...fail(
          'micro_count',
          `With a budget, the budget decides how many micro-influencers Plan B has: ${formatMoney(budget)} buys ${microInfluencers(bought)} at ${formatMoney(microFee)}, not ${formatCount(o.micro_count)}.`,
          'micro_count or budget, not both: leave out micro_count to spend the budget on Plan B, or leave out budget to set the number of micro-influencers yourself',
        ),
        clashesWith: 'budget',
      };
    }
    influencers = bought;
    influencersBasis = 'budget';
    const capped = influencers === MAX_MICRO_COUNT ? ` (capped at ${formatCount(MAX_MICRO_COUNT)})` : '';
    influencersNote = `as many as the budget buys: ${formatMoney(budget)} ÷ ${formatMoney(microFee)}, rounded down${capped}`;
  }
  // With a budget, Plan A's fee is the budget (the observed tweet excepted: it cost what it cost).
  if (budget !== null && !kardashian && o.big_fee !== undefined && o.big_fee !== budget) {
    return {
      ...fail(
        'big_fee',
        `With a budget, the budget is Plan A’s fee: big_fee ${formatMoney(o.big_fee)} would leave Plan A spending something other than the ${formatMoney(budget)} budget.`,
        'big_fee or budget, not both: leave out big_fee to spend the budget on Plan A, or leave out budget to set Plan A’s fee yourself',
      ),
      clashesWith: 'budget',
    };
  }
  // A big_fee equal to the budget says nothing the budget does not: the budget prices Plan A.
  const bigFee = budget !== null && !kardashian ? undefined : o.big_fee;

  // Plan A's followers: given, the observed case's, bought by the budget, or the article's 100,000.
  // The budget buys them only when it also pays Plan A's fee (not the observed tweet).
  let bigFollowers: number;
  let followersNote: string;
  let followersBasis: Basis;
  if (o.big_followers !== undefined) {
    bigFollowers = o.big_followers;
    followersNote = 'your input';
    followersBasis = 'input';
  } else if (kardashian) {
    bigFollowers = KARDASHIAN_CASE.followers;
    followersNote = 'observed: “her 15 million followers” (TapInfluence blog)';
    followersBasis = 'observed';
  } else if (budget !== null && bigFee === undefined) {
    // At a cent per follower, the budget in cents is the followers it buys (exact, no 0.29 ÷ 0.01 = 28.999…).
    const bought = Math.round(budget * 100);
    if (bought < MIN_FOLLOWERS) {
      return fail(
        'budget',
        `A budget of ${formatMoney(budget)} buys Plan A no followers at the cent-per-follower rule, so there is nothing to compare.`,
        `when the budget picks Plan A’s followers, an amount from ${formatMoney(0.01)} to ${formatMoney(MAX_BUDGET_FOR_FOLLOWERS)} (${MONEY_FORMS}); or give big_followers too`,
      );
    }
    if (bought > MAX_FOLLOWERS) {
      // Capping the followers would make "$200M on one influencer with 10,000,000,000 followers" false.
      return fail(
        'budget',
        `At the cent-per-follower rule, ${formatMoney(budget)} buys one influencer with ${formatCount(bought)} followers, more than the ${formatCount(MAX_FOLLOWERS)} Tierbot models (more than there are people).`,
        `when the budget picks Plan A’s followers, an amount from ${formatMoney(0.01)} to ${formatMoney(MAX_BUDGET_FOR_FOLLOWERS)} (${MONEY_FORMS}); for a larger budget, give big_followers too`,
      );
    }
    bigFollowers = bought;
    followersNote = `what the budget buys at the cent-per-follower rule: ${formatMoney(budget)} ÷ $0.01`;
    followersBasis = 'budget';
  } else {
    bigFollowers = DEFAULT_BIG_FOLLOWERS;
    followersNote = TEN_MICRO_NOTE;
    followersBasis = 'sourced';
  }

  const reachA: Assumption =
    o.big_reach !== undefined
      ? given('reach_rate_a', 'big_reach', o.big_reach, 'percent', ['A'], 'higher')
      : kardashian
        ? notReported('reach_rate_a', 'big_reach', 'No Twitter reach figure is recorded for the tweet')
        : reachRate('A', bigFollowers, platform);
  const engagementA: Assumption =
    o.big_engagement !== undefined
      ? given('engagement_rate_a', 'big_engagement', o.big_engagement, 'percent', ['A'], 'higher')
      : kardashian
        ? notReported('engagement_rate_a', 'big_engagement', 'No Twitter engagement figure is recorded for the tweet')
        : engagementRate('A', bigFollowers, platform);

  // Plan A's fee. With a budget it is the budget, except where that would be untrue: the observed
  // tweet cost what it cost (Ad Age's figure), and a budget below every price rule for the
  // followers given does not buy them. Those keep their price, and the reply says Plan A is over
  // the budget; Plan B still spends the budget.
  let feeA: Assumption;
  if (bigFee !== undefined) feeA = given('fee_a', 'big_fee', bigFee, 'money', ['A'], 'lower');
  else if (kardashian) {
    const { low, high } = AD_AGE_KARDASHIAN_FEE;
    feeA = {
      key: 'fee_a',
      label: LABEL.fee_a,
      unit: 'money',
      value: { low, expected: (low + high) / 2, high },
      basis: 'extrapolated',
      plans: ['A'],
      better: 'lower',
      rule: `the TapInfluence article gives no fee; Tierbot takes the midpoint of Ad Age’s range${budget !== null ? ', kept whatever the budget: the observed tweet was not bought with it' : ''}`,
      rangeNote: 'Ad Age 2020: $300,000–500,000 for a sponsored Instagram post by Kim Kardashian West, not this tweet',
      sources: [CITE.adAge],
      option: 'big_fee',
    };
  } else if (budget !== null && followersBasis === 'budget') feeA = fromBudget('fee_a', 'big_fee', budget, ['A'], 'the budget');
  else {
    const byRules = feeByRules('A', bigFollowers, engagementA.value, platform);
    const { low, high } = byRules.value!;
    if (budget === null) feeA = byRules;
    else if (budget >= low) {
      feeA = fromBudget('fee_a', 'big_fee', budget, ['A'], `the budget (the price rules give ${formatMoney(low)}–${formatMoney(high)} for ${followersText(bigFollowers)})`);
    } else {
      // Plan A's make-up does not depend on its fee here, so the rules' range stays a range.
      feeA = {
        ...byRules,
        rule: `priced by the rules, as the budget (${formatMoney(budget)}) is below all of them: ${byRules.rule}`,
      };
    }
  }

  // A count the Equal budget button set follows from Plan A's cost: say so rather than "your input".
  if (o.setByEqualBudget && budget === null && o.micro_count !== undefined) {
    influencersBasis = 'budget';
    influencersNote = equalBudgetNote(feeA.value!.expected, microFee, influencers);
  }

  // With a budget, Plan B is priced at the named rule (the budget buys its count at that fee): the
  // other rules' fees are notes, not ranges.
  if (budget !== null && feeB.basis === 'sourced') {
    const { feeRules: _pricedAtTheRule, ...priced } = feeB;
    feeB = { ...priced, value: single(microFee), rangeNote: `with a budget, fees are what it pays at this rule (${feeB.rangeNote})` };
  }

  // The Kardashian case's conversion and order value are observed for the tweet, but Plan A's
  // orders there are the observed ones: they feed only Plan B, other influencers on another
  // platform, which makes them an extrapolation there too.
  const caseUse = kardashian
    ? `, applied only to Plan B’s ${PLATFORM_LABEL[platform]} micro-influencers (Plan A’s orders are observed)`
    : ', used here beyond that case';
  const casePlans: Assumption['plans'] = kardashian ? ['B'] : ['A', 'B'];
  const assumptions: Record<AssumptionKey, Assumption> = {
    reach_rate_a: reachA,
    reach_rate_b:
      o.micro_reach !== undefined ? given('reach_rate_b', 'micro_reach', o.micro_reach, 'percent', ['B'], 'higher') : reachRate('B', microFollowers, platform),
    engagement_rate_a: engagementA,
    engagement_rate_b: microEngagement,
    fee_a: feeA,
    fee_b: feeB,
    frequency: {
      key: 'frequency',
      label: LABEL.frequency,
      unit: 'multiplier',
      value: { ...FREQUENCY },
      basis: 'assumption',
      plans: ['A', 'B'],
      better: 'higher',
      rule: 'each reached account sees the post once; no source gives a frequency',
      rangeNote: 'up to 1.25, a forecasting rule',
      sources: [CITE.frequencyRule],
    },
    click_through:
      o.click_through !== undefined
        ? given('click_through', 'click_through', o.click_through, 'percent', ['A', 'B'], 'higher')
        : {
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
          },
    conversion:
      o.conversion !== undefined
        ? given('conversion', 'conversion', o.conversion, 'percent', ['A', 'B'], 'higher')
        : {
            key: 'conversion',
            label: LABEL.conversion,
            unit: 'percent',
            value: single(CONVERSION),
            basis: 'extrapolated',
            plans: casePlans,
            better: 'higher',
            rule: `the Kardashian case, the one recorded: 30 orders ÷ 1,200 website visits = 2.5%${caseUse}`,
            rangeNote: '',
            sources: [CITE.tapInfluence],
            option: 'conversion',
          },
    order_value:
      o.order_value !== undefined
        ? given('order_value', 'order_value', o.order_value, 'money', ['A', 'B'], 'higher')
        : {
            key: 'order_value',
            label: LABEL.order_value,
            unit: 'money',
            value: single(ORDER_VALUE),
            basis: 'extrapolated',
            plans: casePlans,
            better: 'higher',
            rule: `the Kardashian case: orders “averaging $30 each”${caseUse}`,
            rangeNote: '',
            sources: [CITE.tapInfluence],
            option: 'order_value',
          },
    overlap:
      o.overlap !== undefined
        ? given('overlap', 'overlap', o.overlap, 'percent', ['B'], 'lower')
        : {
            key: 'overlap',
            label: LABEL.overlap,
            unit: 'percent',
            value: { ...OVERLAP },
            basis: 'assumption',
            plans: ['B'],
            better: 'lower',
            rule: 'no published average; 0% counts every influencer’s audience as different people, as “10 × 10,000 against 1 × 100,000” does',
            rangeNote: 'up to 40%, the overlap Influencity illustrates for 10 creators',
            sources: [CITE.influencity],
            option: 'overlap',
          },
  };

  const k = KARDASHIAN_CASE;
  const a: PlanSpec = {
    plan: 'A',
    influencers: 1,
    followersEach: bigFollowers,
    followersNote,
    followersBasis,
    influencersNote: 'one influencer',
    influencersBasis: 'sourced',
    ...(kardashian ? { observed: { visits: k.visits, orders: k.orders, revenue: k.orders * k.orderValue, source: CITE.tapInfluence } } : {}),
  };
  const b: PlanSpec = {
    plan: 'B',
    influencers,
    followersEach: microFollowers,
    // The article's note covers both the count and the followers only when both are the article's.
    followersNote: o.micro_followers !== undefined ? 'your input' : influencersBasis === 'sourced' ? TEN_MICRO_NOTE : TEN_MICRO_FOLLOWERS_NOTE,
    followersBasis: o.micro_followers !== undefined ? 'input' : 'sourced',
    influencersNote,
    influencersBasis,
  };
  return { ok: true, scenario: { overrides: { ...o }, preset, platform, platformGiven: o.platform !== undefined, budget, a, b, assumptions } };
}

function notReported(key: AssumptionKey, option: NumericOption, why: string): Assumption {
  return { key, label: LABEL[key], unit: 'percent', value: null, basis: 'unreported', plans: ['A'], better: 'higher', rule: why, rangeNote: '', sources: [], option };
}

function fromBudget(key: AssumptionKey, option: NumericOption, value: number, plans: Assumption['plans'], what: string): Assumption {
  return { key, label: LABEL[key], unit: 'money', value: single(value), basis: 'budget', plans, better: 'lower', rule: what, rangeNote: '', sources: [], option };
}

// ── Evaluation ────────────────────────────────────────────────────────────────────────────────

/** Values for some inputs; the rest stay at their expected values. */
export type Setting = Partial<Record<AssumptionKey, number>>;

function valueOf(s: Scenario, key: AssumptionKey, setting: Setting): number | null {
  const at = setting[key];
  if (at !== undefined) return at;
  return s.assumptions[key].value?.expected ?? null;
}

function funnelInputs(s: Scenario, plan: 'A' | 'B', setting: Setting): FunnelInputs {
  const spec = plan === 'A' ? s.a : s.b;
  const v = (key: AssumptionKey) => valueOf(s, key, setting);
  const need = (key: AssumptionKey) => v(key) ?? 0;
  return {
    influencers: spec.influencers,
    followersEach: spec.followersEach,
    feeEach: need(plan === 'A' ? 'fee_a' : 'fee_b'),
    reachRate: v(plan === 'A' ? 'reach_rate_a' : 'reach_rate_b'),
    engagementRate: v(plan === 'A' ? 'engagement_rate_a' : 'engagement_rate_b'),
    frequency: need('frequency'),
    clickThrough: need('click_through'),
    conversion: need('conversion'),
    orderValue: need('order_value'),
    overlap: plan === 'B' ? need('overlap') : 0,
    observed: spec.observed,
  };
}

export function evaluate(s: Scenario, setting: Setting = {}): { A: Metrics; B: Metrics } {
  return { A: funnel(funnelInputs(s, 'A', setting)), B: funnel(funnelInputs(s, 'B', setting)) };
}

const ENGAGEMENT_OF: Partial<Record<AssumptionKey, AssumptionKey>> = { fee_a: 'engagement_rate_a', fee_b: 'engagement_rate_b' };

/**
 * Puts each fee priced by the rules at the lowest or highest rule's fee at the engagement rate of
 * `setting` itself, so a scenario never pairs a high engagement rate with Traackr's fee for a low
 * one. `ends` says which end each fee is at.
 */
function withConsistentFees(s: Scenario, setting: Setting, ends: Partial<Record<AssumptionKey, 'low' | 'high'>>): Setting {
  const out = { ...setting };
  for (const [key, end] of Object.entries(ends) as [AssumptionKey, 'low' | 'high'][]) {
    const rules = s.assumptions[key].feeRules;
    const engagementKey = ENGAGEMENT_OF[key];
    if (!rules || !engagementKey) continue;
    out[key] = feeByRulesAt(rules, valueOf(s, engagementKey, setting), end);
  }
  return out;
}

/** Every input that feeds `plan` at the end of its range that is worse (or better) for it, fees priced at that scenario's rates. */
export function extremeSetting(s: Scenario, plan: 'A' | 'B', side: 'pessimistic' | 'optimistic'): Setting {
  const setting: Setting = {};
  const ends: Partial<Record<AssumptionKey, 'low' | 'high'>> = {};
  for (const a of Object.values(s.assumptions)) {
    if (a.value === null || !a.plans.includes(plan)) continue;
    const low = (a.better === 'higher') === (side === 'pessimistic');
    setting[a.key] = low ? a.value.low : a.value.high;
    ends[a.key] = low ? 'low' : 'high';
  }
  return withConsistentFees(s, setting, ends);
}

export type MetricRanges = Record<MetricName, Range | null>;

export interface PlanResult {
  plan: 'A' | 'B';
  /** "1 × 100,000 followers". */
  name: string;
  /** Observed (a reported case) or estimated through the funnel. */
  kind: 'observed' | 'estimated';
  metrics: MetricRanges;
}

/** The divisor behind each ratio (ROI and ROAS divide by cost, but need revenue first). */
const RATIO_NEEDS: Partial<Record<MetricName, MetricName>> = { cpe: 'engagements', cpm: 'impressions', cost_per_order: 'orders', roi: 'revenue', roas: 'revenue' };

/**
 * Why a plan's metric has no value: "not reported" when a rate behind it is unknown (the observed
 * tweet's reach), "not defined" when it would divide by zero (a reach rate of 0, a fee of $0).
 */
export function missingReason(p: PlanResult, m: MetricName): 'not reported' | 'not defined' {
  const needs = RATIO_NEEDS[m];
  if (needs === undefined) return 'not reported';
  return p.metrics[needs] === null ? 'not reported' : 'not defined';
}

function rangesOf(expected: Metrics, pessimistic: Metrics, optimistic: Metrics): MetricRanges {
  const out = {} as MetricRanges;
  for (const m of METRIC_NAMES) {
    const e = expected[m];
    if (e === null) {
      out[m] = null;
      continue;
    }
    // An end can be undefined where the expected value is not (a fee range reaching $0 leaves ROI
    // undefined): the range then runs from the other end to the expected value.
    const ends = [pessimistic[m], optimistic[m]].filter((x): x is number => x !== null);
    if (ends.length < 2) ends.push(e);
    out[m] = { low: Math.min(...ends), expected: e, high: Math.max(...ends) };
  }
  return out;
}

// ── Verdict ───────────────────────────────────────────────────────────────────────────────────

/** The measures counted in the verdict: the others follow from these (or from one shared rate). */
export const COUNTED = ['reach', 'engagements', 'cpe', 'cost_per_order'] as const;
export type CountedMetric = (typeof COUNTED)[number];

export const BETTER: Record<MetricName, 'higher' | 'lower' | null> = {
  followers: null,
  influencers: null,
  reach: 'higher',
  impressions: 'higher',
  engagements: 'higher',
  visits: 'higher',
  orders: 'higher',
  revenue: 'higher',
  cost: 'lower',
  cpe: 'lower',
  cpm: 'lower',
  cost_per_order: 'lower',
  roi: 'higher',
  roas: 'higher',
};

export const METRIC_LABEL: Record<MetricName, string> = {
  followers: 'Followers',
  influencers: 'Influencers',
  reach: 'Reach',
  impressions: 'Impressions',
  engagements: 'Engagements',
  visits: 'Website visits',
  orders: 'Orders',
  revenue: 'Revenue',
  cost: 'Cost',
  cpe: 'Cost per engagement',
  cpm: 'CPM',
  cost_per_order: 'Cost per order',
  roi: 'ROI',
  roas: 'ROAS',
};

/** 'tie' within a relative 1e-9 (floating-point noise); null when either side is not reported or not defined. */
export type Winner = 'A' | 'B' | 'tie' | null;

export function nearlyEqual(x: number, y: number): boolean {
  return x === y || Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y));
}

export function winnerOf(a: number | null, b: number | null, better: 'lower' | 'higher'): Winner {
  if (a === null || b === null) return null;
  if (nearlyEqual(a, b)) return 'tie';
  return (a < b) === (better === 'lower') ? 'A' : 'B';
}

function winnerAt(s: Scenario, metric: CountedMetric, setting: Setting): Winner {
  const { A, B } = evaluate(s, setting);
  return winnerOf(A[metric], B[metric], BETTER[metric]!);
}

/** How far Plan A is ahead on `metric` (negative: Plan B is ahead); null when not comparable. */
function lead(s: Scenario, metric: CountedMetric, setting: Setting): number | null {
  return leadOf(evaluate(s, setting), metric);
}

function leadOf({ A, B }: { A: Metrics; B: Metrics }, metric: CountedMetric): number | null {
  const a = A[metric];
  const b = B[metric];
  if (a === null || b === null) return null;
  if (nearlyEqual(a, b)) return 0;
  return BETTER[metric] === 'higher' ? a - b : b - a;
}

export interface Flip {
  metric: CountedMetric;
  /** The input's value at which the plans tie on this measure. */
  breakEven: number;
  /** Beyond the break-even (towards `towards`), this plan wins. */
  winner: 'A' | 'B';
  towards: 'higher' | 'lower';
}

export interface Decider {
  key: AssumptionKey;
  flips: Flip[];
}

export interface Verdict {
  measures: { metric: CountedMetric; winner: Winner }[];
  /** The plan that wins more counted measures; 'tie' when even; null when none can be compared. */
  leader: 'A' | 'B' | 'tie' | null;
  /** True when no input, alone or all together at their worst ends, changes a counted winner. */
  holds: boolean;
  /** Inputs that alone change a counted winner within their range, the most decisive first. */
  deciders: Decider[];
  /** When no input does it alone but all together do: the two that matter most, and the measure. */
  jointly: { keys: AssumptionKey[]; metric: CountedMetric } | null;
}

const IMPORTANCE: Record<CountedMetric, number> = { cost_per_order: 4, cpe: 3, engagements: 2, reach: 1 };

/**
 * The value of `key` between `from` and `to` at which the plans tie on `metric` (the lead changes
 * sign between them). Regula falsi, Illinois variant: the lead is monotone in one input, and
 * "tied" means equal to within the relative 1e-9 `nearlyEqual` allows.
 */
function breakEvenOf(s: Scenario, metric: CountedMetric, key: AssumptionKey, from: number, to: number, base: Setting): number {
  const f = (x: number) => lead(s, metric, { ...base, [key]: x }) ?? 0;
  let [a, b] = [from, to];
  let [fa, fb] = [f(a), f(b)];
  if (fa === 0) return a;
  if (fb === 0) return b;
  let kept: 'a' | 'b' | null = null;
  for (let i = 0; i < 200; i++) {
    const c = (a * fb - b * fa) / (fb - fa);
    const fc = f(c);
    if (fc === 0 || !Number.isFinite(c)) return c;
    if (Math.sign(fc) === Math.sign(fb)) {
      [b, fb] = [c, fc];
      if (kept === 'a') fa /= 2;
      kept = 'a';
    } else {
      [a, fa] = [c, fc];
      if (kept === 'b') fb /= 2;
      kept = 'b';
    }
    if (Math.abs(b - a) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b))) break;
  }
  return (a + b) / 2;
}

/** Inputs whose range is a real spread: the ones that can move a verdict. */
function variable(s: Scenario): Assumption[] {
  return Object.values(s.assumptions).filter((a) => a.value !== null && a.value.low < a.value.high);
}

function verdictOf(s: Scenario, expected: { A: Metrics; B: Metrics }): Verdict {
  const measures = COUNTED.map((metric) => ({ metric, winner: winnerOf(expected.A[metric], expected.B[metric], BETTER[metric]!) }));
  const wins = (p: 'A' | 'B') => measures.filter((m) => m.winner === p).length;
  const comparable = measures.filter((m) => m.winner !== null).length;
  const leader = comparable === 0 ? null : wins('A') > wins('B') ? 'A' : wins('B') > wins('A') ? 'B' : 'tie';

  const deciders: Decider[] = [];
  const closeness = new Map<AssumptionKey, number>();
  // Each input alone at each end of its range, the others expected: evaluated once, used twice.
  const atEnds = new Map(variable(s).map((a) => [a.key, [a.value!.low, a.value!.high].map((end) => ({ end, at: evaluate(s, { [a.key]: end }) }))]));
  for (const a of variable(s)) {
    const range = a.value!;
    const flips: Flip[] = [];
    let closest = Infinity;
    const ends = atEnds.get(a.key)!.filter(({ end }) => end !== range.expected);
    for (const { metric, winner } of measures) {
      if (winner !== 'A' && winner !== 'B') continue;
      for (const { end, at } of ends) {
        const there = winnerOf(at.A[metric], at.B[metric], BETTER[metric]!);
        // A tie at the very end of a range is not a change of hands.
        if (there === winner || there === null || there === 'tie') continue;
        const breakEven = Number(breakEvenOf(s, metric, a.key, range.expected, end, {}).toPrecision(6));
        flips.push({ metric, breakEven, winner: there, towards: end > range.expected ? 'higher' : 'lower' });
        closest = Math.min(closest, Math.abs(breakEven - range.expected) / Math.abs(end - range.expected));
        break;
      }
    }
    if (flips.length) {
      flips.sort((x, y) => IMPORTANCE[y.metric] - IMPORTANCE[x.metric]);
      deciders.push({ key: a.key, flips });
      closeness.set(a.key, closest);
    }
  }
  const top = (d: Decider) => Math.max(...d.flips.map((f) => IMPORTANCE[f.metric]));
  deciders.sort((x, y) => top(y) - top(x) || y.flips.length - x.flips.length || closeness.get(x.key)! - closeness.get(y.key)!);

  // No input flips a measure alone: do they all together, each at the end that hurts the winner?
  let jointly: Verdict['jointly'] = null;
  const flipped = new Set(deciders.flatMap((d) => d.flips.map((f) => f.metric)));
  for (const { metric, winner } of measures) {
    if ((winner !== 'A' && winner !== 'B') || flipped.has(metric) || jointly) continue;
    const sign = winner === 'A' ? 1 : -1;
    const worst: Setting = {};
    const ends: Partial<Record<AssumptionKey, 'low' | 'high'>> = {};
    const effect: { key: AssumptionKey; size: number }[] = [];
    const base = (leadOf(expected, metric) ?? 0) * sign;
    for (const a of variable(s)) {
      const [lo, hi] = atEnds.get(a.key)!.map(({ at }) => (leadOf(at, metric) ?? 0) * sign);
      ends[a.key] = lo! <= hi! ? 'low' : 'high';
      worst[a.key] = ends[a.key] === 'low' ? a.value!.low : a.value!.high;
      effect.push({ key: a.key, size: base - Math.min(lo!, hi!) });
    }
    const there = winnerAt(s, metric, withConsistentFees(s, worst, ends));
    if (there !== winner && there !== null && there !== 'tie') {
      jointly = { metric, keys: effect.sort((x, y) => y.size - x.size).slice(0, 2).map((e) => e.key) };
    }
  }
  return { measures, leader, holds: deciders.length === 0 && jointly === null, deciders, jointly };
}

// ── Budget ────────────────────────────────────────────────────────────────────────────────────

export interface BudgetInfo {
  budget: number;
  costA: number;
  costB: number;
  /** Plan B's influencer count was bought by the budget. */
  countFromBudget: boolean;
  /** Plan A's followers follow from the budget by the fee rule. */
  followersFromBudget: boolean;
  /**
   * What Plan A's fee is: the budget; the user's big_fee; the observed case's reported price; or
   * the price rules, when the budget is below every rule's price for the followers given.
   */
  feeA: 'budget' | 'input' | 'case' | 'rules';
  /** Plan B's count was bought by the budget and stopped at MAX_MICRO_COUNT: part of the budget is unspent. */
  countCapped: boolean;
  overA: boolean;
  overB: boolean;
}

// ── Comparison ────────────────────────────────────────────────────────────────────────────────

export interface Comparison {
  scenario: Scenario;
  /** "One influencer with 100,000 followers or 10 with 10,000 each?" */
  title: string;
  a: PlanResult;
  b: PlanResult;
  verdict: Verdict;
  budget: BudgetInfo | null;
  /** The plans' expected costs differ by more than one micro-influencer's fee. */
  unequalCosts: boolean;
  /** Observed clicks per follower, converted per reached account at each plan's reach rate. */
  observedClicks: { label: string; perFollower: number; perReachedA: number | null; perReachedB: number | null; source: Citation }[];
  /** Plain-text caveats and disagreements, most important first. */
  notes: string[];
}

const count = (n: number) => formatCount(n);

function planName(spec: PlanSpec, preset: PresetId | null): string {
  if (spec.plan === 'A' && preset === 'kardashian') return `Kim Kardashian’s tweet, ${count(spec.followersEach)} followers`;
  return `${count(spec.influencers)} × ${followersText(spec.followersEach)}`;
}

function titleOf(s: Scenario): string {
  const n = s.b.influencers;
  const micros = `${n === 1 ? 'one micro-influencer' : `${count(n)} micro-influencers`} (${followersText(s.b.followersEach)}${n === 1 ? '' : ' each'})`;
  if (s.preset === 'kardashian') return `The Kardashian tweet (observed) against ${micros} on ${PLATFORM_LABEL[s.platform]}, estimated`;
  const question = `One influencer with ${followersText(s.a.followersEach)}, or ${n === 1 ? 'one' : count(n)} with ${count(s.b.followersEach)}${n === 1 ? '' : ' each'}, on ${PLATFORM_LABEL[s.platform]}?`;
  const asInArticle = n === DEFAULT_MICRO_COUNT && s.b.followersEach === DEFAULT_MICRO_FOLLOWERS && s.a.followersEach === DEFAULT_BIG_FOLLOWERS;
  return s.preset === 'ten-micro' && asInArticle ? `The TapInfluence article’s advice, checked. ${question}` : question;
}

function notesOf(s: Scenario, a: PlanResult, b: PlanResult): string[] {
  const notes: string[] = [];
  if (s.preset === 'kardashian') {
    const k = KARDASHIAN_CASE;
    notes.push(
      `Plan A is observed, as the TapInfluence blog reports it: ${count(k.followers)} followers, ${count(k.visits)} website visits, ${k.orders} orders averaging $${k.orderValue} (${formatMoney(k.orders * k.orderValue)}). ` +
        `Plan B is estimated through the funnel. The case was a tweet; Plan B uses ${PLATFORM_LABEL[s.platform]} figures.`,
    );
  }
  if ([s.assumptions.engagement_rate_a, s.assumptions.engagement_rate_b].some((x) => x.basis !== 'input' && x.value !== null) && s.platform === 'instagram') {
    notes.push(ENGAGEMENT_DISAGREEMENT);
  }
  if (s.assumptions.fee_a.basis === 'sourced' || s.assumptions.fee_b.basis === 'sourced') notes.push(FEE_TABLES_NOTE);
  const ref = CPM_REFERENCE[s.platform];
  const cpm = (p: PlanResult) => (p.metrics.cpm ? formatMoney(p.metrics.cpm.expected) : missingReason(p, 'cpm'));
  notes.push(
    `CPM for reference: ${formatMoney(ref.low)}–${formatMoney(ref.high)} on ${PLATFORM_LABEL[s.platform]} (Word on the Block, 2023); Upfluence's "industry standard" ${formatMoney(UPFLUENCE_CPM)}. Here: Plan A ${cpm(a)}, Plan B ${cpm(b)}.`,
  );
  notes.push('ROI and ROAS are shown but not counted: with the same order value for both plans they follow from cost per order.');
  notes.push(...CASE_NOTES);
  return notes;
}

function feeAOrigin(s: Scenario): BudgetInfo['feeA'] {
  const basis = s.assumptions.fee_a.basis;
  if (basis === 'budget') return 'budget';
  if (basis === 'input') return 'input';
  return s.preset === 'kardashian' ? 'case' : 'rules';
}

/** Evaluates a scenario: both plans' metrics as ranges, the verdict and what decides it. */
export function comparePlans(s: Scenario): Comparison {
  const expected = evaluate(s);
  const result = (plan: 'A' | 'B'): PlanResult => ({
    plan,
    name: planName(plan === 'A' ? s.a : s.b, s.preset),
    kind: plan === 'A' && s.a.observed ? 'observed' : 'estimated',
    metrics: rangesOf(
      expected[plan],
      evaluate(s, extremeSetting(s, plan, 'pessimistic'))[plan],
      evaluate(s, extremeSetting(s, plan, 'optimistic'))[plan],
    ),
  });
  const a = result('A');
  const b = result('B');
  const costA = expected.A.cost!;
  const costB = expected.B.cost!;
  const feeB = s.assumptions.fee_b.value!.expected;
  const budget: BudgetInfo | null =
    s.budget === null
      ? null
      : {
          budget: s.budget,
          costA,
          costB,
          countFromBudget: s.b.influencersBasis === 'budget',
          followersFromBudget: s.a.followersBasis === 'budget',
          feeA: feeAOrigin(s),
          // At the cap, a budget that would buy one more influencer is not all spent.
          countCapped: s.b.influencersBasis === 'budget' && s.b.influencers === MAX_MICRO_COUNT && s.budget - costB >= feeB - 1e-9,
          overA: costA > s.budget + 1e-9,
          overB: costB > s.budget + 1e-9,
        };
  const reachA = s.assumptions.reach_rate_a.value?.expected ?? null;
  const reachB = s.assumptions.reach_rate_b.value?.expected ?? null;
  const perReached = (perFollower: number, rate: number | null) => (rate === null || rate <= 0 ? null : (perFollower / rate) * 100);
  return {
    scenario: s,
    title: titleOf(s),
    a,
    b,
    verdict: verdictOf(s, expected),
    budget,
    unequalCosts: feeB > 0 && Math.abs(costA - costB) > feeB + 1e-9,
    observedClicks: OBSERVED_CLICKS.map((o) => ({
      label: o.label,
      perFollower: o.perFollower,
      perReachedA: perReached(o.perFollower, reachA),
      perReachedB: perReached(o.perFollower, reachB),
      source: o.source,
    })),
    notes: notesOf(s, a, b),
  };
}

/**
 * What an "Equal budget" press does: re-run with Plan B at Plan A's cost, or say why it cannot.
 * `capped`: Plan A's cost would buy more than MAX_MICRO_COUNT micros, so Plan B stops there and
 * still costs less than Plan A.
 */
export type EqualBudget =
  | { kind: 'rerun'; overrides: Overrides; influencers: number; costA: number; capped: boolean }
  | { kind: 'buys-none'; costA: number; fee: number };

/**
 * Plan B with as many micros as Plan A's expected cost buys, rounded down. Without a budget that
 * is a micro_count; with one, the budget decides Plan B's count (micro_count cannot be given with
 * it), so the budget becomes Plan A's cost, which leaves Plan A as it was (its price never came
 * from the budget when the costs differ). `buys-none` when Plan A's cost is below one micro fee;
 * null when the micros are free or the count would not change.
 */
export function equalBudget(c: Comparison): EqualBudget | null {
  const fee = c.scenario.assumptions.fee_b.value!.expected;
  if (fee <= 0) return null;
  const costA = c.a.metrics.cost!.expected;
  const influencers = affordable(costA, fee);
  if (influencers === 0) return { kind: 'buys-none', costA, fee };
  if (influencers === c.scenario.b.influencers) return null;
  const { micro_count: _setByTheBudget, ...rest } = c.scenario.overrides;
  const overrides: Overrides =
    c.scenario.budget !== null ? { ...rest, budget: costA, setByEqualBudget: true } : { ...c.scenario.overrides, micro_count: influencers, setByEqualBudget: true };
  return { kind: 'rerun', overrides, influencers, costA, capped: wholeAt(costA, fee) > influencers };
}

// ── Plain-text phrases shared by the reply, the chart and the export ──────────────────────────

/** The counted measures in running text. */
export const MEASURE_LABEL: Record<CountedMetric, string> = {
  reach: 'reach',
  engagements: 'engagements',
  cpe: 'cost per engagement',
  cost_per_order: 'cost per order',
};

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "Plan B leads on reach, engagements and cost per engagement; Plan A on cost per order." */
export function verdictHeadline(c: Comparison): string {
  const v = c.verdict;
  const on = (p: 'A' | 'B') => v.measures.filter((m) => m.winner === p).map((m) => MEASURE_LABEL[m.metric]);
  const ties = v.measures.filter((m) => m.winner === 'tie').map((m) => MEASURE_LABEL[m.metric]);
  if (v.leader === null) return 'The plans cannot be compared on reach, engagements, cost per engagement or cost per order: each is not reported or not defined for one of them.';
  const first: 'A' | 'B' = v.leader === 'B' ? 'B' : 'A';
  const second: 'A' | 'B' = first === 'A' ? 'B' : 'A';
  const parts: string[] = [];
  const total = v.measures.filter((m) => m.winner !== null).length;
  const wins = on(first).length;
  if (wins > 0) parts.push(`Plan ${first} ${v.leader === 'tie' ? 'wins' : 'leads'} on ${list(on(first))}${total > 1 ? ` (${wins} of ${total})` : ''}`);
  if (on(second).length) parts.push(`Plan ${second} on ${list(on(second))}`);
  if (ties.length) parts.push(`the plans tie on ${list(ties)}`);
  const text = parts.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** A value of an input as people write it: "22.885%", "$1,000", "1.25×"; `exact` keeps a source's decimals. */
export function formatInput(unit: Assumption['unit'], value: number, exact = true): string {
  if (unit === 'percent') return exact ? exactPercent(value) : formatPercent(value);
  if (unit === 'money') return formatMoney(value);
  return `${Number(value.toFixed(2))}×`;
}

const CENTS = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * A break-even as text, with enough digits that it never reads the same as the expected value
 * ("above 2.28001%" beside "expected 2.28%"). Money stops at cents: a break-even within half a
 * cent of the expected fee is `atExpected`, and is written as the expected value.
 */
export function breakEvenText(unit: Assumption['unit'], breakEven: number, expected: number): { text: string; atExpected: boolean } {
  const suffix = unit === 'percent' ? '%' : '×';
  const forms: ((x: number) => string)[] =
    unit === 'money'
      ? [formatMoney, (x) => `$${CENTS.format(x)}`]
      : [(x) => formatInput(unit, x, false), ...[4, 5, 6].map((digits) => (x: number) => `${plainNumber(x, digits)}${suffix}`)];
  for (const form of forms) if (form(breakEven) !== form(expected)) return { text: form(breakEven), atExpected: false };
  return { text: formatInput(unit, expected), atExpected: true };
}

/** "Plan A wins cost per order under $606.71, cost per engagement under $679.83": one clause per winner, equal break-evens merged. */
export function flipsText(c: Comparison, d: Decider): string {
  const input = c.scenario.assumptions[d.key];
  const expected = input.value?.expected ?? 0;
  const clauses: string[] = [];
  for (const winner of ['A', 'B'] as const) {
    const groups = new Map<string, string[]>();
    for (const f of d.flips.filter((x) => x.winner === winner)) {
      const { text, atExpected } = breakEvenText(input.unit, f.breakEven, expected);
      const side = f.towards === 'higher' ? 'above' : 'under';
      const where = atExpected ? `just ${side} the expected ${text}` : `${side} ${text}`;
      groups.set(where, [...(groups.get(where) ?? []), MEASURE_LABEL[f.metric]]);
    }
    const parts = [...groups].map(([where, measures]) => `${measures.join(' and ')} ${where}`);
    if (parts.length) clauses.push(`Plan ${winner} wins ${parts.join(', ')}`);
  }
  return clauses.join('; ');
}

/**
 * The verdict's robustness when nothing flips it. It holds across every input's range: the
 * sourced ones and Tierbot's own assumptions (click-through, overlap, frequency) alike.
 */
export const HOLDS_TEXT = 'The verdict holds across every sourced range, and across the ranges of Tierbot’s own assumptions.';

/** The verdict's robustness in plain words: HOLDS_TEXT, or "Depends on: …". */
export function robustnessText(c: Comparison, max = 2): string {
  const v = c.verdict;
  if (v.leader === null) return '';
  if (v.holds) return HOLDS_TEXT;
  if (v.deciders.length === 0 && v.jointly) {
    const names = v.jointly.keys.map((k) => c.scenario.assumptions[k].label);
    return `Depends on: ${list(names)} together (only with every input at the end of its range that hurts the winner does ${MEASURE_LABEL[v.jointly.metric]} change hands).`;
  }
  const parts = v.deciders.slice(0, max).map((d) => `${c.scenario.assumptions[d.key].label} (${flipsText(c, d)})`);
  return `Depends on: ${list(parts)}.`;
}

// ── Export rows (compare.csv) ─────────────────────────────────────────────────────────────────

export interface ExportRow {
  plan: 'A' | 'B' | 'assumption';
  metric: string;
  low: number | null;
  expected: number | null;
  high: number | null;
  source: string;
}

/** Rounding as on screen: counts whole, money to cents, per-unit costs and ROAS to 4 places. */
const DECIMALS: Record<MetricName, number> = {
  followers: 0,
  influencers: 0,
  reach: 0,
  impressions: 0,
  engagements: 0,
  visits: 0,
  orders: 0,
  revenue: 2,
  cost: 2,
  cpe: 4,
  cpm: 4,
  cost_per_order: 2,
  roi: 2,
  roas: 4,
};

const FORMULA: Record<MetricName, string> = {
  followers: 'influencers × followers each',
  influencers: '',
  reach: 'followers × reach rate',
  impressions: 'reach × frequency',
  engagements: 'followers × engagement rate',
  visits: 'reach × click-through',
  orders: 'visits × conversion',
  revenue: 'orders × order value',
  cost: 'influencers × fee',
  cpe: 'cost ÷ engagements',
  cpm: 'cost ÷ impressions × 1,000',
  cost_per_order: 'cost ÷ orders',
  roi: '(revenue − cost) ÷ cost × 100',
  roas: 'revenue ÷ cost',
};

/** Each citation in full, second-hand ones "as reported by …", with its link. */
function sourceText(cites: readonly Citation[]): string {
  return cites.map((c) => `${citeText(c)}${c.url ? ` ${c.url}` : ''}`).join('; ');
}

/** The basis of an input in words, as the export's source column starts. */
export const BASIS_TEXT: Record<Basis, string> = {
  sourced: 'sourced',
  observed: 'observed',
  extrapolated: 'extrapolated',
  assumption: 'Tierbot assumption',
  input: 'your input',
  budget: 'from the budget',
  unreported: 'not reported',
};

/** Where a plan's followers come from: one note when the count and the followers each share it. */
function followersSource(spec: PlanSpec): string {
  if (spec.influencers === 1 || spec.influencersNote === spec.followersNote) return spec.followersNote;
  return `${microInfluencers(spec.influencers)} (${spec.influencersNote}) × ${followersText(spec.followersEach)} each (${spec.followersNote})`;
}

function planSource(c: Comparison, p: PlanResult, m: MetricName): string {
  const spec = p.plan === 'A' ? c.scenario.a : c.scenario.b;
  if (m === 'followers') return followersSource(spec);
  if (m === 'influencers') return spec.influencersNote;
  if (spec.observed && (m === 'visits' || m === 'orders' || m === 'revenue')) return 'observed (TapInfluence blog)';
  if (p.metrics[m] === null) {
    if (missingReason(p, m) === 'not defined') return 'not defined (a divisor is zero)';
    return spec.observed ? 'not reported (no Twitter reach or engagement figures recorded)' : 'not reported';
  }
  if (m === 'reach' && p.plan === 'B' && spec.influencers > 1) return 'estimate: followers × reach rate × (1 − overlap)';
  if (m === 'cost') return `influencers × fee (fee_${p.plan.toLowerCase()} below)`;
  return `estimate: ${FORMULA[m]}`;
}

/**
 * Rounded as on screen, except a positive value that rounds to 0 ("under 1" orders, "<$0.01"):
 * it keeps six significant digits, so a spreadsheet dividing by it does not divide by zero.
 */
function rounded(x: number | null, decimals: number): number | null {
  if (x === null) return null;
  const r = roundTo(x, decimals);
  return r === 0 && x > 0 ? Number(x.toPrecision(6)) : r;
}

/** The rows of compare.csv: both plans' metrics, then every input with its citation. */
export function exportRows(c: Comparison): ExportRow[] {
  const rows: ExportRow[] = [];
  for (const p of [c.a, c.b]) {
    for (const m of METRIC_NAMES) {
      const r = p.metrics[m];
      const d = DECIMALS[m];
      rows.push({ plan: p.plan, metric: m, low: rounded(r?.low ?? null, d), expected: rounded(r?.expected ?? null, d), high: rounded(r?.high ?? null, d), source: planSource(c, p, m) });
    }
  }
  if (c.scenario.budget !== null) {
    const source = c.scenario.overrides.setByEqualBudget ? 'set by Equal budget: Plan A’s cost' : 'your input';
    rows.push({ plan: 'assumption', metric: 'budget', low: c.scenario.budget, expected: c.scenario.budget, high: c.scenario.budget, source });
  }
  for (const key of ASSUMPTION_KEYS) {
    const a = c.scenario.assumptions[key];
    const source = a.basis === 'input' ? 'your input' : `${BASIS_TEXT[a.basis]}: ${a.rule}${a.rangeNote ? `; range: ${a.rangeNote}` : ''}${a.sources.length ? ` (${sourceText(a.sources)})` : ''}`;
    // Percentages keep the digits they are kept to (a typed 0.00001% is not 0 here either).
    const d = a.unit === 'money' ? 2 : a.unit === 'percent' ? 12 : 4;
    rows.push({ plan: 'assumption', metric: key, low: rounded(a.value?.low ?? null, d), expected: rounded(a.value?.expected ?? null, d), high: rounded(a.value?.high ?? null, d), source });
  }
  return rows;
}
