/**
 * What a /compare user can do next, said where they read the figures: the Assumptions page names
 * the option that sets each input and the command that gives the comparison (with `save:` where
 * plans can be saved); the Equal budget reply gives the command that reproduces it; a saved plan
 * run with options on top gives the command that keeps the change. Each is said as "To …, run:"
 * and the command, or, where it cannot be pasted, as the texts to give /compare, escaped. Also: where a house definition has named
 * Plan B's tier, Plan B's count is not called micro-influencers.
 */

import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS_ID, EQUAL_BUDGET_ID } from '../src/commands/compare-state';
import { LIMITS, embedsLength } from '../src/commands/limits';
import type { Reply } from '../src/commands/types';
import { OPTION_NAMES } from '../src/domain/compare';
import type { TeamStore } from '../src/store/types';
import { memoryStore, testComponentContext, testContext } from './support/context';
import { runCompare as run, bodyText, comparisonOf, description, field, pressButton } from './support/compare';
import { driver } from './support/drive';

const G = '200000000000000207';
const inServer = (store: TeamStore = memoryStore(), manager = false) => ({ run: testContext({ guildId: G, store, manager }), press: testComponentContext({ guildId: G, store, manager }) });

/** The audit's scenario: 20 creators of 30,000 against one of 800,000, each plan $8,000. */
const AUDITED = { platform: 'instagram', big_followers: '800k', big_fee: '8000', micro_count: '20', micro_followers: '30k', micro_fee: '400' };
const AUDITED_LINE = '/compare platform:instagram big_followers:800000 big_fee:8000 micro_count:20 micro_followers:30000 micro_fee:400';

/** How many times `option:` is named, as code, in `text`. */
const namings = (text: string, option: string) => text.split(`\`${option}:\``).length - 1;

/** The options of the first `/compare …` command quoted in `text`, as a user pasting it would give them. */
function pastedOptions(text: string): Record<string, string> {
  const command = /`\/compare([^`]*)`/.exec(text);
  if (!command) throw new Error(`no /compare command in: ${text}`);
  return Object.fromEntries(
    command[1]!
      .trim()
      .split(' ')
      .filter(Boolean)
      .map((option) => [option.slice(0, option.indexOf(':')), option.slice(option.indexOf(':') + 1)]),
  );
}

/** The plans' figures as a reply shows them: the title and each plan's field. */
const figures = (reply: Reply) => ({ title: reply.embeds[0]!.title, a: field(reply, 'Plan A'), b: field(reply, 'Plan B') });

describe('the Assumptions page says how to change an input and keep the plan', () => {
  it('names the option of every input an option sets, each beside the input’s name, and the options for the plans themselves', async () => {
    const { run: ctx, press } = inServer();
    const page = await pressButton(await run(AUDITED, ctx), ASSUMPTIONS_ID, press);
    const text = page.content ?? '';
    const inputs = Object.values(comparisonOf(AUDITED).scenario.assumptions);
    for (const a of inputs) {
      if (a.option) expect(text, a.label).toContain(`${a.label} \`${a.option}:\``);
      // Each input named is one on the page.
      expect(bodyText(page)).toContain(`${a.label}: `);
    }
    // The audit's figures: conversion, order value, overlap and click-through, and the fees of the break-evens.
    for (const option of ['conversion', 'order_value', 'overlap', 'click_through', 'micro_fee', 'micro_engagement']) expect(text).toContain(`\`${option}:\``);
    for (const option of OPTION_NAMES) expect(namings(text, option), option).toBe(1);
    // An input no option sets is not offered one.
    expect(text).not.toContain('Impressions per reached account `');
    expect(text).toMatch(/^\*\*To change an input\*\*, add its option to \/compare: Plan A reach rate `big_reach:` · /);
    expect(text).toContain('; to change the plans themselves: `preset:` · `platform:` · `budget:` · `big_followers:` · `micro_count:` · `micro_followers:`.');
  });

  it('gives the command that runs this comparison again and, in a server, with save: to keep it', async () => {
    const { run: ctx, press } = inServer();
    const page = await pressButton(await run(AUDITED, ctx), ASSUMPTIONS_ID, press);
    expect(page.content).toContain(`To save it for this server, add your changes and a name to: \`${AUDITED_LINE} save:<name>\`.`);
    // The command pasted back, with a name, gives the same page and keeps the plan.
    const pasted = pastedOptions(page.content!);
    expect(pasted.save).toBe('<name>');
    const again = await pressButton(await run({ ...pasted, save: 'Audit' }, ctx), ASSUMPTIONS_ID, press);
    expect(again.embeds).toEqual(page.embeds);
    expect(await press.store.plan(G, 'Audit')).toBeDefined();
    expect(pastedOptions((await pressButton(await run({}), ASSUMPTIONS_ID)).content!)).toEqual({});
  });

  it('offers save: only where plans can be saved: not in a DM, nor where Tierbot is not added', async () => {
    const dm = await pressButton(await run(AUDITED), ASSUMPTIONS_ID);
    expect(dm.content).toContain(`Add your changes to this command: \`${AUDITED_LINE}\`.`);
    expect(dm.content).not.toContain('save:');
    const notAdded = testComponentContext({ guildId: G, guildInstalled: false });
    expect((await pressButton(await run(AUDITED, notAdded), ASSUMPTIONS_ID, notAdded)).content).not.toContain('save:');
  });

  it('with a budget, Plan A’s fee is set by budget: (big_fee cannot be given with one), and each option is named once', async () => {
    const text = (await pressButton(await run({ budget: '5000' }), ASSUMPTIONS_ID)).content!;
    expect(text).toContain('Plan A fee `budget:`');
    expect(text).toContain('Plan B fee each `micro_fee:`');
    for (const option of OPTION_NAMES) expect(namings(text, option), option).toBe(option === 'big_fee' ? 0 : 1);
  });

  it('costs the sources nothing: the default page keeps every source in full, and every page stays within Discord’s limits with every option given', async () => {
    const page = await pressButton(await run({}), ASSUMPTIONS_ID);
    expect(bodyText(page)).not.toContain('To fit Discord’s limits');
    expect(embedsLength(page.embeds)).toBeLessThanOrEqual(LIMITS.embedTotal);
    // Every option, with the longest values each takes.
    const every = {
      platform: 'youtube',
      big_followers: '9999999999',
      big_fee: '999999999999.99',
      micro_count: '1',
      micro_followers: '1',
      micro_fee: '999999999.99',
      big_engagement: '0.000123457',
      micro_engagement: '99.9999',
      conversion: '12.3457',
      order_value: '123456789.01',
      overlap: '33.3333',
      click_through: '0.000000001',
      big_reach: '12.3456',
      micro_reach: '65.4321',
    };
    const long = await pressButton(await run(every, testContext({ guildId: G })), ASSUMPTIONS_ID, testComponentContext({ guildId: G }));
    expect(long.content!.length).toBeLessThanOrEqual(LIMITS.content);
    expect(pastedOptions(long.content!)).toEqual({ ...every, save: '<name>' });
  });
});

