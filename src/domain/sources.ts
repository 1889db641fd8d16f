/**
 * The source registry: every named definition of influencer tiers, with its citation, the words
 * its numbers come from, and how it relates to the others (a copy of another's table, one outlet's
 * two readings, a publisher's earlier definition). Figures are copied from
 * ../shared/domain/SOURCES.md (industry) and ../shared/seeds/ (the articles); nothing is estimated.
 *
 * Users never see file names, section numbers or confidence codes: `howRead()` says in words how a
 * definition was read, and `citation()` gives publisher, title (only the publisher's own), year.
 */

import { andList, formatCompact, formatCount } from './format';

export type NormalTier = 'nano' | 'micro' | 'mid' | 'macro' | 'mega';
export const NORMAL_TIERS: readonly NormalTier[] = ['nano', 'micro', 'mid', 'macro', 'mega'];

/**
 * How a definition was read: P on the publisher's own page, S in a secondary report quoting it,
 * M in a copy of its text on another site; seed = one of the articles Tierbot was started from.
 * Internal only: replies say it in words (`howRead`).
 */
export type Confidence = 'P' | 'S' | 'M' | 'seed';

/** One tier as resolved: whole-number follower bounds, both inclusive; max null = open-ended. */
export interface Tier {
  name: string;
  normal: NormalTier;
  min: number;
  max: number | null;
  /** The range as the source states it ("10k–50k", "1M+", "under 10k"). */
  stated: string;
  /** The numbers the source writes at each end, before the boundary rule: the lines it draws. */
  lineFrom: number;
  lineTo: number | null;
  /** The source names no upper bound at all (not "and up": it simply does not say). */
  upperUnstated?: boolean;
  /** The source's name for accounts too small to be influencers (HypeAuditor's "Instagram user"). */
  notInfluencer?: boolean;
}

/**
 * How a definition takes part in the publishers' vote:
 * - votes: the publisher's voting definition;
 * - reading: one of an outlet's readings given together (Adweek): the readings vote as one;
 * - beside: a publisher's other definition, shown beside the one that votes (its latest dated);
 * - copy: another publisher's table repeated (Hootsuite of Mediakix): shown, does not vote again;
 * - context: quoted, but gives no range to vote with (Forbes' example size, Digital Reflections).
 */
export type Role = 'votes' | 'reading' | 'beside' | 'copy' | 'context';

export interface Source {
  id: string;
  /** Short display name: "Mediakix", "Adweek (500–5,000)", "CNBC (2017)". */
  name: string;
  /** The publisher as users know it: "Mediakix", "CNBC"; the voter. */
  publisher: string;
  /** Groups a publisher's definitions: one vote per publisherId. */
  publisherId: string;
  /** The publisher's own title, only where it was read; otherwise null (never made up from a URL). */
  title: string | null;
  /** What it is, in a few words: "blog article on Instagram influencer rates". */
  what: string;
  /**
   * Other names users may know it by, for lookups only, never shown as a title: the course a
   * study-guide entry belongs to, a report's title as far as it was recorded.
   */
  knownAs?: readonly string[];
  author?: string;
  year: string | null;
  url: string | null;
  /** Who reported or copied it (S, M) or quoted it (seed 003's outlets). */
  via?: string;
  /**
   * Why a source quoted only for context gives no vote, where it is not simply a lack of numbers
   * (Forbes' "as low as 8,000" is a number, but an example, not a range).
   */
  noVoteReason?: string;
  /** 'verbatim': the source's own words. 'summary': the figures as recorded, not a quotation. */
  quote: { text: string; kind: 'verbatim' | 'summary' };
  confidence: Confidence;
  origin: 'article' | 'industry';
  platform: string | null;
  role: Role;
  /** For a copy: the source whose table it repeats. */
  copyOf?: string;
  /** Only some of its tiers' numbers are recorded: counts past them are "not covered by the figures we have". */
  uncoveredBelow?: boolean;
  uncoveredAbove?: boolean;
  tiers: Tier[];
  notes: string[];
}

/**
 * The boundary rule, as users read it in /tier's warning, "All sources", /tiers and /help, and as
 * `ladder()` applies it to every source: a number two ranges share ("1k–10k · 10k–50k") belongs to
 * the range that starts there, unless the words exclude it ("under 10,000", "over 1M"); a range end
 * that no other tier starts at stays in its range.
 */
export const BOUNDARY_RULE =
  'Tierbot puts a count on the line between two tiers in the upper tier, unless the publisher’s words say otherwise ("under 10,000").';

interface TierSpec {
  name: string;
  normal: NormalTier;
  from: number;
  /** The stated upper end; null = open-ended ("1M+"). */
  to: number | null;
  /** The words exclude the upper end ("under 10,000"). */
  toExclusive?: boolean;
  /** The words exclude the lower end ("more than 10,000"). */
  fromExclusive?: boolean;
  upperUnstated?: boolean;
  notInfluencer?: boolean;
  /** Overrides the derived range text when the source's wording matters. */
  stated?: string;
}

function statedRange(spec: TierSpec): string {
  if (spec.stated) return spec.stated;
  if (spec.to === null) return spec.upperUnstated ? `from ${formatCompact(spec.from)}` : `${formatCompact(spec.from)}+`;
  if (spec.from === 0 && spec.toExclusive) return `under ${formatCompact(spec.to)}`;
  return `${formatCompact(spec.from)}–${formatCompact(spec.to)}`;
}

