// The repositories' integration specs: a migrated database of the project service's own schema.
import { join } from 'node:path';
import { closeTestDatabaseTemplates, createTestDatabase } from '@keel/persistence/testing';
import type { TestDatabase } from '@keel/persistence/testing';
import * as schema from './schema';
import { projects } from './schema';

export type ProjectDatabase = TestDatabase<typeof schema>;

const MIGRATIONS = join(__dirname, '..', '..', '..', 'migrations');

/** PGlite always; Postgres too when DATABASE_URL names one (CI): the queries must behave alike on both. */
export function databaseDrivers(suite: string): ('pglite' | 'postgres')[] {
  if (process.env['DATABASE_URL']) return ['pglite', 'postgres'];
  console.info(`[${suite}] Postgres leg skipped: DATABASE_URL is unset`);
  return ['pglite'];
}

export { closeTestDatabaseTemplates };

export function projectDatabase(driver: 'pglite' | 'postgres'): Promise<ProjectDatabase> {
  return createTestDatabase({ schema, migrationsFolder: MIGRATIONS, driver });
}

/** Empties every table between tests: members, comments and links go with their project (ON DELETE CASCADE). */
export async function emptyProjectTables(database: ProjectDatabase): Promise<void> {
  await database.db.delete(projects);
}
