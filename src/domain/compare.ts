/**
 * The model behind /compare: one big influencer (Plan A) against many micro-influencers (Plan B).
 * parseCompareInput validates options and fills every gap with a cited default; comparePlans is
 * pure arithmetic over the resulting Scenario. Formulas: MODEL_FORMULAS below.
 */

import {
  CASE_NOTES,
  CITE,
  CLICKS_PER_ENGAGEMENT,
  CONVERSION,
  CPM_REFERENCE,
  DEFAULT_PLANS,
  ENGAGEMENT_DEFINITION_NOTE,
  ENGAGEMENT_DISAGREEMENTS,
  FEE_PAYMENTS_NOTE,
  FEE_PER_FOLLOWER,
  FEE_TABLES,
  KARDASHIAN_CASE,
  KARDASHIAN_FEE_NOTE,
  KARDASHIAN_VISIT_RATE,
  ORDER_VALUE,
  OVERLAP,
  PLATFORMS,
  PLATFORM_DEFAULT,
  PLATFORM_LABEL,
  REACH_RATE,
  UPFLUENCE_CPM,
  benchmarkText,
  engagementBand,
  type Basis,
  type Benchmark,
  type Citation,
  type Platform,
} from './benchmarks';
import { ACCEPTED_FORMS, MAX_FOLLOWERS, parseFollowerCount, type ParseResult } from './followers';
import { formatCount } from './format';
import {
  MAX_MONEY,
  MONEY_DECIMALS,
  MONEY_FORMS,
  PERCENT_DECIMALS,
  PERCENT_FORMS,
  formatMoney,
  formatPercent,
  parseMoney,
  parsePercent,
  roundTo,
} from './units';

// ── Options ───────────────────────────────────────────────────────────────────────────────────

export const OPTION_NAMES = [
  'preset',
  'budget',
  'platform',
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
] as const;
export type OptionName = (typeof OPTION_NAMES)[number];
export type CompareInput = Partial<Record<OptionName, string | number>>;

export type PresetId = 'kardashian' | 'ten-micro';
export const PRESETS: readonly PresetId[] = ['kardashian', 'ten-micro'];

type NumericOption = Exclude<OptionName, 'preset' | 'platform'>;
type OptionKind = 'money' | 'followers' | 'influencers' | 'percent';

const OPTION_KIND: Record<NumericOption, OptionKind> = {
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
};

/** Most micro-influencers a plan may have; also caps counts bought by a budget. */
export const MAX_MICRO_COUNT = 1_000_000;
export const MAX_PERCENT = 100;

export const ACCEPTED: Record<OptionName, string> = {
  preset: '`kardashian` or `ten-micro`',
  platform: '`instagram`, `tiktok` or `youtube`',
  budget: `an amount in US dollars from $0 to $${formatCount(MAX_MONEY)}: ${MONEY_FORMS}`,
  big_followers: `a follower count from 0 to ${formatCount(MAX_FOLLOWERS)}: ${ACCEPTED_FORMS}`,
  big_fee: `an amount in US dollars from $0 to $${formatCount(MAX_MONEY)}: ${MONEY_FORMS}`,
  micro_count: `a whole number of influencers from 1 to ${formatCount(MAX_MICRO_COUNT)}: \`10\`, \`30\`, \`1.5k\``,
  micro_followers: `a follower count from 0 to ${formatCount(MAX_FOLLOWERS)}: ${ACCEPTED_FORMS}`,
  micro_fee: `an amount in US dollars from $0 to $${formatCount(MAX_MONEY)}: ${MONEY_FORMS}`,
  big_engagement: `a percentage from 0 to 100: ${PERCENT_FORMS}`,
  micro_engagement: `a percentage from 0 to 100: ${PERCENT_FORMS}`,
  conversion: `a percentage from 0 to 100: ${PERCENT_FORMS}`,
  order_value: `an amount in US dollars from $0 to $${formatCount(MAX_MONEY)}: ${MONEY_FORMS}`,
  overlap: `a percentage from 0 to 100: ${PERCENT_FORMS}`,
};

/** The user's own option values, normalised (money to cents, percents to 4 decimals). */
export type Overrides = Partial<Record<NumericOption, number>> & { preset?: PresetId; platform?: Platform };

// ── Scenario ──────────────────────────────────────────────────────────────────────────────────

/** given: typed by the user; preset: set by the chosen preset; default: Tierbot's cited default; budget: bought by the budget. */
export type Origin = 'given' | 'preset' | 'default' | 'budget';

export interface Assumed<T> {
  value: T;
  origin: Origin;
  /** 'user' for values the user typed (or an Equal-budget button set). */
  basis: Basis | 'user';
  source: Citation | null;
  /** Why this value: the source's wording, the arithmetic, or the label of an assumption. */
  note: string;
}

