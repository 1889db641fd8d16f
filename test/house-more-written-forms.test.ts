/**
 * /house set reads more of the ways marketers write a definition: a name glued to its range by a
 * colon ("Micro:10k-50k"), an emoji before a name ("🌱 Nano"), a number that is the name's own
 * ("Tier 2 100-500K") beside counts grouped by a space ("10 000-50 000"), German "Tsd." inside a
 * range, and lists lettered a), b), c) or numbered 1.1, 1.2. Where a reading would be a guess, the
 * definition is refused with what to write instead.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { house } from '../src/commands/house';
import { tier } from '../src/commands/tier';
import { parseHouseDefinition, type HouseTier } from '../src/domain/house';
import { parseFollowerCount } from '../src/domain/followers';
import { description, managerContext, refusalOf, run, tiersOf } from './support/house';

const G = '200000000000000078';

const brief = (tiers: readonly HouseTier[]) => tiers.map((t) => [t.name, t.min, t.max]);
const names = (text: string) => tiersOf(text).map((t) => t.name);

/** The code a refusal suggests, in the order given. */
const fixesOf = (text: string) => refusalOf(text).parts.filter((p) => p.kind === 'code').map((p) => p.text);

describe('a name glued to its range by a colon', () => {
  it('reads "Micro:10k-50k" as "Micro: 10k-50k" reads', () => {
    expect(brief(tiersOf('Micro:10k-50k, Macro:50k-500k'))).toEqual([
      ['Micro', 10_000, 49_999],
      ['Macro', 50_000, 500_000],
    ]);
    expect(tiersOf('Micro:10k-50k, Macro:50k-500k')).toEqual(tiersOf('Micro: 10k-50k, Macro: 50k-500k'));
    expect(brief(tiersOf('Nano:1k-10k'))).toEqual([['Nano', 1_000, 10_000]]);
    expect(tiersOf('Nano:1k-10k, Micro:10k-100k, Macro:100k+').map((t) => t.normal)).toEqual(['nano', 'micro', 'macro']);
  });

  it('reads "=" glued the same way, and a name glued after its range', () => {
    expect(names('Micro=10k-50k, Macro=50k+')).toEqual(['Micro', 'Macro']);
    expect(names('1k-10k:Nano, 10k-50k:Micro')).toEqual(['Nano', 'Micro']);
  });

  it('still refuses two tiers written without a comma, with the fix', () => {
    expect(fixesOf('nano:1k-10k micro:10k-75k')).toContain('nano:1k-10k, micro:10k-75k');
    expect(names('nano:1k-10k, micro:10k-75k')).toEqual(['nano', 'micro']);
  });

  it('is saved so by /house set, and /tier places 30k in Micro', async () => {
    const ctx = managerContext(G);
    const saved = await run(house, { subcommand: 'set', tiers: 'Micro:10k-50k, Macro:50k-500k' }, ctx);
    expect(saved.inputError).toBeUndefined();
    expect(description(saved)).toContain('**Micro** (10k–50k)');
    expect(description(await run(tier, { followers: '30k' }, ctx))).toContain('**Your house definition: Micro (10k–50k)**');
  });
});

describe('an emoji before (or after) a name', () => {
  const GARDEN = '🌱 Nano 1k-10k, 🌿 Micro 10k-100k, 🌳 Macro 100k+';

  it('keeps the emoji in the name, shown as the team wrote it', () => {
    expect(names(GARDEN)).toEqual(['🌱 Nano', '🌿 Micro', '🌳 Macro']);
  });

  it('maps each tier by the name it states, as without the emoji', () => {
    expect(tiersOf(GARDEN).map((t) => t.normal)).toEqual(['nano', 'micro', 'macro']);
    expect(tiersOf('Nano 🌱 1k-10k, ⭐ Micro ⭐ 10k-100k').map((t) => t.normal)).toEqual(['nano', 'micro']);
    // A name that states no tier is mapped by its range, emoji or not.
    expect(tiersOf('🐟 small fry 1k-10k')[0]!.normal).toBe(tiersOf('small fry 1k-10k')[0]!.normal);
  });

  it('/tier names the team’s tier with its emoji', async () => {
    const ctx = managerContext(G);
    await run(house, { subcommand: 'set', tiers: GARDEN }, ctx);
    expect(description(await run(tier, { followers: '5k' }, ctx))).toContain('**Your house definition: 🌱 Nano (1k–10k)**');
  });
});

