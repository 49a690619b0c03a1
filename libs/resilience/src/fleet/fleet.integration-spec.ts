import { HttpError, httpClassifier, recorder } from '../testing/pipeline-fixtures';
import { PrivateRedis, redisServerAvailable, redisUrlForTests, testNamespace } from '../testing/redis-fixtures';
import { CircuitOpenError } from '../errors/circuit-open.error';
import { RateLimitedError } from '../errors/rate-limited.error';
import { DEFAULT_POLICY_OPTIONS, mergePolicyOptions } from '../policy/default-options';
import { ResiliencePipeline } from '../policy/resilience-pipeline';
import type { PolicyOptionsInput } from '../policy-options.interface';
import { FleetLink } from './fleet-link';
import type { FleetConfig } from './fleet.config';

const SUITE = 'fleet (Redis)';
const url = redisUrlForTests(SUITE);
const describeWithRedis = url ? describe : describe.skip;

const until = async (predicate: () => boolean, timeoutMs = 3_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};

/** `count` replicas of one service: each its own link (connections) and its own pipeline. */
async function replicas(count: number, options: PolicyOptionsInput, config: Partial<FleetConfig> = {}) {
  const base: FleetConfig = {
    url: url as string,
    service: 'svc',
    namespace: testNamespace(),
    commandTimeoutMs: 200,
    ...config,
  };
  const links = await Promise.all(
    Array.from({ length: count }, async () => {
      const link = new FleetLink(base);
      await link.start();
      return link;
    }),
  );
  const merged = mergePolicyOptions(DEFAULT_POLICY_OPTIONS, {
    retry: false,
    bulkhead: false,
    classifier: httpClassifier,
    ...options,
  });
  const pipelines = links.map((link) => new ResiliencePipeline('library', merged, recorder(), link));
  return { links, pipelines, close: () => Promise.all(links.map((l) => l.close())) };
}

const failing = () => Promise.reject(new HttpError(503));

