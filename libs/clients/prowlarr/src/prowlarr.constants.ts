/** The downstream's name: its policy, its metrics label and its `PROWLARR_SERVICE_*` variables. */
export const PROWLARR = 'prowlarr';

/** Injects the API key, read from `PROWLARR_API_KEY` when the module starts. */
export const PROWLARR_API_KEY = 'KEEL:PROWLARR_API_KEY';

/** The sandbox emulator's key (a client library cannot import the sandbox, hence the copy). */
export const DEFAULT_PROWLARR_API_KEY = 'keel-sandbox-prowlarr-api-key';
