/**
 * The interaction core's policies, on wire JSON with a recording responder: the chart decision
 * under load, the defer deadline counted from Discord's clock, routing (a forwarded message read as
 * one written in the channel), the error boundary (the error id sent privately even after the public
 * "thinking" message was deleted), and limits refused before sending.
 */

import { describe, expect, it, vi } from 'vitest';
import { InteractionResponseType, MessageFlags, InteractionType, type APIInteraction } from 'discord-api-types/v10';
import { classifyMessage } from '../src/commands/classify-message';
import { slashCommand, type Command, type Reply, type SlashCommand } from '../src/commands/types';
import { createLogger } from '../src/config/logger';
import { createInteractionCore, DEFER_AFTER_MS, msUntilDefer } from '../src/interactions/core';
import type { Responder } from '../src/interactions/responder';
import { memoryStore } from './support/context';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const charted = slashCommand({
  definition: { name: 'charted', description: 'a reply with a chart' } as const,
  run: (): Reply => ({ embeds: [{ title: 'with a chart' }], chart: { kind: 'tiers', opts: {} } }),
});
const huge = slashCommand({
  definition: { name: 'huge', description: 'a reply over the limits' } as const,
  run: (): Reply => ({ embeds: [{ title: 'x', description: 'y'.repeat(5000) }] }),
});
const slow = slashCommand({
  definition: { name: 'slow', description: 'takes a while' } as const,
  run: () => sleep(300).then((): Reply => ({ embeds: [{ title: 'late' }] })),
});

function core(commands: Command[], renderMs = 100) {
  const logs: Record<string, unknown>[] = [];
  const logger = createLogger({ level: 'debug', destination: { write: (line: string) => void logs.push(JSON.parse(line)) } });
  let rendered = 0;
  let drawing = 0;
  const instance = createInteractionCore({
    commands,
    store: memoryStore(),
    logger,
    download: async () => new Uint8Array(),
    // A renderer that draws one chart at a time and has room while at most one is in hand.
    charts: {
      hasRoom: () => drawing < 2,
      render: async () => {
        rendered += 1;
        drawing += 1;
        await sleep(renderMs);
        drawing -= 1;
        return { name: 'chart.png', data: Buffer.from('png'), description: 'a chart' };
      },
    },
  });
  return { instance, logs, rendered: () => rendered };
}

/** A slash command interaction created `ageMs` ago by Discord's clock. */
function interaction(name: string, ageMs = 0): APIInteraction {
  const id = String((BigInt(Date.now() - ageMs) - 1420070400000n) << 22n);
  return { id, application_id: '1', token: 't', type: InteractionType.ApplicationCommand, version: 1, data: { id: '2', name, type: 1 }, user: { id: '3', username: 'u' } } as unknown as APIInteraction;
}

/** A "Classify follower counts" interaction on `message` (the parts of a Discord message it reads), created now. */
function messageInteraction(message: Record<string, unknown>): APIInteraction {
  const target = { id: '500000000000000001', channel_id: '9', author: { id: '4', username: 'lea', global_name: 'Lea' }, attachments: [], embeds: [], ...message };
  return {
    ...interaction('Classify follower counts'),
    data: { id: '2', name: 'Classify follower counts', type: 3, target_id: target.id, resolved: { messages: { [target.id]: target } } },
  } as unknown as APIInteraction;
}

/** Records what the core sends; `failing` names the calls that Discord refuses. */
function recorder(failing: { followUps?: number } = {}) {
  const calls: { kind: string; type?: number; body?: any; files?: number }[] = [];
  let followUpsToRefuse = failing.followUps ?? 0;
  const responder: Responder = {
    respond: async (r) => void calls.push({ kind: 'respond', type: r.type, body: 'data' in r ? r.data : undefined }),
    editOriginal: async (body, files) => void calls.push({ kind: 'edit', body, files: files.length }),
    followUp: async (body, files) => {
      if (followUpsToRefuse > 0) {
        followUpsToRefuse -= 1;
        calls.push({ kind: 'refused followUp', body, files: files.length });
        throw Object.assign(new Error('Discord answered 500'), { status: 500 });
      }
      calls.push({ kind: 'followUp', body, files: files.length });
    },
    deleteOriginal: async () => void calls.push({ kind: 'delete' }),
  };
  return { responder, calls };
}

