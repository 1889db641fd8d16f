/**
 * /compare's main reply, the one the channel reads: the verdict and what it depends on, the
 * budget, each plan's figures with their ranges (the better one marked), the key assumptions that
 * fit within MAIN_TEXT_LIMIT, and the Assumptions, Export and Equal budget buttons. Also how the
 * figures, the inputs' bases and the house tiers are written, which the Assumptions page
 * (compare-assumptions.ts) writes the same way.
 */

import { ButtonStyle, MessageFlags, type APIEmbed, type APIEmbedField } from 'discord-api-types/v10';
import { AD_AGE_KARDASHIAN_FEE_TEXT, audienceWord, CENT_RULE_LARGEST_EXAMPLE, CENT_RULE_TEXT, CITE, GRIN_RULE_TEXT, TRAACKR_RULE_TEXT, citeBrief, publisherYear, reportedBy, type Platform } from '../domain/benchmarks';
import {
  audienceText,
  CENT_RULE_EXAMPLE_TEXT,
  HOLDS_TEXT,
  breakEvenLine,
  flipsText,
  comparedText,
  disputed,
  equalBudget,
  exactPercent,
  exportedRange,
  formatInput,
  microInfluencers,
  missingReason,
  mostMicrosText,
  ONE_FIGURE,
  ONE_MICRO_OVERLAP,
  robustnessText,
  roiRoasText,
  traackrAgainstCentRule,
  verdictHeadline,
  workedInputText,
  type Assumption,
  type Comparison,
  type MetricName,
  type PlanResult,
  type Range,
  type Scenario,
} from '../domain/compare';
import { andList, codePointCount, countOf, formatCount, shorten } from '../domain/format';
import { houseTierFor, shortHousePlacement, type HouseTier } from '../domain/house';
import { formatMoney, formatMoneyExact, formatPercent, roundTo } from '../domain/units';
import { TIER_COLOURS } from '../domain/tier-style';
import { LIMITS, embedLength } from './limits';
import { ASSUMPTIONS_ID, EQUAL_BUDGET_ID, EXPORT_ID, encodeState } from './compare-state';
import { houseProblemLine, housePlacementText, teamTierName, type HouseLookup } from './house-lookup';
import { NEUTRAL_COLOUR, button, buttonRows, linesToFields, shareOut } from './embeds';
import { OWN_MESSAGE, type Reply } from './types';

/** The main reply's budget: well inside Discord's 6,000 so it reads in a public channel. */
export const MAIN_TEXT_LIMIT = 3_500;

// ── Numbers as people read them ───────────────────────────────────────────────────────────────

/** A count as a whole number; any fraction of one is "under 1", never 1, which would overstate it. */
const whole = (n: number): string => (n > 0 && n < 1 ? 'under 1' : formatCount(Math.round(n)));

const FORMAT: Record<MetricName, (n: number) => string> = {
  followers: whole,
  influencers: whole,
  reach: whole,
  impressions: whole,
  engagements: whole,
  visits: whole,
  orders: whole,
  revenue: formatMoney,
  // A cost is what was paid: a budget with cents is shown with them, as every page shows the budget.
  cost: formatMoneyExact,
  cpe: formatMoney,
  cpm: formatMoney,
  cost_per_order: formatMoney,
  roi: formatPercent,
  roas: (n) => `${roasNumber(n)}×`,
};

/**
 * Revenue per dollar: "0×" when nothing sells (defined: the cost is not zero), two decimals from
 * 0.1, two significant digits below, never exponent notation ("2.3e-7") and grouped from 1,000.
 * Rounded as compare.csv rounds (roundTo), so a tie such as 0.00225 goes the same way in both.
 */
function roasNumber(n: number): string {
  if (n === 0) return '0';
  if (n >= 1_000) return formatCount(Math.round(n));
  if (n < 0.0001) return '<0.0001';
  if (n >= 0.1) {
    const decimals = n >= 10 ? 1 : 2;
    return roundTo(n, decimals).toFixed(decimals);
  }
  return String(roundTo(n, 1 - Math.floor(Math.log10(n))));
}

/**
 * "1,550 (1,550 to 3,800)", or "1,550" alone when the ends read alike as written: the ends are
 * compared once formatted, so "$7.50 ($7.50 to $7.50)" is never shown. `bold` marks the expected figure.
 */
