/**
 * Discord gives a user-installed app at most 5 follow-ups per interaction (LIMITS.md); the core
 * keeps its own count (MAX_FOLLOW_UPS) so that it never asks for more. Its follow-ups are few by
 * design: the answer, when it can no longer be the first response (a private answer after a public
 * "thinking" message, a separate reply after a deferred button update), and the error id when
 * Discord refused that. Driven through the core on every path that follows up, with a Discord that
 * accepts follow-ups and one that refuses them all: the count per interaction, and what the user
 * gets. The count is per interaction: many in a row each get theirs.
 */

import { InteractionType, MessageFlags, type APIInteraction } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/config/logger';
import { slashCommand, type ComponentReply, type Reply } from '../src/commands/types';
import { createInteractionCore, DEFER_AFTER_MS, type Acknowledged } from '../src/interactions/core';
import type { Responder } from '../src/interactions/responder';
import { memoryStore } from './support/context';

/** What Discord allows a user-installed app per interaction. */
const DISCORD_FOLLOW_UPS = 5;
const EPOCH = 1420070400000n;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Created this long before it arrived: the defer deadline is 100 ms away. */
const QUEUED_MS = DEFER_AFTER_MS - 100;
/** How long the slow answers take: past the defer deadline. */
const SLOW_MS = 300;
const snowflakeQueued = () => String((BigInt(Date.now() - QUEUED_MS) - EPOCH) << 22n);

const privately = (title: string): Reply => ({ embeds: [{ title }], flags: MessageFlags.Ephemeral });

/** A command whose answer, private, comes after the defer deadline; its button answers with a separate private reply, also late, or fails. */
const slow = slashCommand({
  definition: { name: 'slow', description: 'answers privately, late' } as const,
  run: () => sleep(SLOW_MS).then(() => privately('the private answer')),
  component: async (customId: string): Promise<ComponentReply> => {
    await sleep(SLOW_MS);
    if (customId === 'slow:broken') throw new Error('the button failed after its update was deferred');
    return { mode: 'reply', reply: privately('the reply to the button') };
  },
});

const identity = () => ({ id: snowflakeQueued(), application_id: '1', token: 'tok', version: 1, user: { id: '3', username: 'u' } });
const command = () => ({ ...identity(), type: InteractionType.ApplicationCommand, data: { id: '2', name: 'slow', type: 1 } }) as unknown as APIInteraction;
const button = (customId: string) => ({ ...identity(), type: InteractionType.MessageComponent, data: { custom_id: customId, component_type: 2 } }) as unknown as APIInteraction;

/** Records every request; `refuseFollowUps`: Discord answers each follow-up with a 500. */
function discord({ refuseFollowUps = false } = {}) {
  const sent: { call: keyof Responder; body?: unknown }[] = [];
  const responder: Responder = {
    respond: async (body) => void sent.push({ call: 'respond', body }),
    editOriginal: async (body) => void sent.push({ call: 'editOriginal', body }),
    deleteOriginal: async () => void sent.push({ call: 'deleteOriginal' }),
    followUp: async (body) => {
      sent.push({ call: 'followUp', body });
      if (refuseFollowUps) throw Object.assign(new Error('Discord answered 500'), { status: 500 });
    },
  };
  const followUps = () => sent.filter((s) => s.call === 'followUp').map((s) => JSON.stringify(s.body));
  return { responder, sent, followUps };
}

function core() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ level: 'debug', destination: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) } });
  return { lines, instance: createInteractionCore({ commands: [slow], store: memoryStore(), logger, download: async () => new Uint8Array() }) };
}

/** Every way the core follows up: the interaction, and how it was acknowledged before the core got it. */
const paths: { name: string; interaction: () => APIInteraction; acknowledged?: Acknowledged; answer: string }[] = [
  { name: 'a late private answer to a command (deferred in public)', interaction: command, answer: 'the private answer' },
  { name: 'a late separate reply to a button (its update deferred)', interaction: () => button('slow:reply'), answer: 'the reply to the button' },
  { name: 'a separate reply to a button whose update was deferred while the commands loaded', interaction: () => button('slow:reply'), acknowledged: 'deferred-update', answer: 'the reply to the button' },
];

describe('the follow-ups one interaction gets', () => {
  it.each(paths)('$name: one follow-up, the answer, for the user alone', async ({ interaction, acknowledged, answer }) => {
    const { instance } = core();
    const d = discord();
    expect(await instance.handle(interaction(), d.responder, acknowledged)).toBe('answered');
    expect(d.followUps()).toHaveLength(1);
    expect(d.followUps()[0]).toContain(answer);
    expect(JSON.parse(d.followUps()[0]!).flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
  });

  it.each(paths)('$name, with Discord refusing every follow-up: two asked for (the answer, then the error id), never more', async ({ interaction, acknowledged, answer }) => {
    const { instance, lines } = core();
    const d = discord({ refuseFollowUps: true });
    expect(await instance.handle(interaction(), d.responder, acknowledged)).toBe('failed');
    const [first, second, ...more] = d.followUps();
    expect(first).toContain(answer);
    const errorId = /error id `([0-9a-f]{8})`/.exec(second ?? '')?.[1];
    expect(errorId).toBeDefined();
    expect(more).toEqual([]);
    // It gives up there, saying so once; nothing is tried after the interaction's line.
    expect(lines.filter((l) => l.msg === 'could not tell the user about a failure')).toEqual([expect.objectContaining({ errorId })]);
    await sleep(SLOW_MS);
    expect(d.followUps()).toHaveLength(2);
  });

  it('a button that fails after its update was deferred: the error id, as the one follow-up', async () => {
    const { instance } = core();
    const d = discord();
    expect(await instance.handle(button('slow:broken'), d.responder)).toBe('failed');
    expect(d.followUps()).toHaveLength(1);
    expect(d.followUps()[0]).toMatch(/error id `[0-9a-f]{8}`/);
  });

  it('is counted for each interaction on its own: more interactions than Discord allows follow-ups each still get theirs', async () => {
    const { instance } = core();
    const answered = await Promise.all(
      Array.from({ length: DISCORD_FOLLOW_UPS + 2 }, async () => {
        const d = discord();
        await instance.handle(command(), d.responder);
        return d.followUps();
      }),
    );
    for (const followUps of answered) expect(followUps).toEqual([expect.stringContaining('the private answer')]);
  });
});
