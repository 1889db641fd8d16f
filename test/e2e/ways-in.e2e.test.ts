/**
 * The two ways in — the gateway client and the HTTP Interactions Endpoint — answer the same
 * interactions with the same payloads, through the stand-in; the error boundary's every branch
 * is exercised in both; the endpoint refuses what Discord would never send.
 */

import { describe, expect, it } from 'vitest';
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { COMMANDS } from '../../src/commands';
import { inputErrorReply } from '../../src/commands/embeds';
import { slashCommand, type Command, type Reply } from '../../src/commands/types';
import type { InteractionRecord } from '../../tools/standin/server';
import { answerOf, embedText, harnessForEachMode, MODES } from './harness';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The bot logs an interaction once Discord has accepted its answer, a moment after the stand-in records it. */
async function until(check: () => boolean, ms = 3000) {
  for (const end = Date.now() + ms; !check() && Date.now() < end; ) await sleep(20);
  return check();
}

/** Commands that fail in each way the error boundary must handle. */
const failing: Command[] = [
  slashCommand({
    definition: { name: 'boom', description: 'fails at once' } as const,
    run(): Reply {
      throw new Error('boom');
    },
  }),
  slashCommand({
    definition: { name: 'slowboom', description: 'fails after the defer deadline' } as const,
    async run(): Promise<Reply> {
      await sleep(2300);
      throw new Error('slow boom');
    },
  }),
  slashCommand({
    definition: { name: 'slowrefusal', description: 'an input error found after the defer deadline' } as const,
    async run(): Promise<Reply> {
      await sleep(2300);
      return inputErrorReply('That took a while to find out.', 'anything else.');
    },
  }),
  slashCommand({
    definition: { name: 'withfile', description: 'answers with a file (deferred, then edited)' } as const,
    run: () => ({ embeds: [{ title: 'a file' }], files: [{ name: 'a.csv', data: Buffer.from('a,b\n1,2\n'), description: 'two columns' }] }),
  }),
  slashCommand({
    definition: { name: 'slowpress', description: 'a button whose separate answer is slow' } as const,
    run: () => ({ embeds: [{ title: 'press' }] }),
    async component() {
      await sleep(2300);
      return { mode: 'reply' as const, reply: { embeds: [{ title: 'late answer' }] } };
    },
  }),
  slashCommand({
    definition: {
      name: 'echo',
      description: 'shows typed text back',
      options: [{ type: ApplicationCommandOptionType.String, name: 'text', description: 'text', required: true }],
    } as const,
    run: (args) => inputErrorReply(`You typed ${args.text.length} characters.`, 'anything.'),
  }),
];

const harnessFor = harnessForEachMode({ commands: [...COMMANDS, ...failing] });

