import { Client } from 'pg';
import { uniqueSchemaName, withSchemaParam } from './test-database';

export interface IsolatedDatabaseUrl {
  /** Restores DATABASE_URL and drops the schema with everything the service created in it. */
  release(): Promise<void>;
}

/**
 * For an e2e test that boots a whole service: when DATABASE_URL is set (CI), points it at a fresh
 * schema of its own, so parallel suites never see each other's rows. Without it the service runs on
 * PGlite and there is nothing to isolate. Call before the service starts; release after it stops.
 */
export function isolateDatabaseUrl(prefix = 'e2e'): IsolatedDatabaseUrl {
  const base = process.env.DATABASE_URL;
  if (!base) return { release: async () => undefined };
  const schema = uniqueSchemaName(prefix);
  process.env.DATABASE_URL = withSchemaParam(base, schema);
  return {
    release: async () => {
      process.env.DATABASE_URL = base;
      const client = new Client({ connectionString: withSchemaParam(base, undefined) });
      await client.connect();
      try {
        await client.query(`drop schema if exists "${schema}" cascade`);
      } finally {
        await client.end();
      }
    },
  };
}
