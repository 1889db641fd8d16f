/**
 * The glossary: the vocabulary of influencer marketing in plain words, each term with a worked
 * example and its sources, plus the onboarding path (START_HERE).
 *
 * Figures in definitions come from ../shared/domain/SOURCES.md or the articles in ../shared/seeds. Where
 * Tierbot's data holds a figure, the text reads it from there rather than retyping it, so a correction to
 * the data reaches the glossary: publishers' tier ranges (in the text, in "Ranges by publisher" and in
 * tier examples) and their citations come from the source registry, and the benchmark figures /compare
 * uses (reach and engagement rates, CPMs and other prices, the observed cases) from ./benchmarks. A figure the
 * data holds only in words, or as the bound of a /compare assumption, or in a form no formatter writes as
 * the source does, is kept as written, and test/glossary-figures-from-data.test.ts checks it against the
 * data; a figure in no table is written as its source gives it. Examples marked "Illustrative" use
 * made-up numbers; the others use sourced ones. Formula terms carry `check`, the example's inputs and
 * result, so the tests can redo the arithmetic.
 */

import { classify, verdictStarts, type Classification } from './classify';
import { exactPercent } from './compare/assumptions';
import { andList, formatCompact, formatCount, formatCountRange } from './format';
import {
  AD_AGE_KARDASHIAN_FEE,
  AD_AGE_KARDASHIAN_FEE_TEXT,
  BAZAARVOICE_REACH,
  CENT_PER_FOLLOWER,
  CENT_RULE_FOLLOWERS,
  CENT_RULE_TEXT,
  CITE as FIGURE_CITE,
  CPM_REFERENCE,
  STANDARD_CPM,
  IMH_MICRO_MEGA,
  INSTAGRAM_ENGAGEMENT_OTHERS,
  KARDASHIAN_CASE,
  MINTER_REACH,
  OBSERVED_CLICKS,
  PLATFORMS,
  PLATFORM_LABEL,
  citeWords,
  dollarRange,
  inBand,
  reportedBy,
  type BandFigure,
  type Citation,
  type ObservedClicks,
} from './benchmarks';
import { answerLine, answerWord, verdictWords } from './overview';
import { TIER_LABELS } from './tier-style';
import { PERCENT_SIGNIFICANT, formatMoney, formatPercent, plainNumber } from './units';
import { clampLimit, DEFAULT_LIMIT, editDistance, findExact, normalise, rankMatches, type Searchable } from './search';
import { NORMAL_TIERS, SECOND_HAND_UNNAMED, SOURCES, fullCitation, publisherOf, sourceById, type NormalTier, type Tier } from './sources';

export type TermGroup = 'Tiers' | 'Engagement' | 'Reach & cost' | 'Sales & return' | 'Audience & trust' | 'Campaign';
export const TERM_GROUPS: readonly TermGroup[] = [
  'Tiers',
  'Engagement',
  'Reach & cost',
  'Sales & return',
  'Audience & trust',
  'Campaign',
];

export interface TermCitation {
  /** Set when the source registry has this source. */
  sourceId?: string;
  /** Publisher, title (only the publisher's own), year, as users see it. */
  text: string;
  /**
   * Set for a publisher that repeats another's definition word for word (Hootsuite of Mediakix):
   * that publisher's name. Its text says so, and it is not counted as a source of its own.
   */
  sharesWith?: string;
}

/** One source's range for a tier, exactly as the registry states it. */
export interface TermRange {
  sourceId: string;
  sourceName: string;
  /** The source's own tier name ("micro T2", "mega/celebrity"). */
  tierName: string;
  stated: string;
}

export interface Term {
  id: string;
  name: string;
  aliases: string[];
  group: TermGroup;
  definition: string;
  formula?: string;
  example: string;
  sources: TermCitation[];
  related: string[];
  /** The example's numbers, for formula terms: the tests recompute `result` from `inputs`. */
  check?: { inputs: Record<string, number>; result: number };
  /** Tier terms: every range the registry gives under the tier names this term covers. */
  ranges?: TermRange[];
  /** A tier word that names one publisher's band (HypeAuditor's rookie): what /tier answers across it. */
  answersAcross?: BandAnswers;
}

/** What /tier answers over a stretch of counts, in words: "nano or micro, a tie (6 of 21 publishers each)". */
export interface BandStretch {
  from: number;
  /** null: and up (an open-ended band). */
  to: number | null;
  words: string;
}

export interface BandAnswers {
  from: number;
  to: number | null;
  stretches: BandStretch[];
}

// ── Citations ────────────────────────────────────────────────────────────────────────────────

function src(id: string): TermCitation {
  const source = sourceById(id);
  // A typo here would show users a bare id: fail when the module loads, where every test sees it.
  if (!source) throw new Error(`The glossary cites "${id}", which is not in the source registry.`);
  const text = fullCitation(source, { sayFirstHand: false });
  const original = publisherOf(source).sharesWith?.label;
  if (source.role !== 'copy' || !original) return { sourceId: id, text };
  return { sourceId: id, text: `${text} — shares ${original}’s definition word for word, so it is not a source of its own`, sharesWith: original };
}

/**
 * A tier term's citations: the registry source of every range it shows, in the order shown, then
 * the others its text names. A definition repeated word for word follows the one it repeats, and a
 * citation two sources share (Adweek's two readings, quoted in one line) is given once.
 */
function tierCitations(ranges: readonly TermRange[], named: readonly TermCitation[]): TermCitation[] {
  const all = [...ranges.map((range) => src(range.sourceId)), ...named];
  const once = all.filter((c, i) => all.findIndex((other) => other.text === c.text) === i);
  const publisherLabel = (c: TermCitation) => (c.sourceId ? publisherOf(sourceById(c.sourceId)!).label : undefined);
  const copiesOf = (c: TermCitation) => once.filter((copy) => copy.sharesWith !== undefined && copy.sharesWith === publisherLabel(c));
  const originalCited = (copy: TermCitation) => once.some((c) => !c.sharesWith && publisherLabel(c) === copy.sharesWith);
  return once.flatMap((c) => (c.sharesWith && originalCited(c) ? [] : [c, ...copiesOf(c)]));
}

/** How many sources a term cites: a definition repeated word for word is not one of its own. */
export function sourceCount(term: Term): number {
  return term.sources.filter((c) => !c.sharesWith).length;
}

/**
 * A source /compare cites too, in /compare's words (publisher, title or what it is, year, how a
 * second-hand figure was read), punctuated as the registry's citations beside it, then its link.
 */
function figureCite(c: Citation): TermCitation {
  const reported = reportedBy(c);
  return { text: `${citeWords(c)}${reported ? `, ${reported}` : ''}${c.url ? `: ${c.url}` : ''}` };
}

/** Sources SOURCES.md records but the registry (tier definitions only) does not hold. */
const CITE = {
  upfluence: { text: 'Upfluence, influencer calculators (engagement rate, CPE, CPM, EMV), undated' },
  mediakixEr: { text: 'Mediakix, engagement-rate formula, undated' },
  meltwater: { text: 'Meltwater, engagement rate by reach (engagements ÷ reach), undated' },
  hypeauditorErr: { text: 'HypeAuditor, engagement rate by reach (ERR: engagements ÷ reach), undated' },
  modash: { text: 'Modash, engagement rate by views (TikTok, YouTube) and by median likes, undated' },
  hypeauditorTools: { text: 'HypeAuditor, CPE and EMV calculators, undated' },
  grin: { text: 'GRIN, cost per engagement (likes + comments + shares), undated' },
  traackr: figureCite(FIGURE_CITE.traackr),
  influencerDb: figureCite(FIGURE_CITE.influencerDb),
  hypeauditor2026: figureCite(FIGURE_CITE.hypeAuditor2026),
  imh2021: figureCite(FIGURE_CITE.imh2021),
  mediakix2017: figureCite(FIGURE_CITE.mediakix2017),
  wies: { text: 'Wies, Bleier & Edeling, Journal of Marketing 87(3), 2023' },
  wordOnTheBlock: figureCite(FIGURE_CITE.wordOnTheBlock),
  ruleOfThumb: figureCite(FIGURE_CITE.centRule),
  lumanu: { text: 'Lumanu, 250,000 creator payments ($500M), 2024' },
  adAge2020: figureCite(FIGURE_CITE.adAge),
  adAge2021: { text: 'Ad Age, on the lack of standard influencer tiers, 2021' },
  fab: figureCite(FIGURE_CITE.fab),
  linkInBio: figureCite(FIGURE_CITE.linkGlossaries),
  beichert: { text: 'Beichert, Bayerl, Goldenberg & Lanz, Journal of Marketing 88(4), 2024' },
  nielsen: { text: 'TapInfluence / Nielsen Catalina Solutions webinar (the "11×" study itself was not found)' },
  experticity: { text: `Experticity / Keller Fay (Jonah Berger), 2016, ${SECOND_HAND_UNNAMED}` },
  influencity: figureCite(FIGURE_CITE.influencity),
  formulas: { text: 'Common usage: the standard ROI, ROAS and sales-funnel formulas as the analytics tools publish them' },
  // No source in the library gives the click-through formula.
  clickThrough: { text: 'Common usage: the everyday click-through formula, not from a published source; Tierbot divides by reach, as its funnel does' },
  plainWords: { text: "Common usage: no source in Tierbot's library gives figures for this" },
  commonUsage: { text: 'Common usage: the everyday meaning in influencer marketing; no single published source' },
  minter: figureCite(FIGURE_CITE.minter),
  bazaarvoice: figureCite(FIGURE_CITE.bazaarvoice),
  frequencyRule: figureCite(FIGURE_CITE.frequencyRule),
  grinBudget: figureCite(FIGURE_CITE.grin),
} satisfies Record<string, TermCitation>;

/** The click-through rule /compare's assumption starts from, in /compare's words. */
const LINK_IN_BIO_RULE = 'Creator-tool glossaries give a link-in-bio rule of thumb (0.5–1.5% of impressions, unaudited).';

/**
 * The observed cases /compare shows beside its click-through assumption: per follower, as the
 * sources give them, and per reached account at Minter.io's median reach for the smallest
 * accounts, as /compare counts them for a plan of such accounts.
 */
const OBSERVED_CLICKS_TEXT = ((): string => {
  const perFollower = OBSERVED_CLICKS.map((o) => o.perFollower);
  const [low, high] = [Math.min(...perFollower), Math.max(...perFollower)];
  const reach = MINTER_REACH[0]!;
  const perReached = (p: number) => formatPercent((p / reach.low) * 100);
  return (
    `Observed cases: ${exactPercent(low)}–${exactPercent(high)} of followers (Kardashian visits, Fab.com 2011 sign-ups), ` +
    `${perReached(low)}–${perReached(high)} of reached accounts at Minter.io's median reach for ${reach.band.stated} followers.`
  );
})();

// ── Figures read from the data ───────────────────────────────────────────────────────────────