/** Applies BOUNDARY_RULE to a source's ranges, lowest first. */
export function ladder(specs: TierSpec[]): Tier[] {
  return specs.map((spec, i) => {
    const next = specs[i + 1];
    const sharedWithNext = spec.to !== null && next !== undefined && next.from === spec.to && !next.fromExclusive;
    let max: number | null = spec.to;
    if (spec.to !== null && (spec.toExclusive || sharedWithNext)) max = spec.to - 1;
    const tier: Tier = {
      name: spec.name,
      normal: spec.normal,
      min: spec.fromExclusive ? spec.from + 1 : spec.from,
      max,
      stated: statedRange(spec),
      lineFrom: spec.from,
      lineTo: spec.to,
    };
    if (spec.upperUnstated) tier.upperUnstated = true;
    if (spec.notInfluencer) tier.notInfluencer = true;
    return tier;
  });
}

const K = 1_000;
const M = 1_000_000;

/** The TapInfluence blog post (Laura Smous) that quotes CNBC, Adweek and Forbes. */
const TAP_POST = 'TapInfluence’s blog (Laura Smous)';
const TAP_POST_WHAT = 'blog post by Laura Smous, Director of Product Marketing';

export const SOURCES: readonly Source[] = [
  // ── The articles Tierbot started from ──────────────────────────────────────────────────────
  {
    id: 'seed-000',
    name: 'Japanese article (translated)',
    publisher: 'A Japanese article on micro-influencers (translated)',
    publisherId: 'japanese-article',
    title: null,
    what: 'a Japanese article on micro-influencers, translated; publisher not named',
    year: null,
    url: null,
    quote: {
      kind: 'verbatim',
      text:
        'Micro-influencers are influencers with around 10,000 to 90,000 followers. … macro influencers are defined ' +
        'as 100 to 1 million people, and top influencers are defined as 1 million or more people.',
    },
    confidence: 'seed',
    origin: 'article',
    platform: null,
    role: 'votes',
    uncoveredBelow: true,
    tiers: ladder([
      { name: 'micro', normal: 'micro', from: 10 * K, to: 90 * K },
      { name: 'macro', normal: 'macro', from: 100 * K, to: M },
      { name: 'top influencer', normal: 'mega', from: M, to: null },
    ]),
    // What it leaves uncovered (under 10,000; the gap from 90,001 to 99,999) is said by the
    // coverage notes generated from its tiers: 90,000 is micro and 100,000 macro by its words.
    notes: [
      'It names nano but gives it no range.',
      '"100 to 1 million" is read as 100,000 to 1 million.',
      'Its summary names four categories; the translation garbles the second ("power" influencer).',
    ],
  },
  {
    id: 'seed-001',
    name: 'Rise of Micro-Influencers (article)',
    publisher: 'The article "Rise of Micro-Influencers on Social Media"',
    publisherId: 'rise-article',
    title: 'Rise of Micro-Influencers on Social Media',
    what: 'an article (publisher not named) that cites influencermarketinghub.com',
    year: null,
    url: null,
    quote: {
      kind: 'verbatim',
      text:
        'Most agree that the typical micro-influencer has over 5,000 and 10,000 followers … Experts also define ' +
        'those with more than 10,000 followers as "macro-influencers." … "regular influencers" (those with 100,000 ' +
        'followers or more).',
    },
    confidence: 'seed',
    origin: 'article',
    platform: 'social media in general',
    role: 'votes',
    tiers: ladder([
      { name: 'micro', normal: 'micro', from: 5 * K, to: 10 * K },
      { name: 'macro', normal: 'macro', from: 10 * K, to: 100 * K, fromExclusive: true, stated: 'more than 10k' },
      { name: 'regular influencer', normal: 'mega', from: 100 * K, to: null },
    ]),
    notes: ['Advises picking ten influencers with 5,000–10,000 followers each.', 'It says itself that "quantifying it by numbers can be fairly subjective".'],
  },
  {
    id: 'fiveable',
    name: 'Fiveable',
    publisher: 'Fiveable',
    publisherId: 'fiveable',
    // The entry read is the key term micro-influencers in the course "Intro to Social Media"; the
    // page's own title was not recorded, so none is shown as one.
    title: null,
    what: 'study guide entry for the key term micro-influencers (Intro to Social Media)',
    knownAs: ['Intro to Social Media'],
    year: '2024',
    url: null,
    quote: {
      kind: 'verbatim',
      text:
        'Micro-influencers are social media users with a smaller but highly engaged following, typically ranging ' +
        'from 1,000 to 100,000 followers.',
    },
    confidence: 'seed',
    origin: 'article',
    platform: 'social media in general',
    role: 'votes',
    uncoveredAbove: true,
    tiers: ladder([{ name: 'micro', normal: 'micro', from: K, to: 100 * K }]),
    notes: ['Defines micro only.'],
  },
  {
    id: 'cnbc-seed',
    name: 'CNBC (quoted by TapInfluence)',
    publisher: 'CNBC',
    publisherId: 'cnbc',
    title: null,
    what: `a line quoted in ${TAP_POST}`,
    via: TAP_POST,
    year: null,
    url: null,
    quote: {
      kind: 'verbatim',
      text:
        'Macro-influencers are defined as social-media users with 10,000 or more followers on their accounts, while ' +
        'micro-influencers are the rest of us.',
    },
    confidence: 'seed',
    origin: 'article',
    platform: null,
    role: 'beside',
    tiers: ladder([
      { name: 'micro', normal: 'micro', from: 0, to: 10 * K, toExclusive: true },
      { name: 'macro', normal: 'macro', from: 10 * K, to: null },
    ]),
    notes: ['Undated, so CNBC’s 2017 definition (micro 10k–100k) votes instead.'],
  },
  {
    id: 'adweek-under-10k',
    name: 'Adweek (under 10,000)',
    publisher: 'Adweek',
    publisherId: 'adweek',
    title: null,
    what: `a line quoted in ${TAP_POST}`,
    via: TAP_POST,
    year: null,
    url: null,
    quote: { kind: 'verbatim', text: 'Some in the industry attribute the title to influencers with under 10,000 followers.' },
    confidence: 'seed',
    origin: 'article',
    platform: null,
    role: 'reading',
    uncoveredAbove: true,
    tiers: ladder([{ name: 'micro', normal: 'micro', from: 0, to: 10 * K, toExclusive: true }]),
    notes: ['The first of the two readings Adweek reports; no lower bound.'],
  },
  {
    id: 'adweek-500-5000',
    name: 'Adweek (500–5,000)',
    publisher: 'Adweek',
    publisherId: 'adweek',
    title: null,
    what: `a line quoted in ${TAP_POST}`,
    via: TAP_POST,
    year: null,
    url: null,
    quote: { kind: 'verbatim', text: 'Others say between 500 and 5,000.' },
    confidence: 'seed',
    origin: 'article',
    platform: null,
    role: 'reading',
    uncoveredAbove: true,
    tiers: ladder([{ name: 'micro', normal: 'micro', from: 500, to: 5 * K }]),
    notes: ['The second of the two readings Adweek reports, in the same sentence.'],
  },
  {
    id: 'forbes-seed',
    name: 'Forbes (quoted by TapInfluence)',
    publisher: 'Forbes',
    publisherId: 'forbes',
    title: null,
    what: `a line quoted in ${TAP_POST}`,
    via: TAP_POST,
    year: null,
    url: null,
    quote: {
      kind: 'verbatim',
      text:
        'More and more, brands are turning to people with far less numbers of followers—sometimes even as low as ' +
        '8,000—to help them share their messages.',
    },
    confidence: 'seed',
    origin: 'article',
    platform: null,
    role: 'context',
    noVoteReason: 'quoted by TapInfluence ("as low as 8,000"): an example of how small accounts can be, not a range, so no vote.',
    tiers: [],
    notes: [
      '"As low as 8,000" describes how small the accounts brands now use can be: an example, not a range, so Forbes does not vote.',
      'TapInfluence lists it among the quotes that support an upper bound for micro of around 10,000.',
    ],
  },
  {
    id: 'tapinfluence-view',
    name: 'TapInfluence (blog post)',
    publisher: 'TapInfluence',
    publisherId: 'tapinfluence',
    title: null,
    what: TAP_POST_WHAT,
    author: 'Laura Smous',
    year: null,
    url: null,
    quote: {
      kind: 'verbatim',
      text:
        'While there is some consensus putting the upper bound of micro-influencer at around 10,000 followers … ' +
        'Our take? Don’t impose arbitrary minimums on micro-influencers.',
    },
    confidence: 'seed',
    origin: 'article',
    platform: null,
    role: 'beside',
    uncoveredAbove: true,
    tiers: ladder([{ name: 'micro', normal: 'micro', from: 0, to: 10 * K, stated: 'up to about 10k, no lower bound' }]),
    notes: [
      'Undated, so TapInfluence’s 2017 page votes instead.',
      'Also the source of the Kim Kardashian example and "10 × 10,000 rather than 1 × 100,000".',
    ],
  },
  {
    id: 'seed-004',
    name: 'Digital Reflections (Medium)',
    publisher: 'Digital Reflections (Medium)',
    publisherId: 'digital-reflections',
    title: 'Micro influencing — less is more',
    what: 'a post by Stefani Bujanović',
    author: 'Stefani Bujanović',
    year: '2019',
    url: null,
    quote: {
      kind: 'verbatim',
      text:
        'A regular influencer has a really big number of followers. … it’s all about big and fat numbers. … ' +
        'Micro influencing is all about impact. Numbers are a bit modest.',
    },
    confidence: 'seed',
    origin: 'article',
    platform: null,
    role: 'context',
    tiers: [],
    notes: ['Defines micro by niche audience, trust and an emotional bond; it gives no numbers.'],
  },

  // ── Industry definitions ─────────────────────────────────────────────────────────────────────
  {
    id: 'mediakix',
    name: 'Mediakix',
    publisher: 'Mediakix',
    publisherId: 'mediakix',
    title: 'Standard Terminology in Influencer Marketing',
    what: 'influencer tiers (Instagram)',
    year: 'c. 2019',
    url: 'https://mediakix.com/influencer-marketing-resources/influencer-tiers/',
    quote: {
      kind: 'summary',
      text: 'nano 1k–10k · micro 10k–50k · mid-tier 50k–500k · macro 500k–1M · mega 1M+. "Standard influencer tiers have yet to be universally established."',
    },
    confidence: 'P',
    origin: 'industry',
    platform: 'Instagram',
    role: 'votes',
    tiers: ladder([
      { name: 'nano', normal: 'nano', from: K, to: 10 * K },
      { name: 'micro', normal: 'micro', from: 10 * K, to: 50 * K },
      { name: 'mid-tier', normal: 'mid', from: 50 * K, to: 500 * K },
      { name: 'macro', normal: 'macro', from: 500 * K, to: M },
      { name: 'mega', normal: 'mega', from: M, to: null },
    ]),
    notes: ['Says itself that standard tiers "have yet to be universally established".', 'Hootsuite repeats these five tiers word for word.'],
  },
  {
    id: 'hootsuite',
    name: 'Hootsuite',
    publisher: 'Hootsuite',
    publisherId: 'hootsuite',
    title: null,
    what: 'blog article on Instagram influencer rates',
    year: null,
    url: 'https://blog.hootsuite.com/instagram-influencer-rates/',
    quote: { kind: 'summary', text: 'The same five tiers as Mediakix: nano 1k–10k · micro 10k–50k · mid-tier 50k–500k · macro 500k–1M · mega 1M+.' },
    confidence: 'P',
    origin: 'industry',
    platform: 'Instagram',
    role: 'copy',
    copyOf: 'mediakix',
    tiers: ladder([
      { name: 'nano', normal: 'nano', from: K, to: 10 * K },
      { name: 'micro', normal: 'micro', from: 10 * K, to: 50 * K },
      { name: 'mid-tier', normal: 'mid', from: 50 * K, to: 500 * K },
      { name: 'macro', normal: 'macro', from: 500 * K, to: M },
      { name: 'mega', normal: 'mega', from: M, to: null },
    ]),
    notes: ['Shares Mediakix’s definition (the same five tiers, word for word), so it does not vote again.'],
  },
  {
    id: 'later-fohr',
    name: 'Later × Fohr',
    publisher: 'Later × Fohr',
    publisherId: 'later-fohr',
    // Its full title was not recorded (only "The Selling Power of … Influencers"), so none is shown.
    title: null,
    what: 'report on the selling power of influencers, from 3.5M+ Instagram posts',
    knownAs: ['The Selling Power of … Influencers'],
    year: '2021',
    url: null,
    via: 'Scribd (report 522279057)',
    quote: { kind: 'summary', text: 'nano 0–10k · micro 10k–100k · mid 100k–500k · macro 500k–1M · "mega macro" 1M+.' },
    confidence: 'M',
    origin: 'industry',
    platform: 'Instagram',
    role: 'votes',
    tiers: ladder([
      { name: 'nano', normal: 'nano', from: 0, to: 10 * K },
      { name: 'micro', normal: 'micro', from: 10 * K, to: 100 * K },
      { name: 'mid', normal: 'mid', from: 100 * K, to: 500 * K },
      { name: 'macro', normal: 'macro', from: 500 * K, to: M },
      { name: 'mega macro', normal: 'mega', from: M, to: null },
    ]),
    notes: ['Published on Later’s blog; the report itself was read from a copy on Scribd.'],
  },
  {
    id: 'iconosquare',
    name: 'Iconosquare',
    publisher: 'Iconosquare',
    publisherId: 'iconosquare',
    title: null,
    what: 'guide to social media influencers',
    year: '2020',
    url: 'https://blog.iconosquare.com/guide-to-social-media-influencers/',
    quote: { kind: 'summary', text: 'nano ≤10k · micro 10k–100k · macro 100k–1M · mega 1M+.' },
    confidence: 'P',
    origin: 'industry',
    platform: null,
    role: 'votes',
    tiers: ladder([
      { name: 'nano', normal: 'nano', from: 0, to: 10 * K, stated: 'up to 10k' },
      { name: 'micro', normal: 'micro', from: 10 * K, to: 100 * K, fromExclusive: true },
      { name: 'macro', normal: 'macro', from: 100 * K, to: M },
      { name: 'mega', normal: 'mega', from: M, to: null },
    ]),
    notes: ['"≤10k" puts 10,000 itself in nano; its words settle that boundary.', 'Says there is no industry standard.'],
  },
  {
    id: 'cmswire',
    name: 'CMSWire',
    publisher: 'CMSWire',
    publisherId: 'cmswire',
    title: null,
    what: 'article by Gil Eyal on influencer tiers',
    author: 'Gil Eyal',
    year: '2023',
    url: null,
    via: 'getecube.com',
    quote: { kind: 'summary', text: 'nano <1k · micro 1k–100k · macro 100k–1M · mega 1M+.' },
    confidence: 'M',
    origin: 'industry',
    platform: null,
    role: 'votes',
    tiers: ladder([
      { name: 'nano', normal: 'nano', from: 0, to: K, toExclusive: true },
      { name: 'micro', normal: 'micro', from: K, to: 100 * K },
      { name: 'macro', normal: 'macro', from: 100 * K, to: M },
      { name: 'mega', normal: 'mega', from: M, to: null },
    ]),
    notes: [],
  },
  {
    id: 'cnbc-2017',
    name: 'CNBC (2017)',
    publisher: 'CNBC',
    publisherId: 'cnbc',
    title: null,
    what: 'definition of micro-influencers',
    year: '2017',
    url: 'http://blog.industryindex.com/2017/05/04/year-micro-influencer/',
    via: 'Industry Index',
    quote: { kind: 'summary', text: 'micro 10k–100k.' },
    confidence: 'S',
    origin: 'industry',
    platform: null,
    role: 'votes',
    uncoveredBelow: true,
    uncoveredAbove: true,
    tiers: ladder([{ name: 'micro', normal: 'micro', from: 10 * K, to: 100 * K }]),
    notes: ['Differs from the CNBC line TapInfluence quotes (macro = 10,000 or more); this dated one votes.'],
  },
  {
    id: 'digiday-markerly',
    name: 'Digiday (on Markerly)',
    publisher: 'Digiday',
    publisherId: 'digiday',
    title: null,
    what: 'article on micro-influencers and Markerly’s study',
    year: '2016',
    url: 'https://digiday.com/marketing/micro-influencers',
    quote: { kind: 'summary', text: 'micro 10k–100k, the "sweet spot".' },
    confidence: 'P',
    origin: 'industry',
    platform: 'Instagram',
    role: 'votes',
    uncoveredBelow: true,
    uncoveredAbove: true,
    tiers: ladder([{ name: 'micro', normal: 'micro', from: 10 * K, to: 100 * K }]),
    notes: [],
  },
  {
    id: 'hypeauditor',
    name: 'HypeAuditor',
    publisher: 'HypeAuditor',
    publisherId: 'hypeauditor',
    title: null,
    what: 'blog study of 36,000 influencers comparing engagement by size',
    year: null,
    url: 'https://hypeauditor.com/blog/how-do-micro-influencers-and-mega-influencers-compare-in-instagram-engagement-rates',
    quote: {
      kind: 'summary',
      text: 'Instagram user 0–1k · rookie 1k–5k · up-and-coming 5k–20k · prosumer 20k–100k · maven 100k–1M · celebrity >1M.',
    },
    confidence: 'P',
    origin: 'industry',
    platform: 'Instagram',
    role: 'votes',
    tiers: ladder([
      { name: 'Instagram user', normal: 'nano', from: 0, to: K, notInfluencer: true },
      { name: 'rookie', normal: 'nano', from: K, to: 5 * K },
      { name: 'up-and-coming', normal: 'micro', from: 5 * K, to: 20 * K },
      { name: 'prosumer', normal: 'micro', from: 20 * K, to: 100 * K },
      { name: 'maven', normal: 'macro', from: 100 * K, to: M },
      { name: 'celebrity', normal: 'mega', from: M, to: null, fromExclusive: true, stated: 'over 1M' },
    ]),
    notes: [
      '"Instagram user" (0–1k) is its name for accounts that are not influencers: a count there votes for no tier, and is below influencer size.',
      'Its own tier names; the nano/micro/macro/mega mapping is Tierbot’s, by range.',
    ],
  },
  {
    id: 'sprout-social',
    name: 'Sprout Social',
    publisher: 'Sprout Social',
    publisherId: 'sprout-social',
    title: null,
    what: 'help centre: platform tiers of Sprout Social Influencer Marketing (formerly Tagger)',
    year: null,
    url: 'https://help.influencer.sproutsocial.com/en/articles/5297440-overview-tab',
    quote: {
      kind: 'summary',
      text:
        'micro T3 0–4,999 · micro T2 5k–9,999 · micro T1 10k–24,999 · mid T3 25k–149,999 · mid T2 150k–499,999 · ' +
        'mid T1 500k–1M · macro T3 1M–5M · macro T2 5M–10M · macro T1 >10M.',
    },
    confidence: 'P',
    origin: 'industry',
    platform: null,
    role: 'votes',
    tiers: ladder([
      { name: 'micro T3', normal: 'micro', from: 0, to: 4_999, stated: '0–4,999' },
      { name: 'micro T2', normal: 'micro', from: 5 * K, to: 9_999, stated: '5k–9,999' },
      { name: 'micro T1', normal: 'micro', from: 10 * K, to: 24_999, stated: '10k–24,999' },
      { name: 'mid T3', normal: 'mid', from: 25 * K, to: 149_999, stated: '25k–149,999' },
      { name: 'mid T2', normal: 'mid', from: 150 * K, to: 499_999, stated: '150k–499,999' },
      { name: 'mid T1', normal: 'mid', from: 500 * K, to: M },
      { name: 'macro T3', normal: 'macro', from: M, to: 5 * M },
      { name: 'macro T2', normal: 'macro', from: 5 * M, to: 10 * M },
      // Sprout's name for its top tier: it votes with the others' top tiers, mega.
      { name: 'macro T1', normal: 'mega', from: 10 * M, to: null, fromExclusive: true, stated: 'over 10M' },
    ]),
    notes: [
      '1M, 5M and 10M are each claimed by two tiers; the boundary rule gives 1M and 5M to the higher tier, and "over 10M" keeps 10M in macro T2.',
      'Macro T1 is its top tier, so Tierbot counts it as mega; macro T3 and T2 count as macro.',
    ],
  },
  {
    id: 'influence-agency',
    name: 'The Influence Agency',
    publisher: 'The Influence Agency',
    publisherId: 'influence-agency',
    title: null,
    what: 'blog article on what affects influencer rates',
    year: '2022',
    url: 'https://theinfluenceagency.com/blog/factors-that-impact-influencer-rates/',
    quote: { kind: 'summary', text: 'nano 1k–9.9k · micro 10k–49.9k · macro 50k–99.9k · celebrity 100k+.' },
    confidence: 'P',
    origin: 'industry',
    platform: null,
    role: 'votes',
    tiers: ladder([
      { name: 'nano', normal: 'nano', from: K, to: 10 * K, stated: '1k–9.9k' },
      { name: 'micro', normal: 'micro', from: 10 * K, to: 50 * K, stated: '10k–49.9k' },
      { name: 'macro', normal: 'macro', from: 50 * K, to: 100 * K, stated: '50k–99.9k' },
      { name: 'celebrity', normal: 'mega', from: 100 * K, to: null },
    ]),
    notes: [],
  },
  {
    id: 'duel',
    name: 'Duel',
    publisher: 'Duel',
    publisherId: 'duel',
    title: null,
    what: 'glossary entry on influencer tiers',
    year: null,
    url: 'https://www.duel.tech/glossary/influencer-tiers',
    quote: { kind: 'summary', text: 'nano 1k–10k · micro 10k–50k · mid-tier 50k–250k · macro 250k–1M · mega/celebrity 1M+.' },
    confidence: 'P',
    origin: 'industry',
    platform: null,
    role: 'votes',
    tiers: ladder([
      { name: 'nano', normal: 'nano', from: K, to: 10 * K },
      { name: 'micro', normal: 'micro', from: 10 * K, to: 50 * K },
      { name: 'mid-tier', normal: 'mid', from: 50 * K, to: 250 * K },
      { name: 'macro', normal: 'macro', from: 250 * K, to: M },
      { name: 'mega/celebrity', normal: 'mega', from: M, to: null },
    ]),
    notes: [],
  },
  {
    id: 'l2',
    name: 'L2',
    publisher: 'L2',
    publisherId: 'l2',
    title: null,
    what: 'daily insight on measuring the efficacy of influencers',
    year: '2017',
    url: 'https://www.l2inc.com/daily-insights/measuring-the-efficacy-of-influencers',
    quote: { kind: 'summary', text: 'micro <70k · "middling" 70k–2.5M · macro >2.5M · mega >7M.' },
    confidence: 'P',
    origin: 'industry',
    platform: null,
    role: 'votes',
    tiers: ladder([
      { name: 'micro', normal: 'micro', from: 0, to: 70 * K, toExclusive: true },
      { name: 'middling', normal: 'mid', from: 70 * K, to: 2_500 * K },
      { name: 'macro', normal: 'macro', from: 2_500 * K, to: 7 * M, fromExclusive: true, stated: 'over 2.5M' },
      { name: 'mega', normal: 'mega', from: 7 * M, to: null, fromExclusive: true, stated: 'over 7M' },
    ]),
    notes: ['"macro >2.5M" and "mega >7M" overlap as written; Tierbot reads macro as 2.5M–7M.'],
  },
  {
    id: 'inc',
    name: 'Inc.',
    publisher: 'Inc.',
    publisherId: 'inc',
    title: null,
    what: 'article by Brian Hart on reaching millennials through micro-influencers',
    author: 'Brian Hart',
    year: null,
    url: 'https://www.inc.com/brian-hart/this-game-changing-strategy-will-help-your-business-reach-millennials-heres-how-to-use-it.html',
    quote: { kind: 'summary', text: 'micro "about 500 to 10,000".' },
    confidence: 'P',
    origin: 'industry',
    platform: null,
    role: 'votes',
    uncoveredAbove: true,
    tiers: ladder([{ name: 'micro', normal: 'micro', from: 500, to: 10 * K }]),
    notes: [],
  },
  {
    id: 'heepsy',
    name: 'Heepsy',
    publisher: 'Heepsy',
    publisherId: 'heepsy',
    title: null,
    what: 'blog post on three types of influencers by follower count',
    year: null,
    url: 'https://blog.heepsy.com/posts/3-types-of-influencers-according-to-their-followers',
    quote: { kind: 'summary', text: 'micro 5k–30k.' },
    confidence: 'P',
    origin: 'industry',
    platform: null,
    role: 'votes',
    uncoveredBelow: true,
    uncoveredAbove: true,
    tiers: ladder([{ name: 'micro', normal: 'micro', from: 5 * K, to: 30 * K }]),
    notes: [],
  },
  {
    id: 'tapinfluence-2017',
    name: 'TapInfluence (2017)',
    publisher: 'TapInfluence',
    publisherId: 'tapinfluence',
    title: null,
    what: 'resource page on micro and macro influencers',
    year: '2017',
    url: 'https://www.tapinfluence.com/tp_resource/influencers-micro-macro/',
    quote: { kind: 'summary', text: 'micro = total reach 5,000–100,000 ("most marketers have converged").' },
    confidence: 'P',
    origin: 'industry',
    platform: null,
    role: 'votes',
    uncoveredBelow: true,
    uncoveredAbove: true,
    tiers: ladder([{ name: 'micro', normal: 'micro', from: 5 * K, to: 100 * K }]),
    notes: ['Measures total reach, not followers on one platform.'],
  },
  {
    id: 'viral-nation-2019',
    name: 'Viral Nation (2019)',
    publisher: 'Viral Nation',
    publisherId: 'viral-nation',
    title: null,
    what: 'Instagram influencer pricing guide',
    year: '2019',
    url: 'https://www.viralnation.com/blog/instagram-influencer-pricing-your-2019-go-to-guide/',
    quote: { kind: 'summary', text: 'micro ≤10,000 · "power middle" · macro (the numbers of the last two were not seen).' },
    confidence: 'P',
    origin: 'industry',
    platform: 'Instagram',
    role: 'beside',
    uncoveredAbove: true,
    tiers: ladder([{ name: 'micro', normal: 'micro', from: 0, to: 10 * K, stated: 'up to 10k' }]),
    notes: ['Viral Nation’s 2020 definition, the later one, votes instead.'],
  },
  {
    id: 'viral-nation-2020',
    name: 'Viral Nation (2020)',
    publisher: 'Viral Nation',
    publisherId: 'viral-nation',
    title: null,
    what: 'platform-specific tiers',
    year: '2020',
    url: 'https://www.businessinsider.com/types-of-influencers-on-social-media-micro-macro-nano-classification-2020-1',
    via: 'Business Insider',
    quote: { kind: 'summary', text: 'nano: YouTube <5k subscribers · Instagram 2.5k–10k · TikTok 5k–50k.' },
    confidence: 'S',
    origin: 'industry',
    // The other platforms' ranges are in the quote and the note.
    platform: 'Instagram',
    role: 'votes',
    uncoveredAbove: true,
    tiers: ladder([{ name: 'nano', normal: 'nano', from: 2_500, to: 10 * K }]),
    notes: ['Platform-specific: nano is under 5k subscribers on YouTube and 5k–50k on TikTok; the Instagram range is used here.'],
  },
  {
    id: 'aspire',
    name: 'Aspire',
    publisher: 'Aspire',
    publisherId: 'aspire',
    title: null,
    what: 'glossary entry on macro-influencers',
    year: null,
    url: 'https://www.aspire.io/glossary/macro-influencer',
    quote: { kind: 'summary', text: 'macro 200k–1M · mega 1M+.' },
    confidence: 'P',
    origin: 'industry',
    platform: null,
    role: 'votes',
    uncoveredBelow: true,
    tiers: ladder([
      { name: 'macro', normal: 'macro', from: 200 * K, to: M },
      { name: 'mega', normal: 'mega', from: M, to: null },
    ]),
    notes: [],
  },
  {
    id: 'afluencer',
    name: 'Afluencer',
    publisher: 'Afluencer',
    publisherId: 'afluencer',
    title: null,
    what: 'guide to influencer tiers',
    year: null,
    url: 'https://afluencer.com/a-guide-to-influencer-tiers',
    quote: { kind: 'summary', text: 'macro 300k–1M · mega >1M; counts are per platform, not summed.' },
    confidence: 'P',
    origin: 'industry',
    platform: 'per platform (not summed)',
    role: 'votes',
    uncoveredBelow: true,
    tiers: ladder([
      { name: 'macro', normal: 'macro', from: 300 * K, to: M },
      { name: 'mega', normal: 'mega', from: M, to: null, fromExclusive: true, stated: 'over 1M' },
    ]),
    notes: [],
  },
];