export function spanText(range: Range, format: (n: number) => string, bold = false): string {
  const [low, expected, high] = [format(range.low), format(range.expected), format(range.high)];
  const shown = bold ? `**${expected}**` : expected;
  return low === high ? shown : `${shown} (${low} to ${high})`;
}

/**
 * "**1,550** (1,550 to 3,800)", or "**1,000**" when there is no spread: compare.csv's values, rounded
 * further; `precise` writes all three with every digit they are compared on ("$0.6452").
 */
function rangeText(m: MetricName, range: Range, precise = false): string {
  return spanText(exportedRange(m, range), precise ? (x) => comparedText(m, x) : FORMAT[m], true);
}

const LINE_LABEL: Partial<Record<MetricName, string>> = {
  cost: 'Cost',
  reach: 'Reach',
  engagements: 'Engagements',
  cpe: 'Cost per engagement',
  visits: 'Website visits',
  orders: 'Orders',
  cost_per_order: 'Cost per order',
  revenue: 'Revenue',
  roi: 'ROI',
  roas: 'ROAS',
};
const SHOWN: readonly MetricName[] = ['cost', 'reach', 'engagements', 'cpe', 'visits', 'orders', 'cost_per_order', 'revenue', 'roi', 'roas'];

function planField(c: Comparison, p: PlanResult, house: HouseLookup): APIEmbedField {
  const other = p.plan === 'A' ? c.b : c.a;
  const lines = SHOWN.map((m) => {
    const r = p.metrics[m];
    const winner = c.verdict.measures.find((x) => x.metric === m)?.winner;
    const mark = winner === p.plan ? ' ✅' : '';
    if (r === null) return `${LINE_LABEL[m]}: *${missingReason(p, m)}*${mark}`;
    // A win on figures that round alike here is shown with the digits that decide it.
    const o = other.metrics[m];
    const readAlike = (winner === 'A' || winner === 'B') && o !== null && FORMAT[m](exportedRange(m, r).expected) === FORMAT[m](exportedRange(m, o).expected);
    return `${LINE_LABEL[m]}: ${rangeText(m, r, readAlike)}${mark}`;
  });
  // CPM and CPME (cost per 1,000 engagements) on one line: references, not counted.
  const cpm = p.metrics.cpm;
  const cpe = p.metrics.cpe;
  const cpme = cpe && { low: cpe.low * 1000, expected: cpe.expected * 1000, high: cpe.high * 1000 };
  if (cpm || cpe) lines.push(`CPM ${cpm ? moneyRange(cpm) : missingReason(p, 'cpm')} · CPME ${cpme ? moneyRange(cpme) : missingReason(p, 'cpe')}`);
  const kind = p.kind === 'observed' ? 'observed' : 'estimated';
  const houseTier = house.kind === 'set' ? ` · house tier: ${houseTierShort(house.tiers, planFollowers(c, p.plan))}` : '';
  return { name: shorten(`Plan ${p.plan} (${kind}): ${p.name}${houseTier}`, LIMITS.fieldName), value: shorten(lines.join('\n'), LIMITS.fieldValue), inline: true };
}

// ── The team's own tiers (/house) ─────────────────────────────────────────────────────────────

/** In a DM, or a server without a house definition. */
export const NO_HOUSE: HouseLookup = { kind: 'none' };

/** Followers of each of the plan's influencers: what a tier is read from. */
const planFollowers = (c: Comparison, plan: 'A' | 'B') => (plan === 'A' ? c.scenario.a : c.scenario.b).followersEach;

/** "star", "below starter", "between micro and mid": a plan's house tier in a few words, for its field's name; the team's names escaped where they are not plain words. */
function houseTierShort(tiers: readonly HouseTier[], followers: number): string {
  return shortHousePlacement(houseTierFor(tiers, followers), (tier) => teamTierName(tier.name));
}

/**
 * "26 micro-influencers": Plan B's count, in the publishers' word; "26 influencers" where a house
 * definition has just named their tier, which may not be its micro tier (houseLine), as Plan A's
 * one is "Plan A’s influencer" there.
 */
export function planBCount(n: number, house: HouseLookup): string {
  return house.kind === 'set' ? countOf(n, 'influencer') : microInfluencers(n);
}