export interface PlanSpec {
  count: Assumed<number>;
  followers: Assumed<number>;
  /** Fee per influencer, dollars. */
  fee: Assumed<number>;
  /** Engagement rate by followers, percent. */
  engagement: Assumed<number>;
}

export interface Scenario {
  overrides: Overrides;
  preset: PresetId | null;
  platform: Assumed<Platform>;
  budget: number | null;
  big: PlanSpec;
  micro: PlanSpec;
  /** Orders per website visit, percent. */
  conversion: Assumed<number>;
  /** Dollars per order. */
  orderValue: Assumed<number>;
  /** Share of the micros' combined followers who are duplicates, percent. */
  overlap: Assumed<number>;
  /** Website visits per engaged unique follower, percent. */
  clicksPerEngagement: Assumed<number>;
}

export type ParseFailure = { ok: false; option: string; reason: string; accepted: string };
export type CompareParse = { ok: true; scenario: Scenario } | ParseFailure;

// ── Parsing ───────────────────────────────────────────────────────────────────────────────────

const PRESET_ALIASES: Record<string, PresetId> = {
  kardashian: 'kardashian',
  kim: 'kardashian',
  'ten-micro': 'ten-micro',
  '10-micro': 'ten-micro',
  tenmicro: 'ten-micro',
};
const PLATFORM_ALIASES: Record<string, Platform> = {
  instagram: 'instagram',
  ig: 'instagram',
  insta: 'instagram',
  tiktok: 'tiktok',
  'tik-tok': 'tiktok',
  tt: 'tiktok',
  youtube: 'youtube',
  yt: 'youtube',
};

function keyword(value: string | number): string {
  return String(value).normalize('NFKC').trim().toLowerCase().replace(/[\s_]+/g, '-');
}

function fail(option: OptionName, reason: string): ParseFailure {
  return { ok: false, option, reason, accepted: ACCEPTED[option] };
}

function parseNumberValue(kind: OptionKind, value: string | number): ParseResult<number> {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ok: false, reason: 'That is not a number.' };
    if (value < 0) return { ok: false, reason: 'It cannot be negative.' };
    if (kind === 'money') {
      if (value > MAX_MONEY) return { ok: false, reason: `That is more than ${formatMoney(MAX_MONEY)}.` };
      return { ok: true, value: roundTo(value, MONEY_DECIMALS) };
    }
    if (kind === 'percent') {
      if (value > MAX_PERCENT) return { ok: false, reason: `${formatPercent(value)} is more than 100%.` };
      return { ok: true, value: roundTo(value, PERCENT_DECIMALS) };
    }
    if (!Number.isInteger(value)) return { ok: false, reason: 'It must be a whole number.' };
    if (value > MAX_FOLLOWERS) return { ok: false, reason: `That is more than ${formatCount(MAX_FOLLOWERS)}.` };
    return { ok: true, value };
  }
  if (kind === 'money') return parseMoney(value);
  if (kind === 'percent') return parsePercent(value, MAX_PERCENT);
  return parseFollowerCount(value);
}

/** Validates options into normalised overrides; the first invalid option (in OPTION_NAMES order) is reported. */
function parseOverrides(input: CompareInput): { ok: true; overrides: Overrides } | ParseFailure {
  const overrides: Overrides = {};
  for (const name of OPTION_NAMES) {
    const raw = input[name];
    if (raw === undefined) continue;
    if (name === 'preset' || name === 'platform') {
      const table: Record<string, string> = name === 'preset' ? PRESET_ALIASES : PLATFORM_ALIASES;
      const found = typeof raw === 'string' ? table[keyword(raw)] : undefined;
      if (found === undefined) return fail(name, `“${String(raw).slice(0, 40)}” is not a ${name} I know.`);
      if (name === 'preset') overrides.preset = found as PresetId;
      else overrides.platform = found as Platform;
      continue;
    }
    const kind = OPTION_KIND[name];
    const parsed = parseNumberValue(kind, raw);
    if (!parsed.ok) return fail(name, parsed.reason);
    if (kind === 'influencers') {
      if (parsed.value < 1) return fail(name, 'There must be at least one micro-influencer.');
      if (parsed.value > MAX_MICRO_COUNT) {
        return fail(name, `That is more than ${formatCount(MAX_MICRO_COUNT)} influencers.`);
      }
    }
    overrides[name] = parsed.value;
  }
  return { ok: true, overrides };
}

/** Validates every option and fills each gap with a cited default. Never throws. */
export function parseCompareInput(input: CompareInput): CompareParse {
  const parsed = parseOverrides(input);
  if (!parsed.ok) return parsed;
  return { ok: true, scenario: buildScenario(parsed.overrides) };
}

// ── Building a scenario from overrides ────────────────────────────────────────────────────────

function given<T>(value: T, note = 'your input'): Assumed<T> {
  return { value, origin: 'given', basis: 'user', source: null, note };
}