/** A publisher's tier as the source registry holds it, by source id and the source's own tier name. */
function registryTier(sourceId: string, tierName: string): Tier {
  const tier = sourceById(sourceId)?.tiers.find((t) => t.name === tierName);
  // As with a citation, a tier the registry lacks fails when the module loads, where every test sees it.
  if (!tier) throw new Error(`The glossary quotes ${sourceId}'s "${tierName}", which is not in the source registry.`);
  return tier;
}

/** A publisher's range in its own words, as "Ranges by publisher" shows it: ("duel", "mid-tier") → "50k–250k". */
function rangeOf(sourceId: string, tierName: string): string {
  return registryTier(sourceId, tierName).stated;
}

/** A source's tiers of one kind with their ranges: "mid T3 (25k–149,999), mid T2 (150k–499,999) and mid T1 (500k–1M)". */
function tiersOfKind(sourceId: string, normal: NormalTier): string {
  return andList(sourceById(sourceId)!.tiers.filter((t) => t.normal === normal).map((t) => `${t.name} (${t.stated})`));
}

/** Items by the words of their value, each value once with the names that share it, in the order first named. */
function sharedValues<T>(items: readonly T[], value: (item: T) => string, name: (item: T) => string): { value: string; names: string }[] {
  const names = new Map<string, string[]>();
  for (const item of items) names.set(value(item), [...(names.get(value(item)) ?? []), name(item)]);
  return [...names].map(([words, sharing]) => ({ value: words, names: andList(sharing) }));
}

/** A range a definition quotes: the source, its tier, and how the text names the publisher where not by its registry name. */
type QuotedRange = readonly [sourceId: string, tierName: string, publisherWords?: string];

/**
 * Publishers' ranges, each range once with the publishers that give it, in the order quoted: of
 * Mediakix's, Duel's and Later × Fohr's nano, "1k–10k" for "Mediakix and Duel", then "0–10k" for
 * "Later × Fohr". A correction that parts two publishers (or brings two together) rewrites the list.
 */
function sharedRanges(quoted: readonly QuotedRange[]): { range: string; publishers: string }[] {
  const ranges = sharedValues(quoted, ([id, tier]) => rangeOf(id, tier), ([id, , words]) => words ?? sourceById(id)!.name);
  return ranges.map(({ value, names }) => ({ range: value, publishers: names }));
}

/** Publishers' ranges as a list: "Mediakix and Duel: 1k–10k; Later × Fohr: 0–10k". */
function rangesNamed(quoted: readonly QuotedRange[]): string {
  return sharedRanges(quoted).map(({ range, publishers }) => `${publishers}: ${range}`).join('; ');
}

/** HypeAuditor's bands, which its tier words' entries place between their neighbours. */
const hypeAuditor = (tierName: string): string => rangeOf('hypeauditor', tierName);

/** The Japanese article's micro and macro, and a count in the gap between them that it puts in no tier. */
const JAPANESE_MICRO = registryTier('seed-000', 'micro');
const JAPANESE_MACRO = registryTier('seed-000', 'macro');
const IN_JAPANESE_GAP = Math.round((JAPANESE_MICRO.lineTo! + JAPANESE_MACRO.lineFrom) / 2);

/** The figure `source` gives for accounts of `followers` in one of the benchmark tables, as /compare reads it. */
function figureAt(table: readonly BandFigure[], source: Citation, followers: number): BandFigure {
  const figure = table.find((f) => f.source === source && inBand(f.band, followers));
  if (!figure) throw new Error(`The glossary quotes ${source.publisher} at ${formatCount(followers)} followers, which its table does not hold.`);
  return figure;
}

/** A source's figure with its own digits: "8.8%", or a low–high with the percent sign once, as the sources write it: "3.4–3.8%". */
function percentWords(f: BandFigure): string {
  return f.low === f.high ? exactPercent(f.low) : `${plainNumber(f.low, PERCENT_SIGNIFICANT)}–${exactPercent(f.high)}`;
}

/** A source's figure as a plain number, for arithmetic written out: "8 ÷ 1.66". */
const sourceNumber = (n: number): string => plainNumber(n, PERCENT_SIGNIFICANT);


/** An amount as formatMoney writes it, without the dollar sign, for arithmetic written out: "80,000 × 6.50 ÷ 1,000". */
const amount = (n: number): string => formatMoney(n).replace('$', '');

/** Minter.io's median reach: the band of the smallest accounts, the band the example's account is in, and the band of the largest. */
const MINTER_SMALLEST = figureAt(MINTER_REACH, FIGURE_CITE.minter, 0);
const REACH_EXAMPLE_FOLLOWERS = 40_000;
const MINTER_AT_EXAMPLE = figureAt(MINTER_REACH, FIGURE_CITE.minter, REACH_EXAMPLE_FOLLOWERS);
const MINTER_LARGEST = MINTER_REACH.find((f) => f.band.max === null)!;
/** The example's reached accounts at that band's median, in whole accounts. */
const REACHED_IN_EXAMPLE = Math.round((REACH_EXAMPLE_FOLLOWERS * MINTER_AT_EXAMPLE.low) / 100);
/** Bazaarvoice's aim for the largest brand accounts. */
const BAZAARVOICE_LARGEST = BAZAARVOICE_REACH.find((f) => f.band.max === null)!;

/** Markerly's like rates for the smallest and the largest accounts it measured. */
const MARKERLY_SMALLEST = figureAt(INSTAGRAM_ENGAGEMENT_OTHERS, FIGURE_CITE.markerly, 0);
const MARKERLY_LARGEST = figureAt(INSTAGRAM_ENGAGEMENT_OTHERS, FIGURE_CITE.markerly, 1_000_000);

/** InfluencerDB's like rates at 1k–5k and above 10k. */
const INFLUENCERDB_SMALL = figureAt(INSTAGRAM_ENGAGEMENT_OTHERS, FIGURE_CITE.influencerDb, 1_000);
const INFLUENCERDB_ABOVE_10K = figureAt(INSTAGRAM_ENGAGEMENT_OTHERS, FIGURE_CITE.influencerDb, 10_001);

/** HypeAuditor's 2026 Instagram micro rate: the benchmark tables hold none of its other tiers' rates. */
const HYPEAUDITOR_2026_MICRO = figureAt(INSTAGRAM_ENGAGEMENT_OTHERS, FIGURE_CITE.hypeAuditor2026, 10_000);

/** Mediakix's 2017 study of sponsored posts, in its own bands (not Mediakix's usual tiers). */
const MEDIAKIX_2017_MICRO = figureAt(INSTAGRAM_ENGAGEMENT_OTHERS, FIGURE_CITE.mediakix2017, 10_000);
const MEDIAKIX_2017_MACRO = figureAt(INSTAGRAM_ENGAGEMENT_OTHERS, FIGURE_CITE.mediakix2017, 100_001);
const MEDIAKIX_2017_FINDING =
  `Mediakix (2017, 742 sponsored posts, ${SECOND_HAND_UNNAMED}), with micro at ${formatCompact(MEDIAKIX_2017_MICRO.band.min)}–` +
  `${formatCompact(MEDIAKIX_2017_MICRO.band.max!)} and macro over ${formatCompact(MEDIAKIX_2017_MACRO.band.min - 1)}, found their ` +
  `engagement nearly equal: ${exactPercent(MEDIAKIX_2017_MICRO.low)} vs ${exactPercent(MEDIAKIX_2017_MACRO.low)}.`;

/** The cent-per-follower rule's price for a count of followers. */
const centRulePrice = (followers: number): number => followers * CENT_PER_FOLLOWER;
/** The rule's price for a count, worked out as the examples write it: "50,000 ÷ 10,000 × $100 = $500". */
function centRuleWorking(followers: number): string {
  return `${formatCount(followers)} ÷ ${formatCount(CENT_RULE_FOLLOWERS)} × ${formatMoney(centRulePrice(CENT_RULE_FOLLOWERS))} = ${formatMoney(centRulePrice(followers))}`;
}

/** Word on the Block's CPMs, platforms that share a range named together: "$5–15 on Instagram and TikTok and $15–30 on YouTube". */
const CPM_RANGES = andList(
  sharedValues(
    PLATFORMS.filter((p) => CPM_REFERENCE[p].source === FIGURE_CITE.wordOnTheBlock),
    (p) => dollarRange(CPM_REFERENCE[p].low, CPM_REFERENCE[p].high),
    (p) => PLATFORM_LABEL[p],
  ).map(({ value, names }) => `${value} on ${names}`),
);
/** EMV of the examples' 80,000 impressions at a CPM. */
const EMV_IMPRESSIONS = 80_000;
const emvAt = (cpm: number): number => (EMV_IMPRESSIONS * cpm) / 1_000;

/** The Kardashian case as TapInfluence reports it: "15 million followers", 1,200 visits, 30 orders averaging $30. */
const KARDASHIAN_FOLLOWERS = `${formatCount(KARDASHIAN_CASE.followers / 1_000_000)} million`;
const KARDASHIAN_SALES = KARDASHIAN_CASE.orders * KARDASHIAN_CASE.orderValue;
const KARDASHIAN_CONVERSION = (KARDASHIAN_CASE.orders / KARDASHIAN_CASE.visits) * 100;

/** One of the observed cases' counts, by who the case is about. */
function observedCounts(who: string): ObservedClicks['counts'] {
  const observed = OBSERVED_CLICKS.find((o) => o.label.includes(who));
  if (!observed) throw new Error(`The glossary quotes the case of ${who}, which the benchmarks do not hold.`);
  return observed.counts;
}
const FAB_KUTCHER = observedCounts('Ashton Kutcher');
const FAB_ROSE = observedCounts('Kevin Rose');

/** The publishers mega-influencer's entry names with the top tier in most lists, and those it names as putting it far lower. */
const MEGA_IN_MOST_LISTS: readonly QuotedRange[] = [
  ['mediakix', 'mega'],
  ['iconosquare', 'mega'],
  ['cmswire', 'mega'],
  ['duel', 'mega/celebrity'],
  ['aspire', 'mega'],
  ['afluencer', 'mega'],
  ['hypeauditor', 'celebrity', 'HypeAuditor ("celebrity")'],
];
const MEGA_FAR_LOWER: readonly QuotedRange[] = [
  ['influence-agency', 'celebrity', 'The Influence Agency ("celebrity")'],
  ['seed-001', 'regular influencer', 'the "Rise of Micro-Influencers" article ("regular influencer")'],
];

// ── Terms ────────────────────────────────────────────────────────────────────────────────────

/** A term as written here; `ranges` is filled from the registry via `countedAs` or `tierNames`. */
interface TermFields extends Omit<Term, 'ranges' | 'example'> {
  /**
   * A general tier word (micro): its ranges are every registry range /tier counts as this tier,
   * whatever the publisher calls it (HypeAuditor's prosumer is micro), so the two cannot differ.
   */
  countedAs?: NormalTier;
  /** Registry tier names this term covers: a publisher's own tier word (rookie). */
  tierNames?: string[];
  /**
   * For a tier term (`countedAs`, `tierNames`), only the sources its text names beside those of its ranges:
   * the sources of its ranges are cited from the registry, so every publisher shown is cited.
   */
  sources: TermCitation[];
}

