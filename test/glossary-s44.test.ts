/**
 * /glossary's buttons in a database outage, /term export's order from either database, /help where
 * Tierbot runs from a member's own apps, and team-term names matched as the store matches them.
 */

import { describe, expect, it } from 'vitest';
import { PUBLIC_TEXT_LIMIT } from '../src/commands/embeds';
import { glossary } from '../src/commands/glossary';
import { help } from '../src/commands/help';
import { embedsLength, messageProblems } from '../src/commands/limits';
import { term } from '../src/commands/term';
import type { ComponentReply, Reply } from '../src/commands/types';
import { StoreUnavailableError, type TeamStore } from '../src/store/types';
import { memoryStore, testComponentContext, testContext } from './support/context';

const G = '200000000000000001';
const at = new Date('2026-12-06T12:00:00Z');

const ids = (reply: Reply) => (reply.components ?? []).flatMap((row) => row.components.map((c) => ('custom_id' in c ? c.custom_id : '')));
const menuOf = (reply: Reply, id: string) =>
  (reply.components ?? []).flatMap((row) => row.components).find((c) => 'custom_id' in c && c.custom_id === id) as { options: { label: string; value: string }[] };
const text = (reply: Reply) => JSON.stringify(reply.embeds);

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
      expect(text(answer.reply)).toMatch(/unavailable right now/);
      expect(text(answer.reply)).toMatch(/Try again in a minute/);
      expect(text(answer.reply)).not.toMatch(/not there any more|not in your house definition any more/);
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
    expect(text((await press('glossary:teamopen', ['no-such-key'])).reply)).toMatch(/not there any more/);
    expect(text((await press('glossary:housetier:comet')).reply)).toMatch(/not in your house definition any more/);
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

describe('/help where Tierbot runs from a member’s own apps in a server that has not added it', () => {
  const userInstalled = { guildId: G, guildInstalled: false };

  it('says the team commands need a server that has added Tierbot, and offers no example of them', async () => {
    const reply = (await help.run({} as never, testContext(userInstalled))) as Reply;
    expect(reply.embeds[0]!.description).toMatch(/`\/house`, `\/term` and `\/plans` work only in servers that have added Tierbot/);
    const teamFields = reply.embeds[0]!.fields!.filter((f) => /^\/(house|term|plans)/.test(f.name));
    expect(teamFields).toHaveLength(3);
    for (const f of teamFields) expect(f.value, f.name).not.toMatch(/Try /);
    expect(embedsLength(reply.embeds)).toBeLessThanOrEqual(PUBLIC_TEXT_LIMIT);
    expect(messageProblems(reply)).toEqual([]);
    const home = await help.component!('help:home:own', [], testComponentContext(userInstalled));
    expect(home.reply.embeds[0]!.description).toMatch(/work only in servers that have added Tierbot/);
  });

  it('offers the examples in a server that has added Tierbot, and keeps the DM wording in a DM', async () => {
    const inServer = (await help.run({} as never, testContext({ guildId: G }))) as Reply;
    expect(text(inServer)).not.toMatch(/servers only|added Tierbot/);
    expect(text(inServer)).toMatch(/Try `\/term add/);
    expect(text((await help.run({} as never, testContext())) as Reply)).toMatch(/work in servers only/);
  });
});

describe('/glossary finds a team term by name as /term does', () => {
  it('opens the term the store has under that name ("ugc wide" is "ＵＧＣ wide"), rather than asking which', async () => {
    const store = memoryStore();
    await addTerm(store, 'ＵＧＣ wide');
    await addTerm(store, 'UGC-wide');
    expect((await store.term(G, 'ugc wide'))?.name).toBe('ＵＧＣ wide');
    const reply = (await glossary.run({ term: 'ugc wide' } as never, testContext({ guildId: G, store }))) as Reply;
    expect(reply.embeds[0]!.title).toBe('ＵＧＣ wide');
    // Neither name as the store reads it: both read the same once punctuation is set aside.
    const which = (await glossary.run({ term: 'ugc  wide!' } as never, testContext({ guildId: G, store }))) as Reply;
    expect(which.embeds[0]!.title).toBe('Which term?');
  });
});
