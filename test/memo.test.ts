import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/commands';
import { Suggestions } from '../src/commands/suggestions';
import { classify } from '../src/domain/classify';
import { TERMS, suggestTerms } from '../src/domain/glossary';
import { rankMatches, type Searchable } from '../src/domain/search';
import { SOURCES, type Source } from '../src/domain/sources';
import { Memo, TYPED_TEXT_MEMO, deepFreeze } from '../src/memo';

const NO_CHARTS = { charts: false };
const command = (name: string) => COMMANDS.find((c) => c.definition.name === name)!;

describe('Memo', () => {
  it('builds a value once and hands back the same object after', () => {
    const memo = new Memo<{ n: number }>({ max: 10 });
    let builds = 0;
    const build = () => ({ n: ++builds });
    const first = memo.get('a', build);
    expect(memo.get('a', build)).toBe(first);
    expect(builds).toBe(1);
    expect(memo.get('b', build)).toEqual({ n: 2 });
  });

  it('keeps at most `max` entries, dropping the least recently used', () => {
    const memo = new Memo<{ key: string }>({ max: 2 });
    memo.get('a', () => ({ key: 'a' }));
    memo.get('b', () => ({ key: 'b' }));
    memo.get('a', () => ({ key: 'a again' })); // a is now the most recent
    memo.get('c', () => ({ key: 'c' }));
    expect(memo.size).toBe(2);
    expect(memo.peek('a')).toEqual({ key: 'a' });
    expect(memo.peek('b')).toBeUndefined();
  });

  it('bounds the total size when given a measure', () => {
    const memo = new Memo<{ data: Buffer }>({ max: 100, maxSize: 1000, sizeOf: (v) => v.data.length });
    for (let i = 0; i < 5; i++) memo.set(`k${i}`, { data: Buffer.alloc(400) });
    expect(memo.size).toBe(2);
  });

  it('answers but does not keep over-long keys', () => {
    const memo = new Memo<{ v: number }>({ max: 10, maxKeyLength: 5 });
    let builds = 0;
    memo.get('x'.repeat(6), () => ({ v: ++builds }));
    memo.get('x'.repeat(6), () => ({ v: ++builds }));
    expect(builds).toBe(2);
    expect(memo.size).toBe(0);
  });

  it('freezes what it keeps, deeply, so a shared answer cannot be changed', () => {
    const memo = new Memo<{ embeds: { title: string }[] }>({ max: 1 });
    const kept = memo.get('k', () => ({ embeds: [{ title: 'x' }] }));
    expect(() => {
      kept.embeds[0]!.title = 'changed';
    }).toThrow(TypeError);
    expect(() => kept.embeds.push({ title: 'more' })).toThrow(TypeError);
  });

  it('leaves binary data as it is (typed arrays cannot be frozen)', () => {
    const value = deepFreeze({ data: Buffer.from([1, 2, 3]) });
    expect(Object.isFrozen(value)).toBe(true);
    expect(value.data[0]).toBe(1);
  });
});

