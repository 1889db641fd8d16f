/**
 * The figures behind /compare's funnel, each with its citation, copied from
 * ../shared/domain/SOURCES.md (§2 engagement, §2b reach and clicks, §3 prices, §4 cases) and the
 * TapInfluence article among the seeds. Where no source gives a figure, the value is a Tierbot
 * assumption and says so, with its range. A figure used outside the tier or platform its source
 * measured is an extrapolation, never "sourced".
 *
 * Adding a platform to /compare takes sourced figures, each with its citation: an engagement
 * rate by followers (PLATFORM_ENGAGEMENT), a reach rate or what the sources say of its absence
 * (PLATFORM_REACH) and a CPM range (CPM_REFERENCE); TypeScript refuses a Platform missing from
 * any of them, or a figure without its citation. Its PLATFORM_LABEL is its name in
 * KNOWN_PLATFORMS (platforms.ts), whose aliases /compare accepts; it goes at the end of
 * PLATFORMS, whose order /compare's buttons carry. SOURCES.md has none of these figures for
 * Facebook, so /compare has no Facebook until a source gives them.
 */

import { formatCount } from './format';
import { howRead, isSecondHand, sourceById, yearLabel, type Confidence } from './sources';
import { formatMoney } from './units';

export type Platform = 'instagram' | 'tiktok' | 'youtube';
export const PLATFORMS: readonly Platform[] = ['instagram', 'tiktok', 'youtube'];
export const PLATFORM_LABEL: Record<Platform, string> = { instagram: 'Instagram', tiktok: 'TikTok', youtube: 'YouTube' };

/** What a platform's audience is counted in: "followers", or "subscribers" on YouTube. */
export function audienceWord(platform: Platform): 'followers' | 'subscribers' {
  return platform === 'youtube' ? 'subscribers' : 'followers';
}

/**
 * A publication as users see it: publisher, its real title only where one was read, the year
 * and a link. `what` describes the figure's origin when there is no title to quote.
 */
export interface Citation {
  publisher: string;
  /** The publication's own title; never made up from a URL. */
  title?: string;
  /** What the figure comes from, when no title was read ("survey of ~2M Instagram influencers"). */
  what?: string;
  year: string | null;
  url?: string;
  /** The publication a figure was read in: a report quoting it, or a site holding a copy (see howRead). */
  via?: string;
  /** SOURCES.md's confidence mark; never shown to users. */
  confidence: Confidence;
}

/**
 * sourced: a source states the figure for this tier and platform. observed: a reported case.
 * extrapolated: a sourced figure used outside the tier or platform it was measured on.
 * assumption: Tierbot's own choice, with its range. input: typed by the user. budget: bought by the budget
 * (or by Plan A's cost, when the Equal budget button set Plan B's count).
 * unreported: no figure is recorded for this plan and none was given.
 */
export type Basis = 'sourced' | 'observed' | 'extrapolated' | 'assumption' | 'input' | 'budget' | 'unreported';

/**
 * How a second-hand figure was read ("as reported by Digiday"), in the words the source registry
 * uses, or null for one read on the publisher's own page. SOURCES.md requires an [S] or [M] figure
 * to say so wherever it is shown; where the reporting publication is not recorded, the words say that much.
 */
export function reportedBy(c: Citation): string | null {
  return isSecondHand(c) ? howRead(c) : null;
}

/**
 * "Markerly 2016", "GRIN, undated": the publisher and its year, the short form of every citation.
 * A year reads as part of the name; "undated" is a remark about it, so a comma sets it off.
 */
export function publisherYear(c: Citation): string {
  return c.year === null ? `${c.publisher}, ${yearLabel(c)}` : `${c.publisher} ${c.year}`;
}

/** "Markerly, survey of ~2M Instagram influencers (like rate), 2016": publisher, title (or what it is) and year. */
export function citeWords(c: Citation): string {
  const title = c.title ? `, “${c.title}”` : c.what ? `, ${c.what}` : '';
  return `${c.publisher}${title}, ${yearLabel(c)}`;
}

/** "Markerly, survey of ~2M Instagram influencers (like rate), 2016 (as reported by Digiday)": plain text. */
export function citeText(c: Citation): string {
  const reported = reportedBy(c);
  return `${citeWords(c)}${reported ? ` (${reported})` : ''}`;
}

