/**
 * /glossary in a server with a house definition: a tier word's entry leads with the team's own
 * reading, as /tier does. And each tier entry lists every publisher range /tier counts as that tier.
 */

import { describe, expect, it } from 'vitest';
import { glossary } from '../src/commands/glossary';
import { HOUSE_UNAVAILABLE_LINE, HOUSE_UNREADABLE_LINE } from '../src/commands/house-lookup';
import { PUBLIC_TEXT_LIMIT } from '../src/commands/embeds';
import type { Reply } from '../src/commands/types';
import { classify, verdictStarts } from '../src/domain/classify';
import { TERMS, termById } from '../src/domain/glossary';
import { embedLength, messageProblems } from '../src/commands/limits';
import type { TeamStore } from '../src/store/types';
import { memoryStore, testComponentContext, testContext } from './support/context';

const G = '700';
const HOUSE = 'nano 1k-10k, micro 10k-75k, mid 75k-500k, macro 500k-1M, mega 1M+';

async function serverWith(text: string): Promise<TeamStore> {
  const store = memoryStore();
  await store.setHouse(G, { text, setById: '1', setByName: 'ana', setAt: new Date(0) });
  return store;
}

const run = async (term: string, store?: TeamStore) => (await glossary.run({ term } as never, testContext({ guildId: G, store }))) as Reply;
const runInDm = async (term: string, store?: TeamStore) => (await glossary.run({ term } as never, testContext({ store }))) as Reply;
const description = (reply: Reply) => reply.embeds[0]!.description ?? '';
const firstLine = (reply: Reply) => description(reply).split('\n')[0];

