/**
 * A team's own term named for a built-in term ("EMV", "seeding": the built-in's name, id or an
 * alias) is shown beside it however the built-in is asked for: by any of its names or aliases, by
 * the autocomplete's value, or by a typo that opens it. In the server that added it only, and only
 * for that built-in term.
 */

import { describe, expect, it } from 'vitest';
import { glossary } from '../src/commands/glossary';
import { messageProblems } from '../src/commands/limits';
import { teamTermKey } from '../src/commands/team-terms';
import { TERM_LIMITS, term as termCommand } from '../src/commands/term';
import type { Reply } from '../src/commands/types';
import type { TeamStore } from '../src/store/types';
import { messageProblems as standinProblems } from '../tools/standin/limits';
import { memoryStore, testContext } from './support/context';

const G = '42';
const OTHER = '43';

/** The team's terms of the audit: its own EMV rule, and its words for UGC, whitelisting and gifting. */
const TEAM_TERMS = [
  { name: 'EMV', definition: 'EMV = impressions × $7 CPM ÷ 1000' },
  { name: 'UGC', definition: 'Posts creators make that we may reuse for 90 days.' },
  { name: 'whitelisting', definition: 'We run creator ads only through partnership ads.' },
  { name: 'seeding', definition: 'Product we send unasked, never with a posting brief.' },
];

/** Adds terms as a manager does, through /term add. */
async function addTerms(store: TeamStore, guildId: string, terms: readonly { name: string; definition: string; formula?: string; example?: string; link?: string }[]): Promise<void> {
  for (const t of terms) {
    const reply = (await termCommand.run({ subcommand: 'add', ...t } as never, testContext({ guildId, store, manager: true }))) as Reply;
    expect(reply.inputError, t.name).toBeUndefined();
  }
}

async function auditStore(): Promise<TeamStore> {
  const store = memoryStore();
  await addTerms(store, G, TEAM_TERMS);
  return store;
}

/** /glossary term:<query> in a server, as a member runs it; every reply within Discord's limits. */
async function glossaryIn(guildId: string | undefined, store: TeamStore, query: string): Promise<Reply> {
  const reply = (await glossary.run({ term: query } as never, testContext({ guildId, store }))) as Reply;
  expect(messageProblems(reply), query).toEqual([]);
  expect(standinProblems(reply as never), query).toEqual([]);
  return reply;
}

/** Each embed by what it is: the built-in term's title, or "Team term: <name>". */
const shown = (reply: Reply) => reply.embeds.map((e) => (e.author?.name === 'Team term' ? `Team term: ${e.title}` : e.title));
const ids = (reply: Reply) => (reply.components ?? []).flatMap((row) => row.components.map((c) => ('custom_id' in c ? c.custom_id : '')));

describe('/glossary shows the team term named for a built-in term whichever of its names is typed', () => {
  const cases: [query: string, builtIn: string, team: string][] = [
    ['EMV', 'EMV (earned media value)', 'EMV'],
    ['earned media value', 'EMV (earned media value)', 'EMV'],
    ['Earned-Media Value', 'EMV (earned media value)', 'EMV'],
    ['EMV (earned media value)', 'EMV (earned media value)', 'EMV'],
    ['media value', 'EMV (earned media value)', 'EMV'],
    ['user generated content', 'UGC (user-generated content)', 'UGC'],
    ['creator licensing', 'Whitelisting (creator licensing)', 'whitelisting'],
    ['whitelisted ads', 'Whitelisting (creator licensing)', 'whitelisting'],
    ['product seeding', 'Gifting (gifted product)', 'seeding'],
    ['gifting', 'Gifting (gifted product)', 'seeding'],
    ['gifted product', 'Gifting (gifted product)', 'seeding'],
  ];
  for (const [query, builtIn, team] of cases) {
    it(`"${query}": ${builtIn}, then the team's ${team}`, async () => {
      const store = await auditStore();
      expect(shown(await glossaryIn(G, store, query))).toEqual([builtIn, `Team term: ${team}`]);
    });
  }

  it('answers an alias exactly as the built-in term’s own name: the same embeds and buttons', async () => {
    const store = await auditStore();
    const byName = await glossaryIn(G, store, 'EMV');
    expect(await glossaryIn(G, store, 'earned media value')).toEqual(byName);
    expect(await glossaryIn(G, store, 'EMV (earned media value)')).toEqual(byName);
  });

  it('shows it when the built-in term is picked from the autocomplete, which sends the term’s id', async () => {
    const store = await auditStore();
    const choices = await glossary.autocomplete!({ name: 'term', value: 'product seeding' }, {}, testContext({ guildId: G, store }));
    const gifting = choices.find((c) => c.name === 'Gifting (gifted product)');
    expect(gifting?.value).toBe('gifting');
    expect(shown(await glossaryIn(G, store, String(gifting!.value)))).toEqual(['Gifting (gifted product)', 'Team term: seeding']);
  });

  it('shows the team’s text as it was added', async () => {
    const store = await auditStore();
    const team = (await glossaryIn(G, store, 'earned media value')).embeds[1]!;
    expect(team.description).toBe('EMV = impressions × $7 CPM ÷ 1000');
    expect(team.footer?.text).not.toContain('Shortened');
  });
});

