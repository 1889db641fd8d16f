/**
 * /house set reads tiers the ways marketers write them: a range's bare low end shares the high
 * end's unit as /tier reads "30-40k"; a ladder of thresholds runs each tier up to the next; a
 * trailing "followers" and "between … and …" read; a count it cannot read is named; a suggested
 * fix reads as intended when pasted; and the length limit counts characters as Discord does.
 */

import { describe, expect, it } from 'vitest';
import { house } from '../src/commands/house';
import { tier } from '../src/commands/tier';
import { formatHouseDefinition, HOUSE_EXAMPLE, LADDER_NOTE, MAX_HOUSE_TEXT, parseHouseDefinition, type HouseTier } from '../src/domain/house';
import { parseFollowerCount, shortCount } from '../src/domain/followers';
import { description, managerContext, refusalOf, run, tiersOf } from './support/house';

const G = '200000000000000077';

const brief = (tiers: readonly HouseTier[]) => tiers.map((t) => [t.name, t.min, t.max]);

describe('a range whose low end is written bare', () => {
  it('shares the high end’s unit, as /tier reads "30-40k": "1-10k" is 1k to 10k', () => {
    expect(brief(tiersOf('nano 1-10k, micro 10k-100k'))).toEqual([
      ['nano', 1_000, 9_999],
      ['micro', 10_000, 100_000],
    ]);
    expect(brief(tiersOf('nano 1-10k, micro 10-50k, mid 50-500k, macro 500k-1M, mega 1M+'))).toEqual([
      ['nano', 1_000, 9_999],
      ['micro', 10_000, 49_999],
      ['mid', 50_000, 499_999],
      ['macro', 500_000, 999_999],
      ['mega', 1_000_000, null],
    ]);
    expect(tiersOf('a 1-2 million, b 2 million+')[0]!.min).toBe(1_000_000);
  });

  it('reads each range’s low end exactly as /tier’s "looks like a range" reads it, sharing the unit only where that keeps it the lower', () => {
    for (const range of ['1-10k', '10-50k', '30-40k', '1.5-2k', '1,5-10k', '5-2k', '100-1M', '2-3 million', '10 000-75k']) {
      const told = parseFollowerCount(range);
      if (told.ok) throw new Error(`/tier read ${range} as one count`);
      const low = told.reason.split('–')[0];
      expect([range, shortCount(tiersOf(`a ${range}`)[0]!.min)]).toEqual([range, low]);
    }
  });

  it('is saved so by /house set, and /tier places a count by it', async () => {
    const ctx = managerContext(G);
    const saved = await run(house, { subcommand: 'set', tiers: 'nano 1-10k, micro 10-50k, mid 50-500k, macro 500k-1M, mega 1M+' }, ctx);
    expect(saved.inputError).toBeUndefined();
    expect(description(saved)).toContain('**nano** (1k–10k)');
    expect(description(saved)).toContain('**micro** (10k–50k)');
    expect(description(await run(tier, { followers: '500' }, ctx))).toContain('below nano, the lowest house tier (from 1k)');
  });
});

describe('a comma left out, joined by a word or a dash', () => {
  it.each([
    ['nano 1k-10k and micro 10k-75k', 'nano 1k-10k, micro 10k-75k', ['nano', 'micro']],
    ['nano 1k-10k & micro 10k-75k', 'nano 1k-10k, micro 10k-75k', ['nano', 'micro']],
    ['nano 1k-10k then micro 10k-75k', 'nano 1k-10k, micro 10k-75k', ['nano', 'micro']],
    ['nano 1k–10k – micro 10k–75k', 'nano 1k–10k, micro 10k–75k', ['nano', 'micro']],
    ['nano 1k-10k - micro 10k-75k and macro 75k+', 'nano 1k-10k, micro 10k-75k, macro 75k+', ['nano', 'micro', 'macro']],
    ['10k-50k small and 50k+ big', '10k-50k small, 50k+ big', ['small', 'big']],
  ])('%j suggests %j, which reads as the tiers meant', (written, fix, names) => {
    expect(refusalOf(written).parts).toContainEqual({ kind: 'code', text: fix });
    expect(tiersOf(fix).map((t) => t.name)).toEqual(names);
  });

  it('keeps a name that only starts like a joining word', () => {
    expect(refusalOf('nano 1k-10k andy 10k-75k').parts).toContainEqual({ kind: 'code', text: 'nano 1k-10k, andy 10k-75k' });
  });

  it('/house set shows the fix as the code to paste', async () => {
    const reply = await run(house, { subcommand: 'set', tiers: 'nano 1k-10k and micro 10k-75k' }, managerContext(G));
    expect(reply.inputError).toBe(true);
    expect(description(reply)).toContain('To correct it, paste this into `/house set tiers:` `nano 1k-10k, micro 10k-75k`.');
  });
});

