/**
 * /house set and show: a refused definition explains itself with the team's own text escaped and
 * the suggested fix shown as code, as typed; own-named tiers map the way /tier answers.
 */

import { describe, expect, it } from 'vitest';
import { house } from '../src/commands/house';
import { tier } from '../src/commands/tier';
import type { Reply } from '../src/commands/types';
import { messageProblems } from '../src/commands/limits';
import { codePointCount } from '../src/domain/format';
import { MAX_HOUSE_TEXT } from '../src/domain/house';
import { memoryStore, testContext } from './support/context';
import { reasonOf } from './support/house';

const G = '200000000000000042';

async function run(args: Record<string, string>, context: ReturnType<typeof testContext>): Promise<Reply> {
  const reply = (await house.run(args as never, context)) as Reply;
  expect(messageProblems(reply)).toEqual([]);
  return reply;
}

const description = (reply: Reply) => reply.embeds[0]!.description ?? '';
/** The text outside code spans, and the code spans' contents (an escaped backtick opens none). */
const CODE_SPAN = /(?<!\\)`([^`]*)`/g;
const outsideCode = (text: string) => text.replace(CODE_SPAN, '');
const codeSpans = (text: string) => [...text.matchAll(CODE_SPAN)].map((m) => m[1]!);

describe('/house set, refused', () => {
  it('shows the suggested fix as a code span, exactly as it should be typed', async () => {
    const reply = await run({ subcommand: 'set', tiers: 'nano 1k-10k, micro 20k-75k' }, testContext({ guildId: G, manager: true, store: memoryStore() }));
    expect(reply.inputError).toBe(true);
    const problem = description(reply).split('\n\n')[0]!;
    expect(problem).toBe(
      'There is a gap between nano (1k–10k) and micro (20k–75k): 10,001–19,999 would be in no tier. Close it, or write it as a gap: `nano 1k-10k, gap, micro 20k-75k`.',
    );
    expect(problem).not.toContain('\\');
  });

  it('still escapes the team’s own text outside the code span: no bold, no link', async () => {
    const store = memoryStore();
    const ctx = testContext({ guildId: G, manager: true, store });
    const gap = description(await run({ subcommand: 'set', tiers: '**big** 1k-10k, _small_ 20k-75k' }, ctx)).split('\n\n')[0]!;
    expect(outsideCode(gap)).toContain('\\*\\*big\\*\\*');
    expect(outsideCode(gap)).not.toMatch(/(?<!\\)\*\*big/);
    // In the fix the names are as typed: inside a code span nothing formats.
    expect(codeSpans(gap)).toEqual(['**big** 1k-10k, gap, _small_ 20k-75k']);

    const overlap = description(await run({ subcommand: 'set', tiers: '[l](https://x.example) 1k-10k, b 5k-20k' }, ctx)).split('\n\n')[0]!;
    expect(overlap).toContain('\\[l\\]\\(https\\://x.example\\) (1k–10k) and b (5k–20k) overlap from 5,000 to 10,000');
    expect(overlap).not.toContain('[l](');
    expect(await store.house(G)).toBeUndefined();
  });

  it('a fix that cannot be a code span as typed (a backtick would end it, a mention would come back unescaped) is quoted, escaped, as typed', async () => {
    const store = memoryStore();
    const ctx = testContext({ guildId: G, manager: true, store });
    const tick = description(await run({ subcommand: 'set', tiers: 'a`b 1k-10k, c 20k+' }, ctx)).split('\n\n')[0]!;
    expect(tick).toBe('There is a gap between a\\`b (1k–10k) and c (20k+): 10,001–19,999 would be in no tier. Close it, or write it as a gap: "a\\`b 1k\\-10k, gap, c 20k+".');

    const mention = description(await run({ subcommand: 'set', tiers: '**big** 1k-10k, <@123> 20k-75k' }, ctx)).split('\n\n')[0]!;
    expect(codeSpans(mention)).toEqual([]);
    expect(mention).toContain('write it as a gap: "\\*\\*big\\*\\* 1k\\-10k, gap, \\<\\@123\\> 20k\\-75k".');
    expect(mention).not.toMatch(/(?<!\\)<@123>/);
    expect(await store.house(G)).toBeUndefined();
  });

  it('suggests the whole definition with the gap written, so that pasting it keeps every tier', async () => {
    const store = memoryStore();
    const ctx = testContext({ guildId: G, manager: true, store });
    const problem = async (tiers: string) => description(await run({ subcommand: 'set', tiers }, ctx)).split('\n\n')[0]!;
    const plain = await problem('nano 1k-10k, micro 10k-100k, macro 200k-1M');
    expect(plain).toBe(
      'There is a gap between micro (10k–100k) and macro (200k–1M): 100,001–199,999 would be in no tier. Close it, or write it as a gap: `nano 1k-10k, micro 10k-100k, gap, macro 200k-1M`.',
    );
    expect(await problem('nano 1k-10k, mi`cro 10k-100k, macro 200k-1M')).toContain('write it as a gap: "nano 1k\\-10k, mi\\`cro 10k\\-100k, gap, macro 200k\\-1M".');
    expect(await problem('nano 1k-10k, <@123> 10k-100k, macro 200k-1M')).toContain('write it as a gap: "nano 1k\\-10k, \\<\\@123\\> 10k\\-100k, gap, macro 200k\\-1M".');
    // Every gap at once, the largest-first definition read from the smallest, as the reply lists it.
    const several = await problem('mega 5M+, macro 200k-1M, micro 10k-100k, nano 1k-5k');
    expect(codeSpans(several)).toEqual(['nano 1k-5k, gap, micro 10k-100k, gap, macro 200k-1M, gap, mega 5M+']);
    // The fix, pasted, is set: no tier lost.
    const saved = await run({ subcommand: 'set', tiers: codeSpans(several)[0]! }, ctx);
    expect(saved.inputError).toBeUndefined();
    for (const name of ['nano', 'micro', 'macro', 'mega']) expect(description(saved)).toContain(`**${name}**`);
  });

  it('suggests only the two tiers with the gap between them when the whole definition would be too long to paste', async () => {
    // Lengths are counted as Discord counts them, in code points, and twelve names of at most 40
    // leave room for every gap: only zero-width joiners, which a name's length leaves out but the
    // definition's does not, make the whole too long. /house set refuses them (a reply would not
    // show them as typed), so such a definition is one stored before, read again.
    const people = ['👨', '👩', '👧', '👦'];
    const family = (i: number) => [0, 1, 2, 3].map((place) => people[Math.floor(i / 4 ** place) % 4]).join('\u200D');
    const name = (i: number) => `${family(27).repeat(9)}${family(i)}`;
    const tiers = Array.from({ length: 12 }, (_, i) => `${name(i)} ${i * 3 + 1}M-${i * 3 + 2}M`).join(',');
    expect(codePointCount(tiers)).toBeLessThanOrEqual(MAX_HOUSE_TEXT);
    expect(reasonOf(tiers)).toContain(`Close it, or write \`gap\` between them: \`${name(0)} 1M-2M, gap, ${name(1)} 4M-5M\`.`);
  });

  it('explains a stored definition that no longer reads the same way', async () => {
    const store = memoryStore();
    await store.setHouse(G, { text: 'micro 10k-90k, macro 100k-1M', setById: '1', setByName: 'ana', setAt: new Date(0) });
    const shown = description(await run({ subcommand: 'show' }, testContext({ guildId: G, store })));
    expect(shown).toContain('`micro 10k-90k, gap, macro 100k-1M`');
    expect(shown).not.toContain('\\`');
  });
});