const BY_ID = new Map(SOURCES.map((s) => [s.id, s]));

export function sourceById(id: string): Source | undefined {
  return BY_ID.get(id);
}

/** The definitions that vote: a publisher's voting definition, or each of an outlet's readings. */
export function votes(source: Source): boolean {
  return (source.role === 'votes' || source.role === 'reading') && source.tiers.length > 0;
}

/** One publisher and every definition it has in the registry. */
export interface Publisher {
  id: string;
  /** "Mediakix", "CNBC", "A Japanese article on micro-influencers (translated)". */
  name: string;
  /** Short label for lists and buttons. */
  label: string;
  sources: Source[];
  /** Definitions that vote (one, or Adweek's two readings); empty for a copy or no numbers. */
  voting: Source[];
  /** The publisher whose table this one repeats (Hootsuite → Mediakix). */
  sharesWith?: Publisher;
  /** Publishers repeating this one's table. */
  sharedBy: Publisher[];
}

function buildPublishers(): Publisher[] {
  const byId = new Map<string, Publisher>();
  for (const source of SOURCES) {
    let p = byId.get(source.publisherId);
    if (!p) {
      p = { id: source.publisherId, name: source.publisher, label: publisherLabel(source), sources: [], voting: [], sharedBy: [] };
      byId.set(source.publisherId, p);
    }
    p.sources.push(source);
    if (votes(source)) p.voting.push(source);
  }
  for (const source of SOURCES) {
    if (source.role !== 'copy' || !source.copyOf) continue;
    const copy = byId.get(source.publisherId)!;
    const original = byId.get(sourceById(source.copyOf)!.publisherId)!;
    copy.sharesWith = original;
    if (!original.sharedBy.includes(copy)) original.sharedBy.push(copy);
  }
  return [...byId.values()];
}

