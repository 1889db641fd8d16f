/**
 * The figures behind /compare, each with its citation. Copied from ../shared/domain/SOURCES.md
 * (§2 engagement, §3 prices, §4 cases) and seed 003; where no source gives a figure, the value is
 * derived from a cited case (basis 'derived') or labelled a Tierbot assumption (basis 'assumption').
 */

import type { Confidence } from './sources';

export type Platform = 'instagram' | 'tiktok' | 'youtube';
export const PLATFORMS: readonly Platform[] = ['instagram', 'tiktok', 'youtube'];
export const PLATFORM_LABEL: Record<Platform, string> = { instagram: 'Instagram', tiktok: 'TikTok', youtube: 'YouTube' };

export interface Citation {
  publisher: string;
  title: string;
  year: string | null;
  url?: string;
  /** SOURCES.md's confidence mark, or 'assumption' for Tierbot's own labelled choices. */
  confidence: Confidence | 'assumption';
  /** The secondary report a figure is read from ("as reported by …"). */
  via?: string;
}

/** sourced: the source states the figure. derived: worked out from a cited case. assumption: Tierbot's choice. */
export type Basis = 'sourced' | 'derived' | 'assumption';

export interface Benchmark<T> {
  value: T;
  basis: Basis;
  source: Citation;
  note?: string;
}

export const ASSUMPTION_LABEL = 'Tierbot assumption — no source gives this';

/** "Markerly, “…”, 2016 (as reported by Digiday; Marketing Dive)". */
export function citeText(c: Citation): string {
  if (c.confidence === 'assumption') return ASSUMPTION_LABEL;
  const via = c.via ? ` (as reported by ${c.via})` : '';
  return `${c.publisher}, “${c.title}”, ${c.year ?? 'n.d.'}${via}`;
}

/** The citation text with the basis spelled out: what a reply shows beside a default. */
export function benchmarkText(b: Benchmark<unknown>): string {
  const head = b.basis === 'derived' ? `derived from ${citeText(b.source)}` : citeText(b.source);
  if (!b.note) return head;
  return `${head}${head.endsWith('.') ? '' : '.'} ${b.note}`;
}

// ── Citations ─────────────────────────────────────────────────────────────────────────────────

export const CITE = {
  tierbot: { publisher: 'Tierbot', title: ASSUMPTION_LABEL, year: null, confidence: 'assumption' },
  seed003: {
    publisher: 'TapInfluence blog (Laura Smous)',
    title: 'What is a micro-influencer? (seed 003)',
    year: null,
    confidence: 'seed',
  },
  seed001: {
    publisher: 'publisher not named (cites influencermarketinghub.com)',
    title: 'Rise of Micro-Influencers on Social Media (seed 001)',
    year: null,
    confidence: 'seed',
  },
  markerly: {
    publisher: 'Markerly',
    title: 'Survey of ~2M Instagram influencers (like rate, unpaid posts)',
    year: '2016',
    url: 'https://digiday.com/marketing/micro-influencers',
    confidence: 'P',
    via: 'Digiday; Marketing Dive',
  },
  imh2021: {
    publisher: 'Influencer Marketing Hub',
    title: 'Influencer Marketing Benchmark Report',
    year: '2021',
    confidence: 'S',
    via: 'ION',
  },
  iconosquare: {
    publisher: 'Iconosquare',
    title: 'Guide to social media influencers',
    year: '2020',
    url: 'https://blog.iconosquare.com/guide-to-social-media-influencers/',
    confidence: 'P',
  },
  feeRule: {
    publisher: 'USA Today; Shopify',
    title: 'Rule of thumb: $100 per 10,000 followers',
    year: null,
    confidence: 'S',
  },
  wordOnTheBlock: { publisher: 'Word on the Block', title: 'Influencer pricing guide', year: '2023', confidence: 'P' },
  upfluence: { publisher: 'Upfluence', title: '"Industry standard" CPM', year: null, confidence: 'P' },
  adAge: { publisher: 'Ad Age', title: 'Kim Kardashian West sponsored-post fee', year: '2020', confidence: 'P' },
  influencity: { publisher: 'Influencity', title: 'Audience overlap illustration', year: null, confidence: 'P' },
} as const satisfies Record<string, Citation>;