/**
 * A term's example is written here, or, for a tier term, generated from the registry (`exampleAt`),
 * as /tier answers that count (the publishers' answer), with the named sources' own verdicts: the
 * glossary and /tier cannot differ.
 */
type TermSpec = TermFields & ({ example: string; exampleAt?: never } | { exampleAt: { count: number; show: string[] }; example?: never });

/** "At 30,000 followers: Micro — 14 of 21 publishers agree. Mediakix: micro (10k–50k); …" */
function tierExample(count: number, show: readonly string[]): string {
  const c = classify(count);
  const named = show.flatMap((id) => {
    const v = c.verdicts.find((x) => x.source.id === id);
    return v ? [`${v.source.name}: ${verdictWords(v.verdict)}`] : [];
  });
  return `At ${formatCount(count)} followers: ${answerLine(c)}${named.length ? ` ${named.join('; ')}.` : ''}`;
}

/** HypeAuditor's band for accounts it does not count as influencers, and who calls counts in it a tier. */
const INSTAGRAM_USER_BAND = sourceById('hypeauditor')!.tiers.find((tier) => tier.notInfluencer)!;
const CALLED_UNDER_INFLUENCER_SIZE = tiersCalledAcross(INSTAGRAM_USER_BAND);

const SPECS: TermSpec[] = [
  // ── Tiers ──
  {
    id: 'influencer',
    name: 'Influencer',
    aliases: ['creator', 'content creator'],
    group: 'Tiers',
    definition:
      'A person (or an account run by one) whose followers trust their recommendations. A Japanese article (translated): someone with "a ' +
      'significant impact on society"; Digital Reflections stresses the emotional bond between influencer and followers. ' +
      'Brands pay influencers to show products to that audience.',
    example: `The Japanese article (translated): a YouTuber with 30,000 subscribers counts as a micro-influencer there (its micro range: ${JAPANESE_MICRO.stated}).`,
    sources: [src('seed-000'), src('seed-004')],
    related: ['influencer-tiers', 'micro-influencer', 'authenticity'],
  },
  {
    id: 'influencer-tiers',
    name: 'Influencer tiers',
    aliases: ['tiers', 'tier', 'follower tiers'],
    group: 'Tiers',
    exampleAt: { count: 30_000, show: ['mediakix', 'later-fohr', 'hypeauditor', 'sprout-social'] },
    definition:
      'Bands of follower count (nano, micro, mid-tier, macro, mega…) used to plan and price campaigns. There is no ' +
      'industry standard: Mediakix says "standard influencer tiers have yet to be universally established", and Ad ' +
      'Age (2021) and Iconosquare (2020) agree. Most lists give each boundary (10k, 100k, 1M) to two tiers.',
    sources: [src('mediakix'), src('later-fohr'), src('hypeauditor'), src('sprout-social'), src('iconosquare'), CITE.adAge2021],
    related: ['nano-influencer', 'micro-influencer', 'mid-tier-influencer', 'macro-influencer', 'mega-influencer'],
  },
  {
    id: 'nano-influencer',
    name: 'Nano-influencer',
    aliases: ['nano'],
    group: 'Tiers',
    exampleAt: { count: 3_000, show: ['mediakix', 'hypeauditor'] },
    countedAs: 'nano',
    definition:
      `The smallest named tier. ${rangesNamed([['mediakix', 'nano'], ['duel', 'nano'], ['later-fohr', 'nano'], ['influence-agency', 'nano'], ['cmswire', 'nano']])}. ` +
      // The registry holds Viral Nation's Instagram range; the other platforms' are in its quote and notes.
      `Viral Nation (2020, as reported by Business Insider) varies it by platform: Instagram ${rangeOf('viral-nation-2020', 'nano')}, TikTok ` +
      '5k–50k, YouTube under 5k subscribers. A Japanese article (translated) names it without a range.',
    sources: [src('seed-000'), src('hypeauditor')],
    related: ['influencer-tiers', 'micro-influencer', 'rookie', 'instagram-user'],
  },
  {
    id: 'micro-influencer',
    name: 'Micro-influencer',
    aliases: ['micro', 'micro T1', 'micro T2', 'micro T3'],
    group: 'Tiers',
    exampleAt: { count: 30_000, show: ['mediakix', 'later-fohr'] },
    countedAs: 'micro',
    definition:
      `The most-quoted tier, with the widest spread: ${rangeOf('adweek-500-5000', 'micro')} (one of Adweek's two readings, as quoted by ` +
      `TapInfluence), ${rangeOf('fiveable', 'micro')} (Fiveable), and most lists start it at 10k. What sources agree on is the appeal: a niche ` +
      'audience that trusts the creator.',
    sources: [],
    related: ['nano-influencer', 'mid-tier-influencer', 'niche-audience', 'authenticity'],
  },
  {
    id: 'mid-tier-influencer',
    name: 'Mid-tier influencer',
    aliases: ['mid-tier', 'mid', 'mid T1', 'mid T2', 'mid T3'],
    group: 'Tiers',
    exampleAt: { count: 200_000, show: ['mediakix', 'iconosquare'] },
    countedAs: 'mid',
    definition:
      'The band between micro and macro, which not every source has. ' +
      `${rangesNamed([['mediakix', 'mid-tier'], ['duel', 'mid-tier'], ['later-fohr', 'mid', 'Later × Fohr ("mid")']])}. ` +
      `Sprout Social splits it into ${tiersOfKind('sprout-social', 'mid')}. Viral Nation calls a middle tier "power middle"; L2's "middling" is much wider.`,
    sources: [src('iconosquare'), src('viral-nation-2019'), src('l2')],
    related: ['micro-influencer', 'macro-influencer', 'power-middle', 'middling'],
  },
  {
    id: 'power-middle',
    name: 'Power middle',
    aliases: ['power middle influencer'],
    group: 'Tiers',
    definition:
      'A name for the tier between micro and macro, used by Viral Nation (2019) and listed by TapInfluence\'s blog; ' +
      'Tierbot reads it as roughly mid-tier. Viral Nation\'s numbers for it were not seen, so it has no range ' +
      'here. A Japanese article (translated) also names a "power" category, garbled in translation.',
    example:
      `Viral Nation (2019) puts micro at ${rangeOf('viral-nation-2019', 'micro')}, so a 40,000-follower account is above its micro tier: power ` +
      'middle or macro, which its missing numbers cannot settle.',
    sources: [src('viral-nation-2019'), src('tapinfluence-view'), src('seed-000')],
    related: ['mid-tier-influencer', 'middling', 'macro-influencer'],
  },
  {
    id: 'middling',
    name: 'Middling',
    aliases: [],
    group: 'Tiers',
    tierNames: ['middling'],
    definition:
      `L2's (2017) name for its very wide middle tier: ${rangeOf('l2', 'middling')} followers, between micro (${rangeOf('l2', 'micro')}) and macro ` +
      `(${rangeOf('l2', 'macro')}). It spans what Mediakix splits into mid-tier, macro and mega.`,
    example: `A 1,500,000-follower account is middling for L2 (${rangeOf('l2', 'middling')}) but mega for Mediakix (${rangeOf('mediakix', 'mega')}).`,
    sources: [src('mediakix')],
    related: ['mid-tier-influencer', 'power-middle'],
  },
  {
    id: 'macro-influencer',
    name: 'Macro-influencer',
    aliases: ['macro', 'macro T2', 'macro T3'],
    group: 'Tiers',
    exampleAt: { count: 400_000, show: ['duel', 'mediakix'] },
    countedAs: 'macro',
    definition:
      `The tier below the top. ${rangesNamed([['mediakix', 'macro'], ['duel', 'macro'], ['afluencer', 'macro'], ['aspire', 'macro'], ['iconosquare', 'macro'], ['cmswire', 'macro']])}. ` +
      `Some put it far lower: The Influence Agency ${rangeOf('influence-agency', 'macro')}, the "Rise of Micro-Influencers" article ` +
      `"${rangeOf('seed-001', 'macro')}", and CNBC (as quoted by TapInfluence) ${rangeOf('cnbc-seed', 'macro')}.`,
    sources: [],
    related: ['mid-tier-influencer', 'mega-influencer', 'maven'],
  },
  {
    id: 'mega-influencer',
    name: 'Mega-influencer',
    aliases: ['mega', 'mega/celebrity', 'macro T1'],
    group: 'Tiers',
    exampleAt: { count: 2_000_000, show: ['mediakix', 'l2'] },
    countedAs: 'mega',
    definition:
      // "followers" once, after the first range.
      `The top tier in most lists: ${sharedRanges(MEGA_IN_MOST_LISTS).map(({ range, publishers }, i) => `${range}${i === 0 ? ' followers' : ''} for ${publishers}`).join('; ')}. ` +
      `L2 starts it at ${rangeOf('l2', 'mega')}, Sprout Social ("macro T1") ${rangeOf('sprout-social', 'macro T1')}, ` +
      `${sharedRanges(MEGA_FAR_LOWER).map(({ range, publishers }) => `${publishers} at ${range}`).join(', ')}. ` +
      'Also called top influencer (a Japanese article) and mega macro (Later × Fohr).',
    sources: [src('seed-000'), src('later-fohr')],
    related: ['macro-influencer', 'celebrity-influencer', 'top-influencer', 'mega-macro'],
  },
  {
    id: 'mega-macro',
    name: 'Mega macro',
    aliases: [],
    group: 'Tiers',
    tierNames: ['mega macro'],
    definition:
      `Later × Fohr's (2021) name for its top tier: ${rangeOf('later-fohr', 'mega macro')} followers, above macro (${rangeOf('later-fohr', 'macro')}). ` +
      `Other sources call the same band mega (Mediakix: ${rangeOf('mediakix', 'mega')}), celebrity or top influencer.`,
    example: `Later × Fohr: 2,000,000 followers → mega macro (${rangeOf('later-fohr', 'mega macro')}); 800,000 → macro (${rangeOf('later-fohr', 'macro')}).`,
    sources: [src('mediakix')],
    related: ['mega-influencer', 'macro-influencer'],
  },
  {
    id: 'celebrity-influencer',
    name: 'Celebrity influencer',
    aliases: ['celebrity', 'celebrities'],
    group: 'Tiers',
    tierNames: ['celebrity', 'mega/celebrity'],
    definition:
      `A famous person paid to post, and a name for the top tier: HypeAuditor uses it for ${hypeAuditor('celebrity')} followers, Duel ` +
      `for ${rangeOf('duel', 'mega/celebrity')} ("mega/celebrity"), The Influence Agency for ${rangeOf('influence-agency', 'celebrity')}. ` +
      'TapInfluence\'s blog warns not to "confuse celebrity with influence" but suggests celebrities for awareness.',
    example:
      `TapInfluence: a brand paid Kim Kardashian to tweet to ${KARDASHIAN_FOLLOWERS} followers and got ${KARDASHIAN_CASE.orders} orders averaging ` +
      `${formatMoney(KARDASHIAN_CASE.orderValue)}: ${KARDASHIAN_CASE.orders} × ${formatMoney(KARDASHIAN_CASE.orderValue)} = ${formatMoney(KARDASHIAN_SALES)} in sales.`,
    sources: [src('tapinfluence-view')],
    related: ['mega-influencer', 'top-influencer', 'cpe', 'conversion-rate'],
  },
  {
    id: 'top-influencer',
    name: 'Top influencer',
    aliases: ['top', 'top tier'],
    group: 'Tiers',
    tierNames: ['top influencer'],
    definition:
      `A Japanese article's (translated) name for its top tier: ${rangeOf('seed-000', 'top influencer')} followers ("1 million or more"). Below it, it has ` +
      `macro (${JAPANESE_MACRO.stated}) and micro (${JAPANESE_MICRO.stated}), which leaves a gap between ${formatCompact(JAPANESE_MICRO.lineTo!)} and ` +
      `${formatCompact(JAPANESE_MACRO.lineFrom)} that belongs to no tier.`,
    example:
      `The Japanese article: 2,500,000 followers → top influencer; ${formatCount(IN_JAPANESE_GAP)} → no tier (above micro's ` +
      `${formatCompact(JAPANESE_MICRO.lineTo!)} end, below macro's ${formatCompact(JAPANESE_MACRO.lineFrom)} start).`,
    sources: [],
    related: ['mega-influencer', 'celebrity-influencer', 'influencer-tiers'],
  },
  {
    id: 'regular-influencer',
    name: 'Regular influencer',
    aliases: ['regular', 'common influencer'],
    group: 'Tiers',
    tierNames: ['regular influencer'],
    definition:
      `The "Rise of Micro-Influencers" article's name for accounts with ${rangeOf('seed-001', 'regular influencer')} followers, which it advises steering away from, like celebrity ` +
      'endorsement. Digital Reflections uses it for big, broad audiences ("big and fat numbers"): good for awareness, but less ' +
      'targeted.',
    // The article's advice, which the registry keeps among its notes, not as a tier.
    example:
      'The "Rise of Micro-Influencers" article suggests ten influencers with 5k–10k followers each instead: between 10 × 5,000 = 50,000 and ' +
      '10 × 10,000 = 100,000 followers in total.',
    sources: [src('seed-004')],
    related: ['micro-influencer', 'niche-audience', 'celebrity-influencer'],
  },
  {
    id: 'instagram-user',
    name: 'Instagram user',
    aliases: ['below influencer size'],
    group: 'Tiers',
    exampleAt: { count: 500, show: ['hypeauditor', 'cmswire'] },
    tierNames: ['Instagram user'],
    definition:
      `HypeAuditor's name for its lowest band, ${INSTAGRAM_USER_BAND.stated} followers, below rookie (${hypeAuditor('rookie')}), in its study of 36,000 ` +
      'influencers: accounts it does not count as influencers. Most publishers\' smallest tier starts at 1,000 or ' +
      `above, so below it Tierbot says "below influencer size"; ${CALLED_UNDER_INFLUENCER_SIZE.words}.`,
    sources: CALLED_UNDER_INFLUENCER_SIZE.sourceIds.map(src),
    related: ['rookie', 'nano-influencer'],
  },
  {
    id: 'rookie',
    name: 'Rookie',
    aliases: [],
    group: 'Tiers',
    exampleAt: { count: 3_000, show: ['hypeauditor', 'mediakix', 'adweek-500-5000'] },
    tierNames: ['rookie'],
    definition:
      `HypeAuditor's tier for ${hypeAuditor('rookie')} followers, between Instagram user (${hypeAuditor('Instagram user')}) and up-and-coming ` +
      `(${hypeAuditor('up-and-coming')}). The publishers split over it between nano (e.g. Mediakix: ${rangeOf('mediakix', 'nano')}) and micro ` +
      `(e.g. Adweek's ${rangeOf('adweek-500-5000', 'micro')} reading).`,
    sources: [src('mediakix'), src('adweek-500-5000')],
    related: ['instagram-user', 'up-and-coming', 'nano-influencer'],
  },
  {
    id: 'up-and-coming',
    name: 'Up-and-coming',
    aliases: [],
    group: 'Tiers',
    exampleAt: { count: 15_000, show: ['hypeauditor', 'mediakix', 'heepsy'] },
    tierNames: ['up-and-coming'],
    definition:
      `HypeAuditor's tier for ${hypeAuditor('up-and-coming')} followers, between rookie (${hypeAuditor('rookie')}) and prosumer ` +
      `(${hypeAuditor('prosumer')}). It straddles the nano/micro line that most sources draw at 10k.`,
    sources: [src('mediakix'), src('heepsy')],
    related: ['rookie', 'prosumer', 'micro-influencer'],
  },
  {
    id: 'prosumer',
    name: 'Prosumer',
    aliases: [],
    group: 'Tiers',
    exampleAt: { count: 70_000, show: ['hypeauditor', 'mediakix'] },
    tierNames: ['prosumer'],
    definition:
      `HypeAuditor's tier for ${hypeAuditor('prosumer')} followers, between up-and-coming (${hypeAuditor('up-and-coming')}) and maven ` +
      `(${hypeAuditor('maven')}). By range it is micro for Later × Fohr (${rangeOf('later-fohr', 'micro')}).`,
    sources: [src('later-fohr'), src('mediakix')],
    related: ['up-and-coming', 'maven', 'micro-influencer'],
  },
  {
    id: 'maven',
    name: 'Maven',
    aliases: [],
    group: 'Tiers',
    exampleAt: { count: 600_000, show: ['hypeauditor', 'mediakix'] },
    tierNames: ['maven'],
    definition:
      `HypeAuditor's tier for ${hypeAuditor('maven')} followers, just below its celebrity tier (${hypeAuditor('celebrity')}). ` +
      `${sharedRanges([['iconosquare', 'macro'], ['cmswire', 'macro']]).map(({ range, publishers }) => `${publishers} call this band macro (${range})`).join('; ')}; ` +
      `Mediakix splits it between mid-tier (${rangeOf('mediakix', 'mid-tier')}) and macro (${rangeOf('mediakix', 'macro')}).`,
    sources: [src('iconosquare'), src('cmswire'), src('mediakix')],
    related: ['prosumer', 'celebrity-influencer', 'macro-influencer'],
  },

  // ── Engagement ──
  {
    id: 'engagement',
    name: 'Engagement',
    aliases: ['interactions'],
    group: 'Engagement',
    definition:
      'The interactions a post gets: likes, comments, shares, saves. Tools count different things: HypeAuditor\'s ' +
      'CPE uses likes + comments, GRIN adds shares. TapInfluence\'s blog calls engagement "a precursor to conversion".',
    example:
      'Illustrative: 900 likes, 60 comments and 40 shares → 900 + 60 + 40 = 1,000 engagements for GRIN; HypeAuditor ' +
      'counts 900 + 60 = 960.',
    sources: [CITE.hypeauditorTools, CITE.grin, src('tapinfluence-view')],
    related: ['engagement-rate', 'cpe', 'conversion-rate'],
  },
  {
    id: 'engagement-rate',
    name: 'Engagement rate',
    aliases: ['ER', 'engagement rate by impressions', 'ER by impressions'],
    group: 'Engagement',
    definition:
      'Engagements as a share of an audience: by followers, reach, impressions or views; say which. Rates mostly fall ' +
      `as followers rise (Markerly 2016: Instagram like rates near ${percentWords(MARKERLY_SMALLEST)} ${MARKERLY_SMALLEST.band.stated}, ` +
      `${percentWords(MARKERLY_LARGEST)} at ${MARKERLY_LARGEST.band.stated}), yet Wies et al. ` +
      '(2023) found sponsored-post engagement peaks near 1M. Influencer Marketing Hub (2021, as reported by ION): ' +
      // Its Instagram rate is held only in the words of /compare's note (ENGAGEMENT_DISAGREEMENT).
      `micro-influencers about ${exactPercent(IMH_MICRO_MEGA.tiktok.micro)} on TikTok, 3.86% on Instagram, basis not given.`,
    example:
      'Illustrative: a post from a 20,000-follower account reaches 6,000 accounts, is shown 7,500 times and gets 300 ' +
      'engagements → 300 ÷ 20,000 × 100 = 1.5% by followers, 300 ÷ 6,000 × 100 = 5% by reach, 300 ÷ 7,500 × 100 = ' +
      '4% by impressions.',
    sources: [src('digiday-markerly'), CITE.wies, CITE.imh2021, CITE.upfluence, CITE.hypeauditorErr, CITE.meltwater],
    related: ['engagement-rate-by-followers', 'engagement-rate-by-reach', 'engagement-rate-by-views', 'engagement'],
  },
  {
    id: 'engagement-rate-by-followers',
    name: 'Engagement rate (by followers)',
    aliases: ['ER by followers'],
    group: 'Engagement',
    formula: 'ER = (likes + comments) ÷ followers × 100',
    definition:
      'The most common version, as Upfluence and Mediakix publish it. InfluencerDB (2019, likes ÷ followers) found ' +
      `${percentWords(INFLUENCERDB_SMALL)} at ${INFLUENCERDB_SMALL.band.stated} followers and ${percentWords(INFLUENCERDB_ABOVE_10K)} above ` +
      `${formatCompact(INFLUENCERDB_ABOVE_10K.band.min - 1)}; HypeAuditor (2026, as reported by eMarketer) gives ` +
      `Instagram nano 1.78%, micro ${percentWords(HYPEAUDITOR_2026_MICRO)}, mega 0.33% (basis not given).`,
    example: 'Illustrative: 400 likes + 50 comments on a 15,000-follower account → (400 + 50) ÷ 15,000 × 100 = 3%.',
    check: { inputs: { likes: 400, comments: 50, followers: 15_000 }, result: 3 },
    sources: [CITE.upfluence, CITE.mediakixEr, CITE.influencerDb, CITE.hypeauditor2026],
    related: ['engagement-rate', 'engagement-rate-by-reach', 'fake-followers'],
  },
  {
    id: 'engagement-rate-by-reach',
    name: 'Engagement rate (by reach)',
    aliases: ['ER by reach', 'ERR'],
    group: 'Engagement',
    formula: 'ER = engagements ÷ reach × 100',
    definition:
      'Engagement measured against the unique accounts a post was actually shown to (its reach), not the follower ' +
      'count, as HypeAuditor (its ERR) and Meltwater publish it. Engagement rate by impressions, which divides by ' +
      'every showing, repeat views included, is a separate measure with a lower result: say which you used.',
    example: 'Illustrative: 240 engagements on a post that reached 8,000 accounts → 240 ÷ 8,000 × 100 = 3%.',
    check: { inputs: { engagements: 240, reach: 8_000 }, result: 3 },
    sources: [CITE.hypeauditorErr, CITE.meltwater],
    related: ['engagement-rate', 'reach', 'impressions'],
  },
  {
    id: 'engagement-rate-by-views',
    name: 'Engagement rate (by views)',
    aliases: ['ER by views'],
    group: 'Engagement',
    formula: 'ER = engagements ÷ views × 100',
    definition:
      'The usual version for video (TikTok, YouTube), where views matter more than followers (Modash; it also ' +
      'publishes ER by median likes). A rate by views and a rate by followers are not comparable: check which one ' +
      'a published figure uses.',
    example: 'Illustrative: 1,800 engagements on a video with 60,000 views → 1,800 ÷ 60,000 × 100 = 3%.',
    check: { inputs: { engagements: 1_800, views: 60_000 }, result: 3 },
    sources: [CITE.modash],
    related: ['engagement-rate', 'engagement-rate-by-followers'],
  },

  // ── Reach & cost ──
  {
    id: 'reach',
    name: 'Reach',
    aliases: ['unique reach'],
    group: 'Reach & cost',
    definition:
      'The number of unique accounts that saw a post or campaign. It is usually below the follower count (not ' +
      'every follower sees every post) and below impressions (one account can see a post several times). ' +
      `TapInfluence (2017) defines micro by “total reach”, ${rangeOf('tapinfluence-2017', 'micro')}: followers across platforms, not a post’s reach, so /tier reads it as a follower count.`,
    example:
      'Illustrative: a post shown 12,000 times to 8,000 different accounts has a reach of 8,000 and 12,000 ' +
      'impressions: 12,000 ÷ 8,000 = 1.5 views per account.',
    sources: [src('tapinfluence-2017'), CITE.commonUsage],
    related: ['impressions', 'engagement-rate-by-reach', 'audience-overlap'],
  },
  {
    id: 'impressions',
    name: 'Impressions',
    aliases: [],
    group: 'Reach & cost',
    definition:
      'The total number of times content was shown, counting repeat views by the same account. Impressions are the ' +
      'base of CPM (cost per thousand impressions), EMV and engagement rate by impressions; engagement rate by reach ' +
      'divides by unique accounts instead.',
    example: 'Illustrative: 8,000 accounts that each saw a post 1.5 times on average → 8,000 × 1.5 = 12,000 impressions.',
    sources: [CITE.upfluence],
    related: ['reach', 'cpm', 'emv'],
  },
  {
    id: 'click-through-rate',
    name: 'Click-through rate',
    aliases: ['CTR'],
    group: 'Reach & cost',
    formula: 'CTR = link clicks ÷ reach × 100',
    definition:
      'The share of the accounts a post reached that click its link (visits = reach × CTR); some tools divide by ' +
      `impressions, so say which. ${LINK_IN_BIO_RULE} ${OBSERVED_CLICKS_TEXT}`,
    example: 'Illustrative: 150 link clicks from a post that reached 10,000 accounts → 150 ÷ 10,000 × 100 = 1.5%.',
    check: { inputs: { clicks: 150, reach: 10_000 }, result: 1.5 },
    sources: [CITE.clickThrough, CITE.linkInBio, src('tapinfluence-view'), CITE.fab, CITE.minter],
    related: ['sales-funnel', 'conversion-rate', 'impressions'],
  },
  {
    id: 'cpe',
    name: 'CPE (cost per engagement)',
    aliases: ['cost per engagement'],
    group: 'Reach & cost',
    formula: 'CPE = cost ÷ engagements',
    definition:
      'What each like or comment (or share) cost. HypeAuditor counts likes + comments; GRIN adds shares. TapInfluence ' +
      'says to look at CPE when judging value: micro-influencers "will not always have lower rates", and ' +
      'celebrities\' CPE "is often much higher".',
    example: 'Illustrative: $500 for 2,000 likes + 100 comments → CPE = 500 ÷ 2,100 ≈ $0.24.',
    check: { inputs: { cost: 500, engagements: 2_100 }, result: 0.24 },
    sources: [CITE.hypeauditorTools, CITE.grin, src('tapinfluence-view')],
    related: ['cpme', 'engagement', 'cpm'],
  },
  {
    id: 'cpm',
    name: 'CPM (cost per thousand impressions)',
    aliases: ['cost per mille', 'cost per thousand', 'cost per 1,000 impressions'],
    group: 'Reach & cost',
    formula: 'CPM = cost ÷ impressions × 1,000',
    definition:
      'The price of 1,000 impressions, the usual way to compare influencer and paid-media costs. Word on the Block ' +
      `(2023) gives CPMs of ${CPM_RANGES}; ${STANDARD_CPM.source.publisher} calls ${formatMoney(STANDARD_CPM.dollars)} the "industry standard".`,
    example: 'Illustrative: $600 for 80,000 impressions → 600 ÷ 80,000 × 1,000 = $7.50 CPM.',
    check: { inputs: { cost: 600, impressions: 80_000 }, result: 7.5 },
    sources: [CITE.wordOnTheBlock, CITE.upfluence],
    related: ['impressions', 'emv', 'cpe'],
  },
  {
    id: 'cpme',
    name: 'CPME (cost per thousand engagements)',
    aliases: ['cost per 1,000 engagements'],
    group: 'Reach & cost',
    formula: 'CPME = cost ÷ engagements × 1,000',
    definition:
      'Cost per thousand engagements: CPE scaled up so that small costs are easier to compare. Traackr builds its ' +
      'budget calculator on it.',
    example: 'Illustrative: $500 for 2,100 engagements → 500 ÷ 2,100 × 1,000 ≈ $238 per 1,000 engagements.',
    check: { inputs: { cost: 500, engagements: 2_100 }, result: 238 },
    sources: [CITE.traackr],
    related: ['cpe', 'cpm'],
  },
  {
    id: 'emv',
    name: 'EMV (earned media value)',
    aliases: ['earned media value', 'media value'],
    group: 'Reach & cost',
    formula: 'EMV = impressions × CPM ÷ 1,000',
    definition:
      'What a campaign\'s impressions would have cost as paid ads at a chosen CPM (Upfluence\'s formula; HypeAuditor ' +
      'has an EMV calculator). EMV is not revenue: it says nothing about sales, and it moves with whatever CPM you ' +
      'assume.',
    example:
      `Illustrative: ${formatCount(EMV_IMPRESSIONS)} impressions at ${STANDARD_CPM.source.publisher}'s ${formatMoney(STANDARD_CPM.dollars)} "industry standard" CPM → ` +
      `${formatCount(EMV_IMPRESSIONS)} × ${amount(STANDARD_CPM.dollars)} ÷ 1,000 = ${formatMoney(emvAt(STANDARD_CPM.dollars))} EMV, not ${formatMoney(emvAt(STANDARD_CPM.dollars))} of sales.`,
    check: { inputs: { impressions: EMV_IMPRESSIONS, cpm: STANDARD_CPM.dollars }, result: emvAt(STANDARD_CPM.dollars) },
    sources: [CITE.upfluence, CITE.hypeauditorTools],
    related: ['cpm', 'impressions', 'roi'],
  },
  {
    id: 'influencer-rate',
    name: 'Influencer rate (price per post)',
    aliases: ['price per post', 'cost per post'],
    group: 'Reach & cost',
    formula: `Rule of thumb: price ≈ ${CENT_RULE_TEXT}`,
    definition:
      `What a creator charges per sponsored post. The old rule of thumb is ${CENT_RULE_TEXT} (as reported by ` +
      'USA Today and Shopify; "some experts called that conservative"). Real payments vary: Lumanu\'s 250,000 ' +
      'creator payments (2024) averaged $2,300, median $800.',
    example: `Illustrative, using the rule of thumb: 50,000 followers → ${centRuleWorking(50_000)} per post; 1,000,000 followers → ${formatMoney(centRulePrice(1_000_000))}.`,
    check: { inputs: { followers: 50_000 }, result: centRulePrice(50_000) },
    sources: [CITE.ruleOfThumb, CITE.lumanu],
    related: ['sponsored-post', 'cpm', 'cpe'],
  },

  // ── Sales & return ──
  {
    id: 'conversion-rate',
    name: 'Conversion rate',
    aliases: ['CVR', 'conversion'],
    group: 'Sales & return',
    formula: 'Conversion rate = conversions ÷ visits (or clicks, or followers) × 100',
    definition:
      // The percentages are kept as written (0.08% is the table's 0.0806% at fewer digits); a test checks them against the table.
      'The share of people who do what you want (buy, sign up) after seeing or clicking. Fab.com (2011): Ashton ' +
      `Kutcher's ${formatCount(FAB_KUTCHER.followers)} followers gave ${formatCount(FAB_KUTCHER.actions)} sign-ups (0.08% of followers); ` +
      `Kevin Rose's ${formatCount(FAB_ROSE.followers)} gave ${formatCount(FAB_ROSE.actions)} ` +
      '(0.345% of followers). Those are per follower, not per visit: /compare\'s conversion is orders per visit.',
    example:
      `TapInfluence: Kim Kardashian's tweet drove ${formatCount(KARDASHIAN_CASE.visits)} website visits and ${KARDASHIAN_CASE.orders} orders → ` +
      `${KARDASHIAN_CASE.orders} ÷ ${formatCount(KARDASHIAN_CASE.visits)} × 100 = ${formatPercent(KARDASHIAN_CONVERSION)}.`,
    check: { inputs: { conversions: KARDASHIAN_CASE.orders, visits: KARDASHIAN_CASE.visits }, result: KARDASHIAN_CONVERSION },
    sources: [CITE.fab, src('tapinfluence-view')],
    related: ['sales-funnel', 'average-order-value', 'click-through-rate'],
  },
  {
    id: 'average-order-value',
    name: 'Average order value (AOV)',
    aliases: ['AOV'],
    group: 'Sales & return',
    formula: 'AOV = revenue ÷ orders',
    definition:
      'What the average order is worth. With the conversion rate it turns traffic into revenue: revenue = orders × AOV.',
    example:
      `TapInfluence: ${KARDASHIAN_CASE.orders} orders averaging ${formatMoney(KARDASHIAN_CASE.orderValue)} → revenue = ${KARDASHIAN_CASE.orders} × ` +
      `${formatMoney(KARDASHIAN_CASE.orderValue)} = ${formatMoney(KARDASHIAN_SALES)}, and AOV = ${formatCount(KARDASHIAN_SALES)} ÷ ${KARDASHIAN_CASE.orders} = ` +
      `${formatMoney(KARDASHIAN_SALES / KARDASHIAN_CASE.orders)}.`,
    check: { inputs: { revenue: KARDASHIAN_SALES, orders: KARDASHIAN_CASE.orders }, result: KARDASHIAN_SALES / KARDASHIAN_CASE.orders },
    sources: [src('tapinfluence-view'), CITE.formulas],
    related: ['conversion-rate', 'sales-funnel', 'roas'],
  },
  {
    id: 'roi',
    name: 'ROI (return on investment)',
    aliases: ['return on investment'],
    group: 'Sales & return',
    formula: 'ROI = (revenue − cost) ÷ cost × 100',
    definition:
      'What a campaign returned beyond its cost, as a percentage of the cost. TapInfluence\'s blog repeats a claim that ' +
      'influencer marketing beats digital ads "by 11X"; it traces to a TapInfluence / Nielsen Catalina Solutions ' +
      'webinar, and the study itself was not found.',
    example: 'Illustrative: $2,000 spent, $5,000 revenue → (5,000 − 2,000) ÷ 2,000 × 100 = 150% ROI.',
    check: { inputs: { revenue: 5_000, cost: 2_000 }, result: 150 },
    sources: [CITE.formulas, src('tapinfluence-view'), CITE.nielsen],
    related: ['roas', 'emv', 'revenue-per-follower'],
  },
  {
    id: 'roas',
    name: 'ROAS (return on ad spend)',
    aliases: ['return on ad spend'],
    group: 'Sales & return',
    formula: 'ROAS = revenue ÷ cost',
    definition:
      'Revenue per unit of spend, as a ratio (2.5) or multiple (2.5×); unlike ROI it does not subtract the cost. ' +
      'Beichert et al. (Journal of Marketing, 2024) found low-follower influencers beat high-follower ones "by ' +
      'order of magnitude" on return on spend.',
    example: 'Illustrative: $5,000 revenue on $2,000 spent → 5,000 ÷ 2,000 = 2.5 ($2.50 back per $1).',
    check: { inputs: { revenue: 5_000, cost: 2_000 }, result: 2.5 },
    sources: [CITE.formulas, CITE.beichert],
    related: ['roi', 'revenue-per-follower'],
  },
  {
    id: 'revenue-per-follower',
    name: 'Revenue per follower',
    aliases: [],
    group: 'Sales & return',
    formula: 'Revenue per follower = revenue ÷ followers',
    definition:
      'Sales divided by the influencer\'s follower count, a fair way to compare tiers. Beichert et al. (Journal of ' +
      'Marketing, 2024; 1,881,533 purchases, 2,808 sponsored posts): €0.265 per follower for nano ' +
      `vs €0.049 for macro (${SECOND_HAND_UNNAMED}).`,
    example: 'Illustrative: €1,325 of sales from a 5,000-follower account → 1,325 ÷ 5,000 = €0.265, the nano figure reported.',
    check: { inputs: { revenue: 1_325, followers: 5_000 }, result: 0.265 },
    sources: [CITE.beichert],
    related: ['roas', 'nano-influencer', 'macro-influencer'],
  },
  {
    id: 'sales-funnel',
    name: 'Sales funnel (followers to buyers)',
    aliases: ['funnel', 'conversion funnel'],
    group: 'Sales & return',
    formula: 'buyers = followers × reach rate × click-through rate × conversion rate; revenue = buyers × AOV',
    definition:
      'A chain of rates that turns an audience into sales: how many followers see a post (reach rate), how many of ' +
      'those click through (a like or comment is an engagement, not a visit), how many of those buy. Each rate is ' +
      'an assumption you can check after the campaign.',
    example:
      'Illustrative: 50,000 followers × 20% reach × 2% click-through × 3% conversion = 6 buyers; 6 × $40 AOV = ' +
      '$240 revenue.',
    check: { inputs: { followers: 50_000, reachRate: 20, clickRate: 2, conversionRate: 3, aov: 40 }, result: 240 },
    sources: [CITE.formulas],
    related: ['reach', 'click-through-rate', 'conversion-rate', 'average-order-value'],
  },

  // ── Audience & trust ──
  {
    id: 'audience-overlap',
    name: 'Audience overlap',
    aliases: ['overlap', 'duplicate audience'],
    group: 'Audience & trust',
    formula: 'Simple model: unique audience ≈ total followers × (1 − overlap share)',
    definition:
      'The followers that creators in one campaign have in common, counted twice if you add follower counts. There ' +
      'is no published industry average: tools (Influencity, influData, Stellar) measure it per campaign. Treat it ' +
      'as an assumption and show it.',
    example:
      'Illustrative, after Influencity\'s example of 10 creators with 40% overlap: 10 × 10,000 = 100,000 followers ' +
      '→ about 100,000 × (1 − 0.40) = 60,000 unique.',
    check: { inputs: { followers: 100_000, overlapPercent: 40 }, result: 60_000 },
    sources: [CITE.influencity],
    related: ['reach', 'niche-audience'],
  },
  {
    id: 'niche-audience',
    name: 'Niche audience',
    aliases: ['niche', 'target audience', 'targeted audience'],
    group: 'Audience & trust',
    definition:
      'A following that shares one interest, place or problem, like the Japanese article\'s "women in their 20s who are ' +
      'interested in fashion". The articles agree it is what makes micro-influencers work: fewer followers, ' +
      'but relevant ones who trust the creator.',
    example:
      'TapInfluence: engage 10 focused influencers with 10,000 followers each rather than 1 with a "diluted, varied ' +
      'audience" of 100,000: the same 10 × 10,000 = 100,000 followers.',
    sources: [src('seed-000'), src('fiveable'), src('tapinfluence-view'), src('seed-004')],
    related: ['micro-influencer', 'authenticity', 'audience-overlap'],
  },
  {
    id: 'authenticity',
    name: 'Authenticity',
    aliases: ['authentic', 'trust', 'credibility'],
    group: 'Audience & trust',
    definition:
      'Followers\' sense that a creator means what they recommend. Fiveable, TapInfluence and Digital Reflections tie it to trust. Digital Reflections: ' +
      'micro-influencers often refuse brands they do not believe in, and one who promotes "all kinds of brands" ' +
      'loses followers\' trust.',
    example:
      'TapInfluence\'s blog: "compared to average consumers, micro-influencers hold 22.2 times more conversations per ' +
      `week". Experticity / Keller Fay (2016, ${SECOND_HAND_UNNAMED}): up to 22.2× more buying-recommendation conversations per ` +
      'week than an average consumer.',
    sources: [src('fiveable'), src('tapinfluence-view'), src('seed-004'), CITE.experticity],
    related: ['niche-audience', 'micro-influencer', 'fake-followers'],
  },
  {
    id: 'fake-followers',
    name: 'Fake followers',
    aliases: ['bots', 'bought followers'],
    group: 'Audience & trust',
    definition:
      'Followers that are not real, interested people: bots, bought or abandoned accounts. They inflate the ' +
      'follower count (and any price based on it) and pull down engagement rate by followers. No source in ' +
      'Tierbot\'s library says how common they are.',
    example:
      'Illustrative: 600 engagements on a 20,000-follower account is 3%; if 5,000 followers are fake, the 15,000 ' +
      'real ones give 600 ÷ 15,000 = 4%.',
    sources: [CITE.upfluence, CITE.plainWords],
    related: ['engagement-rate-by-followers', 'authenticity'],
  },

  // ── Campaign ──
  {
    id: 'sponsored-post',
    name: 'Sponsored post',
    aliases: ['sponsored content', 'paid post'],
    group: 'Campaign',
    definition:
      `A post a brand pays a creator to publish. Prices vary widely: Ad Age (2020) reported ${AD_AGE_KARDASHIAN_FEE_TEXT} per ` +
      `sponsored Instagram post by Kim Kardashian West. ${MEDIAKIX_2017_FINDING}`,
    example:
      `Illustrative: ${formatMoney(AD_AGE_KARDASHIAN_FEE.low)} ÷ ${formatMoney(centRulePrice(50_000))} = ` +
      `${formatCount(AD_AGE_KARDASHIAN_FEE.low / centRulePrice(50_000))} posts at the rule-of-thumb price for 50,000 followers ` +
      `(${centRuleWorking(50_000)}).`,
    sources: [CITE.adAge2020, CITE.mediakix2017, CITE.ruleOfThumb],
    related: ['influencer-rate', 'brand-ambassador', 'cpe'],
  },
  {
    id: 'brand-ambassador',
    name: 'Brand ambassador',
    aliases: ['ambassador'],
    group: 'Campaign',
    definition:
      'A creator, customer or employee who represents a brand over a longer period, usually under contract, rather ' +
      'than for one post. TapInfluence\'s blog lists brand ambassadors beside micro, "power middle" and macro influencers in a ' +
      'broad strategy. No source in Tierbot\'s library gives figures for them.',
    example: 'Illustrative: a 12-month ambassador deal at 2 posts a month is 12 × 2 = 24 posts, against 1 for a one-off sponsored post.',
    sources: [src('tapinfluence-view')],
    related: ['brand-advocate', 'sponsored-post'],
  },
  {
    id: 'brand-advocate',
    name: 'Brand advocate',
    aliases: ['advocate', 'brand advocacy'],
    group: 'Campaign',
    definition:
      'A fan, often a customer or employee, who recommends a brand because they like it, usually unpaid or for ' +
      'perks. TapInfluence\'s blog lists brand advocates and employees in a full influencer mix. No source in Tierbot\'s ' +
      'library gives figures for them.',
    example:
      'Illustrative: 50 customers who each share a post with about 300 followers reach at most 50 × 300 = 15,000 ' +
      'people, fewer after audience overlap.',
    sources: [src('tapinfluence-view')],
    related: ['brand-ambassador', 'authenticity', 'audience-overlap'],
  },

  // ── Everyday terms ──
  {
    id: 'cpc',
    name: 'CPC (cost per click)',
    aliases: ['cost per click'],
    group: 'Reach & cost',
    formula: 'CPC = cost ÷ link clicks',
    definition:
      'What each click on a creator\'s link cost. A like or comment is not a click, and an Instagram feed post has ' +
      'no clickable link, so count only link-in-bio, story-link or other link clicks.',
    example: 'Illustrative: a $500 post that brings 400 link clicks → CPC = 500 ÷ 400 = $1.25.',
    check: { inputs: { cost: 500, clicks: 400 }, result: 1.25 },
    sources: [CITE.commonUsage],
    related: ['click-through-rate', 'cpa', 'cpe'],
  },
  {
    id: 'cpa',
    name: 'CPA (cost per acquisition)',
    aliases: ['cost per acquisition', 'cost per action', 'cost per order'],
    group: 'Sales & return',
    formula: 'CPA = cost ÷ conversions (orders, sign-ups…)',
    definition:
      'What each customer, order or sign-up cost. It is the figure that settles "one big or many small": ' +
      `TapInfluence's blog reports a Kim Kardashian tweet to ${KARDASHIAN_FOLLOWERS} followers that brought only ${KARDASHIAN_CASE.orders} orders.`,
    example: 'Illustrative: $1,200 spent for 30 orders → CPA = 1,200 ÷ 30 = $40 per order.',
    check: { inputs: { cost: 1_200, conversions: 30 }, result: 40 },
    sources: [CITE.commonUsage, src('tapinfluence-view')],
    related: ['conversion-rate', 'cpc', 'roi'],
  },
  {
    id: 'reach-rate',
    name: 'Reach rate',
    aliases: ['post reach rate'],
    group: 'Reach & cost',
    formula: 'Reach rate = reach ÷ followers × 100',
    definition:
      `The share of followers who actually see a post. Minter.io (2019, medians): ${percentWords(MINTER_SMALLEST)} for accounts under ` +
      `${formatCompact(MINTER_SMALLEST.band.max! + 1)} followers, ${percentWords(MINTER_AT_EXAMPLE)} at ${MINTER_AT_EXAMPLE.band.stated}, ` +
      `${percentWords(MINTER_LARGEST)} ${MINTER_LARGEST.band.stated}. Bazaarvoice (2021) tells brands ${BAZAARVOICE_LARGEST.band.stated} followers ` +
      `to aim for ${percentWords(BAZAARVOICE_LARGEST)} post reach.`,
    example:
      `Illustrative, at Minter.io's median for ${MINTER_AT_EXAMPLE.band.stated} accounts: ${formatCount(REACHED_IN_EXAMPLE)} of ` +
      `${formatCount(REACH_EXAMPLE_FOLLOWERS)} followers reached → ${formatCount(REACHED_IN_EXAMPLE)} ÷ ${formatCount(REACH_EXAMPLE_FOLLOWERS)} × 100 = ` +
      `${exactPercent((REACHED_IN_EXAMPLE / REACH_EXAMPLE_FOLLOWERS) * 100)}.`,
    check: { inputs: { reach: REACHED_IN_EXAMPLE, followers: REACH_EXAMPLE_FOLLOWERS }, result: (REACHED_IN_EXAMPLE / REACH_EXAMPLE_FOLLOWERS) * 100 },
    sources: [CITE.minter, CITE.bazaarvoice],
    related: ['reach', 'impressions-vs-reach', 'sales-funnel'],
  },
  {
    id: 'impressions-vs-reach',
    name: 'Impressions vs reach',
    aliases: ['reach vs impressions', 'frequency'],
    group: 'Reach & cost',
    formula: 'Frequency = impressions ÷ reach',
    definition:
      'Reach counts each account once; impressions count every showing, so impressions are never fewer than reach. ' +
      'Their ratio is frequency. No published average was found: a forecasting rule of 1.25 impressions per ' +
      'account is reported for Stellar and Influencity.',
    example: 'Illustrative: 12,000 impressions from 8,000 accounts → 12,000 ÷ 8,000 = 1.5 views per account.',
    check: { inputs: { impressions: 12_000, reach: 8_000 }, result: 1.5 },
    sources: [CITE.frequencyRule, CITE.commonUsage],
    related: ['reach', 'impressions', 'cpm'],
  },
  {
    id: 'emv-caveats',
    name: 'EMV caveats',
    aliases: ['emv limits', 'emv problems'],
    group: 'Reach & cost',
    definition:
      'Why earned media value misleads: it is impressions priced at a CPM you choose, not sales. The same ' +
      `impressions are worth over twice as much at ${formatMoney(CPM_REFERENCE.instagram.high)} CPM (the top of ${CPM_REFERENCE.instagram.source.publisher}'s Instagram range) as at ` +
      `${STANDARD_CPM.source.publisher}'s ${formatMoney(STANDARD_CPM.dollars)} "industry standard". Report it beside sales, never as return.`,
    example:
      `Illustrative: ${formatCount(EMV_IMPRESSIONS)} × ${amount(CPM_REFERENCE.instagram.high)} ÷ 1,000 = ${formatMoney(emvAt(CPM_REFERENCE.instagram.high))} EMV, ` +
      `but ${formatCount(EMV_IMPRESSIONS)} × ${amount(STANDARD_CPM.dollars)} ÷ 1,000 = ${formatMoney(emvAt(STANDARD_CPM.dollars))} for the same post.`,
    sources: [CITE.upfluence, CITE.wordOnTheBlock],
    related: ['emv', 'cpm', 'roi'],
  },
  {
    id: 'ugc',
    name: 'UGC (user-generated content)',
    aliases: ['user-generated content'],
    group: 'Campaign',
    definition:
      'Photos, videos and reviews made by customers or creators rather than by the brand. Brands often pay ' +
      'creators for UGC to use in their own ads and pages, which makes usage rights part of the deal.',
    example: 'Illustrative: 5 creators × 3 videos each = 15 UGC videos for a product page.',
    sources: [CITE.commonUsage],
    related: ['usage-rights', 'whitelisting', 'sponsored-post'],
  },
  {
    id: 'kol',
    name: 'KOL (key opinion leader)',
    aliases: ['key opinion leader'],
    group: 'Campaign',
    definition:
      'An expert or well-known voice a community trusts, a term common in Asian markets and in health care. ' +
      'TapInfluence\'s blog describes the same idea in words it quotes from another piece, a list of influencer ' +
      'marketing tips: "experts whose voices are heard and heeded, regardless of the size of their audience".',
    example: 'Illustrative: a dermatologist with 40,000 followers can be a KOL for skin care whatever tier the count falls in.',
    sources: [CITE.commonUsage, src('tapinfluence-view')],
    related: ['influencer', 'authenticity', 'niche-audience'],
  },
  {
    id: 'whitelisting',
    name: 'Whitelisting (creator licensing)',
    aliases: ['creator licensing', 'whitelisted ads'],
    group: 'Campaign',
    definition:
      'A creator lets a brand run paid ads through the creator\'s account, or with the creator\'s name on them, for ' +
      'an agreed time and fee. The ads reach people beyond the creator\'s followers, and the brand controls ' +
      'targeting and budget.',
    example: 'Illustrative: a $500 post plus a 30-day whitelisting fee of $250 → 500 + 250 = $750 in all.',
    sources: [CITE.commonUsage],
    related: ['usage-rights', 'ugc', 'sponsored-post'],
  },
  {
    id: 'affiliate',
    name: 'Affiliate (commission) deal',
    aliases: ['affiliate', 'affiliate marketing', 'commission'],
    group: 'Sales & return',
    formula: 'Commission = attributed sales × commission rate',
    definition:
      'The creator is paid a share of the sales they bring, tracked with a link or discount code, instead of (or on ' +
      'top of) a flat fee. It moves the risk of a post that sells nothing from the brand to the creator.',
    example: "Illustrative: $3,000 of sales through a creator's code at a 10% commission → 3,000 × 10 ÷ 100 = $300 paid.",
    check: { inputs: { sales: 3_000, rate: 10 }, result: 300 },
    sources: [CITE.commonUsage],
    related: ['cpa', 'conversion-rate', 'gifting'],
  },
  {
    id: 'gifting',
    name: 'Gifting (gifted product)',
    aliases: ['gifted product', 'product seeding', 'seeding'],
    group: 'Campaign',
    definition:
      'Sending a creator free product, with no fee and often no promise to post. GRIN\'s budget guidance counts ' +
      'gifted product at its retail price when adding up what a campaign cost.',
    example: 'Illustrative: 20 creators each gifted a $45 product → 20 × $45 = $900 of cost at retail price.',
    sources: [CITE.grinBudget],
    related: ['sponsored-post', 'affiliate', 'influencer-rate'],
  },
  {
    id: 'usage-rights',
    name: 'Usage rights',
    aliases: ['content rights', 'content licensing'],
    group: 'Campaign',
    definition:
      'What a brand may do with a creator\'s content once it is posted: repost it, run it in ads, put it on its ' +
      'site or in print, for how long and where. Rights beyond the creator\'s own post are usually priced on top ' +
      'of the post fee.',
    example: 'Illustrative: 2 videos licensed for ads for 3 months each → 2 × 3 = 6 video-months to price.',
    sources: [CITE.commonUsage],
    related: ['whitelisting', 'ugc', 'exclusivity'],
  },
  {
    id: 'exclusivity',
    name: 'Exclusivity',
    aliases: ['exclusivity clause', 'non-compete'],
    group: 'Campaign',
    definition:
      'A promise that the creator will not work with competing brands for a set time. It costs the creator other ' +
      'deals, so it is priced on top of the fee. Digital Reflections notes that creators who promote "all kinds of ' +
      'brands" lose their followers\' trust.',
    example: 'Illustrative: a 60-day exclusivity window after a 30-day campaign keeps the creator away from competitors for 30 + 60 = 90 days.',
    sources: [CITE.commonUsage, src('seed-004')],
    related: ['usage-rights', 'authenticity', 'brand-ambassador'],
  },
  {
    id: 'sponsored-vs-organic',
    name: 'Sponsored vs organic posts',
    aliases: ['organic post', 'organic vs sponsored', 'organic'],
    group: 'Campaign',
    definition:
      'A sponsored post is paid for by a brand; an organic one is the creator\'s own. Markerly (2016) found that its ' +
      `like rates by follower count for unpaid posts also hold for sponsored ones; ${MEDIAKIX_2017_FINDING}`,
    example:
      `Digiday on Markerly (2016): a like rate near ${percentWords(MARKERLY_SMALLEST)} ${MARKERLY_SMALLEST.band.stated} followers against ` +
      `${percentWords(MARKERLY_LARGEST)} at ${MARKERLY_LARGEST.band.stated}, so ${sourceNumber(MARKERLY_SMALLEST.low)} ÷ ${sourceNumber(MARKERLY_LARGEST.low)} ≈ ` +
      `${plainNumber(MARKERLY_SMALLEST.low / MARKERLY_LARGEST.low, 2)} times higher.`,
    sources: [src('digiday-markerly'), CITE.mediakix2017],
    related: ['sponsored-post', 'engagement-rate', 'authenticity'],
  },
];

