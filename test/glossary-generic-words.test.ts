/**
 * /glossary's forgiving lookups: a query that fits several terms is answered with them together.
 * "rate" fits engagement rate, conversion rate, reach rate, click-through rate and more: it gets
 * "Which term?", not one alias's term, and no generic word is any term's alias, in the command and
 * the autocomplete alike. Also terms typed with another word, plurals, possessives and typos.
 */

import { ComponentType, MessageFlags } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { glossary } from '../src/commands/glossary';
import type { Reply } from '../src/commands/types';
import { messageProblems } from '../src/commands/limits';
import { TERMS, termsNamedWith } from '../src/domain/glossary';
import { testComponentContext, testContext } from './support/context';

const run = (term: string) => glossary.run({ term } as never, testContext()) as Promise<Reply>;
const buttons = (reply: Reply) =>
  (reply.components ?? []).flatMap((row) => row.components).flatMap((c) => (c.type === ComponentType.Button && 'custom_id' in c ? [c] : []));

const RATE_TERMS = [
  'Engagement rate',
  'Engagement rate (by followers)',
  'Engagement rate (by reach)',
  'Engagement rate (by views)',
  'Click-through rate',
  'Influencer rate (price per post)',
  'Conversion rate',
  'Reach rate',
];

describe('/glossary: a generic word', () => {
  it.each(['rate', 'Rate', 'rates', 'raet', 'rrate', 'ratee'])('%j (typos included) asks which term, offering every term named with it', async (query) => {
    const reply = await run(query);
    expect(reply.embeds[0]!.title).toBe('Which term?');
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
    for (const name of RATE_TERMS) expect(reply.embeds[0]!.description, name).toContain(`**${name}**`);
    expect(buttons(reply).map((b) => b.label)).toEqual(expect.arrayContaining(RATE_TERMS));
    expect(messageProblems(reply)).toEqual([]);
  });

  it('opens the term a button names, for the presser alone', async () => {
    const reply = await run('rate');
    const conversion = buttons(reply).find((b) => b.label === 'Conversion rate')!;
    const opened = await glossary.component!(conversion.custom_id, [], testComponentContext());
    expect(opened.reply.embeds[0]!.title).toBe('Conversion rate');
  });

  it.each([
    ['cpe', 'CPE (cost per engagement)'],
    ['cpm', 'CPM (cost per thousand impressions)'],
    ['ugc', 'UGC (user-generated content)'],
    ['engagement rate', 'Engagement rate'],
    ['reach', 'Reach'],
    ['price per post', 'Influencer rate (price per post)'],
    ['influencer rate', 'Influencer rate (price per post)'],
    ['conversion', 'Conversion rate'],
    ['macro', 'Macro-influencer'],
    ['mega', 'Mega-influencer'],
    ['emv', 'EMV (earned media value)'],
  ])('opens %j directly: an exact name or a specific alias', async (query, title) => {
    const reply = await run(query);
    expect(reply.embeds[0]!.title).toBe(title);
    expect(reply.flags).toBeUndefined();
  });
});

describe('a generic word is no term’s alias', () => {
  it('every alias, name and id opens its own term, as the autocomplete ranks it first', async () => {
    for (const t of TERMS) {
      for (const key of [t.id, t.name, ...t.aliases]) {
        const reply = await run(key);
        expect(reply.embeds[0]!.title, `${t.id} by "${key}"`).toBe(t.name);
      }
    }
  });

  it('"rate" offers every rate term in the autocomplete, alphabetically, none ranked first as if it were the word', async () => {
    const choices = await glossary.autocomplete!({ name: 'term', value: 'rate' }, {}, testContext());
    const family = termsNamedWith('rate').map((t) => t.name);
    expect(family).toHaveLength(8);
    const sorted = [...family].sort((a, b) => a.localeCompare(b, 'en'));
    expect(choices.slice(0, family.length).map((c) => c.name)).toEqual(sorted);
    // "Which term?" lists them in the same order.
    const which = await run('rate');
    expect(which.embeds[0]!.title).toBe('Which term?');
    expect(buttons(which).map((b) => b.label)).toEqual(sorted);
  });
});

describe('/glossary: a term typed with another word ("kol influencer", "ugc creator")', () => {
  it('offers the term the query names whole first, beside the typo reading, rather than opening the typo reading', async () => {
    const kol = await run('kol influencer');
    expect(kol.embeds[0]!.title).toBe('Which term?');
    expect(buttons(kol).map((b) => b.label)).toEqual(['KOL (key opinion leader)', 'Top influencer']);
    expect(buttons(await run('ugc creator')).map((b) => b.label)[0]).toBe('UGC (user-generated content)');
    expect(messageProblems(kol)).toEqual([]);
  });

  it('suggests it first when nothing else fits: "KOL marketing"', async () => {
    const reply = await run('KOL marketing');
    expect(reply.embeds[0]!.title).toBe('Unknown term');
    expect(reply.embeds[0]!.description).toContain('Did you mean **KOL (key opinion leader)**,');
  });

  it('still opens a plural or a typo of one term whose words are the term’s own: "engagement rates", "micro influencers", "top influencers"', async () => {
    expect((await run('engagement rates')).embeds[0]!.title).toBe('Engagement rate');
    expect((await run('micro influencers')).embeds[0]!.title).toBe('Micro-influencer');
    expect((await run('top influencers')).embeds[0]!.title).toBe('Top influencer');
  });

  it('autocomplete lists the term named whole too', async () => {
    const choices = await glossary.autocomplete!({ name: 'term', value: 'kol influencer' }, {} as never, testContext());
    expect(choices.map((c) => c.value)).toEqual(expect.arrayContaining(['kol', 'top-influencer']));
  });
});

