import type { IRetryBackoffContext } from 'cockatiel';
import { RetryAfterBackoff } from './retry-after-backoff';

class Throttled extends Error {
  constructor(readonly retryAfter?: number) {
    super('throttled');
  }
}

const failed = (error: Error, attempt = 1): IRetryBackoffContext<unknown> => ({
  attempt,
  signal: new AbortController().signal,
  result: { error },
});

describe(RetryAfterBackoff.name, () => {
  const retryAfterOf = (error: unknown) => (error instanceof Throttled ? error.retryAfter : undefined);

  afterEach(() => jest.restoreAllMocks());

  it('waits exactly the Retry-After the failed attempt carried', () => {
    const backoff = new RetryAfterBackoff({ initialDelayMs: 100, exponent: 2, maxDelayMs: 5_000 }, retryAfterOf);

    const first = backoff.next(failed(new Throttled(2_000)));
    const second = first.next(failed(new Throttled(750), 2));

    expect(first.duration).toBe(2_000);
    expect(second.duration).toBe(750);
  });

  it('falls back to jittered exponential backoff, capped at maxDelayMs', () => {
    jest.spyOn(Math, 'random').mockReturnValue(0.5);
    const backoff = new RetryAfterBackoff({ initialDelayMs: 100, exponent: 2, maxDelayMs: 5_000 }, retryAfterOf);

    const first = backoff.next(failed(new Error('reset')));
    const second = first.next(failed(new Error('reset'), 2));
    const capped = new RetryAfterBackoff({ initialDelayMs: 100_000, exponent: 2, maxDelayMs: 50 }, retryAfterOf).next(
      failed(new Error('x')),
    );

    expect(first.duration).toBeGreaterThan(0);
    expect(first.duration).toBeLessThanOrEqual(140);
    expect(second.duration).toBeGreaterThan(first.duration);
    expect(capped.duration).toBe(50);
  });

  it('waits nothing with a zero initial delay', () => {
    const backoff = new RetryAfterBackoff({ initialDelayMs: 0, exponent: 2, maxDelayMs: 5_000 }, retryAfterOf);

    expect(backoff.next(failed(new Error('x'))).duration).toBe(0);
  });
});
