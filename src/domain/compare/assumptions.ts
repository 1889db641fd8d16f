/**
 * Every input of the funnel as an Assumption: its low–expected–high range, its basis (sourced,
 * observed, extrapolated, a Tierbot assumption, the user's input, the budget) and the citations
 * behind it, in plain words. The sourced ones (reach, engagement, fees) are looked up here by
 * follower count and platform; the Scenario type ties them to the two plans.
 */

import { ASSUMED_MEGA_FROM, ASSUMED_MICRO_BELOW, audienceWord, type BandFigure, type Basis, CENT_PER_FOLLOWER, CENT_RULE_LARGEST_EXAMPLE, CENT_RULE_TEXT, type Citation, CITE, citeBrief, GRIN_PER_FOLLOWER, GRIN_RULE_TEXT, inBand, INSTAGRAM_REACH, type Platform, PLATFORM_ENGAGEMENT, PLATFORM_LABEL, PLATFORM_REACH, publisherYear, reportedBy, type SourcedReach, TRAACKR_CPME, TRAACKR_RULE_TEXT } from '../benchmarks';
import { countOf, formatCompact, formatCount } from '../format';
import { uniqueReach } from '../funnel';
import { formatMoney, formatMoneyExact, MONEY_DECIMALS, PERCENT_SIGNIFICANT, plainNumber, roundPercent, roundSignificant, roundTo } from '../units';
import type { NumericOption, Overrides, PresetId } from './options';

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
  /**
   * On a rate held past a band's edge (heldPastEdges): `expected` is Tierbot's raised rate, not a
   * source's figure, so a fee priced at it can say so; and how it is written (RaisedText).
   */
  raised?: RaisedText;
}

/**
 * Tierbot's raised rate written two ways. `working`: as its working and the fees priced at it
 * (the Assumptions page, compare.csv), with the digits that check to the cent and never read as
 * the rate it was worked from ("22.9448%", workingPercent). `glance`: as the main reply gives it
 * among the other inputs, with the digits that give the plan's count shown beside it ("22.945%",
 * glancePercent; a plan of several influencers is given its own by glancedFor).
 */
interface RaisedText {
  working: string;
  glance: string;
}

/** Which of RaisedText's forms a reply writes a raised rate in. */
export type RaisedForm = keyof RaisedText;

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
  /** Where the range comes from; ONE_FIGURE when the sources give one figure; '' otherwise when there is no spread. */
  rangeNote: string;
  sources: Citation[];
  /** The option that sets it. */
  option?: NumericOption;
  /**
   * The source in a few words for the main reply, where its first citation alone would mislead.
   * The kind (sourced, extrapolated) is not repeated here: the reply says it from `basis`, as the
   * Assumptions page and compare.csv do.
   */
  summary?: string;
  /** A fee priced by the rules: how each rule's price follows the engagement rate (scenarios need it). */
  feeRules?: FeeRules;
  /** A rate held past a band's edge (heldPastEdges): the smaller count whose people it keeps. Its range is still the sources'. */
  heldFrom?: number;
}

