import type { DatabaseDriver } from './database.types';

export interface PersistenceModuleOptions {
  /** Names the default PGlite data dir (`./data/<service>`) and the pg `application_name`. */
  service: string;
  /** The app's drizzle schema module (`import * as schema from './db/schema'`). */
  schema: Record<string, unknown>;
  /** The drizzle-kit `out` folder, e.g. `join(__dirname, '../migrations')`. */
  migrationsFolder: string;
  /** Postgres URL; defaults to `process.env.DATABASE_URL`. `?schema=<name>` selects a schema of its own. */
  url?: string;
  /** PGlite data dir; defaults to `./data/<service>`. `':memory:'` or `'memory://'` keeps it in memory. */
  dataDir?: string;
  /** Forces a driver; by default postgres when a URL is known, else pglite. */
  driver?: DatabaseDriver;
}
