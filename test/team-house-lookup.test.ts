import { describe, expect, it } from 'vitest';
import { HOUSE_UNAVAILABLE_LINE, houseAnswerLine, houseProblemLine, lookUpHouse, teamTierName } from '../src/commands/house-lookup';
import { classifyMessage } from '../src/commands/classify-message';
import { tier } from '../src/commands/tier';
import { tiers } from '../src/commands/tiers';
import type { Reply } from '../src/commands/types';
import { HOUSE_EXAMPLE, parseHouseDefinition } from '../src/domain/house';
import { StoreUnavailableError, type TeamStore } from '../src/store/types';
import { memoryStore, testContext } from './support/context';

const G = '200000000000000001';

describe('lookUpHouse (for /tier, /tiers, /compare, /roster)', () => {
  it('none in a DM or a server without one; the tiers where one is set', async () => {
    const store = memoryStore();
    expect(await lookUpHouse({ guildId: undefined, store })).toEqual({ kind: 'none' });
    expect(await lookUpHouse({ guildId: G, store })).toEqual({ kind: 'none' });
    await store.setHouse(G, { text: HOUSE_EXAMPLE, setById: '1', setByName: 'a', setAt: new Date() });
    const found = await lookUpHouse({ guildId: G, store });
    expect(found.kind).toBe('set');
    if (found.kind === 'set') expect(houseAnswerLine(found.tiers, 30_000)).toBe('**Your house definition: micro (10k–75k)**');
    expect(await lookUpHouse({ guildId: '200000000000000002', store })).toEqual({ kind: 'none' });
    // Run from a member's own apps in that server: the house definition applies wherever its guild_id is.
    expect((await lookUpHouse({ guildId: G, store })).kind).toBe('set');
  });

  it('unavailable when the store fails, however it fails, or is slower than the limit', async () => {
    const down: TeamStore = { ...memoryStore(), house: async () => Promise.reject(new StoreUnavailableError(new Error('down'))) };
    expect(await lookUpHouse({ guildId: G, store: down })).toEqual({ kind: 'unavailable' });
    const slow: TeamStore = { ...memoryStore(), house: () => new Promise((r) => setTimeout(() => r(undefined), 500)) };
    expect(await lookUpHouse({ guildId: G, store: slow }, 50)).toEqual({ kind: 'unavailable' });
    const broken: TeamStore = { ...memoryStore(), house: async () => Promise.reject(new TypeError('bug')) };
    expect(await lookUpHouse({ guildId: G, store: broken })).toEqual({ kind: 'unavailable' });
    expect(houseProblemLine({ kind: 'unavailable' })).toBe(HOUSE_UNAVAILABLE_LINE);
  });

  it('unreadable when the stored text no longer parses, and the answer says to set it again', async () => {
    const store = memoryStore();
    await store.setHouse(G, { text: 'not tiers at all', setById: '1', setByName: 'a', setAt: new Date() });
    const found = await lookUpHouse({ guildId: G, store });
    expect(found).toEqual({ kind: 'unreadable' });
    expect(houseProblemLine(found)).toMatch(/could not be read; ask a manager to set it again with \/house set/);
    expect(houseProblemLine({ kind: 'none' })).toBeUndefined();
  });

  it('shows plain tier names as written and escapes anything else', () => {
    expect(teamTierName('mid-tier 2')).toBe('mid-tier 2');
    expect(teamTierName('Größe')).toBe('Größe');
    expect(teamTierName('**big**')).toBe('\\*\\*big\\*\\*');
    expect(teamTierName('<@&1>')).toBe('\\<\\@&1\\>');
    expect(teamTierName('x'.repeat(40))).toBe('x'.repeat(40));
  });

  it('answer lines for below, above and a gap, names escaped', () => {
    const parsed = parseHouseDefinition('**big** 10k-90k, gap, huge 100k-1M');
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(houseAnswerLine(parsed.tiers, 5)).toBe('**Your house definition: below \\*\\*big\\*\\*, the lowest house tier (from 10k)**');
    expect(houseAnswerLine(parsed.tiers, 95_000)).toBe('**Your house definition: in the gap between \\*\\*big\\*\\* (10k–90k) and huge (100k–1M)**');
    expect(houseAnswerLine(parsed.tiers, 2_000_000)).toBe('**Your house definition: above huge, the highest house tier (up to 1M)**');
  });

  it("/tier, /tiers and the message command show the team's tier names escaped: no link, no bold, no ping", async () => {
    const store = memoryStore();
    await store.setHouse(G, { text: '[click](https://example.com/x) 1k-10k, **big** 10k-100k, <@&1> 100k+', setById: '1', setByName: 'a', setAt: new Date() });
    const context = testContext({ guildId: G, store });
    const answers: Reply[] = [
      (await tier.run({ followers: '5000' } as never, context)) as Reply,
      (await tier.run({ followers: '50000' } as never, context)) as Reply,
      (await tiers.run({} as never, context)) as Reply,
      (await classifyMessage.run({ id: '500000000000000001', content: '5k, 50k and 500k followers', authorName: 'Lea' }, context)) as Reply,
    ];
    for (const reply of answers) {
      const shown = reply.embeds.map((e) => e.description ?? '').join('\n');
      expect(shown).toMatch(/house/i);
      expect(shown).not.toContain('[click](');
      expect(shown).not.toContain('****big');
      expect(shown).not.toMatch(/(?<!\\)\*\*big(?<!\\)\*\*/);
      expect(shown).not.toMatch(/(?<!\\)<@&1>/);
    }
    expect(answers[0]!.embeds[0]!.description).toContain('**Your house definition: \\[click\\]\\(https\\://example.com/x\\) (1k–10k)**');
  });
});
