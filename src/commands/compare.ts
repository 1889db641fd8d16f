/**
 * /compare — one big influencer (Plan A) or many micro-influencers (Plan B), through one funnel,
 * with ranges and the assumption that decides. The main reply leads with the verdict and what it
 * depends on; "Assumptions" lists every input with its source (ephemeral), "Export" returns
 * compare.csv, "Equal budget" re-runs Plan B at Plan A's cost, for the presser alone, when the two
 * differ by more than one micro fee and that cost buys at least one. `save:` and `plan:` keep
 * scenarios per server; an option given with `plan:` replaces the saved values it cannot be
 * combined with. In a server with a house definition (/house), each plan's tier is named by it
 * as well.
 */

import {
  ApplicationCommandOptionType,
  ButtonStyle,
  MessageFlags,
  type APIEmbed,
  type APIEmbedField,
} from 'discord-api-types/v10';
import { AD_AGE_KARDASHIAN_FEE_TEXT, CENT_RULE_LARGEST_EXAMPLE, CENT_RULE_TEXT, CITE, GRIN_RULE_TEXT, PLATFORMS, PLATFORM_LABEL, TRAACKR_RULE_TEXT, citeBrief, citeText, publisherYear, reportedBy, type Citation } from '../domain/benchmarks';
import {
  CENT_RULE_EXAMPLE_TEXT,
  HOLDS_TEXT,
  OPTION_NAMES,
  PRESETS,
  PRESET_LABEL,
  breakEvenLine,
  breakEvenText,
  buildScenario,
  comparedText,
  comparePlans,
  disputed,
  equalBudget,
  exactPercent,
  exportedRange,
  exportRows,
  formatInput,
  microBreakEvenLine,
  microBreakEvens,
  microInfluencers,
  missingReason,
  mostMicrosText,
  ONE_FIGURE,
  ONE_MICRO_OVERLAP,
  parseCompareInput,
  robustnessText,
  roiRoasText,
  traackrAgainstCentRule,
  verdictHeadline,
  workedInputText,
  type Assumption,
  type AssumptionKey,
  type CompareInput,
  type Comparison,
  type EqualBudget,
  type MetricName,
  type OptionName,
  type Overrides,
  type ParseFailure,
  type PlanResult,
  type Range,
  type Scenario,
} from '../domain/compare';
import { csvText } from '../domain/csv';
import { countReadingNote } from '../domain/followers';
import { SEVERAL_REACH_FORMULA } from '../domain/funnel';
import { andList, followersText, formatCount, shorten } from '../domain/format';
import { houseTierFor, shortHousePlacement, type HouseTier } from '../domain/house';
import { formatMoney, formatMoneyExact, formatPercent, roundTo } from '../domain/units';
import { TIER_COLOURS } from '../domain/tier-style';
import { LIMITS, embedLength, embedsLength } from './limits';
import { nameKey, PLANS_PER_SERVER, StoreRefusedError, StoreUnavailableError, type PlanAuthor, type SavePlanResult } from '../store/types';
import { decodeState, encodeState } from './compare-state';
import { houseProblemLine, housePlacementText, lookUpHouse, teamTierName, type HouseLookup } from './house-lookup';
import { MANAGE_SERVER, who } from './team-settings';
import { ERROR_COLOUR, NEUTRAL_COLOUR, button, buttonRows, inputErrorReply, inReadingOrder, linesToFields, hiddenInName, quoteUserText, shareOut, unshownCharacter } from './embeds';
import { OWN_MESSAGE, ownMessageMark, slashCommand, type ChatInputDefinition, type Choice, type ComponentContext, type ComponentReply, type Reply, type RunContext, EVERYWHERE } from './types';

const STRING = ApplicationCommandOptionType.String;
const text = (name: string, description: string) => ({ type: STRING, name, description, max_length: 40 }) as const;

export const definition = {
  name: 'compare',
  description: 'One big influencer or many micro-influencers: reach, engagement, cost and sales, with ranges',
  options: [
    { type: STRING, name: 'preset', description: 'A case from the sources', choices: PRESETS.map((p) => ({ name: PRESET_LABEL[p], value: p })) },
    {
      type: STRING,
      name: 'platform',
      description: 'Platform whose benchmarks to use (default Instagram)',
      choices: PLATFORMS.map((p) => ({ name: PLATFORM_LABEL[p], value: p })),
    },
    text('budget', 'Total budget in US dollars for each plan, e.g. 5000, $5,000 or 5k'),
    text('big_followers', 'Plan A: the big influencer’s followers, e.g. 100k or 1.2M'),
    text('big_fee', 'Plan A: the big influencer’s fee in US dollars, e.g. $1,000 or 10k'),
    text('micro_count', 'Plan B: how many micro-influencers, e.g. 10'),
    text('micro_followers', 'Plan B: followers of each micro-influencer, e.g. 10k'),
    text('micro_fee', 'Plan B: fee of each micro-influencer in US dollars, e.g. 100'),
    text('big_engagement', 'Plan A engagement rate by followers, in percent, e.g. 1.55'),
    text('micro_engagement', 'Plan B engagement rate by followers, in percent, e.g. 2.28'),
    text('conversion', 'Orders per website visit in percent, e.g. 2.5'),
    text('order_value', 'Average order value in US dollars, e.g. 30'),
    text('overlap', 'Share of Plan B’s combined reach that is duplicated, in percent, e.g. 40'),
    text('click_through', 'Website visits per reached account, in percent, e.g. 0.5'),
    text('big_reach', 'Plan A reach rate: accounts reached per follower, in percent, e.g. 22.9'),
    text('micro_reach', 'Plan B reach rate: accounts reached per follower, in percent, e.g. 37.7'),
    { type: STRING, name: 'plan', description: 'Run a plan saved in this server (your other options override it)', autocomplete: true, max_length: 100 },
    { type: STRING, name: 'save', description: 'Save this scenario’s inputs in this server under a name', max_length: 100 },
  ],
  ...EVERYWHERE,
} as const satisfies ChatInputDefinition;