// ── Seed 003's Kardashian case and the defaults derived from it ───────────────────────────────

export const KARDASHIAN_CASE = {
  followers: 15_000_000,
  visits: 1_200,
  orders: 30,
  orderValue: 30,
  source: CITE.seed003,
} as const;

/** 1,200 visits ÷ 15,000,000 followers × 100 = 0.008% (website visits per follower). */
export const KARDASHIAN_VISIT_RATE: Benchmark<number> = {
  value: 0.008,
  basis: 'derived',
  source: CITE.seed003,
  note: '1,200 website visits ÷ 15,000,000 followers = 0.008%; here an engagement is a website visit, as seed 003 counts it for CPE. Only seed 003 reports this case',
};

/** 30 orders ÷ 1,200 visits × 100 = 2.5%. */
export const CONVERSION: Benchmark<number> = {
  value: 2.5,
  basis: 'derived',
  source: CITE.seed003,
  note: 'Kardashian case: 30 orders ÷ 1,200 website visits = 2.5%. No source gives a general conversion rate',
};

export const ORDER_VALUE: Benchmark<number> = {
  value: 30,
  basis: 'sourced',
  source: CITE.seed003,
  note: 'Kardashian case: orders "averaging $30 each". No source gives a general average order value',
};

// ── Plans ─────────────────────────────────────────────────────────────────────────────────────

export const DEFAULT_PLANS = {
  bigFollowers: {
    value: 100_000,
    basis: 'sourced',
    source: CITE.seed003,
    note: '"10 highly focused influencers, each with 10,000 followers, rather than a single influencer … of 100,000" (seed 003; seed 001 advises ten micros too)',
  },
  microCount: { value: 10, basis: 'sourced', source: CITE.seed003, note: 'Seed 003; seed 001 also advises ten influencers' },
  microFollowers: { value: 10_000, basis: 'sourced', source: CITE.seed003, note: 'Seed 003 (seed 001 says 5,000–10,000)' },
} as const satisfies Record<string, Benchmark<number>>;

// ── Engagement rate by follower count (SOURCES.md §2) ─────────────────────────────────────────

/** A follower range, both ends inclusive (max null = open-ended), with the rate Tierbot uses there. */
export interface EngagementBand {
  min: number;
  max: number | null;
  stated: string;
  rate: Benchmark<number>;
}

const markerly = (value: number, note?: string): Benchmark<number> =>
  note ? { value, basis: 'sourced', source: CITE.markerly, note } : { value, basis: 'sourced', source: CITE.markerly };

const MIDPOINT_NOTE = (lo: string, hi: string, what: string) =>
  `${what}; Tierbot uses the midpoint of ${lo} and ${hi}`;

const imhBands = (micro: number, mega: number, platform: string): EngagementBand[] => {
  const imh = (value: number, note: string): Benchmark<number> => ({ value, basis: 'sourced', source: CITE.imh2021, note });
  const mid = (micro + mega) / 2;
  return [
    {
      min: 0,
      max: 99_999,
      stated: 'under 100k',
      rate: imh(micro, `${platform} micro figure; SOURCES.md does not record IMH's follower ranges, so Tierbot applies it below 100,000 (Iconosquare 2020's micro/macro line)`),
    },
    {
      min: 100_000,
      max: 999_999,
      stated: '100k–1M',
      rate: {
        value: Number(mid.toFixed(4)),
        basis: 'assumption',
        source: CITE.tierbot,
        note: MIDPOINT_NOTE(`IMH 2021's micro (${micro}%)`, `mega (${mega}%)`, 'IMH 2021 reports only micro and mega'),
      },
    },
    {
      min: 1_000_000,
      max: null,
      stated: '1M+',
      rate: imh(mega, `${platform} mega figure, applied from 1,000,000 (Iconosquare 2020's mega line)`),
    },
  ];
};

/**
 * Engagement rate (percent, by followers) for one post, by platform and follower count. Shared
 * boundaries belong to the higher band (sources.ts BOUNDARY_RULE): 10,000 is in 10k–100k.
 */