describe('/glossary in a server with a house definition', () => {
  it('leads a tier word the house defines with its range', async () => {
    const store = await serverWith(HOUSE);
    expect(firstLine(await run('micro', store))).toBe('**Your house definition: micro is 10k–75k**');
    expect(firstLine(await run('nano', store))).toBe('**Your house definition: nano is 1k–10k**');
    expect(firstLine(await run('mid-tier', store))).toBe('**Your house definition: mid is 75k–500k**');
    expect(firstLine(await run('mega', store))).toBe('**Your house definition: mega is 1M+**');
    // The definition still follows, whole.
    expect(description(await run('micro', store))).toContain(termById('micro-influencer')!.definition);
  });

  it('places a publisher tier word by the house tiers its band falls in', async () => {
    const store = await serverWith(HOUSE);
    expect(firstLine(await run('rookie', store))).toBe('**Your house definition: rookie (1,000–4,999) falls in nano (1k–10k)**');
    expect(firstLine(await run('prosumer', store))).toBe('**Your house definition: prosumer (20,000–99,999) falls in micro (10k–75k) and mid (75k–500k)**');
    expect(firstLine(await run('Instagram user', store))).toBe('**Your house definition: Instagram user (0–999) is below nano, the lowest house tier (from 1k)**');
  });

  it('names the house tiers a publishers’ tier word reads as; the whole definition for a word that is no one tier', async () => {
    const store = await serverWith('starter 0-10k, star 10k+');
    // As /house show maps them: "starter (0–10k) → micro", "star (10k+) → micro".
    expect(firstLine(await run('micro', store))).toBe('**Your house definition: starter (0–10k) and star (10k+) read as micro**');
    expect(firstLine(await run('nano', store))).toBe('**Your house definition: no house tier reads as nano**');
    expect(firstLine(await run('influencer tiers', await serverWith(HOUSE)))).toBe(`**Your house definition: ${HOUSE.replace(/-/g, '–')}**`);
  });

  it('answers a house tier that is no glossary term rather than guessing a term', async () => {
    const reply = await run('star', await serverWith('starter 0-10k, star 10k+'));
    expect(reply.embeds[0]!.title).toBe('star');
    expect(reply.embeds[0]!.author?.name).toBe('House tier');
    expect(description(reply)).toContain('takes 10,000 followers and up');
    expect(description(reply)).toContain('**Your house definition: starter 0–10k, star 10k+**');
    expect(reply.inputError).toBeUndefined();
    expect(messageProblems(reply)).toEqual([]);
  });

  it('says in one line when the definition is unavailable or unreadable', async () => {
    const failing: TeamStore = { ...memoryStore(), house: async () => Promise.reject(new Error('down')) };
    expect(firstLine(await run('micro', failing))).toBe(HOUSE_UNAVAILABLE_LINE);
    const unreadable = memoryStore();
    await unreadable.setHouse(G, { text: 'not tiers at all', setById: '1', setByName: 'ana', setAt: new Date(0) });
    expect(firstLine(await run('micro', unreadable))).toBe(HOUSE_UNREADABLE_LINE);
  });

  it('is unchanged in a DM, in a server without one, and for words that are not tiers', async () => {
    const plain = await runInDm('micro');
    expect(firstLine(plain)).toBe('The most-quoted tier, with the widest spread: 500–5k (one of Adweek\'s two readings, as quoted by TapInfluence), 1k–100k (Fiveable), and most lists start it at 10k. What sources agree on is the appeal: a niche audience that trusts the creator.');
    expect(await run('micro', memoryStore())).toEqual(plain);
    expect(await runInDm('micro', await serverWith(HOUSE))).toEqual(plain);
    expect(await run('cpe', await serverWith(HOUSE))).toEqual(await runInDm('cpe'));
  });

  it('leads a tier term opened from a button with it too', async () => {
    const ctx = testComponentContext({ guildId: G, store: await serverWith(HOUSE) });
    const opened = await glossary.component!('glossary:term:macro-influencer', [], ctx);
    expect(firstLine(opened.reply as Reply)).toBe('**Your house definition: macro is 500k–1M**');
  });

  it('keeps every tier entry within the public limit, beside the longest house definition', async () => {
    const longNames = Array.from({ length: 12 }, (_, i) => `the teams own tier named number ${i + 1} ${i * 10}k-${(i + 1) * 10}k`).join(', ');
    expect(firstLine(await run('influencer tiers', await serverWith(longNames)))).toMatch(/^\*\*Your house definition: the teams own tier named number/);
    for (const text of [HOUSE, longNames]) {
      const store = await serverWith(text);
      for (const term of TERMS.filter((t) => t.group === 'Tiers')) {
        const reply = await run(term.id, store);
        expect(embedLength(reply.embeds[0]!), `${term.id}: ${text}`).toBeLessThanOrEqual(PUBLIC_TEXT_LIMIT);
        expect(messageProblems(reply), term.id).toEqual([]);
      }
    }
  });
});

describe('a tier entry’s ranges by publisher', () => {
  const termOf = { nano: 'nano-influencer', micro: 'micro-influencer', mid: 'mid-tier-influencer', macro: 'macro-influencer', mega: 'mega-influencer' } as const;

  it('list every range /tier counts as that tier, whatever the publisher calls it', () => {
    for (const start of [0, ...verdictStarts()]) {
      for (const { source, verdict } of classify(start).verdicts) {
        if (verdict.kind !== 'tier') continue;
        const term = termById(termOf[verdict.tier.normal])!;
        expect(term.ranges, `${term.id} lacks ${source.id} "${verdict.tier.name}"`).toContainEqual(
          expect.objectContaining({ sourceId: source.id, tierName: verdict.tier.name }),
        );
      }
    }
  });

  it('show mega’s publishers below 1M, that /tier counts as mega at 100,000', async () => {
    const mega = await runInDm('mega');
    const sourcesButton = mega.components?.flatMap((row) => row.components).find((b) => 'label' in b && b.label === 'All sources');
    const ranges = mega.embeds[0]!.fields!.find((f) => f.name === 'Ranges by publisher')?.value ?? '';
    expect(ranges).toContain('100k+ (regular influencer): Rise of Micro-Influencers (article)');
    expect(ranges).toContain('100k+ (celebrity): The Influence Agency');
    expect(ranges).toContain('over 1M (celebrity): HypeAuditor');
    expect(sourcesButton).toBeDefined();
  });
});

