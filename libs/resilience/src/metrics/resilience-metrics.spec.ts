import { Registry } from 'prom-client';
import { ResilienceMetrics } from './resilience-metrics';

describe(ResilienceMetrics.name, () => {
  it('registers the downstream metrics of ARCHITECTURE.md with their types and labels', async () => {
    const registry = new Registry();
    const metrics = new ResilienceMetrics(registry);

    metrics.operation('library', 'getBook');
    metrics.attemptCell('library');
    metrics.retryCell('library');
    metrics.rejectionCell('library', 'circuit_open');
    metrics.circuitState('library', 'closed');
    const json = await registry.getMetricsAsJSON();

    expect(Object.fromEntries(json.map((m) => [m.name, m.type]))).toEqual({
      downstream_requests_total: 'counter',
      downstream_request_duration_seconds: 'histogram',
      downstream_attempts_total: 'counter',
      downstream_retries_total: 'counter',
      downstream_rejections_total: 'counter',
      downstream_circuit_breaker_state: 'gauge',
    });
  });

  it('creates every outcome of an operation at zero, so rates exist before the first failure', async () => {
    const registry = new Registry();
    const metrics = new ResilienceMetrics(registry);

    const cells = metrics.operation('library', 'getBook');
    cells.outcomes.success.inc();
    cells.duration.observe(0.2);
    const text = await registry.metrics();

    for (const outcome of ['client_error', 'server_error', 'timeout', 'network_error', 'rejected']) {
      expect(text).toContain(
        `downstream_requests_total{downstream="library",operation="getBook",outcome="${outcome}"} 0`,
      );
    }
    expect(text).toContain('downstream_requests_total{downstream="library",operation="getBook",outcome="success"} 1');
    expect(text).toContain(
      'downstream_request_duration_seconds_bucket{downstream="library",operation="getBook",le="0.1"} 0',
    );
    expect(text).toContain(
      'downstream_request_duration_seconds_bucket{downstream="library",operation="getBook",le="0.25"} 1',
    );
  });

  it('shares the same cells between instances on one registry', async () => {
    const registry = new Registry();

    new ResilienceMetrics(registry).attemptCell('library').inc();
    new ResilienceMetrics(registry).attemptCell('library').inc();

    expect(await registry.metrics()).toContain('downstream_attempts_total{downstream="library"} 2');
  });

  it('maps circuit states to 0 closed, 1 half-open, 2 open or isolated', async () => {
    const registry = new Registry();
    const metrics = new ResilienceMetrics(registry);
    const gauge = async () =>
      (await registry.getSingleMetric('downstream_circuit_breaker_state')!.get()).values[0].value;
    const seen: number[] = [];

    for (const state of ['closed', 'half-open', 'open', 'isolated'] as const) {
      metrics.circuitState('library', state);
      seen.push(await gauge());
    }

    expect(seen).toEqual([0, 1, 2, 2]);
  });
});
