/**
 * The Equal budget button on /compare: offered only where it can re-run Plan B; on a public reply it
 * answers the presser alone, and on the presser's own copy it changes that copy in place; it
 * restates costs to the cent, says when the 1,000,000 cap keeps the costs apart, is credited in
 * compare.csv, and carries its state within 100 characters. One micro-influencer is singular. Also
 * here: the Assumptions page names the house definition as it is when pressed, and a range whose
 * ends read alike is one figure.
 */

import { MessageFlags } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS_ID, EQUAL_BUDGET_ID, decodeState, encodeState } from '../src/commands/compare-state';
import { messageProblems } from '../src/commands/limits';
import { OWN_MESSAGE, type Reply } from '../src/commands/types';
import { OPTION_KIND, OPTION_NAMES, type Overrides } from '../src/domain/compare';
import { MAX_FOLLOWERS } from '../src/domain/followers';
import { MAX_MONEY } from '../src/domain/units';
import type { TeamStore } from '../src/store/types';
import { memoryStore, testComponentContext, testContext } from './support/context';
import { runCompare as run, bodyText, buttonAnswer, buttonId, buttonIds, description, earlierState, exportRow, exportRowsOf, field, pressButton, pressCustomId, shownText } from './support/compare';

const G = '200000000000000144';

const hasEqualBudget = (reply: Reply) => buttonIds(reply).some((id) => id.startsWith(EQUAL_BUDGET_ID));

async function withHouse(text: string, store: TeamStore = memoryStore()): Promise<TeamStore> {
  await store.setHouse(G, { text, setById: '1', setByName: 'Manager', setAt: new Date(0) });
  return store;
}

describe('Equal budget', () => {
  it('is not offered when Plan A’s cost buys no micro-influencer', async () => {
    expect(hasEqualBudget(await run({ big_fee: '50', micro_fee: '300' }))).toBe(false);
    expect(hasEqualBudget(await run({ big_fee: '50' }))).toBe(false);
  });

  it('wherever it is offered, pressing it re-runs Plan B (never a refusal)', async () => {
    const scenarios: Record<string, string>[] = [
      {},
      { big_fee: '5000' },
      { big_fee: '299', micro_fee: '300' },
      { big_fee: '301', micro_fee: '300' },
      { big_fee: '10000000', micro_fee: '1' },
      { preset: 'kardashian' },
      { preset: 'kardashian', budget: '5000' },
      { micro_count: '50' },
      { micro_count: '1', big_fee: '0.5', micro_fee: '0.01' },
      { big_followers: '10', micro_fee: '0.5' },
      { platform: 'tiktok', micro_count: '3' },
    ];
    let offered = 0;
    for (const options of scenarios) {
      const reply = await run(options);
      if (!hasEqualBudget(reply)) continue;
      offered += 1;
      const { mode, reply: next } = await buttonAnswer(reply, EQUAL_BUDGET_ID);
      expect(mode, JSON.stringify(options)).toBe('reply');
      expect(next.inputError, JSON.stringify(options)).toBeFalsy();
    }
    expect(offered).toBeGreaterThan(5);
  });

  it('at the 1,000,000 cap it says the costs still differ, never that Plan B costs as much as Plan A', async () => {
    const { mode, reply } = await buttonAnswer(await run({ big_fee: '10000000', micro_fee: '1' }), EQUAL_BUDGET_ID);
    expect(mode).toBe('reply');
    expect(description(reply)).toContain('Plan B now has 1,000,000 micro-influencers, the most Tierbot models, so the costs still differ: Plan A costs $10M, Plan B $1M.');
    expect(description(reply)).not.toContain('as many as Plan A’s cost');
    const assumptions = shownText(await pressButton(reply, ASSUMPTIONS_ID));
    expect(assumptions).toContain('capped at 1,000,000, the most Tierbot models');
  });

  it('at the cap with a budget, it says so too', async () => {
    const { reply } = await buttonAnswer(await run({ preset: 'kardashian', budget: '5000', micro_fee: '0.01' }), EQUAL_BUDGET_ID);
    expect(description(reply)).toContain(
      'The budget is now Plan A’s cost, $400,000, but Plan B stops at 1,000,000 micro-influencers, the most Tierbot models, so the costs still differ: Plan A costs $400,000, Plan B $10,000.',
    );
  });

  it('Export after Equal budget credits the count to the button, not to the user', async () => {
    const typed = await run({ micro_count: '50' });
    expect(exportRow(await exportRowsOf(typed), 'B', 'influencers')).toEqual(['B', 'influencers', '50', '50', '50', 'your input']);
    const { reply: equal } = await buttonAnswer(typed, EQUAL_BUDGET_ID);
    const rows = await exportRowsOf(equal);
    const influencers = exportRow(rows, 'B', 'influencers');
    expect(influencers.slice(0, 5)).toEqual(['B', 'influencers', '10', '10', '10']);
    expect(influencers[5]).toBe('set by Equal budget: as many as Plan A’s cost ($1,000) buys at $100 each, rounded down');
    expect(rows.some((r) => r[0] === 'B' && r[5]!.includes('your input'))).toBe(false);
    // The Assumptions reply says the same.
    const assumptions = shownText(await pressButton(equal, ASSUMPTIONS_ID));
    expect(assumptions).toContain('Plan B: 10 × 10,000 followers (set by Equal budget');
  });

  it('Export after Equal budget with a budget: the budget row is Plan A’s cost, set by the button', async () => {
    const typed = await run({ preset: 'kardashian', budget: '5000' });
    expect(exportRow(await exportRowsOf(typed), 'assumption', 'budget')[5]).toBe('your input');
    const { reply: equal } = await buttonAnswer(typed, EQUAL_BUDGET_ID);
    expect(exportRow(await exportRowsOf(equal), 'assumption', 'budget')).toEqual(['assumption', 'budget', '400000', '400000', '400000', 'set by Equal budget: Plan A’s cost']);
  });

  it('the button’s state carries who set the count, within 100 characters, and a version 3 state decodes to the same micro_count', () => {
    const state = encodeState({ micro_count: 10, setByEqualBudget: true });
    expect(decodeState(state)).toEqual({ micro_count: 10, setByEqualBudget: true });
    expect(decodeState(encodeState({ micro_count: 10 }))).toEqual({ micro_count: 10 });
    const longest: Overrides = {
      preset: 'ten-micro',
      platform: 'youtube',
      setByEqualBudget: true,
      ...Object.fromEntries(
        OPTION_NAMES.filter((n) => n !== 'preset' && n !== 'platform').map((n) => {
          const kind = OPTION_KIND[n];
          return [n, kind === 'money' ? MAX_MONEY - 0.01 : kind === 'followers' ? MAX_FOLLOWERS : kind === 'influencers' ? 999_999 : 99.9999];
        }),
      ),
    };
    // With the mark of the presser's own copy too (OWN_MESSAGE).
    expect(`${EQUAL_BUDGET_ID}${encodeState(longest)}${OWN_MESSAGE}`.length).toBeLessThanOrEqual(100);
    expect(decodeState(encodeState(longest))).toEqual(longest);
    // The bit alone, with no value the button sets, means nothing.
    expect(decodeState(encodeState({ overlap: 5, setByEqualBudget: true }))).toEqual({ overlap: 5 });
    // A version 3 state: the mask with micro_count's bit (index 5), 10 in 20 bits, then the end bit.
    expect(decodeState(earlierState(3, (((1n << 20n) | 10n) << 16n) | (1n << 5n)))).toEqual({ micro_count: 10 });
  });
});

