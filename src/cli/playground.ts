/**
 * The playground (`npm start` with no DISCORD_TOKEN): the Discord stand-in on 127.0.0.1, the
 * real bot logged into it, and a prompt where commands are typed as in Discord. Every answer
 * goes the whole way: gateway dispatch, the bot's router, the REST callback, back to here.
 */

import { createInterface } from 'node:readline';
import { startBot } from '../gateway/app';
import { COMMANDS } from '../commands';
import type { Reply } from '../commands/types';
import { parseCommandLine } from './command-line';
import type { Config } from '../config/config';
import { deployCommands } from './deploy-commands';
import { createLogger, logProcessEvents } from '../config/logger';
import { renderReply, choosables } from './render-text';
import { saveFiles } from './reply-files';
import { finalAnswer, startStandIn, type InteractionRecord } from '../../tools/standin/server';

const OUT_DIR = 'out/playground';

const HELP = `Type a command as in Discord: /tier followers:30k, /tier 30k${COMMANDS.length > 1 ? `, ${COMMANDS.slice(1).map((c) => `/${c.definition.name}`).join(', ')}` : ''}.
End a line with ? to see autocomplete suggestions for its last option (/tiers source:medi?).
Type the number shown under a reply to press that button or choose that menu entry. "exit" quits.`;

export async function runPlayground(config: Config): Promise<void> {
  console.log('No DISCORD_TOKEN set: running the playground, a local Discord stand-in on 127.0.0.1 with the real bot logged in.');
  const standIn = await startStandIn();
  const logger = createLogger({ level: config.logLevel === 'info' ? 'warn' : config.logLevel });
  logProcessEvents(logger);
  await deployCommands({ token: standIn.token, clientId: standIn.applicationId, apiUrl: standIn.apiUrl });
  const bot = await startBot({ token: standIn.token, apiUrl: standIn.apiUrl, logger });
  await standIn.waitForReady();
  console.log(HELP);

  let last: { reply: Reply } | undefined;
  const interactive = process.stdin.isTTY === true;
  const lines = createInterface({ input: process.stdin, output: process.stdout, terminal: interactive });

  const show = async (record: InteractionRecord) => {
    const { body, files } = finalAnswer(await standIn.waitForAnswer(record, 10_000));
    if (record.type === 4) {
      const choices: { name: string; value: string }[] = body.choices ?? [];
      console.log(choices.length ? choices.map((c) => `  ${c.name}  →  ${c.value}`).join('\n') : '  (no suggestions)');
      return;
    }
    const reply: Reply = { embeds: [], ...body, files };
    const saved = await saveFiles(reply, OUT_DIR);
    console.log(renderReply(reply, saved));
    if (!(reply.flags && reply.flags & 64) || choosables(reply).length) last = { reply };
  };

  const handle = async (line: string) => {
    const text = line.trim();
    if (!text) return;
    if (/^(exit|quit)$/i.test(text)) return 'exit';
    if (/^(help|\?)$/i.test(text)) return console.log(HELP);
    if (/^\d+$/.test(text)) {
      const target = last ? choosables(last.reply).find((c) => String(c.number) === text) : undefined;
      if (!target) return console.log(`There is no choice ${text} on the last reply.`);
      const isSelect = target.value !== undefined;
      return show(standIn.sendComponent(target.customId, { componentType: isSelect ? 3 : 2, values: isSelect ? [target.value!] : [], message: { embeds: last!.reply.embeds, components: last!.reply.components ?? [] } }));
    }
    const wantsSuggestions = text.endsWith('?');
    const parsed = parseCommandLine(wantsSuggestions ? text.slice(0, -1) : text, COMMANDS);
    if (!parsed.ok) return console.log(parsed.reason);
    const name = parsed.command.definition.name;
    const entries = Object.entries(parsed.options).filter((e): e is [string, string | number | boolean] => e[1] !== undefined);
    if (wantsSuggestions) {
      const [focused, value] = entries.at(-1) ?? [parsed.command.definition.options?.[0]?.name ?? '', ''];
      return show(standIn.sendAutocomplete(name, focused, String(value), Object.fromEntries(entries.slice(0, -1))));
    }
    return show(standIn.sendCommand(name, Object.fromEntries(entries)));
  };

  const shutdown = async () => {
    await bot.stop();
    await standIn.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());

  const prompt = () => interactive && lines.prompt();
  lines.setPrompt('tierbot> ');
  prompt();
  // One line at a time, in order, even when standard input is a file or a pipe.
  for await (const line of lines) {
    if (!interactive && line.trim()) console.log(`> ${line.trim()}`);
    try {
      if ((await handle(line)) === 'exit') break;
    } catch (err) {
      console.log(`That did not work: ${err instanceof Error ? err.message : String(err)}`);
    }
    prompt();
  }
  await shutdown();
}