/**
 * "Your house definition: Plan A’s influencer is **star (400k+)**; Plan B’s 50 are each
 * **starter (1k–50k)**." The publishers' words ("micro-influencers") stay where they mean the
 * publishers' tiers. When the server's definition can't be used, the one line saying so; nothing
 * in a DM or a server without one. `lead` names the definition: a button pressed later reads it
 * as it is then, which may not be what the reply it sits on was given.
 */
export function houseLine(c: Comparison, house: HouseLookup, lead = 'Your house definition'): string | undefined {
  if (house.kind !== 'set') return houseProblemLine(house);
  const place = (plan: 'A' | 'B') => `**${housePlacementText(house.tiers, planFollowers(c, plan))}**`;
  const n = c.scenario.b.influencers;
  const b = n === 1 ? `Plan B’s influencer is ${place('B')}` : `Plan B’s ${formatCount(n)} are each ${place('B')}`;
  return `${lead}: Plan A’s influencer is ${place('A')}; ${b}.`;
}

// ── The verdict, up front ─────────────────────────────────────────────────────────────────────

/** How the line of the other deciding inputs' break-evens starts. */
const ALSO_LEAD = 'Also, within each input’s range: ';

/**
 * The verdict's robustness, each "Depends on:" followed at once by the input it names (as in the
 * chart's and the plain text's robustnessText), one line for each of the two inputs that matter most.
 */
function dependsLines(c: Comparison): string[] {
  const v = c.verdict;
  const robust = robustnessText(c);
  if (!robust) return [];
  if (v.holds) return [`**${HOLDS_TEXT}**`];
  if (v.deciders.length === 0) return [robust.replace(/^Depends on: /, '**Depends on:** ')];
  const lines = v.deciders.slice(0, 2).map((d) => `**Depends on:** ${breakEvenLine(c, d)}.`);
  // The other deciders by their first (most important) break-even, each a sentence of its own.
  const more = v.deciders.slice(2).map((d) => flipsText(c, { key: d.key, flips: [d.flips[0]!] }, 'full'));
  if (more.length) lines.push(`${ALSO_LEAD}${more.join('; ')}.`);
  return lines;
}

/** "$5", or "$5 ($4.20 to $9)": to the dollar from $1,000. */
const moneyRange = (r: Range): string => spanText(r, formatMoney);
/** A plan's cost restated to the cent, as its Cost line gives it: "$5,000 ($1,162.50 to $5,000)". */
const costRange = (r: Range): string => spanText(r, formatMoneyExact);

/** Plan A's one influencer smaller than each of Plan B's: most likely the sizes were swapped, so say so. */
function sizesLine(c: Comparison): string | null {
  const { a, b } = c.scenario;
  if (a.observed || a.followersEach >= b.followersEach) return null;
  const audience = (n: number) => audienceText(n, c.scenario.platform);
  return `Plan A’s influencer (${audience(a.followersEach)}) is smaller than each of Plan B’s (${audience(b.followersEach)}): check \`big_followers\` and \`micro_followers\`.`;
}