describe('Equal budget answers the presser alone', () => {
  it('on the public reply: a new reply only the presser sees, never an update of the channel’s message', async () => {
    const reply = await run({ big_fee: '5000' });
    expect(reply.flags ?? 0).toBe(0);
    const equal = buttonId(reply, EQUAL_BUDGET_ID);
    expect(equal.endsWith(OWN_MESSAGE)).toBe(false);
    const { mode, reply: answer } = await pressCustomId(equal);
    expect(mode).toBe('reply');
    expect(answer.flags).toBe(MessageFlags.Ephemeral);
    expect(messageProblems(answer)).toEqual([]);
    expect(field(answer, 'Plan B').name).toContain('50 × 10,000');
    expect(description(answer)).toContain('Plan B now has 50 micro-influencers, as many as Plan A’s cost ($5,000) buys.');
  });

  it('on the presser’s own copy: a button marked as theirs changes that copy in place', async () => {
    const state = buttonId(await run({ big_fee: '5000' }), EQUAL_BUDGET_ID).slice(EQUAL_BUDGET_ID.length);
    const { mode, reply: updated } = await pressCustomId(`${EQUAL_BUDGET_ID}${state}${OWN_MESSAGE}`);
    expect(mode).toBe('update');
    expect(updated.flags).toBe(MessageFlags.Ephemeral);
    expect(field(updated, 'Plan B').name).toContain('50 × 10,000');
  });
});

const YOUTUBE_CENTS = { platform: 'youtube', big_followers: '1234567', big_fee: '98765.43', micro_followers: '12345', micro_fee: '123.45' };

