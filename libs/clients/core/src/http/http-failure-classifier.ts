import { isNativeError } from 'node:util/types';
import { AttemptTimeoutError } from '@keel/resilience';
import type { FailureClassifier, Outcome } from '@keel/resilience';
import { RetryableStatusError, isRetryableStatus } from './answers';

/**
 * How the policies treat HTTP failures (ARCHITECTURE.md, "Retry classification"): retry network
 * errors, timeouts, 502/503/504 and 429; never other 4xx. 4xx answers are returned, not thrown, so
 * they neither retry nor trip the breaker: the downstream is healthy, our request was refused.
 */
export const httpFailureClassifier: FailureClassifier = {
  isRetryable(error) {
    if (error instanceof RetryableStatusError) return isRetryableStatus(error.status);
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

/**
 * Failures of the network or of the peer, never of our own request: undici's socket, connect and
 * read-timeout errors, and the Node errno codes beneath them. undici's argument errors are bugs of
 * ours and must neither be retried nor trip a breaker.
 */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTFOUND',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
  'UND_ERR_DESTROYED',
]);

// isNativeError rather than `instanceof Error`: Node's own errors come from another realm under Jest.
const codeOf = (value: unknown): string | undefined =>
  isNativeError(value) ? (value as { code?: string }).code : undefined;

export function isNetworkError(error: unknown): boolean {
  return (
    isNativeError(error) && (NETWORK_CODES.has(codeOf(error) ?? '') || NETWORK_CODES.has(codeOf(error.cause) ?? ''))
  );
}