function budgetLine(c: Comparison, house: HouseLookup): string | null {
  const b = c.budget;
  if (!b) return null;
  const s = c.scenario;
  const followers = audienceText(s.a.followersEach, s.platform);
  let aPart: string;
  if (b.followersFromBudget) {
    // The rule is reported with examples up to 1M followers; a budget past that buys an account only by extending it.
    const extended = s.a.followersEach > CENT_RULE_LARGEST_EXAMPLE ? `, extended past its largest example, ${CENT_RULE_EXAMPLE_TEXT}` : '';
    aPart = `Plan A spends ${formatMoneyExact(b.costA)} on one influencer with ${followers} (the cent-per-follower rule${extended})`;
  }
  else if (b.feeA === 'budget') {
    // The followers were given: say what such an account costs by the rules, so a budget at their low end shows.
    const rules = b.rulesForA;
    const priced = rules ? `, an account the price rules put at ${formatMoneyExact(rules.low)}–${formatMoneyExact(rules.high)}${rules.at ? ` ${rules.at}` : ''}` : '';
    aPart = `Plan A spends ${formatMoneyExact(b.costA)} on one influencer with ${followers}${priced}`;
  }
  // The two cases where Plan A keeps a price the budget cannot change: say which, and why.
  else if (b.feeA === 'case') aPart = `Plan A, the observed tweet, costs ${costRange(c.a.metrics.cost!)} whatever the budget (Ad Age’s price for her Instagram post; the article gives none)`;
  else if (b.feeA === 'rules' && b.rulesForA) {
    const rules = b.rulesForA;
    const cost = c.a.metrics.cost!;
    // The budget is set beside the rules at the expected engagement rate; the cost's range is the best and worst cases', each at its own.
    const cases = rules.at && cost.low !== rules.low ? '; the cost is what Plan A pays in its best and worst cases, each at its own engagement rate' : '';
    aPart = `Plan A costs ${costRange(cost)}: ${formatMoneyExact(b.budget)} does not buy ${followers} at any price rule (the cheapest asks ${formatMoneyExact(rules.low)}${rules.at ? ` ${rules.at}` : ''}${cases})`;
  } else aPart = `Plan A costs ${formatMoneyExact(b.costA)}`;
  const capped = b.countCapped ? ` (capped at ${mostMicrosText(s.b.followersEach)}: the rest of the budget is unspent)` : '';
  const bPart = b.countFromBudget
    ? `Plan B spends ${formatMoneyExact(b.costB)} on ${planBCount(s.b.influencers, house)} at ${formatMoneyExact(s.assumptions.fee_b.value!.expected)}${capped}`
    : `Plan B costs ${formatMoneyExact(b.costB)}`;
  const over = [b.overA ? 'Plan A is over the budget.' : '', b.overB ? 'Plan B is over the budget.' : ''].filter(Boolean).join(' ');
  // Every digit of the budget the user gave: $10,000.01 buys 1,000,001 followers, which "$10,000" would not.
  return `**Budget ${formatMoneyExact(b.budget)}:** ${aPart}; ${bPart}.${over ? ` ⚠️ ${over}` : ''}`;
}

/**
 * The observed cases' clicks, lowest to highest, per account a plan reaches (B's, else A's) as the
 * click-through is, or per follower as the sources give them when neither plan reaches anyone:
 * "0.021%–0.91% per account Plan B reaches". Each case, both ways, is on its own page (Assumptions,
 * then Observed cases and caveats).
 */
function observedClicksText(c: Comparison): string {
  const all = c.observedClicks;
  const per: 'B' | 'A' | null = all.every((o) => o.perReachedB !== null) ? 'B' : all.every((o) => o.perReachedA !== null) ? 'A' : null;
  const values = all.map((o) => (per === 'B' ? o.perReachedB! : per === 'A' ? o.perReachedA! : o.perFollower));
  const write = per === null ? exactPercent : formatPercent;
  const [low, high] = [write(Math.min(...values)), write(Math.max(...values))];
  return `${low === high ? low : `${low}–${high}`} ${per ? `per account Plan ${per} reaches` : 'per follower'}`;
}

/** Plan B's fee by the price rules: sourced, or extrapolated past the cent rule's largest example. */
function pricedByRules(fee: Assumption): boolean {
  return fee.basis === 'sourced' || fee.basis === 'extrapolated';
}

/**
 * How an input's figure is known, in a few words: "your input", "sourced: Minter.io 2019",
 * "extrapolated from Minter.io 2019", "Tierbot assumption": the kind from the input's basis, as
 * on the Assumptions page and in compare.csv, with its summary for the source where it has one.
 */
function ownBasis(a: Assumption, platform: Platform): string {
  if (a.basis === 'input') return 'your input';
  const source = a.summary ?? shortSource(a);
  if (a.basis === 'sourced') return source ? `sourced: ${source}` : basisWord(a);
  if (a.basis === 'extrapolated') return `extrapolated from ${source}`;
  return a.heldFrom === undefined ? basisWord(a) : `${basisWord(a)}: ${heldText(a, a.heldFrom, platform)}`;
}

/**
 * "raised so it reaches no fewer people than a 99,999-follower account at Minter.io 2019’s
 * Instagram rate": what a raised rate keeps, and whose rate gives it. The rate itself is not that source's for this count
 * (see heldPastEdges).
 */
function heldText(a: Assumption, heldFrom: number, platform: Platform): string {
  const source = a.sources[0]!;
  const reported = reportedBy(source);
  // Every reach rate is an Instagram median (Minter.io's), whatever the platform compared: said so.
  const reach = a.key.startsWith('reach');
  const count = formatCount(heldFrom);
  // Said as read aloud: "an 8,999-follower account", "an 11,999-…" ("eleven thousand"), "a 19,999-…".
  const article = /^(8|1[18](,|$))/.test(count) ? 'an' : 'a';
  const account = `${article} ${count}-${audienceWord(platform).slice(0, -1)} account`;
  const kept = reach ? `raised so it reaches no fewer people than ${account}` : `raised so it gets no fewer engagements than ${account}`;
  return `${kept} at ${publisherYear(source)}’s ${reach ? 'Instagram rate' : 'rate'}${reported ? ` (${reported})` : ''}`;
}

