import { DEFAULT_TMDB_API_KEY } from './tmdb.constants';

/** TMDB_API_KEY, or the sandbox emulator's key when it is unset or blank. */
export function tmdbApiKey(env: NodeJS.ProcessEnv = process.env): string {
  return env.TMDB_API_KEY?.trim() || DEFAULT_TMDB_API_KEY;
}
