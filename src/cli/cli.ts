/**
 * `npm run -s cli -- /<command> [subcommand] [option:value ...] [flags]` (the contract is in
 * DESIGN.md). The interaction is built as Discord would send it and answered by the same core,
 * commands and store as the bot. Exit status: 0 answer, 2 input error, 1 internal failure.
 */

import { readFile } from 'node:fs/promises';
import type { APIAttachment, APIInteraction } from 'discord-api-types/v10';
import { stopCharts } from '../charts';
import { COMMANDS } from '../commands';
import type { Attachment, SlashCommand } from '../commands/types';
import { databaseUrlSecret, parseConfig } from '../config/config';
import { createLogger } from '../config/logger';
import { tierbotCore } from '../interactions/tierbot';
import { openStore } from '../store';
import type { TeamStore } from '../store/types';
import { config as loadDotenv } from 'dotenv';
import { commandUsage, parseCommandLine } from './command-line';
import { capturingResponder, chatInput, localAttachment, onMessage, pressed, type Place, type Shown } from './local-interaction';
import { SaveFilesError, localFile, saveFiles, userPath } from './reply-files';
import { choosables, renderMessage } from './render-text';

/**
 * A chart the CLI asks for goes to a file or the payload, and nobody waits on Discord's clock: it
 * waits for the chart well past the bot's budget, so a busy machine does not drop it.
 */
const CLI_CHART_BUDGET_MS = 60_000;

const SLASH = COMMANDS.filter((c): c is SlashCommand => c.kind === 'slash');
const MESSAGE_COMMAND = COMMANDS.find((c) => c.kind === 'message');

/** The flags, each with what its value must be; the rest of the command line is the command. */
const FLAGS: Record<string, { value?: { needs: string; accepted: string; valid: RegExp }; repeatable?: boolean }> = {
  json: {},
  out: { value: { needs: 'a folder', accepted: '--out DIR, e.g. --out charts', valid: /\S/ } },
  pick: { value: { needs: 'a button or menu entry number', accepted: '--pick N, e.g. --pick 1 (repeatable)', valid: /^[1-9]\d*$/ }, repeatable: true },
  guild: { value: { needs: 'a server id (digits)', accepted: '--guild ID, e.g. --guild 42', valid: /^\d{1,20}$/ } },
  manager: {},
  'on-message': { value: { needs: "the message's text", accepted: '--on-message "<text>", e.g. --on-message "we have 45k followers"', valid: /[^]*/ } },
  help: {},
};
const KNOWN_FLAGS = '--json, --out DIR, --pick N, --guild ID, --manager, --on-message "<text>", --help';

/** A usage line indented and wrapped at the spaces between options, for an 100-column terminal. */
function wrap(line: string): string {
  const lines = [''];
  for (const part of line.split(' ')) {
    const last = lines.length - 1;
    if (lines[last] && lines[last].length + part.length > 96) lines.push(`      ${part}`);
    else lines[last] = lines[last] ? `${lines[last]} ${part}` : `  ${part}`;
  }
  return lines.join('\n');
}

const USAGE = `Usage: npm run -s cli -- /<command> [subcommand] [option:value ...] [flags]
Give each option as one argument name:value (quote a value with spaces: "followers:2.5 million");
the first required option may be given by position (/tier 30k).
Commands and their options ([...] = optional):
${commandUsage(SLASH).map(wrap).join('\n')}
Flags:
  --json                 print the message exactly as sent (attachments by name under "files")
  --out DIR              write attachments (charts, CSV files) into DIR
  --pick N               press button / choose menu entry N of the reply (repeatable)
  --guild ID             run in that server (without it: a DM)
  --manager              the member has Manage Server
  --on-message "<text>"  run "${MESSAGE_COMMAND?.definition.name ?? 'Classify follower counts'}" on a message with that text
  --help, -h             this text`;

type Args = { json: boolean; out?: string; picks: string[]; guild?: string; manager: boolean; onMessage?: string; help: boolean; words: string[] };
type Problem = { problem: string; accepted: string };

/**
 * Reads the flags by hand (node's parseArgs takes a following "--json" as a value, and in its lenient
 * mode a value-less string flag as `true`). A flag's problem is kept, with the flags read so far, so
 * that it is printed as the reply would be (--json included).
 */
