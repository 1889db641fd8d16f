/**
 * /compare's options: their names, what each accepts (ACCEPTED, shown in every input error), and
 * parseOverrides, which reads the typed values into Overrides (money to cents, percentages to six
 * significant digits) or says which option is wrong and why.
 */

import { CENT_PER_FOLLOWER, type Platform, PLATFORM_LABEL, PLATFORMS } from '../benchmarks';
import { ACCEPTED_FORMS, exponentReason, MAX_FOLLOWERS, MAX_INPUT_LENGTH, parseFollowerCount, type ParseResult } from '../followers';
import { formatCount, shorten } from '../format';
import { knownPlatform, platformNamedBy } from '../platforms';
import { formatMoney, formatMoneyExact, formatPercentExact, keptPercent, keptToCents, MAX_MONEY, MONEY_DECIMALS, MONEY_FORMS, parseMoney, parsePercent, PERCENT_FORMS, PERCENT_SIGNIFICANT, plainNumber } from '../units';

/**
 * The scenario's options, in the order /compare registers them. The order is also the layout of
 * the state /compare's buttons carry (commands/compare-state.ts): a presence bit for each option,
 * then the values, in this order and no other. Buttons already sent in channels are read back
 * through it, so reordering, adding or removing an option would read them as other scenarios:
 * such a change needs a new state version there, which keeps reading the old one as it was.
 */
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
/** The smallest fee a budget can pay, and the least amount kept: a cent. */
export const SMALLEST_FEE = 0.01;

const percentForms = `a percentage from 0 to 100: ${PERCENT_FORMS}`;
const moneyForms = `an amount in US dollars from $0 to ${formatMoneyExact(MAX_MONEY)}: ${MONEY_FORMS}`;
/** A plan with no followers reaches no one: its comparison would mean nothing. */
export const MIN_FOLLOWERS = 1;
/** "a follower count from 1 to 10,000,000,000: …"; `each` follows the limit ("… to 1,000,000,000 each: …"). */
export function followerForms(most: number = MAX_FOLLOWERS, each = ''): string {
  return `a follower count from ${formatCount(MIN_FOLLOWERS)} to ${formatCount(most)}${each}: ${ACCEPTED_FORMS}`;
}
/** Examples of a number of influencers, as typed and as read. */
const INFLUENCER_EXAMPLES: readonly [string, number][] = [
  ['10', 10],
  ['30', 30],
  ['1.5k', 1_500],
];

/** "a whole number of influencers from 1 to 1,000,000: …", with only the examples it accepts (none when none fit). */
export function influencerForms(most: number = MAX_MICRO_COUNT): string {
  const examples = INFLUENCER_EXAMPLES.filter(([, n]) => n <= most).map(([typed]) => `\`${typed}\``);
  return `a whole number of influencers from 1 to ${formatCount(most)}${examples.length ? `: ${examples.join(', ')}` : ''}`;
}

/** MONEY_FORMS' examples from `min` to `max`: an error never offers an amount it would refuse ('' when none fits). */
export function moneyExamples(min: number, max: number): string {
  return MONEY_FORMS.split(', ')
    .filter((form) => {
      const read = parseMoney(form.replaceAll('`', ''));
      return read.ok && read.value >= min && read.value <= max;
    })
    .join(', ');
}

export const ACCEPTED: Record<OptionName, string> = {
  preset: PRESETS.map((p) => `\`${p}\``).join(' or '),
  platform: PLATFORMS.map((p) => `\`${p}\``).join(', '),
  budget: moneyForms,
  big_followers: followerForms(),
  big_fee: moneyForms,
  micro_count: influencerForms(),
  micro_followers: followerForms(),
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
 * saved plan's value can give way to an option the user gives. `acceptedIsChoice`: `accepted` is
 * a choice between two options ("either micro_count or budget, not both: …"), which reads alone,
 * rather than the values `option` takes.
 */
export type ParseFailure = { ok: false; option: OptionName; reason: string; accepted: string; typed?: string; clashesWith?: OptionName; acceptedIsChoice?: true };

// ── Parsing ───────────────────────────────────────────────────────────────────────────────────

// Maps, not object literals: typed text such as "constructor" must not find Object.prototype's members.
const PRESET_ALIASES: ReadonlyMap<string, PresetId> = new Map([
  ['kardashian', 'kardashian'],
  ['kim', 'kardashian'],
  ['ten-micro', 'ten-micro'],
  ['10-micro', 'ten-micro'],
  ['tenmicro', 'ten-micro'],
]);

function keyword(value: string | number): string {
  return String(value).normalize('NFKC').trim().toLowerCase().replace(/[\s_]+/g, '-');
}

/**
 * /compare's platforms by their names in KNOWN_PLATFORMS, whose aliases ("ig", "tik tok") the option
 * is read by (platformNamedBy): one table of platform names, for chat, rosters and /compare.
 */
const PLATFORM_BY_NAME: ReadonlyMap<string, Platform> = new Map(PLATFORMS.map((platform) => [knownPlatform(PLATFORM_LABEL[platform]).name, platform]));

/** The platform /compare has figures for that `raw` names; undefined for any other text. */
function comparePlatform(raw: string | number): Platform | undefined {
  const name = platformNamedBy(String(raw));
  return name === undefined ? undefined : PLATFORM_BY_NAME.get(name);
}

/** Why `raw` names no preset or platform: a platform Tierbot knows, but has no figures for, is named as such. */
function unknownReason(name: 'preset' | 'platform', raw: string | number, typed: string): string {
  const known = name === 'platform' ? platformNamedBy(String(raw)) : undefined;
  return known === undefined ? `“${typed}” is not a ${name} I know.` : `“${typed}”: /compare has no figures for ${known}.`;
}

export function fail(option: OptionName, reason: string, accepted: string = ACCEPTED[option]): ParseFailure {
  return { ok: false, option, reason, accepted };
}

/**
 * How many influencers: read with the follower-count forms ("10", "1.5k"), but explained as a
 * number of influencers, never as followers.
 */
function parseInfluencerCount(text: string): ParseResult<number> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'No number of influencers was given.' };
  const read = parseFollowerCount(trimmed);
  if (read.ok) return read;
  // The follower reader's own reasons speak of followers: say the same of influencers.
  if (/negative/.test(read.reason)) return { ok: false, reason: 'The number of influencers cannot be negative.' };
  if (/fraction/.test(read.reason)) return { ok: false, reason: `The number of influencers is a whole number; “${trimmed}” is not.` };
  if (/more than/.test(read.reason)) return { ok: false, reason: `That is more than ${formatCount(MAX_MICRO_COUNT)} influencers.` };
  if (/exponent/.test(read.reason)) return { ok: false, reason: exponentReason('a number of influencers', '1,000') };
  if (trimmed.length > MAX_INPUT_LENGTH) return { ok: false, reason: `That is ${trimmed.length} characters long; a number of influencers is at most ${MAX_INPUT_LENGTH}.` };
  return { ok: false, reason: 'That is not a number of influencers I can read.' };
}

