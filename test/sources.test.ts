import { describe, expect, it } from 'vitest';
import { NORMAL_TIERS, SOURCES } from '../src/domain/sources';

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

  it('cites every source: publisher, title, quote, and a URL or a reason there is none', () => {
    for (const s of SOURCES) {
      expect(s.publisher.length, s.id).toBeGreaterThan(1);
      expect(s.title.length, s.id).toBeGreaterThan(2);
      expect(s.quote.text.length, s.id).toBeGreaterThan(5);
      if (s.url) expect(s.url, s.id).toMatch(/^https?:\/\/\S+$/);
      if (s.origin === 'seed') expect(s.confidence).toBe('seed');
    }
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
