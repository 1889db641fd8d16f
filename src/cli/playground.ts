/**
 * The playground (`npm start` with no DISCORD_TOKEN): the Discord stand-in on 127.0.0.1, the
 * real bot logged into it, and a prompt where commands are typed as in Discord. Every answer
 * goes the whole way: gateway dispatch, the bot's router, the REST callback, back to here.
 */

import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { COMMANDS } from '../commands';
import type { SlashCommand } from '../commands/types';
import type { Config } from '../config/config';
import { createLogger, logProcessEvents } from '../config/logger';
import { startGateway } from '../gateway/client';
import { tierbotCore } from '../interactions/tierbot';
import { openStore } from '../store';
import { finalAnswer, startStandIn, type AttachmentInput, type CapturedFile, type CommandOptionValue, type InteractionRecord } from '../../tools/standin/server';
import { parseCommandLine } from './command-line';
import { deployCommands } from './deploy-commands';
import { asDiscordShowsIt, originalIsPrivate } from './local-interaction';
import { choosables, renderMessage, type ShownMessage } from './render-text';
import { localFile, saveFiles } from './reply-files';

/** The largest file a Discord user without Nitro can upload. */
const MAX_UPLOAD_BYTES = 10 * 2 ** 20;

const OUT_DIR = 'out/playground';
/** @everyone's usual rights plus Manage Server. */
const OWNER_PERMISSIONS = String((1n << 5n) | (1n << 10n) | (1n << 11n) | (1n << 16n) | (1n << 31n));
const SLASH = COMMANDS.filter((c): c is SlashCommand => c.kind === 'slash');

const HELP = `Type a command as in Discord: /tier followers:30k, /tier 30k, ${SLASH.slice(1).map((c) => `/${c.definition.name}`).join(', ')}.
End a line with ? to see autocomplete suggestions for its last option (/tiers source:medi?).
Type the number shown under a reply to press that button or choose that menu entry. "exit" quits.`;

/**
 * The files on the message an answer leaves in the channel. A component's update (callback 7, or
 * an edit after deferring with 6) that sends no files and no attachment list keeps the message's
 * files, as Discord does; any other answer is a message with exactly the files it sent.
 */
function filesOnMessage(record: InteractionRecord, body: { attachments?: unknown }, files: readonly CapturedFile[], before: AttachmentInput[]): AttachmentInput[] {
  const isUpdate = record.type === 3 && record.callbacks.some((c) => c.type === 6 || c.type === 7);
  if (isUpdate && files.length === 0 && body.attachments === undefined) return before;
  return files.map((f) => ({ filename: f.name, data: f.data, ...(f.contentType ? { contentType: f.contentType } : {}) }));
}