describe('cached replies', () => {
  it('repeat the same answer for the same question, frozen', async () => {
    for (const [name, options] of [
      ['glossary', {}],
      ['glossary', { term: 'cpm' }],
      ['glossary', { term: 'Cost per mille' }],
      ['glossary', { term: 'no such term' }],
      ['tiers', { source: 'seed-001' }],
      ['tiers', { source: 'Mediakix' }],
      ['tiers', { source: 'no such source' }],
      ['compare', { preset: 'kardashian' }],
    ] as const) {
      const first = await command(name).run(options, NO_CHARTS);
      const again = await command(name).run(options, NO_CHARTS);
      expect(again, `${name} ${JSON.stringify(options)}`).toBe(first);
      expect(Object.isFrozen(first.embeds[0])).toBe(true);
    }
  });

  it('differ where the question differs', async () => {
    const unknownA = await command('glossary').run({ term: 'zzz one' }, NO_CHARTS);
    const unknownB = await command('glossary').run({ term: 'zzz two' }, NO_CHARTS);
    expect(JSON.stringify(unknownA.embeds)).toContain('zzz one');
    expect(JSON.stringify(unknownB.embeds)).toContain('zzz two');
    const a = await command('compare').run({ budget: '5000' }, NO_CHARTS);
    const b = await command('compare').run({ budget: '6000' }, NO_CHARTS);
    expect(b).not.toBe(a);
    expect(JSON.stringify(b.embeds)).not.toBe(JSON.stringify(a.embeds));
  });

  it('/tier shares the per-source part between counts in the same stretch, not the count itself', async () => {
    expect(classify(45_001).verdicts).toBe(classify(45_000).verdicts); // the same stretch
    const a = await command('tier').run({ followers: '45000' }, NO_CHARTS);
    const b = await command('tier').run({ followers: '45001' }, NO_CHARTS);
    expect(b.embeds[0]!.fields).toBe(a.embeds[0]!.fields);
    expect(a.embeds[0]!.title).toBe('45,000 followers');
    expect(b.embeds[0]!.title).toBe('45,001 followers');
  });

  it('autocomplete answers a repeated prefix from memory', () => {
    const glossary = command('glossary');
    const first = glossary.autocomplete!({ name: 'term', value: 'eng' }, {});
    expect(glossary.autocomplete!({ name: 'term', value: 'eng' }, {})).toBe(first);
    expect(first.length).toBeGreaterThan(0);
  });

  it('autocomplete answers text that searches alike ("Eng", " eng!") from the same memory', () => {
    const glossary = command('glossary');
    const first = glossary.autocomplete!({ name: 'term', value: 'eng' }, {});
    for (const value of ['Eng', 'ENG', ' eng!', 'éng']) expect(glossary.autocomplete!({ name: 'term', value }, {})).toBe(first);
    expect(glossary.autocomplete!({ name: 'term', value: 'enga' }, {})).not.toBe(first);
  });

  it('autocomplete from memory is what ranking the typed text itself gives, for any text', () => {
    const searchable: Searchable<Source>[] = SOURCES.map((s) => ({ item: s, keys: [s.name, s.id, s.publisher] }));
    const sources = new Suggestions<Source>((query) => rankMatches(query, searchable, 25), (s) => ({ name: s.name, value: s.id }));
    const terms = new Suggestions((query) => suggestTerms(query, 25), (t) => ({ name: t.name, value: t.id }));
    // Names with their case, accents and punctuation changed, as people type them, and any text at all.
    const typed = fc.oneof(
      fc.tuple(fc.constantFrom(...SOURCES.map((s) => s.name), ...TERMS.map((t) => t.name)), fc.nat(8), fc.constantFrom('', ' ', '!', '-', 'É', '\u200b')).map(
        ([name, length, extra]) => `${extra}${name.slice(0, length + 1).toUpperCase()}${extra}`,
      ),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.string({ unit: 'binary', maxLength: 30 }),
    );
    fc.assert(
      fc.property(typed, (text) => {
        expect(sources.answer(text).map((c) => c.value)).toEqual(rankMatches(text, searchable, 25).map((s) => s.id));
        expect(terms.answer(text).map((c) => c.value)).toEqual(suggestTerms(text, 25).map((t) => t.id));
      }),
      { numRuns: 1500 },
    );
  });
});

describe('answers prepared ahead', () => {
  const prepared = (name: string) => {
    const steps: unknown[] = [];
    for (let prepare = command(name).prepare!(), next = prepare.next(); !next.done; next = prepare.next()) steps.push(next.value);
    return steps;
  };
  // Every prefix, as typed: with the name's own case, spaces and punctuation.
  const prefixes = (names: string[]) => names.flatMap((name) => Array.from(name, (_, n) => name.slice(0, n + 1)));

  // Each command: its option, and what users ask for by name or id and type prefixes of.
  const preparedCommands = [
    { name: 'glossary', option: 'term', asked: TERMS.flatMap((t) => [t.name, t.id]), typed: TERMS.map((t) => t.name) },
    { name: 'tiers', option: 'source', asked: SOURCES.flatMap((s) => [s.name, s.id]), typed: SOURCES.flatMap((s) => [s.name, s.id]) },
  ];

  it.each(preparedCommands)('$name prepares every reply by name and id, the reply to no $option, and the suggestions for every prefix, and those are what users get', ({ name, option, asked, typed }) => {
    const steps = prepared(name);
    const cmd = command(name);
    for (const value of asked) expect(steps).toContain(cmd.run({ [option]: value }, NO_CHARTS));
    expect(steps).toContain(cmd.run({}, NO_CHARTS));
    for (const value of ['', ...prefixes(typed)]) expect(steps).toContain(cmd.autocomplete!({ name: option, value }, {}));
  });

  it('prepared suggestions stay, however much else is typed meanwhile', () => {
    prepared('glossary');
    const glossary = command('glossary');
    const name = TERMS[0]!.name;
    const before = glossary.autocomplete!({ name: 'term', value: name.slice(0, 5) }, {});
    // More distinct misses than the memory for other typed text keeps.
    for (let i = 0; i < TYPED_TEXT_MEMO.max + 50; i++) glossary.autocomplete!({ name: 'term', value: `zq${i}` }, {});
    expect(glossary.autocomplete!({ name: 'term', value: name.slice(0, 5) }, {})).toBe(before);
  });
});
