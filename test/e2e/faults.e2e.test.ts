/** What the network and Discord can do to the bot, injected by the stand-in: it must answer anyway. */

import { Events, MessageFlags, SlashCommandBuilder } from 'discord.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COMMANDS } from '../../src/commands';
import type { Command } from '../../src/commands/types';
import { answerOf, embedText, startHarness, type Harness } from './harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const errorLogs = (harness: Harness) => harness.logs.filter((l) => (l.level as number) >= 50);

describe('gateway faults', () => {
  it.each([1006, 4000, 4009])('after the gateway closes with %i the bot reconnects and answers the next interaction', async (code) => {
    h = await startHarness();
    // Discord lets a client resume after 1006 and 4000; either a resume or a fresh identify will do.
    const reconnected = new Promise((resolve) => {
      h!.bot.client.once(Events.ShardResume, resolve);
      h!.bot.client.once(Events.ShardReady, resolve);
    });
    h.standIn.faults.closeGateway(code);
    await reconnected;
    const record = await h.standIn.waitForAnswer(h.standIn.sendCommand('tier', { followers: '30k' }), 15_000);
    expect(answerOf(record).body.embeds[0].title).toContain('30,000');
    expect(record.callbacks).toHaveLength(1);
  }, 30_000);
});

describe('REST faults', () => {
  it('a 429 with retry_after on the callback: the reply still arrives, exactly once', async () => {
    h = await startHarness();
    h.standIn.faults.rateLimitNext('/callback', 0.2);
    const record = await h.command('tier', { followers: '30k' });
    expect(record.callbacks).toHaveLength(1);
    const callbackStatuses = h.standIn.requests.filter((r) => r.path.includes(record.id)).map((r) => r.status);
    expect(callbackStatuses).toEqual([429, 204]);
  });

  it('a callback that fails once with 500 is tried again: the reply arrives, nothing is logged as an error', async () => {
    h = await startHarness();
    h.standIn.faults.failNext('/callback', 500);
    const record = await h.command('glossary', { term: 'CPE' });
    expect(embedText(answerOf(record).body)).toContain('CPE');
    const requests = h.standIn.requests.filter((r) => r.path.includes(record.id));
    expect(requests.map((r) => r.status)).toEqual([500, 204]);
    // The bot sends its answers itself (src/discord/interaction-callback.ts) and says so.
    expect(requests.map((r) => r.userAgent)).toEqual(['DiscordBot (Tierbot, 0.1.0) bot', 'DiscordBot (Tierbot, 0.1.0) bot']);
    expect(errorLogs(h)).toEqual([]);
  });

  it('autocomplete choices whose callback gets a 429 are sent again after retry_after, exactly once', async () => {
    h = await startHarness();
    h.standIn.faults.rateLimitNext('/callback', 0.2);
    const record = h.standIn.sendAutocomplete('glossary', 'term', 'cp');
    await h.standIn.waitForAnswer(record);
    expect(record.callbacks).toHaveLength(1);
    expect(record.callbacks[0]!.type).toBe(8);
    expect(record.callbacks[0]!.data.choices.map((c: { name: string }) => c.name)).toContain('CPE (cost per engagement)');
    expect(h.standIn.requests.filter((r) => r.path.includes(record.id)).map((r) => r.status)).toEqual([429, 204]);
  });

  it('a 429 asking for a wait past Discord’s 3 seconds is not waited out; the user gets the error id at once', async () => {
    h = await startHarness();
    h.standIn.faults.rateLimitNext('/callback', 10);
    const startedAt = Date.now();
    const record = await h.command('glossary', { term: 'CPM' });
    expect(Date.now() - startedAt).toBeLessThan(2000);
    const errorId = /error id `([0-9a-f]{8})`/.exec(embedText(answerOf(record).body))?.[1];
    expect(errorId).toBeDefined();
    expect(errorLogs(h).find((l) => l.errorId === errorId)).toMatchObject({ msg: 'interaction failed', err: { status: 429 } });
  });

  it('a callback that keeps failing with 500: logged with an error id the user sees, and the process answers the next one', async () => {
    h = await startHarness();
    // discord.js retries a 5xx three times: fail all four attempts. (A text reply: chart replies
    // are sent by the chart renderer first, see chart-delivery.e2e.test.ts.)
    for (let i = 0; i < 4; i++) h.standIn.faults.failNext('/callback', 500);
    const failed = await h.command('glossary', { term: 'CPE' });
    const { body } = answerOf(failed);
    expect(body.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    const errorId = /error id `([0-9a-f]{8})`/.exec(embedText(body))?.[1];
    expect(errorId).toBeDefined();
    expect(errorLogs(h).some((l) => l.errorId === errorId && (l.err as { stack?: string })?.stack)).toBe(true);
    const next = await h.command('tier', { followers: '1.2M' });
    expect(answerOf(next).body.embeds[0].title).toContain('1,200,000');
  });
});

describe('answers that arrive too late', () => {
  it('an answer refused as too late (10062) is logged once as a warning, not retried or reported, and the next is answered', async () => {
    // Discord allows 3 s; a short window here, and a callback held up past it.
    h = await startHarness({ standIn: { ackTimeoutMs: 300 } });
    h.standIn.faults.delayNext('/callback', 600);
    const late = h.standIn.sendCommand('glossary', { term: 'CPE' });
    const warned = () => h!.logs.find((l) => l.interactionId === late.id && l.level === 40);
    await vi.waitFor(() => expect(warned()).toBeDefined(), { timeout: 5000 });
    expect(warned()).toMatchObject({ msg: 'interaction expired before its answer reached Discord', ageMs: expect.any(Number) });
    expect(h.standIn.requests.filter((r) => r.path.includes(late.id) || r.path.includes(late.token)).map((r) => r.status)).toEqual([404]);
    expect(late.callbacks).toEqual([]);
    expect(errorLogs(h)).toEqual([]);
    // A text answer: a chart renderer starting cold could take longer than this short window.
    const next = await h.command('glossary', { term: 'CPM' });
    expect(embedText(answerOf(next).body)).toContain('CPM');
  });
});

describe('slow, unknown and unexpected interactions', () => {
  it('defers a reply that takes longer than 2 s, then edits in the answer', async () => {
    const slow: Command = {
      definition: new SlashCommandBuilder().setName('slow').setDescription('Takes 2.6 seconds').toJSON(),
      run: () => new Promise((resolve) => setTimeout(() => resolve({ embeds: [{ title: 'done' }] }), 2600)),
    };
    h = await startHarness({ commands: [...COMMANDS, slow] });
    const record = await h.standIn.waitForAnswer(h.standIn.sendCommand('slow'), 10_000);
    expect(record.callbacks.map((c) => c.type)).toEqual([5]);
    expect(record.edits[0]!.body.embeds[0].title).toBe('done');
  });

  it('a command that throws at once (no promise) gets the error-id reply, and the bot answers the next one', async () => {
    const broken: Command = {
      definition: new SlashCommandBuilder().setName('broken').setDescription('Throws synchronously').toJSON(),
      run: () => {
        throw new Error('broken on purpose');
      },
    };
    h = await startHarness({ commands: [...COMMANDS, broken] });
    const record = await h.command('broken');
    const { body } = answerOf(record);
    expect(body.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    const errorId = /error id `([0-9a-f]{8})`/.exec(embedText(body))?.[1];
    expect(errorLogs(h).some((l) => l.errorId === errorId && (l.err as { message?: string })?.message === 'broken on purpose')).toBe(true);
    expect(answerOf(await h.command('glossary', { term: 'CPE' })).body.embeds[0].title).toContain('CPE');
  });

  it('prepares answers after the commands load, between interactions; a preparation that throws is logged, the rest still run', async () => {
    const steps: string[] = [];
    const withPrepare = (name: string, prepare: () => Generator<unknown>): Command => ({
      definition: new SlashCommandBuilder().setName(name).setDescription('Has answers to prepare').toJSON(),
      run: () => ({ embeds: [{ title: name }] }),
      prepare,
    });
    const broken = withPrepare('prepares-badly', function* () {
      steps.push('first');
      yield;
      steps.push('second');
      yield;
      throw new Error('a table that cannot be built');
    });
    const fine = withPrepare('prepares-well', function* () {
      steps.push('other command');
      yield;
    });
    h = await startHarness({ commands: [broken, fine] });
    // Nothing is built before the first interaction loads the commands.
    expect(steps).toEqual([]);
    expect(answerOf(await h.command('prepares-well')).body.embeds[0].title).toBe('prepares-well');
    await vi.waitFor(() => expect(steps).toEqual(['first', 'second', 'other command']), { timeout: 5000 });
    expect(h.logs.some((l) => l.command === 'prepares-badly' && l.level === 40 && (l.err as { message?: string })?.message === 'a table that cannot be built')).toBe(true);
    expect(errorLogs(h)).toEqual([]);
    expect(answerOf(await h.command('prepares-badly')).body.embeds[0].title).toBe('prepares-badly');
  });

  it('answers an interaction for an unknown command ephemerally, and logs it', async () => {
    h = await startHarness();
    const record = await h.command('no-such-command', { x: 'y' });
    const { body } = answerOf(record);
    expect(body.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(embedText(body)).toContain('/no-such-command');
    expect(h.logs.some((l) => l.command === 'no-such-command' && l.level === 40)).toBe(true);
  });

  it('answers autocomplete on an unexpected option with an empty list', async () => {
    h = await startHarness();
    const record = await h.autocomplete('tiers', 'bogus', 'medi');
    expect(record.callbacks[0]).toMatchObject({ type: 8, data: { choices: [] } });
    const unknown = await h.autocomplete('no-such-command', 'q', 'x');
    expect(unknown.callbacks[0]).toMatchObject({ type: 8, data: { choices: [] } });
    expect(errorLogs(h)).toEqual([]);
  });

  it('answers a button from a retired version ephemerally', async () => {
    h = await startHarness();
    const record = await h.component('retired:thing', { componentType: 2 });
    expect(answerOf(record).body.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
  });
});
