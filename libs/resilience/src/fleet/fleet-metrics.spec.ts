import { Registry } from 'prom-client';
import { FleetMetrics } from './fleet-metrics';

describe(FleetMetrics.name, () => {
  it('creates a declared operation’s fallback series at 0 and counts fallbacks on it', async () => {
    const registry = new Registry();
    const metrics = new FleetMetrics(registry);

    metrics.declare('rateLimitAcquire');
    metrics.declare('circuitFailure');
    metrics.fallback('circuitFailure');
    metrics.available(true);
    const text = await registry.metrics();

    expect(text).toContain('shared_state_fallbacks_total{operation="rateLimitAcquire"} 0');
    expect(text).toContain('shared_state_fallbacks_total{operation="circuitFailure"} 1');
    expect(text).toContain('shared_state_available 1');
  });
});
