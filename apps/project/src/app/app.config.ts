import { join } from 'node:path';

/** apps/project/migrations, found from this file both in the sources and in dist/ (the build copies it). */
export const PROJECT_MIGRATIONS = process.env.PROJECT_MIGRATIONS_DIR ?? join(__dirname, '..', '..', 'migrations');

/** PROJECT_DATA_DIR: where PGlite keeps its files when DATABASE_URL is unset (`memory://` keeps none). */
export function projectDataDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.PROJECT_DATA_DIR || undefined;
}
