/** Runs of spaces, tabs and no-break spaces in a message read as one space: text pasted from tables and aligned lists. */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyMessage } from '../src/commands/classify-message';
import type { Reply } from '../src/commands/types';
import { messageProblems } from '../src/commands/limits';
import { extractCounts } from '../src/domain/extract';
import { testContext } from './support/context';

async function classify(content: string): Promise<Reply> {
  const reply = await classifyMessage.run({ id: '500000000000000001', content, authorName: 'Lea' }, testContext());
  expect(messageProblems(reply)).toEqual([]);
  return reply;
}

/** Each count line's count and what is in its brackets: "45k (Sara · Instagram)". */
const countLines = (reply: Reply) =>
  (reply.embeds[0]!.description ?? '')
    .split('\n')
    .filter((l) => l.startsWith('• '))
    .map((l) => {
      const m = /^• \*\*(.+?)\*\*[^(→]*(?:\(([^)]*)\))?/.exec(l)!;
      return m[2] ? `${m[1]} (${m[2]})` : m[1];
    });

/** Single-spaced messages of the kinds the reader handles: counts with platforms and names, and numbers set aside. */
const MESSAGES = [
  'Sara has 45k on IG and 1.2M on TikTok',
  'IG 45k TikTok 1.2M',
  '45k IG, 1.2M TikTok',
  'IG 12,5k / TT 230k / YT 1,1M',
  'Hey team! Quick update:\n- Sara (IG): 45.2k\n- Tom: 1.1M on YouTube\n- Lea 8,900 TikTok',
  'he just passed 45K subs',
  'elle a 30 000 abonnés sur Instagram',
  '1,2 Mio Follower auf TikTok, nicht schlecht',
  'Followers: 1 234 567',
  'Mia’s TikTok is at 800',
  '@sara_creates: 45,000 followers (instagram.com/sara)',
  'Tom – 120k subs, 2.3M views',
  'Reach: 250k, followers: 48k',
  'Kim hit 100k+ on TikTok at 3pm on May 5th',
  'she went from 12k to 30k in 2 months',
  '10-20k followers is our micro sweet spot',
  'gained +2k followers this week, now 45k',
  'Budget is 5000 USD for 3 creators with 10k-50k followers',
  'Rates: 5k€ per post, she has 120 000 followers',
  'She charges £1,200 per post on 60k followers',
  'Her ER is 4.5% on 33k followers',
  'Call at 10:30 tomorrow, <@123456789012345678> has the list',
  'meeting on 12/05/2024 about the 2024 campaign',
  'ID 987654321, call +44 20 7946 0958',
  '4K video from 2019',
  'Top 5 100k creators this quarter',
  'She has 45 mil seguidores y 1.2 mil subs',
  'watch https://youtube.com/watch?v=abc123 — 456k subs',
  '2 accounts: 15k + 22k',
  'Instagram: 45,000 | TikTok: 1.2M | YouTube: 300k',
  'around ~75k on X',
  'she is 24 years old with 18k followers',
  'Between 10,000 and 50,000 followers',
  'DM’d 15 creators today, 4 replied. Best: Jana (IG 88k, TikTok 1.4M)',
  'Can you check @mia.creates? She’s at 12.3k on IG and ~40k on TT',
  '2.5k-3k per post is her rate',
  'Instagram: 45k / TikTok: 1.2M / YouTube: 300k',
  '5k / TikTok, 3k / reel',
  '$500 / reel for 20k followers',
  '45k/12k on IG/TT',
  'IG/TT: 45k/12k',
  'Sara has 900 followers',
  'Léa 30k, Max 12k',
  '~~1M~~ 900k on IG',
  '# Huge ||50k|| on TikTok',
  'Sara has 45k on IG ||and 1.2M on TikTok||',
  '```\nconst id = 45000;\n```\nTom has 30k on YT',
];

/** What a space may be widened to: spaces, no-break and other Unicode spaces (a tab parts cells: see below). */
const WIDE_SPACE = fc.string({ unit: fc.constantFrom(' ', '\u00a0', '\u202f', '\u2003', '\u3000'), minLength: 2, maxLength: 6 });

/**
 * `message` with its nth single space replaced by widths[n] (a space where widths run out). A space
 * between two digits groups thousands ("30 000") and is left as it is: several there part columns.
 */
const widened = (message: string, widths: string[]) => {
  let n = 0;
  return message.replace(/(?<!\d) | (?!\d)/g, () => widths[n++] ?? ' ');
};

