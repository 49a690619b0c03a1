/** Every Keel metric name, in one place (the platform's HTTP metrics included). */
export const METRIC_NAMES = {
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
  httpRequests: 'http_server_requests_total',
  httpDuration: 'http_server_request_duration_seconds',
  readinessState: 'readiness_state',
  readinessChanges: 'readiness_changes_total',
  summarizerFallbacks: 'summarizer_fallbacks_total',
  mediaIndexerSearches: 'media_indexer_searches_total',
  mediaGrabs: 'media_grabs_total',
  mediaImports: 'media_imports_total',
  mediaFailedDownloads: 'media_failed_downloads_total',
} as const;

/** Gauge values of `downstream_circuit_breaker_state`. */
export const CIRCUIT_STATE_VALUES = { closed: 0, 'half-open': 1, open: 2, isolated: 2 } as const;

export const DOWNSTREAM_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
