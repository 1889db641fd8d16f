import { MessageFlags } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { compare } from '../src/commands/compare';
import type { Reply } from '../src/commands/types';
import { commandProblems, messageProblems } from '../src/discord/limits';
import { choosables } from '../src/cli/render-text';

const run = (options: Record<string, string> = {}) => compare.run(options, { charts: false }) as Promise<Reply>;
const field = (reply: Reply, prefix: string) => reply.embeds[0]!.fields!.find((f) => f.name.startsWith(prefix))!;

describe('/compare', () => {
  it('registers every option name other tools rely on', async () => {
    expect(commandProblems(compare.definition)).toEqual([]);
    expect(compare.definition.options!.map((o) => o.name)).toEqual([
      'preset', 'platform', 'budget', 'big_followers', 'big_fee', 'micro_count', 'micro_followers', 'micro_fee',
      'big_engagement', 'micro_engagement', 'conversion', 'order_value', 'overlap',
    ]);
  });

  it('with no options compares 10 × 10,000 against 1 × 100,000, side by side, with every default shown', async () => {
    const reply = await run();
    const a = field(reply, 'Plan A');
    const b = field(reply, 'Plan B');
    expect(a.name).toBe('Plan A: 1 × 100,000 followers at $1,000');
    expect(b.name).toBe('Plan B: 10 × 10,000 followers at $100 each');
    expect(a.inline && b.inline).toBe(true);
    // Hand-worked: A 100,000 × 2.015% = 2,015 engagements, $1,000 ÷ 2,015 = $0.50; B 100,000 × 2.37% = 2,370, $0.42.
    expect(a.value).toContain('Engagements: **2,015**');
    expect(b.value).toContain('Engagements: **2,370** ✅');
    expect(b.value).toContain('Cost per engagement (CPE): **$0.42** ✅');
    // Orders 2,370 × 2.5% = 59.25, revenue × $30 = $1,777.50, ROI (1,777.5 − 1,000) ÷ 1,000 = 77.75%.
    expect(b.value).toContain('ROI: **77.8%** ✅');
    expect(reply.embeds[0]!.description).toMatch(/^Plan B wins/);
    const assumptions = reply.embeds[0]!.fields!.filter((f) => f.name.startsWith('Assumptions')).map((f) => f.value).join('\n');
    for (const label of ['Platform: **Instagram** (default', 'Plan B fee each: **$100** (default', 'Audience overlap among the micros: **0%** (default; Tierbot assumption', 'Conversion (orders per visit): **2.5%**', 'Average order value: **$30**']) {
      expect(assumptions).toContain(label);
    }
    expect(field(reply, 'Where the sources disagree').value).toContain('Markerly 2016');
    expect(field(reply, 'Break-even').value).toContain('2.015%');
  });

  it('reproduces the Kardashian case exactly: 1,200 visits, 30 orders, $900; with a $10k fee, $333.33 per order and ROI −91%', async () => {
    const a = field(await run({ preset: 'kardashian', big_fee: '10k' }), 'Plan A');
    expect(a.value).toContain('Clicks (website visits): **1,200**');
    expect(a.value).toContain('Orders: **30**');
    expect(a.value).toContain('Revenue: **$900**');
    expect(a.value).toContain('Cost per order: **$333.33**');
    expect(a.value).toContain('Cost per engagement (CPE): **$8.33**');
    expect(a.value).toContain('ROI: **−91%**');
  });

  it('says plainly when the budget cannot buy the big influencer', async () => {
    const reply = await run({ budget: '$500' });
    expect(reply.embeds[0]!.description).toContain('A budget of $500 cannot buy the big influencer');
    expect(field(reply, 'Plan B').name).toContain('5 × 10,000');
  });

  it('"Equal budget" re-runs with as many micros as the big fee buys; "Assumptions" lists every source, ephemerally', async () => {
    const reply = await run({ big_fee: '5000' });
    const [assumptions, equal] = choosables(reply);
    expect(assumptions!.label).toBe('Assumptions');
    expect(equal!.label).toBe('Equal budget');
    const updated = await compare.component!(equal!.customId, [], { charts: false });
    expect(updated.mode).toBe('update');
    expect(field(updated.reply, 'Plan B').name).toBe('Plan B: 50 × 10,000 followers at $100 each');
    const listed = await compare.component!(assumptions!.customId, [], { charts: false });
    expect(listed.mode).toBe('reply');
    expect(listed.reply.flags).toBe(MessageFlags.Ephemeral);
    expect(listed.reply.embeds[0]!.fields!.map((f) => f.name)).toContain('Plan A fee: $5,000');
    expect(messageProblems(listed.reply)).toEqual([]);
  });

  it.each([
    [{ micro_fee: '-5' }, 'micro_fee', /negative/],
    [{ micro_engagement: '400%' }, 'micro_engagement', /more than the 100%/],
    [{ micro_count: '0' }, 'micro_count', /at least one/],
    [{ overlap: '101' }, 'overlap', /more than/],
    [{ big_followers: 'lots' }, 'big_followers', /not a follower count/],
    [{ platform: '@everyone' }, 'platform', /not a platform/],
  ])('rejects %j naming the option and the accepted range', async (options, option, reason) => {
    const reply = await run(options);
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
    expect(reply.embeds[0]!.title).toContain(option);
    expect(reply.embeds[0]!.description).toMatch(reason);
    expect(reply.embeds[0]!.description).toContain(`**Accepted:** for ${option}`);
    expect(reply.embeds[0]!.description).not.toMatch(/(?<!\\)@everyone/);
  });

  it('accepts money as $5,000 or 5k and counts as 30k', async () => {
    const reply = await run({ big_fee: '$5,000', micro_followers: '30k', micro_fee: '5k' });
    expect(field(reply, 'Plan A').name).toContain('$5,000');
    expect(field(reply, 'Plan B').name).toContain('10 × 30,000 followers at $5,000 each');
  });
});

describe('/compare chart', () => {
  it('attaches compare.png and shows it in the embed', async () => {
    const reply = await compare.run({});
    expect(reply.files?.map((f) => f.name)).toEqual(['compare.png']);
    expect(reply.embeds[0]!.image?.url).toBe('attachment://compare.png');
  });
});
