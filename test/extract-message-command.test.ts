/**
 * The "Classify follower counts" message command, as a user sees it: one line per count with the
 * name and platform it is linked to (only the one next to it, never another count's), the house tier
 * where the server has one, ranges, money and other numbers set aside whole with the reason, a count
 * given many times listed once with ×N, "mil" read as /tier reads it, "All sources" buttons for as
 * many counts as Discord has room for, and a long list answered to its asker alone.
 */

import { MessageFlags } from 'discord-api-types/v10';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LINES_ROOM, LONG_LIST_NOTE, MAX_SOURCE_BUTTONS, classifyMessage, definition } from '../src/commands/classify-message';
import { PUBLIC_TEXT_LIMIT } from '../src/commands/embeds';
import { tier } from '../src/commands/tier';
import type { Reply } from '../src/commands/types';
import { embedLength, messageProblems } from '../src/commands/limits';
import { formatCount } from '../src/domain/format';
import { consensusFor } from '../src/domain/consensus';
import { memoryStore, testComponentContext, testContext } from './support/context';

const message = (content: string, authorName: string | undefined = 'Lea') => ({ id: '500000000000000001', content, authorName });

async function classify(content: string, context = testContext()): Promise<Reply> {
  const reply = await classifyMessage.run(message(content), context);
  expect(messageProblems(reply)).toEqual([]);
  return reply;
}

const lines = (reply: Reply) => (reply.embeds[0]!.description ?? '').split('\n').filter((l) => l.startsWith('• '));

