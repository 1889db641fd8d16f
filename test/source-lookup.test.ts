/**
 * /tiers source: what it opens and what it refuses. A clear best match is close to a whole name
 * (a typo of it, or whole words that make up a fair part of it), never one word it shares with a
 * title or a fragment of a name; the command opens only what autocomplete offers first, and
 * refuses what autocomplete offers nothing for.
 */

import { MessageFlags } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { tiers } from '../src/commands/tiers';
import type { Reply } from '../src/commands/types';
import { messageProblems } from '../src/commands/limits';
import { testContext } from './support/context';

const run = (source: string) => tiers.run({ source } as never, testContext()) as Promise<Reply>;
const suggest = async (value: string) => (await tiers.autocomplete!({ name: 'source', value }, {}, testContext())).map((c) => c.value);
/** The publisher a page shows: the one its menu marks as chosen. */
const shownPublisher = (reply: Reply) =>
  (reply.components ?? []).flatMap((row) => row.components).flatMap((c) => ('options' in c ? c.options : [])).find((o) => o.default)?.value;
const ids = (reply: Reply) => (reply.components ?? []).flatMap((row) => row.components.map((c) => ('custom_id' in c ? c.custom_id : '')));

describe('/tiers source: a clear best match is close to a whole name', () => {
  it('opens a typo or a whole word of a real publisher’s name, saying what it read', async () => {
    for (const [query, title] of [
      ['mediakx', 'Mediakix'],
      ['hootsuit', 'Hootsuite'],
      ['sprout', 'Sprout Social'],
      ['hypeaditor', 'HypeAuditor'],
    ] as const) {
      const reply = await run(query);
      expect(reply.embeds[0]!.title, query).toBe(title);
      expect(reply.embeds[0]!.description, query).toMatch(new RegExp(`^Showing ${title} for "${query}"\\.`));
    }
    expect((await run('cnbc')).embeds[0]!.title).toBe('CNBC');
  });

  it('refuses a name that is no publisher’s, one word shared with titles, or a fragment, with suggestions to press', async () => {
    for (const query of ['Influencer Marketing Hub', 'influencermarketinghub', 'influencer', 'marketing', '||sp||']) {
      const reply = await run(query);
      expect(reply.embeds[0]!.title, query).toBe('Unknown source');
      expect(reply.inputError, query).toBe(true);
      expect(reply.flags, query).toBe(MessageFlags.Ephemeral);
      expect(ids(reply).length, query).toBeGreaterThan(0);
      expect(ids(reply).every((id) => id.startsWith('tiers:pub:')), query).toBe(true);
      expect(messageProblems(reply), query).toEqual([]);
    }
    // The fragment is shown back escaped, and the publisher it starts is offered.
    const fragment = await run('||sp||');
    expect(fragment.embeds[0]!.description).toContain('"\\|\\|sp\\|\\|"');
    expect(ids(fragment)).toContain('tiers:pub:sprout-social');
  });

  it('knows a publisher Tierbot cites for other figures, and says it has no tier definition from it', async () => {
    for (const [query, publisher, figure] of [
      // Both of Ad Age's: the fee, and the 2021 piece the overview's caveat quotes.
      ['ad age', 'Ad Age', 'Kim Kardashian West’s fee per sponsored Instagram post (2020); that influencer tiers have no industry standard (2021)'],
      ['minter', 'Minter.io', '“How much reach should my brand be getting on Instagram?” (2019)'],
    ] as const) {
      const reply = await run(query);
      expect(reply.inputError, query).toBe(true);
      expect(reply.embeds[0]!.description, query).toContain(`I have no tier definition from ${publisher}; Tierbot cites it for other figures: ${figure}.`);
      expect(reply.embeds[0]!.description, query).not.toMatch(/Did you mean/);
      expect(messageProblems(reply), query).toEqual([]);
    }
  });

  it('opens only what autocomplete offers first, and refuses what autocomplete offers nothing for', async () => {
    const queries = [
      'Influencer Marketing Hub', 'influencermarketinghub', 'influencer', 'marketing', '||sp||', 'sp', 'mediakx', 'hootsuit',
      'sprout', 'cnbc', 'medium', 'japanese', 'tagger', 'hypeaditor', 'digital', 'agency', 'terminology', 'standrd terminolgy in influencr marketng',
    ];
    const seen = { opened: 0, refusedWithNothingOffered: 0, refusedPointingAtFirstOffered: 0 };
    for (const query of queries) {
      const reply = await run(query);
      const offered = await suggest(query);
      if (reply.flags !== MessageFlags.Ephemeral) {
        expect(shownPublisher(reply), query).toBe(offered[0]);
        seen.opened++;
      } else if (offered.length === 0) {
        expect(reply.embeds[0]!.title, query).toBe('Unknown source');
        seen.refusedWithNothingOffered++;
      } else {
        // Refused though autocomplete offers something: "Did you mean" names what it offers first, and its button comes first.
        const first = (reply.components ?? []).flatMap((row) => row.components)[0];
        expect(reply.embeds[0]!.title, query).toBe('Unknown source');
        expect(first && 'custom_id' in first ? first.custom_id : undefined, query).toBe(`tiers:pub:${offered[0]}`);
        expect(reply.embeds[0]!.description, query).toContain(`Did you mean **${first && 'label' in first ? first.label : ''}**`);
        seen.refusedPointingAtFirstOffered++;
      }
    }
    for (const [branch, queriesThere] of Object.entries(seen)) expect(queriesThere, branch).toBeGreaterThan(0);
  });
});

describe('/tiers source: a publisher with the word "tiers", and names ending in a full stop', () => {
  it('"cnbc tiers" and "the influence agency tiers" open the publisher, as "mediakix tiers" does', async () => {
    for (const [query, title] of [
      ['cnbc tiers', 'CNBC'],
      ['the influence agency tiers', 'The Influence Agency'],
      ['mediakix tiers', 'Mediakix'],
    ] as const) {
      expect((await run(query)).embeds[0]!.title, query).toBe(title);
    }
  });

  it('a one-word name typed in two ("hype auditor tiers", "media kix tiers") opens the publisher, and autocomplete offers it', async () => {
    for (const [query, title] of [
      ['hype auditor tiers', 'HypeAuditor'],
      ['tiers hype auditor', 'HypeAuditor'],
      ['media kix tiers', 'Mediakix'],
    ] as const) {
      expect((await run(query)).embeds[0]!.title, query).toBe(title);
      expect((await suggest(query))[0], query).toBe(title.toLowerCase());
    }
  });

  it('"later x fohr" (an x for ×) opens Later × Fohr', async () => {
    expect((await run('later x fohr')).embeds[0]!.title).toBe('Later × Fohr');
  });

  it('a choice ending in "Inc." has one full stop', async () => {
    const d = (await run('L2 inc')).embeds[0]!.description!;
    expect(d).toContain('**L2**, **Inc.** Press one to open it.');
  });
});

describe('/tiers source: a year the publisher did not publish in', () => {
  it('"Mediakix 2020" still opens Mediakix: a number is no typo of a word', async () => {
    expect((await run('Mediakix 2020')).embeds[0]!.title).toBe('Mediakix');
  });
});