describeWithRedis('FleetCircuit and FleetRateLimiter on real Redis [real peer: Redis]', () => {
  let close: (() => Promise<unknown>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  it('opens the circuit on every replica after 5 consecutive failures seen by any mix of them', async () => {
    // Arrange
    const fleet = await replicas(3, { breaker: { kind: 'consecutive', threshold: 5, halfOpenAfterMs: 60_000 } });
    close = fleet.close;
    const [a, b, c] = fleet.pipelines;

    // Act: 2 + 2 failures keep it closed; the fifth, on a third replica, opens it for all.
    for (const p of [a, a, b, b]) await p.execute(failing).catch(() => undefined);
    const closedBefore = fleet.pipelines.map((p) => p.circuitState);
    await c.execute(failing).catch(() => undefined);
    await until(() => fleet.pipelines.every((p) => p.circuitState === 'open'));
    const calls = jest.fn(() => Promise.resolve('ok'));
    const refused = await Promise.all(fleet.pipelines.map((p) => p.execute(calls).catch((e: unknown) => e)));

    // Assert
    expect(closedBefore).toEqual(['closed', 'closed', 'closed']);
    expect(refused.every((e) => e instanceof CircuitOpenError)).toBe(true);
    expect(calls).not.toHaveBeenCalled();
    expect(fleet.pipelines.every((p) => (p.circuitRetryAfterMs() ?? 0) > 50_000)).toBe(true);
  });

  it('a success on any replica resets the fleet’s count: the failures must be consecutive', async () => {
    // Arrange
    const fleet = await replicas(2, { breaker: { kind: 'consecutive', threshold: 3, halfOpenAfterMs: 60_000 } });
    close = fleet.close;
    const [a, b] = fleet.pipelines;

    // Act: two failures on a, then b (which saw none itself) succeeds, then two more failures.
    await a.execute(failing).catch(() => undefined);
    await a.execute(failing).catch(() => undefined);
    await until(() => (b as unknown as { circuit: { dirty: boolean } }).circuit.dirty);
    await b.execute(() => Promise.resolve('ok'));
    await until(() => !(a as unknown as { circuit: { dirty: boolean } }).circuit.dirty);
    await a.execute(failing).catch(() => undefined);
    await b.execute(failing).catch(() => undefined);

    // Assert
    expect(fleet.pipelines.map((p) => p.circuitState)).toEqual(['closed', 'closed']);
  });

  it('sends exactly one half-open probe in the whole fleet, whose success closes the circuit everywhere', async () => {
    // Arrange
    const fleet = await replicas(3, { breaker: { kind: 'consecutive', threshold: 2, halfOpenAfterMs: 300 } });
    close = fleet.close;
    const [a] = fleet.pipelines;
    await a.execute(failing).catch(() => undefined);
    await a.execute(failing).catch(() => undefined);
    await until(() => fleet.pipelines.every((p) => p.circuitState === 'open'));
    await new Promise((r) => setTimeout(r, 400));
    let calls = 0;
    let callsWhileProbing = 0;
    const slowSuccess = () => {
      calls++;
      return new Promise<string>((resolve) => setTimeout(resolve, 100, 'ok')).finally(
        () => (callsWhileProbing ||= calls),
      );
    };

    // Act: every replica tries twice at once after the half-open delay. The winner of the lease
    // probes; its own second call waits for the answer (as cockatiel's half-open does) and the other
    // replicas are told to come back in a moment.
    const answers = await Promise.all(
      fleet.pipelines.flatMap((p) => [
        p.execute(slowSuccess).catch((e: unknown) => e),
        p.execute(slowSuccess).catch((e: unknown) => e),
      ]),
    );
    await until(() => fleet.pipelines.every((p) => p.circuitState === 'closed'));
    const after = await Promise.all(fleet.pipelines.map((p) => p.execute(() => Promise.resolve('after'))));

    // Assert
    expect(callsWhileProbing).toBe(1);
    expect(answers.filter((x) => x === 'ok')).toHaveLength(2);
    expect(answers.filter((x) => x instanceof CircuitOpenError)).toHaveLength(4);
    expect(after).toEqual(['after', 'after', 'after']);
  });

  it('a failed probe re-opens the circuit for every replica', async () => {
    // Arrange
    const fleet = await replicas(2, { breaker: { kind: 'consecutive', threshold: 1, halfOpenAfterMs: 300 } });
    close = fleet.close;
    const [a, b] = fleet.pipelines;
    await a.execute(failing).catch(() => undefined);
    await until(() => b.circuitState === 'open');
    await new Promise((r) => setTimeout(r, 400));

    // Act
    const probe = await b.execute(failing).catch((e: unknown) => e);
    await until(() => a.circuitState === 'open' && (a.circuitRetryAfterMs() ?? 0) > 100);

    // Assert
    expect(probe).toBeInstanceOf(HttpError);
    expect(await a.execute(() => Promise.resolve('x')).catch((e: unknown) => e)).toBeInstanceOf(CircuitOpenError);
  });

  it('isolate on one replica isolates all of them; reset on another closes them all', async () => {
    // Arrange
    const fleet = await replicas(3, {});
    close = fleet.close;
    const [a, b, c] = fleet.pipelines;

    // Act
    await a.isolateCircuit();
    await until(() => fleet.pipelines.every((p) => p.circuitState === 'isolated'));
    const refused = await c.execute(() => Promise.resolve('x')).catch((e: unknown) => e);
    await b.resetCircuit();
    await until(() => fleet.pipelines.every((p) => p.circuitState === 'closed'));

    // Assert
    expect(refused).toBeInstanceOf(CircuitOpenError);
    expect(await c.execute(() => Promise.resolve('x'))).toBe('x');
  });

  it('makes no Redis call while the circuit is closed and healthy', async () => {
    // Arrange
    const fleet = await replicas(1, {});
    close = fleet.close;
    const run = jest.spyOn(fleet.links[0], 'run');

    // Act
    for (let i = 0; i < 100; i++) await fleet.pipelines[0].execute(() => Promise.resolve(i));

    // Assert
    expect(run).not.toHaveBeenCalled();
  });

  it('holds a rate limit across replicas: 30 attempts at a 10/10s limit start 10', async () => {
    // Arrange
    const fleet = await replicas(3, { rateLimit: { limit: 10, windowMs: 10_000, maxWaitMs: 0 }, breaker: false });
    close = fleet.close;
    const started = jest.fn(() => Promise.resolve('ok'));

    // Act
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => fleet.pipelines[i % 3].execute(started).catch((e: unknown) => e)),
    );

    // Assert
    expect(started).toHaveBeenCalledTimes(10);
    expect(answers.filter((a) => a instanceof RateLimitedError)).toHaveLength(20);
    expect(fleet.pipelines[0].rateLimitUsage()).toMatchObject({ limit: 10, used: 10 });
  });
});

