/** Spoilers and code in a message, found as Discord finds them: what it hides stays hidden, what it shows is read. */

import { describe, expect, it } from 'vitest';
import { MessageFlags } from 'discord-api-types/v10';
import { classifyMessage } from '../src/commands/classify-message';
import { messageProblems } from '../src/commands/limits';
import type { Reply } from '../src/commands/types';
import { extractCounts } from '../src/domain/extract';
import { testContext } from './support/context';

async function classify(content: string): Promise<Reply> {
  const reply = await classifyMessage.run({ id: '500000000000000001', content, authorName: 'Lea' }, testContext());
  expect(messageProblems(reply)).toEqual([]);
  return reply;
}

const HIDDEN = { text: '||…||', kind: 'spoiler', reason: 'in a spoiler, left hidden' };

describe('a spoiler next to code stays hidden', () => {
  it.each([
    'see `@anna`||50k followers||',
    'anna: ||50k followers||`(secret)`',
    // One backtick with none to close it is plain text, not code.
    'see @anna`||50k followers||',
    // Backticks a spoiler opens are inside the spoiler: they pair with nothing outside it.
    '||50k` followers|| see `here`',
  ])('%j: no count read or quoted, the spoiler said to be left hidden', async (message) => {
    expect(extractCounts(message)).toEqual({ counts: [], ignored: [HIDDEN] });
    const shown = JSON.stringify(await classify(message));
    expect(shown).not.toMatch(/50k|50,000/);
    expect(shown).toContain('in a spoiler, left hidden');
  });
});

describe('pipes inside code are no spoiler', () => {
  it.each([
    'use `a || b` — anna has 50k followers, see `c || d`',
    // A run of two backticks closes only at the next run of two.
    'use ``a ` || b`` — anna has 50k followers, see ``c || d``',
  ])('%j: the count between the code spans is read', async (message) => {
    expect(extractCounts(message)).toEqual({ counts: [expect.objectContaining({ value: 50_000, text: '50k' })], ignored: [] });
    const reply = await classify(message);
    expect(reply.embeds[0]!.description).toContain('**50k** = 50,000');
    expect(JSON.stringify(reply)).not.toContain('left hidden');
  });

  it('sets the numbers of a code block aside as code, pipes and all', () => {
    const { counts, ignored } = extractCounts('Sara has 45k followers\n```\nif (a || b) limit = 12000 ||\n```');
    expect(counts.map((c) => c.value)).toEqual([45_000]);
    expect(ignored).toEqual([{ text: '12000', kind: 'code', reason: 'part of code' }]);
  });

  it('still hides a spoiler that holds code, and reads the count after it', () => {
    const { counts, ignored } = extractCounts('||`30k`|| and Mia has 900k followers');
    expect(counts.map((c) => c.value)).toEqual([900_000]);
    expect(ignored).toEqual([HIDDEN]);
  });
});

describe('backticks open code only where Discord shows code', () => {
  it.each([
    // An escaped backtick is shown as a backtick: no code, so the pipes are a spoiler.
    '\\`x ||40k|| \\` 10k',
    '\\`||50k||\\` 10k',
    // "``x`" opens code with one of its two backticks, closed by the next one: the spoiler after it is real.
    '``x` ||50k|| ` 10k',
    '```a` ||50k|| ` 10k',
    // Struck text ends at its closing tildes, and code opened inside it closes there.
    '~~a~b `x~~ ||50k|| ` 10k',
    '~~a\n`x~~ ||50k|| ` 10k',
  ])('%j: only 10k is read, the spoiler is left hidden', async (message) => {
    expect(extractCounts(message)).toEqual({ counts: [expect.objectContaining({ value: 10_000, text: '10k' })], ignored: [HIDDEN] });
    const shown = JSON.stringify(await classify(message));
    expect(shown).not.toMatch(/[45]0k|[45]0,000/);
    expect(shown).toContain('in a spoiler, left hidden');
  });

  it('reads a count in code Discord shows, though it is written between pipes', async () => {
    // Two backticks with no two to close them: one of them opens the code, the last backtick closes it.
    const message = 'Anna: `` ||50k|| `';
    expect(extractCounts(message)).toEqual({ counts: [expect.objectContaining({ value: 50_000, text: '50k' })], ignored: [] });
    const reply = await classify(message);
    expect(reply.embeds[0]!.description).toContain('**50k** = 50,000');
    expect(JSON.stringify(reply)).not.toContain('left hidden');
  });
});

describe('escaped markup is plain text', () => {
  it.each([
    ['\\||50k|| 10k', ['50k', '10k']],
    ['\\~~1M~~ 900k', ['1M', '900k']],
  ])('%j: every count is read, none hidden or struck', async (message, read) => {
    expect(extractCounts(message)).toEqual({ counts: read.map((text) => expect.objectContaining({ text })), ignored: [] });
    const reply = await classify(message);
    for (const text of read) expect(reply.embeds[0]!.description).toContain(`**${text}** =`);
    expect(JSON.stringify(reply)).not.toMatch(/left hidden|struck/);
  });
});

describe('markup read as Discord reads it stays fast', () => {
  it.each(['`'.repeat(4000), '``x'.repeat(1300), '\\`'.repeat(2000), '`|~\\'.repeat(1000), '```a' + '\n'.repeat(3990) + '``', Array.from({ length: 88 }, (_, i) => '`'.repeat(i + 1) + 'x').join('')])(
    'reads %#, 4,000 characters of backticks, pipes, tildes and backslashes, in well under a second',
    (message) => {
      const started = performance.now();
      extractCounts(message);
      expect(performance.now() - started).toBeLessThan(500);
    },
  );
});

