/**
 * A failed command load is an interaction like any other for an operator: one `info`
 * "interaction" line with the command, outcome, duration and the error id the user was shown,
 * and one count in tierbot_interactions_total. The next interaction tries the load again.
 * A load slower than the defer deadline defers the interaction first, as a slow command would be,
 * and privately when the command asks for a private answer (`/roster private:True`).
 */

import { InteractionResponseType, InteractionType, MessageFlags, type APIInteraction } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/commands';
import { createLogger } from '../src/config/logger';
import { createInteractionCore, DEFER_AFTER_MS, type InteractionCore } from '../src/interactions/core';
import { coreOnFirstInteraction } from '../src/interactions/lazy-core';
import { createMetrics } from '../src/interactions/metrics';
import type { Responder } from '../src/interactions/responder';
import { memoryStore } from './support/context';

const command = (name: string, value: string) =>
  ({ id: '1', application_id: '2', token: 'tok', type: InteractionType.ApplicationCommand, version: 1, data: { id: '3', name, type: 1, options: [{ name: 'followers', type: 3, value }] }, user: { id: '4', username: 'u' } }) as unknown as APIInteraction;
/** `/roster file:team.csv`, in a server, with `private` as given. */
const roster = (asked: { private?: boolean }, id: string) =>
  ({
    id,
    application_id: '2',
    token: 'tok',
    type: InteractionType.ApplicationCommand,
    version: 1,
    guild_id: '5',
    context: 0,
    member: { user: { id: '4', username: 'u' }, permissions: '0' },
    data: {
      id: '3',
      name: 'roster',
      type: 1,
      options: [{ name: 'file', type: 11, value: '6' }, ...(asked.private === undefined ? [] : [{ name: 'private', type: 5, value: asked.private }])],
      resolved: { attachments: { '6': { id: '6', filename: 'team.csv', size: 80, url: 'https://cdn.example/team.csv', proxy_url: 'https://cdn.example/team.csv' } } },
    },
  }) as unknown as APIInteraction;
const button = { id: '1', application_id: '2', token: 'tok', type: InteractionType.MessageComponent, version: 1, data: { custom_id: 'tiers:open:x', component_type: 2 }, user: { id: '4', username: 'u' } } as unknown as APIInteraction;

function recorder() {
  const answers: unknown[] = [];
  const responder: Responder = {
    respond: async (r) => void answers.push(r),
    editOriginal: async () => undefined,
    followUp: async () => undefined,
    deleteOriginal: async () => undefined,
  };
  return { responder, answers };
}

describe('a command load that fails', () => {
  it('logs the interaction line and counts it, with the error id the user sees; no user text', async () => {
    const logs: Record<string, unknown>[] = [];
    const logger = createLogger({ level: 'debug', destination: { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) } });
    const metrics = createMetrics();
    let loads = 0;
    const core = coreOnFirstInteraction(
      async () => {
        loads += 1;
        throw new Error('cannot load the commands');
      },
      logger,
      metrics,
    );
    const r = recorder();
    expect(await core.handle(command('tier', 'my words 98765'), r.responder)).toBe('failed');
    expect(await core.handle(button, recorder().responder)).toBe('failed');
    expect(loads).toBe(2); // tried again

    const errorId = /error id `([0-9a-f]{8})`/.exec(JSON.stringify(r.answers[0]))?.[1];
    expect(errorId).toBeDefined();
    // Before the commands load no name is known to label it with: "unknown", never the name Discord sent.
    const lines = logs.filter((l) => l.msg === 'interaction');
    expect(lines).toEqual([
      expect.objectContaining({ level: 30, command: 'unknown', outcome: 'failed', errorId, durationMs: expect.any(Number) }),
      expect.objectContaining({ level: 30, command: 'unknown:button', outcome: 'failed', errorId: expect.any(String) }),
    ]);
    expect(logs.find((l) => l.msg === 'could not load the commands')).toMatchObject({ level: 50, command: 'unknown', errorId });
    const counted = await metrics.registry.getSingleMetricAsString('tierbot_interactions_total');
    expect(counted).toContain('tierbot_interactions_total{command="unknown",outcome="failed"} 1');
    expect(counted).toContain('tierbot_interactions_total{command="unknown:button",outcome="failed"} 1');
    expect(JSON.stringify(logs)).not.toContain('98765');
  });
});

/** A snowflake Discord would have given an interaction created `ageMs` ago. */
const snowflakeAged = (ageMs: number) => String((BigInt(Date.now() - ageMs) - 1420070400000n) << 22n);

/** Every call the core makes on its responder, in order. */
function transcript() {
  const calls: { call: keyof Responder; body: unknown }[] = [];
  const responder: Responder = {
    respond: async (r) => void calls.push({ call: 'respond', body: r }),
    editOriginal: async (body) => void calls.push({ call: 'editOriginal', body }),
    followUp: async (body) => void calls.push({ call: 'followUp', body }),
    deleteOriginal: async () => void calls.push({ call: 'deleteOriginal', body: undefined }),
  };
  return { responder, calls };
}

