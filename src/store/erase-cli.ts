/**
 * `npm run db:erase -- --guild <id>`: erases everything Tierbot keeps for one server in the settings
 * database named by DATABASE_URL (default ./data/tierbot.sqlite), in one transaction, and says what
 * it erased. For a server that has removed Tierbot: one that has it runs /erase-team-data instead.
 * Exit status 0 when done (also when the server had nothing), 1 when the database cannot be
 * reached or the erase fails (the reason on standard error, never the URL), 2 for arguments it does
 * not take (nothing is touched).
 */

import { parseArgs } from 'node:util';
import { loadConfigOrExit, databaseUrlSecret } from '../config/config';
import { andList, countOf } from '../domain/format';
import { describeDatabase, openStore } from './index';
import type { ServerData } from './types';

const USAGE = `Usage: npm run db:erase -- --guild <server id>

Erases everything Tierbot keeps for one Discord server in the settings database that DATABASE_URL
names (default ./data/tierbot.sqlite), in one transaction: the server's house definition, team
terms and saved plans, and Tierbot's record of the server. It cannot be undone. For a server that
has removed Tierbot; in one that has it, a member with Manage Server can run /erase-team-data.
  --guild ID   the server's id, digits only (in Discord: right-click the server, Copy Server ID)
  --help       this text`;

/** A Discord id (a snowflake): digits, at most 20 (the largest 64-bit number has 20). */
const SERVER_ID = /^\d{1,20}$/;

/** The server to erase, `help`, or why the arguments will not do. */
function readArguments(argv: string[]): { guild: string } | { help: true } | { problem: string } {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { guild: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false }));
  } catch (err) {
    return { problem: err instanceof Error ? err.message : String(err) };
  }
  if (values.help) return { help: true };
  if (values.guild === undefined) return { problem: 'Give the server to erase with --guild ID.' };
  if (!SERVER_ID.test(values.guild)) return { problem: `--guild needs a server id, digits only; "${values.guild}" is not one.` };
  return { guild: values.guild };
}

/** "its house definition, 12 team terms, 3 saved plans and Tierbot's record of the server (…)". */
function erasedList(erased: ServerData): string {
  return andList([
    ...(erased.house ? ['its house definition'] : []),
    ...(erased.terms > 0 ? [countOf(erased.terms, 'team term')] : []),
    ...(erased.plans > 0 ? [countOf(erased.plans, 'saved plan')] : []),
    ...(erased.recorded ? ["Tierbot's record of the server (its id and when it first saved a setting)"] : []),
  ]);
}

async function main(): Promise<number> {
  const args = readArguments(process.argv.slice(2));
  if ('problem' in args) {
    console.error(`${args.problem}\n\n${USAGE}`);
    return 2;
  }
  if ('help' in args) {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfigOrExit();
  const database = describeDatabase(config.databaseUrl);
  // Any message that could quote the URL names the variable instead, as the bot's CLI does.
  const secret = databaseUrlSecret(config.databaseUrl);
  const hidden = (text: string) => (secret ? text.split(secret).join('DATABASE_URL') : text);
  try {
    const store = await openStore(config.databaseUrl, { ttlMs: 0 });
    try {
      const erased = await store.eraseServerData(args.guild);
      const what = erasedList(erased);
      console.log(what ? `${database}: erased server ${args.guild}: ${what}.` : `${database}: server ${args.guild} has nothing stored; nothing was erased.`);
      return 0;
    } finally {
      await store.close();
    }
  } catch (err) {
    // The store's own errors say only that the database failed; what it met is their cause.
    const reason = err instanceof Error && err.cause instanceof Error ? err.cause : err;
    const message = reason instanceof Error ? reason.message : String(reason);
    const code = (reason as { code?: unknown } | null)?.code;
    console.error(hidden(`${database}: nothing was erased: ${message}${typeof code === 'string' ? ` (${code})` : ''}`));
    return 1;
  }
}

process.exitCode = await main();