/** "1.55%–3.8%"; "one published figure, no range" where the sources give one; '' for another input with no spread. */
function inputRange(a: Assumption): string {
  const v = a.value;
  if (v && v.low !== v.high) return `${workedInputText(a, v.low, 'glance')}–${workedInputText(a, v.high, 'glance')}`;
  return a.rangeNote === ONE_FIGURE ? ONE_FIGURE : '';
}

/**
 * One line for inputs shown together, each value with its range, its basis (and its lack of a
 * range) said once after the label when they share it: "Reach rate (sourced: Minter.io 2019; one
 * published figure each, no range): A 22.885%, B 37.72%." or "Reach rate: A 30% (your input), B
 * 37.72% (one published figure, no range; sourced: Minter.io 2019)." `show` puts each value in
 * its words ("A 22.885%", "conversion 2.5% of visits"); `note` follows the label's basis ("Plan
 * A’s are observed").
 */
function inputsLine(platform: Platform, label: string, inputs: readonly { a: Assumption; show: (value: string) => string }[], note = ''): string {
  const bases = new Set(inputs.map(({ a }) => (a.value === null ? null : ownBasis(a, platform))));
  const shared = bases.size === 1 && !bases.has(null) ? ownBasis(inputs[0]!.a, platform) : null;
  const oneFigureEach = inputs.length > 1 && inputs.every(({ a }) => a.value !== null && inputRange(a) === ONE_FIGURE);
  const values = inputs.map(({ a, show }) => {
    if (a.value === null) return show('not reported');
    const notes = [oneFigureEach ? '' : inputRange(a), shared === null ? ownBasis(a, platform) : ''].filter(Boolean).join('; ');
    return `${show(workedInputText(a, a.value.expected, 'glance'))}${notes ? ` (${notes})` : ''}`;
  });
  const about = [shared, oneFigureEach ? 'one published figure each, no range' : '', note].filter(Boolean).join('; ');
  return `${label}${about ? ` (${about})` : ''}: ${values.join(', ')}.`;
}

const planA = (value: string) => `A ${value}`;
const planB = (value: string) => `B ${value}`;

/**
 * What the numbers rest on, one line for each input an option can set: its value, its kind and
 * range where it has one, the user's own said to be theirs. The observed clicks stand beside the
 * click-through assumption; the long caveats are behind the Assumptions button.
 */
function keyAssumptionLines(c: Comparison, withObservedClicks: boolean): string[] {
  const s = c.scenario;
  const overlap = overlapLine(s);
  return [
    ...rateLines(s),
    clickThroughLine(c, withObservedClicks),
    frequencyLine(s.assumptions.frequency),
    salesLine(s),
    ...feeLines(c),
    ...(overlap ? [overlap] : []),
  ];
}

/** The reach and engagement rates, each plan's beside the other's. */
function rateLines(s: Scenario): string[] {
  const as = s.assumptions;
  // A range that spans disagreeing sources is not one source's spread: the reply says so, so the
  // expected figure is not read as settled (the Assumptions page says how far apart they are).
  const disagree = [as.engagement_rate_a, as.engagement_rate_b].some(disputed) ? ' The sources disagree; the ranges span them.' : '';
  return [
    inputsLine(s.platform, 'Reach rate', [
      { a: as.reach_rate_a, show: planA },
      { a: as.reach_rate_b, show: planB },
    ]),
    inputsLine(s.platform, `Engagement rate by ${audienceWord(s.platform)}`, [
      { a: as.engagement_rate_a, show: planA },
      { a: as.engagement_rate_b, show: planB },
    ]) + disagree,
  ];
}

