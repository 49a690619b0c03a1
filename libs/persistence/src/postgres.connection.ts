import { Logger } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { Pool, type PoolClient } from 'pg';
import { parseDatabaseUrl } from './database-url.util';
import { applyMigrations, type MigrationReport } from './database.migrator';
import type { DatabaseConnection } from './database.types';
import { DEFAULT_MIGRATIONS_SCHEMA } from './persistence.constants';

const logger = new Logger('Persistence');

export interface OpenPostgresOptions<TSchema extends Record<string, unknown>> {
  url: string;
  schema: TSchema;
  migrationsFolder: string;
  applicationName?: string;
}

/**
 * Replicas starting together would each run the same migrations; an advisory lock held on one
 * connection serialises them, and the later ones find nothing left to apply.
 */
async function migrateLocked(
  client: PoolClient,
  target: { migrationsFolder: string; schema: string; migrationsSchema: string },
): Promise<MigrationReport> {
  await client.query('select pg_advisory_lock(hashtext($1))', [`keel:migrate:${target.migrationsSchema}`]);
  try {
    const db = drizzle(client);
    if (target.schema !== 'public') await db.execute(sql`create schema if not exists ${sql.identifier(target.schema)}`);
    return await applyMigrations(db, target);
  } finally {
    await client.query('select pg_advisory_unlock(hashtext($1))', [`keel:migrate:${target.migrationsSchema}`]);
  }
}

export async function openPostgres<TSchema extends Record<string, unknown>>(
  options: OpenPostgresOptions<TSchema>,
): Promise<{ connection: DatabaseConnection<TSchema>; migrations: MigrationReport }> {
  const { connectionString, schema = 'public', options: startupOptions } = parseDatabaseUrl(options.url);
  const migrationsSchema = schema === 'public' ? DEFAULT_MIGRATIONS_SCHEMA : schema;
  const pool = new Pool({ connectionString, options: startupOptions, application_name: options.applicationName });
  // An idle client's error (e.g. the server restarting) is emitted on the pool; unhandled, it kills the process.
  pool.on('error', (error) => logger.warn({ msg: 'idle database connection failed', error: error.message }));

  let migrations: MigrationReport;
  try {
    const client = await pool.connect();
    let failed: Error | undefined;
    try {
      migrations = await migrateLocked(client, {
        migrationsFolder: options.migrationsFolder,
        schema,
        migrationsSchema,
      });
    } catch (error) {
      failed = error as Error;
      throw error;
    } finally {
      // Destroying the connection after a failure guarantees the advisory lock is gone with it.
      client.release(failed);
    }
  } catch (error) {
    await pool.end();
    throw error;
  }

  let closing: Promise<void> | undefined;
  const connection: DatabaseConnection<TSchema> = {
    db: drizzle(pool, { schema: options.schema }),
    driver: 'postgres',
    schema,
    migrationsSchema,
    migrationsExpected: migrations.expected,
    close: () => (closing ??= pool.end()),
  };
  return { connection, migrations };
}
