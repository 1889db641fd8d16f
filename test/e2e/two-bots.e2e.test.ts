/**
 * Two bots under one stand-in, as the benchmark runs them: Tierbot and a second application (a
 * plain discord.js Client answering one static embed, like the bench's baseline) log in to the
 * same gateway and REST API on one port, each with its own token. Each gets only its own
 * interactions, sees the guilds as its own bot, and the other keeps working when one leaves.
 */

import { once } from 'node:events';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { startGateway, type RunningGateway as RunningBot } from '../../src/gateway/client';
import { tierbotCore } from '../../src/interactions/tierbot';
import { memoryStore } from '../support/context';
import { deployCommands } from '../../src/cli/deploy-commands';
import { createLogger } from '../../src/config/logger';
import { startSharedStandIn, type StandIn } from '../../tools/standin/server';
import { answerOf, embedText } from './harness';

const TIERBOT = { token: 'two-bots-tierbot-token-0123456789', applicationId: '100000000000000001' };
const OTHER = { token: 'two-bots-other-token-0123456789', applicationId: '100000000000000002' };
const GUILD_ID = '200000000000000001';

let standIns: StandIn[] = [];
let tierbot: RunningBot | undefined;
let other: Client | undefined;
afterEach(async () => {
  await tierbot?.stop(500);
  await other?.destroy();
  for (const standIn of standIns) await standIn.close();
  [tierbot, other, standIns] = [undefined, undefined, []];
});

/** Both bots up under one stand-in; the other bot answers every command with one static embed. */
async function startBoth() {
  // Each bot's GUILD_CREATE names the channel after the bot it is sent to, to show whose view it is.
  const guildExtras = (guildId: string, applicationId: string) => ({
    channels: [{ id: `${guildId.slice(0, -1)}9`, type: 0, name: `seen-by-${applicationId}`, position: 0, permission_overwrites: [] }],
  });
  standIns = await startSharedStandIn({ applications: [TIERBOT, OTHER], guildIds: [GUILD_ID], guildExtras });
  const [tierbotStandIn, otherStandIn] = standIns as [StandIn, StandIn];
  for (const [app, standIn] of [[TIERBOT, tierbotStandIn], [OTHER, otherStandIn]] as const) {
    await deployCommands({ token: app.token, clientId: app.applicationId, apiUrl: standIn.apiUrl });
  }

  const logger = createLogger({ level: 'silent' });
  tierbot = await startGateway({ token: TIERBOT.token, apiUrl: tierbotStandIn.apiUrl, logger, core: tierbotCore({ store: memoryStore(), logger }) });
  other = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: otherStandIn.apiUrl } });
  const received: string[] = [];
  other.on(Events.InteractionCreate, (interaction) => {
    received.push(interaction.id);
    if (interaction.isChatInputCommand()) void interaction.reply({ embeds: [{ title: 'Pong', description: 'A static answer.' }] });
  });
  const ready = once(other, Events.ClientReady);
  await other.login(OTHER.token);
  await ready;
  return { tierbotStandIn, otherStandIn, received };
}

describe('two bots, one stand-in', () => {
  it('serves both from one port, each as its own bot in the same guilds', async () => {
    const { tierbotStandIn, otherStandIn } = await startBoth();
    expect(otherStandIn.apiUrl).toBe(tierbotStandIn.apiUrl);
    await Promise.all([tierbotStandIn.waitForReady(), otherStandIn.waitForReady()]);
    expect(tierbot!.client.user?.id).toBe(TIERBOT.applicationId);
    expect(other!.user?.id).toBe(OTHER.applicationId);
    expect(other!.guilds.cache.get(GUILD_ID)?.channels.cache.map((c) => c.name)).toEqual([`seen-by-${OTHER.applicationId}`]);
    // Each bot's registrations are its own.
    expect(tierbotStandIn.registrations.get('global')?.map((c) => c.name)).toContain('tier');
    expect(otherStandIn.registrations.get('global')?.map((c) => c.name)).toContain('tier');
    expect(otherStandIn.requests.filter((r) => r.path === `/applications/${OTHER.applicationId}/commands`)).toHaveLength(1);
    expect(tierbotStandIn.requests.some((r) => r.path.includes(OTHER.applicationId))).toBe(false);
  });

  it('delivers each bot only its own interactions, and takes each answer from its own bot', async () => {
    const { tierbotStandIn, otherStandIn, received } = await startBoth();
    const toTierbot = tierbotStandIn.sendCommand('tier', { followers: '30k' }, { guildId: GUILD_ID });
    const toOther = otherStandIn.sendCommand('tier', { followers: '30k' }, { guildId: GUILD_ID });
    const [fromTierbot, fromOther] = await Promise.all([tierbotStandIn.waitForAnswer(toTierbot), otherStandIn.waitForAnswer(toOther)]);

    expect(embedText(answerOf(fromTierbot).body)).toMatch(/30,000 followers/);
    expect(answerOf(fromOther).body.embeds).toEqual([expect.objectContaining({ title: 'Pong', description: 'A static answer.' })]);
    expect(received).toEqual([toOther.id]);
  });

  it('refuses one bot acting for the other', async () => {
    const { tierbotStandIn, otherStandIn } = await startBoth();
    const answered = await otherStandIn.waitForAnswer(otherStandIn.sendCommand('glossary', {}, { guildId: GUILD_ID }));
    // Tierbot's token cannot edit the other bot's reply: the webhook is the other application's.
    const edit = await fetch(`${tierbotStandIn.apiUrl}/v10/webhooks/${TIERBOT.applicationId}/${answered.token}/messages/@original`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ content: 'not mine' }),
    });
    expect(edit.status).toBe(404);
    expect(answered.edits).toHaveLength(0);
    // Nor register commands for it.
    const put = await fetch(`${tierbotStandIn.apiUrl}/v10/applications/${OTHER.applicationId}/commands`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Authorization: `Bot ${TIERBOT.token}` },
      body: '[]',
    });
    expect(put.status).toBe(403);
  });

  it('refuses two applications it could not tell apart', async () => {
    await expect(startSharedStandIn({ applications: [TIERBOT, { ...OTHER, token: TIERBOT.token }] })).rejects.toThrow(/share one token/);
    await expect(startSharedStandIn({ applications: [TIERBOT, { ...OTHER, applicationId: TIERBOT.applicationId }] })).rejects.toThrow(/share one applicationId/);
  });

  it('keeps serving one bot after the other has left', async () => {
    const { tierbotStandIn, otherStandIn } = await startBoth();
    await otherStandIn.close();
    const answered = await tierbotStandIn.waitForAnswer(tierbotStandIn.sendCommand('tier', { followers: '1.2M' }, { guildId: GUILD_ID }));
    expect(embedText(answerOf(answered).body)).toMatch(/1,200,000 followers/);
    expect(() => otherStandIn.sendCommand('tier', { followers: '1' })).toThrow(/closed/);
  });
});
