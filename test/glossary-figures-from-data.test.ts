/**
 * The figures /glossary states are Tierbot's data, not copies of it: a range corrected in the
 * source registry (src/domain/sources.ts), or a rate, price or case corrected in the benchmark
 * tables (src/domain/benchmarks.ts), is what /glossary says next. Each correction below is made to
 * the data before the bot loads, as an edit to those files would be. The few figures the glossary
 * keeps as written are checked against the data, so a correction that leaves one behind fails,
 * naming the term to change in src/domain/glossary.ts.
 */

import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Reply } from '../src/commands/types';
import type * as BenchmarksModule from '../src/domain/benchmarks';
import type * as SourcesModule from '../src/domain/sources';

// The modules are loaded afresh in each test, after its corrections: only their types are imported here.
type Sources = typeof SourcesModule;
type Benchmarks = typeof BenchmarksModule;

interface Corrections {
  /** Changes the registry in place, before anything reads it. */
  registry?: (sources: Sources) => void;
  /** The benchmark exports to replace, given the real ones. */
  benchmarks?: (actual: Benchmarks) => { [name in keyof Benchmarks]?: unknown };
}

/**
 * /glossary as the bot would answer after `corrections`: a function from a term to its text as shown
 * (the definition, then the example), with the glossary's terms for listing them.
 */
async function glossaryAfter(corrections: Corrections = {}) {
  vi.resetModules();
  const { benchmarks, registry } = corrections;
  if (benchmarks) {
    vi.doMock('../src/domain/benchmarks', async (importOriginal) => {
      const actual = await importOriginal<Benchmarks>();
      return { ...actual, ...benchmarks(actual) };
    });
  }
  if (registry) registry(await import('../src/domain/sources'));
  const { glossary } = await import('../src/commands/glossary');
  const { TERMS } = await import('../src/domain/glossary');
  const { testContext } = await import('./support/context');
  const shown = async (term: string): Promise<string> => {
    const embed = ((await glossary.run({ term } as never, testContext())) as Reply).embeds[0]!;
    return `${embed.description ?? ''}\n${embed.fields?.find((f) => f.name === 'Example')?.value ?? ''}`;
  };
  return { shown, TERMS };
}

afterEach(() => {
  vi.doUnmock('../src/domain/benchmarks');
  vi.resetModules();
});

/** A publisher's tiers replaced, through the registry's own boundary rule. */
function retier(sources: Sources, sourceId: string, tiers: Parameters<Sources['ladder']>[0]): void {
  sources.sourceById(sourceId)!.tiers = sources.ladder(tiers);
}

const K = 1_000;
const M = 1_000_000;

/** Duel's ladder with its mid-tier ending at 300k instead of 250k, and `nanoFrom` where its nano starts. */
const duelWith = (sources: Sources, nanoFrom = K) =>
  retier(sources, 'duel', [
    { name: 'nano', normal: 'nano', from: nanoFrom, to: 10 * K },
    { name: 'micro', normal: 'micro', from: 10 * K, to: 50 * K },
    { name: 'mid-tier', normal: 'mid', from: 50 * K, to: 300 * K },
    { name: 'macro', normal: 'macro', from: 300 * K, to: M },
    { name: 'mega/celebrity', normal: 'mega', from: M, to: null },
  ]);

/** A range as the glossary writes one: "50k–250k", "1M+", "under 1k", "more than 10k" (as glossary.test.ts reads them). */
const RANGE_TOKEN = /(?:under|over|up to|more than|from) \d[\d.,]*[kM]?|(?<![$€\w.,])\d[\d.,]*[kM]?(?:–\d[\d.,]*[kM]?|\+)/g;

