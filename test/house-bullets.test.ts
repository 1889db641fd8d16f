/**
 * /house set with the bullets a slide, a document or a pasted list puts between or before its items:
 * a bullet between two tiers stands where a comma should, as "/" does (refused, with the definition
 * as it should be written, ready to paste), and a bullet before a tier is never part of its name.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { house } from '../src/commands/house';
import { tier } from '../src/commands/tier';
import type { RunContext } from '../src/commands/types';
import { memoryStore } from './support/context';
import { description, managerContext, run, tiersOf } from './support/house';

const G = '200000000000000071';

const SLIDE_BULLETS = ['•', '·', '‣', '▪', '◦', '●', '⁃', '∙'];

/** What /house set suggests pasting instead, as shown (a code span). */
const suggested = (text: string): string | undefined => /paste this into `\/house set tiers:` `([^`]+)`/.exec(text)?.[1];

/** The tiers `/house set` saves from `text`, as every member then sees them in /tier for `count`. */
async function setThenTier(text: string, count: string, ctx: RunContext = managerContext(G)): Promise<{ set: string; tier: string }> {
  const set = await run(house, { subcommand: 'set', tiers: text }, ctx);
  expect(set.inputError, description(set)).toBeUndefined();
  return { set: description(set), tier: description(await run(tier, { followers: count }, ctx)) };
}

describe('a bulleted slide pasted on one line', () => {
  const slide = (bullet: string) => `Nano: 1K–10K ${bullet} Micro: 10K–50K ${bullet} Mid: 50K–250K ${bullet} Macro: 250K–1M ${bullet} Mega: 1M+`;
  const WITH_COMMAS = 'Nano: 1K–10K, Micro: 10K–50K, Mid: 50K–250K, Macro: 250K–1M, Mega: 1M+';

  it.each(SLIDE_BULLETS)('with %s between the tiers is answered as with "/": the suggestion has commas where the bullets were, and pasting it saves tiers named as on the slide', async (bullet) => {
    const ctx = managerContext(G, memoryStore());
    const bulleted = await run(house, { subcommand: 'set', tiers: slide(bullet) }, ctx);
    const slashed = await run(house, { subcommand: 'set', tiers: slide('/') }, ctx);
    expect(bulleted.inputError).toBe(true);
    expect(suggested(description(bulleted))).toBe(WITH_COMMAS);
    expect(suggested(description(bulleted))).toBe(suggested(description(slashed)));

    const pasted = await setThenTier(suggested(description(bulleted))!, '30k', ctx);
    expect(pasted.set).toMatch(/^\*\*Micro\*\* \(10k–50k\)/m);
    expect(pasted.tier).toContain('**Your house definition: Micro (10k–50k)**');
  });

  it('with bullets glued to the words ("1K–10K•Micro") is caught too, not saved as one tier named "Nano 1k-10k•Micro"', async () => {
    const reply = await run(house, { subcommand: 'set', tiers: 'Nano 1k-10k•Micro 10k-50k•Mega 50k+' }, managerContext(G, memoryStore()));
    expect(reply.inputError).toBe(true);
    expect(suggested(description(reply))).toBe('Nano 1k-10k, Micro 10k-50k, Mega 50k+');
  });
});

describe('a bullet before a tier is never part of its name', () => {
  it.each([
    ['a list with the same bullet on every line', '• Nano 1k–10k\n• Micro 10k–50k\n• Mid 50k–250k'],
    ['a list with two kinds of bullet', '• Nano 1k–10k\n◦ Micro 10k–50k\n• Mid 50k–250k'],
    ['a bullet on the first line only', '• Nano 1k–10k\nMicro 10k–50k\nMid 50k–250k'],
    ['bullets without a space after them', '•Nano 1k–10k, •Micro 10k–50k, •Mid 50k–250k'],
    ['a stray bullet on a line of its own', '• Nano 1k–10k\n•\n• Micro 10k–50k\n• Mid 50k–250k'],
    ['bullets setting names off from their ranges', 'Nano • 1k–10k, Micro • 10k–50k, Mid • 50k–250k'],
    ['range first, a bullet before the name', '1k–10k • Nano, 10k–50k • Micro, 50k–250k • Mid'],
  ])('%s', async (_, text) => {
    const shown = await setThenTier(text, '30k', managerContext(G, memoryStore()));
    expect(shown.tier).toContain('**Your house definition: Micro (10k–50k)**');
    expect(shown.set).toMatch(/^\*\*Nano\*\* \(1k–10k\)/m);
  });

  it('whatever the bullets, and wherever they stand before a name', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('', ...SLIDE_BULLETS), fc.constantFrom('', ' ', '  ')), { minLength: 3, maxLength: 3 }),
        fc.constantFrom('\n', ', ', '; '),
        (marks, separator) => {
          const entries = ['Nano 1k-10k', 'Micro 10k-50k', 'Mega 50k+'].map((entry, i) => `${marks[i]![0]}${marks[i]![1]}${entry}`);
          const names = tiersOf(entries.join(separator)).map((t) => t.name);
          expect(names).toEqual(['Nano', 'Micro', 'Mega']);
        },
      ),
    );
  });
});

describe('tiers run together, however they are joined', () => {
  it.each([
    ['/', 'nano 1k-10k / micro 10k-50k / mega 50k+'],
    ['|', 'nano 1k-10k | micro 10k-50k | mega 50k+'],
    ['and', 'nano 1k-10k and micro 10k-50k and mega 50k+'],
    ['a space', 'nano 1k-10k micro 10k-50k mega 50k+'],
    ['•', 'nano 1k-10k • micro 10k-50k • mega 50k+'],
  ])('joined by %s, the refusal says they ran together and read as one tier, and how to separate them', async (_, text) => {
    const reply = await run(house, { subcommand: 'set', tiers: text }, managerContext(G, memoryStore()));
    const said = description(reply);
    expect(said).toMatch(/^Tiers need commas between them: ".*" reads as one tier\. To correct it, paste this into `\/house set tiers:` `nano 1k-10k, micro 10k-50k, mega 50k\+`\./);
    expect(said).not.toContain('tier name in');
    expect(said).not.toContain('holds a range');
  });
});

describe('a bulleted list given back to paste', () => {
  it('/house clear offers it on one line without its bullets, and pasted back it is the same tiers', async () => {
    const ctx = managerContext(G, memoryStore());
    await run(house, { subcommand: 'set', tiers: '• Nano 1K–10K\n• Micro 10K–50K\n◦ Mega 50K+' }, ctx);
    const cleared = description(await run(house, { subcommand: 'clear' }, ctx));
    const offered = /```\n(.*)\n```/.exec(cleared)?.[1];
    expect(offered).toBe('Nano 1K–10K, Micro 10K–50K, Mega 50K+');

    const pasted = await setThenTier(offered!, '30k', ctx);
    expect(pasted.set).toMatch(/^\*\*Micro\*\* \(10k–50k\)/m);
    expect(pasted.tier).toContain('**Your house definition: Micro (10k–50k)**');
  });

  it('a typo in a bulleted list is corrected on one line without its bullets', async () => {
    const saved = description(await run(house, { subcommand: 'set', tiers: '• nano 1k-10k\n• mirco 10k-50k\n• mega 50k+' }, managerContext(G, memoryStore())));
    expect(saved).toContain('paste this into `/house set tiers:`\n`nano 1k-10k, micro 10k-50k, mega 50k+`');
  });
});