export const ENGAGEMENT_BANDS: Record<Platform, readonly EngagementBand[]> = {
  instagram: [
    { min: 0, max: 999, stated: 'under 1k', rate: markerly(8, 'Instagram like rate, under 1,000 followers (≈8%)') },
    { min: 1_000, max: 9_999, stated: '1k–10k', rate: markerly(4, 'Instagram like rate, 1k–10k followers') },
    { min: 10_000, max: 99_999, stated: '10k–100k', rate: markerly(2.37, 'Instagram like rate, 10k–100k followers') },
    {
      min: 100_000,
      max: 999_999,
      stated: '100k–1M',
      rate: {
        value: 2.015,
        basis: 'assumption',
        source: CITE.tierbot,
        note: MIDPOINT_NOTE("Markerly's 10k–100k (2.37%)", '1M–10M (1.66%) like rates', 'Markerly 2016 did not report 100k–1M'),
      },
    },
    { min: 1_000_000, max: 9_999_999, stated: '1M–10M', rate: markerly(1.66, 'Instagram like rate, 1M–10M followers') },
    {
      min: 10_000_000,
      max: null,
      stated: '10M+',
      rate: markerly(1.66, 'Markerly reports 1M–10M (1.66%) and nothing above; Tierbot uses the 1M–10M figure above 10M too'),
    },
  ],
  tiktok: imhBands(18, 5, 'TikTok (≈18% vs ≈5%)'),
  youtube: imhBands(1.64, 0.37, 'YouTube'),
};

export function engagementBand(platform: Platform, followers: number): EngagementBand {
  const bands = ENGAGEMENT_BANDS[platform];
  const band = bands.find((b) => followers >= b.min && (b.max === null || followers <= b.max));
  return band ?? bands[bands.length - 1]!;
}

/** What the sources disagree on, per platform (SOURCES.md §2): shown beside the engagement defaults. */
export const ENGAGEMENT_DISAGREEMENTS: Record<Platform, readonly string[]> = {
  instagram: [
    'Sources disagree on Instagram engagement by tier (SOURCES.md §2): Markerly 2016 10k–100k 2.37% vs 1M–10M 1.66%; ' +
      'InfluencerDB 2019 1k–5k 8.8%, 5k–10k 6.3%, over 10k 3.4–3.8%; Influencer Marketing Hub 2021 (as reported by ION) ' +
      'micro 3.86% vs mega 1.21%; HypeAuditor 2026 (as reported by eMarketer) nano 1.78%, micro 0.54%, mega 0.33%.',
    'Mediakix 2017 (742 sponsored posts, as reported) found micro 2.75% vs macro 2.65%, nearly equal; Wies, Bleier & ' +
      'Edeling (Journal of Marketing, 2023) found sponsored-post engagement is an inverted U in follower count, peaking near 1M.',
  ],
  tiktok: [
    'TikTok figures are Influencer Marketing Hub 2021 (as reported by ION), micro ≈18% vs mega ≈5%; HypeAuditor 2023 ' +
      '(as reported) gives nano (1k–10k) 12.6%, lower than IMH\'s micro figure. TikTok rates are often by views, not followers.',
  ],
  youtube: [
    'YouTube figures are Influencer Marketing Hub 2021 (as reported by ION), micro 1.64% vs mega 0.37%, the only ' +
      'YouTube engagement figures in SOURCES.md. YouTube rates are often by views, not subscribers.',
  ],
};

export const ENGAGEMENT_DEFINITION_NOTE =
  'Engagement-rate definitions differ: by followers ((likes + comments) ÷ followers; Upfluence, Mediakix), by reach ' +
  '(Meltwater) or by views (Modash, for TikTok and YouTube). Tierbot uses the rates by followers.';

// ── Fees (SOURCES.md §3) ─────────────────────────────────────────────────────────────────────

/** Dollars per follower per sponsored post: $100 per 10,000 followers = $0.01. */
export const FEE_PER_FOLLOWER: Benchmark<number> = {
  value: 0.01,
  basis: 'sourced',
  source: CITE.feeRule,
  note: 'Rule of thumb: $100 per 10,000 followers (≈1¢ per follower; 100k ≈ $1,000, 1M ≈ $10,000); "some experts called that conservative"',
};

