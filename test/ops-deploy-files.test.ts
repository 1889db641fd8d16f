/**
 * What CI and the deployment files promise, checked without running them: .ci/run runs the suite
 * as CI (so the load-balancer and Postgres tests fail, not skip, when nginx or Postgres is
 * missing), and compose's way of passing the database password works with any password.
 */

import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/config';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

describe('.ci/run', () => {
  it('exports CI=true before it runs the tests', () => {
    const lines = read('.ci/run').split('\n').map((line) => line.trim());
    const ci = lines.findIndex((line) => /^export CI=(true|"true"|'true')$/.test(line));
    const tests = lines.findIndex((line) => /^npm test\b/.test(line));
    expect(tests).toBeGreaterThan(-1);
    expect(ci).toBeGreaterThan(-1);
    expect(ci).toBeLessThan(tests);
  });
});

describe("compose's database password", () => {
  const previous = process.env.PGPASSWORD;
  afterEach(() => {
    if (previous === undefined) delete process.env.PGPASSWORD;
    else process.env.PGPASSWORD = previous;
  });

  it('a DATABASE_URL without a password is accepted, and node-postgres then takes PGPASSWORD as it is', () => {
    const url = 'postgres://tierbot@postgres:5432/tierbot';
    expect(parseConfig({ DATABASE_URL: url })).toMatchObject({ ok: true, config: { databaseUrl: url } });
    const password = 'a/b#c?d@e%f:g';
    process.env.PGPASSWORD = password;
    const client = new pg.Client({ connectionString: url });
    expect((client as unknown as { password: string }).password).toBe(password);
  });
});