describe('a ladder of thresholds', () => {
  const LADDER = 'Nano 1K+, Micro 10K+, Macro 100K+, Mega 1M+';

  it('reads each tier up to where the next starts, and says it read them so', () => {
    const r = parseHouseDefinition(LADDER);
    if (!r.ok) throw new Error(r.reason);
    expect(brief(r.tiers)).toEqual([
      ['Nano', 1_000, 9_999],
      ['Micro', 10_000, 99_999],
      ['Macro', 100_000, 999_999],
      ['Mega', 1_000_000, null],
    ]);
    expect(r.tiers.map((t) => t.stated)).toEqual(['1k–10k', '10k–100k', '100k–1M', '1M+']);
    expect(r.note).toBe(LADDER_NOTE);
    // Written back, it reads as the same tiers, now as ranges.
    expect(tiersOf(formatHouseDefinition(r.tiers))).toEqual(r.tiers);
    expect(parseHouseDefinition(HOUSE_EXAMPLE)).not.toHaveProperty('note');
  });

  it('reads largest first too, and with a highest tier that is a range', () => {
    expect(tiersOf('Mega 1M+, Macro 100K+, Micro 10K+, Nano 1K+')).toEqual(tiersOf(LADDER));
    expect(brief(tiersOf('a 1k+, b 10k+, c 100k-1M'))).toEqual([
      ['a', 1_000, 9_999],
      ['b', 10_000, 99_999],
      ['c', 100_000, 1_000_000],
    ]);
  });

  it('is no ladder with a gap written in it, or thresholds out of order', () => {
    expect(refusalOf('a 1k+, gap, b 100k+').reason).toContain('overlap');
    expect(refusalOf('a 10k+, b 1k+, c 100k+').reason).toContain('overlap');
  });

  it('is saved by /house set with each tier’s counts', async () => {
    const ctx = managerContext(G);
    const saved = await run(house, { subcommand: 'set', tiers: LADDER }, ctx);
    expect(saved.inputError).toBeUndefined();
    expect(description(saved)).toContain('**Nano** (1k–10k) · counts 1,000–9,999');
    expect(description(await run(tier, { followers: '50k' }, ctx))).toContain('**Your house definition: Micro (10k–100k)**');
  });
});

describe('other ways of writing a range', () => {
  it('reads a trailing "followers", "subs" or "subscribers", as /tier reads "30k followers"', () => {
    expect(brief(tiersOf('micro 10k-100k followers'))).toEqual([['micro', 10_000, 100_000]]);
    expect(brief(tiersOf('Nano: 1k-10k followers, Micro: 10k-100k followers'))).toEqual([
      ['Nano', 1_000, 9_999],
      ['Micro', 10_000, 100_000],
    ]);
    expect(brief(tiersOf('small 1k-10k subs, big 10k+ subscribers'))).toEqual([
      ['small', 1_000, 9_999],
      ['big', 10_000, null],
    ]);
    expect(brief(tiersOf('tier 1 (10k to 75k) followers'))).toEqual([['tier 1', 10_000, 75_000]]);
  });

  it('reads "between … and …" as it reads "from … to …"', () => {
    expect(tiersOf('micro between 10k and 50k, mid between 50k and 500k')).toEqual(tiersOf('micro from 10k to 50k, mid from 50k to 500k'));
  });

  it('names the count it cannot read, as written', async () => {
    expect(refusalOf('macro 100K-1MM').reason).toBe('In "macro 100K-1MM": "1MM" is not a follower count I can read.');
    expect(refusalOf('macro 100K-1MM').parts).toContainEqual({ kind: 'theirs', text: '1MM' });
    expect(refusalOf('a 1,5-10, b 10+').reason).toBe(
      'In "a 1,5-10": "1,5" is not a follower count I can read: a comma before one digit is neither a thousands separator nor a decimal comma (read only before a multiplier, as in 12,5k).',
    );
    expect(refusalOf('micro 1.2345k-2k').reason).toBe('In "micro 1.2345k-2k", "1.2345k": A follower count is a whole number; that works out to a fraction of a follower.');
    const reply = await run(house, { subcommand: 'set', tiers: 'nano 1k-100K, macro 100K-1MM' }, managerContext(G));
    expect(description(reply)).toContain('"1MM" is not a follower count I can read.');
  });
});

