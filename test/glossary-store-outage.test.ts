/**
 * /glossary while the server's own terms and house tiers cannot be read: a button or menu for a team
 * term or house tier says the settings are unavailable and to try again, never that the term is
 * gone, and opens it once the database answers; a name looked up says the same rather than "unknown
 * term", still offering a built-in term it misspells. Also /term export's order, the same whichever
 * order the database returns the terms in.
 */

import { describe, expect, it } from 'vitest';
import { glossary } from '../src/commands/glossary';
import { messageProblems } from '../src/commands/limits';
import { term } from '../src/commands/term';
import type { ComponentReply, Reply } from '../src/commands/types';
import { StoreUnavailableError, type TeamStore } from '../src/store/types';
import { TEAM_KEY_VALUE, teamTermKey } from '../src/commands/team-terms';
import { memoryStore, testComponentContext, testContext } from './support/context';

const G = '200000000000000001';
const at = new Date('2026-12-06T12:00:00Z');

const ids = (reply: Reply) => (reply.components ?? []).flatMap((row) => row.components.map((c) => ('custom_id' in c ? c.custom_id : '')));
const menuOf = (reply: Reply, id: string) =>
  (reply.components ?? []).flatMap((row) => row.components).find((c) => 'custom_id' in c && c.custom_id === id) as { options: { label: string; value: string }[] };
const embedsJson = (reply: Reply) => JSON.stringify(reply.embeds);
/** The text of each embed as shown: title, description, fields and footer. */
const shownText = (reply: Reply) => reply.embeds.map((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text].join('\n')).join('\n');

/** A store that answers until `outage.down` is set, then fails every read as an unreachable database does. */
function storeWithOutage(): { store: TeamStore; outage: { down: boolean } } {
  const outage = { down: false };
  const inner = memoryStore();
  const unreachable = () => Promise.reject(new StoreUnavailableError(new Error('connect ECONNREFUSED')));
  const store: TeamStore = {
    ...inner,
    terms: (g) => (outage.down ? unreachable() : inner.terms(g)),
    house: (g) => (outage.down ? unreachable() : inner.house(g)),
  };
  return { store, outage };
}

async function addTerm(store: TeamStore, name: string): Promise<void> {
  expect(await store.addTerm(G, { name, definition: `what ${name} means`, addedById: '1', addedByName: 'a', updatedAt: at })).toBe('ok');
}

