/**
 * `npm run -s cli -- /<command> [subcommand] [option:value ...] [flags]` (the contract is in
 * DESIGN.md). The interaction is built as Discord would send it and answered by the same core,
 * commands and store as the bot. Exit status: 0 answer, 2 input error, 1 internal failure.
 */

import { readFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { APIAttachment, APIInteraction } from 'discord-api-types/v10';
import { COMMANDS } from '../commands';
import type { Attachment, SlashCommand } from '../commands/types';
import { parseConfig } from '../config/config';
import { createLogger } from '../config/logger';
import { tierbotCore } from '../interactions/tierbot';
import { openStore } from '../store';
import { config as loadDotenv } from 'dotenv';
import { parseCommandLine } from './command-line';
import { capturingResponder, chatInput, localAttachment, onMessage, pressed, type Place, type Shown } from './local-interaction';
import { saveFiles } from './reply-files';
import { choosables, renderMessage } from './render-text';

const SLASH = COMMANDS.filter((c): c is SlashCommand => c.kind === 'slash');
const MESSAGE_COMMAND = COMMANDS.find((c) => c.kind === 'message');

const FLAGS = {
  json: { type: 'boolean' },
  out: { type: 'string' },
  pick: { type: 'string', multiple: true },
  guild: { type: 'string' },
  manager: { type: 'boolean' },
  'on-message': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;
const KNOWN_FLAGS = '--json, --out DIR, --pick N, --guild ID, --manager, --on-message "<text>", --help';

const USAGE = `Usage: npm run -s cli -- /<command> [subcommand] [option:value ...] [flags]
Commands: ${SLASH.map((c) => `/${c.definition.name}`).join(', ')}
  --json                 print the message exactly as sent (attachments by name under "files")
  --out DIR              write attachments (charts, CSV files) into DIR
  --pick N               press button / choose menu entry N of the reply (repeatable)
  --guild ID             run in that server (without it: a DM)
  --manager              the member has Manage Server
  --on-message "<text>"  run "${MESSAGE_COMMAND?.definition.name ?? 'Classify follower counts'}" on a message with that text`;

type Args = { json: boolean; out?: string; picks: string[]; guild?: string; manager: boolean; onMessage?: string; help: boolean; words: string[] };

function readArgs(argv: string[]): Args | { unknown: string } {
  const { values, tokens } = parseArgs({ args: argv, options: FLAGS, allowPositionals: true, strict: false, tokens: true });
  const words: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') words.push(token.value);
    else if (token.kind === 'option' && !(token.name in FLAGS) && token.name !== 'h') {
      // "-5" is a word of the command (a negative count), "--jsn" a mistyped flag.
      if (/^-\d/.test(token.rawName)) words.push(token.rawName);
      else return { unknown: token.rawName };
    }
  }
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    json: values.json === true,
    out: text(values.out),
    picks: (values.pick ?? []) as string[],
    guild: text(values.guild),
    manager: values.manager === true,
    onMessage: text(values['on-message']),
    help: values.help === true,
    words,
  };
}

/** An input error the CLI itself finds (a bad flag, a disabled button): shown like the bot's own. */
function inputError(problem: string, accepted: string): Shown {
  return {
    body: { embeds: [{ title: 'That input did not work', description: `${problem}\n\n**Accepted:** ${accepted}`, color: 0xed4245 }], allowed_mentions: { parse: [] }, attachments: [], flags: 64 },
    files: [],
  };
}

async function main(): Promise<number> {
  const args = readArgs(process.argv.slice(2));
  if ('unknown' in args) {
    console.error(`Unknown flag ${args.unknown}. Known flags: ${KNOWN_FLAGS}.`);
    return 2;
  }
  if (args.help || (args.words.length === 0 && args.onMessage === undefined)) {
    console.log(USAGE);
    return args.help ? 0 : 2;
  }
  loadDotenv({ quiet: true });
  const config = parseConfig(process.env);
  if (!config.ok) {
    console.error(config.reason);
    return 1;
  }
  const logger = createLogger({ level: 'warn', secrets: [config.config.databaseUrl] });
  const store = await openStore(config.config.databaseUrl, { logger });
  // A chart is only worth drawing where it goes somewhere: a folder, or the exact payload.
  const localFiles = new Map<string, Uint8Array>();
  const download = async (a: Attachment) => localFiles.get(a.url) ?? (await readFile(a.url));
  const core = tierbotCore({ store, logger, charts: Boolean(args.out) || args.json, download });
  const place: Place = { guildId: args.guild, manager: args.manager };

  try {
    let interaction: APIInteraction;
    if (args.onMessage !== undefined) {
      if (!MESSAGE_COMMAND) throw new Error('no message command');
      interaction = onMessage(place, MESSAGE_COMMAND.definition.name, args.onMessage);
    } else {
      const parsed = parseCommandLine(args.words.join(' '), SLASH);
      if (!parsed.ok) return print(args, inputError(parsed.reason, 'see --help for the commands and their options.'), 2);
      const attachments: Record<string, APIAttachment> = {};
      for (const [i, file] of parsed.files.entries()) {
        const info = await stat(file.path).catch(() => undefined);
        if (!info?.isFile()) return print(args, inputError(`There is no file at ${file.path}.`, 'a path to a local file.'), 2);
        const id = String(i + 1);
        attachments[id] = localAttachment(id, file.path, info.size);
        parsed.options.push({ name: file.option, type: 11, value: id } as (typeof parsed.options)[number]);
      }
      interaction = chatInput(place, parsed.command.definition.name, parsed.options, attachments);
    }
    let responder = capturingResponder();
    let outcome = await core.handle(interaction, responder);
    let shown = responder.final();
    for (const choice of args.picks) {
      if (!shown) break;
      const target = choosables(shown.body).find((c) => String(c.number) === choice);
      if (!target) return print(args, inputError(`There is no button or menu entry ${choice} on that reply.`, 'one of the numbers shown under the reply.'), 2);
      if (target.disabled) return print(args, inputError(`Button ${choice} ("${target.label}") is disabled.`, 'a button that is not marked (disabled).'), 2);
      // The message's files are served to the component from memory, as Discord's CDN would.
      const attachments = shown.files.map((f, i) => {
        const url = `cli-attachment:${i}/${f.name}`;
        localFiles.set(url, f.data);
        return { id: String(i), filename: f.name, size: f.data.byteLength, url, proxy_url: url };
      });
      const message = { ...shown.body, attachments } as unknown as Parameters<typeof pressed>[3];
      responder = capturingResponder(shown);
      outcome = await core.handle(pressed(place, target.customId, target.value === undefined ? undefined : [target.value], message), responder);
      shown = responder.final();
    }
    if (!shown) throw new Error('the command gave no answer');
    return print(args, shown, outcome === 'input-error' ? 2 : outcome === 'failed' ? 1 : 0);
  } finally {
    await store.close();
  }
}

async function print(args: Args, shown: Shown, code: number): Promise<number> {
  const saved = args.out ? await saveFiles(shown.files, args.out) : [];
  if (args.json) console.log(JSON.stringify(shown.files.length ? { ...shown.body, files: shown.files.map((f) => f.name) } : shown.body));
  else console.log(renderMessage(shown.body, saved));
  return code;
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
