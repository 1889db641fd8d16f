/**
 * How the glossary cites its sources: each registry source with its link, and, when a figure was
 * read second-hand (reported by, copied on or quoted in another publication), through whom, as
 * ../shared/domain/SOURCES.md requires. And each source a term cites says something about it. A
 * tier term cites every publisher whose range it shows, from the same registry entries. A source
 * /glossary and /compare both cite reads the same in both (the click-through entry gives /compare's
 * rule of thumb and observed cases), how a figure was read follows one rule for the registry and
 * /compare, and a publisher quoted only for context says why it has no vote.
 */

import { describe, expect, it } from 'vitest';
import { compare } from '../src/commands/compare';
import { ASSUMPTIONS_ID, CASES_ID } from '../src/commands/compare-state';
import { PUBLIC_TEXT_LIMIT } from '../src/commands/embeds';
import { glossary } from '../src/commands/glossary';
import { tiers } from '../src/commands/tiers';
import type { Reply } from '../src/commands/types';
import { CITE, citeText, citeWords, reportedBy, type Citation } from '../src/domain/benchmarks';
import { classify } from '../src/domain/classify';
import { TERMS, rangeGroups, sourceCount, termById, type Term } from '../src/domain/glossary';
import { SOURCES, citation, fullCitation, howRead, noVoteNote, publisherById, sourceById, type Source } from '../src/domain/sources';
import { embedsLength, messageProblems } from '../src/commands/limits';
import { testComponentContext, testContext } from './support/context';

/** As the glossary cites: how a source was read only when that was second-hand. */
const sourceCitation = (source: Source) => fullCitation(source, { sayFirstHand: false });

const cited = (t: Term): Source[] => t.sources.flatMap((c) => (c.sourceId ? [sourceById(c.sourceId)!] : []));
const citationOf = (t: Term, id: string) => t.sources.find((c) => c.sourceId === id)?.text;
/** The text of each embed as shown: title, description, fields and footer. */
const shownText = (reply: Reply) => reply.embeds.map((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text].join('\n')).join('\n');
const ids = (reply: Reply) => (reply.components ?? []).flatMap((row) => row.components.map((c) => ('custom_id' in c ? c.custom_id : '')));