describe('a range corrected in the source registry is what /glossary says', () => {
  it('Duel’s mid-tier corrected to 50k–300k: the mid-tier and macro entries say so in their text, as in their ranges by publisher', async () => {
    const { shown } = await glossaryAfter({ registry: (sources) => duelWith(sources) });
    const mid = await shown('mid-tier');
    expect(mid).toContain('Mediakix: 50k–500k; Duel: 50k–300k; Later × Fohr ("mid"): 100k–500k.');
    expect(mid).not.toContain('50k–250k');
    const macro = await shown('macro');
    // Duel's macro is now Afluencer's: the two are named together where Duel was.
    expect(macro).toContain('Mediakix: 500k–1M; Duel and Afluencer: 300k–1M; Aspire: 200k–1M;');
    expect(macro).not.toContain('250k–1M');
  });

  it('a correction that parts two publishers named together names them apart', async () => {
    const { shown } = await glossaryAfter({ registry: (sources) => duelWith(sources, 2 * K) });
    expect(await shown('nano')).toContain('The smallest named tier. Mediakix: 1k–10k; Duel: 2k–10k; Later × Fohr: 0–10k;');
  });

  it('the Japanese article’s micro corrected to 10k–95k: top influencer’s gap and its example follow', async () => {
    const { shown } = await glossaryAfter({
      registry: (sources) =>
        retier(sources, 'seed-000', [
          { name: 'micro', normal: 'micro', from: 10 * K, to: 95 * K },
          { name: 'macro', normal: 'macro', from: 100 * K, to: M },
          { name: 'top influencer', normal: 'mega', from: M, to: null },
        ]),
    });
    const top = await shown('top influencer');
    expect(top).toContain('macro (100k–1M) and micro (10k–95k), which leaves a gap between 95k and 100k that belongs to no tier.');
    expect(top).toContain("97,500 → no tier (above micro's 95k end, below macro's 100k start).");
    expect(await shown('influencer')).toContain('(its micro range: 10k–95k)');
  });

  it('every range a tier entry states is read from the registry, except those it holds only in words', async () => {
    // Each registry range marked, so that what is left unmarked was typed into glossary.ts; a
    // source's registry name may carry a range too ("Adweek (500–5,000)"), and is the registry's.
    let sourceNames: string[] = [];
    const { shown, TERMS } = await glossaryAfter({
      registry: (sources) => {
        sources.SOURCES.forEach((source) => source.tiers.forEach((tier) => (tier.stated = `⟦${tier.stated}⟧`)));
        sourceNames = sources.SOURCES.map((source) => source.name);
      },
    });
    const unmarked = (text: string) => sourceNames.reduce((rest, name) => rest.split(name).join('⟦⟧'), text.replace(/⟦[^⟧]*⟧/g, '⟦⟧'));
    /** Ranges the registry keeps only in a source's quote or notes, not as a tier. */
    const HELD_IN_WORDS: Record<string, string[]> = {
      // Viral Nation's TikTok and YouTube nano; its Instagram range is the tier.
      'nano-influencer': ['5k–50k', 'under 5k'],
      // The article's advice of ten influencers with 5,000–10,000 followers each.
      'regular-influencer': ['5k–10k'],
    };
    // The terms that quote publishers' tier ranges: the tier terms, and reach (TapInfluence's 2017 micro).
    const quoting = TERMS.filter((t) => t.group === 'Tiers' || t.id === 'reach');
    expect(quoting.length).toBeGreaterThanOrEqual(18);
    for (const term of quoting) {
      const text = await shown(term.id);
      const typed = (unmarked(text).match(RANGE_TOKEN) ?? []).map((token) => token.replace(/[.,]$/, ''));
      const unexplained = typed.filter((range) => !(HELD_IN_WORDS[term.id] ?? []).includes(range));
      expect(unexplained, `${term.id}: ranges typed into src/domain/glossary.ts instead of read from the registry (rangeOf, sharedRanges)`).toEqual([]);
      expect(text, `${term.id}: quotes no registry range`).toMatch(/⟦[^⟧]+⟧/);
    }
  });
});

