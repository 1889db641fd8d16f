/**
 * The Discord stand-in, driven by the real discord.js Client: login, interactions answered the
 * ways a bot answers them, and Discord's refusals (limits, double acknowledgement, bad token).
 */

import { once } from 'node:events';
import { AttachmentBuilder, Client, DiscordAPIError, Events, GatewayIntentBits, MessageFlags, Routes, type Interaction } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { finalAnswer, startStandIn, type StandIn } from '../tools/standin/server';

type Handler = (interaction: Interaction) => void;

let standIn: StandIn;
let client: Client;
let handler: Handler | undefined;

/** Runs `fn` on the next interaction the client receives; settles with its outcome. */
function onNextInteraction<T>(fn: (interaction: Interaction) => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    handler = (interaction) => {
      handler = undefined;
      fn(interaction).then(resolve, reject);
    };
  });
}

async function login(target: StandIn, token = target.token): Promise<Client> {
  const c = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: target.apiUrl } });
  const ready = once(c, Events.ClientReady);
  await c.login(token);
  await ready;
  return c;
}

beforeAll(async () => {
  standIn = await startStandIn();
  client = await login(standIn);
  client.on(Events.InteractionCreate, (interaction) => handler?.(interaction));
});

afterAll(async () => {
  await client?.destroy();
  await standIn?.close();
});

afterEach(() => {
  handler = undefined;
});

