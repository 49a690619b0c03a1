import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { mkdirSync } from 'node:fs';
import { applyMigrations, type MigrationReport } from './database.migrator';
import type { DatabaseConnection } from './database.types';
import { DEFAULT_MIGRATIONS_SCHEMA } from './persistence.constants';

export function isInMemoryDataDir(dataDir: string | undefined): boolean {
  return dataDir === undefined || dataDir === ':memory:' || dataDir.startsWith('memory://');
}

export async function createPgliteClient(dataDir?: string): Promise<PGlite> {
  const inMemory = isInMemoryDataDir(dataDir);
  // PGlite creates only the last path segment; ./data/<service> usually lacks its parent too.
  if (!inMemory) mkdirSync(dataDir as string, { recursive: true });
  const client = new PGlite(inMemory ? undefined : dataDir);
  await client.waitReady;
  return client;
}

/** Wraps a ready PGlite; `expected` is the migration count when the caller migrated it already (a clone). */
export function pgliteConnection<TSchema extends Record<string, unknown>>(
  client: PGlite,
  schema: TSchema,
  migrationsExpected: number,
): DatabaseConnection<TSchema> {
  let closing: Promise<void> | undefined;
  return {
    db: drizzle(client, { schema }),
    driver: 'pglite',
    schema: 'public',
    migrationsSchema: DEFAULT_MIGRATIONS_SCHEMA,
    migrationsExpected,
    close: () => (closing ??= client.close()),
  };
}

export async function migratePglite(client: PGlite, migrationsFolder: string): Promise<MigrationReport> {
  return applyMigrations(drizzle(client), {
    migrationsFolder,
    schema: 'public',
    migrationsSchema: DEFAULT_MIGRATIONS_SCHEMA,
  });
}

export async function openPglite<TSchema extends Record<string, unknown>>(options: {
  schema: TSchema;
  migrationsFolder: string;
  dataDir?: string;
}): Promise<{ connection: DatabaseConnection<TSchema>; migrations: MigrationReport }> {
  const client = await createPgliteClient(options.dataDir);
  try {
    const migrations = await migratePglite(client, options.migrationsFolder);
    return { connection: pgliteConnection(client, options.schema, migrations.expected), migrations };
  } catch (error) {
    await client.close();
    throw error;
  }
}
