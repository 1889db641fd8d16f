import { describe, expect, it } from 'vitest';
import { house } from '../src/commands/house';
import { plans } from '../src/commands/plans';
import { term } from '../src/commands/term';
import type { Reply } from '../src/commands/types';
import { StoreRefusedError, type TeamStore } from '../src/store/types';
import { HOUSE_EXAMPLE } from '../src/domain/house';
import { memoryStore, testContext } from './support/context';

/** A store whose every write is refused as the database refuses a value it cannot keep. */
function refusingStore(): TeamStore {
  const store = memoryStore();
  const refuse = async () => {
    throw new StoreRefusedError('value', 'has a NUL character (U+0000) in it, which cannot be stored');
  };
  return { ...store, setHouse: refuse, addTerm: refuse, editTerm: refuse, removeTerm: refuse, deletePlan: refuse, clearHouse: refuse } as TeamStore;
}

describe('a write the database refuses', () => {
  it('is answered with what was wrong, only to the user, not as an outage or a failure', async () => {
    const ctx = testContext({ guildId: '42', manager: true, store: refusingStore() });
    const replies: Reply[] = [
      await house.run({ subcommand: 'set', tiers: HOUSE_EXAMPLE } as never, ctx),
      await term.run({ subcommand: 'add', name: 'Brand lift', definition: 'How much a campaign moved people.' } as never, ctx),
    ];
    for (const reply of replies) {
      expect(reply.flags).toBe(64);
      expect(reply.inputError).toBe(true);
      expect(reply.embeds[0]!.description).toContain('Nothing was changed');
      expect(reply.embeds[0]!.description).toContain('NUL character');
      expect(reply.embeds[0]!.description).not.toContain('unavailable');
    }
    // Reads still work: a refused value is not a database that is down.
    expect((await plans.run({ subcommand: 'list' } as never, ctx)).embeds[0]!.description ?? '').not.toContain('unavailable');
  });
});