/** "Markerly 2016 (as reported by Digiday)": publisher and year, and how a second-hand figure was read. */
export function citeBrief(c: Citation): string {
  const reported = reportedBy(c);
  return `${publisherYear(c)}${reported ? ` (${reported})` : ''}`;
}

// ── Price rules (SOURCES.md §3) ───────────────────────────────────────────────────────────────

/*
 * Each rule's figure is held once, here; the words every reply and citation uses for it are
 * written from that figure, so a change to a rule changes them all.
 */

/** "$4–9": whole dollars from `low` to `high`, the dollar sign once, as the sources write a range. */
export function dollarRange(low: number, high: number): string {
  return `${formatMoney(low)}–${formatCount(high)}`;
}

/** The cent-per-follower rule ($100 per 10,000 followers): the rule the default fee comes from. */
export const CENT_PER_FOLLOWER = 0.01;
/** The followers the rule is stated per: "$100 per 10,000 followers". */
export const CENT_RULE_FOLLOWERS = 10_000;
/** "$100 per 10,000 followers", as the rule is reported. */
export const CENT_RULE_TEXT = `${formatMoney(CENT_RULE_FOLLOWERS * CENT_PER_FOLLOWER)} per ${formatCount(CENT_RULE_FOLLOWERS)} followers`;
/** The largest account the rule's own examples price (1M followers ≈ $10,000); past it the rule is extrapolated. */
export const CENT_RULE_LARGEST_EXAMPLE = 1_000_000;
/** GRIN: $4–9 per 1,000 followers per piece of content. */
export const GRIN_PER_FOLLOWER = { low: 0.004, high: 0.009 } as const;
/** "$4–9 per 1,000 followers". */
export const GRIN_RULE_TEXT = `${dollarRange(1_000 * GRIN_PER_FOLLOWER.low, 1_000 * GRIN_PER_FOLLOWER.high)} per ${formatCount(1_000)} followers`;
/** Traackr's default: CPM $6 ÷ 4% target engagement = $150 per 1,000 engagements (Instagram). */
export const TRAACKR_CPME = 150;
/** "$150 per 1,000 engagements". */
export const TRAACKR_RULE_TEXT = `${formatMoney(TRAACKR_CPME)} per ${formatCount(1_000)} engagements`;

// ── Citations ─────────────────────────────────────────────────────────────────────────────────

/** A tier source cited for a figure too, in the registry's words, so /compare cites it as /tiers and /glossary do. */
function registryCitation(id: string): Citation {
  const source = sourceById(id);
  if (!source) throw new Error(`No source ${id} in the registry`);
  return {
    publisher: source.publisher,
    ...(source.title ? { title: source.title } : { what: source.what }),
    year: source.year,
    ...(source.url ? { url: source.url } : {}),
    ...(source.via ? { via: source.via } : {}),
    confidence: source.confidence,
  };
}