describe('a command load slower than the defer deadline', () => {
  const quiet = createLogger({ level: 'fatal', destination: { write: () => {} } });
  const realCore = () => createInteractionCore({ commands: COMMANDS, store: memoryStore(), logger: quiet, download: async () => new Uint8Array() });
  /** A load that finishes `ms` from now: on a busy machine, importing the commands can take seconds. */
  const slowLoad = (ms: number, result: () => Promise<InteractionCore>) => () => new Promise<void>((r) => setTimeout(r, ms)).then(result);

  it('defers a command first (Discord shows "thinking"), then edits the answer in', async () => {
    // Created 1.9 s ago: the deadline is 0.1 s away, the load takes 0.4 s more.
    const interaction = { ...command('tier', '30k'), id: snowflakeAged(DEFER_AFTER_MS - 100) } as APIInteraction;
    const lazy = coreOnFirstInteraction(slowLoad(400, async () => realCore()), quiet);
    const { responder, calls } = transcript();
    expect(await lazy.handle(interaction, responder)).toBe('answered');
    expect(calls.map((c) => c.call)).toEqual(['respond', 'editOriginal']);
    expect(calls[0]!.body).toEqual({ type: InteractionResponseType.DeferredChannelMessageWithSource });
    expect(JSON.stringify(calls[1]!.body)).toContain('30,000');
  });

  it('defers /roster private:True for the uploader alone, so nothing shows in the channel; the answer stays private', async () => {
    const sheet = new TextEncoder().encode('name,email,platform,followers\nAna Lind,ana@example.com,Instagram,45000\n');
    const served = createInteractionCore({ commands: COMMANDS, store: memoryStore(), logger: quiet, download: async () => sheet });
    const lazy = coreOnFirstInteraction(slowLoad(400, async () => served), quiet);
    const { responder, calls } = transcript();
    expect(await lazy.handle(roster({ private: true }, snowflakeAged(DEFER_AFTER_MS - 100)), responder)).toBe('answered');
    expect(calls[0]).toEqual({ call: 'respond', body: { type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } } });
    // The answer is edited into that private message: nothing deleted, nothing sent apart from it.
    expect(calls.slice(1).map((c) => c.call)).toEqual(['editOriginal']);
    expect(JSON.stringify(calls[1])).toContain('Roster: 1 creator by tier');
  });

  it('defers /roster without private, or with private:False, in public', async () => {
    for (const asked of [{}, { private: false }]) {
      const lazy = coreOnFirstInteraction(slowLoad(400, async () => realCore()), quiet);
      const { responder, calls } = transcript();
      await lazy.handle(roster(asked, snowflakeAged(DEFER_AFTER_MS - 100)), responder);
      expect(calls[0]).toEqual({ call: 'respond', body: { type: InteractionResponseType.DeferredChannelMessageWithSource } });
    }
  });

  it('defers a button as an update of its message, and a failed load then tells the presser privately', async () => {
    const pressed = { ...button, id: snowflakeAged(DEFER_AFTER_MS - 100) } as APIInteraction;
    const lazy = coreOnFirstInteraction(slowLoad(400, async () => Promise.reject(new Error('cannot load the commands'))), quiet);
    const { responder, calls } = transcript();
    expect(await lazy.handle(pressed, responder)).toBe('failed');
    expect(calls.map((c) => c.call)).toEqual(['respond', 'followUp']);
    expect(calls[0]!.body).toEqual({ type: InteractionResponseType.DeferredMessageUpdate });
    expect(calls[1]!.body).toMatchObject({ flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] }, content: expect.stringMatching(/error id `[0-9a-f]{8}`/) });
  });

  it('a deferred command whose load fails gets the error id in the edit', async () => {
    const interaction = { ...command('tier', '30k'), id: snowflakeAged(DEFER_AFTER_MS - 100) } as APIInteraction;
    const lazy = coreOnFirstInteraction(slowLoad(400, async () => Promise.reject(new Error('cannot load the commands'))), quiet);
    const { responder, calls } = transcript();
    expect(await lazy.handle(interaction, responder)).toBe('failed');
    expect(calls.map((c) => c.call)).toEqual(['respond', 'editOriginal']);
    expect(calls[1]!.body).toMatchObject({ content: expect.stringMatching(/error id `[0-9a-f]{8}`/), allowed_mentions: { parse: [] } });
  });

  it('a load within the deadline is not deferred: the answer is the first response, whatever date a fixed id gives', async () => {
    for (const id of [snowflakeAged(0), '1', snowflakeAged(60_000)]) {
      const interaction = { ...command('tier', '30k'), id } as APIInteraction;
      const lazy = coreOnFirstInteraction(slowLoad(50, async () => realCore()), quiet);
      const { responder, calls } = transcript();
      expect(await lazy.handle(interaction, responder)).toBe('answered');
      expect(calls.map((c) => c.call)).toEqual(['respond']);
      expect(calls[0]!.body).toMatchObject({ type: InteractionResponseType.ChannelMessageWithSource });
    }
  });
});