function fromBenchmark<T>(b: Benchmark<T>, origin: Origin, note?: string): Assumed<T> {
  return { value: b.value, origin, basis: b.basis, source: b.source, note: note ?? benchmarkText(b) };
}

function feeByRule(followers: Assumed<number>): Assumed<number> {
  const fee = roundTo(followers.value / 100, MONEY_DECIMALS);
  const note = `${formatCount(followers.value)} followers × $0.01 = ${formatMoney(fee)}. ${benchmarkText(FEE_PER_FOLLOWER)}`;
  return { value: fee, origin: 'default', basis: 'sourced', source: FEE_PER_FOLLOWER.source, note };
}

const MEANING: Record<Platform, string> = {
  instagram: 'an engagement is a like (Markerly like rate by followers)',
  tiktok: 'engagement by followers as Influencer Marketing Hub reports it',
  youtube: 'engagement by subscribers as Influencer Marketing Hub reports it',
};

function engagementByTier(platform: Platform, followers: number): Assumed<number> {
  const band = engagementBand(platform, followers);
  const head = `${PLATFORM_LABEL[platform]}, ${band.stated} followers; ${MEANING[platform]}`;
  return fromBenchmark(band.rate, 'default', `${head}. ${benchmarkText(band.rate)}`);
}

/** Whole influencers the budget buys at `fee` each (cent arithmetic, so $1,000 ÷ $100 is exactly 10). */
function affordable(budget: number, fee: number): number {
  return Math.min(MAX_MICRO_COUNT, Math.floor(Math.round(budget * 100) / Math.round(fee * 100)));
}

function buildScenario(o: Overrides): Scenario {
  const preset = o.preset ?? null;
  const kardashian = preset === 'kardashian';
  const tenMicro = preset === 'ten-micro';
  const platform = o.platform !== undefined ? given(o.platform) : fromBenchmark(PLATFORM_DEFAULT, 'default');
  const bigFollowers =
    o.big_followers !== undefined
      ? given(o.big_followers)
      : kardashian
        ? fromBenchmark(
            { value: KARDASHIAN_CASE.followers, basis: 'sourced', source: KARDASHIAN_CASE.source },
            'preset',
            'Kardashian case: "her 15 million followers" (seed 003; only seed 003 reports this case)',
          )
        : fromBenchmark(DEFAULT_PLANS.bigFollowers, tenMicro ? 'preset' : 'default');
  const big: PlanSpec = {
    count: {
      value: 1,
      origin: 'default',
      basis: 'sourced',
      source: CITE.seed003,
      note: 'Plan A is one influencer: "a single influencer" (seed 003)',
    },
    followers: bigFollowers,
    fee: o.big_fee !== undefined ? given(o.big_fee) : feeByRule(bigFollowers),
    engagement:
      o.big_engagement !== undefined
        ? given(o.big_engagement)
        : kardashian
          ? fromBenchmark(KARDASHIAN_VISIT_RATE, 'preset')
          : engagementByTier(platform.value, bigFollowers.value),
  };

  const microFollowers =
    o.micro_followers !== undefined
      ? given(o.micro_followers)
      : fromBenchmark(DEFAULT_PLANS.microFollowers, tenMicro ? 'preset' : 'default');
  const microFee = o.micro_fee !== undefined ? given(o.micro_fee) : feeByRule(microFollowers);
  const budget = o.budget ?? null;
  let microCount: Assumed<number>;
  if (o.micro_count !== undefined) microCount = given(o.micro_count);
  else if (budget !== null && microFee.value > 0) {
    const n = affordable(budget, microFee.value);
    const capped = n === MAX_MICRO_COUNT ? ` and capped at ${formatCount(MAX_MICRO_COUNT)}` : '';
    microCount = {
      value: n,
      origin: 'budget',
      basis: 'user',
      source: null,
      note: `as many as the budget buys: ${formatMoney(budget)} ÷ ${formatMoney(microFee.value)} = ${formatCount(n)}, rounded down${capped}`,
    };
  } else microCount = fromBenchmark(DEFAULT_PLANS.microCount, tenMicro ? 'preset' : 'default');

  const micro: PlanSpec = {
    count: microCount,
    followers: microFollowers,
    fee: microFee,
    engagement: o.micro_engagement !== undefined ? given(o.micro_engagement) : engagementByTier(platform.value, microFollowers.value),
  };

  const caseOrigin: Origin = kardashian ? 'preset' : 'default';
  return {
    overrides: { ...o },
    preset,
    platform,
    budget,
    big,
    micro,
    conversion: o.conversion !== undefined ? given(o.conversion) : fromBenchmark(CONVERSION, caseOrigin),
    orderValue: o.order_value !== undefined ? given(o.order_value) : fromBenchmark(ORDER_VALUE, caseOrigin),
    overlap: o.overlap !== undefined ? given(o.overlap) : fromBenchmark(OVERLAP, 'default'),
    clicksPerEngagement: fromBenchmark(CLICKS_PER_ENGAGEMENT, 'default'),
  };
}

