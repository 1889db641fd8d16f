/**
 * "Classify follower counts" on repeated counts and on forwarded messages, the error id after a
 * private answer replaced a public "thinking" message, and what /house, /term and /plans say in
 * a server where Tierbot runs only from a member's own apps.
 */

import { describe, expect, it } from 'vitest';
import { InteractionResponseType, InteractionType, MessageFlags, type APIInteraction } from 'discord-api-types/v10';
import { LONG_LIST_NOTE, classifyMessage } from '../src/commands/classify-message';
import { PUBLIC_TEXT_LIMIT } from '../src/commands/embeds';
import { house } from '../src/commands/house';
import { embedLength, messageProblems } from '../src/commands/limits';
import { plans } from '../src/commands/plans';
import { term } from '../src/commands/term';
import { slashCommand, type Command, type Reply, type SlashCommand } from '../src/commands/types';
import { createLogger } from '../src/config/logger';
import { consensusFor } from '../src/domain/roster';
import { createInteractionCore } from '../src/interactions/core';
import type { Responder } from '../src/interactions/responder';
import { memoryStore, testContext } from './support/context';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function coreWith(commands: Command[]) {
  const logs: Record<string, unknown>[] = [];
  const logger = createLogger({ level: 'debug', destination: { write: (line: string) => void logs.push(JSON.parse(line)) } });
  return { instance: createInteractionCore({ commands, store: memoryStore(), logger, download: async () => new Uint8Array() }), logs };
}

/** A Discord snowflake for an interaction created `ageMs` ago. */
const idAged = (ageMs: number) => String((BigInt(Date.now() - ageMs) - 1420070400000n) << 22n);

function slashInteraction(name: string, ageMs = 0): APIInteraction {
  return { id: idAged(ageMs), application_id: '1', token: 't', type: InteractionType.ApplicationCommand, version: 1, data: { id: '2', name, type: 1 }, user: { id: '3', username: 'u' } } as unknown as APIInteraction;
}

function messageInteraction(message: Record<string, unknown>): APIInteraction {
  const target = { id: '500000000000000001', channel_id: '9', author: { id: '4', username: 'lea', global_name: 'Lea' }, attachments: [], embeds: [], ...message };
  return {
    id: idAged(0),
    application_id: '1',
    token: 't',
    type: InteractionType.ApplicationCommand,
    version: 1,
    data: { id: '2', name: 'Classify follower counts', type: 3, target_id: target.id, resolved: { messages: { [target.id]: target } } },
    user: { id: '3', username: 'u' },
  } as unknown as APIInteraction;
}

/** Records what the core sends; `failing` names the calls that Discord refuses. */
function recorder(failing: { followUps?: number } = {}) {
  const calls: { kind: string; type?: number; body?: any }[] = [];
  let followUpsToRefuse = failing.followUps ?? 0;
  const responder: Responder = {
    respond: async (r) => void calls.push({ kind: 'respond', type: r.type, body: 'data' in r ? r.data : undefined }),
    editOriginal: async (body) => void calls.push({ kind: 'edit', body }),
    followUp: async (body) => {
      if (followUpsToRefuse > 0) {
        followUpsToRefuse -= 1;
        calls.push({ kind: 'refused followUp', body });
        throw Object.assign(new Error('Discord answered 500'), { status: 500 });
      }
      calls.push({ kind: 'followUp', body });
    },
    deleteOriginal: async () => void calls.push({ kind: 'delete' }),
  };
  return { responder, calls };
}

const countLines = (reply: Reply) => (reply.embeds[0]!.description ?? '').split('\n').filter((l) => l.startsWith('• '));

describe('"Classify follower counts" on a count given many times', () => {
  it('lists the same count for the same name and platform once, with how many times the message gives it', async () => {
    const reply = await classifyMessage.run({ id: '1', content: `${'*'.repeat(30)} 45k followers `.repeat(60), authorName: 'Lea' }, testContext());
    expect(messageProblems(reply)).toEqual([]);
    expect(countLines(reply)).toEqual([`• **45k** = 45,000 ×60 → ${consensusFor(45_000).line}`]);
    expect(reply.embeds[0]!.title).toBe('60 follower counts in Lea’s message');
    expect(reply.embeds[0]!.description).not.toContain('more count');
  });

  it('keeps counts apart that differ in name or platform, and counts the repeats in what is not shown', async () => {
    const reply = await classifyMessage.run({ id: '1', content: 'Sara 45k on IG, Sara 45k on IG, Tom 45k on IG, Sara 45k on TikTok', authorName: 'Lea' }, testContext());
    expect(countLines(reply).map((l) => l.split(' → ')[0])).toEqual(['• **45k** = 45,000 (Sara · Instagram) ×2', '• **45k** = 45,000 (Tom · Instagram)', '• **45k** = 45,000 (Sara · TikTok)']);
    const many = Array.from({ length: 100 }, (_, i) => `${i + 1}k followers, ${i + 1}k followers`).join(', ');
    const long = await classifyMessage.run({ id: '1', content: many, authorName: 'Lea' }, testContext());
    // 200 counts, 100 distinct; the lines shown account for two counts each.
    expect(countLines(long).length).toBeLessThan(100);
    expect(long.embeds[0]!.description).toMatch(new RegExp(`…and ${200 - 2 * countLines(long).length} more counts\\. For a list this long, put the names and counts in a spreadsheet and upload it as a CSV file with /roster\\.$`));
  });
});