/** Every figure Tierbot cites outside the tier definitions: also what /tiers source: lists for a publisher it has no tiers from. */
export const CITE = {
  tapInfluence: registryCitation('tapinfluence-view'),
  minter: {
    publisher: 'Minter.io',
    title: 'How much reach should my brand be getting on Instagram?',
    year: '2019',
    url: 'https://minter.io/blog/how-much-reach-should-my-brand-be-getting-on-instagram/',
    confidence: 'P',
  },
  bazaarvoice: {
    publisher: 'Bazaarvoice',
    title: 'Key Instagram benchmarks for 2021',
    year: '2021',
    url: 'https://www.bazaarvoice.com/blog/key-instagram-benchmarks-for-2021/',
    confidence: 'P',
  },
  hypeAuditor2018: {
    publisher: 'HypeAuditor',
    what: 'Instagram engagement rate benchmark, March 2018 (~37,000 accounts)',
    year: '2018',
    url: 'https://hypeauditor.com/blog/what-is-instagram-engagement-rate-and-how-to-calculate-it',
    confidence: 'P',
  },
  markerly: {
    publisher: 'Markerly',
    what: 'survey of ~2M Instagram influencers (like rate)',
    year: '2016',
    url: 'https://digiday.com/marketing/micro-influencers',
    via: 'Digiday',
    confidence: 'P',
  },
  influencerDb: { publisher: 'InfluencerDB', what: 'benchmarks of 307k Instagram accounts', year: '2019', confidence: 'P' },
  hypeAuditor2023: { publisher: 'HypeAuditor', what: 'State of Influencer Marketing report', year: '2023', confidence: 'S' },
  hypeAuditor2026: { publisher: 'HypeAuditor', what: 'State of Influencer Marketing report', year: '2026', via: 'eMarketer', confidence: 'S' },
  mediakix2017: { publisher: 'Mediakix', what: 'study of 742 sponsored Instagram posts', year: '2017', confidence: 'S' },
  // SOURCES.md records no title for it: "Benchmark Report" says what it is, not a quoted title.
  imh2021: { publisher: 'Influencer Marketing Hub', what: 'Benchmark Report', year: '2021', via: 'ION', confidence: 'S' },
  centRule: { publisher: 'Rule of thumb', what: CENT_RULE_TEXT, year: null, via: 'USA Today and Shopify', confidence: 'S' },
  grin: { publisher: 'GRIN', what: `budget rule of ${GRIN_RULE_TEXT} per piece of content`, year: null, confidence: 'P' },
  traackr: {
    publisher: 'Traackr',
    what: 'budget calculator set-up (help centre)',
    year: null,
    url: 'http://help.traackr.com/en/articles/3770752-budget-calculator-setup',
    confidence: 'P',
  },
  adAge: { publisher: 'Ad Age', what: 'Kim Kardashian West’s fee per sponsored Instagram post', year: '2020', confidence: 'P' },
  // Quoted in the /tiers overview's caveat (NO_STANDARD); no title or page is recorded.
  adAgeNoStandard: { publisher: 'Ad Age', what: 'that influencer tiers have no industry standard', year: '2021', confidence: 'P' },
  fab: { publisher: 'Fab.com', what: '“Celebrity Blastoff” results', year: '2011', confidence: 'P' },
  influencity: { publisher: 'Influencity', what: 'audience overlap illustration', year: null, confidence: 'P' },
  frequencyRule: { publisher: 'Stellar and Influencity', what: 'forecasting rule “impressions = reach × 1.25”', year: null, confidence: 'S' },
  linkGlossaries: {
    publisher: 'Link-in-bio rule of thumb',
    what: 'click-through of 0.5–1.5% of impressions, unaudited',
    year: null,
    via: 'codivupload.com and creatorlanehq.com glossaries',
    confidence: 'S',
  },
  wordOnTheBlock: { publisher: 'Word on the Block', what: 'influencer pricing guide', year: '2023', confidence: 'P' },
  upfluence: { publisher: 'Upfluence', what: '“industry standard” CPM', year: null, confidence: 'P' },
} as const satisfies Record<string, Citation>;

// ── Follower bands ────────────────────────────────────────────────────────────────────────────

/** Followers from min to max, both inclusive; max null = open-ended. */
export interface Band {
  min: number;
  max: number | null;
  stated: string;
}

export function inBand(band: Band, followers: number): boolean {
  return followers >= band.min && (band.max === null || followers <= band.max);
}

/** A figure a source gives for one band: a single value, or its own low–high. */
export interface BandFigure {
  band: Band;
  low: number;
  high: number;
  source: Citation;
  /** How this source measures it ("average", "median", "like rate, sponsored posts"). */
  measure: string;
}

const fig = (min: number, max: number | null, stated: string, low: number, source: Citation, measure: string, high = low): BandFigure => ({
  band: { min, max, stated },
  low,
  high,
  source,
  measure,
});

// ── Reach rate (SOURCES.md §2b) ───────────────────────────────────────────────────────────────

/*
 * Band boundaries follow BOUNDARY_RULE (sources.ts), as /tier does: where the publisher's words
 * settle a boundary they are followed (">1M" leaves 1,000,000 itself in "100k–1M"; "under 10k"
 * stops at 9,999); otherwise a number shared by two bands belongs to the higher one (20,000 is in
 * "20k–100k"), and a band end no other band starts at is included.
 */

/** Minter.io 2019: median post reach ÷ followers on Instagram, by followers ("0–20k … >1M"). */
export const MINTER_REACH: readonly BandFigure[] = [
  fig(0, 19_999, '0–20k', 37.72, CITE.minter, 'median post reach'),
  fig(20_000, 99_999, '20k–100k', 22.945, CITE.minter, 'median post reach'),
  fig(100_000, 1_000_000, '100k–1M', 22.885, CITE.minter, 'median post reach'),
  fig(1_000_001, null, 'over 1M', 19.09, CITE.minter, 'median post reach'),
];