describe('/glossary: a typo reading may not spend all its typos on one word', () => {
  it('"engagement bait" is no term, not Engagement rate opened for everyone: the term typed whole is suggested first', async () => {
    const reply = await run('engagement bait');
    expect(reply.embeds[0]!.title).toBe('Unknown term');
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
    expect(reply.embeds[0]!.description).toContain('Did you mean **Engagement**, **Engagement rate**');
  });

  it.each([
    ['cost per clik', 'CPC (cost per click)'],
    ['brand ambasador', 'Brand ambassador'],
    ['midtier influncer', 'Mid-tier influencer'],
    ['sponsered post', 'Sponsored post'],
    ['engagment rate by reech', 'Engagement rate (by reach)'],
  ])('a typo in each of its words still opens the term: %j', async (query, title) => {
    expect((await run(query)).embeds[0]!.title).toBe(title);
  });
});

describe('/glossary: short words, one-word typos and mid-word matches', () => {
  it('a short word left out or changed does not spoil a clear reading: "cost of acquisition", "cost per a click"', async () => {
    expect((await run('cost of acquisition')).embeds[0]!.title).toBe('CPA (cost per acquisition)');
    expect((await run('cost per a click')).embeds[0]!.title).toBe('CPC (cost per click)');
  });

  it('an ordinary word two letters from a term is asked about, not opened for everyone: "reading" (seeding), "depression"', async () => {
    for (const query of ['reading', 'depression']) {
      const reply = await run(query);
      expect(reply.embeds[0]!.title, query).toBe('Unknown term');
      expect(reply.flags, query).toBe(MessageFlags.Ephemeral);
    }
  });

  it('"ER rate" suggests Engagement rate (ER is its alias), not Influencer rate, whose name only holds "er rate" mid-word', async () => {
    const reply = await run('ER rate');
    expect(reply.embeds[0]!.description).toContain('Did you mean **Engagement rate**');
    expect(reply.embeds[0]!.description).not.toContain('Influencer rate');
  });

  it('"cost per 1,000 impressions" opens CPM', async () => {
    expect((await run('cost per 1,000 impressions')).embeds[0]!.title).toBe('CPM (cost per thousand impressions)');
  });

  it.each([
    ['cost per thousand engagements', 'CPME (cost per thousand engagements)'],
    ['cost per thousand impressions', 'CPM (cost per thousand impressions)'],
    ['user-generated content', 'UGC (user-generated content)'],
  ])('"%s", what an abbreviation spells out, opens %s as its name would, with no "Showing … for"', async (query, title) => {
    const reply = await run(query);
    expect(reply.embeds[0]!.title).toBe(title);
    expect(reply.embeds[0]!.description).not.toContain('Showing');
  });

  it('autocomplete offers a term typed whole with one word more beside a reading with two typos, and first where the typos fall on one word', async () => {
    const choices = await glossary.autocomplete!({ name: 'term', value: 'kol influencer' }, {} as never, testContext());
    expect(choices.slice(0, 3).map((c) => c.value)).toEqual(expect.arrayContaining(['kol', 'top-influencer']));
    const bait = await glossary.autocomplete!({ name: 'term', value: 'engagement bait' }, {} as never, testContext());
    expect(bait[0]!.value).toBe('engagement');
  });
});

describe('/glossary autocomplete offers first the term the command opens for a plural or possessive', () => {
  it.each([
    ['ERs', 'engagement-rate'],
    ['engagements', 'engagement'],
    ["influencer's", 'influencer'],
    ["micro influencer's", 'micro-influencer'],
  ])('%j', async (typed, id) => {
    const choices = await glossary.autocomplete!({ name: 'term', value: typed }, {} as never, testContext());
    expect(choices[0]!.value).toBe(id);
    const reply = await run(typed);
    expect(reply.embeds[0]!.title!.toLowerCase()).toContain(choices[0]!.name.toLowerCase().split(' (')[0]!);
  });
});

describe('/glossary: plurals with typos, filler words, a typo in the first word, and two-letter aliases typed by mistake', () => {
  it.each([
    ['engagments', 'Engagement'],
    ['influencrs', 'Influencer'],
    ['afiliates', 'Affiliate (commission) deal'],
    ['ovrlaps', 'Audience overlap'],
    ['conversion raets', 'Conversion rate'],
  ])('a plural with a typo still opens the term: %j', async (query, title) => {
    expect((await run(query)).embeds[0]!.title).toBe(title);
  });

  it('a filler word and a typo suggest the term meant, not a choice without it', async () => {
    const reply = await run('what is engagement rate by folowers');
    expect(reply.embeds[0]!.title).toBe('Unknown term');
    expect(reply.embeds[0]!.description).toContain('**Engagement rate (by followers)**');
  });

  it('autocomplete keeps the whole reading first when the first word has a typo: "celebrty influencer", "reach rte"', async () => {
    for (const [typed, id] of [
      ['celebrty influencer', 'celebrity-influencer'],
      ['reach rte', 'reach-rate'],
      ['regulr influencer', 'regular-influencer'],
    ] as const) {
      const choices = await glossary.autocomplete!({ name: 'term', value: typed }, {} as never, testContext());
      expect(choices[0]!.value, typed).toBe(id);
    }
  });

  it('"cost er click" opens CPC: a two-letter alias (ER) typed by mistake for a word is not offered', async () => {
    expect((await run('cost er click')).embeds[0]!.title).toBe('CPC (cost per click)');
  });
});
