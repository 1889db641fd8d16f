/**
 * Where interactions come from: user installs in DMs and in servers the bot is not in, member
 * permissions, Discord's cap on follow-ups and its forced-ephemeral replies, message commands,
 * attachment options served on loopback, and files on the message a button sits on. Payloads are
 * read raw at a signature-checking endpoint, and once more through the real discord.js Client.
 */

import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, type Interaction } from 'discord.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Receiver } from '../tools/standin/receiver';
import { startStandInWithReceiver } from './support/receiver';
import { startStandIn, type StandIn } from '../tools/standin/server';

let receiver: Receiver;
let standIn: StandIn;
const GUILD = '200000000000000001';
const USER = '300000000000000001';
const MANAGE_GUILD = String(1n << 5n);

let close: (() => Promise<void>) | undefined;
beforeAll(async () => void ({ receiver, standIn, close } = await startStandInWithReceiver()));
afterAll(() => close?.());

beforeEach(() => {
  receiver.respond = () => ({ body: { type: 4, data: { content: 'ok' } } });
});

/** The raw interaction the endpoint got for `record`. */
async function delivered(record: { id: string }): Promise<any> {
  await standIn.waitForDelivery(record as never);
  return receiver.received.find((r) => r.json?.id === record.id)!.json;
}

const post = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
const followUpUrl = (record: { token: string }) => `${standIn.apiUrl}/v10/webhooks/${standIn.applicationId}/${record.token}`;

describe('installation contexts', () => {
  it('by default: a member in the bot\'s guild, guild install, context 0', async () => {
    const payload = await delivered(standIn.sendCommand('tier'));
    expect(payload).toMatchObject({ guild_id: GUILD, context: 0, authorizing_integration_owners: { '0': GUILD }, member: { user: { id: USER } } });
    expect(payload.user).toBeUndefined();
  });

  it('a DM with a user install: no guild_id, `user` instead of `member`, context 1, owner "1"', async () => {
    const payload = await delivered(standIn.sendCommand('tier', {}, { guildId: null, userInstall: true }));
    expect(payload).toMatchObject({ context: 1, authorizing_integration_owners: { '1': USER }, user: { id: USER }, channel: { type: 1 } });
    expect(payload.guild_id).toBeUndefined();
    expect(payload.guild).toBeUndefined();
    expect(payload.member).toBeUndefined();
    expect(BigInt(payload.app_permissions) & (1n << 15n)).toBe(1n << 15n); // AttachFiles
  });

  it('a group DM or a DM between others is context 2 and needs a user install', async () => {
    const payload = await delivered(standIn.sendCommand('tier', {}, { guildId: null, userInstall: true, context: 2 }));
    expect(payload).toMatchObject({ context: 2, channel: { type: 3 } });
    expect(() => standIn.sendCommand('tier', {}, { guildId: null, context: 2 })).toThrow(/user-installed/);
  });

  it('a guild the bot is not in: guild_id but no guild install, user install only', async () => {
    const payload = await delivered(standIn.sendCommand('tier', {}, { guildId: '200000000000000999', userInstall: true }));
    expect(payload).toMatchObject({ guild_id: '200000000000000999', context: 0, authorizing_integration_owners: { '1': USER }, member: { user: { id: USER } } });
    expect(payload.authorizing_integration_owners['0']).toBeUndefined();
    // A guild-install interaction from a guild the bot is not in cannot happen.
    expect(() => standIn.sendCommand('tier', {}, { guildId: '200000000000000999' })).toThrow(/not in guild/);
  });

  it('a user install in a guild the bot is in has both owners', async () => {
    const payload = await delivered(standIn.sendCommand('tier', {}, { userInstall: true }));
    expect(payload.authorizing_integration_owners).toEqual({ '0': GUILD, '1': USER });
  });

  it('sets the member\'s permissions: a manager, or not', async () => {
    const manager = await delivered(standIn.sendCommand('house', {}, { permissions: MANAGE_GUILD }));
    expect(manager.member.permissions).toBe(MANAGE_GUILD);
    const component = await delivered(standIn.sendComponent('house:reset', { permissions: '0' }));
    expect(component.member.permissions).toBe('0');
    const plain = await delivered(standIn.sendCommand('house'));
    expect(BigInt(plain.member.permissions) & (1n << 5n)).toBe(0n);
  });

  it('sends autocomplete from a DM too', async () => {
    receiver.respond = () => ({ body: { type: 8, data: { choices: [] } } });
    const payload = await delivered(standIn.sendAutocomplete('tiers', 'source', 'me', {}, { guildId: null, userInstall: true }));
    expect(payload).toMatchObject({ type: 4, context: 1, data: { options: [{ name: 'source', value: 'me', focused: true }] } });
  });
});