describe('"Classify follower counts"', () => {
  it('is a message command, installable by users, usable everywhere', () => {
    expect(definition).toMatchObject({ type: 3, name: 'Classify follower counts', integration_types: [0, 1], contexts: [0, 1, 2] });
    expect(classifyMessage.kind).toBe('message');
    expect(classifyMessage.componentPrefix).toBe('counts');
  });

  it('gives one compact line per count, with its platform and name, and the publishers’ answer', async () => {
    const reply = await classify('Sara has 45k on IG and 1.2M on TikTok');
    const [first, second] = lines(reply);
    expect(lines(reply)).toHaveLength(2);
    expect(first).toBe(`• **45k** = 45,000 (Sara · Instagram) → ${consensusFor(45_000).line}`);
    expect(second).toBe(`• **1.2M** = 1,200,000 (Sara · TikTok) → ${consensusFor(1_200_000).line}`);
    expect(reply.embeds[0]!.title).toBe('2 follower counts in Lea’s message');
    expect(reply.flags).toBeUndefined();
  });

  it('puts the house tier first where the server has one', async () => {
    const store = memoryStore();
    await store.setHouse('42', { text: 'seed 1k-10k, growth 10k-100k, star 100k+', setById: '1', setByName: 'm', setAt: new Date('2026-12-01T00:00:00Z') });
    const reply = await classify('Sara: 45k followers, Tom: 500 followers', testContext({ guildId: '42', store }));
    const [sara, tom] = lines(reply);
    // After "publishers:" the answer reads on in lower case and says "publishers" once.
    expect(sara).toBe('• **45k** = 45,000 (Sara) → house: **growth** (10k–100k); publishers: **micro** — 13 of 21 agree.');
    expect(tom).toBe('• **500** (Tom) → house: below seed, the lowest house tier (from 1k); publishers: **below influencer size** — 7 of 21 agree.');
  });

  it('goes on without the house definition when the store fails, and says so', async () => {
    const store = { ...memoryStore(), house: async () => Promise.reject(new Error('down')) };
    const reply = await classify('45k followers', testContext({ guildId: '42', store }));
    expect(reply.embeds[0]!.description).toContain('house definition is unavailable right now');
    expect(lines(reply)).toHaveLength(1);
  });

  it('sets a number with an exponent aside whole, as /tier refuses it', async () => {
    for (const text of ['followers: 1.2E+06', '1e3 followers', '1.2E-06 followers']) {
      const reply = await classify(text);
      expect(reply.inputError, text).toBe(true);
      expect(reply.embeds[0]!.description, text).toMatch(/Numbers I set aside:\n“[\d.eE+\\-]+”: a number with an exponent; write the count out\n/);
    }
  });

  it('lists what it set aside and why', async () => {
    const reply = await classify('45k followers; call at 10:30 on 12/05, $5k budget, <@123456789012345678>');
    const ignored = reply.embeds[0]!.fields!.find((f) => f.name === 'Not counted')!.value;
    expect(ignored).toContain('a time');
    expect(ignored).toContain('a date');
    expect(ignored).toContain('a price');
    expect(ignored).toContain('a mention');
    expect(ignored).not.toContain('<@123456789012345678>');
  });

  it('counts every platform’s number when slashes separate them, and sets none aside', async () => {
    const reply = await classify('Instagram: 45k / TikTok: 1.2M / YouTube: 300k');
    expect(lines(reply)).toEqual([
      `• **45k** = 45,000 (Instagram) → ${consensusFor(45_000).line}`,
      `• **1.2M** = 1,200,000 (TikTok) → ${consensusFor(1_200_000).line}`,
      `• **300k** = 300,000 (YouTube) → ${consensusFor(300_000).line}`,
    ]);
    expect(reply.embeds[0]!.fields ?? []).toEqual([]);
    expect(lines(await classify('IG: 45k/TikTok: 1.2M'))).toHaveLength(2);
  });

  it('still sets a rate per post aside as a rate', async () => {
    const reply = await classify('2k per TikTok, 45k/post, she has 80k followers');
    expect(lines(reply)).toEqual([`• **80k** = 80,000 → ${consensusFor(80_000).line}`]);
    const ignored = reply.embeds[0]!.fields!.find((f) => f.name === 'Not counted')!.value;
    expect(ignored).toBe('“2k”: a rate per post, not a follower count\n“45k”: a rate per post, not a follower count');
  });

  it('words a number after "costs" as a price', async () => {
    const reply = await classify('it costs 5k per post for 50k followers');
    expect(lines(reply)).toEqual([`• **50k** = 50,000 → ${consensusFor(50_000).line}`]);
    expect(reply.embeds[0]!.fields!.find((f) => f.name === 'Not counted')!.value).toBe('“5k”: a price, not a follower count');
  });

  it('offers an "All sources" button per distinct count, answered by /tier', async () => {
    const reply = await classify('45k on IG, 45k on TikTok, 1.2M on YouTube');
    const buttons = reply.components!.flatMap((row) => row.components) as { custom_id: string; label: string }[];
    expect(buttons.map((b) => b.custom_id)).toEqual(['tier:all:45000', 'tier:all:1200000']);
    const answer = await tier.component!(buttons[0]!.custom_id, [], testComponentContext());
    expect(answer.reply.embeds[0]!.title).toContain('45,000 followers');
  });

  it('explains, ephemerally, a message with no counts', async () => {
    const reply = await classify('see you at 10:30 on 12/05');
    expect(reply.flags).toBe(64);
    expect(reply.inputError).toBe(true);
    expect(reply.embeds[0]!.description).toContain('I found no follower counts in that message');
    expect(reply.embeds[0]!.description).toContain('“10\\:30”: a time');
    const empty = await classify('');
    expect(empty.flags).toBe(64);
    expect(empty.embeds[0]!.description).toContain('no text to read');
  });

  it('keeps a message full of counts within Discord’s limits', async () => {
    const content = Array.from({ length: 300 }, (_, i) => `@creator_${'x'.repeat(20)}${i} has ${i + 1}k on IG`).join('\n');
    const reply = await classify(content);
    expect(lines(reply).join('\n').length).toBeLessThanOrEqual(LINES_ROOM);
    // As many lines as the room holds, past the 25 a button each.
    expect(lines(reply).length).toBeGreaterThan(MAX_SOURCE_BUTTONS);
    expect(reply.embeds[0]!.description).toMatch(/…and \d+ more counts\. For a list this long, put the names and counts in a spreadsheet and upload it as a CSV file with \/roster\.$/);
    const buttons = reply.components!.flatMap((row) => row.components);
    expect(buttons.length).toBe(MAX_SOURCE_BUTTONS);
  });

  it('never breaks a reply’s limits, whatever the message and its author’s name', async () => {
    const piece = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('45k', '1,2 Mio', 'on IG', '<@1>', '**', '`', '12/05', '$5k', '\n', '@everyone', '||x||', 'Sara:'));
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 200 }), fc.option(fc.string({ maxLength: 300 }), { nil: undefined }), async (parts, author) => {
        const reply = await classifyMessage.run(message(parts.join(' '), author), testContext());
        expect(messageProblems(reply)).toEqual([]);
        expect(JSON.stringify(reply.embeds)).not.toMatch(/(?<!\\)<@1>/);
      }),
      { numRuns: 200 },
    );
  });
});

