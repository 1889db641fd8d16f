/**
 * `npm run deploy-commands`: registers every command definition, in one guild when
 * DISCORD_GUILD_ID is set (instant), otherwise globally. Goes through DISCORD_API_URL when set.
 * A bulk overwrite replaces the whole set, so commands removed from the code disappear too.
 */

import { REST, Routes } from 'discord.js';
import { pathToFileURL } from 'node:url';
import { COMMANDS } from '../commands';
import { loadConfigOrExit } from '../config/config';

export interface DeployOptions {
  token: string;
  clientId: string;
  guildId?: string | undefined;
  apiUrl?: string | undefined;
}

export async function deployCommands({ token, clientId, guildId, apiUrl }: DeployOptions): Promise<{ scope: string; count: number }> {
  const rest = new REST(apiUrl ? { api: apiUrl } : {}).setToken(token);
  const body = COMMANDS.map((c) => c.definition);
  const route = guildId ? Routes.applicationGuildCommands(clientId, guildId) : Routes.applicationCommands(clientId);
  const registered = (await rest.put(route, { body })) as unknown[];
  return { scope: guildId ? `guild ${guildId}` : 'global', count: registered.length };
}

async function main() {
  const config = loadConfigOrExit();
  if (!config.token || !config.clientId) {
    console.error('deploy-commands needs DISCORD_TOKEN and DISCORD_CLIENT_ID (see .env.example).');
    process.exit(1);
  }
  const { scope, count } = await deployCommands({ token: config.token, clientId: config.clientId, guildId: config.guildId, apiUrl: config.apiUrl });
  console.log(`Registered ${count} command${count === 1 ? '' : 's'} (${scope}).${scope === 'global' ? ' Global commands can take a while to appear.' : ''}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err: unknown) => {
    console.error(`deploy-commands failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