describe('/glossary answers a built-in term opened for a near spelling as it answers its name', () => {
  it('stacks "whitelist" as it stacks "whitelisting": the built-in term, saying what it read, then the team term; not "Which term?"', async () => {
    const store = await auditStore();
    const exact = await glossaryIn(G, store, 'whitelisting');
    expect(shown(exact)).toEqual(['Whitelisting (creator licensing)', 'Team term: whitelisting']);
    const near = await glossaryIn(G, store, 'whitelist');
    expect(shown(near)).toEqual(['Whitelisting (creator licensing)', 'Team term: whitelisting']);
    expect(near.embeds[0]!.description).toMatch(/^Showing \*\*Whitelisting \(creator licensing\)\*\* for "whitelist"\./);
    expect(near.embeds[1]).toEqual(exact.embeds[1]);
    // As in a server with no team term: the same built-in entry.
    expect(near.embeds[0]).toEqual((await glossaryIn(OTHER, store, 'whitelist')).embeds[0]);
  });

  it('does the same for a typo of an alias and for the start of one', async () => {
    const store = await auditStore();
    for (const [query, builtIn, team] of [
      ['seedinq', 'Gifting (gifted product)', 'seeding'],
      ['seed', 'Gifting (gifted product)', 'seeding'],
      ['ugcc', 'UGC (user-generated content)', 'UGC'],
      ['media valeu', 'EMV (earned media value)', 'EMV'],
    ]) {
      expect(shown(await glossaryIn(G, store, query!)), query).toEqual([builtIn, `Team term: ${team}`]);
    }
  });

  it('keeps the heaviest team term beside a built-in term opened for a near spelling within Discord’s limits', async () => {
    const store = memoryStore();
    // Stored as it may have been before /term refused text this long once escaped: every markdown character doubles.
    await store.addTerm(G, {
      name: 'whitelisting',
      definition: '*'.repeat(TERM_LIMITS.definition),
      formula: '_'.repeat(TERM_LIMITS.formula),
      example: '_'.repeat(TERM_LIMITS.example),
      link: `https://example.com/${'-'.repeat(TERM_LIMITS.link - 'https://example.com/'.length)}`,
      addedById: '1',
      addedByName: 'ana',
      updatedAt: new Date(0),
    });
    const reply = await glossaryIn(G, store, 'whitelist');
    // glossaryIn has checked the reply against Discord's limits.
    expect(shown(reply)).toEqual(['Whitelisting (creator licensing)', 'Team term: whitelisting']);
  });

  it('lists a team term right after its built-in term when several terms match', async () => {
    const store = await auditStore();
    const which = await glossaryIn(G, store, 'content');
    expect(which.embeds[0]!.title).toBe('Which term?');
    const lines = which.embeds[0]!.description!.split('\n').filter((line) => line.startsWith('- '));
    expect(lines.slice(0, 2)).toEqual(['- **UGC (user-generated content)**', '- **UGC** (team term)']);
    expect(ids(which).slice(0, 2)).toEqual(['glossary:term:ugc:own', `glossary:teamkey:${teamTermKey(G, 'UGC')}`]);
  });
});

describe('/glossary with several team terms named for one built-in term', () => {
  it('asks which when the query names none of them exactly, and opens the one it names exactly beside the built-in term', async () => {
    const store = memoryStore();
    await addTerms(store, G, [
      { name: 'EMV', definition: 'Our EMV rule.' },
      { name: 'media value', definition: 'What finance calls it.' },
    ]);
    for (const query of ['earned media value', 'EMV (earned media value)', 'media valeu']) {
      const which = await glossaryIn(G, store, query);
      expect(which.embeds[0]!.title, query).toBe('Which term?');
      expect(which.embeds[0]!.description, query).toContain('- **EMV (earned media value)**\n- **EMV** (team term)\n- **media value** (team term)');
    }
    expect(shown(await glossaryIn(G, store, 'emv'))).toEqual(['EMV (earned media value)', 'Team term: EMV']);
    expect(shown(await glossaryIn(G, store, 'Media Value'))).toEqual(['EMV (earned media value)', 'Team term: media value']);
  });
});

describe('/glossary shows a team term for its own built-in term only, and in its own server only', () => {
  it('shows no team term beside an unrelated built-in term', async () => {
    const store = await auditStore();
    for (const [query, builtIn] of [
      ['CPM', 'CPM (cost per thousand impressions)'],
      ['engagement rate', 'Engagement rate'],
      ['usage rights', 'Usage rights'],
    ]) {
      expect(shown(await glossaryIn(G, store, query!)), query).toEqual([builtIn]);
    }
  });

  it('shows another server none of them, by any name', async () => {
    const store = await auditStore();
    for (const [query, builtIn] of [
      ['EMV', 'EMV (earned media value)'],
      ['earned media value', 'EMV (earned media value)'],
      ['user generated content', 'UGC (user-generated content)'],
      ['whitelist', 'Whitelisting (creator licensing)'],
      ['product seeding', 'Gifting (gifted product)'],
    ]) {
      expect(shown(await glossaryIn(OTHER, store, query!)), query).toEqual([builtIn]);
      expect(shown(await glossaryIn(undefined, store, query!)), query).toEqual([builtIn]);
    }
  });
});
