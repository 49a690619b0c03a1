import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import type { DatabaseConnection, DatabaseDriver } from '../database.types';
import { createPgliteClient, migratePglite, pgliteConnection } from '../pglite.connection';
import { openPostgres } from '../postgres.connection';

export interface TestDatabaseOptions<TSchema extends Record<string, unknown>> {
  schema: TSchema;
  migrationsFolder: string;
  /** Defaults to `process.env.DATABASE_URL`; unset means in-memory PGlite. */
  url?: string;
  /** Forces a driver, e.g. `'pglite'` to cover the embedded path while DATABASE_URL is set. */
  driver?: DatabaseDriver;
}

/** A migrated database of its own; `close()` releases it and, on Postgres, drops its schema. */
export type TestDatabase<TSchema extends Record<string, unknown> = Record<string, unknown>> =
  DatabaseConnection<TSchema>;

// PGlite start-up costs seconds under Jest and clone() about a second, so each migrations folder is
// migrated once per module registry (i.e. per test file) and every test database is a clone of it.
const templates = new Map<string, Promise<{ client: PGlite; expected: number }>>();

function pgliteTemplate(migrationsFolder: string) {
  const key = resolve(migrationsFolder);
  let template = templates.get(key);
  if (!template) {
    template = (async () => {
      const client = await createPgliteClient();
      const { expected } = await migratePglite(client, key);
      return { client, expected };
    })();
    // A failed start-up must not poison every later call in the file.
    template.catch(() => templates.delete(key));
    templates.set(key, template);
  }
  return template;
}

/** Closes the cached PGlite templates; call from a global teardown or a file's `afterAll` if wanted. */
export async function closeTestDatabaseTemplates(): Promise<void> {
  const pending = [...templates.values()];
  templates.clear();
  await Promise.all(pending.map(async (template) => (await template).client.close()));
}

/** A name no parallel Jest worker or CI job will pick: `t_<pid>_<random>`. */
export function uniqueSchemaName(prefix = 't'): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** `url` with its `schema` parameter set, or removed when `schema` is undefined (CI's URL names one already). */
export function withSchemaParam(url: string, schema: string | undefined): string {
  const parsed = new URL(url);
  if (schema === undefined) parsed.searchParams.delete('schema');
  else parsed.searchParams.set('schema', schema);
  return parsed.toString();
}

export async function createTestDatabase<TSchema extends Record<string, unknown>>(
  options: TestDatabaseOptions<TSchema>,
): Promise<TestDatabase<TSchema>> {
  const url = options.url || process.env.DATABASE_URL;
  if (options.driver === 'postgres' && !url)
    throw new Error('createTestDatabase: driver "postgres" needs `url` or DATABASE_URL');
  if (options.driver === 'pglite' || !url) {
    const { client, expected } = await pgliteTemplate(options.migrationsFolder);
    return pgliteConnection((await client.clone()) as PGlite, options.schema, expected);
  }

  const schemaName = uniqueSchemaName();
  const { connection } = await openPostgres({
    url: withSchemaParam(url, schemaName),
    schema: options.schema,
    migrationsFolder: options.migrationsFolder,
    applicationName: 'keel-test',
  });
  let closing: Promise<void> | undefined;
  const drop = async () => {
    try {
      await connection.db.execute(sql`drop schema if exists ${sql.identifier(schemaName)} cascade`);
    } finally {
      await connection.close();
    }
  };
  return { ...connection, close: () => (closing ??= drop()) };
}
