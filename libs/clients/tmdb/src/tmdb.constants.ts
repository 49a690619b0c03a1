/** The downstream's name: its policy, its metrics label and its `TMDB_SERVICE_*` variables. */
export const TMDB = 'tmdb';

/** Injects the API read token, read from `TMDB_API_KEY` when the module starts. */
export const TMDB_API_KEY = 'KEEL:TMDB_API_KEY';

/**
 * Sent when `TMDB_API_KEY` is unset: the sandbox emulator takes any key, and the real TMDB answers
 * 401 to this one, which shows as a 502 naming TMDB rather than a silent success.
 */
export const DEFAULT_TMDB_API_KEY = 'keel-sandbox-tmdb-token';
