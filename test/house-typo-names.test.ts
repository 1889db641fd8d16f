/**
 * /house set with a tier name that is a slip in typing a tier's name ("mirco"): saved as typed, since
 * the team may mean it, and the reply says plainly that it looks like a typo, with the definition
 * corrected, ready to paste. Names a team chose on purpose are left alone.
 */

import { describe, expect, it } from 'vitest';
import { house } from '../src/commands/house';
import { tier } from '../src/commands/tier';
import { memoryStore } from './support/context';
import { description, managerContext, run } from './support/house';

const G = '200000000000000072';

/** The definition the reply gives to paste instead, as shown (a code span on the line after the one saying where it goes). */
const toPaste = (text: string): string | undefined => /paste this into `\/house set tiers:`\n`([^`]+)`/.exec(text)?.[1];

describe('a typo in a standard tier name', () => {
  it('is saved as typed; the reply says it looks like a typo and gives the definition corrected, which pasted makes /tier show the name meant', async () => {
    const store = memoryStore();
    const ctx = managerContext(G, store);
    const typed = 'nano 1k-10k, mirco 10k-50k, mid 50k-250k, macro 250k-1m, mega 1m+';
    const saved = await run(house, { subcommand: 'set', tiers: typed }, ctx);
    expect(saved.inputError).toBeUndefined();
    expect((await store.house(G))?.text).toBe(typed);
    expect(description(saved)).toContain('ℹ️ “mirco” looks like a typo for “micro”. It is saved as typed, so `/tier` shows “mirco”. To correct it, paste this into `/house set tiers:`\n`');
    expect(toPaste(description(saved))).toBe('nano 1k-10k, micro 10k-50k, mid 50k-250k, macro 250k-1m, mega 1m+');
    // Quoted as the other replies quote: curly quotes, never straight ones.
    expect(description(saved).split('\n').find((line) => line.includes('typo'))).not.toContain('"');
    expect(description(await run(tier, { followers: '30k' }, ctx))).toContain('**Your house definition: mirco (10k–50k)**');

    const corrected = await run(house, { subcommand: 'set', tiers: toPaste(description(saved))! }, ctx);
    expect(description(corrected)).not.toContain('typo');
    expect(description(await run(tier, { followers: '30k' }, ctx))).toContain('**Your house definition: micro (10k–50k)**');
  });

  it.each([
    ['two letters swapped, in capitals', 'NANO 1K-10K, MIRCO 10K-50K, MID 50K+', ['“MIRCO” looks like a typo for “MICRO”'], 'NANO 1K-10K, MICRO 10K-50K, MID 50K+'],
    ['in a longer name, its case kept', 'Nano 1k-10k, Mirco Influencers 10k-50k, Mid 50k+', ['“Mirco Influencers” looks like a typo for “Micro Influencers”'], 'Nano 1k-10k, Micro Influencers 10k-50k, Mid 50k+'],
    ['a letter typed twice, one left out', 'nanno 1k-10k, micro 10k-50k, mid 50k-250k, macro 250k-1M, meg 1M+', ['These names look like typos: “nanno” for “nano”, “meg” for “mega”. They are saved as typed, so `/tier` shows them that way. To correct them, paste this into `/house set tiers:`'], 'nano 1k-10k, micro 10k-50k, mid 50k-250k, macro 250k-1M, mega 1M+'],
    ['two slips in a long name', 'micro 10k-50k, mid 50k-1M, celebirty 1M+', ['“celebirty” looks like a typo for “celebrity”'], 'micro 10k-50k, mid 50k-1M, celebrity 1M+'],
    ['on lines of their own, the correction on one line to paste', 'Nano 1k-10k\nMicro 10k-250k\nMcaro 250k-1M\nMega 1M+', ['“Mcaro” looks like a typo for “Macro”'], 'Nano 1k-10k, Micro 10k-250k, Macro 250k-1M, Mega 1M+'],
  ])('%s', async (_, typed, said, pasted) => {
    const reply = description(await run(house, { subcommand: 'set', tiers: typed }, managerContext(G, memoryStore())));
    for (const words of said) expect(reply).toContain(words);
    expect(toPaste(reply)).toBe(pasted);
  });

  it('is not seen in names a team chose on purpose, nor in spellings of other languages', async () => {
    for (const typed of [
      'Micro+ 10k-50k, Rising 50k-250k, Tier 1 250k+',
      'Nano-plus 1k-10k, Tier 1 10k-50k',
      'Nano 1 Tsd.–10 Tsd., Mikro 10 Tsd.–50 Tsd., Makro 50 Tsd.+',
      'Min 1k-10k, Mild 10k-50k, Meta 50k-1M, Omega 1M+',
      'Starter 1k-10k, Midi 10k-50k, Megan 50k+',
    ]) {
      const reply = description(await run(house, { subcommand: 'set', tiers: typed }, managerContext(G, memoryStore())));
      expect(reply, typed).not.toContain('typo');
    }
  });
});
