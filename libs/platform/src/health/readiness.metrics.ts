import { Counter, Gauge, register as defaultRegistry } from 'prom-client';
import type { Registry } from 'prom-client';
import { PLATFORM_METRIC_NAMES } from '../metrics/platform-metric-names.constants';

/**
 * What the readiness probe last answered, and how often the answer changed. The counter is what the
 * flapping alert reads: Prometheus scrapes less often than Kubernetes probes, so a gauge alone
 * would miss a ready → not ready → ready between two scrapes.
 */
export class ReadinessMetrics {
  private readonly state: Gauge;
  private readonly changes: Counter;
  private last: boolean | undefined;

  constructor(registry: Registry = defaultRegistry) {
    this.state =
      (registry.getSingleMetric(PLATFORM_METRIC_NAMES.readinessState) as Gauge | undefined) ??
      new Gauge({
        name: PLATFORM_METRIC_NAMES.readinessState,
        help: 'What /api/health/ready last answered: 1 ready, 0 not ready',
        registers: [registry],
      });
    this.changes =
      (registry.getSingleMetric(PLATFORM_METRIC_NAMES.readinessChanges) as Counter | undefined) ??
      new Counter({
        name: PLATFORM_METRIC_NAMES.readinessChanges,
        help: 'Times /api/health/ready changed its answer (ready ↔ not ready)',
        registers: [registry],
      });
  }

  record(ready: boolean): void {
    if (this.last !== undefined && this.last !== ready) this.changes.inc();
    this.last = ready;
    this.state.set(ready ? 1 : 0);
  }
}