/** `zeroAccepted`: for money, whether $0 is accepted (not for a budget, nor a micro fee beside one). */
function parseNumberValue(kind: OptionKind, value: string | number, zeroAccepted: boolean): ParseResult<number> {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ok: false, reason: 'That is not a number.' };
    if (value < 0) return { ok: false, reason: kind === 'influencers' ? 'The number of influencers cannot be negative.' : 'It cannot be negative.' };
    if (kind === 'money') {
      if (value > MAX_MONEY) return { ok: false, reason: `That is more than ${formatMoney(MAX_MONEY)}.` };
      return keptToCents(value, zeroAccepted);
    }
    if (kind === 'percent') {
      if (value > MAX_PERCENT) return { ok: false, reason: `${formatPercentExact(value)} is more than 100%.` };
      return keptPercent(value);
    }
    if (!Number.isInteger(value)) return { ok: false, reason: kind === 'influencers' ? 'The number of influencers is a whole number.' : 'It must be a whole number.' };
    if (value > MAX_FOLLOWERS) return { ok: false, reason: `That is more than ${formatCount(MAX_FOLLOWERS)}.` };
    return { ok: true, value };
  }
  if (kind === 'money') return parseMoney(value, zeroAccepted);
  if (kind === 'percent') return parsePercent(value, MAX_PERCENT);
  if (kind === 'influencers') return parseInfluencerCount(value);
  return parseFollowerCount(value);
}

/**
 * A value as typed for its option, read back by parseOverrides as the same value: money with its
 * cents (none when whole), a percentage with every digit kept, counts whole. Never grouped, never
 * in exponent form.
 */
function optionValueText(kind: OptionKind, value: number): string {
  if (kind === 'money') return value.toFixed(MONEY_DECIMALS).replace(/\.00$/, '');
  if (kind === 'percent') return plainNumber(value, PERCENT_SIGNIFICANT);
  return String(value);
}

/**
 * Option values as [name, value] pairs in OPTION_NAMES order, the order /compare lists its options:
 * [["platform", "tiktok"], ["big_fee", "8000"], ["micro_count", "32"]]. Typed text (a saved plan's
 * inputs) is kept as typed; normalised values (Overrides) are written as /compare reads them back.
 * None when no option is given (every input its default); a name that is not an option is left out.
 */
export function optionPairs(values: Overrides | Readonly<Partial<Record<OptionName, string>>>): [OptionName, string][] {
  return OPTION_NAMES.flatMap((name): [OptionName, string][] => {
    const value = values[name];
    if (value === undefined) return [];
    return [[name, typeof value === 'number' ? optionValueText(OPTION_KIND[name as NumericOption], value) : value]];
  });
}

/** Validates options into normalised overrides; the first invalid option (in OPTION_NAMES order) is reported. */
export function parseOverrides(input: CompareInput): { ok: true; overrides: Overrides } | ParseFailure {
  const overrides: Overrides = {};
  for (const name of OPTION_NAMES) {
    const raw = input[name];
    if (raw === undefined || raw === '') continue;
    if (name === 'preset' || name === 'platform') {
      const found = name === 'preset' ? PRESET_ALIASES.get(keyword(raw)) : comparePlatform(raw);
      if (found === undefined) {
        const typed = shorten(String(raw), 40);
        return { ...fail(name, unknownReason(name, raw, typed)), typed };
      }
      if (name === 'preset') overrides.preset = found as PresetId;
      else overrides.platform = found as Platform;
      continue;
    }
    const kind = OPTION_KIND[name];
    const zeroAccepted = name !== 'budget' && !(name === 'micro_fee' && input.budget !== undefined && input.budget !== '');
    const parsed = parseNumberValue(kind, raw, zeroAccepted);
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
