import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { applyMigrations, type MigrationReport } from './database.migrator';
import type { DatabaseConnection } from './database.types';
import { DEFAULT_MIGRATIONS_SCHEMA } from './persistence.constants';

export function isInMemoryDataDir(dataDir: string | undefined): boolean {
  return dataDir === undefined || dataDir === ':memory:' || dataDir.startsWith('memory://');
}

/**
 * PGlite starts Postgres with a server's defaults (shared_buffers 128MB, …), and a WebAssembly heap
 * grows to fit them and never shrinks: about 310 MB resident for an idle, small store. One service's
 * embedded database needs far less; with these an idle service's PGlite holds about 170 MB.
 * (`initialMemory` cannot go below the 128 MB the wasm module declares.)
 */
export const PGLITE_MEMORY_PARAMS = [
  '-c',
  'shared_buffers=16MB',
  '-c',
  'work_mem=2MB',
  '-c',
  'maintenance_work_mem=8MB',
  '-c',
  'temp_buffers=2MB',
  '-c',
  'wal_buffers=1MB',
];

export async function createPgliteClient(dataDir?: string): Promise<PGlite> {
  const inMemory = isInMemoryDataDir(dataDir);
  // PGlite creates only the last path segment; ./data/<service> usually lacks its parent too.
  if (!inMemory) mkdirSync(dataDir as string, { recursive: true });
  const open = async () => {
    const client = new PGlite(inMemory ? undefined : dataDir, {
      startParams: [...PGlite.defaultStartParams, ...PGLITE_MEMORY_PARAMS],
    });
    await client.waitReady;
    return client;
  };
  const fresh = !inMemory && !existsSync(join(dataDir as string, 'PG_VERSION'));
  const client = await open();
  if (!fresh) return client;
  // A new data dir ran initdb inside this instance, whose heap keeps that peak (about 700 MB) for
  // good. Reopened, the same files cost what a later start costs (about 250 MB): once, ~1 s.
  await client.close();
  return open();
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
