/**
 * "Classify follower counts", as a user sees it: which name each count is linked to (only one
 * next to it, never another count's), ranges and amounts of money set aside whole, and an "All
 * sources" button for as many counts as Discord has room for.
 */

import { describe, expect, it } from 'vitest';
import { classifyMessage } from '../src/commands/classify-message';
import type { Reply } from '../src/commands/types';
import { messageProblems } from '../src/interactions/limits';
import { formatCount } from '../src/domain/format';
import { testContext } from './support/context';

async function classify(content: string): Promise<Reply> {
  const reply = await classifyMessage.run({ id: '500000000000000001', content, authorName: 'Lea' }, testContext());
  expect(messageProblems(reply)).toEqual([]);
  return reply;
}

/** Each count line as [the count as written, what it is linked to (name · platform), or '' for nothing]. */
function countsShown(reply: Reply): [string, string][] {
  const lines = (reply.embeds[0]!.description ?? '').split('\n').filter((l) => l.startsWith('• '));
  return lines.map((line) => {
    const m = /^• \*\*(.+?)\*\*(?: = [\d,]+)?(?: \((.+?)\))? → /.exec(line);
    if (!m) throw new Error(`unexpected line ${line}`);
    return [m[1]!, m[2] ?? ''];
  });
}

/** The "Not counted" lines, or the set-aside lines of a reply that found no count. */
function setAside(reply: Reply): string[] {
  const field = reply.embeds[0]!.fields?.find((f) => f.name === 'Not counted')?.value;
  if (field) return field.split('\n');
  const [, listed = ''] = (reply.embeds[0]!.description ?? '').split('Numbers I set aside:\n');
  return listed.split('\n\n')[0]!.split('\n').filter((l) => l !== '');
}

/** Each row: the message, the counts shown with what they are linked to, and the numbers set aside with why. */
const TABLE: [string, [string, string][], string[]][] = [
  // A count takes a name only from its own clause: the name next to it, or the one its clause shares.
  ['Léa 30 000 abonnés, Max 12,5k followers', [['30 000', 'Léa'], ['12,5k', 'Max']], []],
  ['Léa 30 000 abonnés, Ben 12,5k followers', [['30 000', 'Léa'], ['12,5k', 'Ben']], []],
  ['Léa 30 000 abonnés, kevin 12,5k followers', [['30 000', 'Léa'], ['12,5k', '']], []],
  ['Sara 45k followers, Total 60k', [['45k', 'Sara'], ['60k', '']], []],
  ['Sara has 45k on IG, her brother has 20k', [['45k', 'Sara · Instagram'], ['20k', '']], []],
  ['Ben 30k, @everyone 12k followers', [['30k', 'Ben'], ['12k', '']], []],
  ['@mia 12k, Ben 30k', [['12k', '\\@mia'], ['30k', 'Ben']], []],
  ['Sara 10k-50k followers', [['10k', 'Sara'], ['50k', 'Sara']], []],
  ['Sara has 45k on IG and 1.2M on TikTok', [['45k', 'Sara · Instagram'], ['1.2M', 'Sara · TikTok']], []],
  ['Tom 20k followers and about 35k subs on YT', [['20k', 'Tom'], ['35k', 'Tom · YouTube']], []],
  ['Sara’s IG account is at 45k and her TikTok 1.2M', [['45k', 'Sara · Instagram'], ['1.2M', 'Sara · TikTok']], []],
  ['Sara hit 100k, then 120k', [['100k', 'Sara'], ['120k', 'Sara']], []],
  // "Max" is a first name, and "at most": a creator beside other creators, or a bound.
  ['Max has 50k on TikTok', [['50k', 'Max · TikTok']], []],
  ['Max’s TikTok is at 80k', [['80k', 'Max · TikTok']], []],
  ['Looking for creators, max 50k followers', [['50k', '']], []],
  ['Requirements: Max 50k followers', [['50k', '']], []],
  ['Requirements: 50k followers', [['50k', '']], []],
  ['Sara is a fitness creator with 45k followers', [['45k', 'Sara']], []],
  ['Sara (fitness, IG): 45k', [['45k', 'Sara · Instagram']], []],
  ['Min 10k, Max 50k followers', [['10k', ''], ['50k', '']], []],
  ['Max: 12k followers\nSara: 45k followers', [['12k', 'Max'], ['45k', 'Sara']], []],
  ['Max Power has 30k', [['30k', 'Max Power']], []],
  // A range after a word that is not about followers is set aside whole.
  ['reach 10k-50k', [], ['“10k”: counts reach, not followers', '“50k”: counts reach, not followers']],
  ['views: 10k to 50k', [], ['“10k”: counts views, not followers', '“50k”: counts views, not followers']],
  ['budget 10k-50k', [], ['“10k”: a budget, not a follower count', '“50k”: a budget, not a follower count']],
  ['reach 10k-50k followers', [['10k', ''], ['50k', '']], []],
  // A money word right after a number makes it money, as it does before one.
  ['10k budget for Q3', [], ['“10k”: a budget, not a follower count']],
  ['10k monthly budget', [], ['“10k”: a budget, not a follower count']],
  ['5k-10k budget', [], ['“5k”: a budget, not a follower count', '“10k”: a budget, not a follower count']],
  ['2k fee per creator, she has 45k followers', [['45k', '']], ['“2k”: a fee, not a follower count']],
  ['20k revenue from 80k followers', [['80k', '']], ['“20k”: revenue, not a follower count']],
  ['10k followers', [['10k', '']], []],
  ['10k on IG', [['10k', 'Instagram']], []],
  ['10k subs', [['10k', '']], []],
];

describe('"Classify follower counts": names, ranges and money', () => {
  it.each(TABLE)('%j', async (message, counts, ignored) => {
    const reply = await classify(message);
    expect(countsShown(reply)).toEqual(counts);
    expect(setAside(reply)).toEqual(ignored);
  });
});

describe('"Classify follower counts": All sources buttons', () => {
  const buttonsOf = (reply: Reply) => (reply.components ?? []).flatMap((row) => row.components) as { custom_id: string; label: string }[];

  it('gives each of 24 counts its own button, in Discord’s five rows of five', async () => {
    const values = Array.from({ length: 24 }, (_, i) => (i + 1) * 1_000);
    const reply = await classify(values.map((v, i) => `Creator${String.fromCharCode(65 + i)} has ${formatCount(v)} followers`).join('\n'));
    expect(countsShown(reply)).toHaveLength(24);
    expect(buttonsOf(reply).map((b) => b.custom_id)).toEqual(values.map((v) => `tier:all:${v}`));
    expect(reply.components!.length).toBeLessThanOrEqual(5);
  });

  it('gives buttons only to counts the reply shows, 25 at most', async () => {
    const reply = await classify(Array.from({ length: 40 }, (_, i) => `${i + 1}k followers`).join(', '));
    const shown = countsShown(reply).map(([written]) => written);
    const buttons = buttonsOf(reply);
    expect(buttons).toHaveLength(25);
    for (const b of buttons) expect(shown).toContain(`${Number(b.custom_id.split(':')[2]) / 1000}k`);
  });
});