describe('bold, italics, underline and links are read on their own, as Discord reads them', () => {
  it.each([
    // A backtick inside markup around text opens no code that could swallow the spoiler after it.
    '**don`t** tell anyone: ||50k|| on IG, it`s a secret',
    '_I can`t say_ ||50k|| followers, she`ll tell',
    '[Sara`s page](https://instagram.com/sara) ||50k|| followers it`s',
    '> **don`t** share: ||50k|| followers (it`s private)',
    // A web address holds no markup at all.
    'https://instagram.com/it`s ||50k|| followers `x`',
  ])('%j: the spoiler is left hidden', async (message) => {
    expect(extractCounts(message)).toEqual({ counts: [], ignored: [HIDDEN] });
    const shown = JSON.stringify(await classify(message));
    expect(shown).not.toMatch(/50k|50,000/);
    expect(shown).toContain('in a spoiler, left hidden');
  });

  it('reads the count after bold with pipes in it, and hides the spoiler after that', async () => {
    const message = '**IG || TikTok** 45k, real number ||30k||';
    expect(extractCounts(message)).toEqual({ counts: [expect.objectContaining({ value: 45_000, text: '45k' })], ignored: [HIDDEN] });
    const reply = await classify(message);
    expect(reply.embeds[0]!.description).toContain('**45k** = 45,000');
    expect(JSON.stringify(reply)).not.toMatch(/30k|30,000/);
  });

  it('does not let pipes closing bold open a spoiler', async () => {
    const message = '**Sara||** 50k ||30k||';
    expect(extractCounts(message)).toEqual({ counts: [expect.objectContaining({ value: 50_000, text: '50k' })], ignored: [HIDDEN] });
    expect(JSON.stringify(await classify(message))).not.toMatch(/30k|30,000/);
  });

  it.each(['**Sara: ||50k||** and 10k', '[||50k||](https://instagram.com/sara) 10k', '*__**_Sara ||50k||_**__* 10k'])(
    '%j: a spoiler inside markup around text is still hidden',
    (message) => {
      expect(extractCounts(message)).toEqual({ counts: [expect.objectContaining({ value: 10_000, text: '10k' })], ignored: [HIDDEN] });
    },
  );

  it.each([
    '[a](' + '(\\)'.repeat(1330),
    '['.repeat(2000) + ']'.repeat(1998) + '](',
    '[a]('.repeat(1000),
    '*_[`|'.repeat(800),
    '**__'.repeat(500) + '__**'.repeat(500),
  ])('reads %#, 4,000 characters of hostile markup around text, in well under a second', (message) => {
    const started = performance.now();
    extractCounts(message);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('Discord’s tags and its quote, heading and subtext lines', () => {
  const values = (message: string) => extractCounts(message).counts.map((c) => c.value);

  it.each([
    // An emoji's or a command's name is no italics that could open inside the spoiler after it.
    '<:pepe_sad:123456789012345678> ||@mia_ has 50k||',
    '</tier_check:123456789012345678> ||@mia_: 50k||',
    // A link in angle brackets ends at its ">".
    '(<https://instagram.com/sara>)||50k|| followers',
    // A quote, heading or subtext line is read on its own: its backtick or pipes pair with nothing below it.
    '> l`ami de Sara\n||50k|| abonnés, c`est secret',
    '## Sara`s stats\n||50k|| followers, don`t share',
    '-# l`ami\n||50k|| c`est',
    '> wow || amazing\n||50k|| is her real count',
  ])('%j keeps the spoiler hidden', async (message) => {
    expect(values(message)).toEqual([]);
    expect(extractCounts(message).ignored).toContainEqual(HIDDEN);
    expect(JSON.stringify((await classify(message)).embeds)).not.toMatch(/50k|50,000/);
  });

  it('reads the counts a quote line’s pipes do not hide', () => {
    expect(values('> is it 10k || 20k?\nSara: 50k followers, Tom: 30k || thanks')).toEqual([10_000, 20_000, 50_000, 30_000]);
    expect(values('# Stats ||\nSara 50k followers || Tom 30k')).toEqual([50_000, 30_000]);
  });
});

describe('quote, heading and subtext lines are read where Discord reads them', () => {
  const read = (message: string) => {
    const { counts, ignored } = extractCounts(message);
    return { counts: counts.map((c) => c.value), ignored: ignored.map((i) => i.text) };
  };

  it('leaves a code block whole when a line inside it looks like a quote or a heading', () => {
    expect(read('```\n> limit = 45000\n# max 12000\n-# 9000\n```\nSara has 30k followers')).toEqual({ counts: [30_000], ignored: ['45000', '12000', '9000'] });
  });

  it('keeps a spoiler hidden that runs on over a quote line', async () => {
    for (const message of ['||Sara 50k\n> Tom 40k|| and Mia 30k', '> ||Sara 50k\n> Tom 40k||\nMia 30k']) {
      expect(read(message)).toEqual({ counts: [30_000], ignored: ['||…||'] });
      expect(JSON.stringify((await classify(message)).embeds)).not.toMatch(/50k|40k|50,000|40,000/);
    }
  });
});

describe('a message with spoiler marks', () => {
  it('is answered to its asker alone, so a count read from a spoiler by mistake never reaches the channel', async () => {
    const reply = await classify('Sara has 45k on IG ||and 1.2M on TikTok||');
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
    expect(reply.embeds[0]!.footer!.text).toContain('The message has spoiler marks, so this is shown to you alone.');
    expect((await classify('Sara has 45k on IG and 1.2M on TikTok')).flags).toBeUndefined();
  });
});