describe('Discord\'s rules for user installs', () => {
  it('caps follow-ups at 5 where only the user installed the app; the 6th gets 400 (40094)', async () => {
    receiver.respond = () => ({ body: { type: 4, data: { content: 'first' } } });
    const record = await standIn.waitForAnswer(standIn.sendCommand('tier', {}, { guildId: null, userInstall: true }));
    for (let i = 1; i <= 5; i++) expect((await post(followUpUrl(record), { content: `follow-up ${i}` })).status).toBe(204);
    const sixth = await post(followUpUrl(record), { content: 'one too many' });
    expect(sixth.status).toBe(400);
    expect(await sixth.json()).toMatchObject({ code: 40094, message: expect.stringMatching(/maximum number of follow up messages/) });
    expect(record.followUps).toHaveLength(5);
  });

  it('does not cap follow-ups where the app is installed to the server', async () => {
    const record = await standIn.waitForAnswer(standIn.sendCommand('tier', {}, { userInstall: true }));
    for (let i = 1; i <= 6; i++) expect((await post(followUpUrl(record), { content: `follow-up ${i}` })).status).toBe(204);
  });

  it('forces replies and follow-ups ephemeral when told, and says so in the member\'s permissions', async () => {
    receiver.respond = () => ({ body: { type: 4, data: { content: 'public?', flags: 4 } } });
    const record = standIn.sendCommand('tier', {}, { guildId: '200000000000000999', userInstall: true, forcedEphemeral: true });
    const payload = await delivered(record);
    expect(BigInt(payload.member.permissions) & (1n << 50n)).toBe(0n); // USE_EXTERNAL_APPS denied
    await standIn.waitForAnswer(record);
    expect(record.callbacks[0]!.data.flags).toBe(64 | 4);
    expect(standIn.originalMessage(record)!.flags! & 64).toBe(64);
    expect((await post(followUpUrl(record), { content: 'later' })).status).toBe(204);
    expect(record.followUps[0]!.body.flags & 64).toBe(64);
    const open = await delivered(standIn.sendCommand('tier', {}, { guildId: '200000000000000999', userInstall: true }));
    expect(BigInt(open.member.permissions) & (1n << 50n)).toBe(1n << 50n);
  });

  it('forces a deferral ephemeral too', async () => {
    receiver.respond = () => ({ body: { type: 5 } });
    const record = standIn.sendCommand('tier', {}, { guildId: null, userInstall: true, forcedEphemeral: true });
    await standIn.waitForDelivery(record);
    expect(record.callbacks[0]!.data).toEqual({ flags: 64 });
  });
});

