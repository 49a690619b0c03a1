import { Registry } from 'prom-client';
import { ensureDefaultMetrics } from './default-metrics';

describe(ensureDefaultMetrics.name, () => {
  it('registers process metrics once, with no non-counter named like a counter (promtool rejects those)', async () => {
    const registry = new Registry();

    ensureDefaultMetrics(registry);
    ensureDefaultMetrics(registry);
    const metrics = await registry.getMetricsAsJSON();

    expect(metrics.map((m) => m.name)).toEqual(
      expect.arrayContaining([
        'process_cpu_user_seconds_total',
        'nodejs_active_handles',
        'nodejs_heap_size_used_bytes',
      ]),
    );
    expect(metrics.filter((m) => m.name.endsWith('_total') && String(m.type) !== 'counter').map((m) => m.name)).toEqual(
      [],
    );
  });
});
