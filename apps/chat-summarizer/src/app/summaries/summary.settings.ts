import { parseDuration } from '@keel/platform';
import { SUMMARY_CACHE_SIZE_DEFAULT, SUMMARY_LLM_DEADLINE_DEFAULT_MS } from './summaries.constants';

export interface SummarySettings {
  /** The LLM call's overall deadline; past it the summary is extractive. */
  llmDeadlineMs: number;
  cacheSize: number;
}

/** `SUMMARY_LLM_DEADLINE` (a duration) and `SUMMARY_CACHE_SIZE`; a bad value stops the start naming it. */
export function resolveSummarySettings(env: NodeJS.ProcessEnv = process.env): SummarySettings {
  const llmDeadlineMs = parseDuration(
    'SUMMARY_LLM_DEADLINE',
    env['SUMMARY_LLM_DEADLINE'],
    SUMMARY_LLM_DEADLINE_DEFAULT_MS,
  );
  const rawSize = env['SUMMARY_CACHE_SIZE']?.trim();
  const cacheSize = rawSize ? Number(rawSize) : SUMMARY_CACHE_SIZE_DEFAULT;
  if (!Number.isInteger(cacheSize) || cacheSize < 1)
    throw new Error(`SUMMARY_CACHE_SIZE must be a positive integer; got "${rawSize}"`);
  if (llmDeadlineMs <= 0) throw new Error('SUMMARY_LLM_DEADLINE must be positive');
  return { llmDeadlineMs, cacheSize };
}
