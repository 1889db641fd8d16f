import { describe, expect, it } from 'vitest';
import { houseAnswerLine, lookUpHouse } from '../src/commands/house';
import { HOUSE_EXAMPLE, parseHouseDefinition } from '../src/domain/house';
import { StoreUnavailableError, type TeamStore } from '../src/store/types';
import { memoryStore } from './support/context';

const G = '200000000000000001';

describe('lookUpHouse (for /tier, /tiers, /compare, /roster)', () => {
  it('none in a DM or a server without one; the tiers where one is set', async () => {
    const store = memoryStore();
    expect(await lookUpHouse({ guildId: undefined, store })).toEqual({ kind: 'none' });
    expect(await lookUpHouse({ guildId: G, store })).toEqual({ kind: 'none' });
    await store.setHouse(G, { text: HOUSE_EXAMPLE, setById: '1', setByName: 'a', setAt: new Date() });
    const found = await lookUpHouse({ guildId: G, store });
    expect(found.kind).toBe('set');
    if (found.kind === 'set') expect(houseAnswerLine(found.tiers, 30_000)).toBe('Your house definition: **micro** (10k–75k)');
    expect(await lookUpHouse({ guildId: '200000000000000002', store })).toEqual({ kind: 'none' });
  });

  it("unavailable when the store fails or is slower than the limit; other errors aren't hidden", async () => {
    const down: TeamStore = { ...memoryStore(), house: async () => Promise.reject(new StoreUnavailableError(new Error('down'))) };
    expect(await lookUpHouse({ guildId: G, store: down })).toEqual({ kind: 'unavailable' });
    const slow: TeamStore = { ...memoryStore(), house: () => new Promise((r) => setTimeout(() => r(undefined), 500)) };
    expect(await lookUpHouse({ guildId: G, store: slow }, 50)).toEqual({ kind: 'unavailable' });
    const broken: TeamStore = { ...memoryStore(), house: async () => Promise.reject(new TypeError('bug')) };
    await expect(lookUpHouse({ guildId: G, store: broken })).rejects.toThrow('bug');
  });

  it('answer lines for below, above and a gap, names escaped', () => {
    const parsed = parseHouseDefinition('**big** 10k-90k, gap, huge 100k-1M');
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(houseAnswerLine(parsed.tiers, 5)).toBe('Your house definition: below **\\*\\*big\\*\\*** (10k–90k), its lowest tier');
    expect(houseAnswerLine(parsed.tiers, 95_000)).toBe('Your house definition: in its gap between **\\*\\*big\\*\\*** (10k–90k) and **huge** (100k–1M)');
    expect(houseAnswerLine(parsed.tiers, 2_000_000)).toBe('Your house definition: above **huge** (100k–1M), its highest tier');
  });
});