/** Every range the registry gives that `covers` picks, in registry order. */
function rangesWhere(covers: (tier: Tier) => boolean): TermRange[] {
  return SOURCES.flatMap((source) =>
    source.tiers.filter(covers).map((tier) => ({ sourceId: source.id, sourceName: source.name, tierName: tier.name, stated: tier.stated })),
  );
}

/**
 * A term's ranges: those /tier counts as its tier (a band below influencer size counts as none),
 * or those under its tier names.
 */
function rangesFor(countedAs: NormalTier | undefined, tierNames: readonly string[] | undefined): TermRange[] | undefined {
  if (countedAs) return rangesWhere((tier) => tier.normal === countedAs && !tier.notInfluencer);
  return tierNames && rangesWhere((tier) => tierNames.includes(tier.name));
}

/** The counts in a band where some publisher's verdict changes: the band's start, then each such count inside it. */
function bandStarts(band: Tier): number[] {
  return [band.min, ...verdictStarts().filter((edge) => edge > band.min && (band.max === null || edge <= band.max))];
}

interface TierCall {
  publisher: string;
  from: number;
  to: number | null;
  sourceIds: Set<string>;
  /** The publisher's ranges that put the counts there, in its words. */
  ranges: Set<string>;
}

/**
 * Which publishers put counts of a band in a tier, from /tier's own vote, and the sources they do
 * it by: "Later × Fohr, Iconosquare and CMSWire call it nano; Adweek, Sprout Social, L2 and Inc.
 * (500–10k) call it micro". One that does so over only part of the band gives its range.
 */