describe('Equal budget gives the command that reproduces it', () => {
  it('with the new micro_count, which run again gives the same plans; in a server, save: keeps it', async () => {
    const { run: ctx, press } = inServer();
    const options = { ...AUDITED, micro_fee: '250' };
    const equal = await pressButton(await run(options, ctx), EQUAL_BUDGET_ID, press);
    const d = description(equal);
    expect(d).toContain('Plan B now has 32 micro-influencers, as many as Plan A’s cost ($8,000) buys.');
    expect(d).toContain(
      'To save it, run (with your own name for <name>): `/compare platform:instagram big_followers:800000 big_fee:8000 micro_count:32 micro_followers:30000 micro_fee:250 save:<name>`.',
    );
    // Pasted with a name, it saves the plan, which then runs as the Equal budget reply shows it.
    await run({ ...pastedOptions(d), save: 'Thirty-two' }, ctx);
    expect(figures(await run({ plan: 'Thirty-two' }, ctx))).toEqual(figures(equal));
  });

  it('with a budget, the budget that is now Plan A’s cost; without save: in a DM', async () => {
    const equal = await pressButton(await run({ preset: 'kardashian', budget: '5000' }), EQUAL_BUDGET_ID);
    const d = description(equal);
    const pasted = pastedOptions(d);
    expect(pasted).toEqual({ preset: 'kardashian', budget: '400000' });
    expect(d).toContain('To run this comparison yourself: `/compare preset:kardashian budget:400000`.');
    expect(d).not.toContain('save:');
    expect(figures(await run(pasted))).toEqual(figures(equal));
  });
});

