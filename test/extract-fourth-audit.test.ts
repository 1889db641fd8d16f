/**
 * "Classify follower counts", as a user sees it: which name each count is linked to (only one
 * next to it, never another count's), ranges and amounts of money set aside whole, and an "All
 * sources" button for as many counts as Discord has room for.
 */

import { describe, expect, it } from 'vitest';
import { classifyMessage } from '../src/commands/classify-message';
import type { Reply } from '../src/commands/types';
import { messageProblems } from '../src/commands/limits';
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
  ['Sara 10k-50k followers', [], ['“10k\\-50k”: a range, not one count']],
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
  // A range is no one creator's count, as /tier says; after a word that is not about followers, it counts that.
  ['reach 10k-50k', [], ['“10k”: counts reach, not followers', '“50k”: counts reach, not followers']],
  ['views: 10k to 50k', [], ['“10k”: counts views, not followers', '“50k”: counts views, not followers']],
  ['budget 10k-50k', [], ['“10k”: a budget, not a follower count', '“50k”: a budget, not a follower count']],
  ['reach 10k-50k followers', [], ['“10k\\-50k”: a range, not one count']],
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

/** Each row as in TABLE: what a verifier found read wrongly, or dropped without a word. */
const FIFTH_AUDIT: [string, [string, string][], string[]][] = [
  // A count with its word typed on, as /tier reads it.
  ['she is at 45kfollowers on IG', [['45k', 'Instagram']], []],
  ['45Kfollowers', [['45K', '']], []],
  ['45k_followers', [['45k', '']], []],
  ['1.2Msubs on YT', [['1.2M', 'YouTube']], []],
  ['around 12kish followers', [['12k', '']], []],
  // The typographic apostrophe phones type for the Swiss grouping.
  ['45’000 followers', [["45'000", '']], []],
  // A range is one thing, set aside as /tier refuses it; a change from one count to another is no range.
  ['creators 10k-50k, or 5-10k followers', [], ['“10k\\-50k”: a range, not one count', '“5\\-10k”: a range, not one count']],
  ['between 10k and 50k', [], ['“between 10k and 50k”: a range, not one count']],
  ['from 20k to 40k followers', [], ['“from 20k to 40k”: a range, not one count']],
  ['she went from 12k to 30k followers', [['30k', '']], ['“12k”: an earlier count, before a change']],
  // Platforms named together: each count its own, or one count for them all.
  ['IG/TT: 45k/12k', [['45k', 'Instagram'], ['12k', 'TikTok']], []],
  ['45k/12k on IG/TT', [['45k', 'Instagram'], ['12k', 'TikTok']], []],
  ['ig + tt: 57k total', [['57k', 'Instagram + TikTok']], []],
  ['Sara has 45k on IG and TikTok 1.2M', [['45k', 'Sara · Instagram'], ['1.2M', 'Sara · TikTok']], []],
  ['Sara has 45k (on IG) and 12k [TT]', [['45k', 'Sara · Instagram'], ['12k', 'Sara · TikTok']], []],
  // Handles exactly as written.
  ['@_sara_x_ has 45k, instagram.com/__tom__ 30k', [['45k', '\\@\\_sara\\_x\\_'], ['30k', '\\@\\_\\_tom\\_\\_ · Instagram']], []],
  ['**@mia_** 12k, __@ben__ 30k', [['12k', '\\@mia\\_'], ['30k', '\\@ben']], []],
  // Not a creator's count, said why.
  ['celebrating #10k 🎉', [], ['“\\#10k”: a hashtag']],
  ['#100k followers, thank you!', [], ['“\\#100k”: a hashtag']],
  ['~~1M~~ 900k', [['900k', '']], ['“1M”: struck through']],
  ['10.30am call', [], ['“10.30am”: a time']],
  ['2x the reach', [], ['“2x”: a multiplier or a size, not a follower count']],
  ['0x10', [], ['“0x10”: a hexadecimal number']],
];

describe('"Classify follower counts": words typed on, ranges, platforms named together, handles, hashtags', () => {
  it.each(FIFTH_AUDIT)('%j', async (message, counts, ignored) => {
    const reply = await classify(message);
    expect(countsShown(reply)).toEqual(counts);
    expect(setAside(reply)).toEqual(ignored);
  });

  it('titles a message with a range and one count as one count', async () => {
    const reply = await classify('Sara has 45k; we want 10k-50k followers');
    expect(reply.embeds[0]!.title).toBe('1 follower count in Lea’s message');
    expect(countsShown(reply)).toEqual([['45k', 'Sara']]);
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
