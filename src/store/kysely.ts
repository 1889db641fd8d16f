/**
 * Kysely's CommonJS build, for the idle-memory target (docs/performance.md). Its ES-module build
 * is some 400 modules, and under tsx's loader they hold about 20 MB more than the same code loaded
 * as CommonJS; the HTTP endpoint loads Kysely at start. Same classes, same types.
 */

import { createRequire } from 'node:module';
import type * as KyselyModule from 'kysely';

const kysely = createRequire(import.meta.url)('kysely') as typeof KyselyModule;

export const { CompiledQuery, Kysely, Migrator, PostgresDialect, SqliteDialect, sql } = kysely;
export type Kysely<DB> = KyselyModule.Kysely<DB>;
