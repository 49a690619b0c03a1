import { ExponentialBackoff, decorrelatedJitterGenerator } from 'cockatiel';
import type { IBackoff, IBackoffFactory, IRetryBackoffContext } from 'cockatiel';

/**
 * Exponential backoff with decorrelated jitter (cockatiel's generator), except when the failed
 * attempt carried a Retry-After: then wait exactly that long. The retry predicate has already
 * refused delays above the cap, so none reaches here.
 */
export class RetryAfterBackoff implements IBackoffFactory<IRetryBackoffContext<unknown>> {
  private readonly jitter: ExponentialBackoff<IRetryBackoffContext<unknown>>;

  constructor(
    options: { initialDelayMs: number; exponent: number; maxDelayMs: number },
    private readonly retryAfterMs: (error: unknown) => number | undefined,
  ) {
    this.jitter = new ExponentialBackoff({
      generator: decorrelatedJitterGenerator,
      initialDelay: options.initialDelayMs,
      exponent: options.exponent,
      maxDelay: options.maxDelayMs,
    });
  }

  next(context: IRetryBackoffContext<unknown>): IBackoff<IRetryBackoffContext<unknown>> {
    return this.honour(this.jitter.next(), context);
  }

  private honour(
    inner: IBackoff<IRetryBackoffContext<unknown>>,
    context: IRetryBackoffContext<unknown>,
  ): IBackoff<IRetryBackoffContext<unknown>> {
    const asked = 'error' in context.result ? this.retryAfterMs(context.result.error) : undefined;
    return {
      duration: asked ?? inner.duration,
      next: (nextContext) => this.honour(inner.next(nextContext), nextContext),
    };
  }
}
