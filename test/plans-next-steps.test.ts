/**
 * /plans replies that leave the member with the next step: /plans export says what plans.json is
 * for (a record: Tierbot does not import plans); /plans delete shows the plan it deleted as the
 * /compare line that saves it again (pasted, it saves the same plan), or, where that line cannot
 * be shown as typed, its options and name, escaped, to be read and typed again.
 */

import { describe, expect, it } from 'vitest';
import { plans } from '../src/commands/plans';
import type { Reply } from '../src/commands/types';
import { messageProblems } from '../src/commands/limits';
import type { SavedPlan, TeamStore } from '../src/store/types';
import { messageProblems as standinProblems } from '../tools/standin/limits';
import { memoryStore, testContext } from './support/context';
import { driver } from './support/drive';

const G = '200000000000000062';
/** The member who runs the commands: the driver's user, and testContext's. */
const AUTHOR = '300000000000000001';

async function remove(name: string, store: TeamStore): Promise<Reply> {
  const reply = await plans.run({ subcommand: 'delete', name } as never, testContext({ guildId: G, store }));
  expect(messageProblems(reply)).toEqual([]);
  expect(standinProblems(reply as never)).toEqual([]);
  return reply;
}

const save = (store: TeamStore, name: string, inputs: Record<string, string>) => store.savePlan(G, { name, inputs, savedById: AUTHOR, savedByName: 'Ana', savedAt: new Date('2026-11-01T09:00:00Z') });

/** /compare's options that take typed text (up to 40 characters), in the order it lists them. */
const LONG_OPTIONS = ['budget', 'big_followers', 'big_fee', 'micro_count', 'micro_followers', 'micro_fee', 'big_engagement', 'micro_engagement', 'conversion', 'order_value', 'overlap', 'click_through', 'big_reach', 'micro_reach'];

/** What makes a plan the same plan: its name and options. */
const kept = (plan: SavedPlan | undefined) => plan && { name: plan.name, inputs: plan.inputs };

describe('/plans export', () => {
  it('says that plans.json is a record, which Tierbot does not import, beside how to re-run a plan', async () => {
    const store = memoryStore();
    await save(store, 'Q1 launch', { budget: '5000' });
    const reply = await plans.run({ subcommand: 'export' } as never, testContext({ guildId: G, store }));
    expect(messageProblems(reply)).toEqual([]);
    expect(reply.embeds[0]!.description).toBe(
      'Attached: `plans.json`, 1 saved plan (up to 100 per server), each with its options, who saved it and when. It is a record only: plans can’t be imported. Re-run one with `/compare plan:<name>`.',
    );
  });
});

