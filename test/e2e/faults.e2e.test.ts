/** What the network and Discord can do to the bot, injected by the stand-in: it must answer anyway. */

import { Events } from 'discord.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COMMANDS } from '../../src/commands';
import { slashCommand, type Reply } from '../../src/commands/types';
import { answerOf, embedText, MODES, startHarness, type Harness } from './harness';

const EPHEMERAL = 64;

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
      h!.gateway!.client.once(Events.ShardResume, resolve);
      h!.gateway!.client.once(Events.ShardReady, resolve);
    });
    h.standIn.faults.closeGateway(code);
    await reconnected;
    // An operator sees the connection go and come back.
    expect(h.logs.some((l) => l.msg === 'gateway disconnected; reconnecting' && l.level === 40)).toBe(true);
    expect(h.logs.some((l) => /gateway (resumed|session ready)/.test(String(l.msg)) && l.level === 30)).toBe(true);
    const record = await h.standIn.waitForAnswer(h.standIn.sendCommand('tier', { followers: '30k' }), 15_000);
    expect(answerOf(record).body.embeds[0].title).toContain('30,000');
    expect(record.callbacks).toHaveLength(1);
  }, 30_000);

  it('stopping the bot on purpose is not reported as a lost connection', async () => {
    const harness = await startHarness();
    await harness.close();
    expect(harness.logs.filter((l) => /gateway disconnected/.test(String(l.msg)))).toEqual([]);
  });
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

  it('a callback that fails once with 500 is tried again: the reply arrives, and the 500 is logged as a warning without the token', async () => {
    h = await startHarness();
    h.standIn.faults.failNext('/callback', 500);
    const record = await h.command('glossary', { term: 'CPE' });
    expect(embedText(answerOf(record).body)).toContain('CPE');
    const requests = h.standIn.requests.filter((r) => r.path.includes(record.id));
    expect(requests.map((r) => r.status)).toEqual([500, 204]);
    expect(errorLogs(h)).toEqual([]);
    const warning = h.logs.find((l) => l.status === 500);
    expect(warning).toMatchObject({ level: 40, msg: 'Discord answered with a server error; sending the request again', method: 'POST', attempt: 1 });
    expect(String(warning?.path)).toMatch(new RegExp(`^/interactions/${record.id}/\\[redacted\\]/callback$`));
    expect(JSON.stringify(h.logs)).not.toContain(record.token);
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
    expect(errorLogs(h).find((l) => l.errorId === errorId)).toMatchObject({ msg: '/glossary failed', command: 'glossary' });
  });

  it('a callback that keeps failing with 500: logged with an error id the user sees, and the process answers the next one', async () => {
    h = await startHarness();
    // The REST client retries a 5xx three times: fail all four attempts (a text reply, sent at once).
    for (let i = 0; i < 4; i++) h.standIn.faults.failNext('/callback', 500);
    const failed = await h.command('glossary', { term: 'CPE' });
    const { body } = answerOf(failed);
    expect(body.flags & EPHEMERAL).toBe(EPHEMERAL);
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
    const warned = () => h!.logs.find((l) => l.command === 'glossary' && l.level === 40);
    await vi.waitFor(() => expect(warned()).toBeDefined(), { timeout: 5000 });
    expect(warned()).toMatchObject({ msg: 'interaction expired before its answer reached Discord', ageMs: expect.any(Number), errorId: expect.any(String) });
    expect(h.standIn.requests.filter((r) => r.path.includes(late.id) || r.path.includes(late.token)).map((r) => r.status)).toEqual([404]);
    expect(late.callbacks).toEqual([]);
    expect(errorLogs(h)).toEqual([]);
    // A text answer: a chart renderer starting cold could take longer than this short window.
    const next = await h.command('glossary', { term: 'CPM' });
    expect(embedText(answerOf(next).body)).toContain('CPM');
  });
});

describe.each(MODES)('slow, unknown and unexpected interactions (%s)', (mode) => {
  it('defers a reply that takes longer than 2 s, then edits in the answer', async () => {
    const slow = slashCommand({
      definition: { name: 'slow', description: 'Takes 2.6 seconds' } as const,
      run: () => new Promise<Reply>((resolve) => setTimeout(() => resolve({ embeds: [{ title: 'done' }] }), 2600)),
    });
    h = await startHarness({ mode, commands: [...COMMANDS, slow] });
    const record = await h.standIn.waitForAnswer(h.standIn.sendCommand('slow'), 10_000);
    expect(record.callbacks.map((c) => c.type)).toEqual([5]);
    expect(record.edits[0]!.body.embeds[0].title).toBe('done');
  });

  it('a command that throws at once (no promise) gets the error-id reply, and the bot answers the next one', async () => {
    const broken = slashCommand({
      definition: { name: 'broken', description: 'Throws synchronously' } as const,
      run: (): Reply => {
        throw new Error('broken on purpose');
      },
    });
    h = await startHarness({ mode, commands: [...COMMANDS, broken] });
    const record = await h.command('broken');
    const { body } = answerOf(record);
    expect(body.flags & EPHEMERAL).toBe(EPHEMERAL);
    const errorId = /error id `([0-9a-f]{8})`/.exec(embedText(body))?.[1];
    expect(errorLogs(h).some((l) => l.errorId === errorId && (l.err as { message?: string })?.message === 'broken on purpose')).toBe(true);
    expect(answerOf(await h.command('glossary', { term: 'CPE' })).body.embeds[0].title).toContain('CPE');
  });

  it('answers an interaction for an unknown command ephemerally, and logs it', async () => {
    h = await startHarness({ mode });
    const record = await h.command('no-such-command', { x: 'y' });
    const { body } = answerOf(record);
    expect(body.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(embedText(body)).toContain('/no-such-command');
    expect(h.logs.some((l) => l.command === 'no-such-command' && l.level === 40)).toBe(true);
  });

  it('answers autocomplete on an unexpected option with an empty list', async () => {
    h = await startHarness({ mode });
    const record = await h.autocomplete('tiers', 'bogus', 'medi');
    expect(record.callbacks[0]).toMatchObject({ type: 8, data: { choices: [] } });
    const unknown = await h.autocomplete('no-such-command', 'q', 'x');
    expect(unknown.callbacks[0]).toMatchObject({ type: 8, data: { choices: [] } });
    expect(errorLogs(h)).toEqual([]);
  });

  it('answers a button from a retired version ephemerally', async () => {
    h = await startHarness({ mode });
    const record = await h.component('retired:thing', { componentType: 2 });
    expect(answerOf(record).body.flags & EPHEMERAL).toBe(EPHEMERAL);
  });
});