describe('the chart decision', () => {
  it('asks for charts only while the renderer has room, and sends the rest as text at once', async () => {
    const { instance, rendered } = core([charted]);
    const recorders = Array.from({ length: 20 }, () => recorder());
    await Promise.all(recorders.map((r) => instance.handle(interaction('charted'), r.responder)));
    expect(rendered()).toBe(2);
    const withChart = recorders.filter((r) => r.calls.some((c) => c.kind === 'edit' && c.files === 1));
    const textOnly = recorders.filter((r) => r.calls[0]!.type === InteractionResponseType.ChannelMessageWithSource);
    expect(withChart).toHaveLength(2);
    expect(textOnly).toHaveLength(18);
    for (const r of textOnly) expect(r.calls).toHaveLength(1); // no defer, no edit: one answer
    for (const r of withChart) expect(r.calls[0]!.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    // Once the burst is over, a lone request gets its chart again.
    const lone = recorder();
    await instance.handle(interaction('charted'), lone.responder);
    expect(lone.calls.at(-1)).toMatchObject({ kind: 'edit', files: 1 });
  });
});

describe('the defer deadline', () => {
  it('counts from when Discord created the interaction inside its 3-second window, and from now for an id dated outside it', () => {
    expect(msUntilDefer(interaction('slow', 0))).toBeGreaterThan(DEFER_AFTER_MS - 50);
    expect(msUntilDefer(interaction('slow', 1500))).toBeLessThanOrEqual(500);
    expect(msUntilDefer(interaction('slow', 2500))).toBe(0);
    // A fixed id from 2015, or one dated ahead by a clock set wrong here: the whole budget.
    expect(msUntilDefer({ ...interaction('slow'), id: '1' })).toBe(DEFER_AFTER_MS);
    expect(msUntilDefer(interaction('slow', 5000))).toBe(DEFER_AFTER_MS);
    expect(msUntilDefer(interaction('slow', -5000))).toBe(DEFER_AFTER_MS);
  });

  it('defers a slow answer once 2 s have passed since Discord created the interaction, not since it arrived', async () => {
    const { instance } = core([slow]);
    const late = recorder();
    await instance.handle(interaction('slow', 1900), late.responder);
    expect(late.calls.map((c) => c.kind + (c.type ?? ''))).toEqual([`respond${InteractionResponseType.DeferredChannelMessageWithSource}`, 'edit']);
    const fresh = recorder();
    await instance.handle(interaction('slow', 0), fresh.responder);
    expect(fresh.calls.map((c) => c.type)).toEqual([InteractionResponseType.ChannelMessageWithSource]);
  });

  it('an answer for the user alone, found after a public defer, replaces the "thinking" message with a private follow-up', async () => {
    const slowPrivate = slashCommand({
      definition: { name: 'slowprivate', description: 'an ephemeral answer, late' } as const,
      run: () => sleep(300).then((): Reply => ({ embeds: [{ title: 'only you' }], flags: MessageFlags.Ephemeral })),
    });
    const { instance } = core([slowPrivate, slow]);
    const late = recorder();
    expect(await instance.handle(interaction('slowprivate', 1900), late.responder)).toBe('answered');
    expect(late.calls.map((c) => c.kind + (c.type ?? ''))).toEqual([`respond${InteractionResponseType.DeferredChannelMessageWithSource}`, 'delete', 'followUp']);
    expect(late.calls[0]!.body).toBeUndefined(); // deferred in public: Tierbot could not know yet
    expect(late.calls[2]!.body.flags).toBe(MessageFlags.Ephemeral);
    // A public answer after a public defer is still an edit of the "thinking" message.
    const publicLate = recorder();
    await instance.handle(interaction('slow', 1900), publicLate.responder);
    expect(publicLate.calls.map((c) => c.kind)).toEqual(['respond', 'edit']);
  });

  it('acknowledges before downloading a file, so reading a large one never holds the answer past the deadline', async () => {
    const attachment = { id: '9', filename: 'roster.csv', size: 10, url: 'http://127.0.0.1/roster.csv', content_type: 'text/csv' };
    const reader = slashCommand({
      definition: { name: 'reader', description: 'reads a file', options: [{ type: 11, name: 'file', description: 'the file', required: true }] } as const,
      run: async (args, context): Promise<Reply> => {
        await context.download(args.file);
        // Parsing holds the event loop: no timer can defer meanwhile.
        const until = Date.now() + 2500;
        while (Date.now() < until);
        return { embeds: [{ title: 'read' }] };
      },
    });
    const { instance } = core([reader]);
    const r = recorder();
    const started = Date.now();
    const withFile = interaction('reader') as unknown as { data: Record<string, unknown> };
    withFile.data.options = [{ type: 11, name: 'file', value: '9' }];
    withFile.data.resolved = { attachments: { '9': attachment } };
    const acknowledgedAt: number[] = [];
    const respond = r.responder.respond;
    r.responder.respond = async (response) => {
      acknowledgedAt.push(Date.now() - started);
      await respond(response);
    };
    expect(await instance.handle(withFile as unknown as APIInteraction, r.responder)).toBe('answered');
    expect(r.calls.map((c) => c.kind + (c.type ?? ''))).toEqual([`respond${InteractionResponseType.DeferredChannelMessageWithSource}`, 'edit']);
    expect(acknowledgedAt[0]).toBeLessThan(500);
  });

  it('acknowledges privately before downloading a file whose answer is private, so nothing shows in the channel', async () => {
    const attachment = { id: '9', filename: 'terms.json', size: 10, url: 'http://127.0.0.1/terms.json', content_type: 'application/json' };
    const importer = slashCommand({
      definition: { name: 'importer', description: 'reads a file for its user alone', options: [{ type: 11, name: 'file', description: 'the file', required: true }] } as const,
      run: async (args, context): Promise<Reply> => {
        await context.download(args.file, { privately: true });
        return { embeds: [{ title: 'imported' }], flags: MessageFlags.Ephemeral };
      },
    });
    const { instance } = core([importer]);
    const r = recorder();
    const withFile = interaction('importer') as unknown as { data: Record<string, unknown> };
    withFile.data.options = [{ type: 11, name: 'file', value: '9' }];
    withFile.data.resolved = { attachments: { '9': attachment } };
    expect(await instance.handle(withFile as unknown as APIInteraction, r.responder)).toBe('answered');
    expect(r.calls.map((c) => c.kind + (c.type ?? ''))).toEqual([`respond${InteractionResponseType.DeferredChannelMessageWithSource}`, 'edit']);
    expect(r.calls[0]!.body.flags).toBe(MessageFlags.Ephemeral);
  });

  it('leaves no deadline timer behind once an answer is in', async () => {
    const prompt = slashCommand({
      definition: { name: 'prompt', description: 'answers at once, asynchronously' } as const,
      run: async (): Promise<Reply> => ({ embeds: [{ title: 'now' }] }),
    });
    const { instance } = core([prompt]);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const r = recorder();
      expect(await instance.handle(interaction('prompt'), r.responder)).toBe('answered');
      expect(r.calls).toHaveLength(1);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('routing', () => {
  it('answers a command that needs a subcommand but got none with an input error naming them', async () => {
    const grouped = slashCommand({
      definition: { name: 'grouped', description: 'has subcommands', options: [{ type: 1, name: 'show', description: 'show it' }] } as const,
      run: (): Reply => ({ embeds: [{ title: 'shown' }] }),
    });
    const { instance } = core([grouped]);
    const r = recorder();
    expect(await instance.handle(interaction('grouped'), r.responder)).toBe('input-error');
    expect(JSON.stringify(r.calls[0]!.body)).toContain('/grouped show');
  });

  it('never runs a command with options its definition does not declare: missing or of another type, it says which', async () => {
    const ran: unknown[] = [];
    const typed = slashCommand({
      definition: {
        name: 'typed',
        description: 'typed options',
        options: [
          { type: 1, name: 'set', description: 'set it', options: [{ type: 3, name: 'text', description: 'text', required: true }, { type: 4, name: 'count', description: 'count' }] },
          { type: 1, name: 'show', description: 'show it' },
        ],
      } as const,
      run: (args): Reply => {
        ran.push(args);
        return { embeds: [{ title: 'ran' }] };
      },
    });
    const { instance } = core([typed]);
    const withOptions = (options: unknown[]) => {
      const i = interaction('typed') as unknown as { data: { options: unknown[] } };
      i.data.options = options;
      return i as unknown as APIInteraction;
    };
    const answer = async (options: unknown[]) => {
      const r = recorder();
      const outcome = await instance.handle(withOptions(options), r.responder);
      return { outcome, text: JSON.stringify(r.calls[0]!.body), flags: r.calls[0]!.body.flags };
    };
    const missing = await answer([{ type: 1, name: 'set', options: [] }]);
    expect(missing).toMatchObject({ outcome: 'input-error', flags: 64 });
    expect(missing.text).toContain('`text` is missing');
    expect(missing.text).toContain('npm run deploy-commands');
    const wrongType = await answer([{ type: 1, name: 'set', options: [{ type: 3, name: 'text', value: 'a' }, { type: 3, name: 'count', value: '12' }] }]);
    expect(wrongType.outcome).toBe('input-error');
    expect(wrongType.text).toContain('`count` should be a whole number');
    expect(ran).toEqual([]);
    expect((await answer([{ type: 1, name: 'set', options: [{ type: 3, name: 'text', value: 'a' }, { type: 4, name: 'count', value: 12 }] }])).outcome).toBe('answered');
    expect((await answer([{ type: 1, name: 'show' }])).outcome).toBe('answered');
    expect(ran).toEqual([{ subcommand: 'set', text: 'a', count: 12 }, { subcommand: 'show' }]);
  });
});

describe('"Classify follower counts" on a forwarded message', () => {
  it('reads the forwarded text, as it reads a message written in the channel', async () => {
    const { instance } = core([classifyMessage]);
    const written = recorder();
    await instance.handle(messageInteraction({ content: 'Sara has 45k on IG' }), written.responder);
    const forwarded = recorder();
    const forward = { content: '', message_reference: { type: 1, message_id: '7', channel_id: '8' }, message_snapshots: [{ message: { content: 'Sara has 45k on IG', embeds: [], attachments: [], type: 0, timestamp: '2026-01-01T00:00:00Z', flags: 0, mentions: [], mention_roles: [], edited_timestamp: null, components: [] } }] };
    expect(await instance.handle(messageInteraction(forward), forwarded.responder)).toBe('answered');
    expect(forwarded.calls).toHaveLength(1);
    expect(forwarded.calls[0]!.body.embeds).toEqual(written.calls[0]!.body.embeds);
    expect(JSON.stringify(forwarded.calls[0]!.body)).not.toContain('no text to read');
  });
});

describe('the error boundary', () => {
  it('never rejects, even for a payload without its data: the failure reply (or no suggestions) goes out, with an error id in the log', async () => {
    const { instance, logs } = core([charted]);
    for (const type of [InteractionType.ApplicationCommand, InteractionType.MessageComponent, InteractionType.ApplicationCommandAutocomplete]) {
      const bare = { ...interaction('charted'), type, data: undefined } as unknown as APIInteraction;
      const r = recorder();
      await expect(instance.handle(bare, r.responder)).resolves.toBe('failed');
      expect(r.calls).toHaveLength(1);
      const expected = type === InteractionType.ApplicationCommandAutocomplete ? /"choices":\[\]/ : /error id `[0-9a-f]{8}`/;
      expect(JSON.stringify(r.calls[0]!.body)).toMatch(expected);
    }
    expect(logs.filter((l) => l.level === 50 && typeof l.errorId === 'string')).toHaveLength(3);
  });
});

describe('a failure after a private answer replaced the public "thinking" message', () => {
  const slowPrivate = (name: string, reply: Reply): SlashCommand =>
    slashCommand({ definition: { name, description: 'an ephemeral answer, late' } as const, run: () => sleep(300).then(() => reply) });

  it('tells the user the error id in a private follow-up when the answer itself cannot be sent, never by editing the deleted message', async () => {
    const { instance, logs } = core([slowPrivate('late', { embeds: [{ title: 'only you' }], flags: MessageFlags.Ephemeral })]);
    const r = recorder({ followUps: 1 });
    expect(await instance.handle(interaction('late', 1900), r.responder)).toBe('failed');
    expect(r.calls.map((c) => c.kind)).toEqual(['respond', 'delete', 'refused followUp', 'followUp']);
    const errorId = logs.find((l) => l.msg === 'interaction')!.errorId as string;
    expect(r.calls.at(-1)!.body.embeds[0].description).toContain(errorId);
    expect(r.calls.at(-1)!.body.flags).toBe(MessageFlags.Ephemeral);
  });

  it('does the same when the late private answer breaks Discord’s limits', async () => {
    const { instance, logs } = core([slowPrivate('huge', { embeds: [{ title: 'x', description: 'y'.repeat(5000) }], flags: MessageFlags.Ephemeral })]);
    const r = recorder();
    expect(await instance.handle(interaction('huge', 1900), r.responder)).toBe('failed');
    expect(r.calls.map((c) => c.kind)).toEqual(['respond', 'delete', 'followUp']);
    expect(r.calls[0]!.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    const errorId = logs.find((l) => l.msg === 'interaction')!.errorId as string;
    expect(r.calls.at(-1)!.body.embeds[0].description).toContain(errorId);
  });
});

describe('the limits check', () => {
  it('never sends a reply over the limits: the user gets the error id, the log names the problem', async () => {
    const { instance, logs } = core([huge]);
    const r = recorder();
    expect(await instance.handle(interaction('huge'), r.responder)).toBe('failed');
    expect(r.calls).toHaveLength(1);
    expect(JSON.stringify(r.calls[0]!.body)).toMatch(/error id/);
    expect(JSON.stringify(r.calls[0]!.body)).not.toContain('yyyy');
    expect(logs.some((l) => l.level === 50 && JSON.stringify(l.err).includes('description'))).toBe(true);
  });
});