/** custom_id prefixes; the rest is the encoded scenario (compare-state.ts). */
export const ASSUMPTIONS_ID = 'compare:a:';
export const EXPORT_ID = 'compare:x:';
export const EQUAL_BUDGET_ID = 'compare:e:';
export const CASES_ID = 'compare:c:';

/** The main reply's budget: well inside Discord's 6,000 so it reads in a public channel. */
export const MAIN_TEXT_LIMIT = 3_500;

export const MAX_PLAN_NAME = 100;

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
function spanText(range: Range, format: (n: number) => string, bold = false): string {
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
const NO_HOUSE: HouseLookup = { kind: 'none' };

/** Followers of each of the plan's influencers: what a tier is read from. */
const planFollowers = (c: Comparison, plan: 'A' | 'B') => (plan === 'A' ? c.scenario.a : c.scenario.b).followersEach;

/** "star", "below starter", "in a gap": a plan's house tier in a few words, for its field's name; the team's names escaped where they are not plain words. */
function houseTierShort(tiers: readonly HouseTier[], followers: number): string {
  return shortHousePlacement(houseTierFor(tiers, followers), (tier) => teamTierName(tier.name));
}

/**
 * "Your house definition: Plan A’s influencer is **star (400k+)**; Plan B’s 50 are each
 * **starter (1k–50k)**." The publishers' words ("micro-influencers") stay where they mean the
 * publishers' tiers. When the server's definition can't be used, the one line saying so; nothing
 * in a DM or a server without one. `lead` names the definition: a button pressed later reads it
 * as it is then, which may not be what the reply it sits on was given.
 */
function houseLine(c: Comparison, house: HouseLookup, lead = 'Your house definition'): string | undefined {
  if (house.kind !== 'set') return houseProblemLine(house);
  const place = (plan: 'A' | 'B') => `**${housePlacementText(house.tiers, planFollowers(c, plan))}**`;
  const n = c.scenario.b.influencers;
  const b = n === 1 ? `Plan B’s influencer is ${place('B')}` : `Plan B’s ${formatCount(n)} are each ${place('B')}`;
  return `${lead}: Plan A’s influencer is ${place('A')}; ${b}.`;
}

// ── The verdict, up front ─────────────────────────────────────────────────────────────────────

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
  const more = v.deciders.slice(2).map((d) => {
    const a = c.scenario.assumptions[d.key];
    const flip = d.flips[0]!;
    const { text, atExpected } = breakEvenText(a.unit, flip.breakEven, a.value!.expected, flip.towards);
    return `${a.label} (break-even ${atExpected ? `just off its expected ${text}` : text})`;
  });
  if (more.length) lines.push(`Also changes a winner within its range: ${more.join(', ')}.`);
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
  return `Plan A’s influencer (${followersText(a.followersEach)}) is smaller than each of Plan B’s (${followersText(b.followersEach)}): check \`big_followers\` and \`micro_followers\`.`;
}

