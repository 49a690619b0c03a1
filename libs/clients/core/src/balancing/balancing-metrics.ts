import { Counter, Gauge, register as defaultRegistry } from 'prom-client';
import type { Registry } from 'prom-client';
import type { InstanceSet } from './instance-set';

export const BALANCING_METRIC_NAMES = {
  outstanding: 'downstream_instance_outstanding_requests',
  ejections: 'downstream_instance_ejections_total',
  hedges: 'downstream_hedges_total',
} as const;

function singleton<T>(registry: Registry, name: string, create: () => T): T {
  return (registry.getSingleMetric(name) as T | undefined) ?? create();
}

/**
 * Per-instance metrics of the balancer. Outstanding requests are read from the instance set when
 * Prometheus scrapes, so the call path updates no metric for them.
 */
export class BalancingMetrics {
  private static readonly sets = new Map<string, InstanceSet>();
  private readonly ejections: Counter<'downstream' | 'instance'>;
  private readonly hedges: Counter<'downstream' | 'result'>;

  constructor(registry: Registry = defaultRegistry) {
    const sets = BalancingMetrics.sets;
    singleton(
      registry,
      BALANCING_METRIC_NAMES.outstanding,
      () =>
        new Gauge({
          name: BALANCING_METRIC_NAMES.outstanding,
          help: 'Attempts sent to a downstream instance that have not answered yet',
          labelNames: ['downstream', 'instance'],
          registers: [registry],
          collect() {
            this.reset();
            for (const [downstream, set] of sets)
              for (const instance of set.snapshot()) this.labels(downstream, instance.url).set(instance.outstanding);
          },
        }),
    );
    this.ejections = singleton(
      registry,
      BALANCING_METRIC_NAMES.ejections,
      () =>
        new Counter({
          name: BALANCING_METRIC_NAMES.ejections,
          help: 'Instances ejected after consecutive 5xx or connect failures',
          labelNames: ['downstream', 'instance'],
          registers: [registry],
        }),
    );
    this.hedges = singleton(
      registry,
      BALANCING_METRIC_NAMES.hedges,
      () =>
        new Counter({
          name: BALANCING_METRIC_NAMES.hedges,
          help: 'Hedged attempts: sent, and won (answered first)',
          labelNames: ['downstream', 'result'],
          registers: [registry],
        }),
    );
  }

  track(downstream: string, set: InstanceSet): () => void {
    BalancingMetrics.sets.set(downstream, set);
    return () => {
      if (BalancingMetrics.sets.get(downstream) === set) BalancingMetrics.sets.delete(downstream);
    };
  }

  ejected(downstream: string, instance: string): void {
    this.ejections.labels(downstream, instance).inc();
  }

  hedge(downstream: string, result: 'sent' | 'won'): void {
    this.hedges.labels(downstream, result).inc();
  }
}
