/**
 * How the glossary cites its sources: each registry source with its link, and, when a figure was
 * read second-hand (reported by, copied on or quoted in another publication), through whom, as
 * ../shared/domain/SOURCES.md requires. And each source a term cites says something about it.
 */

import { describe, expect, it } from 'vitest';
import { TERMS, termById, type Term } from '../src/domain/glossary';
import { SOURCES, citation, fullCitation, howRead, sourceById, type Source } from '../src/domain/sources';

/** As the glossary cites: how a source was read only when that was second-hand. */
const sourceCitation = (source: Source) => fullCitation(source, { sayFirstHand: false });

const cited = (t: Term): Source[] => t.sources.flatMap((c) => (c.sourceId ? [sourceById(c.sourceId)!] : []));
const citationOf = (t: Term, id: string) => t.sources.find((c) => c.sourceId === id)?.text;

describe('glossary citations', () => {
  it('give a registry source its publisher, title and year, then its link when the registry has one', () => {
    for (const t of TERMS) {
      for (const c of t.sources) {
        if (!c.sourceId) continue;
        const source = sourceById(c.sourceId)!;
        expect(c.text.startsWith(citation(source)), `${t.id}: ${c.text}`).toBe(true);
        if (source.url) expect(c.text.endsWith(`: ${source.url}`), `${t.id}: ${c.text}`).toBe(true);
      }
    }
    expect(citationOf(termById('nano-influencer')!, 'mediakix')).toBe(
      'Mediakix, “Standard Terminology in Influencer Marketing”, c.2019: https://mediakix.com/influencer-marketing-resources/influencer-tiers/',
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
    expect(citationOf(termById('micro-influencer')!, 'adweek-500-5000')).toMatch(/^Adweek, a line quoted in TapInfluence’s blog/);
    for (const source of SOURCES.filter((s) => s.confidence === 'S' || s.confidence === 'M' || s.via)) {
      const text = sourceCitation(source);
      const said = text.includes(howRead(source)) || (source.via !== undefined && source.what.includes(source.via));
      expect(said, `${source.id}: ${text}`).toBe(true);
    }
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
