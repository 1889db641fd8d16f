import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../src/commands/limits';
import {
  START_HERE,
  TERMS,
  TERM_GROUPS,
  findTerm,
  rangesSummary,
  suggestTerms,
  termById,
  termsByGroup,
  type Term,
} from '../src/domain/glossary';
import { normalise } from '../src/domain/search';
import { SOURCES, citation, sourceById } from '../src/domain/sources';

const compact = (s: string) => normalise(s).replace(/ /g, '');
/** The registry sources a term cites: Adweek's two readings share one citation, so both are cited by it. */
const registryCitations = (t: Term) => SOURCES.filter((s) => t.sources.some((c) => c.sourceId !== undefined && c.text.startsWith(citation(s))));

/** Each formula term's formula, written again independently of the glossary text. */
const FORMULAS: Record<string, (x: Record<string, number>) => number> = {
  'engagement-rate-by-followers': (x) => ((x.likes! + x.comments!) / x.followers!) * 100,
  // SOURCES.md: by reach divides by reach (HypeAuditor's ERR; Meltwater); by impressions is another measure.
  'engagement-rate-by-reach': (x) => (x.engagements! / x.reach!) * 100,
  'engagement-rate-by-views': (x) => (x.engagements! / x.views!) * 100,
  // The funnel's step: visits = reach × click-through rate.
  'click-through-rate': (x) => (x.clicks! / x.reach!) * 100,
  cpe: (x) => x.cost! / x.engagements!,
  cpm: (x) => (x.cost! / x.impressions!) * 1_000,
  cpme: (x) => (x.cost! / x.engagements!) * 1_000,
  emv: (x) => (x.impressions! * x.cpm!) / 1_000,
  'influencer-rate': (x) => (x.followers! / 10_000) * 100,
  'conversion-rate': (x) => (x.conversions! / x.visits!) * 100,
  'average-order-value': (x) => x.revenue! / x.orders!,
  roi: (x) => ((x.revenue! - x.cost!) / x.cost!) * 100,
  roas: (x) => x.revenue! / x.cost!,
  'revenue-per-follower': (x) => x.revenue! / x.followers!,
  'sales-funnel': (x) => x.followers! * (x.reachRate! / 100) * (x.clickRate! / 100) * (x.conversionRate! / 100) * x.aov!,
  'audience-overlap': (x) => x.followers! * (1 - x.overlapPercent! / 100),
  cpc: (x) => x.cost! / x.clicks!,
  cpa: (x) => x.cost! / x.conversions!,
  'reach-rate': (x) => (x.reach! / x.followers!) * 100,
  'impressions-vs-reach': (x) => x.impressions! / x.reach!,
  affiliate: (x) => (x.sales! * x.rate!) / 100,
};

/** A displayed result is right if the true value rounds to it: "≈ $0.24" allows ±0.005. */
function roundsTo(actual: number, shown: number): boolean {
  const decimals = (String(shown).split('.')[1] ?? '').length;
  return Math.abs(actual - shown) <= 0.5 * 10 ** -decimals + 1e-9;
}

/** Tiny evaluator for the arithmetic written in examples: numbers, + − × ÷ and parentheses. */
function evaluate(expression: string): number {
  const tokens = expression.match(/\d+(?:\.\d+)?|[-+*/()]/g) ?? [];
  let i = 0;
  const primary = (): number => {
    const t = tokens[i++];
    if (t === '(') {
      const v = sum();
      i++; // ')'
      return v;
    }
    return Number(t);
  };
  const product = (): number => {
    let v = primary();
    while (tokens[i] === '*' || tokens[i] === '/') v = tokens[i++] === '*' ? v * primary() : v / primary();
    return v;
  };
  const sum = (): number => {
    let v = product();
    while (tokens[i] === '+' || tokens[i] === '-') v = tokens[i++] === '+' ? v + product() : v - product();
    return v;
  };
  return sum();
}

