/** The metric names every service exposes through the platform: its HTTP server and its readiness. */
export const PLATFORM_METRIC_NAMES = {
  httpRequests: 'http_server_requests_total',
  httpDuration: 'http_server_request_duration_seconds',
  readinessState: 'readiness_state',
  readinessChanges: 'readiness_changes_total',
} as const;