/** Bazaarvoice 2021, the cross-check: what brand accounts should aim for ("over 500k", "under 10k"). */
export const BAZAARVOICE_REACH: readonly BandFigure[] = [
  fig(0, 9_999, 'under 10k', 36, CITE.bazaarvoice, 'post reach a brand account should aim for'),
  fig(500_001, null, 'over 500k', 15, CITE.bazaarvoice, 'post reach a brand account should aim for'),
];

// ── Engagement rate by followers (SOURCES.md §2) ──────────────────────────────────────────────

/**
 * HypeAuditor 2018 is the one table that covers every band on one definition ((likes + comments)
 * ÷ followers), so its average is the expected value for both plans; every other source whose
 * band contains the count widens the range.
 */
const HYPEAUDITOR_2018_AVERAGE: readonly BandFigure[] = [
  fig(0, 999, '0–1k', 10.58, CITE.hypeAuditor2018, 'average'),
  fig(1_000, 4_999, '1k–5k', 4.26, CITE.hypeAuditor2018, 'average'),
  fig(5_000, 19_999, '5k–20k', 2.28, CITE.hypeAuditor2018, 'average'),
  fig(20_000, 99_999, '20k–100k', 1.62, CITE.hypeAuditor2018, 'average'),
  fig(100_000, 1_000_000, '100k–1M', 1.55, CITE.hypeAuditor2018, 'average'),
  fig(1_000_001, null, 'over 1M', 1.54, CITE.hypeAuditor2018, 'average'),
];

export const INSTAGRAM_ENGAGEMENT_OTHERS: readonly BandFigure[] = [
  fig(0, 999, '0–1k', 16.99, CITE.hypeAuditor2018, 'median'),
  fig(1_000, 4_999, '1k–5k', 6.45, CITE.hypeAuditor2018, 'median'),
  fig(5_000, 19_999, '5k–20k', 3.76, CITE.hypeAuditor2018, 'median'),
  fig(20_000, 99_999, '20k–100k', 2.63, CITE.hypeAuditor2018, 'median'),
  fig(100_000, 1_000_000, '100k–1M', 2.57, CITE.hypeAuditor2018, 'median'),
  fig(1_000_001, null, 'over 1M', 2.56, CITE.hypeAuditor2018, 'median'),
  fig(0, 999, 'under 1k', 8, CITE.markerly, 'like rate'),
  fig(1_000, 9_999, '1k–10k', 4, CITE.markerly, 'like rate'),
  fig(10_000, 99_999, '10k–100k', 2.37, CITE.markerly, 'like rate'),
  // Markerly's next band, for its comment rate, is ">10M": 10,000,000 itself stays in "1M–10M".
  fig(1_000_000, 10_000_000, '1M–10M', 1.66, CITE.markerly, 'like rate'),
  fig(1_000, 4_999, '1k–5k', 8.8, CITE.influencerDb, 'likes ÷ followers'),
  fig(5_000, 10_000, '5k–10k', 6.3, CITE.influencerDb, 'likes ÷ followers'),
  fig(10_001, null, 'over 10k', 3.4, CITE.influencerDb, 'likes ÷ followers', 3.8),
  // No band of HypeAuditor 2023 starts at 10k, nor of HypeAuditor 2026 at 50k: each end is included.
  fig(1_000, 10_000, 'nano, 1k–10k', 2.78, CITE.hypeAuditor2023, '(basis not given)'),
  fig(10_000, 50_000, 'micro, 10k–50k', 0.54, CITE.hypeAuditor2026, '(basis not given)'),
  fig(10_000, 100_000, 'micro, 10k–100k', 2.75, CITE.mediakix2017, 'sponsored posts only'),
  fig(100_001, null, 'macro, over 100k', 2.65, CITE.mediakix2017, 'sponsored posts only'),
];

/** HypeAuditor 2023: TikTok nano (1k–10k) 12.6%. */
const TIKTOK_NANO: BandFigure = fig(1_000, 10_000, 'nano, 1k–10k', 12.6, CITE.hypeAuditor2023, 'engagement rate');

/**
 * Tierbot's reading of a source's "micro" and "mega" when the source gives no follower lines for
 * them (a MicroMegaEngagement): micro applies under ASSUMED_MICRO_BELOW followers, mega from
 * ASSUMED_MEGA_FROM. Between the two lines no source gives a figure.
 */
export const ASSUMED_MICRO_BELOW = 100_000;
export const ASSUMED_MEGA_FROM = 1_000_000;

/**
 * Engagement rates from tables by follower band on one definition: `expected` covers every band
 * and gives the expected value (`expectedMeasure` says what it is); `others` are every other
 * source's figures, which widen the range where their band holds the count.
 */