describe('/house set, own names', () => {
  it('maps a tier the publishers call below influencer size to that, as /tier says of its counts', async () => {
    const store = memoryStore();
    const ctx = testContext({ guildId: G, manager: true, store });
    const saved = description(await run({ subcommand: 'set', tiers: 'tiny 0-1k, small 1k-10k, big 10k+' }, ctx));
    expect(saved).toContain('**tiny** (0–1k) → below influencer size · counts 0–999');
    expect(saved).not.toMatch(/tiny\*\* \(0–1k\) → micro/);
    const answer = (await tier.run({ followers: '500' } as never, ctx)) as Reply;
    expect(description(answer)).toContain('**Your house definition: tiny (0–1k)**');
    expect(description(answer)).toContain('Publishers: **below influencer size**');
    const exported = await run({ subcommand: 'export' }, ctx);
    const json = JSON.parse(exported.files![0]!.data.toString('utf8'));
    expect(json.house.tiers[0]).toMatchObject({ name: 'tiny', belowInfluencerSize: true });
    expect(json.house.tiers[1].belowInfluencerSize).toBeUndefined();
  });
});

describe('/house set, ranges without names', () => {
  it('takes "1k-9.9k, 10k-49.9k" as typed; /house show, /tier and /house export call each tier by its range', async () => {
    const store = memoryStore();
    const ctx = testContext({ guildId: G, manager: true, store });
    const saved = await run({ subcommand: 'set', tiers: '1k-9.9k, 10k-49.9k' }, ctx);
    expect(saved.inputError).toBeUndefined();
    const shown = description(await run({ subcommand: 'show' }, ctx));
    expect(shown).toContain('**1k–9.9k** → micro · counts 1,000–9,999');
    expect(shown).toContain('**10k–49.9k** → micro · counts 10,000–49,900');
    const answer = (await tier.run({ followers: '9950' } as never, ctx)) as Reply;
    expect(description(answer)).toContain('**Your house definition: 1k–9.9k**');
    const json = JSON.parse((await run({ subcommand: 'export' }, ctx)).files![0]!.data.toString('utf8'));
    expect(json.house.tiers.map((t: { name: string; namedByRange?: boolean }) => [t.name, t.namedByRange])).toEqual([
      ['1k–9.9k', true],
      ['10k–49.9k', true],
    ]);
    expect(messageProblems(answer)).toEqual([]);
  });
});