const describeWithServer = url && redisServerAvailable(SUITE) ? describe : describe.skip;

describeWithServer('FleetLink when Redis fails [real peer: Redis]', () => {
  let redis: PrivateRedis;
  let close: (() => Promise<unknown>) | undefined;
  beforeEach(async () => {
    redis = await PrivateRedis.start();
  });
  afterEach(async () => {
    await close?.();
    await redis.stop();
  });

  it('serves on local state while Redis is down, then rejoins the shared state by itself', async () => {
    // Arrange
    const fleet = await replicas(
      2,
      { breaker: { kind: 'consecutive', threshold: 2, halfOpenAfterMs: 60_000 } },
      { url: redis.url },
    );
    close = fleet.close;
    const [a, b] = fleet.pipelines;
    const upBefore = fleet.links.every((l) => l.available);

    // Act: Redis goes away; calls keep working and one replica's own failures open its own circuit.
    await redis.stop();
    await until(() => fleet.links.every((l) => !l.available));
    const served = await Promise.all([a.execute(() => Promise.resolve('a')), b.execute(() => Promise.resolve('b'))]);
    await a.execute(failing).catch(() => undefined);
    await a.execute(failing).catch(() => undefined);
    const localStates = [a.circuitState, b.circuitState];
    // Redis comes back empty: both rejoin its (closed) shared state, and share again.
    await redis.resume();
    await until(() => fleet.links.every((l) => l.available), 10_000);
    await until(() => a.circuitState === 'closed');
    await a.execute(failing).catch(() => undefined);
    await b.execute(failing).catch(() => undefined);
    await until(() => a.circuitState === 'open' && b.circuitState === 'open');

    // Assert
    expect(upBefore).toBe(true);
    expect(served).toEqual(['a', 'b']);
    expect(localStates).toEqual(['open', 'closed']);
    expect(fleet.links[0].status).toEqual({ available: true });
  });

  it('a rate limit survives the outage: local state goes on from the shared window; rejoining shares use', async () => {
    // Arrange
    const fleet = await replicas(
      1,
      { rateLimit: { limit: 10, windowMs: 30_000, maxWaitMs: 0 }, breaker: false },
      { url: redis.url },
    );
    close = fleet.close;
    const [pipeline] = fleet.pipelines;
    const started = jest.fn(() => Promise.resolve('ok'));
    const burst = (n: number) =>
      Promise.all(Array.from({ length: n }, () => pipeline.execute(started).catch((e: unknown) => e)));

    // Act: 6 through the shared window; Redis goes away (its window with it); 10 more; Redis is back, empty.
    await burst(6);
    await redis.stop();
    await until(() => !fleet.links[0].available);
    await burst(10);
    const duringOutage = started.mock.calls.length;
    await redis.resume();
    await until(() => fleet.links[0].available, 10_000);
    await new Promise((r) => setTimeout(r, 100));
    await burst(10);

    // Assert: 6 shared + 4 local = the limit; the 4 were added to the new shared window on rejoining,
    // so only the 6 lost with the old server's memory could be spent again.
    expect(duringOutage).toBe(10);
    expect(started).toHaveBeenCalledTimes(16);
  });

  it('counts a slow Redis as unavailable: a call never waits on it beyond the command timeout', async () => {
    // Arrange: a rate-limited policy asks Redis on every attempt.
    const fleet = await replicas(
      1,
      { rateLimit: { limit: 100, windowMs: 1_000, maxWaitMs: 0 }, breaker: false },
      { url: redis.url, commandTimeoutMs: 50 },
    );
    close = fleet.close;
    const [pipeline] = fleet.pipelines;
    const admin = new FleetLink({ url: redis.url, service: 'admin', namespace: 'x', commandTimeoutMs: 5_000 });
    await admin.start();

    // Act: Redis stalls for 1 s (DEBUG SLEEP blocks the server); the call still answers, locally.
    const sleeping = (admin as unknown as { redis: { call(...a: string[]): Promise<unknown> } }).redis.call(
      'DEBUG',
      'SLEEP',
      '1',
    );
    await new Promise((r) => setTimeout(r, 20));
    const answer = await pipeline.execute(() => Promise.resolve('served'));
    const availableDuringStall = fleet.links[0].available;
    await sleeping;
    await admin.close();

    // Assert
    expect(answer).toBe('served');
    expect(availableDuringStall).toBe(false);
  });
});
