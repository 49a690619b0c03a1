import { z } from 'zod';
import { LLM_DEFAULT_MODEL } from './llm.constants';
import type { LlmSettings } from './llm.types';

type Env = Record<string, string | undefined>;

/** What `DownstreamConfigModule.forRoot({ llm: { settings } })` may set in code. */
export const llmSettingsSchema = z.strictObject({
  model: z.string().trim().min(1).optional(),
  apiKey: z.string().trim().min(1).optional(),
});

/** `LLM_MODEL` and `LLM_API_KEY`. The URL itself is clients-core's `LLM_SERVICE_*` (required). */
export function resolveLlmSettings(env: Env = process.env): LlmSettings {
  const read = (key: string) => {
    const value = env[key]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  return {
    model: read('LLM_MODEL') ?? LLM_DEFAULT_MODEL,
    apiKey: read('LLM_API_KEY'),
  };
}
