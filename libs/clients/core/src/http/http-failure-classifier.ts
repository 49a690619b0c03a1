import { AttemptTimeoutError } from '@keel/resilience';
import type { FailureClassifier, Outcome } from '@keel/resilience';
import { RetryableStatusError } from './status.error';

/**
 * How the policies treat HTTP failures (ARCHITECTURE.md, "Retry classification"): retry network
 * errors, timeouts, 502/503/504 and 429; never other 4xx. 4xx answers are returned, not thrown, so
 * they neither retry nor trip the breaker: the downstream is healthy, our request was refused.
 */
export const httpFailureClassifier: FailureClassifier = {
  isRetryable(error) {
    if (error instanceof RetryableStatusError) return error.status === 429 || error.status === 502 || error.status === 503 || error.status === 504;
    return error instanceof AttemptTimeoutError || isNetworkError(error);
  },
  isFailure(error) {
    if (error instanceof RetryableStatusError) return error.status !== 429;
    return error instanceof AttemptTimeoutError || isNetworkError(error);
  },
  retryAfterMs(error) {
    return error instanceof RetryableStatusError ? error.retryAfterMs : undefined;
  },
  outcome(error): Outcome {
    if (error instanceof RetryableStatusError) return error.status === 429 ? 'client_error' : 'server_error';
    if (error instanceof AttemptTimeoutError) return 'timeout';
    if (isNetworkError(error)) return 'network_error';
    return 'server_error';
  },
  valueOutcome(value): Outcome {
    const status = (value as { status?: number } | undefined)?.status ?? 200;
    return status >= 400 ? 'client_error' : 'success';
  },
};

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND']);

/** undici's socket/connect errors, and the Node errno codes beneath them. */
export function isNetworkError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: string }).code ?? '';
  return code.startsWith('UND_ERR_') || NETWORK_CODES.has(code) || NETWORK_CODES.has((error.cause as { code?: string } | undefined)?.code ?? '');
}