describe('runs of spaces read as one space', () => {
  it('has 30 messages or more to widen', () => {
    expect(MESSAGES.length).toBeGreaterThanOrEqual(30);
  });

  it('reads a message with any of its spaces widened as it reads the message single-spaced', () => {
    const single = new Map(MESSAGES.map((m) => [m, extractCounts(m)]));
    fc.assert(
      fc.property(fc.constantFrom(...MESSAGES), fc.array(fc.oneof(fc.constant(' '), WIDE_SPACE), { minLength: 1, maxLength: 30 }), (message, widths) => {
        const wide = widened(message, widths);
        const read = extractCounts(wide);
        const expected = single.get(message)!;
        // The counts, their platforms and names, and what is set aside and why.
        expect(read.counts.map(({ value, platform, name }) => ({ value, platform, name }))).toEqual(expected.counts.map(({ value, platform, name }) => ({ value, platform, name })));
        expect(read.ignored).toEqual(expected.ignored);
      }),
      { numRuns: 400 },
    );
  });

  it('reads every message with all its spaces widened as it reads it single-spaced', () => {
    for (const message of MESSAGES) {
      for (const run of ['  ', '\u00a0\u00a0', ' \u3000 \u00a0 ']) {
        const wide = widened(message, Array<string>(message.length).fill(run));
        expect(extractCounts(wide), JSON.stringify(wide)).toEqual(extractCounts(message));
      }
    }
  });

  it('reads a run with a tab as one tab, which parts a spreadsheet’s cells', () => {
    const read = (message: string) => extractCounts(message).counts.map(({ value, platform, name }) => ({ value, platform, name }));
    // Two cells pasted side by side are two numbers, never 25,450; the tab is still a gap between words.
    expect(read('age 25\t450 followers')).toEqual([{ value: 450, platform: undefined, name: undefined }]);
    expect(read('age 25 \t 450 followers')).toEqual([{ value: 450, platform: undefined, name: undefined }]);
    expect(read('Sara\t\t45k\t\tIG')).toEqual(read('Sara\t45k\tIG'));
    expect(read('IG:\t\t45k')).toEqual([{ value: 45_000, platform: 'Instagram', name: undefined }]);
  });

  it('keeps line breaks as sentence breaks', () => {
    // A platform on the next line is not the count's.
    expect(extractCounts('Sara 45k   \n   IG is where we met').counts.map((c) => c.platform)).toEqual([undefined]);
    expect(extractCounts('Sara 45k \n IG is where we met').counts.map((c) => c.platform)).toEqual([undefined]);
  });

  it('stays fast on a long message full of runs of spaces', () => {
    const line = 'Sara   has\t\t45k      on   IG,   Tom \u00a0 \u00a0 1.2M   on    TikTok  ||  secret 50k  ||   ~~ 3k ~~  \n';
    const message = line.repeat(Math.ceil(4000 / line.length)).slice(0, 4000);
    extractCounts(message);
    const started = performance.now();
    const read = extractCounts(message);
    expect(performance.now() - started).toBeLessThan(200);
    expect(read.counts.filter((c) => c.platform === 'Instagram').length).toBeGreaterThan(10);
  });
});

describe('"Classify follower counts" on messages with runs of spaces', () => {
  it('reads a count before a follower word after a run of spaces', async () => {
    expect(countLines(await classify('Sara has 900     followers'))).toEqual(['900 (Sara)']);
  });

  it('links a count to the platform after a run of spaces', async () => {
    expect(countLines(await classify('90k      on IG'))).toEqual(['90k (Instagram)']);
  });

  it('links a platform to the count after a colon and a run of spaces', async () => {
    expect(countLines(await classify('IG:     45k'))).toEqual(['45k (Instagram)']);
  });

  it('links counts and platforms named together with runs of spaces, each to its own', async () => {
    expect(countLines(await classify('45k   /   12k on IG/TT'))).toEqual(['45k (Instagram)', '12k (TikTok)']);
  });

  it('sets a range written with runs of spaces aside, as one range', async () => {
    const reply = await classify('10k    -    50k followers');
    expect(countLines(reply)).toEqual([]);
    expect(reply.embeds[0]!.description).toMatch(/“10k \\?- 50k”: a range, not one count/);
  });

  it('joins nothing across a spoiler: what it hides stays a gap', async () => {
    // The hidden word could be anything: the platform after it is not taken for the count's.
    const reply = await classify('90k ||followers|| on IG');
    expect(countLines(reply)).toEqual(['90k']);
    expect(JSON.stringify(reply)).not.toContain('followers||');
    // Nor are the numbers either side one number: "2 ▇ 450" is not 2,450.
    expect(countLines(await classify('2 ||5|| 450 followers on IG'))).toEqual(['450 (Instagram)']);
    expect(countLines(await classify('Sara 25 ~~x~~ 450 followers'))).toEqual(['450 (Sara)']);
  });

  it('keeps numbers in columns aligned with spaces apart, as a tab does; one space still groups thousands', async () => {
    expect(countLines(await classify('Name  Age  Followers\nSara  25   450\nTom   31   12 000'))).toEqual(['12 000 (Tom)']);
    expect(countLines(await classify('Sara 25   450 followers'))).toEqual(['450 (Sara)']);
    expect(countLines(await classify('Sara 25 450 followers'))).toEqual(['25 450 (Sara)']);
  });

  it('lists a spoiler with a number in it, hidden, among the counts around it', async () => {
    const reply = await classify('~~1M~~   900k on IG ||50k|| and 20k    on TT');
    expect(countLines(reply)).toEqual(['900k (Instagram)', '20k (TikTok)']);
    const shown = JSON.stringify(reply);
    expect(shown).not.toMatch(/50k|50,000/);
    expect(shown).toContain('in a spoiler, left hidden');
  });
});

describe('a pipe shown between two numbers', () => {
  it('parts them as a table’s cells, never one number', async () => {
    expect(extractCounts('| Sara | 25 |450 |').counts).toEqual([]);
    expect(countLines(await classify('Sara 25 ||450 followers'))).toEqual(['450 (Sara)']);
    // Around one count it is markup, dropped as before.
    expect(countLines(await classify('Sara: |45k| on IG'))).toEqual(['45k (Sara · Instagram)']);
  });
});