function tiersCalledAcross(band: Tier): { words: string; sourceIds: string[] } {
  const starts = bandStarts(band);
  const calls = new Map<NormalTier, Map<string, TierCall>>();
  starts.forEach((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1]! - 1 : band.max;
    for (const vote of classify(start).consensus.publisherVotes) {
      if (vote.answer.kind !== 'tier') continue;
      for (const normal of vote.answer.tiers) {
        const byPublisher = calls.get(normal) ?? new Map<string, TierCall>();
        calls.set(normal, byPublisher);
        const call = byPublisher.get(vote.publisher.id) ?? { publisher: vote.publisher.label, from: start, to: end, sourceIds: new Set<string>(), ranges: new Set<string>() };
        byPublisher.set(vote.publisher.id, call);
        call.to = end;
        for (const { source, verdict } of vote.verdicts) {
          if (verdict.kind !== 'tier' || verdict.tier.normal !== normal) continue;
          call.sourceIds.add(source.id);
          call.ranges.add(verdict.tier.stated);
        }
      }
    }
  });
  const part = (call: TierCall): string => (call.from > band.min || call.to !== band.max ? ` (${[...call.ranges].join(', ')})` : '');
  const phrases = NORMAL_TIERS.flatMap((normal) => {
    const callers = [...(calls.get(normal)?.values() ?? [])];
    return callers.length ? [`${andList(callers.map((c) => `${c.publisher}${part(c)}`))} call it ${TIER_LABELS[normal]}`] : [];
  });
  const sourceIds = [...calls.values()].flatMap((byPublisher) => [...byPublisher.values()].flatMap((c) => [...c.sourceIds]));
  return { words: phrases.join('; '), sourceIds: [...new Set(sourceIds)] };
}

