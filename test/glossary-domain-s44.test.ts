/**
 * One set of words per source: a source both /glossary and /compare cite reads the same in both,
 * and how a figure was read ("as reported by", "from a copy on", "as quoted by") follows one rule
 * for the source registry and the /compare figures alike.
 */

import { describe, expect, it } from 'vitest';
import { CITE, citeText, citeWords, reportedBy, type Citation } from '../src/domain/benchmarks';
import { termById } from '../src/domain/glossary';
import { howRead, noVoteNote, publisherById, sourceById } from '../src/domain/sources';

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