const NUM = String.raw`\(?[$€]?\d[\d,]*(?:\.\d+)?\)?`;
/** "(400 + 50) ÷ 15,000 × 100 = 3%", "30 × $30 = $900", "500 ÷ 2,100 ≈ $0.24". */
const STATEMENT = new RegExp(String.raw`(${NUM}(?:\s*[×÷+−]\s*${NUM})+)\s*[=≈]\s*[$€]?(\d[\d,]*(?:\.\d+)?)(%?)`, 'g');

function arithmeticIn(text: string): { expression: string; actual: number; shown: number }[] {
  return [...text.matchAll(STATEMENT)].map((m) => {
    const written = m[1]!;
    const expression = written.replace(/,/g, '').replace(/[$€]/g, '').replace(/×/g, '*').replace(/÷/g, '/').replace(/−/g, '-');
    let actual = evaluate(expression);
    // "600 ÷ 15,000 = 4%" states a share as a percentage without writing "× 100".
    if (m[3] === '%' && !/×\s*100\)?$/.test(written.trim())) actual *= 100;
    return { expression: written, actual, shown: Number(m[2]!.replace(/,/g, '')) };
  });
}

/** Tier ranges as written in the glossary text: "10k–50k", "1M+", "under 1k", "more than 10k". */
const RANGE_TOKEN = /(?:under|over|up to|more than|from) \d[\d.,]*[kM]?|(?<![$€\w.,])\d[\d.,]*[kM]?(?:–\d[\d.,]*[kM]?|\+)/g;

