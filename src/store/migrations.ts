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
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