describe('the stand-in with the real discord.js Client', () => {
  it('logs the client in on loopback and delivers its guild', async () => {
    await standIn.waitForReady();
    expect(standIn.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api$/);
    expect(client.user?.id).toBe(standIn.applicationId);
    expect(client.guilds.cache.has(standIn.guildIds[0]!)).toBe(true);
    expect(standIn.requests).toContainEqual(expect.objectContaining({ method: 'GET', path: '/gateway/bot', status: 200 }));
  });

  it('captures a reply with embeds as callback type 4', async () => {
    const done = onNextInteraction(async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
      await interaction.reply({ embeds: [{ title: 'Tier', description: `${interaction.options.getString('followers')} followers` }] });
    });
    const record = standIn.sendCommand('tier', { followers: '30k' });
    await done;
    const answered = await standIn.waitForAnswer(record);
    expect(answered.callbacks).toHaveLength(1);
    expect(answered.callbacks[0]!.type).toBe(4);
    expect(answered.callbacks[0]!.data.embeds[0]).toMatchObject({ title: 'Tier', description: '30k followers' });
  });

  it('infers option types for unregistered commands', async () => {
    const done = onNextInteraction(async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
      await interaction.reply({ content: 'ok' });
      return interaction.options.data.map((o) => [o.name, o.type, o.value]);
    });
    standIn.sendCommand('plans', { text: 'a', whole: 3, part: 2.5, flag: true });
    expect(await done).toEqual([
      ['text', 3, 'a'],
      ['whole', 4, 3],
      ['part', 10, 2.5],
      ['flag', 5, true],
    ]);
  });

  it('types options from the registered definition', async () => {
    await client.application!.commands.set([
      { name: 'tier', description: 'Classify a follower count', options: [{ name: 'followers', description: 'How many', type: 3, required: true }] },
    ]);
    expect(standIn.registrations.get('global')?.[0]).toMatchObject({ name: 'tier', type: 1, id: expect.any(String) });
    const done = onNextInteraction(async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
      await interaction.reply({ content: 'ok' });
      return { value: interaction.options.get('followers')?.value, commandId: interaction.commandId };
    });
    standIn.sendCommand('tier', { followers: 30000 });
    expect(await done).toEqual({ value: '30000', commandId: standIn.registrations.get('global')![0].id });
  });

  it('refuses a command definition that breaks the naming rules', async () => {
    const refused = client.application!.commands.set([{ name: 'Tier', description: 'Upper case is not allowed' }]);
    await expect(refused).rejects.toMatchObject({ code: 50035, status: 400 });
  });

  it('captures deferReply then editReply as type 5 and an edit', async () => {
    const done = onNextInteraction(async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
      await interaction.deferReply();
      await interaction.editReply({ content: 'done' });
    });
    const record = standIn.sendCommand('tier');
    await done;
    const answered = await standIn.waitForAnswer(record);
    expect(answered.callbacks.map((c) => c.type)).toEqual([5]);
    expect(answered.edits).toHaveLength(1);
    expect(answered.edits[0]!.body.content).toBe('done');
  });

  it('stamps when each answer arrived, and the final answer of a deferred reply is its edit', async () => {
    const done = onNextInteraction(async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
      await interaction.deferReply();
      await new Promise((resolve) => setTimeout(resolve, 50));
      await interaction.editReply({ content: 'later' });
    });
    const sentAt = performance.now();
    const record = standIn.sendCommand('tier');
    await done;
    const answered = await standIn.waitForAnswer(record);
    const [deferred] = answered.callbacks;
    const [edit] = answered.edits;
    expect(deferred!.receivedAt).toBeGreaterThan(sentAt);
    expect(edit!.receivedAt - deferred!.receivedAt).toBeGreaterThanOrEqual(45);
    expect(edit!.receivedAt).toBeLessThanOrEqual(performance.now());
    expect(finalAnswer(answered)).toMatchObject({ body: { content: 'later' }, receivedAt: edit!.receivedAt });
    expect(finalAnswer(answered).body.flags).toBeUndefined();
  });

  it('shows the edit of a reply deferred privately as private, as Discord does', async () => {
    const done = onNextInteraction(async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      await interaction.editReply({ content: 'for you alone' });
    });
    const record = standIn.sendCommand('tier');
    await done;
    const answered = await standIn.waitForAnswer(record);
    expect(answered.edits[0]!.body.flags).toBeUndefined();
    expect(finalAnswer(answered).body).toMatchObject({ content: 'for you alone', flags: MessageFlags.Ephemeral });
  });

  it('rejects an embed field over 1,024 characters with 50035 and records nothing', async () => {
    const done = onNextInteraction(async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
      const refused = await interaction.reply({ embeds: [{ fields: [{ name: 'Too long', value: 'x'.repeat(2000) }] }] }).catch((e: unknown) => e);
      // Still unacknowledged, so a proper answer goes through.
      await interaction.reply({ content: 'fallback' });
      return refused;
    });
    const record = standIn.sendCommand('tier');
    const refused = await done;
    expect(refused).toBeInstanceOf(DiscordAPIError);
    expect(refused).toMatchObject({ code: 50035, status: 400 });
    expect((refused as DiscordAPIError).message).toContain('data.embeds[0].fields[0].value');
    expect(record.callbacks.map((c) => c.data.content)).toEqual(['fallback']);
  });

  it('captures a file attachment', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const done = onNextInteraction(async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
      await interaction.reply({ embeds: [{ title: 'Chart', image: { url: 'attachment://chart.png' } }], files: [new AttachmentBuilder(png, { name: 'chart.png' })] });
    });
    const record = standIn.sendCommand('tier');
    await done;
    const callback = (await standIn.waitForAnswer(record)).callbacks[0]!;
    expect(callback.type).toBe(4);
    expect(callback.data.embeds[0].title).toBe('Chart');
    expect(callback.files).toEqual([{ name: 'chart.png', data: png, size: png.length, contentType: 'image/png' }]);
  });

  it('reads multipart as Discord does: payload_json, every file part, and a refusal for a broken body', async () => {
    const callbackUrl = (record: { id: string; token: string }) => `${standIn.apiUrl}/v10/interactions/${record.id}/${record.token}/callback`;
    const first = standIn.sendCommand('tier');
    const form = new FormData();
    form.append('payload_json', JSON.stringify({ type: 4, data: { content: 'two files', attachments: [{ id: 0 }, { id: 1 }] } }));
    const big = Buffer.alloc(200_000, 7); // past the parser's internal chunk size
    form.append('files[0]', new Blob([big], { type: 'image/png' }), 'a.png');
    form.append('files[1]', new Blob(['hello']), 'b.txt');
    expect((await fetch(callbackUrl(first), { method: 'POST', body: form })).status).toBe(204);
    const callback = first.callbacks[0]!;
    expect(callback.data.content).toBe('two files');
    expect(callback.files.map((f) => [f.name, f.data.length, f.contentType])).toEqual([
      ['a.png', big.length, 'image/png'],
      ['b.txt', 5, 'application/octet-stream'],
    ]);
    expect(callback.files[0]!.data.equals(big)).toBe(true);

    const second = standIn.sendCommand('tier');
    const broken = await fetch(callbackUrl(second), {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
      body: '--xyz\r\nContent-Disposition: form-data; name="payload_json"\r\n\r\n{"type":4', // no closing boundary
    });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ code: 50109 });
    expect(second.callbacks).toEqual([]);
  });

  it('keeps only the names and sizes of uploads when told not to keep their bytes (the bench)', async () => {
    const light = await startStandIn({ keepUploads: false });
    const bot = await login(light);
    try {
      const record = light.sendCommand('tier');
      const form = new FormData();
      form.append('payload_json', JSON.stringify({ type: 4, data: { content: 'chart', attachments: [{ id: 0 }] } }));
      form.append('files[0]', new Blob([Buffer.alloc(120_000, 9)], { type: 'image/png' }), 'tier.png');
      const response = await fetch(`${light.apiUrl}/v10/interactions/${record.id}/${record.token}/callback?with_response=true`, { method: 'POST', body: form });
      expect(response.status).toBe(200);
      const { resource } = (await response.json()) as { resource: { message: { attachments: { filename: string; size: number }[] } } };
      expect(resource.message.attachments).toMatchObject([{ filename: 'tier.png', size: 120_000 }]);
      expect(record.callbacks[0]!.files.map((f) => [f.name, f.size, f.data.length])).toEqual([['tier.png', 120_000, 0]]);
    } finally {
      await bot.destroy();
      await light.close();
    }
  });

  it('captures an autocomplete answer as type 8', async () => {
    const done = onNextInteraction(async (interaction) => {
      if (!interaction.isAutocomplete()) throw new Error('expected autocomplete');
      const focused = interaction.options.getFocused(true);
      await interaction.respond([{ name: `${focused.name}=${focused.value}`, value: 'medium' }]);
    });
    const record = standIn.sendAutocomplete('tiers', 'source', 'medi', { platform: 'instagram' });
    await done;
    const answered = await standIn.waitForAnswer(record);
    expect(answered.callbacks).toEqual([{ type: 8, data: { choices: [{ name: 'source=medi', value: 'medium' }] }, files: [], receivedAt: expect.any(Number) }]);
  });

  it('captures a button update as type 7', async () => {
    const message = { id: '123456789012345678', embeds: [{ title: 'Before' }], components: [{ type: 1, components: [{ type: 2, style: 1, label: 'Next', custom_id: 'tier:next' }] }] };
    const done = onNextInteraction(async (interaction) => {
      if (!interaction.isButton()) throw new Error('expected a button');
      await interaction.update({ embeds: [{ title: 'After' }], components: [] });
      return { customId: interaction.customId, messageId: interaction.message.id };
    });
    const record = standIn.sendComponent('tier:next', { componentType: 2, message });
    expect(await done).toEqual({ customId: 'tier:next', messageId: message.id });
    const answered = await standIn.waitForAnswer(record);
    expect(answered.callbacks[0]).toMatchObject({ type: 7, data: { embeds: [{ title: 'After' }] } });
  });

  it('delivers string select values', async () => {
    const done = onNextInteraction(async (interaction) => {
      if (!interaction.isStringSelectMenu()) throw new Error('expected a select');
      await interaction.reply({ content: interaction.values.join(',') });
    });
    const record = standIn.sendComponent('tier:pick', { values: ['a', 'b'] });
    await done;
    expect((await standIn.waitForAnswer(record)).callbacks[0]!.data.content).toBe('a,b');
  });

  it('answers a second acknowledgement with 40060', async () => {
    const done = onNextInteraction(async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
      await interaction.reply({ content: 'first' });
      // discord.js refuses a second reply itself; a second process would not know, so go direct.
      return client.rest
        .post(Routes.interactionCallback(interaction.id, interaction.token), { body: { type: 4, data: { content: 'second' } }, auth: false })
        .catch((e: unknown) => e);
    });
    const record = standIn.sendCommand('tier');
    expect(await done).toMatchObject({ code: 40060, status: 400 });
    expect(record.callbacks.map((c) => c.data.content)).toEqual(['first']);
  });

  it('answers a callback for an unknown interaction with 10062', async () => {
    const refused = client.rest.post(Routes.interactionCallback('1', 'nope'), { body: { type: 4, data: { content: 'x' } }, auth: false });
    await expect(refused).rejects.toMatchObject({ code: 10062, status: 404 });
  });

  it('forgets an interaction when told: its id and token are then unknown, as if it had never been sent', async () => {
    const done = onNextInteraction(async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
      await interaction.reply({ content: 'answered' });
      return interaction;
    });
    const record = standIn.sendCommand('tier');
    const interaction = await done;
    standIn.forget(await standIn.waitForAnswer(record));
    const again = client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), { body: { type: 4, data: { content: 'x' } }, auth: false });
    await expect(again).rejects.toMatchObject({ code: 10062, status: 404 });
    await expect(interaction.followUp({ content: 'later' })).rejects.toMatchObject({ status: 404 });
  });

  it('retries past an injected 429 and records it', async () => {
    standIn.faults.rateLimitNext('/callback', 0.05);
    const done = onNextInteraction(async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
      await interaction.reply({ content: 'after the rate limit' });
    });
    const record = standIn.sendCommand('tier');
    await done;
    expect(record.callbacks).toHaveLength(1);
    const statuses = standIn.requests.filter((r) => r.path.startsWith(`/interactions/${record.id}/`)).map((r) => r.status);
    expect(statuses).toEqual([429, 204]);
  });

  it('resets the connection of the next matching request, once; discord.js sends the callback again', async () => {
    standIn.faults.resetNext('/callback');
    const done = onNextInteraction(async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
      await interaction.reply({ content: 'after the reset' });
    });
    const record = standIn.sendCommand('tier');
    await done;
    expect(record.callbacks.map((c) => c.data.content)).toEqual(['after the reset']);
    const statuses = standIn.requests.filter((r) => r.path.startsWith(`/interactions/${record.id}/`)).map((r) => r.status);
    expect(statuses).toEqual([0, 204]);
    // Raw: the request fails as a reset connection does.
    standIn.faults.resetNext('/gateway');
    const reset = await fetch(`${standIn.apiUrl}/v10/gateway`).catch((e: unknown) => e);
    expect(reset).toBeInstanceOf(Error);
    expect((await fetch(`${standIn.apiUrl}/v10/gateway`)).status).toBe(200);
  });

  it('replays an interaction missed while the gateway was down, after RESUME', async () => {
    const resumed = once(client.ws.shards.first()!, 'resumed');
    standIn.faults.closeGateway(1006);
    const done = onNextInteraction(async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
      await interaction.reply({ content: 'still here' });
    });
    const record = standIn.sendCommand('tier');
    await resumed;
    await done;
    expect((await standIn.waitForAnswer(record)).callbacks[0]!.data.content).toBe('still here');
  });
});

