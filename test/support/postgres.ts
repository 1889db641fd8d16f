/**
 * Postgres for the storage suites: the server named by TEST_POSTGRES_URL (CI exports
 * postgres://tierbot:tierbot@127.0.0.1:5432/tierbot_test). Each store a test opens gets a schema
 * of its own (`t_<pid>_<n>_<random>`), dropped afterwards, so runs never see each other's rows.
 *
 * Without TEST_POSTGRES_URL the Postgres suites are skipped, and said so loudly at the end of the
 * file's run; with CI=true a skipped suite is a failure instead.
 */

import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const POSTGRES_URL: string | undefined = process.env.TEST_POSTGRES_URL || undefined;
export const IN_CI = process.env.CI === 'true';

export const ENABLE_COMMAND =
  'TEST_POSTGRES_URL=postgres://tierbot:tierbot@127.0.0.1:5432/tierbot_test npm test ' +
  '(with that role and database on a running Postgres, e.g. Debian\'s postgresql package)';

let counter = 0;

/** A fresh schema name; `dropSchema` removes it and everything in it. */
export function newSchemaName(): string {
  counter += 1;
  return `t_${process.pid}_${counter}_${randomBytes(4).toString('hex')}`;
}

export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}

/** The line printed at the end of a file whose Postgres suite did not run. */
export function skippedWarning(suite: string): string {
  return `\n⚠️  SKIPPED: "${suite}" did not run: TEST_POSTGRES_URL is not set.\n   Run it with: ${ENABLE_COMMAND}\n`;
}
