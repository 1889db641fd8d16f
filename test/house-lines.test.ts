/**
 * The house line above /tier's and /tiers' answers: a long definition is shortened before the bold
 * goes round it, at a tier or a word, never inside a number or an escape, and the bold is closed.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOUSE_ANSWER_ROOM, HOUSE_DEFINITION_ROOM, fitMarkdownLine, houseAnswerLine, houseDefinitionLine } from '../src/commands/house-lookup';
import { HOUSE_LINE_ROOM, tier, tierEmbed } from '../src/commands/tier';
import { tiers } from '../src/commands/tiers';
import type { Reply } from '../src/commands/types';
import { classify } from '../src/domain/classify';
import { parseHouseDefinition } from '../src/domain/house';
import { messageProblems } from '../src/commands/limits';
import { memoryStore, testContext } from './support/context';
import { tiersOf } from './support/house';

const G = '200000000000000700';

/** `**` marks outside escapes: an even number means the bold is closed. */
function boldMarks(text: string): number {
  let marks = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text.startsWith('**', i)) {
      marks++;
      i++;
    }
  }
  return marks;
}

async function firstLine(run: () => Promise<Reply>): Promise<string> {
  const reply = await run();
  expect(messageProblems(reply)).toEqual([]);
  return reply.embeds[0]!.description!.split('\n')[0]!;
}

async function contextWith(text: string) {
  const store = memoryStore();
  await store.setHouse(G, { text, setById: '1', setByName: 'ana', setAt: new Date(0) });
  return testContext({ guildId: G, store });
}

// Twelve tiers with long names: the definition is longer than /tiers' house line.
const TWELVE = Array.from({ length: 12 }, (_, i) => `Tier number ${String.fromCharCode(65 + i)} long name ${i * 10}k-${(i + 1) * 10}k`).join(', ');
// Two 32-letter names around a gap, with numbers that cannot be written short.
const LONG_GAP = `${'a'.repeat(32)} 1,234,567,891-2,345,678,912, gap, ${'b'.repeat(32)} 3,456,789,123-4,567,891,234`;

describe('/tiers house line', () => {
  it('shows the first tiers whole, then "…", inside closed bold', async () => {
    const line = await firstLine(async () => (await tiers.run({} as never, await contextWith(TWELVE))) as Reply);
    expect(line.length).toBeLessThanOrEqual(HOUSE_DEFINITION_ROOM);
    expect(line.startsWith('**Your house definition: Tier number A long name 0–10k, ')).toBe(true);
    expect(line.endsWith(', …**')).toBe(true);
    expect(boldMarks(line) % 2).toBe(0);
    // Cut between tiers: every tier shown keeps its name and range.
    const shown = line.slice('**Your house definition: '.length, -', …**'.length).split(', ');
    for (const part of shown) expect(part).toMatch(/^Tier number [A-L] long name \d+k?–\d+k$/);
  });

  it('is unchanged when the definition fits', () => {
    expect(houseDefinitionLine(tiersOf('nano 1k-10k, micro 10k-75k, macro 75k+'))).toBe('**Your house definition: nano 1k–10k, micro 10k–75k, macro 75k+**');
  });

  it('shortens escaped names before the bold, so no escape is cut', () => {
    const text = Array.from({ length: 12 }, (_, i) => `**${'x'.repeat(20)}${i}** ${i + 1}k-${i + 2}k`).join(', ');
    const line = houseDefinitionLine(tiersOf(text));
    expect(line.length).toBeLessThanOrEqual(HOUSE_DEFINITION_ROOM);
    expect(boldMarks(line)).toBe(2);
    expect(line).toMatch(/, …\*\*$/);
  });
});

describe('/tier house line', () => {
  it('shortens the team’s names, keeps both ranges whole and closes the bold', async () => {
    const line = await firstLine(async () => (await tier.run({ followers: '3B' } as never, await contextWith(LONG_GAP))) as Reply);
    expect(line.length).toBeLessThanOrEqual(HOUSE_LINE_ROOM);
    expect(line).toContain('(1,234,567,891–2,345,678,912)');
    expect(line).toContain('(3,456,789,123–4,567,891,234)');
    expect(line).toMatch(/^\*\*Your house definition: in the gap between a+… \(.*\) and b+… \(.*\)\*\*$/);
    expect(boldMarks(line) % 2).toBe(0);
  });

  it('is unchanged when it fits', () => {
    expect(houseAnswerLine(tiersOf('micro 10k-75k, macro 75k+'), 30_000)).toBe('**Your house definition: micro (10k–75k)**');
  });

  it('fits every count and every placement of long, escaped names', () => {
    const names = fc.stringMatching(/^[a-z*_<@>`|~ ]{1,40}$/).filter((n) => n.trim() !== '' && !/^\s|\s$/.test(n));
    fc.assert(
      fc.property(names, names, fc.integer({ min: 0, max: 10_000_000_000 }), (a, b, count) => {
        const parsed = parseHouseDefinition(`${a} 1,234,567-2,345,678, gap, ${b} 3,456,789,123-4,567,891,234`);
        if (!parsed.ok) return;
        const line = houseAnswerLine(parsed.tiers, count);
        expect(line.length).toBeLessThanOrEqual(HOUSE_ANSWER_ROOM);
        expect(line.endsWith('**')).toBe(true);
        expect(boldMarks(line) % 2).toBe(0);
        expect(line).toMatch(/\d\)\*\*$|\d\), the (lowest|highest) house tier\*\*$/);
      }),
      { numRuns: 300 },
    );
  });

  it('cuts a longer line given to the embed without leaving bold open', () => {
    const house = `**Your house definition: ${'word '.repeat(60)}1,234,567,891–2,345,678,912**`;
    const line = tierEmbed(classify(3_000_000_000), '3B', house).description!.split('\n')[0]!;
    expect(line.length).toBeLessThanOrEqual(HOUSE_LINE_ROOM);
    expect(line.endsWith('…**')).toBe(true);
    expect(boldMarks(line)).toBe(2);
  });
});

describe('fitMarkdownLine', () => {
  const token = fc.oneof(
    fc.stringMatching(/^[a-z]{1,10}$/),
    fc.integer({ min: 0, max: 10_000_000_000 }).map((n) => n.toLocaleString('en-US')),
    fc.constantFrom('\\*', '\\_', '\\-', '\\<\\@1\\>', '(1k–10k)', '–'),
  );
  const line = fc.array(fc.tuple(token, fc.boolean()), { minLength: 1, maxLength: 40 }).map((tokens) => tokens.map(([t, bold]) => (bold ? `**${t}**` : t)).join(' '));

  it('stays within the room, cuts between words, and never leaves bold open', () => {
    fc.assert(
      fc.property(line, fc.integer({ min: 10, max: 200 }), (text, max) => {
        const out = fitMarkdownLine(text, max);
        expect(out.length).toBeLessThanOrEqual(max);
        expect(boldMarks(out) % 2).toBe(0);
        if (text.length <= max) {
          expect(out).toBe(text);
          return;
        }
        const kept = out.replace(/…(\*\*)?$/, '');
        // Nothing whole fits: "…" alone, rather than half a number.
        if (kept === '') return;
        expect(text.startsWith(kept)).toBe(true);
        // The cut is at a space of the original (or what precedes it, less a trailing separator).
        expect(text.slice(kept.length)).toMatch(/^[\s,;:·–—(-]*\s/);
      }),
      { numRuns: 500 },
    );
  });
});
