import {
  AttemptTimeoutError,
  BulkheadFullError,
  CallAbortedError,
  CircuitOpenError,
  RateLimitedError,
  stackless,
} from '@keel/resilience';
import type { ResiliencePipeline } from '@keel/resilience';
import { DownstreamCircuitOpenError } from '../errors/circuit-open.error';
import { DownstreamError } from '../errors/downstream.error';
import { DownstreamRateLimitedError } from '../errors/rate-limited.error';
import { DownstreamTimeoutError } from '../errors/timeout.error';
import { DownstreamUnavailableError } from '../errors/unavailable.error';
import { isNetworkError } from './http-failure-classifier';
import { RetryableStatusError } from './answers';

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
