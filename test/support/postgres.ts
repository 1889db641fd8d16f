/**
 * Postgres for the storage suites: the server named by TEST_POSTGRES_URL (CI exports
 * postgres://tierbot:tierbot@127.0.0.1:5432/tierbot_test). Each store a test opens gets a schema
 * of its own (`t_<pid>_<n>_<random>`), dropped afterwards, so runs never see each other's rows.
 *
 * Without TEST_POSTGRES_URL the Postgres suites are skipped, and `npm test` names them at the end
 * of its output (./not-run.ts); with CI=true a skipped suite is a failure instead.
 */

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, it } from 'vitest';
import { ENABLE_COMMAND, notRunHere } from './not-run';

export const POSTGRES_URL: string | undefined = process.env.TEST_POSTGRES_URL || undefined;
export const IN_CI = process.env.CI === 'true';

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

/**
 * A suite that needs Postgres: it runs against TEST_POSTGRES_URL. Without it the suite is skipped
 * and named at the end of `npm test`'s output; with CI=true it fails instead.
 */
export function describeOnPostgres(name: string, body: (url: string) => void): void {
  const url = POSTGRES_URL;
  if (url) {
    describe(name, () => body(url));
    return;
  }
  describe(name, () => {
    if (IN_CI) {
      it('runs in CI', () => {
        throw new Error(`CI=true but TEST_POSTGRES_URL is not set, so "${name}" cannot run. Run it with: ${ENABLE_COMMAND}`);
      });
    } else {
      it.skip(notRunHere('TEST_POSTGRES_URL is not set'), () => {});
    }
  });
}