describe('/glossary buttons while the database is down', () => {
  async function setUp() {
    const { store, outage } = storeWithOutage();
    await addTerm(store, 'Gifting');
    await addTerm(store, 'Gifting!');
    await store.setHouse(G, { text: 'star 10k-75k, star! 75k-500k', setById: '1', setByName: 'a', setAt: at });
    const ctx = testContext({ guildId: G, store });
    const teamChoices = (await glossary.run({ term: 'gifting?' } as never, ctx)) as Reply;
    const tierChoices = (await glossary.run({ term: 'star?' } as never, ctx)) as Reply;
    const index = (await glossary.run({} as never, ctx)) as Reply;
    const teamButton = ids(teamChoices).find((id) => id.startsWith('glossary:teamkey:'))!;
    const tierButton = ids(tierChoices).find((id) => id.startsWith('glossary:housetier:'))!;
    const teamMenuKey = menuOf(index, 'glossary:teamopen').options[0]!.value;
    return { outage, press: (id: string, values: string[] = []) => glossary.component!(id, values, testComponentContext({ guildId: G, store })) as Promise<ComponentReply>, teamButton, tierButton, teamMenuKey };
  }

  it('say the settings are unavailable, to try again, rather than that the term or tier is gone', async () => {
    const { outage, press, teamButton, tierButton, teamMenuKey } = await setUp();
    expect(teamButton).toBeDefined();
    expect(tierButton).toBeDefined();
    outage.down = true;
    for (const answer of [await press(teamButton), await press('glossary:teamopen', [teamMenuKey]), await press(tierButton)]) {
      expect(answer.mode).toBe('reply');
      expect(answer.reply.unavailable).toBe(true);
      expect(embedsJson(answer.reply)).toMatch(/unavailable right now/);
      expect(embedsJson(answer.reply)).toMatch(/Try again in a minute/);
      expect(embedsJson(answer.reply)).not.toMatch(/not there any more|not in your house definition any more/);
    }
  });

  it('open the term or tier once the database answers again, and still say when one is really gone', async () => {
    const { outage, press, teamButton, tierButton, teamMenuKey } = await setUp();
    outage.down = true;
    await press(teamButton);
    outage.down = false;
    expect((await press(teamButton)).reply.embeds[0]!.title).toMatch(/^Gifting/);
    expect((await press('glossary:teamopen', [teamMenuKey])).reply.embeds[0]!.author?.name).toBe('Team term');
    expect((await press(tierButton)).reply.embeds[0]!.author?.name).toBe('House tier');
    expect(embedsJson((await press('glossary:teamopen', ['no-such-key'])).reply)).toMatch(/not there any more/);
    expect(embedsJson((await press('glossary:housetier:comet')).reply)).toMatch(/not in your house definition any more/);
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
    expect(shownText(reply)).not.toMatch(/Did you mean|Niche audience/);
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
    expect(shownText(await look('sov', await storeWithStar({ terms: true, house: true })))).not.toMatch(/did you mean/i);
  });

  it('a team term picked from the suggestions says the team terms could not be read, not that it is gone', async () => {
    const picked = `${TEAM_KEY_VALUE}${teamTermKey(G, 'Gifting')}`;
    const reply = await look(picked, await storeWithStar({ terms: true }));
    expect(reply.embeds[0]!.title).toBe('Team terms unavailable');
    expect(reply.embeds[0]!.description).toContain('Your team’s own terms could not be read just now');
    expect(shownText(reply)).not.toMatch(/not there any more|Unknown term/);
    expect(messageProblems(reply)).toEqual([]);
  });

  it('names only the house tiers when they alone could not be read', async () => {
    const reply = await look('star', await storeWithStar({ house: true }));
    expect(reply.embeds[0]!.title).toBe('House tiers unavailable');
    expect(reply.embeds[0]!.description).toContain('Your house tiers could not be read just now');
  });
});

describe('/term export', () => {
  const NAMES = ['item 10', 'Zebra', 'éclat', 'item 9', 'Éclair', 'Eclat', 'apple'];

  /** A store whose list comes back in its own order, as each database sorts names its own way. */
  function storeListing(order: (names: string[]) => string[]): TeamStore {
    const inner = memoryStore();
    return {
      ...inner,
      terms: async (g) => {
        const terms = await inner.terms(g);
        return order(terms.map((t) => t.name)).map((name) => terms.find((t) => t.name === name)!);
      },
    };
  }

  async function exported(store: TeamStore): Promise<string[]> {
    for (const name of NAMES) await addTerm(store, name);
    const reply = (await term.run({ subcommand: 'export' } as never, testContext({ guildId: G, manager: true, store }))) as Reply;
    const file = JSON.parse(reply.files![0]!.data.toString('utf8')) as { terms: { name: string }[] };
    return file.terms.map((t) => t.name);
  }

  it('lists the terms in the same order whichever order the database returns them in, as /glossary does', async () => {
    const byCodeUnits = storeListing((names) => [...names].sort());
    const reversed = storeListing((names) => [...names].sort().reverse());
    const fromOne = await exported(byCodeUnits);
    expect(await exported(reversed)).toEqual(fromOne);
    expect(fromOne).toEqual(['apple', 'Éclair', 'Eclat', 'éclat', 'item 9', 'item 10', 'Zebra']);
    const index = (await glossary.run({} as never, testContext({ guildId: G, store: reversed }))) as Reply;
    expect(menuOf(index, 'glossary:teamopen').options.map((o) => o.label)).toEqual(fromOne);
  });
});
