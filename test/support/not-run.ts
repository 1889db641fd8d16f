/**
 * Suites that need a service this machine may not have (Postgres, nginx). Without it such a suite
 * registers one skipped test named by `notRunHere`, and `npm test` names every one of them at the
 * very end of its output, with the one command that runs them (not-run-reporter.ts), rather than
 * in the middle of the run where it scrolls away. With CI=true a suite that cannot run fails instead.
 */

export const NOT_RUN_HERE = 'not run here:';

/** The one command that runs every such suite, once the services are there. */
export const ENABLE_COMMAND = 'TEST_POSTGRES_URL=postgres://tierbot:tierbot@127.0.0.1:5432/tierbot_test npm test';
export const ENABLE_NEEDS =
  'a running Postgres with that role and database, and nginx installed (Debian: apt-get install -y postgresql nginx); .ci/run sets up both';

/** The name of the placeholder a skipped suite registers: what is missing here. */
export function notRunHere(missing: string): string {
  return `${NOT_RUN_HERE} ${missing}`;
}