export const PUBLISHERS: readonly Publisher[] = buildPublishers();

/** Publishers that vote: every publisher with numbers of its own ("m" in "n of m publishers"). */
export const VOTERS: readonly Publisher[] = PUBLISHERS.filter((p) => p.voting.length > 0);

const PUBLISHER_BY_ID = new Map(PUBLISHERS.map((p) => [p.id, p]));

export function publisherById(id: string): Publisher | undefined {
  return PUBLISHER_BY_ID.get(id);
}

export function publisherOf(source: Source): Publisher {
  return PUBLISHER_BY_ID.get(source.publisherId)!;
}

/**
 * Whether a source was read second-hand (reported by, copied on or quoted in another publication):
 * SOURCES.md requires such a figure to say so, never to pass as the publisher's own words.
 */
export function isSecondHand(read: HowRead): boolean {
  return read.confidence === 'S' || read.confidence === 'M' || read.via !== undefined;
}

/**
 * "Mediakix, “Standard Terminology in Influencer Marketing”, c. 2019, from the publisher's page: <link>":
 * publisher, title (only the publisher's own) and year; how it was read, unless what it is already
 * says so ("a line quoted in TapInfluence's blog") or, with `sayFirstHand: false`, it was read
 * first-hand; and its link, when the registry has one.
 */