export async function runPlayground(config: Config): Promise<void> {
  console.log('No DISCORD_TOKEN set: running the playground, a local Discord stand-in on 127.0.0.1 with the real bot logged in.');
  const standIn = await startStandIn();
  const logger = createLogger({ level: config.logLevel === 'info' ? 'warn' : config.logLevel, secrets: [config.databaseUrl] });
  logProcessEvents(logger);
  await deployCommands({ token: standIn.token, clientId: standIn.applicationId, apiUrl: standIn.apiUrl });
  const store = await openStore(config.databaseUrl, { logger });
  const bot = await startGateway({ token: standIn.token, apiUrl: standIn.apiUrl, logger, core: tierbotCore({ store, logger }) });
  await standIn.waitForReady();
  console.log(HELP);

  let last: ShownMessage | undefined;
  /** The files on the last message, which a button on it may read back (Summary by platform reads roster-tiers.csv). */
  let lastFiles: AttachmentInput[] = [];
  const interactive = process.stdin.isTTY === true;
  const lines = createInterface({ input: process.stdin, output: process.stdout, terminal: interactive });

  /** Shows the answer to `record`; `pressedOn` is the message whose button or menu sent it. */
  const show = async (record: InteractionRecord, pressedOn?: ShownMessage) => {
    const answered = await standIn.waitForAnswer(record, 10_000);
    const { body: sent, files } = finalAnswer(answered);
    // An edit of the original response (or a component's update) carries no flags: it is as private as that response.
    const showsFollowUp = answered.edits.length === 0 && answered.followUps.length > 0;
    const first = answered.callbacks[0];
    const body = first && !showsFollowUp ? asDiscordShowsIt(sent, originalIsPrivate(first, pressedOn)) : sent;
    if (record.type === 4) {
      const choices: { name: string; value: string }[] = body.choices ?? [];
      console.log(choices.length ? choices.map((c) => `  ${c.name}  →  ${c.value}`).join('\n') : '  (no suggestions)');
      return;
    }
    const saved = await saveFiles(files, OUT_DIR);
    console.log(renderMessage(body, saved));
    if (!(body.flags && body.flags & 64) || choosables(body).length) {
      lastFiles = filesOnMessage(record, body, files, lastFiles);
      last = body;
    }
  };

  const handle = async (line: string) => {
    const text = line.trim();
    if (!text) return;
    if (/^(exit|quit)$/i.test(text)) return 'exit';
    if (/^(help|\?)$/i.test(text)) return console.log(HELP);
    if (/^\d+$/.test(text)) {
      const target = last ? choosables(last).find((c) => String(c.number) === text) : undefined;
      if (!target) return console.log(`There is no choice ${text} on the last reply.`);
      if (target.disabled) return console.log(`Button ${text} ("${target.label}") is disabled.`);
      const isSelect = target.value !== undefined;
      // The message as Discord delivers it with the interaction: its files too, served by the stand-in at their URLs.
      const message = { embeds: last!.embeds ?? [], components: last!.components ?? [], attachments: lastFiles };
      return show(standIn.sendComponent(target.customId, { componentType: isSelect ? 3 : 2, values: isSelect ? [target.value!] : [], message }), last);
    }
    const wantsSuggestions = text.endsWith('?');
    const parsed = parseCommandLine(wantsSuggestions ? text.slice(0, -1) : text, SLASH);
    if (!parsed.ok) return console.log(parsed.reason);
    const name = parsed.command.definition.name;
    const subcommand = parsed.options[0]?.type === ApplicationCommandOptionType.Subcommand ? parsed.options[0].name : undefined;
    const commandName = subcommand ? `${name} ${subcommand}` : name;
    const entries = Object.entries(parsed.values);
    // The person at the prompt owns the playground's server: team settings are theirs to change.
    const asOwner = { permissions: OWNER_PERMISSIONS };
    if (wantsSuggestions) {
      // Only the options of the subcommand typed: /term add's name has no suggestions, /term remove's has.
      const defined = parsed.command.definition.options ?? [];
      const chosen = subcommand === undefined ? undefined : defined.find((o) => o.name === subcommand);
      const options = chosen ? ('options' in chosen ? (chosen.options ?? []) : []) : defined;
      const [focused, value] = entries.at(-1) ?? [options[0]?.name ?? '', ''];
      // Discord asks for suggestions only for options that offer them; nor does the playground.
      const option = options.find((o) => o.name === focused);
      if (!option || !('autocomplete' in option) || !option.autocomplete) return console.log(`/${commandName} ${focused || '(no option)'} has no suggestions.`);
      return show(standIn.sendAutocomplete(commandName, focused, String(value), Object.fromEntries(entries.slice(0, -1)), asOwner));
    }
    // A file option names a local file: it is uploaded to the stand-in as Discord's client would.
    const values: Record<string, CommandOptionValue> = Object.fromEntries(entries);
    for (const file of parsed.files) {
      const local = await localFile(file.path);
      if (!local.ok) return console.log(local.problem);
      if (local.size > MAX_UPLOAD_BYTES) return console.log(`${local.path} is larger than the ${MAX_UPLOAD_BYTES / 2 ** 20} MB Discord lets you upload.`);
      values[file.option] = { attachment: { filename: basename(local.path), data: await readFile(local.path) } };
    }
    return show(standIn.sendCommand(commandName, values, asOwner));
  };

  const shutdown = async () => {
    await bot.stop();
    await standIn.close();
    await store.close();
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