/** The click-through: the user's, or Tierbot's assumption with the observed cases' clicks beside it. */
function clickThroughLine(c: Comparison, withObservedClicks: boolean): string {
  const ct = c.scenario.assumptions.click_through;
  if (ct.basis === 'input') return `Click-through: **${formatInput(ct.unit, ct.value!.expected)}** of reached accounts visit (your input).`;
  const seen = withObservedClicks ? ` Observed cases: ${observedClicksText(c)} (see **Assumptions**).` : '';
  return `Click-through: **${formatPercent(ct.value!.expected)}** of reached accounts visit (${formatPercent(ct.value!.low)}–${formatPercent(ct.value!.high)}), a Tierbot assumption: no published rate exists.${seen}`;
}

function frequencyLine(frequency: Assumption): string {
  return `${frequency.label}: **${formatInput(frequency.unit, frequency.value!.expected)}** (${inputRange(frequency)}), a Tierbot assumption (no source gives one); it drives CPM’s range.`;
}

function salesLine(s: Scenario): string {
  const sales = [
    { a: s.assumptions.conversion, show: (value: string) => `conversion ${value} of visits` },
    { a: s.assumptions.order_value, show: (value: string) => `order value ${value}` },
  ];
  // In the Kardashian case Plan A's orders and their value are observed: the sales inputs are Plan B's alone.
  return s.a.observed ? inputsLine(s.platform, 'Plan B’s sales', sales, 'Plan A’s are observed') : inputsLine(s.platform, 'Sales', sales);
}

/** How the fees were found: the user's, the budget spent at a price rule, or the rules' range; and the observed tweet's, which the article does not give. */
function feeLines(c: Comparison): string[] {
  const s = c.scenario;
  const as = s.assumptions;
  const fee = as.fee_b;
  const centRule = `the cent-per-follower rule (${CENT_RULE_TEXT}, ${reportedBy(CITE.centRule)})`;
  const budget = c.budget;
  const lines: string[] = [];
  if (as.fee_a.basis === 'input' || fee.basis === 'input') {
    lines.push(
      inputsLine(s.platform, 'Fees', [
        { a: as.fee_a, show: planA },
        { a: fee, show: (value) => `B ${value} each` },
      ]),
    );
  } else if (pricedByRules(fee) && budget !== null) {
    // "The budget is spent at the rule" is true of Plan A only when the budget buys its followers;
    // with followers given, the budget is Plan A's fee and the rule prices Plan B's alone.
    const rule = `at ${centRule}; ${otherRulesWouldBuy(c, budget.followersFromBudget ? ['A', 'B'] : ['B'])}`;
    if (budget.followersFromBudget) lines.push(`Fees: the budget is spent ${rule}`);
    else if (budget.feeA === 'budget') lines.push(`Fees: Plan A’s is the budget, for the ${audienceWord(s.platform)} given; Plan B’s are ${rule}`);
    else lines.push(`Plan B’s fees: the budget is spent ${rule}`);
  } else if (pricedByRules(fee)) {
    // The observed tweet's fee is not priced by the rules (its line follows).
    const whose = s.preset === 'kardashian' ? 'Plan B’s fees' : 'Fees';
    const extendedFor = (s.preset === 'kardashian' ? [fee] : [as.fee_a, fee]).filter((a) => a.basis === 'extrapolated').map((a) => (a.key === 'fee_a' ? 'Plan A' : 'Plan B'));
    const extended = extendedFor.length ? ` (for ${extendedFor.join(' and ')} extended past its largest example, ${CENT_RULE_EXAMPLE_TEXT})` : '';
    lines.push(
      `${whose}: the price rules disagree; ${centRule} gives the expected fee${extended}, GRIN’s ${GRIN_RULE_TEXT} and Traackr’s ${TRAACKR_RULE_TEXT} the range.`,
    );
  }
  if (s.preset === 'kardashian' && as.fee_a.basis !== 'input' && as.fee_a.basis !== 'budget') {
    lines.push(`Plan A fee: the article gives none. Tierbot uses the midpoint of Ad Age’s ${AD_AGE_KARDASHIAN_FEE_TEXT} (2020), which was for an Instagram post, not this tweet.`);
  }
  return lines;
}

/** Plan B's overlap when it has several influencers; with one, only an overlap the user gave, said not to apply. */
function overlapLine(s: Scenario): string | null {
  const overlap = s.assumptions.overlap;
  if (s.b.influencers > 1) {
    if (overlap.basis === 'input') return inputsLine(s.platform, 'Overlap', [{ a: overlap, show: (value) => value }]);
    return `Overlap: ${formatPercent(overlap.value!.expected)} expected, up to ${formatPercent(overlap.value!.high)} (Influencity’s illustration); no published average.`;
  }
  return overlap.basis === 'input' ? `Overlap: your ${formatInput(overlap.unit, overlap.value!.expected)} ${ONE_MICRO_OVERLAP}.` : null;
}