describe('message commands', () => {
  it('sends type 2 with data.type 3, target_id and the message under resolved.messages', async () => {
    const record = standIn.sendMessageCommand('Classify follower counts', { content: 'Sara has 45k on IG', id: '123456789012345678' });
    const payload = await delivered(record);
    expect(payload).toMatchObject({
      type: 2,
      data: { type: 3, name: 'Classify follower counts', target_id: '123456789012345678', resolved: { messages: { '123456789012345678': { id: '123456789012345678', content: 'Sara has 45k on IG' } } } },
    });
    expect(standIn.originalMessage(record)).toMatchObject({ type: 23, content: 'ok' });
    const target = payload.data.resolved.messages['123456789012345678'];
    expect(target.author.bot).toBeUndefined();
    expect(target.channel_id).toBe(payload.channel_id);
  });

  it('uses the registered command\'s id, and works in a DM', async () => {
    const put = await fetch(`${standIn.apiUrl}/v10/applications/${standIn.applicationId}/commands`, {
      method: 'PUT',
      headers: { Authorization: `Bot ${standIn.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify([{ name: 'Classify follower counts', type: 3 }]),
    });
    expect(put.status).toBe(200);
    const [registered] = (await put.json()) as { id: string }[];
    const payload = await delivered(standIn.sendMessageCommand('Classify follower counts', { content: '1.2M on TikTok' }, { guildId: null, userInstall: true }));
    expect(payload.data.id).toBe(registered!.id);
    expect(payload.guild_id).toBeUndefined();
  });
});

describe('attachments', () => {
  const csv = Buffer.from('name,followers\nSara,45000\n');

  it('serves an attachment option at its loopback URL and describes it in data.resolved.attachments', async () => {
    const payload = await delivered(standIn.sendCommand('roster', { file: { attachment: { filename: 'team list.csv', data: csv, contentType: 'text/csv' } } }));
    const [option] = payload.data.options;
    expect(option).toMatchObject({ name: 'file', type: 11 });
    const attachment = payload.data.resolved.attachments[option.value];
    expect(attachment).toMatchObject({ id: option.value, filename: 'team list.csv', size: csv.length, content_type: 'text/csv' });
    expect(attachment.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/attachments\//);
    expect(attachment.proxy_url).toBe(attachment.url);
    const served = await fetch(attachment.url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('text/csv');
    expect(Buffer.from(await served.arrayBuffer()).equals(csv)).toBe(true);
    // The CDN needs no token, and the wrong name or id is not found.
    expect((await fetch(attachment.url.replace('team%20list.csv', 'other.csv'))).status).toBe(404);
    expect((await fetch(attachment.url.replace(option.value, '1'))).status).toBe(404);
  });

  it('types the attachment option 11 beside other options, in a subcommand', async () => {
    const payload = await delivered(standIn.sendCommand('roster import', { file: { attachment: { filename: 'a.tsv', data: csv } }, name_column: 'name' }));
    expect(payload.data.options).toMatchObject([{ name: 'import', type: 1, options: [{ name: 'file', type: 11 }, { name: 'name_column', type: 3, value: 'name' }] }]);
  });

  it('stops serving an interaction\'s files when it is forgotten', async () => {
    const record = standIn.sendCommand('roster', { file: { attachment: { filename: 'x.csv', data: csv } } });
    const payload = await delivered(record);
    const url = Object.values(payload.data.resolved.attachments as Record<string, { url: string }>)[0]!.url;
    expect((await fetch(url)).status).toBe(200);
    standIn.forget(record);
    expect((await fetch(url)).status).toBe(404);
  });

  it('lets a button re-read the file on its message: a captured reply upload, served at its URL', async () => {
    // A bot reply with a CSV, as the stand-in captured it.
    const boundary = 'b0undary';
    receiver.respond = () => ({
      headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` },
      body: Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="payload_json"\r\n\r\n${JSON.stringify({ type: 4, data: { content: 'tagged', attachments: [{ id: 0 }] } })}\r\n`),
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files[0]"; filename="roster-tiers.csv"\r\nContent-Type: text/csv\r\n\r\n`),
        csv,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
    const reply = await standIn.waitForAnswer(standIn.sendCommand('roster', { file: { attachment: { filename: 'in.csv', data: csv } } }));
    const message = standIn.originalMessage(reply)!;
    expect(message.attachments).toMatchObject([{ filename: 'roster-tiers.csv', size: csv.length, content_type: 'text/csv' }]);

    receiver.respond = () => ({ body: { type: 4, data: { content: 'by platform' } } });
    const payload = await delivered(standIn.sendComponent('roster:platform', { message }));
    const [onMessage] = payload.message.attachments;
    expect(onMessage.url).toBe(message.attachments[0]!.url);
    expect(Buffer.from(await (await fetch(onMessage.url)).arrayBuffer()).equals(csv)).toBe(true);
  });

  it('serves files given as bytes on a component\'s message or a message command\'s target', async () => {
    const component = await delivered(standIn.sendComponent('roster:platform', { message: { attachments: [{ filename: 'r.csv', data: csv, contentType: 'text/csv' }] } }));
    expect(Buffer.from(await (await fetch(component.message.attachments[0].url)).arrayBuffer()).equals(csv)).toBe(true);
    const target = await delivered(standIn.sendMessageCommand('Classify follower counts', { content: 'see file', attachments: [{ filename: 'r.csv', data: csv }] }));
    const message = Object.values(target.data.resolved.messages as Record<string, { attachments: { url: string }[] }>)[0]!;
    expect((await fetch(message.attachments[0]!.url)).status).toBe(200);
    const hosted = standIn.hostFile({ filename: 'free.txt', data: Buffer.from('hi') });
    expect(await (await fetch(hosted.url)).text()).toBe('hi');
  });
});

describe('the same places through the real discord.js Client (gateway)', () => {
  let gatewayStandIn: StandIn;
  let client: Client;
  let next: ((interaction: Interaction) => void) | undefined;

  beforeAll(async () => {
    gatewayStandIn = await startStandIn();
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: gatewayStandIn.apiUrl } });
    const ready = once(client, Events.ClientReady);
    await client.login(gatewayStandIn.token);
    await ready;
    client.on(Events.InteractionCreate, (interaction) => next?.(interaction));
  });

  afterAll(async () => {
    await client?.destroy();
    await gatewayStandIn?.close();
  });

  function receive<T>(fn: (interaction: Interaction) => Promise<T>): Promise<T> {
    return new Promise((resolve, reject) => {
      next = (interaction) => {
        next = undefined;
        fn(interaction).then(resolve, reject);
      };
    });
  }

  it('a DM: no guild, the user, and a reply that goes through', async () => {
    const seen = receive(async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a command');
      await interaction.reply({ content: 'in a DM' });
      return { inGuild: interaction.inGuild(), user: interaction.user.id, member: interaction.member, context: interaction.context, owners: { ...interaction.authorizingIntegrationOwners } };
    });
    const record = gatewayStandIn.sendCommand('tier', { followers: '30k' }, { guildId: null, userInstall: true });
    expect(await seen).toEqual({ inGuild: false, user: USER, member: null, context: 1, owners: { guildId: null, userId: USER } });
    expect((await gatewayStandIn.waitForAnswer(record)).callbacks[0]!.data.content).toBe('in a DM');
  });

  it('a guild the bot is not in: guild id, no cached guild, and replies work', async () => {
    const seen = receive(async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a command');
      await interaction.deferReply();
      await interaction.editReply({ content: 'edited' });
      for (let i = 0; i < 5; i++) await interaction.followUp({ content: `more ${i}` });
      const sixth = await interaction.followUp({ content: 'sixth' }).catch((e: unknown) => e);
      return { guildId: interaction.guildId, cached: interaction.inCachedGuild(), raw: interaction.inRawGuild(), sixth };
    });
    const record = gatewayStandIn.sendCommand('tier', {}, { guildId: '200000000000000999', userInstall: true });
    const result = await seen;
    expect(result).toMatchObject({ guildId: '200000000000000999', cached: false, raw: true, sixth: { code: 40094, status: 400 } });
    expect(record.edits[0]!.body.content).toBe('edited');
    expect(record.followUps).toHaveLength(5);
  });

  it('a member\'s permissions as discord.js reads them', async () => {
    const seen = receive(async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a command');
      await interaction.reply({ content: 'ok' });
      return interaction.memberPermissions?.has('ManageGuild');
    });
    gatewayStandIn.sendCommand('house', {}, { permissions: MANAGE_GUILD });
    expect(await seen).toBe(true);
  });

  it('a message command as discord.js reads it', async () => {
    const seen = receive(async (interaction) => {
      if (!interaction.isMessageContextMenuCommand()) throw new Error('expected a message command');
      await interaction.reply({ content: 'ok' });
      return { name: interaction.commandName, content: interaction.targetMessage.content, id: interaction.targetId };
    });
    gatewayStandIn.sendMessageCommand('Classify follower counts', { content: 'Sara has 45k', id: '123456789012345678' });
    expect(await seen).toEqual({ name: 'Classify follower counts', content: 'Sara has 45k', id: '123456789012345678' });
  });

  it('an attachment option as discord.js reads it, downloadable from its URL', async () => {
    const data = Buffer.from('a\tb\n1\t2\n');
    const seen = receive(async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a command');
      await interaction.reply({ content: 'ok' });
      const file = interaction.options.getAttachment('file', true);
      return { name: file.name, size: file.size, body: Buffer.from(await (await fetch(file.url)).arrayBuffer()) };
    });
    gatewayStandIn.sendCommand('roster', { file: { attachment: { filename: 'team.tsv', data, contentType: 'text/tab-separated-values' } } });
    expect(await seen).toEqual({ name: 'team.tsv', size: data.length, body: data });
  });
});
