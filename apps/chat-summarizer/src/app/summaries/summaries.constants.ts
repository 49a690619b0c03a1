/** This service's own metric names. */
export const SUMMARIZER_METRIC_NAMES = {
  fallbacks: 'summarizer_fallbacks_total',
} as const;

/** `reason` label values of `summarizer_fallbacks_total` (low cardinality by construction). */
export const FALLBACK_REASONS = [
  'timeout',
  'circuit_open',
  'unavailable',
  'rate_limited',
  'rejected',
  'invalid_response',
  'error',
] as const;
export type FallbackReason = (typeof FALLBACK_REASONS)[number];

export const SUMMARY_SETTINGS = 'KEEL:SUMMARY_SETTINGS';

/** chat-svc's own bounds on `limit`. */
export const SUMMARY_MIN_LIMIT = 1;
export const SUMMARY_MAX_LIMIT = 200;
export const SUMMARY_DEFAULT_LIMIT = 50;

/** Whole-LLM-call deadline (`SUMMARY_LLM_DEADLINE`): the request answers (extractively) within it. */
export const SUMMARY_LLM_DEADLINE_DEFAULT_MS = 8_000;
/** Summaries kept in memory (`SUMMARY_CACHE_SIZE`); the least recently used goes first. */
export const SUMMARY_CACHE_SIZE_DEFAULT = 500;
export const SUMMARY_MAX_TOKENS = 512;

/** The extractive summary's length, and the key points either method returns at most. */
export const EXTRACTIVE_SUMMARY_SENTENCES = 3;
export const MAX_KEY_POINTS = 5;
