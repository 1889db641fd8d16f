import { MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageProblems } from '../../src/discord/limits';
import { answerOf, embedText, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const buttons = (body: any) => body.components.flatMap((row: any) => row.components) as { custom_id: string; label: string }[];

describe('/compare through discord.js and the stand-in', () => {
  it('answers with both plans side by side and the two buttons', async () => {
    const { body } = answerOf(await h.command('compare'));
    const [a, b] = body.embeds[0].fields;
    expect(a.name).toBe('Plan A: 1 × 100,000 followers at $1,000');
    expect(b.name).toBe('Plan B: 10 × 10,000 followers at $100 each');
    expect(buttons(body).map((x) => x.label)).toEqual(['Assumptions', 'Equal budget']);
    expect(messageProblems(body)).toEqual([]);
  });

  it('takes overrides as Discord delivers them', async () => {
    const { body } = answerOf(await h.command('compare', { preset: 'kardashian', big_fee: '10k' }));
    expect(embedText(body)).toContain('Revenue: **$900**');
    expect(embedText(body)).toContain('ROI: **−91%**');
  });

  it('"Equal budget" updates the message (type 7); "Assumptions" answers ephemerally (type 4)', async () => {
    const { body } = answerOf(await h.command('compare', { big_fee: '$5,000' }));
    const [assumptions, equal] = buttons(body);
    const updated = await h.component(equal!.custom_id, { componentType: 2, message: body });
    expect(updated.callbacks[0]!.type).toBe(7);
    expect(updated.callbacks[0]!.data.embeds[0].fields[1].name).toBe('Plan B: 50 × 10,000 followers at $100 each');
    const listed = await h.component(assumptions!.custom_id, { componentType: 2, message: body });
    expect(listed.callbacks[0]!.type).toBe(4);
    expect(listed.callbacks[0]!.data.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(embedText(listed.callbacks[0]!.data)).toContain('Plan A fee: $5,000');
  });

  it('answers a bad option ephemerally, naming it', async () => {
    const { body } = answerOf(await h.command('compare', { overlap: '150%' }));
    expect(body.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(embedText(body)).toContain('overlap');
  });
});