/** "nano or micro, a tie (6 of 21 publishers each)", "micro (8–15 of 21 publishers agree)": answerLine's words, over a stretch. */
function stretchWords(c: Classification, fewest: number, most: number): string {
  const { outcome, leaders, narrow, numericSources } = c.consensus;
  const votes = `${fewest === most ? fewest : `${fewest}–${most}`} of ${numericSources} publishers`;
  if (outcome === 'none') return `${answerWord(c)} (none of the ${numericSources} publishers puts it in one)`;
  if (outcome === 'below') return `${answerWord(c)} (${votes} agree)`;
  if (leaders.length > 1) return `${answerWord(c)}, a tie (${votes} each)`;
  return narrow ? `${answerWord(c)}, narrowly (${votes})` : `${answerWord(c)} (${votes} agree)`;
}

/**
 * What /tier answers across one publisher's band, from /tier's own classification: the band cut
 * where the answer changes (its tier, a tie, or "narrowly"), each stretch with the fewest and most
 * publishers behind that answer in it.
 */
function answersAcross(band: Tier): BandAnswers {
  const starts = bandStarts(band);
  const runs: { from: number; key: string; first: Classification; fewest: number; most: number }[] = [];
  for (const start of starts) {
    const c = classify(start);
    const { outcome, leaders, narrow, votes } = c.consensus;
    const key = [outcome, ...leaders, narrow].join(' ');
    const last = runs.at(-1);
    if (last?.key === key) {
      last.fewest = Math.min(last.fewest, votes);
      last.most = Math.max(last.most, votes);
    } else runs.push({ from: start, key, first: c, fewest: votes, most: votes });
  }
  const stretches = runs.map((run, i) => ({
    from: run.from,
    to: i + 1 < runs.length ? runs[i + 1]!.from - 1 : band.max,
    words: stretchWords(run.first, run.fewest, run.most),
  }));
  return { from: band.min, to: band.max, stretches };
}

