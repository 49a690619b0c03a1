import { Logger } from '@nestjs/common';
import { Registry, register } from 'prom-client';
import { ResilienceMetrics } from './metrics/resilience-metrics';
import { PolicyEventsSubscriber } from './policy-events.subscriber';
import type { AttemptContext, FailureClassifier } from './policy-options.interface';
import { PolicyRegistry } from './policy-registry.service';
import { HttpError, httpClassifier, useFakeClock } from './testing/pipeline-fixtures';

/**
 * Narrower than httpClassifier: only a 5xx is retried (not a timeout or a 429), and a timeout is reported as
 * server_error.
 */
const classifier: FailureClassifier = {
  ...httpClassifier,
  isRetryable: (e) => e instanceof HttpError && e.status >= 500,
  outcome: (e) => (e instanceof HttpError && e.status < 500 ? 'client_error' : 'server_error'),
};

/** The default prom-client registry is shared by the whole file: each test uses its own policy name. */
describe(PolicyEventsSubscriber.name, () => {
  let registry: PolicyRegistry;
  let log: jest.SpyInstance;
  let warn: jest.SpyInstance;

  useFakeClock({
    setup: () => {
      log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
      warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
      registry = new PolicyRegistry({ defaults: { classifier, retry: { initialDelayMs: 0, budget: false } } });
    },
    teardown: () => registry.onModuleDestroy(),
    restoreMocks: true,
  });

  it('counts a successful call, its duration and its attempt on the default registry', async () => {
    await registry.get('p1').execute(async () => 'ok', { operation: 'op' });

    const text = await register.metrics();

    expect(text).toContain('downstream_requests_total{downstream="p1",operation="op",outcome="success"} 1');
    expect(text).toContain('downstream_requests_total{downstream="p1",operation="op",outcome="server_error"} 0');
    expect(text).toContain('downstream_request_duration_seconds_bucket{downstream="p1",operation="op",le="+Inf"} 1');
    expect(text).toContain('downstream_request_duration_seconds_count{downstream="p1",operation="op"} 1');
    expect(text).toContain('downstream_attempts_total{downstream="p1"} 1');
    expect(text).toContain('downstream_retries_total{downstream="p1"} 0');
    expect(text).toContain('downstream_circuit_breaker_state{downstream="p1"} 0');
  });

  it('counts attempts and retries, and logs each retry with its context', async () => {
    const fn = jest.fn(async (ctx: AttemptContext) => {
      if (ctx.attempt < 2) throw new HttpError(503);
      return 'ok';
    });

    const call = registry.get('p2').execute(fn, { operation: 'search' });
    await jest.advanceTimersByTimeAsync(10);
    await call;
    const text = await register.metrics();

    expect(text).toContain('downstream_attempts_total{downstream="p2"} 3');
    expect(text).toContain('downstream_retries_total{downstream="p2"} 2');
    expect(text).toContain('downstream_requests_total{downstream="p2",operation="search",outcome="success"} 1');
    expect(log).toHaveBeenCalledWith(
      expect.objectContaining({
        event: 'retry',
        downstream: 'p2',
        operation: 'search',
        attempt: 1,
        error: 'Error',
        detail: 'HTTP 503',
      }),
    );
    expect(log).toHaveBeenCalledWith(expect.objectContaining({ event: 'retry', attempt: 2 }));
  });

  it('measures the whole logical call, backoff included, on the fake clock', async () => {
    const fn = jest.fn(async (ctx: AttemptContext) => {
      if (ctx.attempt === 0) throw new HttpError(503, 2_000);
      return 'ok';
    });

    const call = registry.get('p3').execute(fn, { operation: 'op' });
    await jest.advanceTimersByTimeAsync(2_000);
    await call;
    const text = await register.metrics();

    expect(text).toContain('downstream_request_duration_seconds_bucket{downstream="p3",operation="op",le="1"} 0');
    expect(text).toContain('downstream_request_duration_seconds_bucket{downstream="p3",operation="op",le="2.5"} 1');
    expect(text).toContain('downstream_request_duration_seconds_sum{downstream="p3",operation="op"} 2');
  });

  it('counts outcomes from the classifier', async () => {
    const pipeline = registry.get('p4', { retry: false });

    await pipeline.execute(async () => Promise.reject(new HttpError(404)), { operation: 'op' }).catch(() => undefined);
    await pipeline.execute(async () => Promise.reject(new HttpError(500)), { operation: 'op' }).catch(() => undefined);
    const text = await register.metrics();

    expect(text).toContain('downstream_requests_total{downstream="p4",operation="op",outcome="client_error"} 1');
    expect(text).toContain('downstream_requests_total{downstream="p4",operation="op",outcome="server_error"} 1');
  });

  it('reports the open circuit: rejections, state 2, one warning; then 0 after reset', async () => {
    const pipeline = registry.get('p5', { retry: false });
    const fail = () =>
      pipeline.execute(async () => Promise.reject(new HttpError(503)), { operation: 'op' }).catch(() => undefined);
    for (let i = 0; i < 5; i++) await fail();

    await fail();
    await fail();
    const open = await register.metrics();
    pipeline.resetCircuit();
    const reset = await register.metrics();

    expect(open).toContain('downstream_rejections_total{downstream="p5",reason="circuit_open"} 2');
    expect(open).toContain('downstream_requests_total{downstream="p5",operation="op",outcome="rejected"} 2');
    expect(open).toContain('downstream_attempts_total{downstream="p5"} 5');
    expect(open).toContain('downstream_circuit_breaker_state{downstream="p5"} 2');
    expect(reset).toContain('downstream_circuit_breaker_state{downstream="p5"} 0');
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ event: 'circuit', downstream: 'p5', state: 'open' }));
    expect(warn.mock.calls.filter(([line]) => line.state === 'open')).toHaveLength(1);
  });

  it('declares a policy at zero as soon as it is built', async () => {
    registry.get('p6');

    const text = await register.metrics();

    expect(text).toContain('downstream_circuit_breaker_state{downstream="p6"} 0');
    expect(text).toContain('downstream_attempts_total{downstream="p6"} 0');
    expect(text).toContain('downstream_retries_total{downstream="p6"} 0');
  });

  it('counts on a registry of its own when given one', async () => {
    const own = new Registry();
    const subscriber = new PolicyEventsSubscriber(new ResilienceMetrics(own));

    subscriber.declare('p7');
    subscriber.attempted('p7');
    subscriber.rejected('p7', 'op', 'bulkhead_full');
    subscriber.callFinished('p7', 'op', 'rejected', 0);
    const text = await own.metrics();

    expect(text).toContain('downstream_attempts_total{downstream="p7"} 1');
    expect(text).toContain('downstream_rejections_total{downstream="p7",reason="bulkhead_full"} 1');
    expect(text).toContain('downstream_requests_total{downstream="p7",operation="op",outcome="rejected"} 1');
    expect(await register.metrics()).not.toContain('downstream="p7"');
  });
});
