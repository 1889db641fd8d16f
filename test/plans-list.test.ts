/**
 * /plans list with more plans than one embed shows: the first page by name, saying which page it
 * is (test/plans-pages.test.ts pages through the rest); /compare plan: still finds any plan.
 * /plans export: the same plans as plans.json.
 */

import { describe, expect, it } from 'vitest';
import { compare } from '../src/commands/compare';
import { plans } from '../src/commands/plans';
import type { Reply } from '../src/commands/types';
import { messageProblems } from '../src/commands/limits';
import { memoryStore, testContext } from './support/context';

const G = '200000000000000001';

async function listOf(count: number): Promise<{ reply: Reply; ctx: ReturnType<typeof testContext> }> {
  const store = memoryStore();
  const ctx = testContext({ guildId: G, store });
  // Saved out of order: the list is by name whatever the store returns.
  for (let i = count - 1; i >= 0; i--) {
    const name = `plan ${String(i).padStart(3, '0')}`;
    await store.savePlan(G, { name, inputs: { budget: '5000', fee: '250', notes: 'x'.repeat(120) }, savedById: '1', savedByName: 'Ana', savedAt: ctx.now });
  }
  const reply = await plans.run({ subcommand: 'list' } as never, ctx);
  expect(messageProblems(reply)).toEqual([]);
  return { reply, ctx };
}

const shownNames = (reply: Reply) => [...(reply.embeds[0]!.description ?? '').matchAll(/plan \d{3}/g)].map((m) => m[0]);

describe('/plans list with more plans than fit', () => {
  it('shows the first page by name, and says which page of how many', async () => {
    const { reply } = await listOf(100);
    const shown = shownNames(reply);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(100);
    expect(shown).toEqual(Array.from({ length: shown.length }, (_, i) => `plan ${String(i).padStart(3, '0')}`));
    expect(reply.embeds[0]!.footer!.text).toMatch(/^Page 1 of \d+, by name$/);
  });

  it('/compare plan: suggests a plan the first page leaves out', async () => {
    const { reply, ctx } = await listOf(100);
    expect(shownNames(reply)).not.toContain('plan 099');
    const choices = await compare.autocomplete!({ name: 'plan', value: '099' }, {} as never, ctx);
    expect(choices.map((c) => c.value)).toEqual(['plan 099']);
  });

  it('has no footer when every plan is shown', async () => {
    const { reply } = await listOf(3);
    expect(shownNames(reply)).toEqual(['plan 000', 'plan 001', 'plan 002']);
    expect(reply.embeds[0]!.footer).toBeUndefined();
  });
});

describe('/plans export', () => {
  it('gives plans.json: every plan of this server by name, with the options it was saved with, who saved it and when, only to the asker', async () => {
    const store = memoryStore();
    const ctx = testContext({ guildId: G, store });
    await store.savePlan(G, { name: 'Q2 test', inputs: { budget: '5000' }, savedById: '1', savedByName: 'Ana', savedAt: new Date('2026-11-02T10:00:00Z') });
    await store.savePlan(G, { name: 'Q1 launch', inputs: { micro_count: '20', platform: 'tiktok' }, savedById: '2', savedByName: 'Ben', savedAt: new Date('2026-11-01T09:00:00Z') });
    await store.savePlan('200000000000000002', { name: 'Other server’s', inputs: {}, savedById: '3', savedByName: 'Cy', savedAt: ctx.now });
    const reply = await plans.run({ subcommand: 'export' } as never, ctx);
    expect(messageProblems(reply)).toEqual([]);
    expect(reply.flags).toBe(64);
    // The limit beside the count, not "2 of 100", which reads as two of a hundred plans the server has.
    expect(reply.embeds[0]!.description).toContain('Attached: `plans.json`, 2 saved plans (up to 100 per server), each with its options, who saved it and when');
    expect(reply.embeds[0]!.description).not.toContain('of 100');
    const file = reply.files!.find((f) => f.name === 'plans.json')!;
    const json = JSON.parse(file.data.toString('utf8'));
    expect(json).toMatchObject({ kind: 'tierbot.plans', version: 1, guildId: G });
    expect(json.plans).toEqual([
      { name: 'Q1 launch', inputs: { micro_count: '20', platform: 'tiktok' }, savedBy: { id: '2', name: 'Ben' }, savedAt: '2026-11-01T09:00:00.000Z' },
      { name: 'Q2 test', inputs: { budget: '5000' }, savedBy: { id: '1', name: 'Ana' }, savedAt: '2026-11-02T10:00:00.000Z' },
    ]);
  });

  it('says so when the server has none, and is refused in a DM', async () => {
    const empty = await plans.run({ subcommand: 'export' } as never, testContext({ guildId: G, store: memoryStore() }));
    expect(empty.embeds[0]!.description).toBe('This server has no saved plans yet; the attached plans.json lists none.');
    expect(JSON.parse(empty.files![0]!.data.toString('utf8')).plans).toEqual([]);
    const dm = await plans.run({ subcommand: 'export' } as never, testContext({ store: memoryStore() }));
    expect(dm.files ?? []).toEqual([]);
    expect(dm.flags).toBe(64);
  });
});