/** The band a tier word names, when it names one publisher's (HypeAuditor's rookie); general tier words (micro) name many. */
function soleBand(ranges: readonly TermRange[]): Tier | undefined {
  const [only, ...others] = ranges;
  if (!only || others.length) return undefined;
  return sourceById(only.sourceId)?.tiers.find((tier) => tier.name === only.tierName);
}

export const TERMS: readonly Term[] = SPECS.map(({ countedAs, tierNames, exampleAt, example, ...spec }) => {
  const term: Term = { ...spec, example: exampleAt ? tierExample(exampleAt.count, exampleAt.show) : example };
  const ranges = rangesFor(countedAs, tierNames);
  if (!ranges) return term;
  const band = soleBand(ranges);
  return { ...term, ranges, sources: tierCitations(ranges, term.sources), ...(band ? { answersAcross: answersAcross(band) } : {}) };
});

/** The onboarding path: what a tier is, the tiers bottom-up, then how to measure and pay for them. */
export const START_HERE: readonly string[] = [
  'influencer-tiers',
  'nano-influencer',
  'micro-influencer',
  'mid-tier-influencer',
  'macro-influencer',
  'mega-influencer',
  'reach',
  'engagement-rate',
  'cpe',
  'roi',
];

const BY_ID = new Map(TERMS.map((t) => [t.id, t]));