export interface BandedEngagement {
  kind: 'by band';
  expected: readonly BandFigure[];
  expectedMeasure: string;
  others: readonly BandFigure[];
}

/**
 * A source's "micro" and "mega" rates for a platform, when it states neither its tiers' follower
 * lines nor what its rate is divided by: reading them at ASSUMED_MICRO_BELOW and
 * ASSUMED_MEGA_FROM, and by followers, are Tierbot assumptions, said so wherever they are used.
 */
export interface MicroMegaFigures {
  micro: number;
  mega: number;
  /** The source gives both as approximate ("≈18%"): every sentence that states them says "about". */
  approximate?: boolean;
  source: Citation;
}

/** A platform's engagement rates from a MicroMegaFigures source; `others` widen the range where their band holds the count. */
export interface MicroMegaEngagement extends MicroMegaFigures {
  kind: 'micro and mega';
  others: readonly BandFigure[];
}

/** Influencer Marketing Hub 2021 (as reported by ION): "micro" and "mega" by platform, no follower lines. */
export const IMH_MICRO_MEGA = {
  tiktok: { micro: 18, mega: 5, approximate: true, source: CITE.imh2021 },
  youtube: { micro: 1.64, mega: 0.37, source: CITE.imh2021 },
} as const satisfies Partial<Record<Platform, MicroMegaFigures>>;

/**
 * Each /compare platform's engagement rate by followers, with the citation of every figure:
 * what /compare says of a rate, and whose it is, is read from here.
 */
export const PLATFORM_ENGAGEMENT: Record<Platform, BandedEngagement | MicroMegaEngagement> = {
  instagram: { kind: 'by band', expected: HYPEAUDITOR_2018_AVERAGE, expectedMeasure: 'average (likes + comments) ÷ followers', others: INSTAGRAM_ENGAGEMENT_OTHERS },
  tiktok: { kind: 'micro and mega', ...IMH_MICRO_MEGA.tiktok, others: [TIKTOK_NANO] },
  youtube: { kind: 'micro and mega', ...IMH_MICRO_MEGA.youtube, others: [] },
};

/** Post reach ÷ followers by follower band: `median` gives the expected value (`medianMeasure` says what it is), `crossCheck` widens the range. */
export interface SourcedReach {
  kind: 'sourced';
  median: readonly BandFigure[];
  medianMeasure: string;
  crossCheck: readonly BandFigure[];
}

/**
 * No reach rate is recorded for the platform: /compare borrows Instagram's, as a Tierbot
 * assumption. `why`: what the sources say of the gap, shown with it; null when they say nothing.
 */
export interface NoReachRecorded {
  kind: 'none recorded';
  why: string | null;
}

/** Instagram's reach figures: the only ones recorded, borrowed where a platform has none. */
export const INSTAGRAM_REACH: SourcedReach = { kind: 'sourced', median: MINTER_REACH, medianMeasure: 'median Instagram post reach', crossCheck: BAZAARVOICE_REACH };

/** Each /compare platform's reach rate, or what the sources say of its absence (SOURCES.md §2b). */
export const PLATFORM_REACH: Record<Platform, SourcedReach | NoReachRecorded> = {
  instagram: INSTAGRAM_REACH,
  tiktok: { kind: 'none recorded', why: 'views replace reach there' },
  youtube: { kind: 'none recorded', why: 'views replace reach there' },
};

/** That the sources disagree on engagement rates, with no figures of its own: a comparison's ranges are the figures. */
export const ENGAGEMENT_DISAGREEMENT =
  'Engagement rates disagree by source and year: the engagement-rate ranges on the Assumptions page span them. Influencer Marketing Hub 2021 (as reported by ION): micro 3.86% vs mega 1.21%, no follower ranges. ' +
  'Wies, Bleier & Edeling (Journal of Marketing, 2023): engagement with sponsored posts peaks near 1M followers.';

// ── Fees (SOURCES.md §3) ──────────────────────────────────────────────────────────────────────

/** Ad Age 2020: Kim Kardashian West, per sponsored Instagram post. */
export const AD_AGE_KARDASHIAN_FEE = { low: 300_000, high: 500_000 } as const;
/** "$300,000–500,000". */
export const AD_AGE_KARDASHIAN_FEE_TEXT = dollarRange(AD_AGE_KARDASHIAN_FEE.low, AD_AGE_KARDASHIAN_FEE.high);

