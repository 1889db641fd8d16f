/**
 * `npm run deploy-commands`: registers every command definition, in one guild when
 * DISCORD_GUILD_ID is set (instant; no user install there), otherwise globally. Goes through
 * DISCORD_API_URL when set. A bulk overwrite replaces the whole set, so commands removed from the
 * code disappear too. `-- --print` prints the JSON array that would be registered and needs no token.
 */

import { REST } from '@discordjs/rest';
import { Routes } from 'discord-api-types/v10';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { COMMANDS } from '../commands';
import { loadConfigOrExit } from '../config/config';
import { discordNoAnswer } from '../config/discord-no-answer';

export interface DeployOptions {
  token: string;
  clientId: string;
  guildId?: string | undefined;
  apiUrl?: string | undefined;
}

/** The definitions exactly as registered. */
export function commandDefinitions(): unknown[] {
  return COMMANDS.map((c) => c.definition);
}

export async function deployCommands({ token, clientId, guildId, apiUrl }: DeployOptions): Promise<{ scope: string; count: number }> {
  const rest = new REST(apiUrl ? { api: apiUrl } : {}).setToken(token);
  const route = guildId ? Routes.applicationGuildCommands(clientId, guildId) : Routes.applicationCommands(clientId);
  const registered = (await rest.put(route, { body: commandDefinitions() })) as unknown[];
  return { scope: guildId ? `guild ${guildId}` : 'global', count: registered.length };
}

const USAGE = `Usage: npm run deploy-commands [-- --print]

Registers Tierbot's commands with Discord: in the server DISCORD_GUILD_ID names (instant, for
development), otherwise globally. Needs DISCORD_TOKEN and DISCORD_CLIENT_ID (see .env.example).
  --print   prints the commands as JSON instead; needs no token
  --help    this text`;

/** `--print`, `--help`, or a reason to stop: an unknown argument must never go on to register. */
function readArguments(argv: string[]): { print: boolean; help: boolean } | { problem: string } {
  try {
    const { values } = parseArgs({ args: argv, options: { print: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false });
    return { print: values.print === true, help: values.help === true };
  } catch (err) {
    return { problem: err instanceof Error ? err.message : String(err) };
  }
}

async function main() {
  const args = readArguments(process.argv.slice(2));
  if ('problem' in args) {
    console.error(`${args.problem}\n\n${USAGE}`);
    process.exit(2);
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }
  if (args.print) {
    console.log(JSON.stringify(commandDefinitions(), null, 2));
    return;
  }
  const config = loadConfigOrExit();
  if (!config.token || !config.clientId) {
    const missing = [config.token ? '' : 'DISCORD_TOKEN', config.clientId ? '' : 'DISCORD_CLIENT_ID'].filter((name) => name !== '');
    console.error(`deploy-commands needs ${missing.join(' and ')} (see .env.example), or --print to print the commands without registering them.`);
    process.exit(1);
  }
  const since = Date.now();
  const { scope, count } = await deployCommands({ token: config.token, clientId: config.clientId, guildId: config.guildId, apiUrl: config.apiUrl }).catch((err: unknown) => {
    const noAnswer = discordNoAnswer(err, config.apiUrl, Date.now() - since);
    throw noAnswer ? new Error(noAnswer) : err;
  });
  console.log(`Registered ${count} command${count === 1 ? '' : 's'} (${scope}).${scope === 'global' ? ' Global commands can take a while to appear.' : ''}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err: unknown) => {
    console.error(`deploy-commands failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
