/**
 * /glossary finds a house tier by its name as /house set tells names apart (NFKC, case aside):
 * a name of only emoji, and names that differ only in punctuation, each open their own tier. A
 * team term of the same name as a house tier is shown beside it, not instead of it.
 */

import { describe, expect, it } from 'vitest';
import { glossary } from '../src/commands/glossary';
import type { Reply } from '../src/commands/types';
import { messageProblems } from '../src/commands/limits';
import type { TeamStore } from '../src/store/types';
import { memoryStore, testComponentContext, testContext } from './support/context';

const G = '701';

async function serverWith(house: string, terms: { name: string; definition: string; formula?: string; example?: string }[] = []): Promise<TeamStore> {
  const store = memoryStore();
  await store.setHouse(G, { text: house, setById: '1', setByName: 'ana', setAt: new Date(0) });
  for (const term of terms) await store.addTerm(G, { ...term, addedById: '1', addedByName: 'ana', updatedAt: new Date(0) });
  return store;
}

const run = async (term: string, store: TeamStore) => (await glossary.run({ term } as never, testContext({ guildId: G, store }))) as Reply;
const suggest = (value: string, store: TeamStore) => glossary.autocomplete!({ name: 'term', value }, {}, testContext({ guildId: G, store }));
const description = (reply: Reply, i = 0) => reply.embeds[i]?.description ?? '';
const ids = (reply: Reply) => (reply.components ?? []).flatMap((row) => row.components.map((c) => ('custom_id' in c ? c.custom_id : '')));

const PUNCTUATED = 'tier-A 1k-10k, tier A 10k-100k, tier A! 100k+';

describe('/glossary opens a house tier by its name as /house set reads it', () => {
  it('opens a tier named only with emoji', async () => {
    const store = await serverWith('🔥 1k-10k, 🚀 10k+');
    const fire = await run('🔥', store);
    expect(fire.embeds[0]!.author?.name).toBe('House tier');
    expect(fire.embeds[0]!.title).toBe('🔥');
    expect(description(fire)).toContain('takes 1,000–9,999 followers');
    expect(fire.inputError).toBeUndefined();
    const rocket = await run('🚀', store);
    expect(rocket.embeds[0]!.title).toBe('🚀');
    expect(description(rocket)).toContain('takes 10,000 followers and up');
  });

  it('opens each of tiers whose names differ only in punctuation, case aside', async () => {
    const store = await serverWith(PUNCTUATED);
    expect(description(await run('tier A!', store))).toContain('takes 100,000 followers and up');
    expect(description(await run('tier A', store))).toContain('takes 10,000–99,999 followers');
    expect(description(await run('TIER-a', store))).toContain('takes 1,000–9,999 followers');
    // Where only one tier reads that way, punctuation is still forgiven.
    expect((await run('Star!', await serverWith('rising 1k-10k, star 10k-100k, icon 100k+'))).embeds[0]!.title).toBe('star');
  });

  it('asks which, rather than picking one, when a loose reading fits several tiers; a press opens the one pressed', async () => {
    const store = await serverWith(PUNCTUATED);
    const reply = await run('tier_a', store);
    expect(reply.embeds[0]!.title).toBe('Which term?');
    expect(description(reply)).toContain('**tier A!** (house tier)');
    expect(messageProblems(reply)).toEqual([]);
    const id = ids(reply).find((x) => x.endsWith(':tier A!'));
    expect(id).toBeDefined();
    const opened = await glossary.component!(id!, [], testComponentContext({ guildId: G, store }));
    expect(opened.mode).toBe('update');
    expect(description(opened.reply)).toContain('takes 100,000 followers and up');
  });
});

describe('/glossary autocomplete offers house tiers that open as offered', () => {
  it('offers, for emoji typed, only the tiers whose names contain it', async () => {
    const store = await serverWith('🔥 1k-10k, 🚀 10k+');
    const choices = await suggest('🔥', store);
    expect(choices).toContainEqual({ name: '🔥 (house tier)', value: '🔥' });
    expect(choices.map((c) => c.name)).not.toContain('🚀 (house tier)');
    const opened = await run(String(choices.find((c) => c.name === '🔥 (house tier)')!.value), store);
    expect(opened.embeds[0]!.title).toBe('🔥');
  });

  it('each offered tier’s value opens that tier, not one that reads the same', async () => {
    const store = await serverWith(PUNCTUATED);
    const offered = (await suggest('tier', store)).filter((c) => c.name.endsWith(' (house tier)'));
    expect(offered.map((c) => c.value)).toEqual(['tier-A', 'tier A', 'tier A!']);
    for (const choice of offered) expect((await run(String(choice.value), store)).embeds[0]!.title).toBe(choice.value);
  });
});

describe('/glossary shows a house tier and a team term of the same name together', () => {
  it('answers "star" with the house tier, then the team term', async () => {
    const store = await serverWith('rising 1k-10k, star 10k-100k, icon 100k+', [{ name: 'star', definition: 'our star means top 10' }]);
    const reply = await run('star', store);
    expect(reply.embeds.map((e) => e.author?.name)).toEqual(['House tier', 'Team term']);
    expect(description(reply, 0)).toContain('takes 10,000–99,999 followers');
    expect(description(reply, 1)).toBe('our star means top 10');
    expect(messageProblems(reply)).toEqual([]);
  });

  it('keeps both within Discord’s limits when the team term is as long as it may be', async () => {
    const long = 'word '.repeat(205).slice(0, 1024);
    const store = await serverWith('rising 1k-10k, star 10k-100k, icon 100k+', [{ name: 'Star', definition: long, formula: long, example: long }]);
    const reply = await run('star', store);
    expect(reply.embeds).toHaveLength(2);
    expect(messageProblems(reply)).toEqual([]);
  });
});