/**
 * What the other price rules would buy with the same money, for the plans the budget buys at the
 * cent rule: GRIN's is always cheaper; Traackr's, priced per engagement, depends on each plan's
 * expected engagement rate ("GRIN’s rule would buy more followers, Traackr’s fewer (at Plan B’s
 * expected engagement rate)"; subscribers on YouTube).
 */
function otherRulesWouldBuy(c: Comparison, plans: readonly ('A' | 'B')[]): string {
  const rate = (plan: 'A' | 'B') => c.scenario.assumptions[plan === 'A' ? 'engagement_rate_a' : 'engagement_rate_b'].value?.expected ?? null;
  const traackr = plans.map((plan) => ({ plan, buys: traackrAgainstCentRule(rate(plan)) })).filter((t) => t.buys !== null);
  const audience = audienceWord(c.scenario.platform);
  if (traackr.every((t) => t.buys === 'more')) return `GRIN’s and Traackr’s rules would buy more ${audience}.`;
  const whose = (ts: typeof traackr) => (ts.length === 1 ? `Plan ${ts[0]!.plan}’s expected engagement rate` : 'the expected engagement rates');
  if (traackr.every((t) => t.buys === traackr[0]!.buys)) return `GRIN’s rule would buy more ${audience}, Traackr’s ${traackr[0]!.buys} (at ${whose(traackr)}).`;
  const each = traackr.map((t) => `${t.buys} for Plan ${t.plan}`).join(' and ');
  return `GRIN’s rule would buy more ${audience}; Traackr’s ${each}, at ${whose(traackr)}.`;
}

const BASIS_WORD: Record<Assumption['basis'], string> = {
  sourced: 'sourced',
  observed: 'observed',
  extrapolated: 'extrapolation',
  assumption: 'Tierbot assumption',
  input: 'your input',
  budget: 'from the budget',
  unreported: 'not reported',
};
export const basisWord = (a: Assumption) => BASIS_WORD[a.basis];
/** The input's main source by publisher and year, "as reported by …" when second-hand. */
const shortSource = (a: Assumption) => a.sources.slice(0, 1).map(citeBrief).join('');

/**
 * What is observed in the Kardashian preset. The article reports no fee, reach or engagements for
 * the tweet, so what the user gives for those is theirs, and said so beside "observed".
 */