describe('glossary citations', () => {
  it('give a registry source its publisher, title and year, then its link when the registry has one', () => {
    for (const t of TERMS) {
      for (const c of t.sources) {
        if (!c.sourceId) continue;
        const source = sourceById(c.sourceId)!;
        expect(c.text.startsWith(citation(source)), `${t.id}: ${c.text}`).toBe(true);
        // A copy of another's definition says so after its link.
        const link = c.sharesWith ? c.text.replace(/ — shares .*$/, '') : c.text;
        if (source.url) expect(link.endsWith(`: ${source.url}`), `${t.id}: ${c.text}`).toBe(true);
      }
    }
    expect(citationOf(termById('nano-influencer')!, 'mediakix')).toBe(
      'Mediakix, “Standard Terminology in Influencer Marketing”, c. 2019: https://mediakix.com/influencer-marketing-resources/influencer-tiers/',
    );
  });

  it('say through whom a second-hand figure was read', () => {
    const nano = termById('nano-influencer')!;
    expect(citationOf(nano, 'viral-nation-2020')).toBe(
      'Viral Nation, platform-specific tiers, 2020, as reported by Business Insider: https://www.businessinsider.com/types-of-influencers-on-social-media-micro-macro-nano-classification-2020-1',
    );
    expect(citationOf(nano, 'cmswire')).toBe('CMSWire, article by Gil Eyal on influencer tiers, 2023, from a copy on getecube.com');
    // Its full title was not recorded, so no title is shown in quotation marks.
    expect(citationOf(nano, 'later-fohr')).toBe('Later × Fohr, report on the selling power of influencers, from 3.5M+ Instagram posts, 2021, from a copy on Scribd (report 522279057)');
    // Adweek is known only through TapInfluence's quote, which its description already says.
    expect(termById('micro-influencer')!.sources.map((c) => c.text)).toContain('Adweek, a line quoted in TapInfluence’s blog (Laura Smous), undated');
    for (const source of SOURCES.filter((s) => s.confidence === 'S' || s.confidence === 'M' || s.via)) {
      const text = sourceCitation(source);
      const said = text.includes(howRead(source)) || (source.via !== undefined && source.what.includes(source.via));
      expect(said, `${source.id}: ${text}`).toBe(true);
    }
  });

  it('name who reported a second-hand figure where that is known, and say plainly when it is not', async () => {
    for (const t of TERMS) {
      for (const words of [t.definition, t.example, ...t.sources.map((c) => c.text)]) {
        expect(words, t.id).not.toMatch(/as reported(?! by )/);
      }
    }
    const description = async (term: string) => ((await glossary.run({ term } as never, testContext())) as Reply).embeds[0]!.description!;
    expect(await description('nano')).toContain('Viral Nation (2020, as reported by Business Insider) varies it by platform');
    const organic = (await glossary.run({ term: 'sponsored vs organic' } as never, testContext())) as Reply;
    expect(organic.embeds[0]!.description).toContain('Mediakix (2017, 742 sponsored posts, second-hand; the reporting outlet is not recorded)');
    expect(termById('sponsored-vs-organic')!.sources.map((c) => c.text)).toContain(
      'Mediakix, study of 742 sponsored Instagram posts, 2017, second-hand; the reporting outlet is not recorded',
    );
    // Two publishers named in words, and what was not recorded said once.
    expect(termById('impressions-vs-reach')!.sources.map((c) => c.text)).toContain(
      'Stellar and Influencity, forecasting rule “impressions = reach × 1.25”, undated, second-hand; the reporting outlet is not recorded',
    );
    for (const t of TERMS) for (const c of t.sources) expect(c.text.match(/not recorded|no .* recorded/g)?.length ?? 0, c.text).toBeLessThanOrEqual(1);
  });

  it('give a line TapInfluence’s blog quotes from another piece as that piece’s words, not the blog’s', async () => {
    const kol = ((await glossary.run({ term: 'kol' } as never, testContext())) as Reply).embeds[0]!.description!;
    expect(kol).toContain(
      'TapInfluence\'s blog describes the same idea in words it quotes from another piece, a list of influencer marketing tips: "experts whose voices are heard and heeded',
    );
  });

  it('are the same words wherever a source is cited, and never the builders’ words', () => {
    for (const source of SOURCES) expect(sourceCitation(source)).not.toMatch(/seed[ -]0|SOURCES\.md|\[(P|S|M)\]|§/i);
    for (const t of TERMS) for (const c of t.sources) expect(c.text, t.id).not.toMatch(/seed[ -]0|SOURCES\.md|\[(P|S|M)\]|§/i);
  });

  it('cite, for a tier, only sources that give it a range or are named in what the term says', () => {
    for (const t of TERMS.filter((term) => term.group === 'Tiers')) {
      const said = `${t.definition} ${t.example}`;
      for (const source of cited(t)) {
        const hasRange = t.ranges?.some((r) => r.sourceId === source.id) ?? false;
        const named = [source.publisher, source.name.replace(/\s*\(.*$/, ''), source.publisher.replace(/^(A|The article) /, '').split(/[ ,(]/)[0]!]
          .filter((label) => label.length >= 2)
          .some((label) => said.includes(label));
        expect(hasRange || named, `${t.id} cites ${source.id}, which neither gives it a range nor is named in it`).toBe(true);
      }
    }
  });

  it('do not cite Forbes for nano: its "as low as 8,000" is about micro-influencers', () => {
    expect(cited(termById('nano-influencer')!).map((s) => s.id)).not.toContain('forbes-seed');
  });
});

describe('a source /glossary and /compare both cite', () => {
  const shared: [termId: string, citation: Citation][] = [
    ['engagement-rate', CITE.imh2021],
    ['engagement-rate-by-followers', CITE.influencerDb],
    ['engagement-rate-by-followers', CITE.hypeAuditor2026],
    ['cpme', CITE.traackr],
    ['influencer-rate', CITE.centRule],
    ['conversion-rate', CITE.fab],
    ['audience-overlap', CITE.influencity],
    ['sponsored-post', CITE.adAge],
    ['sponsored-vs-organic', CITE.mediakix2017],
    ['cpm', CITE.wordOnTheBlock],
    ['reach-rate', CITE.minter],
    ['reach-rate', CITE.bazaarvoice],
    ['impressions-vs-reach', CITE.frequencyRule],
    ['gifting', CITE.grin],
  ];

  it.each(shared.map(([id, c]) => [id, c.publisher, c] as const))('%s cites %s in /compare’s words, with its link', (id, _publisher, c) => {
    const texts = termById(id)!.sources.map((s) => s.text);
    const text = texts.find((t) => t.startsWith(citeWords(c)));
    expect(text, `${id}: ${texts.join(' | ')}`).toBeDefined();
    const reported = reportedBy(c);
    if (reported) expect(text).toContain(`, ${reported}`);
    if (c.url) expect(text!.endsWith(`: ${c.url}`)).toBe(true);
  });

  it('names InfluencerDB’s benchmarks and the 1.25 forecasting rule as /compare does', () => {
    const cited = (id: string) => termById(id)!.sources.map((s) => s.text);
    expect(cited('engagement-rate-by-followers')).toContain('InfluencerDB, benchmarks of 307k Instagram accounts, 2019');
    expect(citeText(CITE.influencerDb)).toBe('InfluencerDB, benchmarks of 307k Instagram accounts, 2019');
    const rule = 'Stellar and Influencity, forecasting rule “impressions = reach × 1.25”, undated';
    expect(cited('impressions-vs-reach')[0]).toMatch(new RegExp(`^${rule}`));
    expect(citeText(CITE.frequencyRule)).toMatch(new RegExp(`^${rule}`));
  });
});

describe('/glossary click-through rate', () => {
  const pressed = async (reply: Reply, prefix: string) => (await compare.component!(ids(reply).find((id) => id.startsWith(prefix))!, [], testComponentContext())).reply;

  it('gives the rule of thumb and the observed cases /compare uses, cited as /compare cites them', async () => {
    const entry = (await glossary.run({ term: 'click-through' } as never, testContext())) as Reply;
    const definition = entry.embeds[0]!.description!;
    const sources = entry.embeds[0]!.fields!.filter((f) => f.name.startsWith('Sources')).map((f) => f.value).join('\n');
    expect(definition).not.toMatch(/No source in Tierbot's library gives an influencer benchmark/);

    const compared = (await compare.run({} as never, testContext())) as Reply;
    const assumptions = await pressed(compared, ASSUMPTIONS_ID);
    const cases = await pressed(assumptions, CASES_ID);
    // The rule of thumb, labelled unaudited, in /compare's words, from the same glossaries.
    const rule = /link-in-bio rule of thumb \((0\.5–1\.5% of impressions, unaudited)\)/.exec(shownText(assumptions))![1]!;
    expect(definition).toContain(`rule of thumb (${rule})`);
    expect(sources).toMatch(/Link-in-bio rule of thumb.*as reported by codivupload\.com and creatorlanehq\.com glossaries/);
    // The observed cases: per follower as the sources give them, and per reached account as /compare shows them for small accounts.
    const perFollower = [...shownText(cases).matchAll(/([\d.]+%) per follower/g)].map((m) => m[1]!);
    expect(perFollower).toEqual(['0.008%', '0.0806%', '0.345%']);
    expect(definition).toContain(`${perFollower[0]}–${perFollower[2]} of followers`);
    const perReached = /Observed cases: ([\d.]+%–[\d.]+%) per account Plan B reaches/.exec(shownText(compared))![1]!;
    expect(perReached).toBe('0.021%–0.91%');
    expect(definition).toContain(`${perReached} of reached accounts`);
    for (const cited of ['TapInfluence', 'Fab.com, “Celebrity Blastoff” results, 2011', 'Minter.io']) expect(sources).toContain(cited);
    expect(embedsLength(entry.embeds)).toBeLessThanOrEqual(PUBLIC_TEXT_LIMIT);
    expect(messageProblems(entry)).toEqual([]);
  });
});

describe('how a figure was read, in one rule for the registry and /compare', () => {
  const figure = (confidence: Citation['confidence'], via?: string): Citation => ({ publisher: 'Example', year: '2020', confidence, ...(via ? { via } : {}) });

  it('says a copy on another site is a copy, not a report', () => {
    const laterFohr = sourceById('later-fohr')!;
    expect(reportedBy(figure('M', laterFohr.via))).toBe(howRead(laterFohr));
    expect(citeText(figure('M', 'Scribd'))).toBe('Example, 2020 (from a copy on Scribd)');
  });

  it('says a line quoted in an article is quoted by it', () => {
    const cnbc = sourceById('cnbc-seed')!;
    expect(reportedBy(figure('seed', cnbc.via))).toBe(howRead(cnbc));
    expect(reportedBy(figure('seed', 'TapInfluence’s blog'))).toBe('as quoted by TapInfluence’s blog');
  });

  it('says a publisher’s figures read in another’s article are reported by it, in both', () => {
    expect(reportedBy(CITE.markerly)).toBe('as reported by Digiday');
    expect(howRead({ confidence: 'P', via: 'Digiday' })).toBe('as reported by Digiday');
  });

  it('says nothing for a figure read on the publisher’s own page or in the article itself', () => {
    expect(reportedBy(figure('P'))).toBeNull();
    expect(reportedBy(CITE.tapInfluence)).toBeNull();
  });
});

describe('why a publisher quoted only for context has no vote', () => {
  it('gives the reason its source records, whichever publisher it is', () => {
    const reflections = publisherById('digital-reflections')!;
    const withReason = { ...reflections, sources: reflections.sources.map((s) => ({ ...s, noVoteReason: 'a made-up reason, so no vote.' })) };
    expect(noVoteNote(withReason)).toBe('a made-up reason, so no vote.');
    expect(noVoteNote(reflections)).toBe('no numeric definition (it gives no numbers), so no vote.');
    expect(noVoteNote(publisherById('forbes')!)).toBe(
      'quoted by TapInfluence ("as low as 8,000"): an example of how small accounts can be, not a range, so no vote.',
    );
  });
});

// ── A tier's citations come from the registry entries its ranges come from ──────────────────

/** Every page of a term's "All sources", paging with "Next →". */
async function allSourcesText(termId: string): Promise<string> {
  const pages: string[] = [];
  let pressed = await glossary.component!(`glossary:sources:${termId}`, [], testComponentContext());
  for (;;) {
    expect(messageProblems(pressed.reply)).toEqual([]);
    pages.push(pressed.reply.embeds.map((e) => e.description ?? '').join('\n'));
    const next = pressed.reply.components?.flatMap((row) => row.components).find((c) => 'label' in c && c.label === 'Next →' && !('disabled' in c && c.disabled));
    if (!next || !('custom_id' in next)) return pages.join('\n');
    pressed = await glossary.component!(next.custom_id, [], testComponentContext());
    expect(pressed.mode).toBe('update');
  }
}

const tierTermsWithRanges = TERMS.filter((t) => t.ranges?.length);

describe('a tier term’s "All sources"', () => {
  it.each(tierTermsWithRanges.map((t) => [t.id]))('%s: cites every publisher whose range it shows, and the public reply counts them', async (id) => {
    const term = termById(id)!;
    const text = await allSourcesText(id);
    const sources = text.slice(text.indexOf('**Sources**'));
    for (const range of term.ranges!) {
      const source = sourceById(range.sourceId)!;
      expect(sources, `${id}: ${range.sourceName} shows ${range.stated} but is not cited`).toContain(citation(source));
      if (source.url) expect(sources, `${id}: ${range.sourceName}'s link`).toContain(source.url);
    }
    const bullets = sources.split('\n').filter((line) => line.startsWith('• ')).length;
    const reply = (await glossary.run({ term: id } as never, testContext())) as Reply;
    const counted = reply.embeds[0]!.fields!.find((f) => f.name === 'Sources')!.value;
    if (!counted.startsWith('• ')) expect(counted).toMatch(new RegExp(`^${bullets} sources?\\b`));
  });

  it('micro cites CNBC 2017, Digiday, Iconosquare, Heepsy, TapInfluence 2017, Viral Nation 2019 and the Rise article, each with its year and link', async () => {
    const text = await allSourcesText('micro-influencer');
    for (const id of ['cnbc-2017', 'digiday-markerly', 'iconosquare', 'cmswire', 'duel', 'sprout-social', 'l2', 'inc', 'heepsy', 'tapinfluence-2017', 'viral-nation-2019', 'seed-001']) {
      expect(text, id).toContain(fullCitation(sourceById(id)!, { sayFirstHand: false }));
    }
    expect(text).toContain('CNBC, definition of micro-influencers, 2017, as reported by Industry Index: http://blog.industryindex.com/2017/05/04/year-micro-influencer/');
  });

  it('says that Hootsuite shares Mediakix’s definition, under Mediakix, and does not count it as a source of its own', async () => {
    for (const id of ['nano-influencer', 'micro-influencer', 'mid-tier-influencer', 'macro-influencer', 'mega-influencer']) {
      const lines = (await allSourcesText(id)).split('\n');
      const at = lines.findIndex((line) => line.includes('Hootsuite, blog article'));
      expect(at, id).toBeGreaterThan(0);
      expect(lines[at], id).toMatch(/^ {2}↳ Hootsuite, .*shares Mediakix’s definition word for word/);
      expect(lines[at - 1], id).toMatch(/^• Mediakix, /);
      const term = termById(id)!;
      expect(sourceCount(term), id).toBe(term.sources.length - 1);
    }
  });
});

describe('a tier term’s ranges by publisher', () => {
  it('group only ranges that take the same counts, writing a lower end they exclude as /tiers does', async () => {
    const micro = rangeGroups(termById('micro-influencer')!);
    expect(micro).toContain('>10k–100k: Iconosquare');
    expect(micro).toContain('10k–100k (reads as 10,000–99,999): Later × Fohr');
    expect(micro).toContain('10k–100k (reads as 10,000–100,000): CNBC (2017), Digiday (on Markerly)');
    expect(micro).toContain('10k–50k: Mediakix, Hootsuite, Duel');
    const overview = (await tiers.run({} as never, testContext())) as Reply;
    expect(overview.embeds[0]!.description!.split('\n').find((line) => line.startsWith('Iconosquare'))).toContain('>10k–100k');
  });

  it.each(tierTermsWithRanges.map((t) => [t.id]))('%s: each group’s publishers take the same counts, and no two groups read alike', (id) => {
    const term = termById(id)!;
    const groups = rangeGroups(term);
    expect(new Set(groups.map((g) => g.slice(0, g.indexOf(': ')))).size, id).toBe(groups.length);
    for (const group of groups) {
      const names = group.slice(group.indexOf(': ') + 2).split(', ');
      const label = group.slice(0, group.indexOf(': '));
      // A publisher's own tier name, where the group shows one ("micro T2", "prosumer").
      const subTier = / \(((?!reads as )[^)]+)\)/.exec(label)?.[1];
      const counts = new Set(
        term.ranges!
          .filter((r) => names.includes(r.sourceName) && (subTier === undefined || r.tierName === subTier))
          .map((r) => {
            const tier = sourceById(r.sourceId)!.tiers.find((t) => t.name === r.tierName)!;
            return `${tier.min}-${tier.max}`;
          }),
      );
      expect(counts.size, `${id}: ${group}`).toBe(1);
    }
  });
});

describe('"Instagram user": who calls counts under 1,000 a tier', () => {
  it('names every publisher /tier counts as nano or micro there, from /tier’s own vote', () => {
    const definition = termById('instagram-user')!.definition;
    const band = sourceById('hypeauditor')!.tiers.find((t) => t.notInfluencer)!;
    for (const tier of ['nano', 'micro'] as const) {
      const voters = new Set<string>();
      for (let count = band.min; count <= band.max!; count++) {
        for (const vote of classify(count).consensus.publisherVotes) if (vote.answer.kind === 'tier' && vote.answer.tiers.includes(tier)) voters.add(vote.publisher.label);
      }
      const clause = new RegExp(`(?:^|; )([^;]+) call it ${tier}\\b`).exec(definition)?.[1] ?? '';
      const named = clause.replace(/ \([^)]*\)/g, '').split(/, | and /);
      expect(new Set(named), `${tier}: "${clause}"`).toEqual(voters);
    }
    // /tier 500 counts micro 4: Inc. is the fourth.
    expect(classify(500).consensus.tally.micro).toBe(4);
    expect(definition).toMatch(/Inc\. \(500–10k\) call it micro/);
  });
});
