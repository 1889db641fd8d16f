/**
 * Versioned migrations, defined in code (no files to find at run time, so they work the same under
 * tsx, a bundle or a test). Kysely records each applied name in `kysely_migration`; names sort in
 * the order they run. Never edit a released migration: add the next one.
 */

import type { Kysely, Migration, MigrationProvider } from 'kysely';
import { sql } from './kysely';

export const MIGRATIONS: Record<string, Migration> = {
  '0001_team_settings': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('guilds')
        .ifNotExists()
        .addColumn('guild_id', 'text', (c) => c.primaryKey())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('house')
        .ifNotExists()
        .addColumn('guild_id', 'text', (c) => c.primaryKey())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('set_by_id', 'text', (c) => c.notNull())
        .addColumn('set_by_name', 'text', (c) => c.notNull())
        .addColumn('set_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('terms')
        .ifNotExists()
        .addColumn('guild_id', 'text', (c) => c.notNull())
        .addColumn('name_key', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('definition', 'text', (c) => c.notNull())
        .addColumn('formula', 'text')
        .addColumn('example', 'text')
        .addColumn('link', 'text')
        .addColumn('created_by_id', 'text', (c) => c.notNull())
        .addColumn('created_by_name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_by_id', 'text', (c) => c.notNull())
        .addColumn('updated_by_name', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('terms_pk', ['guild_id', 'name_key'])
        .execute();

      await db.schema
        .createTable('plans')
        .ifNotExists()
        .addColumn('guild_id', 'text', (c) => c.notNull())
        .addColumn('name_key', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('inputs', 'text', (c) => c.notNull())
        .addColumn('saved_by_id', 'text', (c) => c.notNull())
        .addColumn('saved_by_name', 'text', (c) => c.notNull())
        .addColumn('saved_at', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
        .addPrimaryKeyConstraint('plans_pk', ['guild_id', 'name_key'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['plans', 'terms', 'house', 'guilds']) await sql`drop table if exists ${sql.table(table)}`.execute(db);
    },
  },
  '0002_name_keys_fold_full_width': {
    // Names that read the same are one name: full-width "ＣＰＭ" is "CPM" (nameKey in types.ts).
    async up(db: Kysely<unknown>) {
      await rekeyNames(db, READS_AS);
    },
    // The case-folded keys are finer than these, so going back never has two rows to choose between.
    async down(db: Kysely<unknown>) {
      await rekeyNames(db, CASE_FOLDED);
    },
  },
  '0003_name_keys_fold_spaces': {
    // Names that differ only in runs of spaces are one name: "C  PM" is "C PM" (nameKey in domain/names.ts).
    async up(db: Kysely<unknown>) {
      await rekeyNames(db, SPACES_FOLDED);
    },
    // The keys with their spaces kept are finer than these, so going back never has two rows to choose between.
    async down(db: Kysely<unknown>) {
      await rekeyNames(db, READS_AS);
    },
  },
};

/** Re-keys both tables of names, terms and saved plans, by `keyOf`. */
async function rekeyNames(db: Kysely<unknown>, keyOf: (name: string) => string): Promise<void> {
  await rekey(db, 'terms', 'updated_at', keyOf);
  await rekey(db, 'plans', 'saved_at', keyOf);
}

/** A terms or plans row, as far as re-keying needs to know it; its other columns are copied as they are. */
interface KeyedRow {
  guild_id: string;
  name_key: string;
  name: string;
  updated_at?: string;
  saved_at?: string;
}

/**
 * Gives every row of `table` the key `keyOf(name)`. Names that the new key makes one (a plan
 * "Ｑ１" beside "q1") cannot both keep their names, since the key is unique, and neither may be
 * lost: the one written last (`writtenAt`, then the name) keeps its name, and each other is kept
 * under its name with " (2)", " (3)"… added, as a team would tell them apart. A row whose key
 * changes is deleted and inserted again, so no update meets a key another row still holds.
 */
async function rekey(db: Kysely<unknown>, table: 'terms' | 'plans', writtenAt: 'updated_at' | 'saved_at', keyOf: (name: string) => string): Promise<void> {
  // The schema of this point in the migrations, not the current one: typed loosely on purpose.
  const rows = db as unknown as Kysely<Record<'terms' | 'plans', KeyedRow>>;
  const all = await rows.selectFrom(table).selectAll().execute();
  const byKey = new Map<string, KeyedRow[]>();
  const taken = new Set<string>();
  for (const row of all) {
    const id = JSON.stringify([row.guild_id, keyOf(row.name)]);
    byKey.set(id, [...(byKey.get(id) ?? []), row]);
    taken.add(id);
  }
  const order = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  const newestFirst = (a: KeyedRow, b: KeyedRow) => order(b[writtenAt] ?? '', a[writtenAt] ?? '') || order(a.name, b.name);
  /** The row under a name no other row of its server reads as. */
  const apart = (row: KeyedRow): KeyedRow => {
    for (let n = 2; ; n++) {
      const suffix = ` (${n})`;
      const name = [...row.name].slice(0, MAX_NAME_LENGTH - suffix.length).join('') + suffix;
      const id = JSON.stringify([row.guild_id, keyOf(name)]);
      if (taken.has(id)) continue;
      taken.add(id);
      return { ...row, name, name_key: keyOf(name) };
    }
  };
  const changed: { was: KeyedRow; now: KeyedRow }[] = [];
  for (const group of byKey.values()) {
    const [kept, ...others] = group.sort(newestFirst);
    const key = keyOf(kept!.name);
    if (kept!.name_key !== key) changed.push({ was: kept!, now: { ...kept!, name_key: key } });
    for (const other of others) changed.push({ was: other, now: apart(other) });
  }
  for (const { was } of changed) await rows.deleteFrom(table).where('guild_id', '=', was.guild_id).where('name_key', '=', was.name_key).execute();
  for (const { now } of changed) await rows.insertInto(table).values(now).execute();
}

/** Term and plan names are at most this many characters; a name kept apart keeps within it. */
const MAX_NAME_LENGTH = 100;

/**
 * The keys each migration writes. Written out here, not imported from the store: a released
 * migration must do the same thing whatever the store's rule becomes later.
 */
const CASE_FOLDED = (name: string) => name.normalize('NFC').toLowerCase();
const READS_AS = (name: string) => name.normalize('NFKC').toLowerCase();
const SPACES_FOLDED = (name: string) => name.trim().normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ');

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