describe('"Classify follower counts" on a message with many counts', () => {
  it('answers its asker alone when the list is longer than a public reply may be, and says why', async () => {
    const content = Array.from({ length: 119 }, (_, i) => `@${'_'.repeat(28)}${i + 1}: ${i + 1}k followers`).join(' ');
    const reply = await classifyMessage.run({ id: '1', content, authorName: 'Lea' }, testContext());
    expect(messageProblems(reply)).toEqual([]);
    expect(embedLength(reply.embeds[0]!)).toBeGreaterThan(PUBLIC_TEXT_LIMIT);
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
    expect(reply.embeds[0]!.footer!.text).toContain('A long list, so it is shown to you alone.');
    expect(LONG_LIST_NOTE).toBe('A long list, so it is shown to you alone.');
  });

  it('keeps a short list public, with no such note', async () => {
    const reply = await classifyMessage.run({ id: '1', content: 'Sara 45k on IG, Tom 1.2M on TikTok', authorName: 'Lea' }, testContext());
    expect(reply.flags).toBeUndefined();
    expect(reply.embeds[0]!.footer!.text).not.toContain(LONG_LIST_NOTE);
  });
});

describe('"Classify follower counts" on a forwarded message', () => {
  it('reads the forwarded text, as it reads a message written in the channel', async () => {
    const { instance } = coreWith([classifyMessage]);
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

describe('a failure after a private answer replaced the public "thinking" message', () => {
  const slowPrivate = (name: string, reply: Reply): SlashCommand =>
    slashCommand({ definition: { name, description: 'an ephemeral answer, late' } as const, run: () => sleep(300).then(() => reply) });

  it('tells the user the error id in a private follow-up when the answer itself cannot be sent, never by editing the deleted message', async () => {
    const { instance, logs } = coreWith([slowPrivate('late', { embeds: [{ title: 'only you' }], flags: MessageFlags.Ephemeral })]);
    const r = recorder({ followUps: 1 });
    expect(await instance.handle(slashInteraction('late', 1900), r.responder)).toBe('failed');
    expect(r.calls.map((c) => c.kind)).toEqual(['respond', 'delete', 'refused followUp', 'followUp']);
    const errorId = logs.find((l) => l.msg === 'interaction')!.errorId as string;
    expect(r.calls.at(-1)!.body.embeds[0].description).toContain(errorId);
    expect(r.calls.at(-1)!.body.flags).toBe(MessageFlags.Ephemeral);
  });

  it('does the same when the late private answer breaks Discord’s limits', async () => {
    const { instance, logs } = coreWith([slowPrivate('huge', { embeds: [{ title: 'x', description: 'y'.repeat(5000) }], flags: MessageFlags.Ephemeral })]);
    const r = recorder();
    expect(await instance.handle(slashInteraction('huge', 1900), r.responder)).toBe('failed');
    expect(r.calls.map((c) => c.kind)).toEqual(['respond', 'delete', 'followUp']);
    expect(r.calls[0]!.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    const errorId = logs.find((l) => l.msg === 'interaction')!.errorId as string;
    expect(r.calls.at(-1)!.body.embeds[0].description).toContain(errorId);
  });
});

describe('team settings in a server where Tierbot runs only from a member’s own apps', () => {
  const G1 = '200000000000000001';
  const userInstallOnly = () => testContext({ guildId: G1, guildInstalled: false, manager: true });
  const says = async (command: SlashCommand, args: Record<string, unknown>) => {
    const reply = (await command.run(args as never, userInstallOnly())) as Reply;
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
    return reply.embeds[0]!.description!;
  };

  it('never says a house definition or terms are unavailable here, and names the commands that still use them', async () => {
    const houseText = await says(house, { subcommand: 'show' });
    expect(houseText).not.toMatch(/not available/);
    expect(houseText).toMatch(/cannot show or change them/);
    expect(houseText).toContain('/tier');
    const termText = await says(term, { subcommand: 'export' });
    expect(termText).not.toMatch(/not available/);
    expect(termText).toContain('/glossary');
  });

  it('claims nothing for saved plans, which /compare does not open here', async () => {
    const plansText = await says(plans, { subcommand: 'list' });
    expect(plansText).toMatch(/cannot show or change them/);
    expect(plansText).not.toMatch(/still/);
  });
});

describe('"Classify follower counts" on "mil"', () => {
  it('says on its line when "mil" was read as a million, as /tier does, and not in a Spanish message', async () => {
    const english = await classifyMessage.run({ id: '1', content: 'Sara has 2 mil followers', authorName: 'Lea' }, testContext());
    expect(countLines(english)[0]).toContain('“mil” is read as a million; for 2 thousand, write 2k.');
    const spanish = await classifyMessage.run({ id: '1', content: 'Ana tiene 45 mil seguidores en IG y 30 mil en TikTok', authorName: 'Lea' }, testContext());
    expect(countLines(spanish).map((l) => l.split(' → ')[0])).toEqual(['• **45 mil** = 45,000 (Ana · Instagram)', '• **30 mil** = 30,000 (Ana · TikTok)']);
    expect(JSON.stringify(spanish.embeds)).not.toContain('“mil”');
  });
});
