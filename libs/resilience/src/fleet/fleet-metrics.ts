import { Counter, Gauge, register as defaultRegistry } from 'prom-client';
import type { Registry } from 'prom-client';
import { RESILIENCE_METRIC_NAMES } from '../metrics/metric-names.constants';

/** Whether the fleet's shared state is in use, and how often a policy had to do without it. */
export class FleetMetrics {
  private readonly up: Gauge;
  private readonly fallbacks: Counter<'operation'>;

  constructor(registry: Registry = defaultRegistry) {
    this.up =
      (registry.getSingleMetric(RESILIENCE_METRIC_NAMES.sharedStateAvailable) as Gauge | undefined) ??
      new Gauge({
        name: RESILIENCE_METRIC_NAMES.sharedStateAvailable,
        help: 'Whether the shared resilience state in Redis is in use (1) or policies run on local state (0)',
        registers: [registry],
      });
    this.fallbacks =
      (registry.getSingleMetric(RESILIENCE_METRIC_NAMES.sharedStateFallbacks) as Counter<'operation'> | undefined) ??
      new Counter({
        name: RESILIENCE_METRIC_NAMES.sharedStateFallbacks,
        help: 'Shared-state operations served from local state because Redis failed or was unavailable',
        labelNames: ['operation'],
        registers: [registry],
      });
  }

  /** Creates an operation's fallback series at 0, so a rate exists before Redis first fails. */
  declare(operation: string): void {
    this.fallbacks.inc({ operation }, 0);
  }

  available(up: boolean): void {
    this.up.set(up ? 1 : 0);
  }

  fallback(operation: string): void {
    this.fallbacks.inc({ operation });
  }
}