function budgetLine(c: Comparison): string | null {
  const b = c.budget;
  if (!b) return null;
  const s = c.scenario;
  const followers = followersText(s.a.followersEach);
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
    ? `Plan B spends ${formatMoneyExact(b.costB)} on ${microInfluencers(s.b.influencers)} at ${formatMoneyExact(s.assumptions.fee_b.value!.expected)}${capped}`
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
function ownBasis(a: Assumption): string {
  if (a.basis === 'input') return 'your input';
  const source = a.summary ?? shortSource(a);
  if (a.basis === 'sourced') return source ? `sourced: ${source}` : basisWord(a);
  if (a.basis === 'extrapolated') return `extrapolated from ${source}`;
  return a.heldFrom === undefined ? basisWord(a) : `${basisWord(a)}: ${heldText(a, a.heldFrom)}`;
}

/**
 * "the people 99,999 followers reach at Minter.io 2019’s Instagram rate": what a raised rate keeps, and whose
 * rate gives it. The rate itself is not that source's for this count (see heldPastEdges).
 */
function heldText(a: Assumption, heldFrom: number): string {
  const source = a.sources[0]!;
  const reported = reportedBy(source);
  // Every reach rate is an Instagram median (Minter.io's), whatever the platform compared: said so.
  const reach = a.key.startsWith('reach');
  const kept = reach ? `the people ${formatCount(heldFrom)} followers reach` : `the engagements ${formatCount(heldFrom)} followers get`;
  return `${kept} at ${publisherYear(source)}’s ${reach ? 'Instagram rate' : 'rate'}${reported ? ` (${reported})` : ''}`;
}

/** "1.55%–3.8%"; "one published figure, no range" where the sources give one; '' for another input with no spread. */
function inputRange(a: Assumption): string {
  const v = a.value;
  if (v && v.low !== v.high) return `${workedInputText(a, v.low)}–${workedInputText(a, v.high)}`;
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
function inputsLine(label: string, inputs: readonly { a: Assumption; show: (value: string) => string }[], note = ''): string {
  const bases = new Set(inputs.map(({ a }) => (a.value === null ? null : ownBasis(a))));
  const shared = bases.size === 1 && !bases.has(null) ? ownBasis(inputs[0]!.a) : null;
  const oneFigureEach = inputs.length > 1 && inputs.every(({ a }) => a.value !== null && inputRange(a) === ONE_FIGURE);
  const values = inputs.map(({ a, show }) => {
    if (a.value === null) return show('not reported');
    const notes = [oneFigureEach ? '' : inputRange(a), shared === null ? ownBasis(a) : ''].filter(Boolean).join('; ');
    return `${show(workedInputText(a, a.value.expected))}${notes ? ` (${notes})` : ''}`;
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
    inputsLine('Reach rate', [
      { a: as.reach_rate_a, show: planA },
      { a: as.reach_rate_b, show: planB },
    ]),
    inputsLine('Engagement rate by followers', [
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
  return s.a.observed ? inputsLine('Plan B’s sales', sales, 'Plan A’s are observed') : inputsLine('Sales', sales);
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
      inputsLine('Fees', [
        { a: as.fee_a, show: planA },
        { a: fee, show: (value) => `B ${value} each` },
      ]),
    );
  } else if (pricedByRules(fee) && budget !== null) {
    // "The budget is spent at the rule" is true of Plan A only when the budget buys its followers;
    // with followers given, the budget is Plan A's fee and the rule prices Plan B's alone.
    const rule = `at ${centRule}; ${otherRulesWouldBuy(c, budget.followersFromBudget ? ['A', 'B'] : ['B'])}`;
    if (budget.followersFromBudget) lines.push(`Fees: the budget is spent ${rule}`);
    else if (budget.feeA === 'budget') lines.push(`Fees: Plan A’s is the budget, for the followers given; Plan B’s are ${rule}`);
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
    if (overlap.basis === 'input') return inputsLine('Overlap', [{ a: overlap, show: (value) => value }]);
    return `Overlap: ${formatPercent(overlap.value!.expected)} expected, up to ${formatPercent(overlap.value!.high)} (Influencity’s illustration); no published average.`;
  }
  return overlap.basis === 'input' ? `Overlap: your ${formatInput(overlap.unit, overlap.value!.expected)} ${ONE_MICRO_OVERLAP}.` : null;
}

/**
 * What the other price rules would buy with the same money, for the plans the budget buys at the
 * cent rule: GRIN's is always cheaper; Traackr's, priced per engagement, depends on each plan's
 * expected engagement rate ("GRIN’s rule would buy more followers, Traackr’s fewer (at Plan B’s
 * expected engagement rate)").
 */
function otherRulesWouldBuy(c: Comparison, plans: readonly ('A' | 'B')[]): string {
  const rate = (plan: 'A' | 'B') => c.scenario.assumptions[plan === 'A' ? 'engagement_rate_a' : 'engagement_rate_b'].value?.expected ?? null;
  const traackr = plans.map((plan) => ({ plan, buys: traackrAgainstCentRule(rate(plan)) })).filter((t) => t.buys !== null);
  if (traackr.every((t) => t.buys === 'more')) return 'GRIN’s and Traackr’s rules would buy more followers.';
  const whose = (ts: typeof traackr) => (ts.length === 1 ? `Plan ${ts[0]!.plan}’s expected engagement rate` : 'the expected engagement rates');
  if (traackr.every((t) => t.buys === traackr[0]!.buys)) return `GRIN’s rule would buy more followers, Traackr’s ${traackr[0]!.buys} (at ${whose(traackr)}).`;
  const each = traackr.map((t) => `${t.buys} for Plan ${t.plan}`).join(' and ');
  return `GRIN’s rule would buy more followers; Traackr’s ${each}, at ${whose(traackr)}.`;
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
const basisWord = (a: Assumption) => BASIS_WORD[a.basis];
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
export function compareEmbed(c: Comparison, extra: string[] = [], house: HouseLookup = NO_HOUSE): APIEmbed {
  const description = [
    `**${verdictHeadline(c)}**`,
    ...dependsLines(c),
    ...(c.scenario.preset === 'kardashian' ? [observedCaseLine(c)] : []),
    ...[houseLine(c, house), budgetLine(c), sizesLine(c)].filter((x): x is string => x !== undefined && x !== null),
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
  const over = embedLength(embed) - MAIN_TEXT_LIMIT;
  if (over > 0) embed.description = shorten(embed.description!, embed.description!.length - over);
}

/**
 * The comparison with its buttons: for the channel, or (`own`) as a copy only the presser of Equal
 * budget sees, whose Equal budget button is marked OWN_MESSAGE so that pressing it changes that copy.
 */
function mainReply(c: Comparison, extra: string[], house: HouseLookup, audience: 'channel' | 'own' = 'channel'): Reply {
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

// ── Assumptions (ephemeral) ───────────────────────────────────────────────────────────────────

/**
 * "[Minter.io, “How much reach…”, 2019](url)": publisher, the real title (or what the piece is,
 * as /glossary says it), year, "as reported by …" for a second-hand figure, and the link.
 */
function citeLink(c: Citation): string {
  const t = citeText(c);
  return c.url ? `[${t}](${c.url})` : t;
}

/** "[HypeAuditor 2018](url)": a citation by publisher and year, with its link where it has one. */
function briefLink(c: Citation): string {
  return c.url ? `[${citeBrief(c)}](${c.url})` : citeBrief(c);
}

/**
 * How much of each input's text the Assumptions reply shows. `full`: every citation in full the
 * first time it fits (what it is and its link), by publisher and year after that. `linked`: every
 * citation by publisher and year, linked the first time. `short`: by publisher and year, no links.
 * `trimmed`: that, and each input's text shortened to an equal share.
 */
type Detail = 'full' | 'linked' | 'short' | 'trimmed';

/** `uses`: how the funnel uses an input, where its rule does not say, after the rule. */
function assumptionFields(as: readonly Assumption[], detail: Detail, share: number = LIMITS.fieldValue, uses: Partial<Record<AssumptionKey, string>> = {}): APIEmbedField[] {
  const cited = new Set<Citation>();
  return as.map((a) => {
    const value = a.value === null ? 'not reported' : spanText(a.value, (n) => workedInputText(a, n));
    // A user's input has no rule beyond being theirs ("your input", or where it applies).
    const parts = [a.basis === 'input' ? `*${a.rule}*.` : `*${a.value === null ? 'not reported' : basisWord(a)}*: ${a.rule}.`];
    const use = uses[a.key];
    if (use) parts.push(use);
    if (a.rangeNote && a.rangeNote !== ONE_FIGURE) parts.push(`Range: ${a.rangeNote}.`);
    const max = detail === 'trimmed' ? Math.max(2, Math.min(share, LIMITS.fieldValue)) : LIMITS.fieldValue;
    // Trimming shortens the rule and range, never the citations: they say what was read second-hand.
    const text = parts.join(' ');
    // A citation given above is repeated by publisher and year only ("Markerly 2016 (as reported by
    // Digiday)"), always with how a second-hand figure was read. In `full`, one not given yet is
    // given in full while the field has room beside the rule and range (a cut range would lose
    // figures); past that, by publisher and year with its link, and in full where it next fits.
    const linked = detail === 'full' || detail === 'linked';
    const briefs = a.sources.map((c) => (cited.has(c) || !linked ? citeBrief(c) : briefLink(c)));
    let spare = max - text.length - 1 - briefs.join(' · ').length;
    const citations = a.sources
      .map((c, i) => {
        const brief = briefs[i]!;
        if (cited.has(c) || !linked) return brief;
        if (detail === 'linked') {
          cited.add(c);
          return brief;
        }
        const whole = citeLink(c);
        if (whole.length - brief.length > spare) return brief;
        spare -= whole.length - brief.length;
        cited.add(c);
        return whole;
      })
      .join(' · ');
    if (!citations) return { name: shorten(`${a.label}: ${value}`, LIMITS.fieldName), value: shorten(text, max) };
    const room = max - citations.length - 1;
    const body = room >= 2 ? shorten(text, room) : '';
    return { name: shorten(`${a.label}: ${value}`, LIMITS.fieldName), value: shorten(body ? `${body} ${citations}` : citations, max) };
  });
}

export const BREAK_EVEN_TITLE = 'Break-even';

/**
 * The micro fee and the micro engagement rate at which the plans change hands on cost per
 * engagement and cost per order, each moved alone: given here whether or not it decides the
 * verdict (the main reply names only the inputs that do, in the same words).
 */
function breakEvenEmbed(c: Comparison): APIEmbed {
  const lines = microBreakEvens(c.scenario).map((b) => `${microBreakEvenLine(c, b)}.`);
  return { title: BREAK_EVEN_TITLE, color: NEUTRAL_COLOUR, description: shorten(lines.join('\n'), LIMITS.embedDescription) };
}

/** How every result's range is found (README: "How /compare gives ranges"). */
const RANGES_RULE =
  'Ranges: each plan with every input that has a range at its worse end (low rates, high fees, high overlap), then at its better end, fees priced at that run’s engagement rate ' +
  '(and again with the engagement rate at its other end, since Traackr’s price follows it); low and high are the smallest and largest results.';

/** The observed cases and every caveat, on a page of their own (the Assumptions page's button). */
export function casesReply(c: Comparison): Reply {
  const citedCase = new Set<Citation>();
  const observed = c.observedClicks.map((o) => {
    const per = (x: number | null) => (x === null ? 'not reported' : formatPercent(x));
    const reached = [o.perReachedA === null ? '' : `${per(o.perReachedA)} for Plan A`, o.perReachedB === null ? '' : `${per(o.perReachedB)} for Plan B`].filter(Boolean);
    const cite = citedCase.has(o.source) ? citeBrief(o.source) : citeText(o.source);
    citedCase.add(o.source);
    return `• ${o.label}: ${exactPercent(o.perFollower)} per follower${reached.length ? `; per account reached, ${reached.join(', ')}` : ''} (${cite}).`;
  });
  const cases: APIEmbed = {
    title: 'Observed cases and caveats',
    color: NEUTRAL_COLOUR,
    description: shorten(observed.join('\n'), LIMITS.embedDescription),
    fields: linesToFields('Caveats', c.notes.map((n) => `• ${n}`)),
  };
  return { embeds: [cases], flags: MessageFlags.Ephemeral };
}

/**
 * Every input with its source, then the break-evens; the observed cases and caveats are a button
 * away, so the sources keep their links. Discord allows 6,000 characters over all of a message's
 * embeds, so nothing is dropped silently: the break-evens are always shown whole, and the inputs
 * give way instead, first their links and titles (a notice says the Export has them), then, only
 * if that is still too long, an even share of their text.
 */
export function assumptionsReply(c: Comparison, house: HouseLookup = NO_HOUSE): Reply {
  const s = c.scenario;
  const bNote = s.b.influencersNote === s.b.followersNote ? s.b.followersNote : `${s.b.influencersNote}; followers: ${s.b.followersNote}`;
  // The default plans share one source, the article's advice: say it once.
  const plans: string[] =
    s.a.followersNote === bNote
      ? [`Plan A: ${c.a.name}; Plan B: ${c.b.name} (both from ${bNote}).`]
      : [`Plan A: ${c.a.name} (${s.a.followersNote}).`, `Plan B: ${c.b.name} (${bNote}).`];
  // The button carries the inputs, not the house definition: this is the one in force when it is pressed.
  const houseText = houseLine(c, house, 'Your house definition as it is now');
  if (houseText) plans.push(houseText);
  plans.push(`Platform: ${PLATFORM_LABEL[s.platform]}${s.platformGiven ? '' : ' (default: most benchmarks are for Instagram)'}.`);
  plans.push(RANGES_RULE);
  const inputs = Object.values(s.assumptions);
  // The formula compare.csv gives for Plan B's reach, so its row checks against the overlap here.
  const uses = s.b.influencers > 1 ? { overlap: `Plan B’s reach: ${SEVERAL_REACH_FORMULA}.` } : {};
  const inputsEmbed = (detail: Detail, share?: number): APIEmbed => {
    const named = detail === 'linked' ? 'by publisher and year' : `without links${detail === 'trimmed' ? ' and some text is shortened' : ''}`;
    const notice = detail === 'full' ? [] : [`*To fit Discord’s limits, sources are named ${named}: **Export** (compare.csv) has every input’s rule, range and sources in full.*`];
    return { title: 'Every input, with its source', color: NEUTRAL_COLOUR, description: shorten([...plans, ...notice].join('\n'), LIMITS.embedDescription), fields: assumptionFields(inputs, detail, share, uses) };
  };
  // The break-evens are kept whole: the inputs give way to them.
  const whole = [breakEvenEmbed(c)];
  let embeds = [inputsEmbed('full'), ...whole];
  if (embedsLength(embeds) > LIMITS.embedTotal) embeds = [inputsEmbed('linked'), ...whole];
  if (embedsLength(embeds) > LIMITS.embedTotal) embeds = [inputsEmbed('short'), ...whole];
  if (embedsLength(embeds) > LIMITS.embedTotal) {
    // An equal share of what is left for each input's text; the names and the notice are kept.
    const fixed = embedsLength([{ ...inputsEmbed('trimmed', 0), fields: [] }, ...whole]) + embeds[0]!.fields!.reduce((n, f) => n + f.name.length, 0);
    embeds = [inputsEmbed('trimmed', Math.floor((LIMITS.embedTotal - fixed) / inputs.length)), ...whole];
  }
  const state = encodeState(c.scenario.overrides);
  return { embeds, components: buttonRows([button(`${CASES_ID}${state}`, 'Observed cases and caveats')]), flags: MessageFlags.Ephemeral };
}

// ── Export (compare.csv) ──────────────────────────────────────────────────────────────────────

export const CSV_HEADER = 'plan,metric,low,expected,high,source';

/**
 * No byte order mark: tools read the first line as the header `plan,metric,low,expected,high,source`
 * (a documented contract), and a BOM would become part of its first name.
 */
export function compareCsv(c: Comparison): string {
  return csvText([CSV_HEADER.split(','), ...exportRows(c).map((r) => [r.plan, r.metric, r.low, r.expected, r.high, r.source])]);
}

function exportReply(c: Comparison): Reply {
  return {
    embeds: [{ title: 'compare.csv', description: `${c.title}\nBoth plans’ figures (low, expected, high) and every input with its source, ready for a spreadsheet. Reach, visits, orders and the other counts are not rounded, so each step checks: orders × order value = revenue.`, color: NEUTRAL_COLOUR }],
    files: [{ name: 'compare.csv', data: Buffer.from(compareCsv(c), 'utf8'), description: 'The comparison as CSV: plan, metric, low, expected, high, source' }],
    flags: MessageFlags.Ephemeral,
  };
}

// ── Running it ────────────────────────────────────────────────────────────────────────────────

type Args = Partial<Record<OptionName | 'plan' | 'save', string>>;

function optionError(failure: ParseFailure): Reply {
  const { option, reason, accepted, typed } = failure;
  // The domain quotes what was typed as “typed”; the typed text itself may hold ” or markdown, so it
  // is found by its exact text (not by looking for the closing quote) and escaped whole.
  const quoted = typed === undefined ? '' : `“${typed}”`;
  const at = quoted ? reason.indexOf(quoted) : -1;
  const safe = at < 0 ? reason : `${reason.slice(0, at)}“${quoteUserText(typed!)}”${reason.slice(at + quoted.length)}`;
  return inputErrorReply(`**${option}**: ${safe}`, `for ${option}, ${accepted}.`, `That ${option} did not work`);
}

function unavailable(): Reply {
  return {
    embeds: [
      {
        title: 'Saved plans are unavailable right now',
        description: 'The settings are unavailable right now, so plans cannot be saved or loaded. Try again in a minute; /compare without `save` or `plan` still works.',
        color: ERROR_COLOUR,
      },
    ],
    flags: MessageFlags.Ephemeral,
    unavailable: true,
  };
}

const IN_A_SERVER = inputErrorReply(
  'Saved plans belong to a server, so `save` and `plan` work only in a server’s channels, not in DMs.',
  '/compare without `save` and `plan` here, or run it in a server.',
  'Saved plans belong to a server',
);

const NOT_ADDED_HERE = inputErrorReply(
  'Saved plans belong to a server that has added Tierbot, where its members can list and delete them with /plans. Here Tierbot runs from your own apps, so `save` and `plan` are not available.',
  '/compare without `save` and `plan` here, or ask someone with Manage Server to add Tierbot to this server.',
  'Saved plans need Tierbot in this server',
);

/**
 * A name's length is counted as Discord's limits are checked here (UTF-16 units), where most emoji
 * count as two: a saved name must come back whole as an autocomplete choice's value (100 at most).
 */
const PLAN_NAME_ACCEPTED = `a name of 1 to ${MAX_PLAN_NAME} visible characters, such as \`q3 launch\`, where most emoji count as two (no invisible or control characters).`;

/**
 * Why a name cannot be saved, or undefined when it can. Invisible characters would make two names
 * that look the same ("weekly" and "weekly\u200b"), or turn the text around them ("week\u202ely").
 */
export function planNameProblem(name: string): string | undefined {
  if (/[\p{Cc}\p{Zl}\p{Zp}]/u.test(name)) return 'the name has control characters or line breaks in it; a plan name is one line of text.';
  const hidden = hiddenInName(name);
  if (hidden === 'blank') return 'the name shows nothing (only spaces or invisible characters); it needs at least one visible character.';
  if (hidden === 'invisible') return `the name has ${unshownCharacter(name) ?? 'an invisible character'} in it, which Discord shows as a blank or not at all; type it again without it.`;
  return undefined;
}

function comparisonFor(overrides: Overrides): Comparison | Reply {
  const built = buildScenario(overrides);
  if (!built.ok) return optionError(built);
  return comparePlans(built.scenario);
}

const isReply = <T extends object>(x: T | Reply): x is Reply => 'embeds' in x;

/**
 * Two options that cannot be given together (`failure.option` and `failure.clashesWith`) where
 * one came from the saved plan: that one gives way, as "any other option given overrides the
 * saved value". If the user typed one of them, the saved other goes; if both are saved (an
 * option typed now, such as micro_fee, made them disagree), the one the error names goes. If the
 * user typed both, nothing gives way: that is the user's own input error.
 */
function savedValueGivingWay(failure: ParseFailure, inputs: Readonly<Record<string, string>>, given: Readonly<Record<string, string>>): { option: string; line: string } | null {
  const other = failure.clashesWith;
  if (other === undefined) return null;
  const typed = (o: string) => Object.hasOwn(given, o);
  const saved = (o: string) => Object.hasOwn(inputs, o) && !typed(o);
  if (typed(failure.option) && saved(other)) return { option: other, line: `${other} from the saved plan left out: you gave ${failure.option}.` };
  if (typed(other) && saved(failure.option)) return { option: failure.option, line: `${failure.option} from the saved plan left out: you gave ${other}.` };
  if (saved(other) && saved(failure.option)) {
    return { option: failure.option, line: `${failure.option} from the saved plan left out: with your options it no longer agrees with the saved ${other}.` };
  }
  return null;
}

/** `save:` under a name another member saved: replacing their plan is for them or a manager, as deleting it is. */
function notYourPlan(name: string, author: PlanAuthor): Reply {
  return inputErrorReply(
    `**save**: “${quoteUserText(name, MAX_PLAN_NAME)}” was saved by ${who(author.savedById, author.savedByName)}. Replacing someone else’s plan needs the **${MANAGE_SERVER}** permission; nothing was saved.`,
    'a name of your own, or one of your plans’ names (saving replaces it).',
    'That plan is someone else’s',
  );
}

/** The options the user typed now, by name (blank ones left out). */
function givenOptions(args: Args): Record<string, string> {
  const given: Record<string, string> = {};
  for (const name of OPTION_NAMES) {
    const v = args[name];
    if (typeof v === 'string' && v.trim() !== '') given[name] = v;
  }
  return given;
}

/**
 * Why `plan:` or `save:` cannot be used here (saved plans belong to a server that has added
 * Tierbot), or why a name given to either will not do; undefined when they can go ahead.
 */
function planOptionsProblem(args: Args, context: RunContext, planName: string | undefined, saveName: string | undefined): Reply | undefined {
  const wantsStore = args.plan !== undefined || args.save !== undefined;
  if (wantsStore && context.guildId === undefined) return IN_A_SERVER;
  if (wantsStore && !context.guildInstalled) return NOT_ADDED_HERE;
  for (const [option, name] of [['plan', planName], ['save', saveName]] as const) {
    if (name !== undefined && (name === '' || name.length > MAX_PLAN_NAME)) {
      const counted = name === '' ? '' : ` This one counts as ${formatCount(name.length)}${name.length > [...name].length ? ', most emoji counting as two' : ''}.`;
      return inputErrorReply(`**${option}**: a plan name is 1 to ${MAX_PLAN_NAME} characters.${counted}`, PLAN_NAME_ACCEPTED, `That ${option} name did not work`);
    }
  }
  const saveProblem = saveName === undefined ? undefined : planNameProblem(saveName);
  if (saveProblem) return inputErrorReply(`**save**: ${saveProblem} Nothing was saved.`, PLAN_NAME_ACCEPTED, 'That save name did not work');
  return undefined;
}

/** A saved plan, loaded: its name, and its inputs with the options given now on top. */
interface LoadedPlan {
  name: string;
  inputs: Record<string, string>;
}

/** The saved plan called `planName` with `given` on top, or the reply saying there is none (naming some that are) or that the store is down. */
async function loadPlan(context: RunContext, planName: string, given: Readonly<Record<string, string>>): Promise<LoadedPlan | Reply> {
  try {
    const saved = await context.store.plan(context.guildId!, planName);
    if (!saved) {
      const names = (await context.store.plans(context.guildId!)).map((p) => p.name).slice(0, 10);
      const known = names.length ? names.map((n) => `“${quoteUserText(n, 40)}”`).join(', ') : 'none yet: save one with `save:<name>`';
      return inputErrorReply(`**plan**: no plan called “${quoteUserText(planName, MAX_PLAN_NAME)}” is saved in this server.`, `a saved plan's name. Saved here: ${known}.`, 'No such saved plan');
    }
    return { name: saved.name, inputs: { ...saved.inputs, ...given } };
  } catch (err) {
    if (err instanceof StoreUnavailableError) return unavailable();
    throw err;
  }
}

/**
 * The comparison for `inputs`, or the input error. With a loaded plan, a saved value that clashes
 * with one given now gives way, one at a time (each pass removes one): the inputs it was built
 * from are returned, with a line for each saved value left out.
 */
function compareInputs(
  inputs: Record<string, string>,
  given: Readonly<Record<string, string>>,
  fromSavedPlan: boolean,
): { comparison: Comparison; inputs: Record<string, string>; leftOut: string[] } | Reply {
  const leftOut: string[] = [];
  for (;;) {
    const built = parseCompareInput(inputs as CompareInput);
    if (built.ok) return { comparison: comparePlans(built.scenario), inputs, leftOut };
    const giveWay = fromSavedPlan ? savedValueGivingWay(built, inputs, given) : null;
    if (!giveWay) return optionError(built);
    const { [giveWay.option]: _leftOut, ...rest } = inputs;
    inputs = rest;
    leftOut.push(giveWay.line);
  }
}

/** Saves `inputs` as the plan `saveName` in this server: the line saying so (and what it replaced), or the reply refusing it. */
async function savePlan(context: RunContext, saveName: string, inputs: Record<string, string>): Promise<string | Reply> {
  const plan = { name: saveName, inputs, savedById: context.user.id, savedByName: context.user.name, savedAt: context.now };
  let saved: SavePlanResult;
  try {
    saved = await context.store.savePlan(context.guildId!, plan, { replaceAnyAuthor: context.canManageGuild });
  } catch (err) {
    // A value the database will not keep (a NUL the checks above missed): that save alone is refused.
    if (err instanceof StoreRefusedError) {
      return inputErrorReply(`**save**: ${err.field === 'name' ? 'the name' : 'a value'} ${err.reason}. Nothing was saved.`, PLAN_NAME_ACCEPTED, 'That save name did not work');
    }
    if (err instanceof StoreUnavailableError) return unavailable();
    throw err;
  }
  if (saved.outcome === 'not-author') return notYourPlan(saveName, saved.author);
  if (saved.outcome === 'full') {
    return inputErrorReply(
      `**save**: this server already has ${PLANS_PER_SERVER} saved plans, the limit.`,
      'an existing plan’s name (saving replaces it), or delete one with /plans first.',
      'Saved plans are full',
    );
  }
  // Whose plan it replaced as the write found it: a save by someone else a moment before is named too.
  const { replaced } = saved;
  const replacing = !replaced ? '' : replaced.savedById === context.user.id ? ', replacing your earlier plan of that name' : `, replacing the plan ${who(replaced.savedById, replaced.savedByName)} saved`;
  return `💾 Saved as “${quoteUserText(saveName, MAX_PLAN_NAME)}” for this server${replacing}: run it again with \`plan:\`.`;
}

async function run(args: Args, context: RunContext): Promise<Reply> {
  const given = givenOptions(args);
  const planName = args.plan?.trim();
  const saveName = args.save?.trim();
  const problem = planOptionsProblem(args, context, planName, saveName);
  if (problem) return problem;

  const loaded = planName ? await loadPlan(context, planName, given) : null;
  if (loaded && isReply(loaded)) return loaded;
  const compared = compareInputs(loaded?.inputs ?? given, given, loaded !== null);
  if (isReply(compared)) return compared;

  const extra: string[] = [];
  // "budget:2 mil" is read as a million, as /tier reads "mil", and said as /tier says it: typed
  // now or saved in the plan loaded, a value is read the same way each time it is used.
  for (const [name, value] of Object.entries(compared.inputs)) {
    const note = countReadingNote(value);
    if (note) extra.push(`ℹ️ ${name}${name in given ? '' : ' (saved in the plan)'}: ${note}`);
  }
  if (loaded) extra.push(`Plan “${quoteUserText(loaded.name, MAX_PLAN_NAME)}” loaded${Object.keys(given).length ? ', with your options on top' : ''}.`, ...compared.leftOut);
  if (saveName) {
    const saved = await savePlan(context, saveName, compared.inputs);
    if (typeof saved !== 'string') return saved;
    extra.push(saved);
  }
  return mainReply(compared.comparison, extra, await lookUpHouse(context));
}

async function autocomplete(focused: { name: string; value: string }, _args: unknown, context: RunContext): Promise<Choice[]> {
  // As run() answers: saved plans only where the server has added Tierbot (not a user install there).
  if (focused.name !== 'plan' || context.guildId === undefined || !context.guildInstalled) return [];
  try {
    // Matched as names are (nameKey), as /plans delete does: "ｑ１" offers "Q1 launch".
    const typed = nameKey(focused.value.trim());
    return inReadingOrder((await context.store.plans(context.guildId)).filter((p) => nameKey(p.name).includes(typed)))
      .slice(0, LIMITS.autocompleteChoices)
      .map((p) => ({ name: shorten(p.name, LIMITS.choiceName), value: p.name.slice(0, LIMITS.choiceValue) }));
  } catch {
    return [];
  }
}

async function component(customId: string, _values: readonly string[], context: ComponentContext): Promise<ComponentReply> {
  const { id, own } = ownMessageMark(customId);
  const prefix = [ASSUMPTIONS_ID, CASES_ID, EXPORT_ID, EQUAL_BUDGET_ID].find((p) => id.startsWith(p));
  const overrides = prefix ? decodeState(id.slice(prefix.length)) : null;
  const c = overrides ? comparisonFor(overrides) : null;
  if (!c || isReply(c)) return { mode: 'reply', reply: inputErrorReply('This button’s comparison could not be read back.', 'run /compare again.') };
  if (prefix === ASSUMPTIONS_ID) return { mode: 'reply', reply: assumptionsReply(c, await lookUpHouse(context)) };
  if (prefix === CASES_ID) return { mode: 'reply', reply: casesReply(c) };
  if (prefix === EXPORT_ID) return { mode: 'reply', reply: exportReply(c) };
  const equal = equalBudget(c);
  // Buttons sent before the button was hidden in these cases still answer.
  if (equal === null) return { mode: 'reply', reply: inputErrorReply('The two plans already cost as much as they can be matched.', 'run /compare with other options.', 'Nothing to equal') };
  if (equal.kind === 'buys-none') {
    return {
      mode: 'reply',
      reply: inputErrorReply(
        `Plan A costs ${formatMoneyExact(equal.costA)}, less than one micro-influencer’s fee (${formatMoneyExact(equal.fee)}): it buys no micro-influencer, so no Plan B costs the same. Plan B is unchanged.`,
        'a larger big_fee, or a smaller micro_fee, then press Equal budget again.',
        'Plan A’s cost buys no micro-influencer',
      ),
    };
  }
  const next = comparisonFor(equal.overrides);
  if (isReply(next)) return { mode: 'reply', reply: next };
  // One person's press must not rewrite what the channel is reading: on the public reply it answers
  // the presser alone, with a copy of their own that later presses change in place. The saved plan's
  // name ("Plan “Q1” loaded") is not carried: it would not fit in the button's custom_id.
  const reply = mainReply(next, [equalBudgetLine(equal, next)], await lookUpHouse(context), 'own');
  return { mode: own ? 'update' : 'reply', reply };
}

/** What the Equal budget press did, truthfully when the cap on micro-influencers keeps the costs apart. */
function equalBudgetLine(equal: Extract<EqualBudget, { kind: 'rerun' }>, next: Comparison): string {
  const micros = microInfluencers(next.scenario.b.influencers);
  const costA = formatMoneyExact(equal.costA);
  if (equal.capped) {
    const costs = `Plan A costs ${costA}, Plan B ${formatMoneyExact(next.b.metrics.cost!.expected)}`;
    return next.scenario.budget !== null
      ? `The budget is now Plan A’s cost, ${costA}, but Plan B stops at ${micros}, the most Tierbot models, so the costs still differ: ${costs}.`
      : `Plan B now has ${micros}, the most Tierbot models, so the costs still differ: ${costs}.`;
  }
  return next.scenario.budget !== null
    ? `The budget is now Plan A’s cost, ${costA}: Plan B has ${micros}, as many as it buys.`
    : `Plan B now has ${micros}, as many as Plan A’s cost (${costA}) buys.`;
}

export const compare = slashCommand({ definition, run, autocomplete, component });