describe('a figure corrected in the benchmark tables is what /glossary says', () => {
  it('Minter.io’s and Bazaarvoice’s reach rates: the reach-rate entry and its worked example', async () => {
    const { shown } = await glossaryAfter({
      benchmarks: ({ MINTER_REACH, BAZAARVOICE_REACH }) => ({
        MINTER_REACH: MINTER_REACH.map((f, i) => ({ ...f, low: [38.5, 23.5, 22.5, 18.75][i]!, high: [38.5, 23.5, 22.5, 18.75][i]! })),
        BAZAARVOICE_REACH: BAZAARVOICE_REACH.map((f) => (f.band.max === null ? { ...f, low: 16, high: 16 } : f)),
      }),
    });
    const reachRate = await shown('reach rate');
    expect(reachRate).toContain('Minter.io (2019, medians): 38.5% for accounts under 20k followers, 23.5% at 20k–100k, 18.75% over 1M.');
    expect(reachRate).toContain('Bazaarvoice (2021) tells brands over 500k followers to aim for 16% post reach.');
    expect(reachRate).toContain("at Minter.io's median for 20k–100k accounts: 9,400 of 40,000 followers reached → 9,400 ÷ 40,000 × 100 = 23.5%.");
    expect(reachRate).not.toMatch(/37\.72|22\.945|19\.09|15%/);
  });

  it('engagement rates: Markerly, InfluencerDB, HypeAuditor 2026, Influencer Marketing Hub and Mediakix’s 2017 study', async () => {
    const changed: Record<string, number> = { 'under 1k': 9, '1M–10M': 1.5, '1k–5k': 8.5, 'over 10k': 3.5, 'micro, 10k–50k': 0.6, 'micro, 10k–100k': 2.8, 'macro, over 100k': 2.6 };
    const { shown } = await glossaryAfter({
      benchmarks: ({ INSTAGRAM_ENGAGEMENT_OTHERS, IMH_MICRO_MEGA, CITE }) => ({
        INSTAGRAM_ENGAGEMENT_OTHERS: INSTAGRAM_ENGAGEMENT_OTHERS.map((f) => {
          const low = f.source === CITE.hypeAuditor2018 ? undefined : changed[f.band.stated];
          if (low === undefined) return f;
          return { ...f, low, high: f.high === f.low ? low : low + 0.5 };
        }),
        IMH_MICRO_MEGA: { ...IMH_MICRO_MEGA, tiktok: { ...IMH_MICRO_MEGA.tiktok, micro: 17 } },
      }),
    });
    const rate = await shown('engagement rate');
    expect(rate).toContain('Markerly 2016: Instagram like rates near 9% under 1k, 1.5% at 1M–10M');
    expect(rate).toContain('micro-influencers about 17% on TikTok');
    const byFollowers = await shown('engagement rate by followers');
    expect(byFollowers).toContain('found 8.5% at 1k–5k followers and 3.5–4% above 10k;');
    expect(byFollowers).toContain('micro 0.6%');
    for (const term of ['sponsored post', 'sponsored vs organic posts']) {
      expect(await shown(term), term).toContain('with micro at 10k–100k and macro over 100k, found their engagement nearly equal: 2.8% vs 2.6%.');
    }
    expect(await shown('sponsored vs organic posts')).toContain('a like rate near 9% under 1k followers against 1.5% at 1M–10M, so 9 ÷ 1.5 ≈ 6 times higher.');
  });

  it('prices: Word on the Block’s CPMs, the “industry standard” CPM and who says it, the cent-per-follower rule and Ad Age’s fee', async () => {
    const { shown } = await glossaryAfter({
      benchmarks: ({ CPM_REFERENCE }) => ({
        CPM_REFERENCE: { ...CPM_REFERENCE, instagram: { ...CPM_REFERENCE.instagram, low: 6, high: 16 } },
        STANDARD_CPM: { dollars: 7, source: { publisher: 'Standard-setter', what: '“industry standard” CPM', year: null, confidence: 'P' } },
        CENT_PER_FOLLOWER: 0.012,
        CENT_RULE_TEXT: '$120 per 10,000 followers',
        AD_AGE_KARDASHIAN_FEE: { low: 360_000, high: 500_000 },
        AD_AGE_KARDASHIAN_FEE_TEXT: '$360,000–500,000',
      }),
    });
    // TikTok's range is no longer Instagram's: the two are named apart.
    expect(await shown('cpm')).toContain('gives CPMs of $6–16 on Instagram, $5–15 on TikTok and $15–30 on YouTube; Standard-setter calls $7 the "industry standard".');
    expect(await shown('emv')).toContain('80,000 impressions at Standard-setter\'s $7 "industry standard" CPM → 80,000 × 7 ÷ 1,000 = $560 EMV, not $560 of sales.');
    const caveats = await shown('emv caveats');
    expect(caveats).toContain('at $16 CPM (the top of Word on the Block\'s Instagram range) as at Standard-setter\'s $7 "industry standard"');
    expect(caveats).toContain('80,000 × 16 ÷ 1,000 = $1,280 EMV, but 80,000 × 7 ÷ 1,000 = $560 for the same post.');
    const rate = await shown('influencer rate');
    expect(rate).toContain('The old rule of thumb is $120 per 10,000 followers');
    expect(rate).toContain('50,000 followers → 50,000 ÷ 10,000 × $120 = $600 per post; 1,000,000 followers → $12,000.');
    const sponsored = await shown('sponsored post');
    expect(sponsored).toContain('Ad Age (2020) reported $360,000–500,000 per sponsored Instagram post');
    expect(sponsored).toContain('$360,000 ÷ $600 = 600 posts at the rule-of-thumb price for 50,000 followers (50,000 ÷ 10,000 × $120 = $600).');
  });

  it('the EMV caveats name the publisher of the Instagram CPM range they quote', async () => {
    const { shown } = await glossaryAfter({
      benchmarks: ({ CPM_REFERENCE }) => ({
        CPM_REFERENCE: { ...CPM_REFERENCE, instagram: { ...CPM_REFERENCE.instagram, high: 18, source: { ...CPM_REFERENCE.instagram.source, publisher: 'Acme Pricing' } } },
      }),
    });
    expect(await shown('emv caveats')).toContain('at $18 CPM (the top of Acme Pricing\'s Instagram range) as at Upfluence\'s $6.50 "industry standard"');
  });

  it('the Kardashian and Fab.com cases: celebrity, conversion rate, average order value and CPA', async () => {
    const { shown } = await glossaryAfter({
      benchmarks: ({ OBSERVED_CLICKS }) => ({
        KARDASHIAN_CASE: { followers: 16_000_000, visits: 1_600, orders: 32, orderValue: 35 },
        OBSERVED_CLICKS: OBSERVED_CLICKS.map((o) => (o.label.includes('Kevin Rose') ? { ...o, counts: { actions: 4_400, followers: 1_262_000 } } : o)),
      }),
    });
    expect(await shown('celebrity')).toContain('to tweet to 16 million followers and got 32 orders averaging $35: 32 × $35 = $1,120 in sales.');
    const conversion = await shown('conversion rate');
    expect(conversion).toContain("Kevin Rose's 1,262,000 gave 4,400");
    expect(conversion).toContain("Kim Kardashian's tweet drove 1,600 website visits and 32 orders → 32 ÷ 1,600 × 100 = 2%.");
    expect(await shown('aov')).toContain('32 orders averaging $35 → revenue = 32 × $35 = $1,120, and AOV = 1,120 ÷ 32 = $35.');
    expect(await shown('cpa')).toContain('a Kim Kardashian tweet to 16 million followers that brought only 32 orders.');
  });
});

