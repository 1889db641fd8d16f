/**
 * How the publishers' vote is counted is said in /tier's footer, /tiers' footer and both "All
 * sources" lists: the copies of another's table and an outlet's readings are read from the
 * registry, so a copy or a reading added to it is named there without anyone retyping a sentence.
 */

import { describe, expect, it } from 'vitest';
import { tier } from '../src/commands/tier';
import { tiers } from '../src/commands/tiers';
import type { Reply } from '../src/commands/types';
import { PUBLISHERS, SOURCES, sourceById, votingWords, type Source } from '../src/domain/sources';
import { testComponentContext, testContext } from './support/context';

const ONE_VOTE = 'One vote per publisher: Hootsuite shares Mediakix’s table and Adweek’s two readings count once.';
const COPY_RULE =
  'Each publisher votes once. Hootsuite repeats Mediakix’s five tiers word for word, so it is shown as sharing Mediakix’s definition and does not vote again.';
const READING_RULE =
  'Adweek gives two readings in one sentence (under 10,000; 500 to 5,000). They count as one voter, for whichever tier either reading gives.';

/** Every page of an "All sources" reply, as its Next button pages it. */
async function allPages(press: (page: number) => Promise<Reply>): Promise<string> {
  const first = await press(0);
  const count = Number(/of (\d+)/.exec(first.embeds[0]!.footer?.text ?? '')?.[1] ?? 1);
  const rest = await Promise.all(Array.from({ length: count - 1 }, (_, i) => press(i + 1)));
  return [first, ...rest].map((r) => r.embeds[0]!.description).join('\n');
}

const pressed = async (command: typeof tier | typeof tiers, id: string) => (await command.component!(id, [], testComponentContext())).reply;

/** A publisher of the real registry, repeated under another name as `role`. */
function another(of: string, changes: Partial<Source>): Source {
  const source = sourceById(of)!;
  return { ...source, id: `${changes.publisherId}-${source.id}`, notes: [], ...changes };
}

describe('how the vote is counted', () => {
  it('says in /tier, /tiers and both lists of every source that each publisher votes once: Hootsuite shares Mediakix’s table and Adweek’s two readings count once', async () => {
    const tierReply = (await tier.run({ followers: '30k' } as never, testContext())) as Reply;
    expect(tierReply.embeds[0]!.footer?.text).toBe(`No industry standard exists. ${ONE_VOTE} Press "All sources" for each publisher’s answer and citation.`);
    const overview = (await tiers.run({} as never, testContext())) as Reply;
    expect(overview.embeds[0]!.footer?.text).toBe('Hootsuite shares Mediakix’s table.');

    const tierAll = await allPages((page) => pressed(tier, page === 0 ? 'tier:all:30000' : `tier:page:30000:${page}`));
    const tiersAll = await allPages((page) => pressed(tiers, page === 0 ? 'tiers:all' : `tiers:page:${page}`));
    for (const all of [tierAll, tiersAll]) expect(all).toContain(`**How the vote is counted**\n• ${COPY_RULE}\n• ${READING_RULE}\n• A publisher with several definitions`);

    expect(votingWords()).toEqual({ copies: 'Hootsuite shares Mediakix’s table', oneVote: ONE_VOTE, rules: expect.arrayContaining([COPY_RULE, READING_RULE]) });
  });

  it('names a copy of another’s table added to the registry', () => {
    const acme = another('later-fohr', { name: 'Acme', publisher: 'Acme', publisherId: 'acme', role: 'copy', copyOf: 'later-fohr' });
    const words = votingWords([...SOURCES, acme]);
    expect(words.copies).toBe('Hootsuite shares Mediakix’s table and Acme shares Later × Fohr’s table');
    expect(words.oneVote).toBe('One vote per publisher: Hootsuite shares Mediakix’s table, Acme shares Later × Fohr’s table and Adweek’s two readings count once.');
    expect(words.rules[0]).toBe(`${COPY_RULE} Acme repeats Later × Fohr’s five tiers word for word, so it is shown as sharing Later × Fohr’s definition and does not vote again.`);

    // A second copy of the same table is named beside the first.
    const copyOfMediakix = another('hootsuite', { name: 'Acme', publisher: 'Acme', publisherId: 'acme' });
    expect(votingWords([...SOURCES, copyOfMediakix]).copies).toBe('Hootsuite and Acme share Mediakix’s table');
  });

  it('names a reading added to the registry, and says "in one sentence" only of readings quoted from one line', () => {
    const third = another('adweek-500-5000', { publisherId: 'adweek', tiers: [{ ...sourceById('fiveable')!.tiers[0]! }] });
    const words = votingWords([...SOURCES, third]);
    expect(words.oneVote).toBe('One vote per publisher: Hootsuite shares Mediakix’s table and Adweek’s three readings count once.');
    expect(words.rules).toContain(
      'Adweek gives three readings in one sentence (under 10,000; 500 to 5,000; 1,000 to 100,000). They count as one voter, for whichever tier any reading gives.',
    );

    // Duel's definition and a reading of it from another page: two readings, not one sentence.
    const duel = sourceById('duel')!;
    const elsewhere = another('duel', { publisherId: 'duel', role: 'reading', what: 'a newsletter', url: 'https://example.com/duel' });
    const twoPages = votingWords([...SOURCES.filter((s) => s !== duel), { ...duel, role: 'reading' }, elsewhere]);
    expect(twoPages.oneVote).toBe('One vote per publisher: Hootsuite shares Mediakix’s table, Adweek’s two readings count once and Duel’s two readings count once.');
    expect(twoPages.rules.find((r) => r.startsWith('Duel'))).toMatch(/^Duel gives two readings \(nano 1,000 to 10,000, micro 10,000 to 50,000, .*; nano 1,000 to 10,000, .*\)\. They count as one voter/);
  });

  it('says no more than "one vote per publisher" of a registry without copies or readings', () => {
    const words = votingWords(SOURCES.filter((s) => s.role === 'votes'));
    expect(words).toMatchObject({ copies: '', oneVote: 'One vote per publisher.' });
    expect(words.rules[0]).toBe('Each publisher votes once.');
  });

  it('names, among the definitions shown beside a vote, every publisher that has one', () => {
    const besideRule = votingWords().rules.find((r) => r.startsWith('A publisher with several definitions'))!;
    const withBeside = PUBLISHERS.filter((p) => p.sources.some((s) => s.role === 'beside'));
    expect(withBeside.length).toBeGreaterThan(0);
    for (const p of withBeside) expect([' ', '’'].some((after) => besideRule.includes(`${p.label}${after}`)), p.label).toBe(true);
  });
});