function readArgs(argv: readonly string[]): { args: Args; problem?: Problem; unknown?: string } {
  const args: Args = { json: false, picks: [], manager: false, help: false, words: [] };
  let problem: Problem | undefined;
  const seen = new Set<string>();
  const isFlag = (arg: string | undefined) => arg !== undefined && (arg === '-h' || (arg.startsWith('--') && arg.slice(2).split('=')[0]! in FLAGS));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      args.words.push(...argv.slice(i + 1));
      break;
    }
    // "-5" is a word of the command (a negative count), "--jsn" a mistyped flag.
    if (!arg.startsWith('-') || arg === '-' || /^-\d/.test(arg)) {
      args.words.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg === '-h' ? 'help' : arg.startsWith('--') ? arg.slice(2, eq > 0 ? eq : undefined) : '';
    const flag = FLAGS[name];
    if (!flag) return { args, unknown: eq > 0 ? arg.slice(0, eq) : arg };
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const fail = (p: Problem) => {
      problem ??= p;
    };
    if (!flag.value) {
      if (inline !== undefined) fail({ problem: `--${name} takes no value, but "${arg}" was given.`, accepted: `--${name} on its own.` });
      if (name === 'json') args.json = true;
      if (name === 'manager') args.manager = true;
      if (name === 'help') args.help = true;
      continue;
    }
    const next = argv[i + 1];
    const value = inline ?? (next !== undefined && !isFlag(next) ? (i++, next) : undefined);
    if (value === undefined || !flag.value.valid.test(value)) {
      fail({ problem: value === undefined ? `--${name} needs ${flag.value.needs}.` : `--${name} needs ${flag.value.needs}; "${value}" is not one.`, accepted: flag.value.accepted });
      continue;
    }
    if (seen.has(name) && !flag.repeatable) fail({ problem: `--${name} is given twice: give it once.`, accepted: flag.value.accepted });
    seen.add(name);
    if (name === 'out') args.out = value;
    if (name === 'pick') args.picks.push(value);
    if (name === 'guild') args.guild = value;
    if (name === 'on-message') args.onMessage = value;
  }
  return { args, problem };
}

/** An input error the CLI itself finds (a bad flag, a disabled button): shown like the bot's own. */
function inputError(problem: string, accepted: string): Shown {
  return {
    body: { embeds: [{ title: 'That input did not work', description: `${problem}\n\n**Accepted:** ${accepted}`, color: 0xed4245 }], allowed_mentions: { parse: [] }, attachments: [], flags: 64 },
    files: [],
  };
}

async function main(): Promise<number> {
  const { args, problem, unknown } = readArgs(process.argv.slice(2));
  if (unknown !== undefined) {
    console.error(`Unknown flag ${unknown}. Known flags: ${KNOWN_FLAGS}.`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  if (problem) return print(args, inputError(problem.problem, problem.accepted), 2);
  if (args.words.length === 0 && args.onMessage === undefined) {
    console.error(`Give a command, e.g. /tier 30k.\n\n${USAGE}`);
    return 2;
  }
  if (args.words.length > 0 && args.onMessage !== undefined) {
    const both = `Give either a command or --on-message, not both: "${args.words.join(' ')}" and --on-message were given.`;
    return print(args, inputError(both, 'a command (/tier 30k) or --on-message "<text>" on its own.'), 2);
  }
  loadDotenv({ quiet: true });
  const config = parseConfig(process.env);
  if (!config.ok) {
    console.error(config.reason);
    return 1;
  }
  const logger = createLogger({ level: 'warn', secrets: [databaseUrlSecret(config.config.databaseUrl)] });
  let store: TeamStore;
  try {
    store = await openStore(config.config.databaseUrl, { logger });
  } catch (err) {
    // An operator's mistake (a path that cannot be created): one line, and never a Postgres URL itself.
    const secret = databaseUrlSecret(config.config.databaseUrl);
    const message = (err instanceof Error ? err.message : String(err)).replace(/^DATABASE_URL: /, '');
    const why = secret ? message.split(secret).join('DATABASE_URL') : message;
    console.error(`Could not open the settings database (DATABASE_URL): ${why}`);
    return 1;
  }
  // A chart is only worth drawing where it goes somewhere: a folder, or the exact payload.
  const localFiles = new Map<string, Uint8Array>();
  const download = async (a: Attachment) => localFiles.get(a.url) ?? (await readFile(a.url));
  const core = tierbotCore({ store, logger, charts: Boolean(args.out) || args.json, chartBudgetMs: CLI_CHART_BUDGET_MS, download });
  const place: Place = { guildId: args.guild, manager: args.manager };

  try {
    let interaction: APIInteraction;
    if (args.onMessage !== undefined) {
      if (!MESSAGE_COMMAND) throw new Error('no message command');
      interaction = onMessage(place, MESSAGE_COMMAND.definition.name, args.onMessage);
    } else {
      const parsed = parseCommandLine(args.words, SLASH);
      if (!parsed.ok) return print(args, inputError(parsed.reason, 'see --help for the commands and their options.'), 2);
      const attachments: Record<string, APIAttachment> = {};
      for (const file of parsed.files) {
        const local = await localFile(file.path);
        if (!local.ok) return print(args, inputError(local.problem, 'a path to a local file.'), 2);
        attachments[file.id] = localAttachment(file.id, local.path, local.size);
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
    return print(args, shown, outcome === 'input-error' ? 2 : outcome === 'failed' || outcome === 'unavailable' ? 1 : 0);
  } finally {
    await stopCharts();
    await store.close();
  }
}

async function print(args: Args, shown: Shown, code: number): Promise<number> {
  let saved: string[] = [];
  let notSaved: string | undefined;
  if (args.out) {
    try {
      saved = await saveFiles(shown.files, userPath(args.out));
    } catch (err) {
      // saveFiles says where and why in one line; anything else is a bug, for main's handler.
      if (!(err instanceof SaveFilesError)) throw err;
      notSaved = err.message;
    }
  }
  if (args.json) console.log(JSON.stringify({ ...shown.body, files: shown.files.map((f) => f.name) }));
  else console.log(renderMessage(shown.body, saved));
  if (notSaved === undefined) return code;
  // The answer stands; the folder the user gave did not work, which is theirs to fix.
  console.error(notSaved);
  return code === 0 ? 2 : code;
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