describe('figures the glossary keeps as written agree with the data', () => {
  it('Fab.com’s sign-ups per follower are the table’s, at the digits shown', async () => {
    const { shown } = await glossaryAfter();
    const { OBSERVED_CLICKS } = await import('../src/domain/benchmarks');
    const text = await shown('conversion rate');
    for (const who of ['Ashton Kutcher', 'Kevin Rose']) {
      const observed = OBSERVED_CLICKS.find((o) => o.label.includes(who))!;
      const said = new RegExp(`${who.split(' ')[1]}'s [\\d,]+(?: followers)? gave [\\d,]+(?: sign-ups)? \\(([\\d.]+)% of followers\\)`).exec(text);
      expect(said, `conversion-rate: no per-follower figure for ${who}`).not.toBeNull();
      const shownDigits = said![1]!;
      const decimals = shownDigits.split('.')[1]?.length ?? 0;
      expect(
        Number(observed.perFollower.toFixed(decimals)),
        `conversion-rate says ${shownDigits}% for ${who}; benchmarks' OBSERVED_CLICKS gives ${observed.perFollower}%: correct the conversion-rate entry in glossary.ts`,
      ).toBe(Number(shownDigits));
    }
  });

  it('figures the data holds only in words say the same as those words', async () => {
    const { shown } = await glossaryAfter();
    const benchmarks = await import('../src/domain/benchmarks');
    const { sourceById } = await import('../src/domain/sources');
    const viralNation = sourceById('viral-nation-2020')!;
    const article = sourceById('seed-001')!;
    /** [term, what the glossary says (its figure captured), where the data says it, the words it says it in (the figure as $1)]. */
    const HELD_IN_WORDS: readonly [string, RegExp, string, string, string][] = [
      ['engagement-rate', /([\d.]+)% on Instagram, basis not given/, "benchmarks' ENGAGEMENT_DISAGREEMENT", benchmarks.ENGAGEMENT_DISAGREEMENT, 'micro $1%'],
      ['sponsored-post', /Mediakix \(2017, ([\d,]+) sponsored posts/, "benchmarks' CITE.mediakix2017", benchmarks.CITE.mediakix2017.what, 'study of $1 sponsored'],
      ['sponsored-vs-organic', /Mediakix \(2017, ([\d,]+) sponsored posts/, "benchmarks' CITE.mediakix2017", benchmarks.CITE.mediakix2017.what, 'study of $1 sponsored'],
      ['click-through-rate', /link-in-bio rule of thumb \(([\d.]+–[\d.]+%) of impressions/, "benchmarks' CITE.linkGlossaries", benchmarks.CITE.linkGlossaries.what, 'click-through of $1 of impressions'],
      ['influencer-rate', /Lumanu's ([\d,]+) creator payments/, "benchmarks' FEE_TABLES_NOTE", benchmarks.FEE_TABLES_NOTE, 'Lumanu 2024 ($1 creator payments)'],
      ['influencer-rate', /median (\$[\d,]+)/, "benchmarks' FEE_TABLES_NOTE", benchmarks.FEE_TABLES_NOTE, 'median payment of $1'],
      ['impressions-vs-reach', /forecasting rule of ([\d.]+) impressions per account/, "benchmarks' CITE.frequencyRule", benchmarks.CITE.frequencyRule.what, 'reach × $1'],
      ['impressions-vs-reach', /forecasting rule of ([\d.]+) impressions per account/, "benchmarks' FREQUENCY (its top is the rule)", `${benchmarks.FREQUENCY.high}`, '$1'],
      ['audience-overlap', /Influencity's example of \d+ creators with (\d+)% overlap/, "benchmarks' OVERLAP (its top is Influencity's illustration)", `${benchmarks.OVERLAP.high}`, '$1'],
      ['instagram-user', /in its study of ([\d,]+) influencers/, "the registry's HypeAuditor", sourceById('hypeauditor')!.what, 'study of $1 influencers'],
      ['nano-influencer', /TikTok (\d+k–\d+k), YouTube/, "the registry's Viral Nation (2020) notes", viralNation.notes.join(' '), '$1 on TikTok'],
      ['nano-influencer', /YouTube under (\d+k) subscribers/, "the registry's Viral Nation (2020) notes", viralNation.notes.join(' '), 'under $1 subscribers on YouTube'],
      ['regular-influencer', /ten influencers with (\d+k–\d+k) followers each/, "the registry's notes on the article", article.notes.join(' '), '$1'],
    ];
    for (const [term, says, where, words, as] of HELD_IN_WORDS) {
      const found = says.exec(await shown(term));
      expect(found, `${term}: no longer says ${says}`).not.toBeNull();
      const figure = found![1]!;
      // The article's notes write the advice in full ("5,000–10,000"), as the glossary's example works it out.
      const inWords = as.replace('$1', () => (term === 'regular-influencer' ? figure.replace(/k/g, ',000') : figure));
      expect(words, `${term} says ${figure}, and ${where} no longer does: correct the ${term} entry in src/domain/glossary.ts`).toContain(inWords);
    }
  });

  it('what the text says of the figures is true of them: EMV at the top CPM is over twice Upfluence’s; maven is Iconosquare’s and CMSWire’s macro', async () => {
    const { CPM_REFERENCE, STANDARD_CPM } = await import('../src/domain/benchmarks');
    const { sourceById } = await import('../src/domain/sources');
    const ratio = CPM_REFERENCE.instagram.high / STANDARD_CPM.dollars;
    expect(ratio, 'emv-caveats says "over twice as much": correct it in src/domain/glossary.ts').toBeGreaterThan(2);
    expect(ratio, 'emv-caveats says "over twice as much": correct it in src/domain/glossary.ts').toBeLessThan(3);
    /** The lines a tier is drawn between, as its words state them (the boundary rule may give 1M itself to either side). */
    const band = (sourceId: string, tierName: string) => {
      const tier = sourceById(sourceId)!.tiers.find((t) => t.name === tierName)!;
      return [tier.lineFrom, tier.lineTo];
    };
    for (const publisher of ['iconosquare', 'cmswire']) {
      expect(band(publisher, 'macro'), `maven says ${publisher} calls this band macro: correct it in src/domain/glossary.ts`).toEqual(band('hypeauditor', 'maven'));
    }
  });
});