export const FEE_TABLES: Record<Platform, string> = {
  instagram:
    'Per-tier tables price an Instagram post by tier instead: nano $10–100 · micro $100–500 · mid $500–5,000 · macro ' +
    '$5,000–10,000 · mega $10,000+ (attributed to Influencer Marketing Hub, ~2021, secondary only); Word on the Block ' +
    '2023: nano $10–100 · micro $100–500 · macro $500–10,000 · mega $10,000+; Hootsuite (citing Statista): nano $25–150, mid-tier $160–1,800.',
  tiktok:
    'Per-tier tables price a TikTok post by tier instead: $5–25 · $25–125 · $125–1,250 (attributed to Influencer ' +
    'Marketing Hub, ~2021, secondary only); Word on the Block 2023: nano $5–25 · micro $25–125 · macro $125–2,500 · mega $2,500+.',
  youtube:
    'Per-tier tables price a YouTube video by tier instead: nano $20–200 · micro $200–1,000 · mid $1,000–10,000 · macro ' +
    '$10,000–20,000 · mega $20,000+ (attributed to Influencer Marketing Hub, ~2021, secondary only); Word on the Block 2023: ' +
    '$20–200 · $200–1,000 · $1,000–20,000 · $20,000+.',
};

export const FEE_PAYMENTS_NOTE =
  'Lumanu 2024 (250,000 creator payments): average payment $2,300, median $800; payment correlates with follower count at only 0.56.';

export const KARDASHIAN_FEE_NOTE =
  'Ad Age 2020 put Kim Kardashian West at $300,000–500,000 per sponsored Instagram post, far above the rule of thumb; seed 003 does not say what the brand paid.';

// ── CPM reference (SOURCES.md §3) ─────────────────────────────────────────────────────────────

export const CPM_REFERENCE: Record<Platform, Benchmark<{ min: number; max: number }>> = {
  instagram: { value: { min: 5, max: 15 }, basis: 'sourced', source: CITE.wordOnTheBlock, note: 'Instagram CPM' },
  tiktok: { value: { min: 5, max: 15 }, basis: 'sourced', source: CITE.wordOnTheBlock, note: 'TikTok CPM' },
  youtube: { value: { min: 15, max: 30 }, basis: 'sourced', source: CITE.wordOnTheBlock, note: 'YouTube CPM' },
};

export const UPFLUENCE_CPM: Benchmark<number> = { value: 6.5, basis: 'sourced', source: CITE.upfluence, note: '"industry standard" CPM' };

export const PLATFORM_DEFAULT: Benchmark<Platform> = {
  value: 'instagram',
  basis: 'assumption',
  source: CITE.tierbot,
  note: 'Instagram unless you choose another platform: the seeds and most benchmarks in SOURCES.md are about Instagram',
};

// ── Funnel and audience assumptions ───────────────────────────────────────────────────────────

export const REACH_RATE: Benchmark<number> = {
  value: 100,
  basis: 'assumption',
  source: CITE.tierbot,
  note: 'Every follower is counted as seeing each post of the influencer they follow once. Real organic reach is lower; no source in SOURCES.md gives a reach rate',
};

export const CLICKS_PER_ENGAGEMENT: Benchmark<number> = {
  value: 100,
  basis: 'assumption',
  source: CITE.tierbot,
  note: "Each engaged unique follower is counted as one website visit: SOURCES.md §5's funnel (buyers = followers × reach rate × engagement rate × conversion rate). With like rates this is an upper bound: a like is not a visit",
};

export const OVERLAP: Benchmark<number> = {
  value: 0,
  basis: 'assumption',
  source: CITE.tierbot,
  note: 'There is no published average audience overlap. 0% counts every micro\'s followers as different people, as the seeds\' "10 × 10,000 against 1 × 100,000" does (best case for the micros); Influencity illustrates 10 creators with 40% overlap',
};

/** Evidence from the cases in SOURCES.md §4, for the reply's footnotes. */
export const CASE_NOTES: readonly string[] = [
  'Beichert, Bayerl, Goldenberg & Lanz (Journal of Marketing, 2024; 1.88M purchases): low-follower targeting beats high-follower targeting "by order of magnitude" on revenue per follower and return on spend.',
  'Fab.com 2011: Ashton Kutcher (7.3M followers) brought 5,888 sign-ups (0.08%), Kevin Rose (1.26M) 4,356 (0.3%); orders after a week 75 vs 158.',
];