/**
 * Plan B with as many micros as Plan A's fee buys (rounded down, at least 1), for an "Equal
 * budget" button. The count becomes a user override, so it survives encodeScenario. A free micro
 * fee cannot match a paid big fee: the scenario comes back unchanged.
 */
export function equalBudgetScenario(scenario: Scenario): Scenario {
  const fee = scenario.micro.fee.value;
  if (fee <= 0) return scenario;
  const bigCost = scenario.big.fee.value * scenario.big.count.value;
  const count = Math.max(1, affordable(bigCost, fee));
  return buildScenario({ ...scenario.overrides, micro_count: count });
}

// ── The model ─────────────────────────────────────────────────────────────────────────────────

export const MODEL_FORMULAS: readonly string[] = [
  'Cost = influencers × fee each.',
  'Impressions = influencers × followers each: every follower sees the post of each influencer they follow once (reach 100%, Tierbot assumption); a follower of two micros counts twice.',
  'Unique audience = followers for one influencer; for several, max(followers each, influencers × followers each × (1 − overlap)). Overlap is the share of the combined followers who are duplicates, as overlap tools report it; the union is never smaller than one influencer\'s audience.',
  'Engagements = influencers × followers each × engagement rate (rate by followers, one post each).',
  'Clicks (website visits) = unique audience × engagement rate × visits per engagement: an engaged person visits at most once (SOURCES.md §5 funnel).',
  'Orders = clicks × conversion rate; revenue = orders × average order value.',
  'CPE = cost ÷ engagements; CPM = cost ÷ impressions × 1,000; cost per order = cost ÷ orders (not defined when the divisor is 0).',
  'ROI = (revenue − cost) ÷ cost × 100; ROAS = revenue ÷ cost (not defined when the plan costs nothing).',
];

export interface PlanMetrics {
  plan: 'A' | 'B';
  /** "1 × 100,000 followers at $1,000". */
  name: string;
  count: number;
  followersEach: number;
  feeEach: number;
  engagementRate: number;
  cost: number;
  totalFollowers: number;
  uniqueAudience: number;
  impressions: number;
  engagements: number;
  cpe: number | null;
  cpm: number | null;
  clicks: number;
  orders: number;
  revenue: number;
  costPerOrder: number | null;
  roi: number | null;
  roas: number | null;
  /** Whether the budget covers the plan's cost; null without a budget. */
  withinBudget: boolean | null;
}

export type MetricKey =
  | 'cost'
  | 'uniqueAudience'
  | 'impressions'
  | 'engagements'
  | 'cpe'
  | 'cpm'
  | 'clicks'
  | 'orders'
  | 'revenue'
  | 'costPerOrder'
  | 'roi'
  | 'roas';

export interface MetricInfo {
  key: MetricKey;
  label: string;
  better: 'lower' | 'higher';
  format: (n: number) => string;
}

const count1 = (n: number): string => formatCount(Number(n.toFixed(n < 100 ? 2 : 0)));

export const METRICS: readonly MetricInfo[] = [
  { key: 'cost', label: 'Cost', better: 'lower', format: formatMoney },
  { key: 'uniqueAudience', label: 'Unique audience', better: 'higher', format: count1 },
  { key: 'impressions', label: 'Impressions', better: 'higher', format: count1 },
  { key: 'engagements', label: 'Engagements', better: 'higher', format: count1 },
  { key: 'cpe', label: 'Cost per engagement (CPE)', better: 'lower', format: formatMoney },
  { key: 'cpm', label: 'Cost per 1,000 impressions (CPM)', better: 'lower', format: formatMoney },
  { key: 'clicks', label: 'Clicks (website visits)', better: 'higher', format: count1 },
  { key: 'orders', label: 'Orders', better: 'higher', format: count1 },
  { key: 'revenue', label: 'Revenue', better: 'higher', format: formatMoney },
  { key: 'costPerOrder', label: 'Cost per order', better: 'lower', format: formatMoney },
  { key: 'roi', label: 'ROI', better: 'higher', format: formatPercent },
  { key: 'roas', label: 'ROAS', better: 'higher', format: (n) => `${Number(n.toFixed(2))}×` },
];

/** 'tie' within a relative 1e-9 (floating-point noise); null when either side is not defined. */
export type Winner = 'A' | 'B' | 'tie' | null;

export type BreakEven = { value: number; reason: null } | { value: null; reason: string };

export interface BreakEvens {
  /** Micro engagement rate (percent) and micro fee (dollars each) at which Plan B's CPE equals Plan A's. */
  cpe: { microEngagement: BreakEven; microFee: BreakEven };
  /** The same for ROI (equivalently ROAS). */
  roi: { microEngagement: BreakEven; microFee: BreakEven };
}

