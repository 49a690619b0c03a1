import { Gauge, register as defaultRegistry } from 'prom-client';
import type { Registry } from 'prom-client';
import type { RateLimitUsage } from '../policy/resilience-pipeline';
import { RESILIENCE_METRIC_NAMES } from './metric-names.constants';

/** The rate-limited policies of one PolicyRegistry, read at scrape time. */
export type RateLimitSource = () => Iterable<{ name: string; usage: RateLimitUsage | undefined }>;

interface Tracked {
  sources: Set<RateLimitSource>;
  used: Gauge<'downstream'>;
  limit: Gauge<'downstream'>;
}

const trackedByRegistry = new WeakMap<Registry, Tracked>();

/**
 * `downstream_rate_limit_used` / `_limit`, computed in the gauges' collect() when Prometheus scrapes
 * rather than on every call: the limiter already knows its window, so the hot path pays nothing.
 * Several PolicyRegistry instances (one per app in a Jest process) may feed one prom registry; each
 * returns the function that stops its feed when its app closes.
 */
export function trackRateLimitUsage(source: RateLimitSource, registry: Registry = defaultRegistry): () => void {
  const tracked = trackedFor(registry);
  tracked.sources.add(source);
  return () => tracked.sources.delete(source);
}

function trackedFor(registry: Registry): Tracked {
  const known = trackedByRegistry.get(registry);
  // A registry.clear() drops the gauges; build them again on the same sources.
  if (known && registry.getSingleMetric(RESILIENCE_METRIC_NAMES.rateLimitUsed)) return known;
  const sources = known?.sources ?? new Set<RateLimitSource>();
  const fill = (pick: (usage: RateLimitUsage) => number) =>
    function (this: Gauge<'downstream'>): void {
      this.reset();
      for (const source of sources)
        for (const { name, usage } of source()) if (usage) this.labels(name).set(pick(usage));
    };
  const tracked: Tracked = {
    sources,
    used: new Gauge({
      name: RESILIENCE_METRIC_NAMES.rateLimitUsed,
      help: "Slots of a downstream's rate-limit window taken now (calls started within the window)",
      labelNames: ['downstream'],
      registers: [registry],
      collect: fill((u) => u.used),
    }),
    limit: new Gauge({
      name: RESILIENCE_METRIC_NAMES.rateLimitLimit,
      help: "Calls a downstream's rate limit lets start within one window",
      labelNames: ['downstream'],
      registers: [registry],
      collect: fill((u) => u.limit),
    }),
  };
  trackedByRegistry.set(registry, tracked);
  return tracked;
}
