import { sql } from 'drizzle-orm';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import type { PgDialect, PgSession } from 'drizzle-orm/pg-core';
import type { Database } from './database.types';
import { MIGRATIONS_TABLE } from './persistence.constants';
import { selectRows } from './select-rows.util';

export interface MigrationTarget {
  migrationsFolder: string;
  /** Where unqualified and drizzle-kit's `"public".`-qualified objects should be created. */
  schema: string;
  /** Where drizzle records applied migrations. */
  migrationsSchema: string;
}

export interface MigrationReport {
  /** Migrations in the folder. */
  expected: number;
  /** Migrations this call applied (0 when the database was already up to date). */
  ran: number;
}

/** drizzle-kit writes `"public"."users"` in foreign keys and `"public"."status"` for enums. */
export function retargetSchema(statement: string, schema: string): string {
  return schema === 'public' ? statement : statement.replaceAll('"public".', `"${schema}".`);
}

export function readMigrations(target: MigrationTarget): MigrationMeta[] {
  return readMigrationFiles({ migrationsFolder: target.migrationsFolder }).map((migration) => ({
    ...migration,
    sql: migration.sql.map((statement) => retargetSchema(statement, target.schema)),
  }));
}

export async function countAppliedMigrations(db: Database, migrationsSchema: string): Promise<number> {
  const table = sql`${sql.identifier(migrationsSchema)}.${sql.identifier(MIGRATIONS_TABLE)}`;
  const [presence] = await selectRows<{ present: boolean }>(
    db,
    sql`select to_regclass(${`"${migrationsSchema}"."${MIGRATIONS_TABLE}"`}) is not null as present`,
  );
  if (!presence.present) return 0;
  const [row] = await selectRows<{ n: number }>(db, sql`select count(*)::int as n from ${table}`);
  return row.n;
}

/**
 * Does what `drizzle-orm/{pglite,node-postgres}/migrator` do (both are these same two calls), with
 * the statements retargeted first; those migrators read the files themselves and offer no hook.
 * The hashes stay those of the files, so drizzle-kit still recognises the journal.
 */
export async function applyMigrations(db: Database, target: MigrationTarget): Promise<MigrationReport> {
  const migrations = readMigrations(target);
  const before = await countAppliedMigrations(db, target.migrationsSchema);
  const { dialect, session } = db as unknown as { dialect: PgDialect; session: PgSession };
  await dialect.migrate(migrations, session, {
    migrationsFolder: target.migrationsFolder,
    migrationsSchema: target.migrationsSchema,
    migrationsTable: MIGRATIONS_TABLE,
  });
  const after = await countAppliedMigrations(db, target.migrationsSchema);
  return { expected: migrations.length, ran: after - before };
}