describe('the glossary data', () => {
  it('has at least 30 terms with kebab-case, unique ids', () => {
    expect(TERMS.length).toBeGreaterThanOrEqual(30);
    for (const t of TERMS) expect(t.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(new Set(TERMS.map((t) => t.id)).size).toBe(TERMS.length);
  });

  it('has ids, names and aliases that are unique across terms, ignoring case, spaces and hyphens', () => {
    const owner = new Map<string, string>();
    for (const t of TERMS) {
      const keys = [t.id, t.name, ...t.aliases].map(compact);
      // Within a term only the id and name may coincide ("reach", "Reach"); aliases add something new.
      expect(new Set(keys.slice(1)).size, t.id).toBe(keys.length - 1);
      for (const key of new Set(keys)) {
        expect(key, t.id).not.toBe('');
        expect(owner.get(key), `"${key}" is claimed by ${owner.get(key)} and ${t.id}`).toBeUndefined();
        owner.set(key, t.id);
      }
    }
  });

  it('links only to terms that exist, never to itself', () => {
    for (const t of TERMS) {
      expect(t.related.length, t.id).toBeGreaterThan(0);
      for (const id of t.related) {
        expect(termById(id), `${t.id} → ${id}`).toBeDefined();
        expect(id).not.toBe(t.id);
      }
    }
  });

  it('has an onboarding path of 6–10 distinct terms, starting with the tiers overview', () => {
    expect(START_HERE.length).toBeGreaterThanOrEqual(6);
    expect(START_HERE.length).toBeLessThanOrEqual(10);
    expect(new Set(START_HERE).size).toBe(START_HERE.length);
    for (const id of START_HERE) expect(termById(id), id).toBeDefined();
    expect(START_HERE[0]).toBe('influencer-tiers');
    // Tiers bottom-up before metrics, and ROI last.
    const order = ['nano-influencer', 'micro-influencer', 'macro-influencer', 'mega-influencer'].map((id) => START_HERE.indexOf(id));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(START_HERE.at(-1)).toBe('roi');
  });

  it('cites at least one source per term; registry citations are the registry\'s own', () => {
    const ids = new Set(SOURCES.map((s) => s.id));
    for (const t of TERMS) {
      expect(t.sources.length, t.id).toBeGreaterThan(0);
      for (const c of t.sources) {
        expect(c.text.length, t.id).toBeGreaterThan(10);
        if (c.sourceId !== undefined) {
          expect(ids.has(c.sourceId), `${t.id}: unknown source ${c.sourceId}`).toBe(true);
          const source = sourceById(c.sourceId)!;
          expect(c.text.startsWith(citation(source)), `${t.id}: ${c.text}`).toBe(true);
          if (source.url) expect(c.text, t.id).toContain(source.url);
        }
      }
      expect(new Set(t.sources.map((c) => c.text)).size, `${t.id}: duplicate citation`).toBe(t.sources.length);
    }
  });

  it('gives every term a short definition and a worked example with numbers', () => {
    for (const t of TERMS) {
      expect(t.definition.length, t.id).toBeGreaterThan(40);
      expect(t.definition.length, t.id).toBeLessThanOrEqual(400);
      expect(t.example.length, t.id).toBeLessThanOrEqual(300);
      expect(t.example, t.id).toMatch(/\d/);
      expect(t.name.length, t.id).toBeLessThanOrEqual(LIMITS.choiceName);
    }
  });

  it('says where example numbers come from: "Illustrative", or a cited source named in the example', () => {
    for (const t of TERMS) {
      if (t.example.startsWith('Illustrative')) continue;
      const labels = [
        ...registryCitations(t).flatMap((s) => [s.name.replace(/\s*\(.*$/, ''), s.publisher.split(/[ ,(]/)[0]!]),
        ...t.sources.flatMap((c) => [...c.text.matchAll(/seed \d{3}/gi)].map((m) => m[0])),
      ];
      expect(
        labels.some((l) => l.length > 2 && t.example.toLowerCase().includes(l.toLowerCase())),
        `${t.id}: "${t.example}" names none of ${labels.join(', ')}`,
      ).toBe(true);
    }
  });

  it('fits one Discord embed comfortably, and with every citation still one message', () => {
    for (const t of TERMS) {
      const sources = t.sources.map((c) => c.text).join('\n');
      // The sources, links included, may run on into further fields; each one fits a field.
      for (const c of t.sources) expect(c.text.length, t.id).toBeLessThanOrEqual(LIMITS.fieldValue);
      const parts = [t.definition, t.formula ?? '', t.example, rangesSummary(t)];
      for (const part of parts) expect(part.length, t.id).toBeLessThanOrEqual(LIMITS.fieldValue);
      expect(t.name.length + parts.join('').length, t.id).toBeLessThanOrEqual(LIMITS.embedTotal / 2);
      // A tier cites every publisher whose range it shows; /help's steps show them all at once.
      expect(t.name.length + parts.join('').length + sources.length, t.id).toBeLessThanOrEqual(LIMITS.embedTotal * 0.75);
    }
  });

  it('groups every term, in the declared group order', () => {
    const groups = termsByGroup();
    expect([...groups.keys()]).toEqual(TERM_GROUPS);
    expect([...groups.values()].flat()).toHaveLength(TERMS.length);
    for (const [group, terms] of groups) {
      expect(terms.length, group).toBeGreaterThan(0);
      for (const t of terms) expect(t.group).toBe(group);
    }
  });
});

describe('worked examples', () => {
  it('every formula term carries its example numbers, and they recompute', () => {
    const withFormula = TERMS.filter((t) => t.formula);
    expect(withFormula.length).toBeGreaterThanOrEqual(12);
    for (const t of withFormula) {
      const formula = FORMULAS[t.id];
      expect(formula, `${t.id}: no independent formula in this test`).toBeDefined();
      expect(t.check, `${t.id}: no check`).toBeDefined();
      const { inputs, result } = t.check!;
      expect(roundsTo(formula!(inputs), result), `${t.id}: ${formula!(inputs)} shown as ${result}`).toBe(true);
      // The structured numbers are the example's numbers.
      for (const value of [...Object.values(inputs), result]) {
        expect(t.example, `${t.id}: ${value} missing from the example`).toContain(new Intl.NumberFormat('en-US').format(value));
      }
    }
    for (const id of Object.keys(FORMULAS)) expect(termById(id)?.formula, id).toBeDefined();
  });

  it('every calculation written in an example or definition is right', () => {
    let statements = 0;
    for (const t of TERMS) {
      for (const { expression, actual, shown } of arithmeticIn(`${t.definition} ${t.example}`)) {
        statements++;
        expect(roundsTo(actual, shown), `${t.id}: ${expression} = ${actual}, shown as ${shown}`).toBe(true);
      }
    }
    expect(statements).toBeGreaterThanOrEqual(25);
  });

  it('the arithmetic checker itself catches a wrong sum', () => {
    expect(arithmeticIn('500 ÷ 2,100 ≈ $0.24')[0]).toMatchObject({ shown: 0.24 });
    const wrong = arithmeticIn('(400 + 50) ÷ 15,000 × 100 = 4%')[0]!;
    expect(roundsTo(wrong.actual, wrong.shown)).toBe(false);
    const share = arithmeticIn('600 ÷ 15,000 = 4%')[0]!;
    expect(roundsTo(share.actual, share.shown)).toBe(true);
  });
});

describe('tier terms', () => {
  const tierTerms = TERMS.filter((t) => t.group === 'Tiers');

  it('quote only ranges their cited sources state', () => {
    for (const t of tierTerms) {
      const cited = registryCitations(t);
      // A source's registry name may carry its range too: "Adweek (500–5,000)".
      const said = cited.flatMap((s) => [s.name, ...s.tiers.map((tier) => tier.stated), s.quote.text, ...s.notes]);
      for (const token of `${t.definition} ${t.example}`.match(RANGE_TOKEN) ?? []) {
        const range = token.replace(/[.,]$/, '');
        expect(
          said.some((text) => text.includes(range)),
          `${t.id}: "${range}" is not stated by ${cited.map((s) => s.id).join(', ')}`,
        ).toBe(true);
      }
    }
  });

  it('cover every tier name any source uses, with that source\'s range attached', () => {
    for (const source of SOURCES) {
      for (const tier of source.tiers) {
        const term = findTerm(tier.name);
        expect(term, `${source.id}: "${tier.name}"`).toBeDefined();
        expect(term!.ranges, `${term!.id} lacks ${source.id} "${tier.name}"`).toContainEqual(
          expect.objectContaining({ sourceId: source.id, tierName: tier.name, stated: tier.stated }),
        );
      }
    }
  });

  it('are findable under every base tier name, including the unnumbered ones', () => {
    const names = [
      'nano',
      'micro',
      'mid-tier',
      'macro',
      'mega',
      'celebrity',
      'top influencer',
      'mega macro',
      'rookie',
      'up-and-coming',
      'prosumer',
      'maven',
      'middling',
      'regular influencer',
      'Instagram user',
      'power middle',
      'micro T2',
    ];
    for (const name of names) expect(findTerm(name), name).toBeDefined();
    expect(findTerm('micro T2')?.id).toBe('micro-influencer');
    expect(findTerm('mid')?.id).toBe('mid-tier-influencer');
    expect(findTerm('mega/celebrity')?.id).toBe('mega-influencer');
    expect(termById('celebrity-influencer')!.ranges).toContainEqual(expect.objectContaining({ sourceId: 'duel', tierName: 'mega/celebrity' }));
  });

  it('state that there is no standard, and give several sources\' ranges for the main tiers', () => {
    expect(termById('influencer-tiers')!.definition).toMatch(/no industry standard/);
    for (const id of ['nano-influencer', 'micro-influencer', 'mid-tier-influencer', 'macro-influencer', 'mega-influencer']) {
      const sources = new Set(termById(id)!.ranges!.map((r) => r.sourceId));
      expect(sources.size, id).toBeGreaterThanOrEqual(4);
    }
    expect(termById('power-middle')!.ranges).toBeUndefined();
  });

  it('summarise ranges grouped by what they say', () => {
    const micro = rangesSummary(termById('micro-influencer')!);
    expect(micro).toContain('10k–50k: Mediakix, Hootsuite, Duel');
    expect(micro).toContain('500–5k: Adweek (500–5,000)');
    expect(micro).toContain('5k–9,999 (micro T2): Sprout Social');
    expect(rangesSummary(termById('cpe')!)).toBe('');
  });
});

describe('facts the glossary must state: EMV is not revenue, overlap has no average, formulas as SOURCES.md gives them, the required vocabulary', () => {
  it('EMV is not revenue; audience overlap has no industry average; no figures are invented for plain terms', () => {
    expect(termById('emv')!.definition).toMatch(/not revenue/);
    expect(termById('audience-overlap')!.definition).toMatch(/no published industry average/);
    expect(termById('audience-overlap')!.example).toMatch(/10 creators with 40% overlap/);
    for (const id of ['fake-followers', 'brand-ambassador', 'brand-advocate', 'ugc', 'kol', 'whitelisting', 'usage-rights', 'exclusivity']) {
      // Naming a seed ("seed 003") is fine; any other digit would be a figure with no source.
      expect(termById(id)!.definition.replace(/seed \d{3}/gi, ''), id).not.toMatch(/\d/);
      expect(termById(id)!.example, id).toMatch(/^Illustrative/);
    }
  });

  it('teaches the formulas exactly as SOURCES.md gives them: engagement rate by reach divides by reach, not impressions', () => {
    const formula = (id: string) => termById(id)!.formula;
    expect(formula('engagement-rate-by-followers')).toBe('ER = (likes + comments) ÷ followers × 100');
    expect(formula('engagement-rate-by-reach')).toBe('ER = engagements ÷ reach × 100');
    expect(formula('engagement-rate-by-views')).toBe('ER = engagements ÷ views × 100');
    expect(formula('cpe')).toBe('CPE = cost ÷ engagements');
    expect(formula('cpm')).toBe('CPM = cost ÷ impressions × 1,000');
    expect(formula('emv')).toBe('EMV = impressions × CPM ÷ 1,000');
    expect(formula('roi')).toBe('ROI = (revenue − cost) ÷ cost × 100');
    expect(formula('roas')).toBe('ROAS = revenue ÷ cost');
    expect(formula('reach-rate')).toBe('Reach rate = reach ÷ followers × 100');
    // The funnel's step: visits = reach × click-through rate.
    expect(formula('click-through-rate')).toBe('CTR = link clicks ÷ reach × 100');
    // Nowhere is "by reach" said to divide by impressions.
    for (const t of TERMS) expect(`${t.definition} ${t.example}`, t.id).not.toMatch(/by reach[^.]*divides by (impressions|them)|impressions = [\d.]+% by reach/);
    expect(termById('engagement-rate')!.example).toContain('reaches 6,000 accounts');
    expect(termById('engagement-rate')!.example).toContain('300 ÷ 6,000 × 100 = 5% by reach');
    expect(termById('engagement-rate')!.example).toContain('300 ÷ 7,500 × 100 = 4% by impressions');
    expect(termById('impressions')!.definition).not.toContain('Meltwater');
    // A like is an engagement, not a visit: the funnel goes from reach to clicks, not to engagements.
    expect(termById('sales-funnel')!.definition).not.toMatch(/engage or click/);
  });

  it('has the required vocabulary', () => {
    for (const q of ['engagement rate', 'ER by followers', 'ER by reach', 'ER by views', 'reach', 'impressions', 'CPE', 'CPM', 'CPME', 'EMV', 'ROI', 'ROAS', 'conversion rate', 'AOV', 'audience overlap', 'niche audience', 'authenticity', 'brand ambassador', 'brand advocate', 'sponsored post', 'fake followers', 'influencer tiers', 'CPC', 'CPA', 'CTR', 'UGC', 'KOL', 'whitelisting', 'creator licensing', 'affiliate', 'gifting', 'usage rights', 'exclusivity', 'reach rate', 'impressions vs reach', 'sponsored vs organic', 'EMV caveats']) {
      expect(findTerm(q), q).toBeDefined();
    }
  });
});

describe('findTerm', () => {
  it('matches ids, names and aliases ignoring case, spaces and hyphens, and plurals', () => {
    expect(findTerm('Micro-Influencers')?.id).toBe('micro-influencer');
    expect(findTerm('er BY reach')?.id).toBe('engagement-rate-by-reach');
    expect(findTerm('engagement-rate-by-views')?.id).toBe('engagement-rate-by-views');
    expect(findTerm('MID TIER')?.id).toBe('mid-tier-influencer');
    expect(findTerm('fake follower')?.id).toBe('fake-followers');
    expect(findTerm('celebrities')?.id).toBe('celebrity-influencer');
    expect(findTerm('cpm')?.id).toBe('cpm');
    expect(findTerm('earned media value')?.id).toBe('emv');
  });

  it('is exact: no guesses for typos or fragments', () => {
    expect(findTerm('engagment rate')).toBeUndefined();
    expect(findTerm('engage')).toBeUndefined();
    expect(findTerm('')).toBeUndefined();
    expect(findTerm('   🙂 ')).toBeUndefined();
  });
});

describe('suggestTerms', () => {
  const ids = (q: string, limit?: number) => suggestTerms(q, limit).map((t) => t.id);

  it('offers the onboarding path before anything is typed', () => {
    expect(ids('')).toEqual([...START_HERE]);
    expect(ids('   ')).toEqual([...START_HERE]);
    expect(ids('', 3)).toEqual(START_HERE.slice(0, 3));
  });

  it('ranks exact matches first, then prefixes, then the rest', () => {
    expect(ids('micro')[0]).toBe('micro-influencer');
    expect(ids('er').slice(0, 4)).toEqual([
      'engagement-rate',
      'engagement-rate-by-followers',
      'engagement-rate-by-reach',
      'engagement-rate-by-views',
    ]);
    expect(ids('cpm')).toEqual(['cpm', 'cpme']);
    // A generic word is no term exactly: the terms named with it come first, from A to Z.
    expect(ids('rate').slice(0, 3)).toEqual(['click-through-rate', 'conversion-rate', 'engagement-rate']);
    expect(ids('overlap')[0]).toBe('audience-overlap');
    expect(ids('influencer').slice(0, 2)).toEqual(['influencer', 'influencer-tiers']);
  });

  it('tolerates typos', () => {
    expect(ids('engagment rate')[0]).toBe('engagement-rate');
    expect(ids('enagement rate by reach')[0]).toBe('engagement-rate-by-reach');
    expect(ids('conversoin')[0]).toBe('conversion-rate');
    expect(ids('prosumr')[0]).toBe('prosumer');
    expect(ids('fake folowers')[0]).toBe('fake-followers');
    expect(ids('autenticity')[0]).toBe('authenticity');
  });

  it('returns at most 25 terms, or the limit given', () => {
    expect(suggestTerms('e').length).toBeLessThanOrEqual(25);
    expect(suggestTerms('in', 5).length).toBeLessThanOrEqual(5);
  });
});

describe('properties', () => {
  const anyString = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.constantFrom(...TERMS.flatMap((t) => [t.name, t.id, ...t.aliases])),
  );

  it('suggestTerms and findTerm never throw; suggestions never exceed the limit', () => {
    fc.assert(
      fc.property(anyString, fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }), (q, limit) => {
        expect(suggestTerms(q, limit).length).toBeLessThanOrEqual(limit ?? 25);
        findTerm(q);
      }),
      { numRuns: 300 },
    );
  });

  it('survives very long and invisible input', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', minLength: 5_000, maxLength: 7_000 }),
        fc.constantFrom('', '\u200B', '\u202E', '🙂'),
        (q, pad) => {
          expect(suggestTerms(pad + q + pad).length).toBeLessThanOrEqual(25);
          findTerm(q);
        },
      ),
      { numRuns: 20 },
    );
    expect(suggestTerms('a'.repeat(6_000)).length).toBeLessThanOrEqual(25);
    expect(suggestTerms('engagment rate '.repeat(400)).length).toBeLessThanOrEqual(25);
  });

  it('every id, name and alias finds its own term, and suggests it first', () => {
    for (const t of TERMS) {
      for (const key of [t.id, t.name, ...t.aliases]) {
        expect(findTerm(key)?.id, key).toBe(t.id);
        expect(suggestTerms(key)[0]?.id, key).toBe(t.id);
      }
    }
  });
});
