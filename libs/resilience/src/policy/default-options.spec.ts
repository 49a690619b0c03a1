import type { FailureClassifier } from '../policy-options.interface';
import { DEFAULT_POLICY_OPTIONS, mergePolicyOptions, retryAllClassifier } from './default-options';

describe(mergePolicyOptions.name, () => {
  it('returns a copy of the base when there are no layers', () => {
    const merged = mergePolicyOptions(DEFAULT_POLICY_OPTIONS, undefined, {});

    expect(merged).toEqual(DEFAULT_POLICY_OPTIONS);
    expect(merged).not.toBe(DEFAULT_POLICY_OPTIONS);
  });

  it('switches a policy off with false', () => {
    const merged = mergePolicyOptions(DEFAULT_POLICY_OPTIONS, {
      breaker: false,
      bulkhead: false,
      timeoutMs: false,
      retry: false,
    });

    expect(merged.breaker).toBe(false);
    expect(merged.bulkhead).toBe(false);
    expect(merged.timeoutMs).toBe(false);
    expect(merged.retry).toBe(false);
  });

  it('merges objects field by field, keeping the fields a layer leaves out', () => {
    const merged = mergePolicyOptions(DEFAULT_POLICY_OPTIONS, { retry: { maxRetries: 5 }, bulkhead: { queue: 0 } });

    expect(merged.retry).toEqual({ ...(DEFAULT_POLICY_OPTIONS.retry as object), maxRetries: 5 });
    expect(merged.bulkhead).toEqual({ limit: 32, queue: 0 });
  });

  it('lets later layers win and skips undefined values', () => {
    const merged = mergePolicyOptions(
      DEFAULT_POLICY_OPTIONS,
      { timeoutMs: 500, retry: { maxRetries: 1, initialDelayMs: 7 } },
      { timeoutMs: undefined, retry: { maxRetries: 4 } },
      { breaker: { threshold: 9 } },
      { timeoutMs: 1_500 },
    );

    expect(merged.timeoutMs).toBe(1_500);
    expect(merged.retry).toMatchObject({ maxRetries: 4, initialDelayMs: 7, exponent: 2 });
    expect(merged.breaker).toEqual({ kind: 'consecutive', threshold: 9, halfOpenAfterMs: 30_000 });
  });

  it('replaces the classifier whole instead of merging it', () => {
    const classifier: FailureClassifier = {
      isRetryable: () => false,
      isFailure: () => false,
      retryAfterMs: () => 3,
      outcome: () => 'client_error',
    };

    const merged = mergePolicyOptions(DEFAULT_POLICY_OPTIONS, { classifier });

    expect(merged.classifier).toBe(classifier);
  });

  it('does not modify the base', () => {
    const before = JSON.stringify(DEFAULT_POLICY_OPTIONS);

    mergePolicyOptions(DEFAULT_POLICY_OPTIONS, {
      retry: { maxRetries: 0 },
      rateLimit: { limit: 1, windowMs: 1, maxWaitMs: 0 },
    });

    expect(JSON.stringify(DEFAULT_POLICY_OPTIONS)).toBe(before);
  });

  // Regression (was a bug at default-options.ts, mergePolicyOptions): a layer that re-enables a policy an earlier layer
  // switched off gets only the fields it names; the defaults of the others (delays, cap, budget) are lost.
  it('fills the fields a re-enabling layer leaves out from the defaults', () => {
    const merged = mergePolicyOptions(DEFAULT_POLICY_OPTIONS, { retry: false }, { retry: { maxRetries: 3 } });

    expect(merged.retry).toEqual({ ...(DEFAULT_POLICY_OPTIONS.retry as object), maxRetries: 3 });
  });
});

describe('DEFAULT_POLICY_OPTIONS', () => {
  it('holds the documented defaults', () => {
    expect(DEFAULT_POLICY_OPTIONS).toEqual({
      timeoutMs: 10_000,
      retry: {
        maxRetries: 2,
        initialDelayMs: 100,
        exponent: 2,
        maxDelayMs: 5_000,
        retryAfterCapMs: 10_000,
        budget: { ratio: 0.2, minPerSecond: 10, ttlMs: 10_000 },
      },
      breaker: { kind: 'consecutive', threshold: 5, halfOpenAfterMs: 30_000 },
      rateLimit: false,
      bulkhead: { limit: 32, queue: 128 },
      classifier: retryAllClassifier,
    });
  });

  it('treats every error as a retryable server failure by default', () => {
    const error = new Error('x');

    expect(retryAllClassifier.isRetryable(error)).toBe(true);
    expect(retryAllClassifier.isFailure(error)).toBe(true);
    expect(retryAllClassifier.retryAfterMs(error)).toBeUndefined();
    expect(retryAllClassifier.outcome(error)).toBe('server_error');
  });
});
