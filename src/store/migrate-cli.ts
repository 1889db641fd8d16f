/**
 * `npm run db:migrate`: brings the settings database named by DATABASE_URL (default
 * ./data/tierbot.sqlite) up to date and says what it did. The bot also migrates at start; this is
 * for operators who want it done (or checked) before a deploy. Exit status 0 on success, 1 when the
 * database cannot be reached or a migration fails (the reason on standard error, never the URL).
 */

import { loadConfigOrExit } from '../config/config';
import { runMigrations } from './index';

async function main(): Promise<number> {
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
