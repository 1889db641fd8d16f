import { REST, Routes } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/commands';
import { deployCommands } from '../../src/cli/deploy-commands';
import { registrationProblems } from '../../tools/standin/limits';
import { execFile } from 'node:child_process';
import { startStandIn, type StandIn } from '../../tools/standin/server';

let standIn: StandIn | undefined;
afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
});

describe('npm run deploy-commands', () => {
  it('registers every definition globally when no guild is set, through DISCORD_API_URL', async () => {
    standIn = await startStandIn();
    const result = await deployCommands({ token: standIn.token, clientId: standIn.applicationId, apiUrl: standIn.apiUrl });
    expect(result).toEqual({ scope: 'global', count: COMMANDS.length });
    const registered = standIn.registrations.get('global')!;
    expect(registered.map((c) => c.name)).toEqual(COMMANDS.map((c) => c.definition.name));
    expect(registrationProblems(registered)).toEqual([]);
    expect(standIn.requests.some((r) => r.method === 'PUT' && r.path === `/applications/${standIn!.applicationId}/commands`)).toBe(true);
  });

  it('registers in one guild when DISCORD_GUILD_ID is set', async () => {
    standIn = await startStandIn();
    const guildId = standIn.guildIds[0]!;
    const result = await deployCommands({ token: standIn.token, clientId: standIn.applicationId, guildId, apiUrl: standIn.apiUrl });
    expect(result.scope).toBe(`guild ${guildId}`);
    expect(standIn.registrations.get(guildId)).toHaveLength(COMMANDS.length);
    expect(standIn.registrations.has('global')).toBe(false);
  });

  it('is refused, as Discord refuses it, when a definition breaks the naming rules', async () => {
    standIn = await startStandIn();
    const rest = new REST({ api: standIn.apiUrl, retries: 0 }).setToken(standIn.token);
    const bad = [{ ...COMMANDS[0]!.definition, name: 'Tier Command' }];
    await expect(rest.put(Routes.applicationCommands(standIn.applicationId), { body: bad })).rejects.toMatchObject({ code: 50035 });
    expect(standIn.registrations.has('global')).toBe(false);
  });

  it('--help prints the usage and an unknown argument stops with exit 2: neither registers anything, even with a token', async () => {
    standIn = await startStandIn();
    const env = { PATH: process.env.PATH ?? '', DISCORD_TOKEN: standIn.token, DISCORD_CLIENT_ID: standIn.applicationId, DISCORD_API_URL: standIn.apiUrl };
    const run = (arg: string) =>
      new Promise<{ code: number; out: string; err: string }>((resolve) =>
        execFile(process.execPath, ['--import', 'tsx', 'src/cli/deploy-commands.ts', arg], { env, timeout: 60_000 }, (err, out, stderr) =>
          resolve({ code: err ? Number((err as { code?: number }).code) : 0, out, err: stderr }),
        ),
      );
    const help = await run('--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('Usage: npm run deploy-commands');
    const typo = await run('--pirnt');
    expect(typo.code).toBe(2);
    expect(typo.err).toContain("Unknown option '--pirnt'");
    expect(standIn.requests.filter((r) => r.method === 'PUT')).toEqual([]);
    expect(standIn.registrations.size).toBe(0);
  }, 60_000);

  it('--print prints the exact JSON array, with no token: user install on every chat command but the team settings', async () => {
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, ['--import', 'tsx', 'src/cli/deploy-commands.ts', '--print'], { env: { PATH: process.env.PATH ?? '' }, timeout: 60_000 }, (err, out) => (err ? reject(err) : resolve(out))),
    );
    const printed = JSON.parse(stdout) as { name: string; type?: number; integration_types: number[]; contexts: number[]; default_member_permissions?: string }[];
    expect(printed).toEqual(JSON.parse(JSON.stringify(COMMANDS.map((c) => c.definition))));
    expect(registrationProblems(printed)).toEqual([]);
    for (const command of printed) {
      if (['house', 'term', 'plans', 'erase-team-data'].includes(command.name)) {
        expect(command, command.name).toMatchObject({ integration_types: [0], contexts: [0] });
      } else {
        expect(command, command.name).toMatchObject({ integration_types: [0, 1], contexts: [0, 1, 2] });
      }
    }
    expect(printed.find((c) => c.name === 'house')?.default_member_permissions).toBeUndefined();
    expect(printed.find((c) => c.name === 'term')?.default_member_permissions).toBe('32');
    expect(printed.find((c) => c.name === 'erase-team-data')?.default_member_permissions).toBe('32');
    expect(printed.find((c) => c.type === 3)?.name).toBe('Classify follower counts');
    // Each chat command says it is one, as the message command says its type.
    expect(printed.filter((c) => c.type === 1).map((c) => c.name)).toEqual(['tier', 'tiers', 'compare', 'glossary', 'help', 'roster', 'house', 'term', 'plans', 'erase-team-data']);
  }, 60_000);
});