export const FEE_TABLES_NOTE =
  'Per-tier price tables differ again: Word on the Block 2023 prices an Instagram post at $100–500 (micro) and $500–10,000 (macro); Lumanu 2024 (250,000 creator payments) found a median payment of $800.';

// ── Funnel rates (SOURCES.md §2b, §4) ─────────────────────────────────────────────────────────

/** Impressions per reached account: 1.0 assumed; up to the 1.25 forecasting rule. */
export const FREQUENCY = { low: 1, expected: 1, high: 1.25 } as const;

/**
 * Visits per reached account, percent. No authoritative source: a Tierbot assumption, wide enough
 * to span the observed cases below once converted per reached account at any of Minter.io's reach
 * rates (0.008% ÷ 37.72% ≈ 0.021% up to 0.345% ÷ 19.09% ≈ 1.8%). The expected 0.5% is the low end
 * of the creator-tool glossaries' 0.5–1.5% of impressions for link-in-bio (unaudited).
 */
export const CLICK_THROUGH = { low: 0.02, expected: 0.5, high: 2 } as const;

/** Audience overlap among Plan B's influencers, percent: none published; Influencity illustrates 40%. */
export const OVERLAP = { low: 0, expected: 0, high: 40 } as const;

/** The TapInfluence article's case: "her 15 million followers drive 1,200 website visits and only 30 orders averaging $30 each". */
export const KARDASHIAN_CASE = { followers: 15_000_000, visits: 1_200, orders: 30, orderValue: 30 } as const;

/** 30 orders ÷ 1,200 visits = 2.5%; the only conversion rate recorded. */
export const CONVERSION = 2.5;
export const ORDER_VALUE = 30;

/** Observed visits (or sign-ups) per follower, percent, to show beside the click-through assumption. */
export interface ObservedClicks {
  label: string;
  /** The public reply's shorter words for it, listed in this order (the second Fab.com case follows the first). */
  short: string;
  /** As SOURCES.md states it, with the source's own precision (0.0806%, not 0.080551…%). */
  perFollower: number;
  /** The counts it is worked out from. */
  counts: { actions: number; followers: number };
  source: Citation;
}

export const OBSERVED_CLICKS: readonly ObservedClicks[] = [
  { label: 'the Kardashian tweet (website visits)', short: 'Kardashian tweet visits', perFollower: 0.008, counts: { actions: KARDASHIAN_CASE.visits, followers: KARDASHIAN_CASE.followers }, source: CITE.tapInfluence },
  { label: 'Ashton Kutcher for Fab.com (sign-ups)', short: 'Fab.com sign-ups via Kutcher', perFollower: 0.0806, counts: { actions: 5_888, followers: 7_309_684 }, source: CITE.fab },
  { label: 'Kevin Rose for Fab.com (sign-ups)', short: 'via Rose', perFollower: 0.345, counts: { actions: 4_356, followers: 1_261_376 }, source: CITE.fab },
];

/** A published CPM range for a platform, in dollars, with its citation. */
export interface CpmReference {
  low: number;
  high: number;
  source: Citation;
}

/** Each /compare platform's CPM, set beside the plans' own for reference. */
export const CPM_REFERENCE: Record<Platform, CpmReference> = {
  instagram: { low: 5, high: 15, source: CITE.wordOnTheBlock },
  tiktok: { low: 5, high: 15, source: CITE.wordOnTheBlock },
  youtube: { low: 15, high: 30, source: CITE.wordOnTheBlock },
};
/** The one CPM a source calls standard across platforms; the explanations and /compare's Assumptions quote it beside the ranges. */
export const STANDARD_CPM: { dollars: number; source: Citation } = { dollars: 6.5, source: CITE.upfluence };

/** Evidence from the cases in SOURCES.md §4, for the Assumptions reply. */
export const CASE_NOTES: readonly string[] = [
  'Beichert, Bayerl, Goldenberg & Lanz (Journal of Marketing, 2024; 1.88M purchases): low-follower targeting beats high-follower targeting "by order of magnitude" on revenue per follower and return on spend.',
  'Fab.com 2011: Ashton Kutcher (7.3M followers) brought 5,888 sign-ups, Kevin Rose (1.26M) 4,356; orders after a week 75 vs 158.',
  'The "11× ROI" figure in the TapInfluence article traces to a TapInfluence / Nielsen Catalina Solutions webinar; the study itself was not found.',
];