/** The price rules behind a fee. Traackr's rule prices engagements, so its fee follows the engagement rate. */
export interface FeeRules {
  /** The account size these fees price. */
  followers: number;
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

/** A fee in cents, and never under one: a rule that prices a tiny account below a cent still costs something. */
const feeInCents = (amount: number): number => Math.max(0.01, roundTo(amount, MONEY_DECIMALS));

/** Said when GRIN's rule prices an account under half a cent: the fee shown is the smallest one, not the rule's. */
const GRIN_UNDER_A_CENT = 'under a cent by the rule, raised to the smallest fee';

/** The price rules for an account of `followers` followers (Traackr's only when its engagement rate is known). */
export function priceRules(followers: number, engagement: Range | null): FeeRules {
  return {
    followers,
    cent: feeInCents(followers * CENT_PER_FOLLOWER),
    grin: { low: feeInCents(followers * GRIN_PER_FOLLOWER.low), high: feeInCents(followers * GRIN_PER_FOLLOWER.high) },
    traackrPerPoint: engagement === null ? null : (followers * TRAACKR_CPME) / 100 / 1000,
  };
}

/**
 * What the price rules charge at the expected engagement rate, the cheapest and the dearest: what
 * a budget is set beside. `at` says that rate ("at the expected 1.55% engagement rate") when a
 * rule follows it, '' otherwise.
 */
export function rulesAtExpected(rules: FeeRules, engagement: Range | null, form: RaisedForm = 'working'): { low: number; high: number; at: string } {
  const rate = engagement?.expected ?? null;
  const rateText = (x: number) => (engagement?.raised ? `Tierbot’s raised ${engagement.raised[form]}` : `the expected ${exactPercent(x)}`);
  const at = rate !== null && traackrFeeAt(rules, rate) !== null ? `at ${rateText(rate)} engagement rate` : '';
  return { low: feeByRulesAt(rules, rate, 'low'), high: feeByRulesAt(rules, rate, 'high'), at };
}

/** Traackr's fee at each end of the engagement rate's range (none when the rate is unknown or the fee would be $0). */
function traackrEnds(rules: FeeRules, engagement: Range | null): { rate: number; fee: number }[] {
  if (engagement === null) return [];
  return [...new Set([engagement.low, engagement.high])].flatMap((rate) => {
    const fee = traackrFeeAt(rules, rate);
    return fee === null ? [] : [{ rate, fee }];
  });
}

/**
 * "GRIN's $4–9 per 1,000 followers, $400–$900; Traackr's $150 per 1,000 engagements, $232.50 at
 * 1.55% to $570 at 3.8%": the rules other than the cent rule, Traackr's at each end of the
 * engagement rate's range.
 */
export function otherRulesNote(rules: FeeRules, engagement: Range | null, platform: Platform): string {
  // To the cent, as the fee's range is written beside it.
  const fees = rules.grin.low === rules.grin.high ? formatMoneyExact(rules.grin.low) : `${formatMoneyExact(rules.grin.low)}–${formatMoneyExact(rules.grin.high)}`;
  const raised = rules.followers * GRIN_PER_FOLLOWER.low < CENT_PER_FOLLOWER / 2 ? ` (${GRIN_UNDER_A_CENT})` : '';
  const grin = `GRIN's ${GRIN_RULE_TEXT}, ${fees}${raised}`;
  const traackr = traackrEnds(rules, engagement);
  if (!traackr.length) return grin;
  const where = platform === 'instagram' ? '' : ' (its Instagram default, an extrapolation)';
  // A fee priced at Tierbot's raised rate is past what the sources give: say whose rate it is.
  const at = (rate: number) => (engagement?.raised && rate === engagement.expected ? `${engagement.raised.working}, Tierbot’s raised rate` : exactPercent(rate));
  return `${grin}; Traackr's ${TRAACKR_RULE_TEXT}${where}, ${traackr.map(({ rate, fee }) => `${formatMoneyExact(fee)} at ${at(rate)}`).join(' to ')}`;
}

/**
 * Whether Traackr's rule, a price per engagement, buys more or fewer followers for a budget than
 * the cent-per-follower rule at this engagement rate (percent): it costs less below about 6.7%
 * ($0.15 an engagement against $0.01 a follower), more above. Null when the rate is unknown.
 */
export function traackrAgainstCentRule(engagementRate: number | null): 'more' | 'fewer' | 'as many' | null {
  if (engagementRate === null) return null;
  const perFollower = (TRAACKR_CPME / 1000) * (engagementRate / 100);
  return perFollower < CENT_PER_FOLLOWER ? 'more' : perFollower > CENT_PER_FOLLOWER ? 'fewer' : 'as many';
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

/** "100,000 followers", "1 follower", or "100,000 subscribers" on YouTube. */
export function audienceText(n: number, platform: Platform): string {
  const word = audienceWord(platform);
  return countOf(n, word.slice(0, -1), word);
}

/** A source's (or a user's) percentage with its own digits: 22.885%, 0.54%, 0.0806%, 0.00001%. */
export function exactPercent(x: number): string {
  return `${plainNumber(x, PERCENT_SIGNIFICANT)}%`;
}

/** Digits a raised rate may need past PERCENT_SIGNIFICANT before it stops reading as a round figure. */
const RAISED_MOST_SIGNIFICANT = 12;

/**
 * Tierbot's raised rate (heldPastEdges) as its working writes it: six significant digits, or more
 * where six would round it onto a round figure, so that 999,999 × 11.5% ÷ 1,000,000 reads
 * 11.49999%, not the 11.5% it was worked from, and a fee priced at it checks to the cent.
 */
function workingPercent(x: number): string {
  for (let digits = PERCENT_SIGNIFICANT; digits <= RAISED_MOST_SIGNIFICANT; digits++) {
    if (roundSignificant(x, digits) !== roundSignificant(x, digits - 1)) return `${plainNumber(x, digits)}%`;
  }
  return exactPercent(x);
}

/** The fewest significant digits a rate is written with where a reader takes it in at a glance. */
const GLANCE_SIGNIFICANT = 3;

/** A count as the main reply shows it: a whole number, or "under 1" for a fraction of one. */
const shownCount = (n: number): number | 'under 1' => (n > 0 && n < 1 ? 'under 1' : Math.round(n));

/**
 * Tierbot's raised rate `x` as the main reply gives it among the other inputs, for a plan whose
 * count it multiplies `basis` followers into (countBasis): the fewest significant digits, three
 * at least, at which the basis × the rate written still gives the count shown beside it (100,000
 * × 22.945% is the 22,945 people shown; 22.9% would give 22,900), reading apart from the range's
 * other ends (`apart`) as they are written.
 */
function glancePercent(x: number, basis: number, apart: readonly number[]): string {
  const count = (rate: number) => shownCount((basis * rate) / 100);
  const others = apart.filter((y) => y !== x).map(exactPercent);
  // A big plan (300 × 200,000 followers) may need more digits than the working's six to give its count.
  for (let digits = GLANCE_SIGNIFICANT; digits <= RAISED_MOST_SIGNIFICANT; digits++) {
    const text = `${plainNumber(x, digits)}%`;
    if (count(roundSignificant(x, digits)) === count(x) && !others.includes(text)) return text;
  }
  return workingPercent(x);
}

/**
 * The followers a plan's rate multiplies into its count: every influencer's for engagements;
 * for reach, their combined audience less the overlap, never less than one influencer's (the
 * funnel's uniqueReach at a 100% rate). One account's followers for a plan of one.
 */
export function countBasis(rate: 'reach' | 'engagement', influencers: number, followersEach: number, overlap: number): number {
  return rate === 'reach' ? uniqueReach(influencers, followersEach, 100, overlap) : influencers * followersEach;
}

/**
 * A rate as the main reply gives it for a plan whose count it multiplies `basis` followers into
 * (countBasis): Tierbot's raised rate written at a glance for that count, not one account's, so
 * the rate shown gives the count shown beside it. Any other rate is written with its own digits.
 */
export function glancedFor(rate: Assumption, basis: number): Assumption {
  const v = rate.value;
  if (!v?.raised) return rate;
  return { ...rate, value: { ...v, raised: { ...v.raised, glance: glancePercent(v.expected, basis, [v.low, v.high]) } } };
}

export const single = (x: number): Range => ({ low: x, expected: x, high: x });

/** The range note of a sourced or extrapolated input whose sources give one figure, so it has no range. */
export const ONE_FIGURE = 'one published figure, no range';
const spread = (expected: number, values: readonly number[]): Range => ({
  low: Math.min(expected, ...values),
  expected,
  high: Math.max(expected, ...values),
});

export const LABEL: Record<AssumptionKey, string> = {
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

export function given(key: AssumptionKey, option: NumericOption, value: number, unit: Assumption['unit'], plans: Assumption['plans'], better: Assumption['better']): Assumption {
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

/** The reach figures a platform's rates come from: its own, or Instagram's where none is recorded for it. */
function reachFigures(platform: Platform): SourcedReach {
  const reach = PLATFORM_REACH[platform];
  return reach.kind === 'sourced' ? reach : INSTAGRAM_REACH;
}

/** The reach rate the sources' bands give `followers` followers, before any hold at a band's edge. */
function bandReachRate(plan: 'A' | 'B', followers: number, platform: Platform): Assumption {
  const key = plan === 'A' ? 'reach_rate_a' : 'reach_rate_b';
  const option = plan === 'A' ? 'big_reach' : 'micro_reach';
  const base = { key, label: LABEL[key], unit: 'percent', plans: [plan], better: 'higher', option } as const;
  const reach = PLATFORM_REACH[platform];
  if (reach.kind === 'sourced') {
    const median = reach.median.find((f) => inBand(f.band, followers))!;
    const cross = reach.crossCheck.filter((f) => inBand(f.band, followers));
    return {
      ...base,
      value: spread(median.low, cross.map((f) => f.low)),
      basis: 'sourced',
      rule: `${publisherYear(median.source)}, ${reach.medianMeasure} for ${median.band.stated} ${audienceWord(platform)}: ${exactPercent(median.low)}`,
      rangeNote: cross.length ? `cross-check: ${describeFigures(cross)}` : ONE_FIGURE,
      sources: uniqueSources([median, ...cross]),
    };
  }
  // No source gives this platform's reach rate, so borrowing Instagram's is Tierbot's assumption, said as one.
  const borrowed = INSTAGRAM_REACH.median.find((f) => inBand(f.band, followers))!;
  const all = [...INSTAGRAM_REACH.median, ...INSTAGRAM_REACH.crossCheck];
  const lowest = all.reduce((a, b) => (b.low < a.low ? b : a));
  const highest = all.reduce((a, b) => (b.low > a.low ? b : a));
  const why = reach.why === null ? '' : ` (${reach.why})`;
  return {
    ...base,
    value: spread(borrowed.low, all.map((f) => f.low)),
    basis: 'assumption',
    rule:
      `no ${PLATFORM_LABEL[platform]} reach rate is recorded${why}: Tierbot assumes ${publisherYear(borrowed.source)}'s Instagram median for ` +
      `${borrowed.band.stated} followers (${exactPercent(borrowed.low)})`,
    rangeNote: `every recorded post-reach figure, ${publisherYear(lowest.source)} to ${publisherYear(highest.source)} (${exactPercent(lowest.low)}–${exactPercent(highest.low)})`,
    sources: uniqueSources(all),
  };
}

/** The engagement rate the sources' bands give `followers` followers, before any hold at a band's edge. */
function bandEngagementRate(plan: 'A' | 'B', followers: number, platform: Platform): Assumption {
  const key = plan === 'A' ? 'engagement_rate_a' : 'engagement_rate_b';
  const option = plan === 'A' ? 'big_engagement' : 'micro_engagement';
  const base = { key, label: LABEL[key], unit: 'percent', plans: [plan], better: 'higher', option } as const;
  // On YouTube an audience is subscribers: the words follow the platform (audienceWord).
  const audience = audienceWord(platform);
  const engagement = PLATFORM_ENGAGEMENT[platform];
  const others = engagement.others.filter((f) => inBand(f.band, followers));
  const othersValues = others.flatMap((f) => [f.low, f.high]);
  if (engagement.kind === 'by band') {
    const main = engagement.expected.find((f) => inBand(f.band, followers))!;
    return {
      ...base,
      value: spread(main.low, othersValues),
      basis: 'sourced',
      rule: `${publisherYear(main.source)}, ${engagement.expectedMeasure} for ${main.band.stated} ${audience}: ${exactPercent(main.low)}`,
      rangeNote: others.length ? `other sources: ${describeFigures(others)}` : '',
      sources: uniqueSources([main, ...others]),
    };
  }
  // The source's "micro" and "mega" come without follower lines or the rate's denominator
  // (MicroMegaEngagement): which figure a count gets, and reading it as by followers, are
  // Tierbot's own assumptions, and the words say so rather than borrowing another source's lines.
  const { micro, mega, source } = engagement;
  const stated = (rate: number) => `${engagement.approximate ? 'about ' : ''}${exactPercent(rate)}`;
  const cited = citeBrief(source);
  const reported = reportedBy(source);
  const unstated = `it states neither ${audience.slice(0, -1)} lines for its tiers nor what its rate is divided by`;
  const sources = [source, ...uniqueSources(others).filter((c) => c !== source)];
  if (followers < ASSUMED_MICRO_BELOW || followers >= ASSUMED_MEGA_FROM) {
    const tier = followers < ASSUMED_MICRO_BELOW ? 'micro' : 'mega';
    const value = tier === 'micro' ? micro : mega;
    const lines = tier === 'micro' ? `under ${formatCount(ASSUMED_MICRO_BELOW)} ${audience}` : `from ${formatCount(ASSUMED_MEGA_FROM)} ${audience}`;
    return {
      ...base,
      value: spread(value, othersValues),
      basis: 'extrapolated',
      rule:
        `${cited} gives ${PLATFORM_LABEL[platform]}'s “${tier}” tier ${stated(value)}, but ${unstated}. ` +
        `That “${tier}” covers ${audienceText(followers, platform)} (Tierbot applies it ${lines}) and that the rate is by ${audience} are Tierbot assumptions, not the source's`,
      rangeNote: others.length ? `also ${describeFigures(others)}` : ONE_FIGURE,
      sources,
      summary: `${publisherYear(source)} “${tier}”${reported ? `, ${reported}` : ''}; it states no ${audience.slice(0, -1)} lines or denominator, so Tierbot reads it by ${audience}`,
    };
  }
  const mid = roundPercent((micro + mega) / 2);
  return {
    ...base,
    value: spread(mid, [mega, micro, ...othersValues]),
    basis: 'assumption',
    rule:
      `no ${PLATFORM_LABEL[platform]} figure for ${formatCompact(ASSUMED_MICRO_BELOW)}–${formatCompact(ASSUMED_MEGA_FROM)} ${audience} is recorded: Tierbot assumes the midpoint (${exactPercent(mid)}) of the “micro” rate (${stated(micro)}) and the “mega” rate (${stated(mega)}) ` +
      `that ${cited} gives, read as by ${audience} (${unstated})`,
    rangeNote: `“mega” to “micro” (${exactPercent(mega)}–${exactPercent(micro)})${others.length ? `; also ${describeFigures(others)}` : ''}`,
    sources,
  };
}

/** Where a band table's rate changes: each band's first count. */
const firstCounts = (figures: readonly BandFigure[]): number[] => figures.map((f) => f.band.min).filter((count) => count > 0);

/**
 * The expected rates come from tables by follower band, and the rates fall from band to band:
 * 20,000 followers at "20k–100k"'s 22.945% would reach fewer people than 19,999 at "0–20k"'s
 * 37.72%, and one more cent of budget would cost Plan A a third of its reach. A bigger account is
 * not assumed to do worse than a smaller one: past a band's first count the expected rate is raised
 * so that the count keeps what the count just below the edge gets, until the band's own rate
 * catches up. The rate is kept exact (not rounded), so the count never dips as followers grow.
 * The range stays the sources' figures for this count, widened to take the raised rate in.
 */
function heldPastEdges(
  banded: Assumption,
  followers: number,
  platform: Platform,
  expectedAt: (followers: number) => number,
  edges: readonly number[],
  measure: 'people reached' | 'engagements',
): Assumption {
  const value = banded.value!;
  let most = followers * value.expected;
  let heldFrom: number | null = null;
  for (const edge of edges) {
    const before = (edge - 1) * expectedAt(edge - 1);
    if (edge > followers || before <= most) continue;
    most = before;
    heldFrom = edge - 1;
  }
  if (heldFrom === null) return banded;
  const expected = most / followers;
  const widened = expected > value.high;
  const high = Math.max(value.high, expected);
  // Written at a glance for a plan of this one account; a plan of several is given its own (glancedFor).
  const raised = { working: workingPercent(expected), glance: glancePercent(expected, followers, [value.low, high]) };
  return {
    ...banded,
    value: { low: value.low, expected, high, raised },
    basis: 'assumption',
    heldFrom,
    rangeNote:
      banded.rangeNote === ONE_FIGURE ? `the source's figure for ${audienceText(followers, platform)} up to the raised rate` : widened ? `${banded.rangeNote}; up to the raised rate` : banded.rangeNote,
    rule:
      `${banded.rule}; Tierbot raises it to ${raised.working} here (${formatCount(heldFrom)} × ${exactPercent(expectedAt(heldFrom))} ÷ ${formatCount(followers)}), ` +
      `so that ${audienceText(followers, platform)} get no fewer ${measure} than ${audienceText(heldFrom, platform)} do: a bigger account is not assumed to do worse`,
    summary: undefined,
  };
}

export function reachRate(plan: 'A' | 'B', followers: number, platform: Platform): Assumption {
  const expectedAt = (count: number) => bandReachRate(plan, count, platform).value!.expected;
  return heldPastEdges(bandReachRate(plan, followers, platform), followers, platform, expectedAt, firstCounts(reachFigures(platform).median), 'people reached');
}

export function engagementRate(plan: 'A' | 'B', followers: number, platform: Platform): Assumption {
  const expectedAt = (count: number) => bandEngagementRate(plan, count, platform).value!.expected;
  const engagement = PLATFORM_ENGAGEMENT[platform];
  const edges = engagement.kind === 'by band' ? firstCounts(engagement.expected) : [ASSUMED_MICRO_BELOW, ASSUMED_MEGA_FROM];
  return heldPastEdges(bandEngagementRate(plan, followers, platform), followers, platform, expectedAt, edges, 'engagements');
}

/** The cent rule's largest example, as every reply that extends the rule past it names it: "1,000,000 followers for $10,000". */
export const CENT_RULE_EXAMPLE_TEXT = `${formatCount(CENT_RULE_LARGEST_EXAMPLE)} followers for ${formatMoney(CENT_RULE_LARGEST_EXAMPLE * CENT_PER_FOLLOWER)}`;

/**
 * The fee by the cent-per-follower rule, with GRIN's and Traackr's rules as the range: from the
 * cheapest rule to the dearest across the engagement rate's range, since Traackr's rule prices
 * engagements and its fee rises with the rate. Each scenario pays a rule's price at its own rate
 * (`feeRules`, ./evaluate.ts). Past the cent rule's largest example (1M followers) the expected
 * fee is an extrapolation of it.
 */
export function feeByRules(plan: 'A' | 'B', followers: number, engagement: Range | null, platform: Platform): Assumption {
  const key = plan === 'A' ? 'fee_a' : 'fee_b';
  const rules = priceRules(followers, engagement);
  const traackr = traackrEnds(rules, engagement);
  const across = traackr.length === 2 ? 'from the cheapest rule to the dearest, across the engagement rate’s range: ' : '';
  const extended = followers > CENT_RULE_LARGEST_EXAMPLE;
  const pastExample = extended ? `, extended past its largest example (${CENT_RULE_EXAMPLE_TEXT})` : '';
  return {
    key,
    label: LABEL[key],
    unit: 'money',
    value: { low: feeByRulesAt(rules, engagement?.low ?? null, 'low'), expected: rules.cent, high: feeByRulesAt(rules, engagement?.high ?? null, 'high') },
    basis: extended ? 'extrapolated' : 'sourced',
    plans: [plan],
    better: 'lower',
    rule: `the cent-per-follower rule (${CENT_RULE_TEXT})${pastExample}: ${formatCount(followers)} × ${formatMoney(CENT_PER_FOLLOWER)} = ${formatMoneyExact(rules.cent)}`,
    rangeNote: `${across}${otherRulesNote(rules, engagement, platform)}`,
    sources: [CITE.centRule, CITE.grin, ...(traackr.length ? [CITE.traackr] : [])],
    summary: 'the cent-per-follower rule',
    option: plan === 'A' ? 'big_fee' : 'micro_fee',
    feeRules: rules,
  };
}

export function notReported(key: AssumptionKey, option: NumericOption, why: string): Assumption {
  return { key, label: LABEL[key], unit: 'percent', value: null, basis: 'unreported', plans: ['A'], better: 'higher', rule: why, rangeNote: '', sources: [], option };
}

export function fromBudget(key: AssumptionKey, option: NumericOption, value: number, plans: Assumption['plans'], what: string): Assumption {
  return { key, label: LABEL[key], unit: 'money', value: single(value), basis: 'budget', plans, better: 'lower', rule: what, rangeNote: '', sources: [], option };
}