/** Each count line as [the count as written, what it is linked to (name · platform), or '' for nothing]. */
function countsShown(reply: Reply): [string, string][] {
  return lines(reply).map((line) => {
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

/** Each row as in TABLE: a count with its word typed on, ranges, platforms named together, handles, and numbers that are no count. */
const WRITTEN_FORMS: [string, [string, string][], string[]][] = [
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
  it.each(WRITTEN_FORMS)('%j', async (message, counts, ignored) => {
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

describe('"Classify follower counts" on a count given many times', () => {
  it('lists the same count for the same name and platform once, with how many times the message gives it', async () => {
    const reply = await classifyMessage.run({ id: '1', content: `${'*'.repeat(30)} 45k followers `.repeat(60), authorName: 'Lea' }, testContext());
    expect(messageProblems(reply)).toEqual([]);
    expect(lines(reply)).toEqual([`• **45k** = 45,000 ×60 → ${consensusFor(45_000).line}`]);
    expect(reply.embeds[0]!.title).toBe('60 follower counts in Lea’s message');
    expect(reply.embeds[0]!.description).not.toContain('more count');
  });

  it('keeps counts apart that differ in name or platform, and counts the repeats in what is not shown', async () => {
    const reply = await classifyMessage.run({ id: '1', content: 'Sara 45k on IG, Sara 45k on IG, Tom 45k on IG, Sara 45k on TikTok', authorName: 'Lea' }, testContext());
    expect(lines(reply).map((l) => l.split(' → ')[0])).toEqual(['• **45k** = 45,000 (Sara · Instagram) ×2', '• **45k** = 45,000 (Tom · Instagram)', '• **45k** = 45,000 (Sara · TikTok)']);
    const many = Array.from({ length: 100 }, (_, i) => `${i + 1}k followers, ${i + 1}k followers`).join(', ');
    const long = await classifyMessage.run({ id: '1', content: many, authorName: 'Lea' }, testContext());
    // 200 counts, 100 distinct; the lines shown account for two counts each.
    expect(lines(long).length).toBeLessThan(100);
    expect(long.embeds[0]!.description).toMatch(new RegExp(`…and ${200 - 2 * lines(long).length} more counts\\. For a list this long, put the names and counts in a spreadsheet and upload it as a CSV file with /roster\\.$`));
  });
});

describe('"Classify follower counts" on a message with many counts', () => {
  it('answers its asker alone when the list is longer than a public reply may be, and says why', async () => {
    const content = Array.from({ length: 119 }, (_, i) => `@${'_'.repeat(28)}${i + 1}: ${i + 1}k followers`).join(' ');
    const reply = await classifyMessage.run({ id: '1', content, authorName: 'Lea' }, testContext());
    expect(messageProblems(reply)).toEqual([]);
    expect(embedLength(reply.embeds[0]!)).toBeGreaterThan(PUBLIC_TEXT_LIMIT);
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
    expect(reply.embeds[0]!.footer!.text).toContain('A long list, so it is shown to you alone.');
    expect(LONG_LIST_NOTE).toBe('A long list, so it is shown to you alone.');
  });

  it('keeps a short list public, with no such note', async () => {
    const reply = await classifyMessage.run({ id: '1', content: 'Sara 45k on IG, Tom 1.2M on TikTok', authorName: 'Lea' }, testContext());
    expect(reply.flags).toBeUndefined();
    expect(reply.embeds[0]!.footer!.text).not.toContain(LONG_LIST_NOTE);
  });
});

describe('"Classify follower counts" on "mil"', () => {
  it('says on its line when "mil" was read as a million, as /tier does, and not in a Spanish message', async () => {
    const english = await classifyMessage.run({ id: '1', content: 'Sara has 2 mil followers', authorName: 'Lea' }, testContext());
    expect(lines(english)[0]).toContain('“mil” is read as a million; for 2 thousand, write 2k.');
    const spanish = await classifyMessage.run({ id: '1', content: 'Ana tiene 45 mil seguidores en IG y 30 mil en TikTok', authorName: 'Lea' }, testContext());
    expect(lines(spanish).map((l) => l.split(' → ')[0])).toEqual(['• **45 mil** = 45,000 (Ana · Instagram)', '• **30 mil** = 30,000 (Ana · TikTok)']);
    expect(JSON.stringify(spanish.embeds)).not.toContain('“mil”');
  });
});
