import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/**
 * The drizzle handle repositories receive. Both drivers share the pg-core query builders, so code
 * typed against this runs unchanged on PGlite and node-postgres. Pass the app's schema module as
 * `TSchema` to get typed `db.query.<table>` relational queries.
 */
export type Database<TSchema extends Record<string, unknown> = Record<string, unknown>> = PgDatabase<
  PgQueryResultHKT,
  TSchema
>;

export type DatabaseDriver = 'pglite' | 'postgres';

/** An open, migrated database plus what readiness checks and shutdown need to know about it. */
export interface DatabaseConnection<TSchema extends Record<string, unknown> = Record<string, unknown>> {
  readonly db: Database<TSchema>;
  readonly driver: DatabaseDriver;
  /** The Postgres schema unqualified table names resolve to (`search_path`). */
  readonly schema: string;
  readonly migrationsSchema: string;
  /** Migrations found in the folder at start-up; health reports down while fewer are applied. */
  readonly migrationsExpected: number;
  /** Idempotent: the first call closes, later calls return the same promise. */
  close(): Promise<void>;
}
