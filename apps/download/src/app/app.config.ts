import { join } from 'node:path';

/** apps/download/migrations, found from this file both in the sources and in dist/ (the build copies it). */
export const DOWNLOAD_MIGRATIONS = process.env.DOWNLOAD_MIGRATIONS_DIR ?? join(__dirname, '..', '..', 'migrations');

/** DOWNLOAD_DATA_DIR: where PGlite keeps its files when DATABASE_URL is unset (`memory://` keeps none). */
export function downloadDataDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.DOWNLOAD_DATA_DIR || undefined;
}
