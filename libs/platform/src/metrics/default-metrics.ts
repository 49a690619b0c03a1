import { collectDefaultMetrics, register as defaultRegistry } from 'prom-client';
import type { Registry } from 'prom-client';

/**
 * prom-client's process metrics, registered once per registry: a second `collectDefaultMetrics()`
 * throws "already registered", which every app created after the first in a Jest process would hit.
 */
export function ensureDefaultMetrics(registry: Registry = defaultRegistry): void {
  if (registry.getSingleMetric('process_cpu_user_seconds_total')) return;
  collectDefaultMetrics({ register: registry });
  // Gauges named like counters, which `promtool check metrics` rejects. They only sum the per-type
  // nodejs_active_handles / _requests / _resources gauges, which stay.
  for (const name of MISNAMED_GAUGES) registry.removeSingleMetric(name);
}

const MISNAMED_GAUGES = [
  'nodejs_active_handles_total',
  'nodejs_active_requests_total',
  'nodejs_active_resources_total',
];
