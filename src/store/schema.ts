/**
 * The tables, as Kysely sees them. Timestamps are ISO-8601 UTC text in both engines (sortable,
 * exact to the millisecond, the same bytes in SQLite and Postgres). Every table is keyed by the
 * guild id first: no query reads a row without naming its guild.
 */

import type { Generated } from 'kysely';

export interface GuildsTable {
  guild_id: string;
  /** The first time this server wrote anything. The row is also the per-server write lock. */
  created_at: string;
}

export interface HouseTable {
  guild_id: string;
  text: string;
  set_by_id: string;
  set_by_name: string;
  set_at: string;
}

export interface TermsTable {
  guild_id: string;
  /** nameKey(name): names are unique per server as they read, whatever their case, width or spacing. */
  name_key: string;
  name: string;
  definition: string;
  formula: string | null;
  example: string | null;
  link: string | null;
  created_by_id: string;
  created_by_name: string;
  created_at: string;
  updated_by_id: string;
  updated_by_name: string;
  updated_at: string;
}

export interface PlansTable {
  guild_id: string;
  /** nameKey(name), as for terms. */
  name_key: string;
  name: string;
  /** JSON object of option name → value as typed. */
  inputs: string;
  saved_by_id: string;
  saved_by_name: string;
  saved_at: string;
  created_at: string;
  /** How many times this name has been saved (1 on first save). */
  revision: Generated<number>;
}

export interface Database {
  guilds: GuildsTable;
  house: HouseTable;
  terms: TermsTable;
  plans: PlansTable;
}
