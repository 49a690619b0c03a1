import type { FailureClassifier, PolicyOptions, PolicyOptionsInput } from '../policy-options.interface';

/** Treats every error as a retryable failure; the HTTP layer replaces it with a real classifier. */
export const retryAllClassifier: FailureClassifier = {
  isRetryable: () => true,
  isFailure: () => true,
  retryAfterMs: () => undefined,
  outcome: () => 'server_error',
};

export const DEFAULT_POLICY_OPTIONS: PolicyOptions = {
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
  // Off unless configured: a default cap would silently throttle a busy service.
  rateLimit: false,
  bulkhead: { limit: 32, queue: 128 },
  classifier: retryAllClassifier,
};

/** Field-by-field merge: `false` switches a policy off, an object overrides some of its fields. */
export function mergePolicyOptions(base: PolicyOptions, ...layers: (PolicyOptionsInput | undefined)[]): PolicyOptions {
  const out: Record<string, unknown> = { ...base };
  for (const layer of layers) {
    if (!layer) continue;
    for (const [key, value] of Object.entries(layer)) {
      if (value === undefined) continue;
      const current =
        out[key] ||
        (base as unknown as Record<string, unknown>)[key] ||
        (DEFAULT_POLICY_OPTIONS as unknown as Record<string, unknown>)[key];
      const mergeable =
        value && typeof value === 'object' && current && typeof current === 'object' && key !== 'classifier';
      out[key] = mergeable ? { ...(current as object), ...(value as object) } : value;
    }
  }
  return out as unknown as PolicyOptions;
}