describe('a saved plan run with options on top gives the line that keeps the change', () => {
  it('under the same name, replacing it, which pasted is then what the plan runs', async () => {
    const store = memoryStore();
    const { run: ctx } = inServer(store);
    await run({ ...AUDITED, save: 'Q3 glow launch' }, ctx);
    const changed = await run({ plan: 'Q3 glow launch', micro_fee: '320', conversion: '3' }, ctx);
    expect(description(changed)).toContain(
      'Plan “Q3 glow launch” loaded; your options override its saved values. To save the change over it, run: ' +
        '`/compare plan:Q3 glow launch micro_fee:320 conversion:3 save:Q3 glow launch`. Or give `save:` a new name to keep both.',
    );
    // Following it: the plan is replaced, and runs with the change.
    const line = /run: `([^`]*)`/.exec(description(changed))![1]!;
    expect((await driver({ store }).run(line, { guildId: G })).outcome).toBe('answered');
    expect(figures(await run({ plan: 'Q3 glow launch' }, ctx))).toEqual(figures(changed));
  });

  it('a manager is offered saving over someone else’s plan; another member, who would be refused it, is offered only a new name', async () => {
    const store = memoryStore();
    await run({ ...AUDITED, save: 'Q3' }, inServer(store).run);
    const manager = inServer(store, true).run;
    expect(description(await run({ plan: 'Q3', micro_fee: '320' }, manager))).toContain(
      'Plan “Q3” loaded; your options override its saved values. To save the change over it, run: `/compare plan:Q3 micro_fee:320 save:Q3`. Or give `save:` a new name to keep both.',
    );
    const someoneElse = testContext({ guildId: G, store, userId: '300000000000000099' });
    const offered = description(await run({ plan: 'Q3', micro_fee: '320' }, someoneElse));
    expect(offered).toContain('Plan “Q3” loaded; your options override its saved values. To save the change, give `save:` a new name.');
    expect(offered).not.toContain('save:Q3');
    expect((await run({ plan: 'Q3', micro_fee: '320', save: 'Q3' }, someoneElse)).inputError).toBe(true);
  });

  it('a name that would not paste whole (a word that starts an option, a backtick) is given as texts to type, escaped', async () => {
    const store = memoryStore();
    const { run: ctx } = inServer(store, true);
    await run({ ...AUDITED, save: 'Q3 micro_fee:5' }, ctx);
    await run({ ...AUDITED, save: 'Q3 `glow`' }, ctx);
    expect(description(await run({ plan: 'Q3 micro_fee:5', micro_fee: '320' }, ctx))).toContain(
      'To save the change over it, run /compare with these options: `plan:` “Q3 micro\\_fee\\:5” · `micro_fee:` “320” · `save:` “Q3 micro\\_fee\\:5”.',
    );
    expect(description(await run({ plan: 'Q3 `glow`', micro_fee: '320' }, ctx))).toContain(
      'To save the change over it, run /compare with these options: `plan:` “Q3 \\`glow\\`” · `micro_fee:` “320” · `save:` “Q3 \\`glow\\`”.',
    );
  });

  it('says nothing of save: when nothing was changed, or when save: was given', async () => {
    const store = memoryStore();
    const { run: ctx } = inServer(store);
    await run({ ...AUDITED, save: 'Q3' }, ctx);
    expect(description(await run({ plan: 'Q3' }, ctx))).toContain('Plan “Q3” loaded.');
    const saved = description(await run({ plan: 'Q3', micro_fee: '320', save: 'Q3' }, ctx));
    expect(saved).toContain('Plan “Q3” loaded; your options override its saved values.');
    expect(saved).not.toContain('To save the change');
  });
});

describe('where the house definition names Plan B’s tier, Plan B’s count is not called micro-influencers', () => {
  const TIERS = 'nano 1k-10k, micro 10k-50k, mid 50k-250k, macro 250k-1m, mega 1m+';
  const withHouse = async () => {
    const store = memoryStore();
    await store.setHouse(G, { text: TIERS, setById: '1', setByName: 'Manager', setAt: new Date(0) });
    return inServer(store);
  };

  it('after Equal budget: "Plan B now has 26 influencers" beside "Plan B’s 26 are each mid"', async () => {
    const { run: ctx, press } = await withHouse();
    const options = { platform: 'tiktok', big_followers: '800k', big_fee: '8000', micro_count: '10', micro_followers: '75k', micro_fee: '300' };
    const d = description(await pressButton(await run(options, ctx), EQUAL_BUDGET_ID, press));
    expect(d).toContain('Plan B’s 26 are each **mid (50k–250k)**');
    expect(d).toContain('Plan B now has 26 influencers, as many as Plan A’s cost ($8,000) buys.');
    expect(d).not.toContain('micro-influencer');
  });

  it('in the budget line, as in the Equal budget line', async () => {
    const { run: ctx } = await withHouse();
    const d = description(await run({ platform: 'tiktok', big_followers: '800k', budget: '8000', micro_followers: '75k', micro_fee: '300' }, ctx));
    expect(d).toContain('Plan B spends $7,800 on 26 influencers at $300.');
    expect(d).not.toContain('micro-influencer');
  });
});