export function termById(id: string): Term | undefined {
  return BY_ID.get(id);
}

/** Every group, in TERM_GROUPS order, with its terms in glossary order. */
export function termsByGroup(): Map<TermGroup, Term[]> {
  return new Map(TERM_GROUPS.map((group) => [group, TERMS.filter((t) => t.group === group)]));
}

/** Search keys: the display name first (the primary key), then the id, then the aliases. */
/** What an abbreviation's name spells out: "cost per thousand impressions" of "CPM (cost per thousand impressions)". */
const SPELLED_OUT = /^\p{Lu}{2,} \((.+)\)$/u;

export const TERM_ENTRIES: readonly Searchable<Term>[] = TERMS.map((t) => {
  const spelledOut = SPELLED_OUT.exec(t.name)?.[1];
  return { item: t, keys: [t.name, t.id, ...t.aliases, ...(spelledOut ? [spelledOut] : [])] };
});

/**
 * The term whose id, name or alias the query is, ignoring case, spaces and hyphens; a plural
 * or singular of it also counts ("micro-influencers", "fake follower").
 */
export function findTerm(query: string): Term | undefined {
  const base = normalise(query);
  if (base === '') return undefined;
  for (const variant of [base, `${base}s`, withoutPluralS(base)]) {
    const found = variant ? findExact(variant, TERM_ENTRIES) : undefined;
    if (found) return found;
  }
  return undefined;
}

/**
 * The text without a plural's final "s" ("rates", "ERs"); undefined when it has none. It is only
 * looked up exactly, so a short word loses its "s" too, unlike the search's typo-tolerant singular.
 */
function withoutPluralS(text: string): string | undefined {
  return text.endsWith('s') ? text.slice(0, -1) : undefined;
}

/** Each term's name as words, for `termsNamedWith`. */
const NAME_WORDS = TERMS.map((term) => ({ term, words: normalise(term.name).split(' ') }));
const ALL_NAME_WORDS: ReadonlySet<string> = new Set(NAME_WORDS.flatMap((t) => t.words));

/** The word of the terms' names that `typed` is: itself, its singular ("rates"), or the only one a typo away ("raet"). */
function nameWordOf(typed: string): string | undefined {
  if (ALL_NAME_WORDS.has(typed)) return typed;
  const singular = withoutPluralS(typed);
  if (singular !== undefined && ALL_NAME_WORDS.has(singular)) return singular;
  if (typed.length < 3) return undefined;
  const near = [...ALL_NAME_WORDS].filter((word) => word.length >= 3 && editDistance(typed, word) === 1);
  return near.length === 1 ? near[0] : undefined;
}

/**
 * The terms a generic word names together, by name from A to Z: "rate" is a word of eight terms'
 * names (engagement rate, conversion rate, reach rate…) and starts none of them, so it names a
 * family, not one term, and no term may take it as an alias. A word that starts a term's name is
 * that term's short name ("mega", "emv", "reach"), and a word in one name only is specific
 * ("creator"): for those, and for anything but a single word, none. A plural reads as its singular
 * ("rates"), as in `findTerm`, and a typo as the one word it is a letter away from ("raet").
 */
export function termsNamedWith(query: string): Term[] {
  const base = normalise(query);
  if (base === '' || base.includes(' ')) return [];
  const word = nameWordOf(base);
  if (word === undefined) return [];
  const named = NAME_WORDS.filter((t) => t.words.includes(word));
  const generic = named.length > 1 && named.every((t) => t.words[0] !== word);
  return generic ? named.map((t) => t.term).sort((a, b) => a.name.localeCompare(b.name, 'en')) : [];
}

/**
 * Autocomplete: ranked matches, an exact name or alias first (or its plural, as findTerm reads it); before anything searchable is typed,
 * the onboarding path. A generic word ("rate") is none of its terms exactly: its family comes
 * first, from A to Z, as /glossary lists them when asked which, then whatever else matches.
 */
export function suggestTerms(query: string, limit = DEFAULT_LIMIT): Term[] {
  const cap = clampLimit(limit, DEFAULT_LIMIT);
  if (normalise(query) === '') {
    return START_HERE.map(termById)
      .filter((t): t is Term => t !== undefined)
      .slice(0, cap);
  }
  const family = termsNamedWith(query);
  // The term /glossary opens for a plural or a possessive ("ERs", "influencer's") leads, as it does there.
  const named = family.length ? [] : [findTerm(query)].filter((t): t is Term => t !== undefined);
  const first = [...family, ...named];
  const ranked = rankMatches(query, TERM_ENTRIES, limit);
  return [...first, ...ranked.filter((t) => !first.includes(t))].slice(0, cap);
}

/**
 * A range in its source's words, with ">" where it starts above the number it is written from
 * without saying so: Iconosquare's micro, "10k–100k" after its nano "≤10k", reads as ">10k–100k",
 * as /tiers writes it.
 */
function rangeWords(tier: Tier): string {
  return tier.min > tier.lineFrom && /^\d/.test(tier.stated) ? `>${tier.stated}` : tier.stated;
}

/** The counts a range takes: "10,000–99,999", "1,000,000 and up". */
function countsOf(tier: Tier): string {
  return formatCountRange(tier.min, tier.max);
}

/**
 * Whether a range shows its publisher's own tier name: a sub-tier ("micro T2"), or a name that is
 * not the term's own (HypeAuditor's "prosumer" under micro, the article's "regular influencer" under mega).
 */
function showsTierName(term: Term, tierName: string): boolean {
  return / T\d$/.test(tierName) || findTerm(tierName) !== term;
}

/**
 * A tier term's ranges grouped by what they say and the counts they take, one line each:
 * "10k–50k: Mediakix, Hootsuite, Duel", "5k–20k (up-and-coming): HypeAuditor": a publisher's own
 * tier name is kept where it is not the term's (showsTierName). Ranges written alike
 * that take different counts (Later × Fohr's micro "10k–100k" gives 100,000 to its next tier,
 * CNBC's keeps it) are told apart by the counts each reads as.
 */
export function rangeGroups(term: Term): string[] {
  const groups = new Map<string, { words: string; counts: string; names: string[] }>();
  for (const range of term.ranges ?? []) {
    const tier = sourceById(range.sourceId)!.tiers.find((t) => t.name === range.tierName)!;
    const words = showsTierName(term, range.tierName) ? `${rangeWords(tier)} (${range.tierName})` : rangeWords(tier);
    const counts = countsOf(tier);
    const group = groups.get(`${words}\n${counts}`) ?? { words, counts, names: [] };
    if (!group.names.includes(range.sourceName)) group.names.push(range.sourceName);
    groups.set(`${words}\n${counts}`, group);
  }
  const all = [...groups.values()];
  return all.map(({ words, counts, names }) => {
    const writtenAlike = all.filter((other) => other.words === words).length > 1;
    return `${writtenAlike ? `${words} (reads as ${counts})` : words}: ${names.join(', ')}`;
  });
}

/** The range groups in one line, for one embed field: "10k–50k: Mediakix, Hootsuite, Duel · 10k–100k: …". */
export function rangesSummary(term: Term): string {
  return rangeGroups(term).join(' · ');
}
