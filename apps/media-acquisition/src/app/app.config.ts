import { join } from 'node:path';

/** apps/media-acquisition/migrations, found from this file both in the sources and in dist/ (the build copies it). */
export const MEDIA_MIGRATIONS = process.env.MEDIA_MIGRATIONS_DIR ?? join(__dirname, '..', '..', 'migrations');

/** MEDIA_DATA_DIR: where PGlite keeps its files when DATABASE_URL is unset (`memory://` keeps none). */
export function mediaDataDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.MEDIA_DATA_DIR || undefined;
}

/** NODE_ENV=production, as Radarr's system status reports it. */
export function isProduction(env: NodeJS.ProcessEnv = process.env): boolean {
  return env['NODE_ENV'] === 'production';
}
