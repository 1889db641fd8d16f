/**
 * An interaction is acknowledged once, even when two things acknowledge it at the same time: a
 * command reading its file acknowledges before downloading it, and the defer deadline fires while
 * Discord is still taking that acknowledgement. Driven through the core as Discord delivers a
 * /term import, queued 1.5 s before it arrived, with a Discord that takes 800 ms per callback.
 */

import { InteractionResponseType, MessageFlags, type APIInteraction, type APIInteractionResponse } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { chatInput, localAttachment } from '../src/cli/local-interaction';
import { createLogger } from '../src/config/logger';
import { DEFER_AFTER_MS } from '../src/interactions/core';
import type { MessageBody, Responder } from '../src/interactions/responder';
import { tierbotCore } from '../src/interactions/tierbot';
import { memoryStore } from './support/context';

const G = '200000000000000001';
const EPOCH = 1420070400000n;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How long Discord takes to answer each request, slow enough that the deadline passes meanwhile. */
const DISCORD_MS = 800;
/** How long before it reached Tierbot Discord created the interaction: the deadline is 500 ms away. */
const QUEUED_MS = 1500;

const TERMS = Buffer.from(
  JSON.stringify({
    kind: 'tierbot.terms',
    version: 1,
    guildId: G,
    exportedAt: '2026-12-01T00:00:00.000Z',
    terms: [{ name: 'CPM', definition: 'Cost per thousand impressions.', formula: null, example: null, link: null }],
  }),
);

/** `/term import file:terms.json` as Discord delivers it, created `QUEUED_MS` ago by Discord's clock. */
function queuedImport(): APIInteraction {
  const attachment = { ...localAttachment('9', 'terms.json', TERMS.byteLength), url: 'https://cdn.example/terms.json' };
  const options = [{ type: 1, name: 'import', options: [{ type: 11, name: 'file', value: '9' }] }];
  const interaction = chatInput({ guildId: G, manager: true }, 'term', options as never, { '9': attachment });
  return { ...interaction, id: String((BigInt(Date.now() - QUEUED_MS) - EPOCH) << 22n) };
}

/** A Discord that takes `DISCORD_MS` for every request, recording each one as it is sent. */
function slowDiscord() {
  const sent: { kind: string; response?: APIInteractionResponse; body?: MessageBody }[] = [];
  const responder: Responder = {
    respond: async (response) => {
      sent.push({ kind: 'callback', response });
      await sleep(DISCORD_MS);
    },
    editOriginal: async (body) => {
      sent.push({ kind: 'edit', body });
      await sleep(DISCORD_MS);
    },
    followUp: async (body) => {
      sent.push({ kind: 'followUp', body });
      await sleep(DISCORD_MS);
    },
    deleteOriginal: async () => {
      sent.push({ kind: 'delete' });
      await sleep(DISCORD_MS);
    },
  };
  return { responder, sent };
}

describe('acknowledging once', () => {
  it('a file command acknowledged before its download is not acknowledged again when the deadline passes while Discord takes the first', async () => {
    expect(DEFER_AFTER_MS - QUEUED_MS, 'the deadline passes while Discord takes the first callback').toBeLessThan(DISCORD_MS);
    const store = memoryStore();
    const logger = createLogger({ level: 'silent', destination: { write: () => {} } });
    const core = tierbotCore({ store, logger, charts: false, download: async () => TERMS });
    const discord = slowDiscord();

    expect(await core.handle(queuedImport(), discord.responder)).toBe('answered');

    const callbacks = discord.sent.filter((s) => s.kind === 'callback');
    expect(callbacks).toHaveLength(1);
    // Private "thinking", as the import's answer is for the importer alone.
    expect(callbacks[0]!.response).toEqual({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } });
    expect(discord.sent.map((s) => s.kind)).toEqual(['callback', 'edit']);
    expect(discord.sent[1]!.body!.embeds[0]!.title).toBe('Team terms imported');
    expect((await store.term(G, 'cpm'))?.definition).toBe('Cost per thousand impressions.');
  });
});
