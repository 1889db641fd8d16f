/**
 * The source registry: every named definition of influencer tiers, with its citation and the
 * words its numbers come from. Figures are copied from ../shared/domain/SOURCES.md (industry) and
 * ../shared/seeds/ (seed articles); nothing here is estimated.
 */

import { formatCompact } from './format';

export type NormalTier = 'nano' | 'micro' | 'mid' | 'macro' | 'mega';
export const NORMAL_TIERS: readonly NormalTier[] = ['nano', 'micro', 'mid', 'macro', 'mega'];

/**
 * How sure SOURCES.md is of a definition: P read on the publisher's own page, S a secondary
 * report quoting it, M a copy of its text on another site; seed = one of the seed articles.
 */
export type Confidence = 'P' | 'S' | 'M' | 'seed';

export const CONFIDENCE_LABEL: Record<Confidence, string> = {
  P: "read on the publisher's own page",
  S: 'as reported by a secondary source',
  M: "a copy of the publisher's text on another site",
  seed: 'one of the seed articles',
};

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
}

export interface Source {
  id: string;
  /** Short display name: "Mediakix", "Adweek (500–5,000)". */
  name: string;
  publisher: string;
  title: string;
  year: string | null;
  url: string | null;
  /** 'verbatim': the source's own words. 'summary': SOURCES.md's record of its figures. */
  quote: { text: string; kind: 'verbatim' | 'summary'; via?: string };
  confidence: Confidence;
  origin: 'seed' | 'industry';
  platform: string | null;
  tiers: Tier[];
  notes: string[];
}

/** The boundary rule, stated once to users and applied by `ladder()` to every source. */
export const BOUNDARY_RULE =
  "Where a source's words settle a boundary (\"under 10,000\", \"10,000 or more\"), Tierbot follows its words. " +
  'Where they do not, a number shared by two ranges belongs to the higher tier (10,000 is micro, not nano, for ' +
  'Mediakix\'s "1k–10k · 10k–50k"), and a range end that no other tier starts at is included (90,000 is micro for seed 000).';

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
    return tier;
  });
}

const K = 1_000;
const M = 1_000_000;

const SEED_003 = {
  publisher: 'TapInfluence blog (Laura Smous, Director of Product Marketing)',
  title: 'What is a micro-influencer? (seed 003)',
};

