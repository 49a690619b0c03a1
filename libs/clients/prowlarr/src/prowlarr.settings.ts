import { DEFAULT_PROWLARR_API_KEY } from './prowlarr.constants';

/** PROWLARR_API_KEY, or the sandbox emulator's key when it is unset or blank. */
export function prowlarrApiKey(env: NodeJS.ProcessEnv = process.env): string {
  return env.PROWLARR_API_KEY?.trim() || DEFAULT_PROWLARR_API_KEY;
}
