import { Logger } from '@nestjs/common';
import { PolicyRegistry } from '@keel/resilience';
import { sandboxControl, startLibraryEmulator } from '@keel/sandbox';
import type { RunningEmulator, SandboxControl } from '@keel/sandbox';
import { resolveServiceConfig } from '../registry/service.config';
import { httpFailureClassifier } from '../http/downstream-failures';
import { ResilientHttpClient } from '../http/resilient-http-client';
import { UndiciAdapter } from '../http/undici-adapter';

const OWNERSHIP = '/api/v1/users/u1/games/g1/ownership';

/**
 * Three real library emulators on 127.0.0.1 as three instances of one downstream, with a fault on
 * one of them through its own control API. The real client, balancer and policies; nothing stubbed.
 */
describe('ResilientHttpClient over three instances', () => {
  let instances: RunningEmulator[];
  let controls: SandboxControl[];
  let registry: PolicyRegistry;
  let client: ResilientHttpClient;

  const requestsPerInstance = async () =>
    Promise.all(controls.map(async (control) => (await control.stats()).requests));

  function build(env: Record<string, string>) {
    const config = resolveServiceConfig('lb', {
      LB_SERVICE_URLS: instances.map((i) => i.url).join(','),
      LB_SERVICE_TIMEOUT: '2s',
      LB_SERVICE_RETRY_DELAY: '1ms',
      ...env,
    });
    registry = new PolicyRegistry({});
    const pipeline = registry.get('lb', { ...config.policy, classifier: httpFailureClassifier });
    client = new ResilientHttpClient(
      config,
      pipeline,
      new UndiciAdapter({ connections: 16, keepAliveTimeoutMs: 5_000 }),
      {},
    );
  }

  const call = (hedge = false) =>
    client
      .send({ operation: 'ownership', path: OWNERSHIP, hedge, headers: { authorization: 'Bearer any-token' } })
      .then(
        (answer) => answer.status,
        (error: Error) => error.name,
      );

  beforeAll(() => Logger.overrideLogger(false));

  beforeEach(async () => {
    instances = await Promise.all([0, 1, 2].map(() => startLibraryEmulator({ port: 0 })));
    controls = instances.map((instance) => sandboxControl(instance.url));
  });

  afterEach(async () => {
    await client?.close();
    registry?.onModuleDestroy();
    await Promise.all(instances.map((instance) => instance.close()));
  });

  it('one instance on 503: P2C and ejection spare the caller, it gets none while ejected, circuit closed', async () => {
    // Arrange
    build({ LB_SERVICE_OUTLIER_FAILURES: '5', LB_SERVICE_OUTLIER_EJECTION: '1m' });
    await controls[1].inject({ mode: 'error', status: 503 });

    // Act: until the sick instance is ejected, then a steady stream.
    const warmUp: (number | string)[] = [];
    while (!client.instanceStates().some((i) => i.state === 'ejected') && warmUp.length < 200)
      warmUp.push(await call());
    const sickBefore = (await requestsPerInstance())[1];
    const afterEjection: (number | string)[] = [];
    for (let i = 0; i < 60; i++) afterEjection.push(await call());
    const sickAfter = (await requestsPerInstance())[1];

    // Assert
    expect(client.instanceStates().find((i) => i.url === instances[1].url)).toMatchObject({
      state: 'ejected',
      ejections: 1,
    });
    // Each failed attempt was retried on another instance: not even the warm-up failed a call.
    expect(warmUp.filter((status) => status !== 200)).toEqual([]);
    expect(afterEjection.filter((status) => status !== 200)).toEqual([]);
    expect(sickAfter - sickBefore).toBe(0);
    expect(client.circuitState).toBe('closed');
  });

  it.each(['p2c-ewma', 'p2c'])(
    'one instance 300 ms slower: P2C (%s) sends it markedly fewer calls than its share',
    async (lb) => {
      // Arrange
      build({ LB_SERVICE_LB: lb });
      await controls[2].inject({ mode: 'slow', latencyMs: 300 });

      // Act: 12 callers in parallel, 10 calls each.
      await Promise.all(
        Array.from({ length: 12 }, async () => {
          for (let i = 0; i < 10; i++) await call();
        }),
      );
      const counts = await requestsPerInstance();

      // Assert: a third would be 40 of 120.
      const total = counts.reduce((a, b) => a + b, 0);
      expect(total).toBe(120);
      expect(counts[2]).toBeLessThan(total / 6);
    },
  );

  it.each(['p2c-ewma', 'p2c'])(
    'hedged reads, one instance 300 ms slower: P2C (%s) still sends it markedly fewer calls, and every call answers',
    async (lb) => {
      // Arrange: a 100 ms hedge delay, so the slow instance's calls are cut short after about 100 ms
      // (and, being abandoned, stay counted against it) while healthy calls, even on a busy machine,
      // are seldom hedged; it has answered unhedged calls before.
      build({ LB_SERVICE_LB: lb, LB_SERVICE_HEDGE_DELAY: '100ms' });
      await controls[2].inject({ mode: 'slow', latencyMs: 300 });
      await Promise.all(Array.from({ length: 6 }, () => call(false)));
      await Promise.all(controls.map((control) => control.resetStats()));

      // Act: 12 callers in parallel, 10 hedged calls each.
      const statuses: (number | string)[] = [];
      await Promise.all(
        Array.from({ length: 12 }, async () => {
          for (let i = 0; i < 10; i++) statuses.push(await call(true));
        }),
      );
      const counts = await requestsPerInstance();

      // Assert: a third would be 40 of 120.
      expect(statuses.filter((status) => status !== 200)).toEqual([]);
      expect(counts[2]).toBeLessThan(120 / 6);
    },
  );

  it('hedges a read unanswered within the delay to another instance, and takes the first answer', async () => {
    // Arrange: every instance is slow except one; the first leg often lands on a slow one.
    build({ LB_SERVICE_HEDGE_DELAY: '50ms', LB_SERVICE_LB: 'round-robin' });
    await controls[0].inject({ mode: 'slow', latencyMs: 1_500 });

    // Act: the first leg goes to instance 0 (round-robin starts there), the hedge to another.
    const status = await call(true);
    const counts = await requestsPerInstance();

    // Assert: one leg each on instance 0 and on one other instance, and nothing more.
    expect(status).toBe(200);
    expect(counts[0]).toBe(1);
    expect(counts[1] + counts[2]).toBe(1);
  });

  it('does not hedge a call that did not opt in', async () => {
    // Arrange
    build({ LB_SERVICE_HEDGE_DELAY: '50ms', LB_SERVICE_LB: 'round-robin' });
    await controls[0].inject({ mode: 'slow', latencyMs: 400 });

    // Act
    const status = await call(false);
    const counts = await requestsPerInstance();

    // Assert
    expect(status).toBe(200);
    expect(counts).toEqual([1, 0, 0]);
  });
});