describe('the stand-in refusing a bad token', () => {
  it('fails login over REST', async () => {
    const c = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: standIn.apiUrl } });
    try {
      await expect(c.login('wrong-token')).rejects.toMatchObject({ code: 'TokenInvalid' });
    } finally {
      await c.destroy();
    }
    expect(standIn.requests.at(-1)).toMatchObject({ method: 'GET', path: '/gateway/bot', status: 401 });
  });

  it('closes the gateway with 4004 on IDENTIFY', async () => {
    const socket = new WebSocket(`${standIn.apiUrl.replace(/^http/, 'ws').replace(/\/api$/, '')}/?v=10&encoding=json`);
    const closed = once(socket, 'close');
    const [hello] = (await once(socket, 'message')) as [Buffer];
    expect(JSON.parse(hello.toString())).toMatchObject({ op: 10, d: { heartbeat_interval: expect.any(Number) } });
    socket.send(JSON.stringify({ op: 1, d: null }));
    const [ack] = (await once(socket, 'message')) as [Buffer];
    expect(JSON.parse(ack.toString()).op).toBe(11);
    socket.send(JSON.stringify({ op: 2, d: { token: 'wrong', intents: 1, properties: {} } }));
    const [code] = (await closed) as [number];
    expect(code).toBe(4004);
  });
});