export interface BudgetInfo {
  budget: number;
  bigFee: number;
  bigAffordable: boolean;
  /** How much more the big influencer costs than the budget (0 when affordable). */
  bigShortfall: number;
  microFee: number;
  /** Micros the budget buys; null when micros are free (any number). */
  microsAffordable: number | null;
  /** Whether Plan B's count came from the budget, or was typed. */
  microCountFrom: Origin;
  sentence: string;
}

export interface AssumptionRow {
  key: string;
  label: string;
  value: number | string;
  display: string;
  origin: Origin;
  basis: Basis | 'user';
  source: string;
}

export interface Comparison {
  scenario: Scenario;
  a: PlanMetrics;
  b: PlanMetrics;
  winners: Record<MetricKey, Winner>;
  breakEven: BreakEvens;
  verdict: string;
  budget: BudgetInfo | null;
  /** Where the sources disagree about a figure used here (SOURCES.md §2, §3, §4). */
  disagreements: string[];
  /** Caveats on the model and reference figures (CPM benchmark, funnel, case evidence). */
  caveats: string[];
  assumptions: AssumptionRow[];
  formulas: readonly string[];
}

const pct = (p: number): number => p / 100;

function uniqueAudience(count: number, followers: number, overlap: number): number {
  if (count <= 1) return count * followers;
  return Math.max(followers, count * followers * (1 - pct(overlap)));
}

function planName(spec: PlanSpec): string {
  const n = spec.count.value;
  const each = n === 1 ? '' : ' each';
  return `${formatCount(n)} × ${formatCount(spec.followers.value)} followers at ${formatMoney(spec.fee.value)}${each}`;
}

function metrics(plan: 'A' | 'B', spec: PlanSpec, s: Scenario): PlanMetrics {
  const n = spec.count.value;
  const f = spec.followers.value;
  const e = spec.engagement.value;
  const cost = n * spec.fee.value;
  const unique = uniqueAudience(n, f, plan === 'A' ? 0 : s.overlap.value);
  const impressions = n * f;
  const engagements = (n * f * e) / 100;
  const clicks = (unique * e * s.clicksPerEngagement.value) / 10_000;
  const orders = (clicks * s.conversion.value) / 100;
  const revenue = orders * s.orderValue.value;
  return {
    plan,
    name: planName(spec),
    count: n,
    followersEach: f,
    feeEach: spec.fee.value,
    engagementRate: e,
    cost,
    totalFollowers: n * f,
    uniqueAudience: unique,
    impressions,
    engagements,
    cpe: engagements > 0 ? cost / engagements : null,
    cpm: impressions > 0 ? (cost / impressions) * 1000 : null,
    clicks,
    orders,
    revenue,
    costPerOrder: orders > 0 ? cost / orders : null,
    roi: cost > 0 ? ((revenue - cost) / cost) * 100 : null,
    roas: cost > 0 ? revenue / cost : null,
    withinBudget: s.budget === null ? null : cost <= s.budget,
  };
}

export function nearlyEqual(x: number, y: number): boolean {
  return x === y || Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y));
}

export function winnerOf(a: number | null, b: number | null, better: 'lower' | 'higher'): Winner {
  if (a === null || b === null) return null;
  if (nearlyEqual(a, b)) return 'tie';
  return (a < b) === (better === 'lower') ? 'A' : 'B';
}

const found = (value: number): BreakEven => ({ value, reason: null });
const none = (reason: string): BreakEven => ({ value: null, reason });

