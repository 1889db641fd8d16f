import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LINES_ROOM, MAX_SOURCE_BUTTONS, classifyMessage, definition } from '../src/commands/classify-message';
import { tier } from '../src/commands/tier';
import type { Reply } from '../src/commands/types';
import { messageProblems } from '../src/commands/limits';
import { consensusFor } from '../src/domain/roster';
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
    expect(sara).toMatch(/^• \*\*45k\*\* = 45,000 \(Sara\) → house: \*\*growth\*\* \(10k–100k\); publishers: /);
    expect(tom).toMatch(/→ house: below seed, the lowest house tier \(from 1k\); publishers: /);
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