export function fullCitation(source: Source, { sayFirstHand = true } = {}): string {
  const alreadySaid = source.via !== undefined && source.what.includes(source.via);
  const sayHow = !alreadySaid && (sayFirstHand || isSecondHand(source));
  return `${citation(source)}${sayHow ? `, ${howRead(source)}` : ''}${source.url ? `: ${source.url}` : ''}`;
}

/** A figure reported by a publication the sources do not name: said plainly, not as if it were known. */
export const SECOND_HAND_UNNAMED = 'second-hand; the reporting outlet is not recorded';

/** What says how a definition or a figure was read: its confidence mark and whom it was read through. */
export interface HowRead {
  readonly confidence: Confidence;
  readonly via?: string | undefined;
}

/**
 * How a definition or a figure was read, in words: "from the publisher's page", "as reported by
 * Business Insider". `via` is the publication it was read in: a report quoting it (S, or a
 * publisher's figures read in another's article), the site holding a copy of its text (M), or the
 * article that quotes it (an outlet quoted in one of the articles Tierbot started from).
 */
export function howRead(read: HowRead): string {
  switch (read.confidence) {
    case 'P':
      return read.via ? `as reported by ${read.via}` : "from the publisher's page";
    case 'S':
      return read.via ? `as reported by ${read.via}` : SECOND_HAND_UNNAMED;
    case 'M':
      return `from a copy on ${read.via ?? 'another site'}`;
    case 'seed':
      return read.via ? `as quoted by ${read.via}` : 'from the article itself';
  }
}

