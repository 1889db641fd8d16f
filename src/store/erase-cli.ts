/**
 * `npm run db:erase -- --guild <id>`: erases everything Tierbot keeps for one server in the settings
 * database named by DATABASE_URL (default ./data/tierbot.sqlite), in one transaction, and says what
 * it erased. For a server that has removed Tierbot: one that has it runs /erase-team-data instead.
 * It never creates a database, a table or a migration: a DATABASE_URL that names no Tierbot
 * database (a mistyped path, an empty Postgres database) is refused. On SQLite, the file is then
 * rewritten without free space and its log emptied, and a line says so (also when the server had
 * nothing left: a run again clears the copies an earlier one could not); when another process was
 * using it, a note says older copies remain and how they go instead.
 * Exit status 0 when done (also when the server had nothing), 1 when the database cannot be
 * reached, is not a Tierbot database, or the erase fails (the reason on standard error, never the
 * URL), 2 for arguments it does not take (nothing is touched).
 */

import { parseArgs } from 'node:util';
import { loadConfigOrExit, databaseUrlSecret } from '../config/config';
import { andList } from '../domain/format';
import { describeDatabase, openStore } from './index';
import { SERVER_RECORD_FOR_OPERATOR, settingsNamed } from './server-data-words';
import { NotATierbotDatabaseError, type ServerData } from './types';

const USAGE = `Usage: npm run db:erase -- --guild <server id>

Erases everything Tierbot keeps for one Discord server in the settings database that DATABASE_URL
names (default ./data/tierbot.sqlite), in one transaction: the server's house definition, team
terms and saved plans, and Tierbot's record of the server. It cannot be undone. For a server that
has removed Tierbot; in one that has it, a member with Manage Server can run /erase-team-data.
It never creates or migrates a database: DATABASE_URL must name the one the bot uses.
  --guild ID   the server's id: digits, at most 20 (in Discord: right-click the server, Copy
               Server ID); one server per run
  --help       this text`;

/** A Discord id (a snowflake) is digits, at most 20 of them (the largest 64-bit number has 20). */
const MOST_DIGITS = 20;

/** The server to erase, `help`, or why the arguments will not do. */
function readArguments(argv: string[]): { guild: string } | { help: true } | { problem: string } {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { guild: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false }));
  } catch (err) {
    return { problem: err instanceof Error ? err.message : String(err) };
  }
  if (values.help) return { help: true };
  const [guild, ...more] = values.guild ?? [];
  if (guild === undefined) return { problem: 'Give the server to erase with --guild ID.' };
  if (more.length > 0) return { problem: `--guild is given ${more.length + 1} times: this erases one server per run. Run it once for each server.` };
  if (!/^\d+$/.test(guild)) return { problem: `--guild needs a server id, digits only; "${guild}" is not one.` };
  if (guild.length > MOST_DIGITS) return { problem: `--guild needs a server id, at most ${MOST_DIGITS} digits; "${guild}" has ${guild.length}.` };
  return { guild };
}

/** "the house definition, 12 team terms, 3 saved plans and Tierbot’s record of the server (…)"; "" for nothing. */
function erasedList(erased: ServerData): string {
  return andList([...settingsNamed(erased), ...(erased.recorded ? [SERVER_RECORD_FOR_OPERATOR] : [])]);
}

/**
 * Said after a SQLite erase whose log could not be emptied (ErasedData.sqliteLogNotEmptied): what
 * remains where, and how it goes. The line before names the file.
 */
function sqliteLogNote(guild: string): string {
  return (
    `Note: another process (the bot, most likely) was using the database, so SQLite could not yet copy its log into the file and empty it: ` +
    `until it does, older copies of the erased data can remain on disk in that file and its -wal file. The erase stands. ` +
    `SQLite does this when the last process using the database closes it (the bot stopping); to do it now, stop the bot and run npm run db:erase -- --guild ${guild} again.`
  );
}

/**
 * Said after a SQLite run that emptied the log (ErasedData.sqliteLogNotEmptied false). A run with
 * nothing to erase rewrites the file and empties the log too: that is the run again that
 * sqliteLogNote asks for, and the operator learns from it that the older copies are gone.
 */
const LOG_EMPTIED = 'Older copies of the erased data were cleared from the file and its -wal file.';
const LOG_EMPTIED_ANYWAY = 'Any older copies of erased data were cleared from the file and its -wal file.';

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
    const store = await openStore(config.databaseUrl, { ttlMs: 0, mustExist: true });
    try {
      const erased = await store.eraseServerData(args.guild);
      const what = erasedList(erased);
      console.log(what ? `${database}: erased server ${args.guild}: ${what}.` : `${database}: server ${args.guild} has nothing stored; nothing was erased.`);
      if (erased.sqliteLogNotEmptied) console.log(sqliteLogNote(args.guild));
      else if (store.engine === 'sqlite') console.log(what ? LOG_EMPTIED : LOG_EMPTIED_ANYWAY);
      return 0;
    } finally {
      await store.close();
    }
  } catch (err) {
    if (err instanceof NotATierbotDatabaseError) {
      console.error(`${database}: ${err.message}; nothing was erased. Check DATABASE_URL: db:erase erases from the database the bot uses, and never creates or migrates one.`);
      return 1;
    }
    // The store's own errors say only that the database failed; what it met is their cause.
    const reason = err instanceof Error && err.cause instanceof Error ? err.cause : err;
    const message = reason instanceof Error ? reason.message : String(reason);
    const code = (reason as { code?: unknown } | null)?.code;
    console.error(hidden(`${database}: nothing was erased: ${message}${typeof code === 'string' ? ` (${code})` : ''}`));
    return 1;
  }
}

process.exitCode = await main();
