/**
 * `npm run -s cli -- /<command> [option:value ...] [--json] [--out DIR] [--pick N ...]`
 * Runs the same run() the bot runs. Exit status: 0 answer, 2 input error, 1 internal failure.
 */

import { parseArgs } from 'node:util';
import { COMMANDS, commandForCustomId } from '../commands';
import { inputErrorReply } from '../commands/embeds';
import type { Reply, RunContext } from '../commands/types';
import { parseCommandLine } from './command-line';
import { payloadForJson, saveFiles } from './reply-files';
import { choosables, renderReply } from './render-text';

const USAGE = `Usage: npm run -s cli -- /<command> [option:value ...] [--json] [--out DIR] [--pick N]
Commands: ${COMMANDS.map((c) => `/${c.definition.name}`).join(', ')}
  --json     print the reply payload exactly as the bot sends it
  --out DIR  write attachments (charts) into DIR
  --pick N   press button / choose select option N of the reply (repeatable)`;

function readArgs(argv: string[]) {
  // Unknown "options" such as -5 are words of the command (a negative count), not flags.
  const { values, tokens } = parseArgs({
    args: argv,
    options: { json: { type: 'boolean' }, out: { type: 'string' }, pick: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const known = new Set(['json', 'out', 'pick', 'help', 'h']);
  const words = tokens.flatMap((t) => (t.kind === 'positional' ? [t.value] : t.kind === 'option' && !known.has(t.name) ? [t.rawName] : []));
  return { json: values.json === true, out: typeof values.out === 'string' ? values.out : undefined, picks: (values.pick ?? []) as string[], help: values.help === true, words };
}

async function pick(reply: Reply, choice: string, context: RunContext): Promise<Reply> {
  const target = choosables(reply).find((c) => String(c.number) === choice);
  if (!target) return inputErrorReply(`There is no choice ${choice} on that reply.`, 'one of the numbers shown under the reply.');
  const command = commandForCustomId(target.customId);
  if (!command?.component) throw new Error(`no handler for ${target.customId}`);
  const answer = await command.component(target.customId, target.value ? [target.value] : [], context);
  return answer.reply;
}

async function main(): Promise<number> {
  const args = readArgs(process.argv.slice(2));
  if (args.help || args.words.length === 0) {
    console.log(USAGE);
    return args.help ? 0 : 2;
  }
  const parsed = parseCommandLine(args.words.join(' '), COMMANDS);
  // A chart is only worth rendering where it goes somewhere: a folder, or the exact payload.
  const context = { charts: Boolean(args.out) || args.json };
  let reply: Reply = parsed.ok ? await parsed.command.run(parsed.options, context) : inputErrorReply(parsed.reason, 'see --help for the commands and their options.', 'Not a command I know');
  for (const choice of args.picks) reply = await pick(reply, choice, context);

  const saved = args.out ? await saveFiles(reply, args.out) : [];
  console.log(args.json ? JSON.stringify(payloadForJson(reply)) : renderReply(reply, saved));
  return reply.inputError ? 2 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`Internal failure: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exitCode = 1;
  },
);
