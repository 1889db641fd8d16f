/**
 * A house definition stored while "Seed  A" and "seed a" were two names still reads after the
 * upgrade that makes them one: the later tier is kept as "seed a (2)", and every other stored
 * definition is left exactly as it was. On SQLite, and on Postgres when TEST_POSTGRES_URL is set.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { house } from '../src/commands/house';
import { tier } from '../src/commands/tier';
import type { Reply } from '../src/commands/types';
import { renameHouseTiers } from '../src/domain/house';
import { openStore } from '../src/store/index';
import type { TeamStore } from '../src/store/types';
import { testContext } from './support/context';
import { describeOnPostgres, dropSchema, newSchemaName } from './support/postgres';

const LOOK_ALIKES = '111';
const ORDINARY = '222';
const BROKEN = '333';

/** Definitions as stored before runs of spaces were folded in tier names, each with the server it belongs to. */
const STORED: Record<string, string> = {
  [LOOK_ALIKES]: 'Seed  A: 0-10k, seed a: 10k-50k,\nSEED A 50k+',
  // Runs of spaces, but no two names alike: kept byte for byte.
  [ORDINARY]: 'nano  tier 1k-10k;  micro 10k-75k , mega 75k+',
  // Refused for another reason too (a gap not written as one): renaming would not make it read, so it is kept.
  [BROKEN]: 'a 0-10k, A 20k+',
};

/** The rows as a store wrote them before the migration, and the migration forgotten, so the next open runs it. */
const beforeMigration = [
  ...Object.entries(STORED).map(
    ([guild, text]) => `insert into house (guild_id, text, set_by_id, set_by_name, set_at) values ('${guild}', '${text.replaceAll("'", "''")}', 'u1', 'Ada', '2026-01-01T00:00:00.000Z')`,
  ),
  `delete from kysely_migration where name = '0004_house_tier_names_fold_spaces'`,
];

const run = async (command: typeof house | typeof tier, args: Record<string, unknown>, guildId: string, store: TeamStore) =>
  (await command.run(args as never, testContext({ guildId, store }))) as Reply;
const description = (reply: Reply) => reply.embeds[0]?.description ?? '';

/** What /tier and /house show say of the migrated store, and the stored texts. */
async function expectMigrated(store: TeamStore): Promise<void> {
  expect((await store.house(LOOK_ALIKES))?.text).toBe('Seed  A: 0-10k, seed a (2): 10k-50k,\nSEED A (3) 50k+');
  expect((await store.house(LOOK_ALIKES))?.setByName).toBe('Ada');
  // Replies escape the team's text as markdown: "(2)" is shown as "\(2\)".
  expect(description(await run(tier, { followers: '5000' }, LOOK_ALIKES, store))).toContain('**Your house definition: Seed  A (0–10k)**');
  expect(description(await run(tier, { followers: '20000' }, LOOK_ALIKES, store))).toContain('**Your house definition: seed a \\(2\\) (10k–50k)**');
  const shown = description(await run(house, { subcommand: 'show' }, LOOK_ALIKES, store));
  expect(shown).not.toContain('no longer reads');
  expect(shown).toContain('seed a \\(2\\)');
  expect(shown).toContain('SEED A \\(3\\)');

  expect((await store.house(ORDINARY))?.text).toBe(STORED[ORDINARY]);
  expect((await store.house(BROKEN))?.text).toBe(STORED[BROKEN]);
}

const dir = mkdtempSync(join(tmpdir(), 'tierbot-house-names-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('upgrading a house definition whose tier names differ only in spacing (SQLite)', () => {
  it('renames the later look-alike tiers "(2)", "(3)", so /tier and /house show read it; other definitions are untouched', async () => {
    const path = join(dir, 'house.sqlite');
    await (await openStore(path, { ttlMs: 0 })).close();
    const raw = new Database(path);
    for (const statement of beforeMigration) raw.prepare(statement).run();
    raw.close();

    const store = await openStore(path, { ttlMs: 0 });
    await expectMigrated(store);
    await store.close();
  });
});

describeOnPostgres('upgrading a house definition whose tier names differ only in spacing (Postgres)', (url) => {
  it('renames the later look-alike tiers "(2)", "(3)", so /tier and /house show read it; other definitions are untouched', async () => {
    const schema = newSchemaName();
    try {
      await (await openStore(url, { schema, ttlMs: 0 })).close();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`set search_path to "${schema}"`);
        for (const statement of beforeMigration) await client.query(statement);
      } finally {
        await client.end();
      }
      const store = await openStore(url, { schema, ttlMs: 0 });
      await expectMigrated(store);
      await store.close();
    } finally {
      await dropSchema(url, schema);
    }
  });
});

describe('renameHouseTiers', () => {
  it('replaces only the names, wherever they sit in an entry, keeping every other character as typed', () => {
    const text = 'Ｎａｎｏ 1k-10k;  10k-75k  micro,\n(gap), big  one: 100k+';
    expect(renameHouseTiers(text, (names) => names.map((name) => `[${name}]`))).toBe('[Ｎａｎｏ] 1k-10k;  10k-75k  [micro],\n(gap), [big  one]: 100k+');
    expect(renameHouseTiers('10k-75k, 75k+', () => [])).toBe('10k-75k, 75k+');
    expect(renameHouseTiers('nano', (names) => names)).toBeUndefined();
  });
});
