import { LLM_DEFAULT_MODEL } from './llm.constants';
import type { LlmSettings } from './llm.types';

type Env = Record<string, string | undefined>;

const URL_VARIABLES = ['LLM_SERVICE_URL', 'LLM_SERVICE_URLS', 'LLM_SERVICE_HOST'];

/**
 * `LLM_MODEL` and `LLM_API_KEY`. The URL itself is clients-core's `LLM_SERVICE_*`, which falls back to
 * the sandbox (port 3107); `isConfigured` tells a caller whether one was set on purpose, so that it
 * can prefer its own fallback over a sandbox that is not there.
 */
export function resolveLlmSettings(env: Env = process.env): LlmSettings {
  const read = (key: string) => {
    const value = env[key]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  return {
    model: read('LLM_MODEL') ?? LLM_DEFAULT_MODEL,
    apiKey: read('LLM_API_KEY'),
    isConfigured: URL_VARIABLES.some((key) => read(key) !== undefined),
  };
}
