import { NotFoundException } from '@nestjs/common';
import type { FailureClassifier } from './policy-options.interface';
import { PolicyRegistry } from './policy-registry.service';
import { register } from 'prom-client';
import type { Gauge } from 'prom-client';
import { RESILIENCE_METRIC_NAMES } from './metrics/metric-names.constants';
import { ResiliencePipeline } from './policy/resilience-pipeline';

describe(PolicyRegistry.name, () => {
  let registry: PolicyRegistry;

  afterEach(() => {
    registry?.onModuleDestroy();
    jest.useRealTimers();
  });

  it('builds one pipeline per name and hands out the same one every time', () => {
    registry = new PolicyRegistry({});

    const first = registry.get('library');
    const second = registry.get('library', { timeoutMs: 1 });
    const other = registry.get('prowlarr');

    expect(first).toBeInstanceOf(ResiliencePipeline);
    expect(second).toBe(first);
    expect(first.options.timeoutMs).toBe(10_000);
    expect(other).not.toBe(first);
    expect(registry.list()).toEqual([first, other]);
  });

  it('declares each new policy in the metrics as a closed circuit, before its first call', async () => {
    registry = new PolicyRegistry({});

    registry.get('declared-a');
    registry.get('declared-a');
    registry.get('declared-b');

    const gauge = register.getSingleMetric(RESILIENCE_METRIC_NAMES.circuitState) as Gauge<'downstream'>;
    const values = (await gauge.get()).values.filter((v) => String(v.labels.downstream).startsWith('declared-'));
    expect(values.map((v) => [v.labels.downstream, v.value])).toEqual([
      ['declared-a', 0],
      ['declared-b', 0],
    ]);
  });

  it('merges defaults, then module defaults, then the caller options, then the module policies[name]', () => {
    const classifier: FailureClassifier = {
      isRetryable: () => false,
      isFailure: () => true,
      retryAfterMs: () => undefined,
      outcome: () => 'server_error',
    };
    registry = new PolicyRegistry({
      defaults: { timeoutMs: 1_000, retry: { maxRetries: 1, exponent: 3 }, bulkhead: false },
      policies: { library: { retry: { maxRetries: 7 }, breaker: { threshold: 2 } } },
    });

    const { options } = registry.get('library', {
      timeoutMs: 2_000,
      retry: { maxRetries: 4, initialDelayMs: 5 },
      classifier,
      breaker: { threshold: 9, halfOpenAfterMs: 1_000 },
    });

    expect(options.timeoutMs).toBe(2_000);
    expect(options.retry).toMatchObject({ maxRetries: 7, initialDelayMs: 5, exponent: 3, maxDelayMs: 5_000 });
    expect(options.breaker).toEqual({ kind: 'consecutive', threshold: 2, halfOpenAfterMs: 1_000 });
    expect(options.bulkhead).toBe(false);
    expect(options.classifier).toBe(classifier);
  });

  it('uses the plain defaults without module options', () => {
    registry = new PolicyRegistry(undefined);

    expect(registry.get('library').options.bulkhead).toEqual({ limit: 32, queue: 128 });
  });

  it('snapshots every policy with its circuit state', () => {
    jest.useFakeTimers({ now: 0 });
    registry = new PolicyRegistry({ policies: { prowlarr: { breaker: false } } });
    registry.get('library').isolateCircuit();
    registry.get('prowlarr');

    const snapshot = registry.snapshot();

    expect(snapshot).toEqual([
      { name: 'library', state: 'isolated', hasCircuit: true, retryAfterMs: undefined },
      { name: 'prowlarr', state: 'closed', hasCircuit: false, retryAfterMs: undefined },
    ]);
  });

  it("reports a rate-limited policy's usage of its window", async () => {
    jest.useFakeTimers({ now: 0 });
    registry = new PolicyRegistry({
      policies: { prowlarr: { rateLimit: { limit: 3, windowMs: 60_000, maxWaitMs: 0 } } },
    });
    const prowlarr = registry.get('prowlarr');
    await prowlarr.execute(async () => 'a');
    await prowlarr.execute(async () => 'b');

    const [snapshot] = registry.snapshot();

    expect(snapshot.rateLimit).toEqual({ limit: 3, windowMs: 60_000, used: 2 });
    jest.advanceTimersByTime(60_000);
    expect(registry.snapshot()[0].rateLimit).toEqual({ limit: 3, windowMs: 60_000, used: 0 });
  });

  it('reports how long an open circuit still refuses calls', async () => {
    jest.useFakeTimers({ now: 0 });
    registry = new PolicyRegistry({ defaults: { retry: false, breaker: { threshold: 1, halfOpenAfterMs: 20_000 } } });
    await registry
      .get('library')
      .execute(async () => Promise.reject(new Error('down')))
      .catch(() => undefined);

    jest.advanceTimersByTime(5_000);
    const snapshot = registry.snapshot();

    expect(snapshot).toEqual([{ name: 'library', state: 'open', hasCircuit: true, retryAfterMs: 15_000 }]);
  });

  it('requires an existing policy and 404s an unknown one', () => {
    registry = new PolicyRegistry({});
    const library = registry.get('library');

    expect(registry.require('library')).toBe(library);
    expect(() => registry.require('nope')).toThrow(NotFoundException);
    expect(() => registry.require('nope')).toThrow('no policy named nope');
  });

  it('disposes every pipeline on module destroy', () => {
    registry = new PolicyRegistry({});
    const disposals = [registry.get('a'), registry.get('b')].map((p) => jest.spyOn(p, 'dispose'));

    registry.onModuleDestroy();

    expect(disposals.map((d) => d.mock.calls.length)).toEqual([1, 1]);
  });
});