/**
 * "Mediakix, “Standard Terminology in Influencer Marketing”, c. 2019" — the title in quotation
 * marks only when it is the publisher's own; otherwise what the piece is. Links are added by the
 * caller (a URL, when there is one).
 */
export function citation(source: Source): string {
  const publisher = unnamedPublisher(source) ? '' : source.publisher;
  const what = source.title ? `“${source.title}”${source.origin === 'article' && !publisher ? `, ${source.what}` : ''}` : source.what;
  const byline = source.author && !what.includes(source.author) ? ` by ${source.author}` : '';
  const text = [publisher, `${what}${byline}`, yearLabel(source)].filter(Boolean).join(', ');
  // An unnamed publisher's citation starts with what the piece is ("a Japanese article…"), and a
  // citation starts a sentence or a list item wherever it is shown.
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A publisher's short label for lists and buttons: its name, or what an unnamed one's article is. */
function publisherLabel(source: Source): string {
  return unnamedPublisher(source) ? source.name : source.publisher;
}

/** An article whose publisher is not named: it is known by what it is (or its title). */
function unnamedPublisher(source: Source): boolean {
  return source.publisher.startsWith('A ') || source.publisher.startsWith('The article ');
}

/** "2017", "c. 2019", or "undated": the year of a source or a citation, as every reply writes it. */
export function yearLabel(dated: { readonly year: string | null }): string {
  return dated.year ?? 'undated';
}

/** Why a publisher without a vote of its own has none, in words. */
export function noVoteNote(p: Publisher): string {
  if (p.sharesWith) return `shares ${p.sharesWith.label}’s definition, so it does not vote again.`;
  const reason = p.sources.find((s) => s.noVoteReason !== undefined)?.noVoteReason;
  return reason ?? 'no numeric definition (it gives no numbers), so no vote.';
}

/**
 * How the publishers' vote is counted, in the words /tier, /tiers and their "All sources" use (the
 * README explains the same rules in its own words). The copies and the readings are read from the
 * registry: a copy of another's table, or an outlet's readings, added to it are said wherever the
 * vote is explained. The other rules are written out, and the one naming the publishers with several
 * definitions is not generated: test/sources-voting-words.test.ts checks that it names every
 * publisher with a definition shown beside its vote.
 */
export interface VotingWords {
  /** "Hootsuite shares Mediakix’s table": who repeats whose table; empty when no one does. */
  copies: string;
  /** "One vote per publisher: Hootsuite shares Mediakix’s table and Adweek’s two readings count once." */
  oneVote: string;
  /** The rules, each a sentence or two, as "All sources" lists them. */
  rules: readonly string[];
}

export function votingWords(sources: readonly Source[] = SOURCES): VotingWords {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const copies = sources.flatMap((copy) => {
    const original = copy.role === 'copy' && copy.copyOf !== undefined ? byId.get(copy.copyOf) : undefined;
    return original ? [{ copy, original }] : [];
  });
  // Each outlet's readings, by publisher: they vote as one.
  const readingsBy = new Map<string, Source[]>();
  for (const reading of sources.filter((s) => s.role === 'reading' && votes(s))) {
    readingsBy.set(reading.publisherId, [...(readingsBy.get(reading.publisherId) ?? []), reading]);
  }
  const readings = [...readingsBy.values()].filter((group) => group.length > 1);

  // Copies of one table are named together: "Hootsuite and X share Mediakix’s table".
  const copiedTables = [...new Set(copies.map(({ original }) => original))].map((original) => {
    const names = copies.filter((c) => c.original === original).map(({ copy }) => publisherLabel(copy));
    return `${andList(names)} ${names.length > 1 ? 'share' : 'shares'} ${publisherLabel(original)}’s table`;
  });
  const countedOnce = readings.map((group) => `${publisherLabel(group[0]!)}’s ${numberWord(group.length)} readings count once`);
  const sharing = [...copiedTables, ...countedOnce];

  const copyRule = [
    'Each publisher votes once.',
    ...copies.map(({ copy, original }) => {
      const [from, to] = [publisherLabel(copy), publisherLabel(original)];
      const tiers = original.tiers.length === 1 ? 'only tier' : `${numberWord(original.tiers.length)} tiers`;
      return `${from} repeats ${to}’s ${tiers} word for word, so it is shown as sharing ${to}’s definition and does not vote again.`;
    }),
  ].join(' ');
  const readingRules = readings.map((group) => {
    const first = group[0]!;
    // Readings quoted from one line of one piece were given in one sentence (Adweek's, in TapInfluence's blog).
    const oneLine = group.every((r) => r.what === first.what && r.via === first.via && r.url === first.url);
    // A reading of one tier is its range alone (Adweek's "under 10,000"); of several, each named.
    const readingWords = (r: Source) => (r.tiers.length === 1 ? rangeInWords(r.tiers[0]!) : r.tiers.map((t) => `${t.name} ${rangeInWords(t)}`).join(', '));
    const ranges = group.map(readingWords).join('; ');
    const either = group.length === 2 ? 'either' : 'any';
    return (
      `${publisherLabel(first)} gives ${numberWord(group.length)} readings${oneLine ? ' in one sentence' : ''} (${ranges}). ` +
      `They count as one voter, for whichever tier ${either} reading gives.`
    );
  });

  return {
    copies: andList(copiedTables),
    oneVote: `One vote per publisher${sharing.length ? `: ${andList(sharing)}` : ''}.`,
    rules: [
      copyRule,
      ...readingRules,
      'A publisher with several definitions counts once: its latest dated definition votes, and the others are shown beside it (CNBC 2017 votes, beside CNBC as quoted by TapInfluence; TapInfluence’s 2017 page votes, beside its blog post; Viral Nation 2020 votes, beside its 2019 guide).',
      'A tier for accounts too small to be influencers (HypeAuditor’s "Instagram user") votes for no tier: a count in it is below influencer size, as under any publisher’s lowest tier.',
      'A count outside the only numbers we have for a publisher is "not covered by the figures we have", not a vote.',
      'When more publishers put a count under their lowest influencer tier than in any one tier, the answer is "below influencer size".',
    ],
  };
}

/** A range as the publisher's words draw it, in full numbers: "under 10,000", "500 to 5,000", "1,000,000 or more". */
function rangeInWords(tier: Tier): string {
  if (tier.lineTo === null) return `${formatCount(tier.lineFrom)} or more`;
  if (tier.lineFrom === 0) return `${tier.max !== null && tier.max < tier.lineTo ? 'under' : 'up to'} ${formatCount(tier.lineTo)}`;
  return `${formatCount(tier.lineFrom)} to ${formatCount(tier.lineTo)}`;
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** "two", "five"; figures past ten. */
function numberWord(n: number): string {
  return NUMBER_WORDS[n] ?? formatCount(n);
}

/** The caveat every overview repeats: Mediakix, Ad Age 2021 and Iconosquare 2020 say there is no standard. */
export const NO_STANDARD =
  'There is no industry standard. Mediakix: "standard influencer tiers have yet to be universally established"; ' +
  'Ad Age (2021) and Iconosquare (2020) say so too.';