describe('/plans delete shows how to save the plan again', () => {
  it('as the /compare line that, pasted, saves the same plan again', async () => {
    const store = memoryStore();
    const d = driver({ store });
    const saved = await d.run('/compare budget:$5,000 micro_followers:12 k micro_fee:$75 platform:tiktok save:Q3 glow launch', { guildId: G });
    expect(saved.outcome).toBe('answered');
    const before = kept(await store.plan(G, 'Q3 glow launch'));
    expect(before?.inputs).toEqual({ platform: 'tiktok', budget: '$5,000', micro_followers: '12 k', micro_fee: '$75' });

    const deleted = await remove('q3 glow launch', store);
    expect(deleted.embeds[0]!.description).toBe('“Q3 glow launch” is no longer saved in this server.');
    expect(deleted.embeds[0]!.fields).toEqual([{ name: 'To save it again, run:', value: '```\n/compare platform:tiktok budget:$5,000 micro_followers:12 k micro_fee:$75 save:Q3 glow launch\n```' }]);
    expect(await store.plan(G, 'Q3 glow launch')).toBeUndefined();

    const line = /```\n(.*)\n```/.exec(deleted.embeds[0]!.fields![0]!.value)![1]!;
    expect((await d.run(line, { guildId: G })).outcome).toBe('answered');
    expect(kept(await store.plan(G, 'Q3 glow launch'))).toEqual(before);
  });

  it('as its options and name, escaped, when the line would not read back as typed', async () => {
    const store = memoryStore();
    await save(store, 'Launch ``` @everyone', { budget: '5000', platform: 'tiktok' });
    await save(store, 'Bare <@123>', {});
    // A value holding a word that starts another option, as no /compare run saves one.
    await save(store, 'Odd', { budget: '5000 save:x' });
    await save(store, 'Spring: test save:x', { budget: '5000' });
    const give = 'To save it again, run /compare with these options:';
    expect((await remove('Launch ``` @everyone', store)).embeds[0]!.fields).toEqual([
      { name: give, value: '`platform:` “tiktok” · `budget:` “5000” · `save:` “Launch \\`\\`\\` \\@everyone”' },
    ]);
    expect((await remove('Bare <@123>', store)).embeds[0]!.fields).toEqual([{ name: give, value: '`save:` “Bare \\<\\@123\\>”' }]);
    expect((await remove('Odd', store)).embeds[0]!.fields).toEqual([{ name: give, value: '`budget:` “5000 save\\:x” · `save:` “Odd”' }]);
    const spring = (await remove('Spring: test save:x', store)).embeds[0]!;
    expect(spring.description).toBe('“Spring\\: test save\\:x” is no longer saved in this server.');
    expect(spring.fields).toEqual([{ name: give, value: '`budget:` “5000” · `save:` “Spring\\: test save\\:x”' }]);
  });

  it('judges the line as it shows: a name saved before invisible characters were refused cannot hide an option behind one', async () => {
    const store = memoryStore();
    // Shown, "q3 \u200Bmicro_fee:1" is "q3 micro_fee:1": pasted, it would save "q3" with a fee of 1.
    await save(store, 'q3 \u200Bmicro_fee:1', { micro_count: '5' });
    const field = (await remove('q3 \u200Bmicro_fee:1', store)).embeds[0]!.fields![0]!;
    expect(field.name).toBe('To save it again, run /compare with these options:');
    expect(field.value).not.toContain('```');
  });

  it('fits a field with every option at its longest and a 100-character name', async () => {
    const store = memoryStore();
    const name = `${'q'.repeat(99)}1`;
    await save(store, name, { preset: 'kardashian', platform: 'youtube', ...Object.fromEntries(LONG_OPTIONS.map((o) => [o, '9'.repeat(40)])) });
    const field = (await remove(name, store)).embeds[0]!.fields![0]!;
    expect(field.name).toBe('To save it again, run:');
    expect(field.value).toContain(` save:${name}\n`);
  });

  it('as the line when it fits a field as Discord counts it, in code points: every option 40 emoji long', async () => {
    const store = memoryStore();
    const name = `${'🔥'.repeat(99)}1`;
    await save(store, name, { preset: 'kardashian', platform: 'youtube', ...Object.fromEntries(LONG_OPTIONS.map((o) => [o, '🔥'.repeat(40)])) });
    const field = (await remove(name, store)).embeds[0]!.fields![0]!;
    expect(field.name).toBe('To save it again, run:');
    expect(field.value).toBe(`\`\`\`\n/compare preset:kardashian platform:youtube ${LONG_OPTIONS.map((o) => `${o}:${'🔥'.repeat(40)}`).join(' ')} save:${name}\n\`\`\``);
  });

  it('as texts that fit a field with every option at its longest: the name whole, the last options left off', async () => {
    const store = memoryStore();
    // A mention keeps the line from being code; each "_" takes a \\ to show as typed.
    const name = `@everyone ${'_'.repeat(89)}`;
    await save(store, name, Object.fromEntries(LONG_OPTIONS.map((o) => [o, '_'.repeat(40)])));
    const field = (await remove(name, store)).embeds[0]!.fields![0]!;
    expect(field.name).toBe('To save it again, run /compare with these options:');
    const texts = field.value.split(' · ');
    expect(texts[0]).toBe(`\`budget:\` “${'\\_'.repeat(40)}”`);
    expect(texts.slice(-2)).toEqual(['…', `\`save:\` “\\@everyone ${'\\_'.repeat(89)}”`]);
  });

  it('says nothing of saving it again when it had been deleted meanwhile', async () => {
    const store = memoryStore();
    await save(store, 'Gone', { budget: '5000' });
    const racing: TeamStore = { ...store, deletePlan: async () => 'missing' };
    const reply = await remove('Gone', racing);
    expect(reply.embeds[0]!.title).toBe('That plan was already gone');
    expect(reply.embeds[0]!.fields).toBeUndefined();
  });
});
