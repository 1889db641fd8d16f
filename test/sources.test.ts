import { describe, expect, it } from 'vitest';
import { NORMAL_TIERS, PUBLISHERS, SOURCES, VOTERS, citation, howRead, publisherById, sourceById } from '../src/domain/sources';

describe('the source registry', () => {
  it('has unique ids and names', () => {
    expect(new Set(SOURCES.map((s) => s.id)).size).toBe(SOURCES.length);
    expect(new Set(SOURCES.map((s) => s.name)).size).toBe(SOURCES.length);
  });

  it('covers every seed and the required industry sources', () => {
    for (const id of ['seed-000', 'seed-001', 'fiveable', 'cnbc-seed', 'adweek-under-10k', 'adweek-500-5000', 'forbes-seed', 'tapinfluence-view', 'seed-004']) {
      expect(SOURCES.some((s) => s.id === id), id).toBe(true);
    }
    for (const id of ['mediakix', 'hootsuite', 'later-fohr', 'iconosquare', 'cmswire', 'hypeauditor', 'sprout-social']) {
      expect(SOURCES.some((s) => s.id === id && s.origin === 'industry'), id).toBe(true);
    }
    expect(SOURCES.find((s) => s.id === 'seed-004')!.tiers).toEqual([]);
  });

  it('cites every source: publisher, what it is, quote, and a URL or a reason there is none', () => {
    // The sources with no URL: the articles Tierbot was started from (read from their text, which
    // came with no address), and two industry sources read from a copy elsewhere, which `via` names.
    const withoutUrl = {
      article: ['seed-000', 'seed-001', 'fiveable', 'cnbc-seed', 'adweek-under-10k', 'adweek-500-5000', 'forbes-seed', 'tapinfluence-view', 'seed-004'],
      readFromACopy: ['later-fohr', 'cmswire'],
    };
    expect(SOURCES.filter((s) => s.url === null).map((s) => s.id)).toEqual([...withoutUrl.article, ...withoutUrl.readFromACopy]);
    for (const id of withoutUrl.article) expect(sourceById(id)!.origin, id).toBe('article');
    for (const id of withoutUrl.readFromACopy) expect(sourceById(id)!.via, id).toBeTruthy();
    for (const s of SOURCES.filter((s) => s.url !== null)) expect(s.url, s.id).toMatch(/^https?:\/\/\S+$/);
    for (const s of SOURCES) {
      expect(s.publisher.length, s.id).toBeGreaterThan(1);
      expect(s.what.length, s.id).toBeGreaterThan(2);
      expect(s.quote.text.length, s.id).toBeGreaterThan(5);
      if (s.origin === 'article') expect(s.confidence).toBe('seed');
      if (s.confidence === 'S' || s.confidence === 'M') expect(s.via, `${s.id}: reported or copied by whom?`).toBeTruthy();
    }
  });

  it('never shows a file name, seed number or confidence code to users', () => {
    for (const s of SOURCES) {
      const shown = [s.name, s.publisher, s.title ?? '', s.what, s.quote.text, ...s.notes, citation(s), howRead(s)].join('\n');
      expect(shown, s.id).not.toMatch(/seed \d|seed-\d|SOURCES\.md|§|\[[PSM]\]/i);
    }
  });

  it('puts a title in quotation marks only where it is the publisher\'s own', () => {
    // Titles made up from URLs are gone: these pieces are described instead.
    for (const id of ['cnbc-2017', 'hypeauditor', 'sprout-social', 'influence-agency', 'l2', 'inc', 'heepsy', 'viral-nation-2019', 'afluencer', 'hootsuite', 'iconosquare']) {
      expect(sourceById(id)!.title, id).toBeNull();
      expect(citation(sourceById(id)!), id).not.toContain('“');
    }
    expect(citation(sourceById('mediakix')!)).toBe('Mediakix, “Standard Terminology in Influencer Marketing”, c. 2019');
    expect(citation(sourceById('seed-000')!)).toMatch(/^A Japanese article on micro-influencers, translated/);
    expect(howRead(sourceById('viral-nation-2020')!)).toBe('as reported by Business Insider');
    expect(howRead(sourceById('cmswire')!)).toBe('from a copy on getecube.com');
    expect(howRead(sourceById('mediakix')!)).toBe("from the publisher's page");
  });

  it('relates definitions: one vote per publisher, copies share, Adweek reads twice, the latest dated definition votes', () => {
    const byId = (id: string) => publisherById(id)!;
    expect(byId('hootsuite').voting).toEqual([]);
    expect(byId('hootsuite').sharesWith?.id).toBe('mediakix');
    expect(byId('mediakix').sharedBy.map((p) => p.id)).toEqual(['hootsuite']);
    expect(byId('adweek').voting.map((s) => s.id)).toEqual(['adweek-under-10k', 'adweek-500-5000']);
    expect(byId('forbes').voting).toEqual([]);
    for (const p of PUBLISHERS) {
      const beside = p.sources.filter((s) => s.role === 'beside');
      if (!beside.length) continue;
      expect(p.voting, p.id).toHaveLength(1);
      const year = (y: string | null) => (y ? Number(y.replace(/\D/g, '')) : -Infinity);
      // The rule stated to users: its latest dated definition votes; the others are shown beside it.
      for (const b of beside) expect(year(p.voting[0]!.year), `${p.id}: ${b.id}`).toBeGreaterThan(year(b.year));
    }
    expect(PUBLISHERS.filter((p) => p.sources.some((s) => s.role === 'beside')).map((p) => p.id).sort()).toEqual(['cnbc', 'tapinfluence', 'viral-nation']);
    expect(VOTERS.length).toBe(21);
  });

  it('has well-formed tier ranges: whole numbers, lowest first, no overlaps', () => {
    for (const s of SOURCES) {
      s.tiers.forEach((t, i) => {
        expect(Number.isInteger(t.min) && t.min >= 0, `${s.id} ${t.name}`).toBe(true);
        if (t.max !== null) expect(t.max, `${s.id} ${t.name}`).toBeGreaterThanOrEqual(t.min);
        expect(NORMAL_TIERS).toContain(t.normal);
        expect(t.stated.length).toBeGreaterThan(0);
        const next = s.tiers[i + 1];
        if (next) {
          expect(t.max, `${s.id}: only the top tier may be open-ended`).not.toBeNull();
          expect(next.min, `${s.id}: ${next.name} overlaps ${t.name}`).toBeGreaterThan(t.max!);
        }
      });
    }
  });
});
