/**
 * "Did you mean …": an unknown /glossary term or /tiers source gets a short input error only the
 * asker sees, with buttons that open the suggestion in place; a source nothing resembles gets a few
 * publishers to try, and a term nothing resembles the start-here terms; a lookup of digits and signs
 * alone names no publisher or term by a part of a number.
 */

import { MessageFlags } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { embedLength } from '../src/commands/limits';
import { glossary } from '../src/commands/glossary';
import { tiers } from '../src/commands/tiers';
import type { Reply } from '../src/commands/types';
import { messageProblems } from '../src/commands/limits';
import { memoryStore, testComponentContext, testContext } from './support/context';

const text = (reply: Reply) => reply.embeds.map((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text].join('\n')).join('\n');
const ids = (reply: Reply) => (reply.components ?? []).flatMap((row) => row.components.map((c) => ('custom_id' in c ? c.custom_id : '')));
const tiersRun = (source?: string, ctx = testContext()) => tiers.run(source === undefined ? {} : ({ source } as never), ctx) as Promise<Reply>;
const glossaryRun = (term: string, ctx = testContext()) => glossary.run({ term } as never, ctx) as Promise<Reply>;

/** A short input error only the asker sees, within Discord's limits. */
function expectShortInputError(reply: Reply, title: string): void {
  expect(reply.embeds[0]!.title).toBe(title);
  expect(reply.inputError).toBe(true);
  expect(reply.flags).toBe(MessageFlags.Ephemeral);
  expect(embedLength(reply.embeds[0]!)).toBeLessThanOrEqual(500);
  expect(messageProblems(reply)).toEqual([]);
}

describe('/glossary: an unknown term', () => {
  it('suggests the terms one slip away, as buttons that open them in place', async () => {
    // A letter changed in three is as likely another word as a typo: suggested, not answered.
    const ugx = await glossaryRun('ugx');
    expectShortInputError(ugx, 'Unknown term');
    expect(text(ugx)).toMatch(/I have no term "ugx"\. Did you mean \*\*UGC \(user-generated content\)\*\*\?/);
    expect(ids(ugx)).toEqual(['glossary:term:ugc:own']);
    const opened = await glossary.component!('glossary:term:ugc:own', [], testComponentContext());
    expect(opened.mode).toBe('update');
    expect(opened.reply.embeds[0]!.title).toBe('UGC (user-generated content)');

    const cpx = await glossaryRun('cpx');
    expectShortInputError(cpx, 'Unknown term');
    expect(text(cpx)).toContain('Did you mean');
    expect(ids(cpx)).toEqual(expect.arrayContaining(['glossary:term:cpe:own', 'glossary:term:cpc:own']));
    expect(ids(cpx).length).toBeLessThanOrEqual(3);
  });

  it("suggests the team's own terms too, escaped", async () => {
    const store = memoryStore();
    await store.addTerm('42', { name: 'Q*R', definition: 'Quarterly review.', addedById: '1', addedByName: 'ana', updatedAt: new Date(0) });
    const reply = await glossaryRun('qbr', testContext({ guildId: '42', store }));
    expectShortInputError(reply, 'Unknown term');
    expect(text(reply)).toContain('Did you mean **Q\\*R** (team term)?');
    expect(ids(reply)[0]).toMatch(/^glossary:teamkey:/);
  });

  it('offers no look-alike for what resembles no term, but the start-here terms, as buttons, as /tiers offers publishers to try', async () => {
    const reply = await glossaryRun('xyz');
    expectShortInputError(reply, 'Unknown term');
    expect(text(reply).replace(/\*\*/g, '')).toContain('I have no term "xyz". New here? Try Influencer tiers, Nano-influencer, Micro-influencer.');
    expect(text(reply)).not.toContain('Did you mean');
    expect(ids(reply)).toHaveLength(3);
  });
});

describe('/tiers: an unknown source', () => {
  it('suggests the publishers one slip away, as buttons that open them in place', async () => {
    const reply = await tiersRun('inx');
    expectShortInputError(reply, 'Unknown source');
    expect(text(reply)).toContain('I have no publisher called "inx". Did you mean **Inc.**?');
    expect(ids(reply)).toEqual(['tiers:pub:inc']);
    const opened = await tiers.component!('tiers:pub:inc', [], testComponentContext());
    expect(opened.mode).toBe('update');
    expect(opened.reply.embeds[0]!.title).toBe('Inc.');
  });

  it('offers a few publishers to try when none is close, and the overview', async () => {
    for (const query of ['xyz', 'zzzkix']) {
      const reply = await tiersRun(query);
      expectShortInputError(reply, 'Unknown source');
      const shown = text(reply);
      expect(shown, query).toContain(`I have no publisher called "${query}", nor one close to it. Some to try: **Mediakix**, **HypeAuditor**, **CNBC**.`);
      expect(shown, query).toContain('/tiers with no source for all of them');
      expect(ids(reply), query).toEqual(['tiers:pub:mediakix', 'tiers:pub:hypeauditor', 'tiers:pub:cnbc']);
    }
  });
});

describe('a lookup of digits and signs alone', () => {
  it('names no publisher and no term by a part of a number: "-1" is not Adweek (under 10,000), "1" is not CPME (per 1,000)', async () => {
    for (const query of ['-1', '$-5', '1', '10']) {
      expectShortInputError(await tiersRun(query), 'Unknown source');
      expectShortInputError(await glossaryRun(query), 'Unknown term');
    }
  });

  it('still finds a whole number that names something: a year', async () => {
    expect((await tiersRun('2017')).embeds[0]!.title).toBe('Which publisher?');
  });
});