describe('the length limit', () => {
  const ANIMALS = [...'🐟🐳🐙🦀🐢🦊🐻🐼🐨🦁🐯🐸'];
  // Twelve tiers named by forty emoji each: 581 characters, 1,061 UTF-16 units.
  const EMOJI_LADDER = ANIMALS.map((animal, i) => `${animal.repeat(40)} ${i + 1}k-${i + 2}k`).join(', ');

  it('counts characters as Discord’s max_length does, an emoji as one', async () => {
    expect([[...EMOJI_LADDER].length, EMOJI_LADDER.length]).toEqual([581, 1_061]);
    expect(tiersOf(EMOJI_LADDER)).toHaveLength(12);
    const saved = await run(house, { subcommand: 'set', tiers: EMOJI_LADDER }, managerContext(G));
    expect(saved.inputError).toBeUndefined();
    // One tier of forty emoji and a long range is within the limit for one tier, too.
    expect(tiersOf(`${'🐳'.repeat(40)} 1,000,000 to 2,000,000`)).toHaveLength(1);
  });

  it('says the length in characters when refusing', () => {
    expect(refusalOf(`${'🐟'.repeat(MAX_HOUSE_TEXT - 3)} 1k+`).reason).toBe('That definition is 1,001 characters long; the most is 1,000.');
  });
});

describe('a pasted list of tiers', () => {
  it.each([
    ['1. nano 1k-10k\n2. micro 10k-50k\n3. macro 50k+'],
    ['1) nano 1k-10k\n2) micro 10k-50k\n3) macro 50k+'],
    ['• nano 1k-10k\n• micro 10k-50k\n• macro 50k+'],
    ['- nano 1k-10k\n- micro 10k-50k\n- macro 50k+'],
  ])('%j: the list’s numbers or bullets are no part of the tier names', async (text) => {
    expect(tiersOf(text).map((t) => t.name)).toEqual(['nano', 'micro', 'macro']);
    const context = managerContext(G);
    await run(house, { subcommand: 'set', tiers: text }, context);
    expect(description(await run(tier, { followers: '30k' }, context))).toContain('micro');
    expect(description(await run(tier, { followers: '30k' }, context))).not.toMatch(/\d\\?[.)] ?micro|[•-] micro/);
  });

  it('keeps a number that is part of a name, and a mark that is all of one', () => {
    expect(tiersOf('Tier 1 1k-10k, Tier 2 10k+').map((t) => t.name)).toEqual(['Tier 1', 'Tier 2']);
    expect(tiersOf('~ 1k-10k, * 10k+').map((t) => t.name)).toEqual(['~', '*']);
  });
});

describe('names that look like the forms above stay names', () => {
  it.each([
    ['10k-50k Fans, 50k-500k Superfans, 500k+ Megafans', ['Fans', 'Superfans', 'Megafans']],
    ['1k-10k Fans, 10k+ Superfans', ['Fans', 'Superfans']],
    ['Rising up to 10k, In Between 10k-100k, Stars 100k+', ['Rising', 'In Between', 'Stars']],
    // A dash standing apart after a name sets it off from the range; one before it is the team's own.
    ['- VIP - 100k+, regular up to 100k', ['regular', '- VIP']],
    ['* VIP * 100k+, small up to 100k', ['small', '* VIP *']],
    ['7. Heaven 1k-10k, 8. Heaven 10k+', ['7. Heaven', '8. Heaven']],
    ['- nano 1k-10k\nmicro 10k+', ['- nano', 'micro']],
  ])('%j keeps its names: %j', (text, names) => {
    expect(tiersOf(text).map((t) => t.name)).toEqual(names);
  });
});