function observedCaseLine(c: Comparison): string {
  const yours = (['fee_a', 'reach_rate_a', 'engagement_rate_a'] as const).map((key) => c.scenario.assumptions[key]).filter((a) => a.basis === 'input' && a.option);
  const given = yours.length ? `, with your ${andList(yours.map((a) => `\`${a.option}\``))} for what it does not report` : '';
  return `Plan A is the observed case the TapInfluence blog reports${given}; Plan B is estimated through the same funnel, visits against visits.`;
}

/** `house`: the server's house definition, which names each plan's tier (none in a DM). */
function compareEmbed(c: Comparison, extra: string[] = [], house: HouseLookup = NO_HOUSE): APIEmbed {
  const description = [
    `**${verdictHeadline(c)}**`,
    ...dependsLines(c),
    ...(c.scenario.preset === 'kardashian' ? [observedCaseLine(c)] : []),
    ...[houseLine(c, house), budgetLine(c, house), sizesLine(c)].filter((x): x is string => x !== undefined && x !== null),
    ...extra,
  ].join('\n');
  const colour = c.verdict.leader === 'A' ? TIER_COLOURS.macro : c.verdict.leader === 'B' ? TIER_COLOURS.micro : NEUTRAL_COLOUR;
  const embed: APIEmbed = {
    title: shorten(c.title, LIMITS.embedTitle),
    description: shorten(description, 2_000),
    color: colour,
    fields: [planField(c, c.a, house), planField(c, c.b, house), ...linesToFields('Key assumptions', keyAssumptionLines(c, true))],
    footer: {
      text:
        `✅ = better on a counted measure (reach, engagements, cost per engagement, cost per order). ${roiRoasText(c.unlikeOrderValues)} ` +
        '"Assumptions" shows every source, how the ranges are found and where the plans tie.',
    },
  };
  fitKeyAssumptions(embed, c);
  return embed;
}

/** Each key assumption keeps at least this much when shortened: its label and expected value. */
const KEY_LINE_FLOOR = 60;
const KEY_LINES_SHORTENED = '*Shortened to fit: **Assumptions** has each in full.*';

/**
 * Keeps the public reply within MAIN_TEXT_LIMIT without losing a key assumption: whoever reads the
 * channel should see what each option left out was taken to be, not only the results. First the
 * observed clicks go (the Assumptions page has them), then each line is shortened with "…" to a
 * share of the room left, short lines kept whole, and a note points to Assumptions; only past
 * KEY_LINE_FLOOR does the description's end give way instead.
 */
function fitKeyAssumptions(embed: APIEmbed, c: Comparison): void {
  const plans = embed.fields!.slice(0, 2);
  const fits = (lines: readonly string[]) => {
    embed.fields = [...plans, ...linesToFields('Key assumptions', lines)];
    return embedLength(embed) <= MAIN_TEXT_LIMIT;
  };
  if (fits(keyAssumptionLines(c, true))) return;
  const lines = keyAssumptionLines(c, false);
  if (fits(lines)) return;
  // The room for the lines themselves: the field's name, the note and the line breaks are fixed.
  const room = MAIN_TEXT_LIMIT - embedLength({ ...embed, fields: plans }) - 'Key assumptions'.length - KEY_LINES_SHORTENED.length - lines.length;
  const shares = shareOut(room, lines.map((line) => line.length));
  fits([...lines.map((line, i) => shorten(line, Math.max(KEY_LINE_FLOOR, shares[i]!))), KEY_LINES_SHORTENED]);
  // The other inputs' break-evens give way before the description's end, which may say what a saved plan left out.
  if (embedLength(embed) > MAIN_TEXT_LIMIT) embed.description = withFewerAlso(embed.description!, embedLength(embed) - MAIN_TEXT_LIMIT);
  const over = embedLength(embed) - MAIN_TEXT_LIMIT;
  if (over > 0) embed.description = shorten(embed.description!, codePointCount(embed.description!) - over);
}

/**
 * `description` at least `over` characters shorter, if leaving off the last of the other inputs'
 * break-evens (the ALSO_LEAD line) makes it so: each left off whole, never a figure cut short, and
 * "…" saying some are; the line goes when none is left. Unchanged when the line is not there.
 */
function withFewerAlso(description: string, over: number): string {
  const lines = description.split('\n');
  const i = lines.findIndex((line) => line.startsWith(ALSO_LEAD));
  if (i < 0) return description;
  const line = lines[i]!;
  // Each winner's break-even of an input is whole in itself ("Plan A wins cost per order at an overlap above 39.172%").
  const clauses = line.slice(ALSO_LEAD.length, -1).split('; ');
  while (clauses.length) {
    clauses.pop();
    const shorter = clauses.length ? `${ALSO_LEAD}${clauses.join('; ')}; …` : null;
    if (shorter === null || line.length - shorter.length >= over) {
      lines.splice(i, 1, ...(shorter === null ? [] : [shorter]));
      break;
    }
  }
  return lines.join('\n');
}

/**
 * The comparison with its buttons: for the channel, or (`own`) as a copy only the presser of Equal
 * budget sees, whose Equal budget button is marked OWN_MESSAGE so that pressing it changes that copy.
 */
export function mainReply(c: Comparison, extra: string[], house: HouseLookup, audience: 'channel' | 'own' = 'channel'): Reply {
  const state = encodeState(c.scenario.overrides);
  const buttons = [button(`${ASSUMPTIONS_ID}${state}`, 'Assumptions'), button(`${EXPORT_ID}${state}`, 'Export')];
  // Only where pressing it re-runs Plan B: when Plan A's cost buys no micro-influencer it could only refuse.
  if (c.unequalCosts && equalBudget(c)?.kind === 'rerun') {
    buttons.push(button(`${EQUAL_BUDGET_ID}${state}${audience === 'own' ? OWN_MESSAGE : ''}`, 'Equal budget', ButtonStyle.Primary));
  }
  return {
    embeds: [compareEmbed(c, extra, house)],
    components: buttonRows(buttons),
    chart: { kind: 'compare', opts: { comparison: c } },
    ...(audience === 'own' ? { flags: MessageFlags.Ephemeral } : {}),
  };
}