function breakEvens(a: PlanMetrics, b: PlanMetrics, s: Scenario): BreakEvens {
  const nf = b.count * b.followersEach;
  const cpeEngagement = (): BreakEven => {
    if (a.cpe === null) return none("Plan A has no engagements, so its CPE is not defined.");
    if (nf === 0) return none('Plan B has no followers, so no engagement rate gives it engagements.');
    if (b.cost === 0) return none('Plan B costs nothing, so its CPE is $0 at any engagement rate.');
    if (a.cpe === 0) return none("Plan A's engagements cost nothing; only a free Plan B could match its $0 CPE.");
    const rate = (b.cost * 100) / (nf * a.cpe);
    return rate > MAX_PERCENT ? none(`Plan B would need an engagement rate of ${formatPercent(rate)}, above 100%.`) : found(rate);
  };
  const cpeFee = (): BreakEven => {
    if (a.cpe === null) return none("Plan A has no engagements, so its CPE is not defined.");
    if (b.engagements === 0) return none('Plan B has no engagements, so no fee gives it a CPE.');
    return found((a.cpe * b.engagements) / b.count);
  };
  // Plan B's revenue per percentage point of engagement rate.
  const unique = uniqueAudience(b.count, b.followersEach, s.overlap.value);
  const revenuePerPoint = (unique * pct(s.clicksPerEngagement.value) * pct(s.conversion.value) * s.orderValue.value) / 100;
  const roiEngagement = (): BreakEven => {
    if (a.roas === null) return none('Plan A costs nothing, so its ROI is not defined.');
    if (b.cost === 0) return none('Plan B costs nothing, so its ROI is not defined at any engagement rate.');
    if (revenuePerPoint === 0) {
      return none('Plan B earns nothing at any engagement rate (its audience, conversion rate or order value is zero).');
    }
    const rate = (b.cost * a.roas) / revenuePerPoint;
    return rate > MAX_PERCENT ? none(`Plan B would need an engagement rate of ${formatPercent(rate)}, above 100%.`) : found(rate);
  };
  const roiFee = (): BreakEven => {
    if (a.roas === null) return none('Plan A costs nothing, so its ROI is not defined.');
    if (b.revenue === 0) return none('Plan B earns nothing, so its ROI is −100% at any fee above $0.');
    if (a.roas === 0) return none('Plan A earns nothing (ROI −100%), while Plan B earns something: no fee makes them tie.');
    return found(b.revenue / (b.count * a.roas));
  };
  return {
    cpe: { microEngagement: cpeEngagement(), microFee: cpeFee() },
    roi: { microEngagement: roiEngagement(), microFee: roiFee() },
  };
}

function budgetInfo(s: Scenario, a: PlanMetrics, b: PlanMetrics): BudgetInfo | null {
  if (s.budget === null) return null;
  const budget = s.budget;
  const bigFee = a.cost;
  const bigAffordable = bigFee <= budget;
  const microFee = s.micro.fee.value;
  const microsAffordable = microFee > 0 ? affordable(budget, microFee) : null;
  const bigPart = bigAffordable
    ? `A budget of ${formatMoney(budget)} buys the big influencer (fee ${formatMoney(bigFee)}), leaving ${formatMoney(budget - bigFee)}.`
    : `A budget of ${formatMoney(budget)} cannot buy the big influencer: the fee is ${formatMoney(bigFee)}, ` +
      `${formatMoney(bigFee - budget)} more than the budget.`;
  let microPart: string;
  if (microsAffordable === null) microPart = 'Micro-influencers cost $0 here, so any budget buys as many as you like.';
  else if (microsAffordable === 0) microPart = `It cannot buy a single micro-influencer at ${formatMoney(microFee)} each.`;
  else {
    microPart = `It buys ${formatCount(microsAffordable)} micro-influencer${microsAffordable === 1 ? '' : 's'} at ${formatMoney(microFee)} each.`;
  }
  if (s.micro.count.origin !== 'budget' && b.withinBudget === false) {
    microPart += ` Plan B as chosen (${formatCount(b.count)}) costs ${formatMoney(b.cost)}, over the budget.`;
  }
  return {
    budget,
    bigFee,
    bigAffordable,
    bigShortfall: Math.max(0, bigFee - budget),
    microFee,
    microsAffordable,
    microCountFrom: s.micro.count.origin,
    sentence: `${bigPart} ${microPart}`,
  };
}

function describe(key: MetricKey, label: string, a: PlanMetrics, b: PlanMetrics, w: Winner): string {
  const info = METRICS.find((m) => m.key === key)!;
  const show = (p: PlanMetrics): string => {
    const v = p[key];
    return typeof v === 'number' ? info.format(v) : 'not defined';
  };
  if (w === null) return `${label} cannot be compared (Plan A ${show(a)}, Plan B ${show(b)})`;
  if (w === 'tie') return `the plans tie on ${label} (${show(a)})`;
  const [win, lose] = w === 'A' ? [a, b] : [b, a];
  return `Plan ${w} wins on ${label} (${show(win)} vs ${show(lose)})`;
}

function verdictOf(a: PlanMetrics, b: PlanMetrics, winners: Record<MetricKey, Winner>, budget: BudgetInfo | null): string {
  const tally = (w: Winner) => Object.values(winners).filter((x) => x === w).length;
  let first: string;
  if (winners.cpe !== null && winners.cpe !== 'tie' && winners.cpe === winners.roi) {
    const [win, lose] = winners.cpe === 'A' ? [a, b] : [b, a];
    const cpe = (p: PlanMetrics) => formatMoney(p.cpe!);
    const roi = (p: PlanMetrics) => formatPercent(p.roi!);
    first = `Plan ${winners.cpe} wins on both cost per engagement (${cpe(win)} vs ${cpe(lose)}) and ROI (${roi(win)} vs ${roi(lose)}).`;
  } else {
    const cpe = describe('cpe', 'cost per engagement', a, b, winners.cpe);
    first = `${cpe.charAt(0).toUpperCase()}${cpe.slice(1)}; ${describe('roi', 'ROI', a, b, winners.roi)}.`;
  }
  const ties = tally('tie');
  const count = `Plan A (${a.name}) wins ${tally('A')} of ${METRICS.length} measures, Plan B (${b.name}) ${tally('B')}` +
    (ties > 0 ? `, ${ties} tied.` : '.');
  const money = budget && !budget.bigAffordable ? ' The budget cannot buy Plan A.' : '';
  return `${first} ${count}${money}`;
}