export const SOURCES: readonly Source[] = [
  // ── Seed articles ──────────────────────────────────────────────────────────────────────────
  {
    id: 'seed-000',
    name: 'Seed 000 (translated article)',
    publisher: 'publisher not named (article translated from Japanese)',
    title: 'Characteristics of micro-influencers… (seed 000)',
    year: null,
    url: null,
    quote: {
      kind: 'verbatim',
      text:
        'Micro-influencers are influencers with around 10,000 to 90,000 followers. … macro influencers are defined ' +
        'as 100 to 1 million people, and top influencers are defined as 1 million or more people.',
    },
    confidence: 'seed',
    origin: 'seed',
    platform: null,
    tiers: ladder([
      { name: 'micro', normal: 'micro', from: 10 * K, to: 90 * K },
      { name: 'macro', normal: 'macro', from: 100 * K, to: M },
      { name: 'top influencer', normal: 'mega', from: M, to: null },
    ]),
    notes: [
      'Nano is named but given no range, so counts under 10,000 fall below its lowest numbered tier.',
      '"100 to 1 million" is read as 100,000 to 1 million, as SOURCES.md reads it.',
      'Its summary names four categories; the translation garbles the second ("power" influencer).',
    ],
  },
  {
    id: 'seed-001',
    name: 'Seed 001 (Rise of Micro-Influencers)',
    publisher: 'publisher not named (cites influencermarketinghub.com)',
    title: 'Rise of Micro-Influencers on Social Media (seed 001)',
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
    origin: 'seed',
    platform: 'social media in general',
    tiers: ladder([
      { name: 'micro', normal: 'micro', from: 5 * K, to: 10 * K },
      { name: 'macro', normal: 'macro', from: 10 * K, to: 100 * K, fromExclusive: true, stated: 'more than 10k' },
      { name: 'regular influencer', normal: 'mega', from: 100 * K, to: null },
    ]),
    notes: [
      'Advises picking ten influencers with 5,000–10,000 followers each.',
      'Counts under 5,000 fall below its lowest tier.',
    ],
  },
  {
    id: 'fiveable',
    name: 'Fiveable (seed 002)',
    publisher: 'Fiveable',
    title: 'Intro to Social Media — key term: Micro-influencers (seed 002)',
    year: '2024',
    url: null,
    quote: {
      kind: 'verbatim',
      text:
        'Micro-influencers are social media users with a smaller but highly engaged following, typically ranging ' +
        'from 1,000 to 100,000 followers.',
    },
    confidence: 'seed',
    origin: 'seed',
    platform: 'social media in general',
    tiers: ladder([{ name: 'micro', normal: 'micro', from: K, to: 100 * K }]),
    notes: ['Defines micro only: counts outside 1,000–100,000 are outside its definition.'],
  },
  {
    id: 'cnbc-seed',
    name: 'CNBC (quoted in seed 003)',
    publisher: `CNBC, as quoted by ${SEED_003.publisher}`,
    title: SEED_003.title,
    year: null,
    url: null,
    quote: {
      kind: 'verbatim',
      via: 'seed 003',
      text:
        'Macro-influencers are defined as social-media users with 10,000 or more followers on their accounts, while ' +
        'micro-influencers are the rest of us.',
    },
    confidence: 'seed',
    origin: 'seed',
    platform: null,
    tiers: ladder([
      { name: 'micro', normal: 'micro', from: 0, to: 10 * K, toExclusive: true },
      { name: 'macro', normal: 'macro', from: 10 * K, to: null },
    ]),
    notes: ['Differs from the CNBC line quoted in 2017 (micro 10k–100k): see "CNBC (2017)".'],
  },
  {
    id: 'adweek-under-10k',
    name: 'Adweek (under 10,000)',
    publisher: `Adweek, as quoted by ${SEED_003.publisher}`,
    title: SEED_003.title,
    year: null,
    url: null,
    quote: {
      kind: 'verbatim',
      via: 'seed 003',
      text: 'Some in the industry attribute the title to influencers with under 10,000 followers.',
    },
    confidence: 'seed',
    origin: 'seed',
    platform: null,
    tiers: ladder([{ name: 'micro', normal: 'micro', from: 0, to: 10 * K, toExclusive: true }]),
    notes: ['The first of the two readings Adweek reports; no lower bound.'],
  },
  {
    id: 'adweek-500-5000',
    name: 'Adweek (500–5,000)',
    publisher: `Adweek, as quoted by ${SEED_003.publisher}`,
    title: SEED_003.title,
    year: null,
    url: null,
    quote: { kind: 'verbatim', via: 'seed 003', text: 'Others say between 500 and 5,000.' },
    confidence: 'seed',
    origin: 'seed',
    platform: null,
    tiers: ladder([{ name: 'micro', normal: 'micro', from: 500, to: 5 * K }]),
    notes: ['The second of the two readings Adweek reports.'],
  },
  {
    id: 'forbes-seed',
    name: 'Forbes (quoted in seed 003)',
    publisher: `Forbes, as quoted by ${SEED_003.publisher}`,
    title: SEED_003.title,
    year: null,
    url: null,
    quote: {
      kind: 'verbatim',
      via: 'seed 003',
      text:
        'More and more, brands are turning to people with far less numbers of followers—sometimes even as low as ' +
        '8,000—to help them share their messages.',
    },
    confidence: 'seed',
    origin: 'seed',
    platform: null,
    tiers: ladder([{ name: 'micro', normal: 'micro', from: 8 * K, to: null, upperUnstated: true }]),
    notes: ['Gives a floor ("as low as 8,000") and no upper bound, so it cannot place counts above 8,000.'],
  },
  {
    id: 'tapinfluence-view',
    name: 'TapInfluence (seed 003, own view)',
    publisher: SEED_003.publisher,
    title: SEED_003.title,
    year: null,
    url: null,
    quote: {
      kind: 'verbatim',
      text:
        'While there is some consensus putting the upper bound of micro-influencer at around 10,000 followers … ' +
        'Our take? Don’t impose arbitrary minimums on micro-influencers.',
    },
    confidence: 'seed',
    origin: 'seed',
    platform: null,
    tiers: ladder([{ name: 'micro', normal: 'micro', from: 0, to: 10 * K, stated: 'up to about 10k, no lower bound' }]),
    notes: ['No lower bound, by design.', 'Also the source of the Kardashian example and "10 × 10,000 rather than 1 × 100,000".'],
  },
  {
    id: 'seed-004',
    name: 'Digital Reflections (seed 004)',
    publisher: 'Stefani Bujanović, Digital Reflections (Medium)',
    title: 'Micro influencing — less is more (seed 004)',
    year: '2019',
    url: null,
    quote: {
      kind: 'verbatim',
      text:
        'A regular influencer has a really big number of followers. … it’s all about big and fat numbers. … ' +
        'Micro influencing is all about impact. Numbers are a bit modest.',
    },
    confidence: 'seed',
    origin: 'seed',
    platform: null,
    tiers: [],
    notes: ['Defines micro by niche audience, trust and an emotional bond; it gives no numbers.'],
  },

  // ── Industry definitions (SOURCES.md §1b) ──────────────────────────────────────────────────
  {
    id: 'mediakix',
    name: 'Mediakix',
    publisher: 'Mediakix',
    title: 'Standard Terminology in Influencer Marketing',
    year: 'c.2019',
    url: 'https://mediakix.com/influencer-marketing-resources/influencer-tiers/',
    quote: {
      kind: 'summary',
      text: 'nano 1k–10k · micro 10k–50k · mid-tier 50k–500k · macro 500k–1M · mega 1M+. "Standard influencer tiers have yet to be universally established."',
    },
    confidence: 'P',
    origin: 'industry',
    platform: 'Instagram',
    tiers: ladder([
      { name: 'nano', normal: 'nano', from: K, to: 10 * K },
      { name: 'micro', normal: 'micro', from: 10 * K, to: 50 * K },
      { name: 'mid-tier', normal: 'mid', from: 50 * K, to: 500 * K },
      { name: 'macro', normal: 'macro', from: 500 * K, to: M },
      { name: 'mega', normal: 'mega', from: M, to: null },
    ]),
    notes: ['Says itself that standard tiers "have yet to be universally established".'],
  },
  {
    id: 'hootsuite',
    name: 'Hootsuite',
    publisher: 'Hootsuite',
    title: 'Instagram influencer rates (blog article)',
    year: null,
    url: 'https://blog.hootsuite.com/instagram-influencer-rates/',
    quote: { kind: 'summary', text: 'The same five tiers as Mediakix: nano 1k–10k · micro 10k–50k · mid-tier 50k–500k · macro 500k–1M · mega 1M+.' },
    confidence: 'P',
    origin: 'industry',
    platform: 'Instagram',
    tiers: ladder([
      { name: 'nano', normal: 'nano', from: K, to: 10 * K },
      { name: 'micro', normal: 'micro', from: 10 * K, to: 50 * K },
      { name: 'mid-tier', normal: 'mid', from: 50 * K, to: 500 * K },
      { name: 'macro', normal: 'macro', from: 500 * K, to: M },
      { name: 'mega', normal: 'mega', from: M, to: null },
    ]),
    notes: [],
  },
  {
    id: 'later-fohr',
    name: 'Later × Fohr',
    publisher: 'Later × Fohr',
    title: 'The Selling Power of … Influencers (3.5M+ Instagram posts)',
    year: '2021',
    url: null,
    quote: { kind: 'summary', text: 'nano 0–10k · micro 10k–100k · mid 100k–500k · macro 500k–1M · "mega macro" 1M+.' },
    confidence: 'M',
    origin: 'industry',
    platform: 'Instagram',
    tiers: ladder([
      { name: 'nano', normal: 'nano', from: 0, to: 10 * K },
      { name: 'micro', normal: 'micro', from: 10 * K, to: 100 * K },
      { name: 'mid', normal: 'mid', from: 100 * K, to: 500 * K },
      { name: 'macro', normal: 'macro', from: 500 * K, to: M },
      { name: 'mega macro', normal: 'mega', from: M, to: null },
    ]),
    notes: ['Text read from a copy on another site (Later blog; report on Scribd, 522279057).'],
  },
  {
    id: 'iconosquare',
    name: 'Iconosquare',
    publisher: 'Iconosquare',
    title: 'Guide to social media influencers',
    year: '2020',
    url: 'https://blog.iconosquare.com/guide-to-social-media-influencers/',
    quote: { kind: 'summary', text: 'nano ≤10k · micro 10k–100k · macro 100k–1M · mega 1M+.' },
    confidence: 'P',
    origin: 'industry',
    platform: null,
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
    publisher: 'CMSWire (Gil Eyal)',
    title: 'Influencer tiers (as mirrored)',
    year: '2023',
    url: null,
    quote: { kind: 'summary', text: 'nano <1k · micro 1k–100k · macro 100k–1M · mega 1M+.' },
    confidence: 'M',
    origin: 'industry',
    platform: null,
    tiers: ladder([
      { name: 'nano', normal: 'nano', from: 0, to: K, toExclusive: true },
      { name: 'micro', normal: 'micro', from: K, to: 100 * K },
      { name: 'macro', normal: 'macro', from: 100 * K, to: M },
      { name: 'mega', normal: 'mega', from: M, to: null },
    ]),
    notes: ['Read from a mirror (getecube.com), not CMSWire\'s own page.'],
  },
  {
    id: 'cnbc-2017',
    name: 'CNBC (2017)',
    publisher: 'CNBC, as quoted by Industry Index',
    title: 'The year of the micro-influencer',
    year: '2017',
    url: 'http://blog.industryindex.com/2017/05/04/year-micro-influencer/',
    quote: { kind: 'summary', via: 'Industry Index', text: 'micro 10k–100k.' },
    confidence: 'S',
    origin: 'industry',
    platform: null,
    tiers: ladder([{ name: 'micro', normal: 'micro', from: 10 * K, to: 100 * K }]),
    notes: ['Differs from the CNBC line quoted in seed 003 (macro = 10,000 or more).'],
  },
  {
    id: 'digiday-markerly',
    name: 'Digiday on Markerly',
    publisher: 'Digiday',
    title: 'Micro-influencers (on Markerly\'s study)',
    year: '2016',
    url: 'https://digiday.com/marketing/micro-influencers',
    quote: { kind: 'summary', text: 'micro 10k–100k, the "sweet spot".' },
    confidence: 'P',
    origin: 'industry',
    platform: 'Instagram',
    tiers: ladder([{ name: 'micro', normal: 'micro', from: 10 * K, to: 100 * K }]),
    notes: [],
  },
  {
    id: 'hypeauditor',
    name: 'HypeAuditor',
    publisher: 'HypeAuditor',
    title: 'How do micro-influencers and mega-influencers compare in Instagram engagement rates (36,000 influencers)',
    year: null,
    url: 'https://hypeauditor.com/blog/how-do-micro-influencers-and-mega-influencers-compare-in-instagram-engagement-rates',
    quote: {
      kind: 'summary',
      text: 'Instagram user 0–1k · rookie 1k–5k · up-and-coming 5k–20k · prosumer 20k–100k · maven 100k–1M · celebrity >1M.',
    },
    confidence: 'P',
    origin: 'industry',
    platform: 'Instagram',
    tiers: ladder([
      { name: 'Instagram user', normal: 'nano', from: 0, to: K },
      { name: 'rookie', normal: 'nano', from: K, to: 5 * K },
      { name: 'up-and-coming', normal: 'micro', from: 5 * K, to: 20 * K },
      { name: 'prosumer', normal: 'micro', from: 20 * K, to: 100 * K },
      { name: 'maven', normal: 'macro', from: 100 * K, to: M },
      { name: 'celebrity', normal: 'mega', from: M, to: null, fromExclusive: true, stated: 'over 1M' },
    ]),
    notes: ['Its own tier names; the nano/micro/macro/mega mapping is Tierbot\'s, by range.'],
  },
  {
    id: 'sprout-social',
    name: 'Sprout Social',
    publisher: 'Sprout Social Influencer Marketing (formerly Tagger)',
    title: 'Overview tab — platform tiers',
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
    tiers: ladder([
      { name: 'micro T3', normal: 'micro', from: 0, to: 4_999, stated: '0–4,999' },
      { name: 'micro T2', normal: 'micro', from: 5 * K, to: 9_999, stated: '5k–9,999' },
      { name: 'micro T1', normal: 'micro', from: 10 * K, to: 24_999, stated: '10k–24,999' },
      { name: 'mid T3', normal: 'mid', from: 25 * K, to: 149_999, stated: '25k–149,999' },
      { name: 'mid T2', normal: 'mid', from: 150 * K, to: 499_999, stated: '150k–499,999' },
      { name: 'mid T1', normal: 'mid', from: 500 * K, to: M },
      { name: 'macro T3', normal: 'macro', from: M, to: 5 * M },
      { name: 'macro T2', normal: 'macro', from: 5 * M, to: 10 * M },
      { name: 'macro T1', normal: 'macro', from: 10 * M, to: null, fromExclusive: true, stated: 'over 10M' },
    ]),
    notes: ['1M, 5M and 10M are each claimed by two tiers; the boundary rule gives 1M and 5M to the higher tier, and "over 10M" keeps 10M in macro T2.'],
  },
  {
    id: 'influence-agency',
    name: 'The Influence Agency',
    publisher: 'The Influence Agency',
    title: 'Factors that impact influencer rates',
    year: '2022',
    url: 'https://theinfluenceagency.com/blog/factors-that-impact-influencer-rates/',
    quote: { kind: 'summary', text: 'nano 1k–9.9k · micro 10k–49.9k · macro 50k–99.9k · celebrity 100k+.' },
    confidence: 'P',
    origin: 'industry',
    platform: null,
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
    title: 'Glossary: influencer tiers',
    year: null,
    url: 'https://www.duel.tech/glossary/influencer-tiers',
    quote: { kind: 'summary', text: 'nano 1k–10k · micro 10k–50k · mid-tier 50k–250k · macro 250k–1M · mega/celebrity 1M+.' },
    confidence: 'P',
    origin: 'industry',
    platform: null,
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
    title: 'Measuring the efficacy of influencers',
    year: '2017',
    url: 'https://www.l2inc.com/daily-insights/measuring-the-efficacy-of-influencers',
    quote: { kind: 'summary', text: 'micro <70k · "middling" 70k–2.5M · macro >2.5M · mega >7M.' },
    confidence: 'P',
    origin: 'industry',
    platform: null,
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
    publisher: 'Inc. (Brian Hart)',
    title: 'This game-changing strategy will help your business reach millennials',
    year: null,
    url: 'https://www.inc.com/brian-hart/this-game-changing-strategy-will-help-your-business-reach-millennials-heres-how-to-use-it.html',
    quote: { kind: 'summary', text: 'micro "about 500 to 10,000".' },
    confidence: 'P',
    origin: 'industry',
    platform: null,
    tiers: ladder([{ name: 'micro', normal: 'micro', from: 500, to: 10 * K }]),
    notes: [],
  },
  {
    id: 'heepsy',
    name: 'Heepsy',
    publisher: 'Heepsy',
    title: '3 types of influencers according to their followers',
    year: null,
    url: 'https://blog.heepsy.com/posts/3-types-of-influencers-according-to-their-followers',
    quote: { kind: 'summary', text: 'micro 5k–30k.' },
    confidence: 'P',
    origin: 'industry',
    platform: null,
    tiers: ladder([{ name: 'micro', normal: 'micro', from: 5 * K, to: 30 * K }]),
    notes: ['Only its micro range is recorded in SOURCES.md.'],
  },
  {
    id: 'tapinfluence-2017',
    name: 'TapInfluence (2017)',
    publisher: 'TapInfluence',
    title: 'Influencers: micro vs macro (resource page)',
    year: '2017',
    url: 'https://www.tapinfluence.com/tp_resource/influencers-micro-macro/',
    quote: { kind: 'summary', text: 'micro = total reach 5,000–100,000 ("most marketers have converged").' },
    confidence: 'P',
    origin: 'industry',
    platform: null,
    tiers: ladder([{ name: 'micro', normal: 'micro', from: 5 * K, to: 100 * K }]),
    notes: ['Measures total reach, not followers on one platform.'],
  },
  {
    id: 'viral-nation-2019',
    name: 'Viral Nation (2019)',
    publisher: 'Viral Nation',
    title: 'Instagram influencer pricing: your 2019 go-to guide',
    year: '2019',
    url: 'https://www.viralnation.com/blog/instagram-influencer-pricing-your-2019-go-to-guide/',
    quote: { kind: 'summary', text: 'micro ≤10,000 · "power middle" · macro (numbers of the last two not seen).' },
    confidence: 'P',
    origin: 'industry',
    platform: 'Instagram',
    tiers: ladder([{ name: 'micro', normal: 'micro', from: 0, to: 10 * K, stated: 'up to 10k' }]),
    notes: ['Names "power middle" and macro above micro, but their numbers were not seen: counts over 10,000 are unplaced.'],
  },
  {
    id: 'viral-nation-2020',
    name: 'Viral Nation (2020, Instagram)',
    publisher: 'Viral Nation, via Business Insider',
    title: 'Types of influencers on social media: micro, macro, nano classification',
    year: '2020',
    url: 'https://www.businessinsider.com/types-of-influencers-on-social-media-micro-macro-nano-classification-2020-1',
    quote: { kind: 'summary', via: 'Business Insider', text: 'nano: YouTube <5k subscribers · Instagram 2.5k–10k · TikTok 5k–50k.' },
    confidence: 'S',
    origin: 'industry',
    platform: 'Instagram (YouTube under 5k, TikTok 5k–50k)',
    tiers: ladder([{ name: 'nano', normal: 'nano', from: 2_500, to: 10 * K }]),
    notes: ['Platform-specific: nano is under 5k subscribers on YouTube and 5k–50k on TikTok; the Instagram range is used here.'],
  },
  {
    id: 'aspire',
    name: 'Aspire',
    publisher: 'Aspire',
    title: 'Glossary: macro-influencer',
    year: null,
    url: 'https://www.aspire.io/glossary/macro-influencer',
    quote: { kind: 'summary', text: 'macro 200k–1M · mega 1M+.' },
    confidence: 'P',
    origin: 'industry',
    platform: null,
    tiers: ladder([
      { name: 'macro', normal: 'macro', from: 200 * K, to: M },
      { name: 'mega', normal: 'mega', from: M, to: null },
    ]),
    notes: ['Defines the top two tiers only.'],
  },
  {
    id: 'afluencer',
    name: 'Afluencer',
    publisher: 'Afluencer',
    title: 'A guide to influencer tiers',
    year: null,
    url: 'https://afluencer.com/a-guide-to-influencer-tiers',
    quote: { kind: 'summary', text: 'macro 300k–1M · mega >1M; counts are per platform, not summed.' },
    confidence: 'P',
    origin: 'industry',
    platform: 'per platform (not summed)',
    tiers: ladder([
      { name: 'macro', normal: 'macro', from: 300 * K, to: M },
      { name: 'mega', normal: 'mega', from: M, to: null, fromExclusive: true, stated: 'over 1M' },
    ]),
    notes: ['Defines the top two tiers only; counts are per platform, not summed.'],
  },
];

const BY_ID = new Map(SOURCES.map((s) => [s.id, s]));

export function sourceById(id: string): Source | undefined {
  return BY_ID.get(id);
}

/** "Mediakix, Standard Terminology in Influencer Marketing, c.2019". */
export function citation(source: Source): string {
  return [source.publisher, `“${source.title}”`, source.year ?? 'n.d.'].join(', ');
}

/** The caveat every overview repeats: SOURCES.md, quoting Mediakix, Ad Age 2021 and Iconosquare 2020. */
export const NO_STANDARD =
  'There is no industry standard. Mediakix: "standard influencer tiers have yet to be universally established"; ' +
  'Ad Age (2021) and Iconosquare (2020) say so too.';