describe('a number that is the name’s own, before a range', () => {
  it.each([
    ['Tier 2 100-500K', 'Tier 2', 100_000, 500_000],
    ['Level 3 100-500K', 'Level 3', 100_000, 500_000],
    ['Group 2 100-500k', 'Group 2', 100_000, 500_000],
    ['Stufe 2 100-500K', 'Stufe 2', 100_000, 500_000],
    ['Tier 2 100 000-500 000', 'Tier 2', 100_000, 500_000],
    ['Tier 1 500 000-2M', 'Tier 1', 500_000, 2_000_000],
    ['Tier 2 100+', 'Tier 2', 100, null],
  ])('%j after a word that numbers is %j, %d to %j', (text, name, min, max) => {
    expect(brief(tiersOf(text))).toEqual([[name, min, max]]);
  });

  it('reads "Tier 2 100-500K" as "Tier 2: 100-500K", in a definition and in /tier', async () => {
    const DEFINITION = 'Tier 1 1k-100K, Tier 2 100-500K';
    expect(brief(tiersOf(DEFINITION))).toEqual([
      ['Tier 1', 1_000, 99_999],
      ['Tier 2', 100_000, 500_000],
    ]);
    expect(tiersOf(DEFINITION)).toEqual(tiersOf('Tier 1: 1k-100K, Tier 2: 100-500K'));
    const ctx = managerContext(G);
    await run(house, { subcommand: 'set', tiers: DEFINITION }, ctx);
    expect(description(await run(tier, { followers: '200k' }, ctx))).toContain('**Your house definition: Tier 2 (100k–500k)**');
  });

  it.each([
    // A group of "000" is only ever thousands.
    ['micro 10 000-50 000', 'micro', 10_000, 50_000],
    ['micro 10 000-75k', 'micro', 10_000, 75_000],
    ['Tier 10 000-50 000', 'Tier', 10_000, 50_000],
    ['Tier 2 10 000-50 000', 'Tier 2', 10_000, 50_000],
    // Thousands grouped by spaces throughout.
    ['micro 10 500-50 000', 'micro', 10_500, 50_000],
    ['star 1 500 000-2M', 'star', 1_500_000, 2_000_000],
    ['whale 12 500 000 to 13 000 000', 'whale', 12_500_000, 13_000_000],
  ])('%j: a count grouped by a space stays one count (%j, %d to %d)', (text, name, min, max) => {
    expect(brief(tiersOf(text))).toEqual([[name, min, max]]);
  });

  it.each([
    ['Squad 2 100-500K', 'Squad 2: 100-500K', 100_000, 'Squad 2,100-500K', 2_100],
    ['Top 5 100-1M', 'Top 5: 100-1M', 100, 'Top 5,100-1M', 5_100],
    ['micro 10 500-75k', 'micro 10: 500-75k', 500, 'micro 10,500-75k', 10_500],
    ['Squad 2 100+', 'Squad 2: 100+', 100, 'Squad 2,100+', 2_100],
  ])('%j, where either reading is a guess, is refused with both ways to write it', (text, asName, nameMin, asCount, countMin) => {
    expect(fixesOf(text)).toEqual([asName, asCount]);
    // Each fix reads as it says.
    expect(brief(tiersOf(asName)).map(([name, min]) => [name, min])).toEqual([[asName.split(':')[0], nameMin]]);
    expect(brief(tiersOf(asCount)).map(([name, min]) => [name, min])).toEqual([[asCount.split(' ')[0], countMin]]);
  });

  const OWN_NAMES = ['micro', 'star', '🐟 small fry', 'Größe', 'Tier A', 'whale'];
  const spaced = (n: number) => n.toLocaleString('en-US').replace(/,/g, ' ');

  it('reads a count grouped by spaces at both ends as that count, whatever the name before it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...OWN_NAMES), fc.integer({ min: 1_000, max: 5_000_000 }), fc.integer({ min: 1, max: 100_000_000 }), (name, low, width) => {
        expect(brief(tiersOf(`${name} ${spaced(low)}-${spaced(low + width)}`))).toEqual([[name, low, low + width]]);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a number after a word that numbers in the name, however the range after it is written', () => {
    fc.assert(
      fc.property(fc.constantFrom('Tier', 'Level', 'Group', 'Stufe'), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 998 }), fc.integer({ min: 1, max: 500 }), (word, n, low, width) => {
        const high = Math.min(low + width, 999);
        expect(brief(tiersOf(`${word} ${n} ${low}-${high}K`))).toEqual([[`${word} ${n}`, low * 1_000, high * 1_000]]);
      }),
      { numRuns: 300 },
    );
  });

  it('never reads a number a name may own as the start of a count: it asks', () => {
    fc.assert(
      fc.property(fc.constantFrom(...OWN_NAMES), fc.integer({ min: 1, max: 999 }), fc.integer({ min: 100, max: 999 }), (name, n, group) => {
        const r = parseHouseDefinition(`${name} ${n} ${group}-1M`);
        expect(r.ok ? r.tiers.map((t) => t.min) : 'refused').toBe('refused');
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    // A mark sets the name off: the number after it can only start the count.
    ['Nano: 2 500+, Micro: 10 000+, Macro: 100 000+', 'Nano', 2_500],
    ['Nano : 2 500+', 'Nano', 2_500],
    ['Nano = 2 500+', 'Nano', 2_500],
    ['Nano – 2 500+', 'Nano', 2_500],
    ['Nano → 2 500+', 'Nano', 2_500],
    ['Micro: 10 500-75k', 'Micro', 10_500],
    // A name that describes its tier with "tier" or "level" does not number it.
    ['Mid tier 12 500 - 50 000, Top tier 50 000+', 'Mid tier', 12_500],
    ['Nano tier 1 500-10 000, Micro tier 10 000-50 000', 'Nano tier', 1_500],
    ['Entry level 2 500-10 000', 'Entry level', 2_500],
    // The definition groups its thousands by spaces elsewhere.
    ['Nano 2 500+, Micro 10 000+, Macro 100 000+', 'Nano', 2_500],
    ['Micro 12 500+, Macro 100 000+', 'Micro', 12_500],
    // A name already ending in its own number.
    ['Tier 1 2 500-10k, Tier 2 10k+', 'Tier 1', 2_500],
  ])('%j: where the name cannot own the number, it starts the count (%j from %d)', (text, name, min) => {
    const [first] = tiersOf(text);
    expect([first!.name, first!.min]).toEqual([name, min]);
  });

  it('reads a top tier named "Top tier" after counts grouped by spaces', () => {
    expect(names('Nano 1 000-10 000, Micro 10 000-100 000, Macro 100 000-1 500 000, Top tier 1 500 000+')).toEqual(['Nano', 'Micro', 'Macro', 'Top tier']);
  });

  it('says why in words, naming the number', () => {
    expect(refusalOf('Squad 2 100-500K').reason).toBe(
      'In "Squad 2 100-500K", "2 100" could be the count 2,100, or "2" could be part of the name. Write `Squad 2: 100-500K` for the name, or `Squad 2,100-500K` for the count.',
    );
  });

  it('/house set shows the refusal as an input error', async () => {
    const reply = await run(house, { subcommand: 'set', tiers: 'Squad 1 1k-100K, Squad 2 100-500K' }, managerContext(G));
    expect(reply.inputError).toBe(true);
    expect(description(reply)).toContain('`Squad 2: 100-500K`');
  });
});

describe('German "Tsd." inside a range', () => {
  it('reads "10 Tsd." as /tier reads it, either end of a range', () => {
    expect(parseFollowerCount('10 Tsd.')).toEqual({ ok: true, value: 10_000 });
    expect(brief(tiersOf('Mikro 10 Tsd. - 50 Tsd.'))).toEqual([['Mikro', 10_000, 50_000]]);
    expect(brief(tiersOf('Nano 1 Tsd.–10 Tsd.'))).toEqual([['Nano', 1_000, 10_000]]);
    expect(brief(tiersOf('Nano 1 Tsd.–10 Tsd., Mikro 10 Tsd. - 50 Tsd., Makro 50 Tsd.+'))).toEqual([
      ['Nano', 1_000, 9_999],
      ['Mikro', 10_000, 49_999],
      ['Makro', 50_000, null],
    ]);
    expect(brief(tiersOf('Nano 1–10 Tsd., Mikro 10–50 Tsd.'))).toEqual([
      ['Nano', 1_000, 9_999],
      ['Mikro', 10_000, 50_000],
    ]);
  });

  it('keeps the precision written: 9,9 Tsd. meets 10 Tsd., as 9,9k meets 10k', () => {
    expect(tiersOf('a 1 Tsd.-9,9 Tsd., b 10 Tsd.+')).toEqual(tiersOf('a 1k-9,9k, b 10k+'));
  });

  it('is saved so by /house set', async () => {
    const ctx = managerContext(G);
    const saved = await run(house, { subcommand: 'set', tiers: 'Nano 1 Tsd.–10 Tsd., Mikro 10 Tsd. - 50 Tsd.' }, ctx);
    expect(saved.inputError).toBeUndefined();
    expect(description(await run(tier, { followers: '30k' }, ctx))).toContain('**Your house definition: Mikro (10k–50k)**');
  });
});

describe('a list lettered, or numbered 1.1, 1.2', () => {
  it.each([
    ['a) nano 1k-10k, b) micro 10k-100k'],
    ['a. nano 1k-10k\nb. micro 10k-100k\nc. macro 100k+'],
    ['A) nano 1k-10k; B) micro 10k-100k; C) macro 100k+'],
    ['1.1 nano 1k-10k, 1.2 micro 10k-100k'],
    ['1.1. nano 1k-10k\n1.2. micro 10k-100k\n2.1. macro 100k+'],
  ])('%j: the list’s letters or numbers are no part of the names', async (text) => {
    expect(names(text)).toEqual(['nano', 'micro', 'macro'].slice(0, tiersOf(text).length));
    const ctx = managerContext(G);
    await run(house, { subcommand: 'set', tiers: text }, ctx);
    expect(description(await run(tier, { followers: '30k' }, ctx))).toContain('**Your house definition: micro (10k–100k)**');
  });

  it('keeps letters or numbers not in order, and letters that are the names', () => {
    expect(names('a) nano 1k-10k, c) micro 10k+')).toEqual(['a) nano', 'c) micro']);
    expect(names('b. nano 1k-10k, c. micro 10k+')).toEqual(['b. nano', 'c. micro']);
    expect(names('1.1 nano 1k-10k, 1.3 micro 10k+')).toEqual(['1.1 nano', '1.3 micro']);
    expect(names('a) nano 1k-10k, B) micro 10k+')).toEqual(['a) nano', 'B) micro']);
    expect(names('A. 1k-10k, B. 10k-100k, C. 100k+')).toEqual(['A.', 'B.', 'C.']);
    expect(names('a) Liga 1M+, b) Liga 100k-1M')).toEqual(['b) Liga', 'a) Liga']);
  });

  it('drops a list\'s marks before names that stay apart without them, as numbered tiers of one word', () => {
    expect(names('a) Tier 1 1k-10k, b) Tier 2 10k+')).toEqual(['Tier 1', 'Tier 2']);
    expect(names('- Groupe 1 1k-10k; - Groupe 2 10k+')).toEqual(['Groupe 1', 'Groupe 2']);
    expect(names('1. Liga 1M+, 2. Liga 100K-1M')).toEqual(['2. Liga', '1. Liga']);
  });

  it('refuses a lettered list written on one line without commas, with the commas put back', () => {
    expect(fixesOf('a) nano 1k-10k b) micro 10k-100k')).toContain('a) nano 1k-10k, b) micro 10k-100k');
    expect(names('a) nano 1k-10k, b) micro 10k-100k')).toEqual(['nano', 'micro']);
  });
});
