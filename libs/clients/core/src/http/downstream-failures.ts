import { isNativeError } from 'node:util/types';
import {
  AttemptTimeoutError,
  BulkheadFullError,
  CallAbortedError,
  CircuitOpenError,
  RateLimitedError,
  stackless,
} from '@keel/resilience';
import type { FailureClassifier, Outcome, ResiliencePipeline } from '@keel/resilience';
import { DownstreamCircuitOpenError } from '../errors/circuit-open.error';
import { DownstreamError } from '../errors/downstream.error';
import { DownstreamRateLimitedError } from '../errors/rate-limited.error';
import { DownstreamTimeoutError } from '../errors/timeout.error';
import { DownstreamUnavailableError } from '../errors/unavailable.error';
import { RetryableStatusError, isRetryableStatus } from './answers';

// What a failure (not an answer: see answers.ts) means: to the policies, and to our caller.

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

/** Turns what the pipeline and transport throw into the DownstreamError family, for one downstream. */
export class DownstreamErrorMapper {
  /** Thrown for every open-circuit rejection: built once, without a stack (see CircuitOpenError). */
  private readonly circuitOpen: DownstreamCircuitOpenError;

  constructor(
    private readonly downstream: string,
    pipeline: ResiliencePipeline,
    private readonly timeoutMs: number,
  ) {
    this.circuitOpen = stackless(
      () => new DownstreamCircuitOpenError(downstream, () => pipeline.circuitRetryAfterMs()),
    );
  }

  map(error: unknown): DownstreamError {
    if (error instanceof DownstreamError) return error;
    const { downstream } = this;
    if (error instanceof CircuitOpenError) return this.circuitOpen;
    if (error instanceof RateLimitedError) return new DownstreamRateLimitedError(downstream, error.retryAfterMs);
    if (error instanceof BulkheadFullError)
      return new DownstreamUnavailableError(downstream, `${downstream} has too many calls in flight`, undefined, 1000, {
        cause: error,
      });
    if (error instanceof AttemptTimeoutError)
      return new DownstreamTimeoutError(downstream, error.timeoutMs, { cause: error });
    if (error instanceof RetryableStatusError) {
      return new DownstreamUnavailableError(
        downstream,
        `${downstream} answered ${error.status}`,
        error.status,
        error.retryAfterMs,
        { cause: error },
      );
    }
    if (error instanceof CallAbortedError) {
      // Given up while waiting to retry a failure: that failure (a 503 with its Retry-After, say) is the news.
      if (error.lastFailure !== undefined) return this.map(error.lastFailure);
      // AbortSignal.timeout() and the request's deadline abort with an error named TimeoutError
      // (another realm under Jest); the request's says how long its budget was.
      const reason = error.cause as { name?: unknown; budgetMs?: unknown } | undefined;
      const deadline = reason?.name === 'TimeoutError';
      return deadline
        ? new DownstreamTimeoutError(
            downstream,
            typeof reason.budgetMs === 'number' ? reason.budgetMs : this.timeoutMs,
            { cause: error },
          )
        : new DownstreamUnavailableError(downstream, `call to ${downstream} was cancelled`, undefined, undefined, {
            cause: error,
          });
    }
    if (isNetworkError(error)) {
      const code = (error as { code?: string }).code;
      return new DownstreamUnavailableError(
        downstream,
        `${downstream} is unreachable (${code})`,
        undefined,
        undefined,
        { cause: error },
      );
    }
    return new DownstreamUnavailableError(
      downstream,
      `${downstream} call failed: ${error instanceof Error ? error.message : String(error)}`,
      undefined,
      undefined,
      { cause: error },
    );
  }
}
