/**
 * A house definition's lengths are counted as Discord counts them, in code points: an emoji is one
 * character, though JavaScript's `.length` counts two. A definition whose tier names are emoji is
 * answered as one of plain letters of the same length would be: ready to paste back when it fits
 * the field, corrected whole when it fits the option, and its names whole where they fit the line.
 */

import { describe, expect, it } from 'vitest';
import { house } from '../src/commands/house';
import { tier } from '../src/commands/tier';
import { LIMITS } from '../src/commands/limits';
import { codePointCount } from '../src/domain/format';
import { MAX_HOUSE_TEXT, MAX_TIER_NAME } from '../src/domain/house';
import { memoryStore } from './support/context';
import { description, managerContext, run } from './support/house';

const G = '200000000000000073';

/** Twelve tiers, each named by 39 emoji and a letter: about 600 characters, near twice that in UTF-16 units. */
const EMOJI_DEFINITION = Array.from({ length: 12 }, (_, i) => `${'🔥'.repeat(MAX_TIER_NAME - 1)}${String.fromCharCode(65 + i)} ${i + 1}k${i === 11 ? '+' : `-${i + 2}k`}`).join(', ');

describe('a definition of emoji names', () => {
  it('replaced, is shown ready to paste back: its code block fits a field in characters, though not in UTF-16 units', async () => {
    const block = `\`\`\`\n${EMOJI_DEFINITION}\n\`\`\``;
    expect(codePointCount(block)).toBeLessThanOrEqual(LIMITS.fieldValue);
    expect(block.length).toBeGreaterThan(LIMITS.fieldValue);

    const ctx = managerContext(G, memoryStore());
    await run(house, { subcommand: 'set', tiers: EMOJI_DEFINITION }, ctx);
    const replaced = await run(house, { subcommand: 'set', tiers: 'small 1k-50k, big 50k+' }, ctx);
    const field = replaced.embeds[0]!.fields!.find((f) => f.name.startsWith('Replaced definition'))!;
    expect(field.name).toBe('Replaced definition: to set it back, paste this into /house set tiers:');
    expect(field.value).toBe(block);
  });

  it('with a gap left open, is refused with the whole definition, gaps written, to paste: it fits in characters', async () => {
    const name = (i: number) => `${'😀'.repeat(34)}${String(i).padStart(2, '0')}`;
    const tiers = Array.from({ length: 12 }, (_, i) => `${name(i)} ${i * 3 + 1}M-${i * 3 + 2}M`);
    const whole = tiers.join(', gap, ');
    expect(codePointCount(whole)).toBeLessThanOrEqual(MAX_HOUSE_TEXT);
    expect(whole.length).toBeGreaterThan(MAX_HOUSE_TEXT);

    const refused = await run(house, { subcommand: 'set', tiers: tiers.join(',') }, managerContext(G, memoryStore()));
    expect(refused.inputError).toBeDefined();
    expect(description(refused)).toContain(`Close it, or write it as a gap: \`${whole}\`.`);
  });

  it('names both tiers around a gap whole in /tier, where the line fits in characters', async () => {
    const fire = `${'🔥'.repeat(MAX_TIER_NAME - 1)}A`;
    const leaf = `${'🌱'.repeat(MAX_TIER_NAME - 1)}B`;
    const ctx = managerContext(G, memoryStore());
    await run(house, { subcommand: 'set', tiers: `${fire} 1k-10k, gap, ${leaf} 50k+` }, ctx);
    const answer = description(await run(tier, { followers: '30k' }, ctx));
    expect(answer).toContain(`**Your house definition: in the gap between ${fire} (1k–10k) and ${leaf} (50k+)**`);
  });
});