describe('/glossary and the house definition, where the publishers’ word is not a house tier', () => {
  it('names the house tiers read as that tier, as /house show maps them', async () => {
    // /house show maps them: rookie (1k–10k) → micro, star (10k–100k) → micro, legend (100k+) → macro.
    const store = await serverWith('rookie 1k-10k, star 10k-100k, legend 100k+');
    expect(firstLine(await run('micro', store))).toBe('**Your house definition: rookie (1k–10k) and star (10k–100k) read as micro**');
    expect(firstLine(await run('macro', store))).toBe('**Your house definition: legend (100k+) reads as macro**');
    const tiny = await serverWith('tiny 0-1k, small 1k-5k, big 5k+');
    expect(firstLine(await run('mega', tiny))).toMatch(/^\*\*Your house definition: /);
  });
});

describe('/glossary wherever the team works', () => {
  it('run from a member’s own apps in the team’s server, it shows the house definition and the team’s terms there too, and in a DM neither', async () => {
    const store = await serverWith(HOUSE);
    await store.addTerm(G, { name: 'Zorbling', definition: 'Our word for it.', addedById: '1', addedByName: 'ana', updatedAt: new Date(0) });
    const userInstall = testContext({ guildId: G, guildInstalled: false, store });
    const micro = (await glossary.run({ term: 'micro' } as never, userInstall)) as Reply;
    expect(description(micro)).toContain('Your house definition');
    const index = (await glossary.run({} as never, userInstall)) as Reply;
    expect(JSON.stringify(index)).toContain('Zorbling');
    const dm = testContext({ guildId: undefined, guildInstalled: false, store });
    expect(description((await glossary.run({ term: 'micro' } as never, dm)) as Reply)).not.toContain('Your house definition');
    expect(JSON.stringify(await glossary.run({} as never, dm))).not.toContain('Zorbling');
  });

  it('a word found nowhere, while the team’s terms cannot be read, says so rather than only "no term"', async () => {
    const down: TeamStore = { ...memoryStore(), terms: async () => Promise.reject(new Error('down')) };
    const reply = await run('qwertyuiop', down);
    expect(reply.embeds[0]!.title).toBe('Team terms unavailable');
    expect(description(reply)).toContain('Your team’s own terms could not be read just now');
  });
});

describe('/glossary finds a house tier by a near name, as it finds terms', () => {
  const ids = (reply: Reply) => (reply.components ?? []).flatMap((row) => row.components.map((c) => ('custom_id' in c ? c.custom_id : '')));

  it('answers a clear slip with the house tier, saying what was read', async () => {
    const store = await serverWith('rookie 1k-10k, star 10k-100k, legend 100k+');
    const reply = await run('legnd', store);
    expect(reply.embeds[0]!.title).toBe('legend');
    expect(description(reply)).toContain('Showing **legend** for "legnd".');
  });

  it('offers house tiers beside terms when a name is near several, and a press opens one', async () => {
    const store = await serverWith('star 10k-100k, stark 100k+');
    const reply = await run('starz', store);
    expect(messageProblems(reply)).toEqual([]);
    expect(description(reply)).toContain('**star** (house tier)');
    const id = ids(reply).find((x) => x.endsWith(':star'))!;
    expect(id).toBeDefined();
    const opened = await glossary.component!(id, [], testComponentContext({ guildId: G, store }));
    expect(opened.mode).toBe('update');
    expect(opened.reply.embeds[0]!.title).toBe('star');
  });

  it('lists house tiers in autocomplete with their mark, by the name /glossary reads', async () => {
    const store = await serverWith('rookie 1k-10k, star 10k-100k, legend 100k+');
    const choices = await glossary.autocomplete!({ name: 'term', value: 'sta' }, {}, testContext({ guildId: G, store }));
    expect(choices).toContainEqual({ name: 'star (house tier)', value: 'star' });
    expect(await glossary.autocomplete!({ name: 'term', value: 'sta' }, {}, testContext({ store }))).not.toContainEqual({ name: 'star (house tier)', value: 'star' });
  });
});