describe('units, lists and joining words as teams write them', () => {
  it.each([
    // A tier with no name is called by its range.
    ['1k-10k followers, 10k-100k followers, 100k+ followers', ['1k–10k', '10k–100k', '100k+']],
    ['1k-10k subs, 10k+ subs', ['1k–10k', '10k+']],
    ['1k-10k followers nano, 10k-100k followers micro, 100k+ followers macro', ['nano', 'micro', 'macro']],
    ['(1k-10k followers) nano, (10k-100k followers) micro', ['nano', 'micro']],
    ['- 1k-10k nano\n- 10k-100k micro\n- 100k+ macro', ['nano', 'micro', 'macro']],
    ['1. nano 1k-10k\n2. micro 10k-50k\n3. 50k+', ['nano', 'micro', '50k+']],
    ['1. Nano 1k-10k; 2. Micro 10k-100k; 3. Macro 100k-1M; 4. Mega 1M+', ['Nano', 'Micro', 'Macro', 'Mega']],
    ['Micro: between 10k - 50k, Macro: 50k+', ['Micro', 'Macro']],
    ['micro between 10k to 50k, macro 50k+', ['micro', 'macro']],
    ['1k-10k followers = nano, 10k-100k followers = micro', ['nano', 'micro']],
    ['• 1k-10k: nano\n• 10k-50k: micro\n• 50k+: macro', ['nano', 'micro', 'macro']],
    ['Nano: between 1K-10K, Micro: between 10K-100K, Macro: 100K+', ['Nano', 'Micro', 'Macro']],
    ['Women 25-34: micro 10k-50k, Women 25-34: macro 50k+', ['Women 25-34: micro', 'Women 25-34: macro']],
    ['1. Liga 1M+, 2. Liga 100K-1M, 3. Liga 10K-100K', ['3. Liga', '2. Liga', '1. Liga']],
  ])('%j reads as the names %j', (text, names) => {
    expect(tiersOf(text).map((t) => t.name)).toEqual(names);
  });

  it('reads a numbered list with a gap in it', () => {
    expect(tiersOf('1. Nano: 1k-10k\n2. Micro: 10k-100k\n3. (gap)\n4. Macro: 250k+').map((t) => t.name)).toEqual(['Nano', 'Micro', 'Macro']);
  });

  it.each([
    ['nano 1k-10k/micro 10k-75k/macro 75k+', 'nano 1k-10k, micro 10k-75k, macro 75k+'],
    ['nano 1k-10k|micro 10k-75k', 'nano 1k-10k, micro 10k-75k'],
    ['nano 1k-10k -micro 10k-75k', 'nano 1k-10k, micro 10k-75k'],
    ['Nano 1K-10K And Micro 10K-75K', 'Nano 1K-10K, Micro 10K-75K'],
    ['10k-50k small/50k+ big', '10k-50k small, 50k+ big'],
    ['nano 1k-10k followers micro 10k-75k followers', 'nano 1k-10k followers, micro 10k-75k followers'],
  ])('%j suggests %j', (written, fix) => {
    expect(refusalOf(written).parts).toContainEqual({ kind: 'code', text: fix });
  });
});

describe('a ladder whose lowest tier is closed', () => {
  it('reads "Nano under 10K, Micro 10K+, Macro 100K+, Mega 1M+" as each threshold running to the next', () => {
    for (const text of ['Nano under 10K, Micro 10K+, Macro 100K+, Mega 1M+', 'Nano: <10K, Micro: 10K+, Macro: 100K+, Mega: 1M+']) {
      const parsed = parseHouseDefinition(text);
      expect(parsed.ok && parsed.note).toBe(LADDER_NOTE);
      expect(tiersOf(text).map((t) => [t.name, t.min, t.max])).toEqual([
        ['Nano', 0, 9_999],
        ['Micro', 10_000, 99_999],
        ['Macro', 100_000, 999_999],
        ['Mega', 1_000_000, null],
      ]);
    }
  });
});

describe('marks and words around a range', () => {
  it.each([
    ['Nano – 1K to 10K, Micro – 10K to 100K, Macro – 100K+', ['Nano', 'Micro', 'Macro']],
    ['Level 1 - 1-10k, Level 2 - 10-50k', ['Level 1', 'Level 2']],
    ['1K-10K → Nano, 10K-100K → Micro', ['Nano', 'Micro']],
    ['Nano 1K-10K, Micro 10K-100K, Macro 100K+.', ['Nano', 'Micro', 'Macro']],
    ['Micro 10k-100k, Macro 100k & up', ['Micro', 'Macro']],
    ['micro 10k-100k, macro 100k or higher', ['micro', 'macro']],
  ])('%j reads as %j', (text, names) => {
    expect(tiersOf(text).map((t) => t.name)).toEqual(names);
  });

  it('maps a name set off by a dash by its name', () => {
    expect(tiersOf('Nano – 1K to 10K, Micro – 10K to 100K').map((t) => t.normal)).toEqual(['nano', 'micro']);
  });
});
