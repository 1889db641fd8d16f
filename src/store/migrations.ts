/**
 * Versioned migrations, defined in code (no files to find at run time, so they work the same under
 * tsx, a bundle or a test). Kysely records each applied name in `kysely_migration`; names sort in
 * the order they run. Never edit a released migration: add the next one.
 */

import type { Kysely, Migration, MigrationProvider } from 'kysely';
import { MAX_TIER_NAME, parseHouseDefinition, renameHouseTiers } from '../domain/house';
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
  '0004_house_tier_names_fold_spaces': {
    // A house definition may not name two tiers alike, and "Seed  A" and "seed a" now are alike (0003).
    async up(db: Kysely<unknown>) {
      await keepHouseTiersApart(db, SPACES_FOLDED);
    },
    // Names kept apart are still apart under the finer rule: nothing to undo.
    async down() {},
  },
};

/**
 * Rewrites each stored house definition that no longer reads because two of its tier names now
 * read as one (by `keyOf`): the first written keeps its name and each later one gets " (2)",
 * " (3)"… added, as rekey() keeps names apart. A definition is rewritten only when the result
 * reads as tiers (the parser of the day, since that is what /tier and /house show use); every
 * other one is left exactly as stored.
 */
async function keepHouseTiersApart(db: Kysely<unknown>, keyOf: (name: string) => string): Promise<void> {
  // The schema of this point in the migrations, not the current one: typed loosely on purpose.
  const houses = db as unknown as Kysely<{ house: { guild_id: string; text: string } }>;
  for (const { guild_id, text } of await houses.selectFrom('house').select(['guild_id', 'text']).execute()) {
    if (parseHouseDefinition(text).ok) continue;
    const apart = tierNamesApart(text, keyOf);
    if (apart === undefined || apart === text || !parseHouseDefinition(apart).ok) continue;
    await houses.updateTable('house').set({ text: apart }).where('guild_id', '=', guild_id).execute();
  }
}

/** The definition with each tier named like an earlier one renamed "<name> (2)", "(3)"…: a name no other tier of it reads as. */
function tierNamesApart(text: string, keyOf: (name: string) => string): string | undefined {
  return renameHouseTiers(text, (names) => {
    const taken = new Set(names.map(keyOf));
    const seen = new Set<string>();
    return names.map((name) => {
      if (!seen.has(keyOf(name))) {
        seen.add(keyOf(name));
        return name;
      }
      const apart = numberedApart(name, MAX_TIER_NAME, (candidate) => !taken.has(keyOf(candidate)));
      taken.add(keyOf(apart));
      return apart;
    });
  });
}

/** `name` with " (2)", " (3)"… added, cut to stay within `maxLength` characters: the first that is `free`. */
function numberedApart(name: string, maxLength: number, free: (candidate: string) => boolean): string {
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = [...name].slice(0, maxLength - suffix.length).join('') + suffix;
    if (free(candidate)) return candidate;
  }
}

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
    const idOf = (name: string) => JSON.stringify([row.guild_id, keyOf(name)]);
    const name = numberedApart(row.name, MAX_NAME_LENGTH, (candidate) => !taken.has(idOf(candidate)));
    taken.add(idOf(name));
    return { ...row, name, name_key: keyOf(name) };
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
