/**
 * `npm run db:migrate`: brings the settings database named by DATABASE_URL (default
 * ./data/tierbot.sqlite) up to date and says what it did. The bot also migrates at start; this is
 * for operators who want it done (or checked) before a deploy. Exit status 0 on success, 1 when the
 * database cannot be reached or a migration fails (the reason on standard error, never the URL), 2
 * for an argument it does not know (nothing is touched).
 */

import { parseArgs } from 'node:util';
import { loadConfigOrExit } from '../config/config';
import { runMigrations } from './index';

const USAGE = `Usage: npm run db:migrate

Brings the settings database that DATABASE_URL names (default ./data/tierbot.sqlite) up to date.
  --help    this text`;

async function main(): Promise<number> {
  try {
    const { values } = parseArgs({ args: process.argv.slice(2), options: { help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`);
    return 2;
  }
  const config = loadConfigOrExit();
  try {
    const report = await runMigrations(config.databaseUrl);
    if (report.applied.length === 0) {
      console.log(`${report.database}: up to date (${report.alreadyApplied.length} migration(s) already applied: ${report.alreadyApplied.join(', ') || 'none'}).`);
    } else {
      console.log(`${report.database}: applied ${report.applied.length} migration(s): ${report.applied.join(', ')}.`);
      if (report.alreadyApplied.length > 0) console.log(`Already applied before: ${report.alreadyApplied.join(', ')}.`);
    }
    return 0;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const code = (err as { code?: unknown })?.code;
    console.error(`Migration failed: ${message}${typeof code === 'string' ? ` (${code})` : ''}`);
    return 1;
  }
}

process.exitCode = await main();
