/**
 * Lengths as Discord counts them: in code points, so 🔥 or a math letter pasted from Word (𝑒) is
 * one character, though JavaScript's `.length` counts two. A team term's formula that Discord
 * would show whole is shown whole by /glossary, one that escaping takes past a field is refused
 * with its length as shown, shorten() keeps to its room in code points, and the core's own
 * limits check agrees with the Discord stand-in on text outside the Basic Multilingual Plane.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messageProblems } from '../src/commands/limits';
import { shorten } from '../src/domain/format';
import { messageProblems as standinProblems } from '../tools/standin/limits';
import { memoryStore } from './support/context';
import { driver } from './support/drive';

const GUILD = '500000000000000001';
const MANAGER = { guildId: GUILD, manager: true };

/**
 * A formula as Word writes one in its math letters, each outside the Basic Multilingual Plane: 719
 * characters as Discord counts them, 1,159 UTF-16 units. (An option is sent without the spaces
 * around it, so it ends at the last ";".)
 */
const WORD_FORMULA = '𝐸𝑅 = 𝑒𝑛𝑔𝑎𝑔𝑒𝑚𝑒𝑛𝑡𝑠 ÷ 𝑓𝑜𝑙𝑙𝑜𝑤𝑒𝑟𝑠 × 100; '.repeat(20).trim();

/** Characters as Discord counts them. */
const codePointCount = (text: string) => [...text].length;

/** True when no surrogate is left without its other half. */
const wellFormed = (text: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

/** The Formula field /glossary shows for the team term `name`, after checking Discord would take the reply. */
async function glossaryFormula(bot: ReturnType<typeof driver>, name: string): Promise<string | undefined> {
  const shown = (await bot.run(`/glossary "term:${name}"`, { guildId: GUILD })).shown.body;
  expect(messageProblems(shown)).toEqual([]);
  expect(standinProblems(shown as never)).toEqual([]);
  return shown.embeds?.[0]?.fields?.find((f) => f.name === 'Formula')?.value;
}

describe('a team term’s formula within 1,024 characters as Discord counts them', () => {
  it.each([
    ['719 math letters and symbols pasted from Word', WORD_FORMULA],
    ['1,000 emoji', '🔥'.repeat(1000)],
  ])('%s: /term adds it, and /glossary shows it whole', async (_what, formula) => {
    expect(codePointCount(formula)).toBeLessThanOrEqual(1024);
    expect(formula.length).toBeGreaterThan(1024);
    const bot = driver({ store: memoryStore() });
    const added = await bot.run(`/term add "name:Pasted formula" "definition:Engagement rate, our way" "formula:${formula}"`, MANAGER);
    expect(added.outcome).toBe('answered');
    expect(added.shown.body.embeds?.[0]?.author?.name).toBe('Team term added');
    expect(await glossaryFormula(bot, 'Pasted formula')).toBe(formula);
  });
});

describe('a team term’s formula that escaping takes past 1,024 characters as Discord counts them', () => {
  it('is refused, naming its length as shown (what was typed plus a \\ before each markdown character), and nothing is saved', async () => {
    // 900 characters typed (1,500 in UTF-16 units); each * takes a \ to show as typed: 1,200 shown.
    const formula = `${'🔥'.repeat(600)}${'*'.repeat(300)}`;
    const bot = driver({ store: memoryStore() });
    const refused = await bot.run(`/term add name:Stars definition:ok "formula:${formula}"`, MANAGER);
    expect(refused.outcome).toBe('input-error');
    expect(JSON.stringify(refused.shown.body.embeds)).toContain('The formula takes 1,200 characters as Discord shows it');
    expect(await glossaryFormula(bot, 'Stars')).toBeUndefined();
  });
});

describe('shorten, in code points', () => {
  const pieces = ['a', 'word', ' ', '. ', '😀', '🔥', '𝑒', '👨‍👩‍👧', 'é', ',', '\n', '-'];

  it('never gives more than `max` code points nor half a character, and gives text that fits unchanged', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 120 }), fc.integer({ min: 0, max: 150 }), (parts, max) => {
        const text = parts.join('');
        const shortened = shorten(text, max);
        expect(codePointCount(shortened)).toBeLessThanOrEqual(max);
        expect(wellFormed(shortened)).toBe(true);
        if (codePointCount(text) <= max) expect(shortened).toBe(text);
        else expect(shortened.endsWith('…') || max < 1).toBe(true);
      }),
    );
  });

  it('keeps text of emoji whole while its code points fit, though its UTF-16 length does not', () => {
    const emoji = '🔥'.repeat(60);
    expect(shorten(emoji, 60)).toBe(emoji);
    expect(shorten(`Rate 𝑒𝑛𝑔𝑎𝑔𝑒𝑚𝑒𝑛𝑡𝑠 ÷ 𝑓𝑜𝑙𝑙𝑜𝑤𝑒𝑟𝑠`, 20)).toBe('Rate 𝑒𝑛𝑔𝑎𝑔𝑒𝑚𝑒𝑛𝑡𝑠 ÷…');
  });
});

describe('the core’s limits check counts code points, as the Discord stand-in does', () => {
  const fire = (n: number) => '🔥'.repeat(n);

  it('passes 6,000 emoji across a message’s embeds, and names 6,001', () => {
    const within = { embeds: [{ description: fire(4000) }, { description: fire(2000) }] };
    const past = { embeds: [{ description: fire(4000) }, { description: fire(2001) }] };
    expect(messageProblems(within)).toEqual([]);
    expect(messageProblems(past)).toEqual(['embeds: 6001 characters in total > 6000']);
  });

  /** Each text limit: a message whose one text there is `n` emoji, every other part well within its limits. */
  const alone = { embeds: [{ title: 't' }] };
  const LIMITED: [limit: string, max: number, message: (n: number) => object][] = [
    ['content', 2000, (n) => ({ content: fire(n) })],
    ['embed title', 256, (n) => ({ embeds: [{ title: fire(n) }] })],
    ['embed description', 4096, (n) => ({ embeds: [{ description: fire(n) }] })],
    ['field name', 256, (n) => ({ embeds: [{ fields: [{ name: fire(n), value: 'v' }] }] })],
    ['field value', 1024, (n) => ({ embeds: [{ fields: [{ name: 'n', value: fire(n) }] }] })],
    ['footer text', 2048, (n) => ({ embeds: [{ title: 't', footer: { text: fire(n) } }] })],
    ['author name', 256, (n) => ({ embeds: [{ title: 't', author: { name: fire(n) } }] })],
    ['all embed text', 6000, (n) => ({ embeds: [{ description: fire(4000) }, { description: fire(n - 4000) }] })],
    ['custom_id', 100, (n) => ({ ...alone, components: [{ type: 1, components: [{ type: 2, style: 1, custom_id: fire(n), label: 'b' }] }] })],
    ['button label', 80, (n) => ({ ...alone, components: [{ type: 1, components: [{ type: 2, style: 1, custom_id: 'b', label: fire(n) }] }] })],
    ['select option label', 100, (n) => ({ ...alone, components: [{ type: 1, components: [{ type: 3, custom_id: 's', options: [{ label: fire(n), value: 'v' }] }] }] })],
  ];

  it.each(LIMITED)('%s: %i emoji pass and one more is refused, by both checks', (_limit, max, message) => {
    for (const n of [max - 1, max, max + 1]) {
      const body = message(n);
      const refused = n > max;
      expect(messageProblems(body).length > 0, `${n} emoji`).toBe(refused);
      expect(standinProblems(body as never).length > 0, `${n} emoji, the stand-in`).toBe(refused);
    }
  });
});