function row(key: string, label: string, a: Assumed<number | string>, display: string): AssumptionRow {
  const source = a.origin === 'given' ? 'your input' : a.note;
  return { key, label, value: a.value, display, origin: a.origin, basis: a.basis, source };
}

function assumptionsOf(s: Scenario): AssumptionRow[] {
  const money = (x: Assumed<number>) => formatMoney(x.value);
  const percent = (x: Assumed<number>) => formatPercent(x.value);
  const count = (x: Assumed<number>) => formatCount(x.value);
  const rows = [
    row('platform', 'Platform', s.platform, PLATFORM_LABEL[s.platform.value]),
    row('big_followers', 'Plan A followers', s.big.followers, count(s.big.followers)),
    row('big_fee', 'Plan A fee', s.big.fee, money(s.big.fee)),
    row('big_engagement', 'Plan A engagement rate', s.big.engagement, percent(s.big.engagement)),
    row('micro_count', 'Plan B influencers', s.micro.count, count(s.micro.count)),
    row('micro_followers', 'Plan B followers each', s.micro.followers, count(s.micro.followers)),
    row('micro_fee', 'Plan B fee each', s.micro.fee, money(s.micro.fee)),
    row('micro_engagement', 'Plan B engagement rate', s.micro.engagement, percent(s.micro.engagement)),
    row('overlap', 'Audience overlap among the micros', s.overlap, percent(s.overlap)),
    row('conversion', 'Conversion (orders per visit)', s.conversion, percent(s.conversion)),
    row('order_value', 'Average order value', s.orderValue, money(s.orderValue)),
    row('clicks_per_engagement', 'Visits per engaged follower', s.clicksPerEngagement, percent(s.clicksPerEngagement)),
    row('reach', 'Reach', fromBenchmark(REACH_RATE, 'default'), formatPercent(REACH_RATE.value)),
  ];
  if (s.budget !== null) rows.unshift(row('budget', 'Budget', given(s.budget), formatMoney(s.budget)));
  return rows;
}

function notesOf(s: Scenario, a: PlanMetrics, b: PlanMetrics): { disagreements: string[]; caveats: string[] } {
  const platform = s.platform.value;
  const disagreements: string[] = [];
  const caveats: string[] = [];
  const tierEngagement = [s.big.engagement, s.micro.engagement].some((x) => x.origin === 'default');
  if (tierEngagement) disagreements.push(...ENGAGEMENT_DISAGREEMENTS[platform], ENGAGEMENT_DEFINITION_NOTE);
  if (s.big.fee.origin === 'default' || s.micro.fee.origin === 'default') {
    disagreements.push(`Fees use the rule of thumb $100 per 10,000 followers (USA Today; Shopify). ${FEE_TABLES[platform]}`, FEE_PAYMENTS_NOTE);
  }
  if (s.preset === 'kardashian') {
    if (s.big.fee.origin === 'default') disagreements.push(KARDASHIAN_FEE_NOTE);
    caveats.push(
      `The Kardashian case was a tweet; Twitter is not in the engagement tables, so the micros use the ${PLATFORM_LABEL[platform]} figures.`,
    );
    if (s.big.engagement.origin === 'preset' && s.micro.engagement.origin === 'default') {
      caveats.push(
        "Plan A's engagements are website visits (seed 003 counts them for CPE); Plan B's are the platform's " +
          'engagement rate (likes on Instagram), so CPE compares unlike things.',
      );
    }
    const k = KARDASHIAN_CASE;
    caveats.push(
      `${formatCount(k.followers)} followers → ${formatCount(k.visits)} visits → ${k.orders} orders at $${k.orderValue} = ` +
        `${formatMoney(k.orders * k.orderValue)} revenue (seed 003).`,
    );
  }
  const ref = CPM_REFERENCE[platform];
  const show = (x: number | null) => (x === null ? 'not defined' : formatMoney(x));
  caveats.push(
    `CPM reference for ${PLATFORM_LABEL[platform]}: ${formatMoney(ref.value.min)}–${formatMoney(ref.value.max)} (Word on the Block, 2023); ` +
      `Upfluence's "industry standard" ${formatMoney(UPFLUENCE_CPM.value)}. Here: Plan A ${show(a.cpm)}, Plan B ${show(b.cpm)}.`,
  );
  if (s.clicksPerEngagement.origin === 'default') caveats.push(`Clicks: ${benchmarkText(CLICKS_PER_ENGAGEMENT)}.`);
  caveats.push(`Reach: ${benchmarkText(REACH_RATE)}.`);
  if (s.overlap.origin === 'default' && s.micro.count.value > 1) caveats.push(`Overlap: ${benchmarkText(OVERLAP)}.`);
  caveats.push(...CASE_NOTES);
  return { disagreements, caveats };
}

