import { MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHARTS_UP_TO_IN_FLIGHT } from '../../src/gateway/app';
import { COMMANDS } from '../../src/commands';
import { commandProblems, messageProblems } from '../../src/discord/limits';
import { SOURCES } from '../../src/domain/sources';
import { answerOf, embedText, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('/tier through discord.js and the stand-in', () => {
  it('registered every command in the guild, each valid by Discord rules', () => {
    const registered = h.standIn.registrations.get(h.standIn.guildIds[0]!) ?? [];
    expect(registered.map((c) => c.name).sort()).toEqual(COMMANDS.map((c) => c.definition.name).sort());
    for (const c of registered) expect(commandProblems(c)).toEqual([]);
  });

  it('answers /tier 30k with one public embed listing every source', async () => {
    const record = await h.command('tier', { followers: '30k' });
    // Immediate (4), or deferred (5) then edited when loading the chart renderer takes longer.
    expect(record.callbacks).toHaveLength(1);
    expect([4, 5]).toContain(record.callbacks[0]!.type);
    const { body, files } = answerOf(record);
    expect(files.map((f) => f.name)).toEqual(['tier-30000.png']);
    expect(files[0]!.data.subarray(1, 4).toString()).toBe('PNG');
    expect(body.embeds[0].image.url).toBe('attachment://tier-30000.png');
    expect(body.flags ?? 0).toBe(0);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.embeds).toHaveLength(1);
    expect(body.embeds[0].title).toContain('30,000 followers');
    const text = embedText(body);
    expect(text).toMatch(/Consensus: micro/);
    for (const s of SOURCES) expect(text).toContain(s.name);
    expect(messageProblems(body)).toEqual([]);
  });

  it.each(['1.2M', '30,000', '2.5 million', ' 30 000 '])('reads %j', async (input) => {
    const { body } = answerOf(await h.command('tier', { followers: input }));
    expect(body.embeds[0].title).toMatch(/^[\d,]+ followers/);
  });

  it.each(['abc', '-5', '1.2345k', '99999999999', '@everyone <@123>', '🔥', 'x'.repeat(100)])('answers bad input %j ephemerally, with what is accepted', async (input) => {
    const record = await h.command('tier', { followers: input });
    const { body } = answerOf(record);
    expect(record.callbacks[0]!.type).toBe(4);
    expect(body.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(embedText(body)).toContain('Accepted:');
    expect(body.allowed_mentions).toEqual({ parse: [] });
  });

  it(`in a burst, answers everyone, and attaches charts only while at most ${CHARTS_UP_TO_IN_FLIGHT} interactions are in flight`, async () => {
    // Charts already rendered still cost an upload each; in a burst they give way to answering in time.
    await h.command('tier', { followers: '30k' });
    const burst = await Promise.all(Array.from({ length: 40 }, () => h.command('tier', { followers: '30k' })));
    const withChart = burst.filter((r) => answerOf(r).files.length > 0).length;
    expect(withChart).toBeGreaterThan(0);
    expect(withChart).toBeLessThanOrEqual(CHARTS_UP_TO_IN_FLIGHT);
    for (const record of burst) expect(answerOf(record).body.embeds[0].title).toContain('30,000 followers');
    // Once the burst is over, charts are back.
    expect(answerOf(await h.command('tier', { followers: '30k' })).files).toHaveLength(1);
  });

  it('logs nothing at error level for ordinary use', () => {
    expect(h.logs.filter((l) => (l.level as number) >= 50)).toEqual([]);
  });
});
