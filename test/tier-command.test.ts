import fc from 'fast-check';
import { MessageFlags } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { simulateChartFailure } from '../src/charts';
import { tier } from '../src/commands/tier';
import { commandProblems, messageProblems } from '../src/discord/limits';
import { SOURCES } from '../src/domain/sources';
import type { Reply } from '../src/commands/types';

const run = (followers: string) => tier.run({ followers }, { charts: false }) as Promise<Reply>;
const allText = (reply: Reply) =>
  reply.embeds.map((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text].join('\n')).join('\n');

describe('/tier', () => {
  it('registers a valid definition', () => {
    expect(commandProblems(tier.definition)).toEqual([]);
    expect(tier.definition.options?.[0]).toMatchObject({ name: 'followers', required: true });
  });

  it('answers 30k with the count as understood, the consensus, every source and the disagreements', async () => {
    const reply = await run('30k');
    expect(reply.flags).toBeUndefined();
    const [embed] = reply.embeds;
    expect(embed!.title).toContain('30,000 followers');
    expect(embed!.description).toMatch(/Consensus: micro\*\* — \d+ of 27 sources/);
    const text = allText(reply);
    for (const s of SOURCES) expect(text, s.name).toContain(s.name);
    expect(text).toContain('Where the sources disagree');
    expect(text).toContain('[Mediakix](https://mediakix.com/influencer-marketing-resources/influencer-tiers/)');
    expect(text).toMatch(/HypeAuditor.*prosumer/);
    expect(text).toMatch(/Seed 000.*\*\*micro\*\* \(10k–90k\)/);
    expect(text).toContain('no numeric definition'); // seed 004
    expect(text).toContain('Boundaries:');
    expect(text).toContain('Seed articles cited');
    expect(text).toContain('“Rise of Micro-Influencers on Social Media (seed 001)”');
    expect(text.match(/What is a micro-influencer\? \(seed 003\)/g)).toHaveLength(1); // once, not per quoted outlet
  });

  it('calls out the seed 000 gap and a nearby boundary', async () => {
    const text = allText(await run('95000'));
    expect(text).toMatch(/in a gap[^\n]*Seed 000/);
    expect(text).toContain('95,000 is 5,000 below the 100,000 line');
    expect(allText(await run('9,500'))).toMatch(/9,500 is 500 below the 10,000 line used by \d+ sources/);
  });

  it.each(['', 'abc', '-5', '1.2345k', '99999999999', '1e309', '@everyone', '🔥🔥', 'x'.repeat(6000)])('answers bad input %j with an ephemeral explanation', async (input) => {
    const reply = await run(input);
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
    expect(reply.inputError).toBe(true);
    expect(allText(reply)).toContain('Accepted:');
    expect(messageProblems(reply)).toEqual([]);
  });

  it('stays within Discord limits for any count, with every source listed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 10_000_000_000 }), async (n) => {
        const reply = await run(String(n));
        expect(messageProblems(reply)).toEqual([]);
      }),
      { numRuns: 300 },
    );
    const edges = SOURCES.flatMap((s) => s.tiers.flatMap((t) => [t.min, t.max ?? t.min]));
    for (const n of edges) expect(messageProblems(await run(String(n))), String(n)).toEqual([]);
  });

  it('attaches the tier-range chart with a marker at the count, shown inside the embed', async () => {
    const reply = await tier.run({ followers: '30k' });
    expect(reply.files?.map((f) => f.name)).toEqual(['tier-30000.png']);
    expect(reply.files![0]!.data.subarray(1, 4).toString()).toBe('PNG');
    expect(reply.embeds[0]!.image?.url).toBe('attachment://tier-30000.png');
    expect(messageProblems(reply)).toEqual([]);
  });

  it('falls back to text when the chart fails', async () => {
    simulateChartFailure(true);
    try {
      const reply = await tier.run({ followers: '30k' });
      expect(reply.files ?? []).toEqual([]);
      expect(reply.embeds[0]!.image).toBeUndefined();
      expect(reply.embeds[0]!.title).toContain('30,000 followers');
    } finally {
      simulateChartFailure(false);
    }
  });
});