/** Pure arithmetic over a scenario: both plans' metrics, winners, break-evens and the notes to show. */
export function comparePlans(scenario: Scenario): Comparison {
  const a = metrics('A', scenario.big, scenario);
  const b = metrics('B', scenario.micro, scenario);
  const winners = Object.fromEntries(METRICS.map((m) => [m.key, winnerOf(a[m.key], b[m.key], m.better)])) as Record<MetricKey, Winner>;
  const budget = budgetInfo(scenario, a, b);
  return {
    scenario,
    a,
    b,
    winners,
    breakEven: breakEvens(a, b, scenario),
    verdict: verdictOf(a, b, winners, budget),
    budget,
    ...notesOf(scenario, a, b),
    assumptions: assumptionsOf(scenario),
    formulas: MODEL_FORMULAS,
  };
}

// ── Compact encoding for button custom_ids ───────────────────────────────────────────────────

/**
 * A scenario's overrides as "1" + key/value pairs: an upper-case key letter, then the value in
 * lower-case base 36 (money in cents, percents in ten-thousandths of a point, counts as is;
 * preset and platform as one letter). Worst case 86 characters, so it fits a custom_id.
 */
const ENCODING_VERSION = '1';
export const MAX_ENCODED_LENGTH = 90;

const KEY_OF: Record<OptionName, string> = {
  preset: 'P',
  platform: 'L',
  budget: 'B',
  big_followers: 'F',
  big_fee: 'C',
  big_engagement: 'E',
  micro_count: 'N',
  micro_followers: 'G',
  micro_fee: 'D',
  micro_engagement: 'H',
  conversion: 'V',
  order_value: 'A',
  overlap: 'O',
};
const OPTION_OF = Object.fromEntries(Object.entries(KEY_OF).map(([k, v]) => [v, k as OptionName])) as Record<string, OptionName>;
const PRESET_CODE: Record<PresetId, string> = { kardashian: 'k', 'ten-micro': 't' };
const PLATFORM_CODE: Record<Platform, string> = { instagram: 'i', tiktok: 't', youtube: 'y' };
const SCALE: Record<OptionKind, number> = { money: 100, percent: 10 ** PERCENT_DECIMALS, followers: 1, influencers: 1 };

export function encodeScenario(scenario: Scenario): string {
  const o = scenario.overrides;
  let out = ENCODING_VERSION;
  for (const name of OPTION_NAMES) {
    if (name === 'preset') {
      if (o.preset) out += KEY_OF.preset + PRESET_CODE[o.preset];
    } else if (name === 'platform') {
      if (o.platform) out += KEY_OF.platform + PLATFORM_CODE[o.platform];
    } else {
      const value = o[name];
      if (value !== undefined) out += KEY_OF[name] + Math.round(value * SCALE[OPTION_KIND[name]]).toString(36);
    }
  }
  return out;
}

const badEncoding = (reason: string): ParseFailure => ({
  ok: false,
  option: 'scenario',
  reason,
  accepted: 'a scenario written by encodeScenario',
});

export function decodeScenario(text: string): CompareParse {
  if (text.length > MAX_ENCODED_LENGTH || !text.startsWith(ENCODING_VERSION)) return badEncoding('Unknown scenario format.');
  const body = text.slice(ENCODING_VERSION.length);
  if (!/^(?:[A-Z][0-9a-z]{1,10})*$/.test(body)) return badEncoding('Malformed scenario.');
  const input: CompareInput = {};
  for (const [, key = '', value = ''] of body.matchAll(/([A-Z])([0-9a-z]+)/g)) {
    const name = OPTION_OF[key];
    if (name === undefined) return badEncoding(`Unknown key “${key}”.`);
    if (input[name] !== undefined) return badEncoding(`Key “${key}” appears twice.`);
    if (name === 'preset') {
      const preset = PRESETS.find((p) => PRESET_CODE[p] === value);
      if (!preset) return badEncoding(`Unknown preset code “${value}”.`);
      input.preset = preset;
    } else if (name === 'platform') {
      const platform = PLATFORMS.find((p) => PLATFORM_CODE[p] === value);
      if (!platform) return badEncoding(`Unknown platform code “${value}”.`);
      input.platform = platform;
    } else {
      input[name] = parseInt(value, 36) / SCALE[OPTION_KIND[name]];
    }
  }
  return parseCompareInput(input);
}
