/**
 * /compare save: the reply says whose plan a save replaced from what the write itself found, so a
 * plan saved a moment before (by a save running at the same time, or one a read did not see yet)
 * is still named as replaced.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunContext } from '../src/commands/types';
import { openStore } from '../src/store/index';
import type { TeamStore } from '../src/store/types';
import { runCompare as run, description } from './support/compare';
import { memoryStore, testContext } from './support/context';

const G = '200000000000000061';
const ANA = '300000000000000021';
const BEN = '300000000000000022';

const dir = mkdtempSync(join(tmpdir(), 'tierbot-plans-save-replacing-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A member of the server, by their Discord id and display name. */
function member(store: TeamStore, id: string, name: string, manager = false): RunContext {
  return { ...testContext({ guildId: G, userId: id, store, manager }), user: { id, name } };
}

describe('/compare save: names the plan it replaced, as the write found it', () => {
  it('when a read would not show the plan yet, the reply still says whose plan the save replaced', async () => {
    // A store whose plan() look-up lags behind its writes (as a read made before another's write commits).
    const store: TeamStore = { ...memoryStore(), plan: async () => undefined };
    await run({ budget: '5000', save: 'Q1' }, member(store, ANA, 'Ana'));

    const reply = description(await run({ budget: '9000', save: 'q1' }, member(store, BEN, 'Ben', true)));
    expect(reply).toContain(`💾 Saved as “q1” for this server, replacing the plan **Ana** (<@${ANA}>) saved:`);
    expect(description(await run({ budget: '7000', save: 'Q1' }, member(store, BEN, 'Ben', true)))).toContain(
      '💾 Saved as “Q1” for this server, replacing your earlier plan of that name:',
    );
  });

  it('a member refused someone else’s plan is told whose it is, as the write found it', async () => {
    const store: TeamStore = { ...memoryStore(), plan: async () => undefined };
    await run({ budget: '5000', save: 'Q1' }, member(store, ANA, 'Ana'));
    const refused = await run({ budget: '9000', save: 'q1' }, member(store, BEN, 'Ben'));
    expect(refused.inputError).toBe(true);
    expect(description(refused)).toContain(`**save**: “q1” was saved by **Ana** (<@${ANA}>).`);
  });

  it('two managers saving one name at the same moment (real SQLite store): the second is told it replaced the first’s plan', async () => {
    const store = await openStore(join(dir, 'together.sqlite'), { ttlMs: 0 });
    try {
      const [ana, ben] = await Promise.all([
        run({ budget: '5000', save: 'Weekly' }, member(store, ANA, 'Ana', true)),
        run({ budget: '9000', save: 'weekly' }, member(store, BEN, 'Ben', true)),
      ]);
      const kept = (await store.plan(G, 'weekly'))!;
      const [first, second] = kept.savedById === BEN ? [ana, ben] : [ben, ana];
      const firstName = kept.savedById === BEN ? `**Ana** (<@${ANA}>)` : `**Ben** (<@${BEN}>)`;
      expect(description(first)).not.toContain('replacing');
      expect(description(second)).toContain(`, replacing the plan ${firstName} saved:`);
    } finally {
      await store.close();
    }
  });
});
