/** /tier end to end, in both ways in: registration, the short public answer, its chart, bad input, bursts. */

import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/commands';
import { embedCharacters, messageProblems, registrationProblems } from '../../tools/standin/limits';
import { answerOf, embedText, harnessForEachMode, MODES } from './harness';

const EPHEMERAL = 64;
const harnessFor = harnessForEachMode();

describe.each(MODES)('/tier (%s mode)', (mode) => {
  const h = () => harnessFor(mode);

  it('registered every command in the guild, each valid by Discord rules', () => {
    const registered = h().standIn.registrations.get(h().standIn.guildIds[0]!) ?? [];
    expect(registered.map((c) => c.name).sort()).toEqual(COMMANDS.map((c) => c.definition.name).sort());
    expect(registrationProblems(registered)).toEqual([]);
  });

  it('answers /tier 30k publicly: the publishers’ answer in one line, short, with its chart and an All sources button', async () => {
    const record = await h().command('tier', { followers: '30k' });
    const { body, files } = answerOf(record);
    expect(body.flags ?? 0).toBe(0);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.embeds).toHaveLength(1);
    expect(body.embeds[0].title).toContain('30,000 followers');
    expect(embedText(body)).toMatch(/\*\*Micro\*\* — \d+ of \d+ publishers/);
    expect(embedCharacters(body.embeds[0])).toBeLessThanOrEqual(1500);
    expect(body.components[0].components.map((c: { label: string }) => c.label)).toContain('All sources');
    if (files.length) expect(body.embeds[0].image.url).toBe(`attachment://${files[0]!.name}`);
    expect(messageProblems(body)).toEqual([]);
  });

  it('"All sources" lists every publisher, only to the one who asked', async () => {
    const { body } = answerOf(await h().command('tier', { followers: '30k' }));
    const button = body.components[0].components.find((c: { label: string }) => c.label === 'All sources');
    const listed = answerOf(await h().component(button.custom_id, { componentType: 2, message: body }));
    expect(listed.body.flags & EPHEMERAL).toBe(EPHEMERAL);
    for (const publisher of ['Mediakix', 'HypeAuditor', 'Hootsuite']) expect(embedText(listed.body)).toContain(publisher);
  });

  it.each(['1.2M', '30,000', '2.5 million', ' 30 000 '])('reads %j', async (input) => {
    const { body } = answerOf(await h().command('tier', { followers: input }));
    expect(body.embeds[0].title).toMatch(/^[\d,]+ followers/);
  });

  it.each(['abc', '-5', '1.2345k', '99999999999', '@everyone <@123>', '🔥', 'x'.repeat(100)])('answers bad input %j ephemerally, with what is accepted', async (input) => {
    const record = await h().command('tier', { followers: input });
    const { body } = answerOf(record);
    expect(record.callbacks[0]!.type).toBe(4);
    expect(body.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(embedText(body)).toContain('Accepted:');
    expect(body.allowed_mentions).toEqual({ parse: [] });
  });

  it('in a burst of 40, answers everyone; charts come back once it is over', async () => {
    // How many carry a chart depends on how many overlap, which the way in decides; the rule
    // itself is tested in interactions-core.test.ts.
    const burst = await Promise.all(Array.from({ length: 40 }, () => h().command('tier', { followers: '30k' })));
    for (const record of burst) expect(answerOf(record).body.embeds[0].title).toContain('30,000 followers');
    expect(answerOf(await h().command('tier', { followers: '30k' })).files).toHaveLength(1);
  });

  it('answers a command Discord holds an older registration of with what to do, without running it', async () => {
    const s = h().standIn;
    const guildId = s.guildIds[0]!;
    const register = (definitions: unknown[]) =>
      fetch(`${s.apiUrl}/v10/applications/${s.applicationId}/guilds/${guildId}/commands`, {
        method: 'PUT',
        headers: { authorization: `Bot ${s.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(definitions),
      });
    // An older /tier, whose follower count was an integer option.
    const older = COMMANDS.map((c) => c.definition).map((d) => (d.name === 'tier' ? { ...d, options: [{ type: 4, name: 'followers', description: 'How many followers', required: true }] } : d));
    expect((await register(older)).status).toBe(200);
    try {
      const { body } = answerOf(await h().command('tier', { followers: 30000 }));
      expect(body.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(body.embeds[0].title).toBe('Unexpected options');
      expect(embedText(body)).toContain('`followers` should be text');
      expect(embedText(body)).toContain('npm run deploy-commands');
    } finally {
      expect((await register(COMMANDS.map((c) => c.definition))).status).toBe(200);
    }
    expect(answerOf(await h().command('tier', { followers: '30k' })).body.embeds[0].title).toContain('30,000 followers');
  });

  it('logs nothing at error level for ordinary use', () => {
    expect(h().logs.filter((l) => (l.level as number) >= 50)).toEqual([]);
  });
});
