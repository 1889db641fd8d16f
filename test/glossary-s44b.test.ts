/**
 * /glossary's click-through entry agrees with /compare's click-through assumption, /help lists
 * /plans export within the public reply's room, and a name /glossary cannot find while the server's
 * own terms and house tiers cannot be read says so rather than "unknown term".
 */

import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS_ID, CASES_ID, compare } from '../src/commands/compare';
import { PUBLIC_TEXT_LIMIT } from '../src/commands/embeds';
import { glossary } from '../src/commands/glossary';
import { help } from '../src/commands/help';
import { embedsLength, messageProblems } from '../src/commands/limits';
import type { Reply } from '../src/commands/types';
import { StoreUnavailableError, type TeamStore } from '../src/store/types';
import { memoryStore, testComponentContext, testContext } from './support/context';

const G = '200000000000000001';
const at = new Date('2026-12-06T12:00:00Z');
const text = (reply: Reply) => reply.embeds.map((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text].join('\n')).join('\n');
const ids = (reply: Reply) => (reply.components ?? []).flatMap((row) => row.components.map((c) => ('custom_id' in c ? c.custom_id : '')));

describe('/glossary click-through rate', () => {
  const pressed = async (reply: Reply, prefix: string) => (await compare.component!(ids(reply).find((id) => id.startsWith(prefix))!, [], testComponentContext())).reply;

  it('gives the rule of thumb and the observed cases /compare uses, cited as /compare cites them', async () => {
    const entry = (await glossary.run({ term: 'click-through' } as never, testContext())) as Reply;
    const definition = entry.embeds[0]!.description!;
    const sources = entry.embeds[0]!.fields!.filter((f) => f.name.startsWith('Sources')).map((f) => f.value).join('\n');
    expect(definition).not.toMatch(/No source in Tierbot's library gives an influencer benchmark/);

    const compared = (await compare.run({} as never, testContext())) as Reply;
    const assumptions = await pressed(compared, ASSUMPTIONS_ID);
    const cases = await pressed(assumptions, CASES_ID);
    // The rule of thumb, labelled unaudited, in /compare's words, from the same glossaries.
    const rule = /link-in-bio rule of thumb \((0\.5–1\.5% of impressions, unaudited)\)/.exec(text(assumptions))![1]!;
    expect(definition).toContain(`rule of thumb (${rule})`);
    expect(sources).toMatch(/Link-in-bio rule of thumb.*as reported by codivupload\.com and creatorlanehq\.com glossaries/);
    // The observed cases: per follower as the sources give them, and per reached account as /compare shows them for small accounts.
    const perFollower = [...text(cases).matchAll(/([\d.]+%) per follower/g)].map((m) => m[1]!);
    expect(perFollower).toEqual(['0.008%', '0.0806%', '0.345%']);
    expect(definition).toContain(`${perFollower[0]}–${perFollower[2]} of followers`);
    const perReached = /Observed cases: ([\d.]+%–[\d.]+%) per account Plan B reaches/.exec(text(compared))![1]!;
    expect(perReached).toBe('0.021%–0.91%');
    expect(definition).toContain(`${perReached} of reached accounts`);
    for (const cited of ['TapInfluence', 'Fab.com, “Celebrity Blastoff” results, 2011', 'Minter.io']) expect(sources).toContain(cited);
    expect(embedsLength(entry.embeds)).toBeLessThanOrEqual(PUBLIC_TEXT_LIMIT);
    expect(messageProblems(entry)).toEqual([]);
  });
});

describe('/help lists /plans export', () => {
  const places = { server: { guildId: '42' }, DM: { guildId: undefined }, 'user-install server': { guildId: G, guildInstalled: false } };

  it('beside list and delete, within the public limit in every place and back home from the path', async () => {
    for (const [where, place] of Object.entries(places)) {
      const reply = (await help.run({} as never, testContext(place))) as Reply;
      expect(reply.embeds[0]!.fields!.map((f) => f.name), where).toContain('/plans list | delete | export');
      expect(embedsLength(reply.embeds), where).toBeLessThanOrEqual(PUBLIC_TEXT_LIMIT);
      expect(messageProblems(reply), where).toEqual([]);
      const home = await help.component!('help:home:own', [], testComponentContext(place));
      expect(embedsLength(home.reply.embeds), where).toBeLessThanOrEqual(PUBLIC_TEXT_LIMIT);
    }
  });
});

describe('/glossary while the server’s terms and house tiers cannot be read', () => {
  /** A store with the house tier "star" that fails the reads `down` names, as an unreachable database does. */
  async function storeWithStar(down: { terms?: boolean; house?: boolean }): Promise<TeamStore> {
    const inner = memoryStore();
    await inner.setHouse(G, { text: 'star 10k-75k, legend 75k+', setById: '1', setByName: 'a', setAt: at });
    const unreachable = () => Promise.reject(new StoreUnavailableError(new Error('connect ECONNREFUSED')));
    return { ...inner, terms: (g) => (down.terms ? unreachable() : inner.terms(g)), house: (g) => (down.house ? unreachable() : inner.house(g)) };
  }
  const look = async (term: string, store: TeamStore) => (await glossary.run({ term } as never, testContext({ guildId: G, store }))) as Reply;

  it('a house tier’s name says they could not be read, to try again, with no unrelated term offered', async () => {
    expect((await look('star', await storeWithStar({}))).embeds[0]!.author?.name).toBe('House tier');
    const reply = await look('star', await storeWithStar({ terms: true, house: true }));
    expect(reply.embeds[0]!.title).not.toBe('Unknown term');
    expect(reply.embeds[0]!.description).toContain('Your team’s own terms and house tiers could not be read just now');
    expect(reply.embeds[0]!.description).toMatch(/try again in a minute/);
    expect(text(reply)).not.toMatch(/Did you mean|Niche audience/);
    expect(ids(reply)).toEqual([]);
    expect(reply.unavailable).toBe(true);
    expect(messageProblems(reply)).toEqual([]);
  });

  it('still offers a built-in term the name misspells by one slip, to open with a press', async () => {
    const reply = await look('nfluencer', await storeWithStar({ terms: true, house: true }));
    expect(reply.unavailable).toBe(true);
    expect(reply.embeds[0]!.description).toMatch(/could not be read just now.*Or did you mean \*\*Influencer\*\*\?$/);
    const opened = await glossary.component!(ids(reply)[0]!, [], testComponentContext({ guildId: G }));
    expect(opened.reply.embeds[0]!.title).toBe('Influencer');
    // Three letters are too few to tell a slip from another word.
    expect(text(await look('sov', await storeWithStar({ terms: true, house: true })))).not.toMatch(/did you mean/i);
  });

  it('names only the house tiers when they alone could not be read', async () => {
    const reply = await look('star', await storeWithStar({ house: true }));
    expect(reply.embeds[0]!.title).toBe('House tiers unavailable');
    expect(reply.embeds[0]!.description).toContain('Your house tiers could not be read just now');
  });
});