describe('a cost is restated to the cent, as the Cost line gives it', () => {
  it('Equal budget says Plan A’s cost as $98,765.43, in its line and on the Assumptions page', async () => {
    const { reply: equal } = await buttonAnswer(await run(YOUTUBE_CENTS), EQUAL_BUDGET_ID);
    expect(bodyText(equal)).toContain('Cost: **$98,765.43**');
    expect(equal.embeds[0]!.description).toContain('Plan B now has 800 micro-influencers, as many as Plan A’s cost ($98,765.43) buys.');
    const assumptions = bodyText(await pressButton(equal, ASSUMPTIONS_ID));
    expect(assumptions).toContain('as many as Plan A’s cost ($98,765.43) buys at $123.45 each, rounded down');
  });

  it('a fee over $1,000 is given to the cent too: “buys at $1,234.56 each”', async () => {
    const { reply: equal } = await buttonAnswer(await run({ big_fee: '50000.99', micro_fee: '1234.56' }), EQUAL_BUDGET_ID);
    expect(equal.embeds[0]!.description).toContain('Plan B now has 40 micro-influencers, as many as Plan A’s cost ($50,000.99) buys.');
    expect(bodyText(await pressButton(equal, ASSUMPTIONS_ID))).toContain('as many as Plan A’s cost ($50,000.99) buys at $1,234.56 each');
  });

  it('the budget line says what Plan B spends as its Cost line does, never more than the budget', async () => {
    const reply = await run({ budget: '12345.67', big_followers: '2000000', micro_fee: '1234.56' });
    expect(bodyText(reply)).toContain('Cost: **$12,345.60**');
    expect(reply.embeds[0]!.description).toContain('Plan B spends $12,345.60 on 10 micro-influencers at $1,234.56.');
  });

  it('when Plan A buys no micro-influencer, both amounts are given to the cent', async () => {
    // The button is hidden then; one sent before it was hidden still answers.
    const assumptionsId = buttonId(await run({ big_fee: '999.99', micro_fee: '1000.5' }), ASSUMPTIONS_ID);
    const { reply } = await pressCustomId(`${EQUAL_BUDGET_ID}${assumptionsId.slice(ASSUMPTIONS_ID.length)}`);
    expect(bodyText(reply)).toContain('Plan A costs $999.99, less than one micro-influencer’s fee ($1,000.50)');
  });
});

describe('counts of influencers, and plurals', () => {

  it('Equal budget is not offered when Plan A’s cost buys no micro-influencer; a button sent before says so plainly', async () => {
    const shown = await run({ big_fee: '50' });
    expect(buttonIds(shown).some((id) => id.startsWith(EQUAL_BUDGET_ID))).toBe(false);
    const state = buttonIds(shown)[0]!.slice(ASSUMPTIONS_ID.length);
    const { mode, reply } = await pressCustomId(`${EQUAL_BUDGET_ID}${state}`);
    expect(mode).toBe('reply');
    expect(reply.flags).toBe(64);
    expect(reply.embeds[0]!.description).toContain('Plan A costs $50, less than one micro-influencer’s fee ($100): it buys no micro-influencer');
    expect(shownText(reply)).not.toMatch(/1 micro-influencers/);
  });

  it('one micro-influencer is singular: after Equal budget, and in the budget line', async () => {
    const { mode, reply } = await buttonAnswer(await run({ big_fee: '150' }), EQUAL_BUDGET_ID);
    expect(mode).toBe('reply');
    expect(reply.embeds[0]!.description).toContain('Plan B now has 1 micro-influencer, as many as Plan A’s cost ($150) buys.');
    expect((await run({ budget: '150' })).embeds[0]!.description).toContain('Plan B spends $100 on 1 micro-influencer at $100.');
    expect((await run({ big_followers: '1' })).embeds[0]!.title).toBe('One influencer with 1 follower, or 10 with 10,000 each, on Instagram?');
  });

  it('Equal budget with a budget moves the budget to Plan A’s cost (micro_count cannot be given with one)', async () => {
    const { mode, reply } = await buttonAnswer(await run({ preset: 'kardashian', budget: '5000' }), EQUAL_BUDGET_ID);
    expect(mode).toBe('reply');
    const d = reply.embeds[0]!.description!;
    expect(d).toContain('The budget is now Plan A’s cost, $400,000: Plan B has 4,000 micro-influencers, as many as it buys.');
    expect(d).toContain('Plan B spends $400,000 on 4,000 micro-influencers at $100');
  });
});

describe('Assumptions names the house definition as it is when pressed', () => {
  it('says the definition is the current one, since it may have changed since the public reply', async () => {
    const store = await withHouse('starter 1k-50k, pro 50k-400k, star 400k+');
    const reply = await run({ budget: '5000' }, testContext({ guildId: G, store }));
    expect(description(reply)).toContain('Your house definition: Plan A’s influencer is **star (400k+)**');
    await withHouse('small 1k-100k, large 100k+', store);
    const { reply: assumptions } = await pressCustomId(buttonId(reply, ASSUMPTIONS_ID), testComponentContext({ guildId: G, store }));
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
