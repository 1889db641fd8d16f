/**
 * /plans list with more plans than one embed shows: the first page by name, saying which page it
 * is (test/plans-pages.test.ts pages through the rest); /compare plan: still finds any plan.
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
