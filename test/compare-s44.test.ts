/**
 * /compare: Equal budget answers the presser alone on a public reply, and changes only their own
 * copy in place; the Assumptions page names the house definition as it is when pressed; a range
 * whose ends read alike once written is shown as one figure; a plan's house tier in a few words.
 */

import { MessageFlags } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS_ID, EQUAL_BUDGET_ID, compare } from '../src/commands/compare';
import { messageProblems } from '../src/commands/limits';
import { OWN_MESSAGE, type Reply } from '../src/commands/types';
import { houseTierFor, parseHouseDefinition, shortHousePlacement, type HouseTier } from '../src/domain/house';
import type { TeamStore } from '../src/store/types';
import { memoryStore, testComponentContext, testContext } from './support/context';
import { runCompare as run, description, field } from './support/compare';

const G = '200000000000000144';

const ids = (reply: Reply) => (reply.components ?? []).flatMap((row) => row.components.map((c) => ('custom_id' in c ? c.custom_id : '')));
const idFor = (reply: Reply, prefix: string) => {
  const id = ids(reply).find((x) => x.startsWith(prefix));
  if (!id) throw new Error(`no ${prefix} button`);
  return id;
};

async function withHouse(text: string, store: TeamStore = memoryStore()): Promise<TeamStore> {
  await store.setHouse(G, { text, setById: '1', setByName: 'Manager', setAt: new Date(0) });
  return store;
}

describe('Equal budget answers the presser alone', () => {
  it('on the public reply: a new reply only the presser sees, never an update of the channel’s message', async () => {
    const reply = await run({ big_fee: '5000' });
    expect(reply.flags ?? 0).toBe(0);
    const equal = idFor(reply, EQUAL_BUDGET_ID);
    expect(equal.endsWith(OWN_MESSAGE)).toBe(false);
    const { mode, reply: answer } = await compare.component!(equal, [], testComponentContext());
    expect(mode).toBe('reply');
    expect(answer.flags).toBe(MessageFlags.Ephemeral);
    expect(messageProblems(answer)).toEqual([]);
    expect(field(answer, 'Plan B').name).toContain('50 × 10,000');
    expect(description(answer)).toContain('Plan B now has 50 micro-influencers, as many as Plan A’s cost ($5,000) buys.');
  });

  it('on the presser’s own copy: a button marked as theirs changes that copy in place', async () => {
    const state = idFor(await run({ big_fee: '5000' }), EQUAL_BUDGET_ID).slice(EQUAL_BUDGET_ID.length);
    const { mode, reply: updated } = await compare.component!(`${EQUAL_BUDGET_ID}${state}${OWN_MESSAGE}`, [], testComponentContext());
    expect(mode).toBe('update');
    expect(updated.flags).toBe(MessageFlags.Ephemeral);
    expect(field(updated, 'Plan B').name).toContain('50 × 10,000');
  });
});

describe('Assumptions names the house definition as it is when pressed', () => {
  it('says the definition is the current one, since it may have changed since the public reply', async () => {
    const store = await withHouse('starter 1k-50k, pro 50k-400k, star 400k+');
    const reply = await run({ budget: '5000' }, testContext({ guildId: G, store }));
    expect(description(reply)).toContain('Your house definition: Plan A’s influencer is **star (400k+)**');
    await withHouse('small 1k-100k, large 100k+', store);
    const { reply: assumptions } = await compare.component!(idFor(reply, ASSUMPTIONS_ID), [], testComponentContext({ guildId: G, store }));
    const pageDescription = description(assumptions);
    expect(pageDescription).toContain('Your house definition as it is now: Plan A’s influencer is **large (100k+)**; Plan B’s 50 are each **small (1k–100k)**.');
    expect(pageDescription).not.toContain('Your house definition:');
  });
});

describe('a range whose ends read alike is one figure', () => {
  it('CPM and CPME under a cent at both ends are not written “<$0.01 (<$0.01 to <$0.01)”', async () => {
    const planA = field(await run({ big_fee: '0.01', big_followers: '10M' }), 'Plan A').value;
    expect(planA).toContain('CPM <$0.01 · CPME <$0.01');
    expect(planA).not.toMatch(/(\S+) \(\1 to \1\)/);
  });
});

describe('shortHousePlacement', () => {
  const tiers = (text: string): readonly HouseTier[] => {
    const parsed = parseHouseDefinition(text);
    if (!parsed.ok) throw new Error(parsed.reason);
    return parsed.tiers;
  };
  const short = (text: string, count: number) => shortHousePlacement(houseTierFor(tiers(text), count), (tier) => tier.name.toUpperCase());

  it('names the tier, or where the count falls outside the tiers, in a few words, with the names as given', () => {
    expect(short('micro 10k-90k, gap, macro 100k-1M', 50_000)).toBe('MICRO');
    expect(short('micro 10k-90k, gap, macro 100k-1M', 5_000)).toBe('below MICRO');
    expect(short('micro 10k-90k, gap, macro 100k-1M', 2_000_000)).toBe('above MACRO');
    expect(short('micro 10k-90k, gap, macro 100k-1M', 95_000)).toBe('in a gap');
    expect(shortHousePlacement(houseTierFor(tiers('starter 1k-50k, star 50k+'), 500_000))).toBe('star');
  });
});
