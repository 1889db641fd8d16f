/**
 * The bench's world: GUILD_CREATEs shaped like a public bot's (channels, threads, roles, emojis,
 * stickers, members, voice states) reach the real discord.js Client, and every kind of
 * interaction is answered in those guilds.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Events } from 'discord.js';
import { asSeenBy, benchGuildIds, guildExtras } from '../../bench/guilds';
import { answerOf, embedText, startHarness, type Harness } from './harness';

const APPLICATION_ID = '100000000000000001';
const GUILD_IDS = benchGuildIds(4);
const extras = new Map(GUILD_IDS.map((id) => [id, guildExtras(id, APPLICATION_ID)]));

describe('asSeenBy (the bench’s second bot)', () => {
  const OTHER = '100000000000000002';
  it('gives the other bot the managed role and its own member, and shares everything else', () => {
    const first = extras.get(GUILD_IDS[0]!)!;
    const seen = asSeenBy(first, OTHER);
    const botRoles = (e: typeof first) => e.roles!.filter((role) => role.managed).map((role) => role.tags?.bot_id);
    expect(botRoles(first)).toEqual([APPLICATION_ID]);
    expect(botRoles(seen)).toEqual([OTHER]);
    expect(seen.members!.map((m) => m.user.id)).toEqual(first.members!.map((m) => (m.user.id === APPLICATION_ID ? OTHER : m.user.id)));
    expect(seen.members!.filter((m) => m.user.id === OTHER)[0]!.roles).toEqual(first.members![0]!.roles);
    expect(seen.channels).toBe(first.channels);
    expect(seen.emojis).toBe(first.emojis);
    expect({ ...seen, roles: undefined, members: undefined }).toEqual({ ...first, roles: undefined, members: undefined });
    expect(asSeenBy(first, APPLICATION_ID)).toBe(first);
  });
});

describe('the bot logged into guilds shaped like a public bot’s', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ standIn: { applicationId: APPLICATION_ID, guildIds: GUILD_IDS, guildExtras: (id) => extras.get(id) ?? {} } });
  });
  afterAll(async () => h?.close());

  it('has every guild with its own details', () => {
    const { client } = h.gateway!;
    expect([...client.guilds.cache.keys()].sort()).toEqual([...GUILD_IDS].sort());
    for (const guild of client.guilds.cache.values()) expect(guild.name).toBe(extras.get(guild.id)!.name);
  });

  it('answers commands, autocomplete and buttons in those guilds, and discord.js builds no Interaction objects', async () => {
    let built = 0;
    const count = () => void (built += 1);
    h.gateway!.client.on(Events.InteractionCreate, count);
    for (const guildId of GUILD_IDS) {
      const { body } = answerOf(await h.standIn.waitForAnswer(h.standIn.sendCommand('tier', { followers: '30k' }, { guildId }), 10_000));
      expect(embedText(body)).toContain('30,000 followers');
    }
    const suggested = await h.autocomplete('glossary', 'term', 'CP');
    expect(suggested.callbacks[0]!.data.choices.length).toBeGreaterThan(0);
    const { body } = answerOf(await h.command('compare', {}));
    const button = body.components[0].components.find((c: { custom_id?: string }) => c.custom_id);
    const pressed = await h.component(button.custom_id, { componentType: 2, message: body });
    expect([4, 7]).toContain(pressed.callbacks[0]!.type);
    expect(embedText(answerOf(pressed).body)).not.toBe('');
    expect(h.logs.filter((l) => (l.level as number) >= 50)).toEqual([]);
    h.gateway!.client.off(Events.InteractionCreate, count);
    expect(built).toBe(0); // the core answered from the JSON; discord.js skipped every packet
  });
});
