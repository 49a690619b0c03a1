/** What a logical call ended as, for `downstream_requests_total{outcome}`. */
export type Outcome = 'success' | 'client_error' | 'server_error' | 'timeout' | 'network_error' | 'rejected';

/**
 * Decides how the policies treat an error. Resilience knows nothing of HTTP, so the transport
 * (libs/clients/core) supplies this.
 */
export interface FailureClassifier {
  /** May the retry policy try again after this error? */
  isRetryable(error: unknown): boolean;
  /** Does this error count as a failure for the circuit breaker? */
  isFailure(error: unknown): boolean;
  /** A delay the downstream asked for (Retry-After), in ms. */
  retryAfterMs(error: unknown): number | undefined;
  outcome(error: unknown): Outcome;
  /**
   * The outcome of a call that returned normally. A transport returns a 4xx rather than throwing it
   * (it must neither be retried nor trip the breaker), yet it is no success for the metrics.
   */
  valueOutcome?(value: unknown): Outcome;
}

export interface RetryOptions {
  /** Retries after the first attempt. */
  maxRetries: number;
  initialDelayMs: number;
  exponent: number;
  maxDelayMs: number;
  /** The longest Retry-After we honour; a longer one gives up instead of waiting. */
  retryAfterCapMs: number;
  /** Retries ≤ ratio × calls + minPerSecond × ttl, over a sliding ttl (Finagle's RetryBudget). */
  budget: { ratio: number; minPerSecond: number; ttlMs: number } | false;
}

export interface ConsecutiveBreakerOptions {
  kind: 'consecutive';
  /** Consecutive failures that open the circuit. */
  threshold: number;
  halfOpenAfterMs: number;
}

export interface SamplingBreakerOptions {
  kind: 'sampling';
  /** Failure ratio (0..1) over the sampling window that opens the circuit. */
  threshold: number;
  samplingDurationMs: number;
  minimumRps: number;
  halfOpenAfterMs: number;
}

export type BreakerOptions = ConsecutiveBreakerOptions | SamplingBreakerOptions;

export interface RateLimitOptions {
  limit: number;
  windowMs: number;
  /** How long a call may wait for a free slot before failing with RateLimitedError. */
  maxWaitMs: number;
}

export interface BulkheadOptions {
  limit: number;
  queue: number;
}

export interface PolicyOptions {
  /** Per-attempt timeout; `false` disables it. */
  timeoutMs: number | false;
  retry: RetryOptions | false;
  breaker: BreakerOptions | false;
  rateLimit: RateLimitOptions | false;
  bulkhead: BulkheadOptions | false;
  classifier: FailureClassifier;
}

/** Partial options, merged over the defaults field by field. */
export type PolicyOptionsInput = {
  [K in keyof PolicyOptions]?: PolicyOptions[K] extends infer V ? (V extends object ? Partial<V> | false : V) : never;
};

export interface ResilienceModuleOptions {
  /**
   * The service these policies belong to. With `REDIS_URL` set, its replicas share rate limits and
   * circuits under `keel:<service>:<policy>:…`.
   */
  service?: string;
  defaults?: PolicyOptionsInput;
  policies?: Record<string, PolicyOptionsInput>;
}

export interface ExecuteOptions {
  /** Low-cardinality name of the call, e.g. `checkOwnership`; a metric label. */
  operation?: string;
  /** The caller's overall deadline: ends every wait and cancels the attempt in flight. */
  signal?: AbortSignal;
  /** `false` for a call that must never be repeated (a POST without Idempotency-Key). */
  retryable?: boolean;
}

/** The part of AbortSignal a transport reads; `toAbortSignal()` gives a real one when needed. */
export interface AttemptAbortSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(type: 'abort', listener: () => void): void;
  removeEventListener(type: 'abort', listener: () => void): void;
  toAbortSignal(): AbortSignal;
}

export interface AttemptContext {
  /** Aborted when this attempt times out or the caller's signal aborts: pass it to the transport. */
  signal: AttemptAbortSignal;
  /** 0 for the first attempt. */
  attempt: number;
}

export type CircuitStateName = 'closed' | 'half-open' | 'open' | 'isolated';

export type CircuitStateListener = (state: CircuitStateName, previous: CircuitStateName) => void;