describe.each(MODES)('%s mode', (mode) => {
  const h = () => harnessFor(mode);

  it('answers /tier followers:30000 with the reply and its chart', async () => {
    const record = await h().command('tier', { followers: '30000' });
    const { body, files } = answerOf(record);
    expect(body.embeds[0].title).toContain('30,000');
    expect(body.allowed_mentions).toEqual({ parse: [] });
    // A reply with a chart is deferred, then edited with the PNG (or the text, if the renderer was slow).
    expect(record.callbacks[0]!.type).toBe(5);
    if (files.length) expect(body.embeds[0].image.url).toBe(`attachment://${files[0]!.name}`);
  });

  it('answers bad input ephemerally, at once', async () => {
    const record = await h().command('tier', { followers: 'lots' });
    expect(record.callbacks[0]!.type).toBe(4);
    expect(answerOf(record).body.flags & 64).toBe(64);
  });

  it('a command that throws: an ephemeral reply with the error id, and the log names the command', async () => {
    const record = await h().command('boom');
    expect(record.callbacks.map((c) => c.type)).toEqual([4]);
    const { body } = answerOf(record);
    expect(body.flags & 64).toBe(64);
    const id = /error id `([0-9a-f]{8})`/.exec(embedText(body))?.[1];
    expect(id).toBeDefined();
    expect(await until(() => h().logs.some((l) => l.errorId === id && l.level === 50 && String(l.msg).includes('/boom')))).toBe(true);
    expect(await until(() => h().logs.some((l) => l.errorId === id && l.msg === 'interaction' && l.outcome === 'failed' && l.command === 'boom'))).toBe(true);
  });

  it('a command that fails after being deferred: the deferred reply is edited with the error id', async () => {
    const record = await h().command('slowboom');
    expect(record.callbacks.map((c) => c.type)).toEqual([5]);
    expect(record.edits).toHaveLength(1);
    expect(embedText(record.edits[0]!.body)).toMatch(/error id `[0-9a-f]{8}`/);
  });

  it('a private answer found after a public defer stays private: the public "thinking" message is deleted, the answer follows ephemerally', async () => {
    const record = await h().command('slowrefusal');
    expect(record.callbacks.map((c) => c.type)).toEqual([5]);
    expect(record.callbacks[0]!.data?.flags ?? 0).toBe(0);
    expect(record.edits).toEqual([]);
    expect(record.originalDeletedAt).toBeDefined();
    expect(record.followUps).toHaveLength(1);
    expect(record.followUps[0]!.receivedAt).toBeGreaterThanOrEqual(record.originalDeletedAt!);
    expect(record.followUps[0]!.body.flags & 64).toBe(64);
    expect(embedText(record.followUps[0]!.body)).toContain('That took a while to find out.');
  });

  it('a refused edit: the error boundary edits the reply again with the error id', async () => {
    h().standIn.faults.failNext('messages/@original', 400);
    const record = h().standIn.sendCommand('withfile');
    await h().standIn.waitForAnswer(record, 10_000);
    await sleep(300);
    expect(record.callbacks.map((c) => c.type)).toEqual([5]);
    expect(embedText(answerOf(record).body)).toMatch(/error id `[0-9a-f]{8}`/);
  });

  /** The requests of one interaction that the stand-in answered with a 429. */
  const rateLimited = (record: InteractionRecord) => h().standIn.requests.filter((r) => r.path.includes(record.token) && r.status === 429);

  it('a 429 on an edit is waited out and the edit goes through, once', async () => {
    const sent = h().standIn.sendCommand('withfile');
    // The stand-in matches faults against the decoded path, as Discord's routes are written.
    h().standIn.faults.rateLimitNext(`/webhooks/${h().standIn.applicationId}/${sent.token}/messages/@original`, 0.2);
    const record = await h().standIn.waitForAnswer(sent, 10_000);
    expect(rateLimited(record).map((r) => r.method)).toEqual(['PATCH']);
    expect(record.edits).toHaveLength(1);
    expect(answerOf(record).files.map((f) => f.name)).toEqual(['a.csv']);
  });

  it('a 429 on a follow-up is waited out and the follow-up goes through, once', async () => {
    const sent = h().standIn.sendComponent('slowpress:x');
    h().standIn.faults.rateLimitNext(`/webhooks/${h().standIn.applicationId}/${sent.token}`, 0.2);
    const record = await h().standIn.waitForAnswer(sent, 10_000);
    expect(rateLimited(record).map((r) => r.method)).toEqual(['POST']);
    expect(record.callbacks.map((c) => c.type)).toEqual([6]);
    expect(record.followUps.map((f) => f.body.embeds[0].title)).toEqual(['late answer']);
  });

  it('a button answered late: the update is deferred and the answer is a follow-up; a refused follow-up is reported in another', async () => {
    const record = await h().component('slowpress:x');
    expect(record.callbacks.map((c) => c.type)).toEqual([6]);
    expect(record.followUps.map((f) => f.body.embeds[0].title)).toEqual(['late answer']);
    h().standIn.faults.failNext('/webhooks/', 400);
    const failed = h().standIn.sendComponent('slowpress:x');
    for (let i = 0; i < 60 && failed.followUps.length === 0; i++) await sleep(100);
    expect(embedText(failed.followUps[0]?.body ?? {})).toMatch(/error id `[0-9a-f]{8}`/);
  });

  it('one log line per interaction at info, with no user text', async () => {
    const secret = 'my private words 12345';
    await h().command('echo', { text: secret });
    await until(() => h().logs.some((l) => l.msg === 'interaction' && l.command === 'echo'));
    const lines = h().logs.filter((l) => l.msg === 'interaction' && l.command === 'echo');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 30, outcome: 'input-error' });
    expect(typeof lines[0]!.durationMs).toBe('number');
    expect(JSON.stringify(h().logs)).not.toContain(secret);
  });
});

describe('the same payloads in both modes', () => {
  it.each([
    ['tier', { followers: 'lots' }],
    ['help', {}],
    ['glossary', { term: 'CPE' }],
  ] as const)('/%s', async (name, options) => {
    const [gateway, http] = await Promise.all(MODES.map((mode) => harnessFor(mode).command(name, options)));
    expect(answerOf(http!).body).toEqual(answerOf(gateway!).body);
  });
});
