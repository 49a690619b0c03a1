/** The metric names of the resilience layer (downstream calls, circuits, rate limits, shared state). */
export const RESILIENCE_METRIC_NAMES = {
  downstreamRequests: 'downstream_requests_total',
  downstreamDuration: 'downstream_request_duration_seconds',
  downstreamAttempts: 'downstream_attempts_total',
  downstreamRetries: 'downstream_retries_total',
  downstreamRejections: 'downstream_rejections_total',
  circuitState: 'downstream_circuit_breaker_state',
  rateLimitUsed: 'downstream_rate_limit_used',
  rateLimitLimit: 'downstream_rate_limit_limit',
  sharedStateAvailable: 'shared_state_available',
  sharedStateFallbacks: 'shared_state_fallbacks_total',
} as const;

/** Gauge values of `downstream_circuit_breaker_state`. */
export const CIRCUIT_STATE_VALUES = { closed: 0, 'half-open': 1, open: 2, isolated: 2 } as const;

export const DOWNSTREAM_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
