import { collectDefaultMetrics, register as defaultRegistry } from 'prom-client';
import type { Registry } from 'prom-client';

/**
 * prom-client's process metrics, registered once per registry: a second `collectDefaultMetrics()`
 * throws "already registered", which every app created after the first in a Jest process would hit.
 */
export function ensureDefaultMetrics(registry: Registry = defaultRegistry): void {
  if (registry.getSingleMetric('process_cpu_user_seconds_total')) return;
  collectDefaultMetrics({ register: registry });
}
