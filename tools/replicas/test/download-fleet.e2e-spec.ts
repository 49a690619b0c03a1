import { PrivateRedis } from '@keel/resilience/testing';
import { sandboxControl } from '@keel/sandbox';
import type { SandboxControl } from '@keel/sandbox';
import { buildServices, eventually, http, replicasBedAvailable, sleep } from './replicas-e2e.setup';

const { startReplicaBed, mintToken } = require('../bed');

const HALF_OPEN_MS = 3_000;
const describeBed = replicasBedAvailable() ? describe : describe.skip;

/**
 * Three download replicas behind HAProxy share one circuit and one set of admin controls through
 * Redis, and keep serving when Redis goes away. Every call is real HTTP: to HAProxy, to a replica,
 * to the library emulator; Postgres and Redis are real servers.
 */
describeBed('download: three replicas behind HAProxy, one circuit (e2e) [real peer: haproxy]', () => {
  let redis: PrivateRedis;
  let bed: any;
  let library: SandboxControl;
  let lb: string;
  let replicas: string[];
  const token = mintToken('u1');
  const admin = mintToken('ops', ['admin']);
  const startDownload = (base: string) =>
    http(`${base}/api/v1/downloads`, { method: 'POST', token, json: { gameId: 'g1' } });
  const circuitOn = async (base: string) =>
    (await http(`${base}/api/v1/admin/circuits`, { token: admin })).body.find(
      (c: { name: string }) => c.name === 'library',
    )?.state;
  const everyReplica = async (state: string) => (await Promise.all(replicas.map(circuitOn))).every((s) => s === state);

  beforeAll(async () => {
    buildServices();
    redis = await PrivateRedis.start();
    bed = await startReplicaBed({
      services: ['download'],
      databaseUrl: process.env['DATABASE_URL'],
      redisUrl: redis.url,
      env: {
        // No retries: every failing attempt the library sees is a first try, so they can be counted.
        LIBRARY_SERVICE_MAX_RETRIES: '0',
        LIBRARY_SERVICE_TIMEOUT: '2s',
        LIBRARY_SERVICE_CIRCUIT_BREAKER_TIMEOUT: `${HALF_OPEN_MS / 1000}s`,
      },
    });
    library = sandboxControl(bed.sandbox.library);
    lb = bed.services.download.url;
    replicas = bed.services.download.replicas.map((r: { url: string }) => r.url);
  }, 300_000);

  afterAll(async () => {
    await bed?.stop();
    await redis?.stop();
  });

  afterEach(async () => {
    await library.heal();
    await http(`${replicas[0]}/api/v1/admin/circuits/library/reset`, { method: 'POST', token: admin });
    await eventually(() => everyReplica('closed'), 5_000, 'every circuit closed after the test');
  });

  it('library down: ≤ 5 failing attempts reach it before all replicas refuse fast; 1 probe, all recover', async () => {
    // Arrange
    await library.inject({ mode: 'error', status: 503 });
    await library.resetStats();

    // Act: requests through HAProxy, one after another, until a replica answers with an open circuit.
    const before: number[] = [];
    for (let i = 0; i < 10; i++) {
      const answer = await startDownload(lb);
      before.push(answer.status);
      if (String(answer.body?.detail).includes('circuit')) break;
    }
    const failingAttempts = (await library.stats()).requests;
    await eventually(() => everyReplica('open'), 1_000, 'every replica sees the circuit open within 1 s');
    const refused = [];
    for (let round = 0; round < 5; round++)
      refused.push(...(await Promise.all(replicas.map((url) => startDownload(url)))));
    const afterRefusals = (await library.stats()).requests;

    // The library heals; after the half-open delay one replica probes (slowly, so that the others
    // try while it is in flight) and its answer closes the circuit everywhere.
    await library.inject({ mode: 'slow', latencyMs: 600 });
    await sleep(HALF_OPEN_MS + 300);
    await library.resetStats();
    const halfOpen = await Promise.all(replicas.map((url) => startDownload(url)));
    const duringHalfOpen = await library.stats<{ byPath: Record<string, number> }>();
    await library.heal();
    await eventually(() => everyReplica('closed'), 2_000, 'every replica closed after the probe');
    const recovered = await Promise.all(replicas.map((url) => startDownload(url)));

    // Assert
    expect(before.every((s) => s === 503)).toBe(true);
    // 5 failures open it; the request that made the fifth also had its sibling call in flight.
    expect(failingAttempts).toBeLessThanOrEqual(6);
    for (const answer of refused) {
      expect(answer.status).toBe(503);
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
    expect(afterRefusals).toBe(failingAttempts);
    const ms = refused.map((a) => a.ms).sort((a, b) => a - b);
    console.info(
      `[replicas e2e] ${refused.length} open-circuit refusals: median ` +
        `${ms[ms.length >> 1].toFixed(1)} ms, max ${ms[ms.length - 1].toFixed(1)} ms; ` +
        `failing attempts that reached the library: ${failingAttempts}`,
    );
    // One probe: its request's ownership check. Its sibling call (the game's size) waited for the
    // probe's answer on the same replica, and the other two replicas were refused meanwhile.
    expect(duringHalfOpen.byPath['/api/v1/users/u1/games/g1/ownership']).toBe(1);
    expect(halfOpen.map((a) => a.status).sort()).toEqual([201, 503, 503]);
    expect(recovered.map((a) => a.status)).toEqual([201, 201, 201]);
  });

  it('isolating the circuit via one replica isolates it on all 3; a reset via another closes them all', async () => {
    // Act
    const isolated = await http(`${replicas[0]}/api/v1/admin/circuits/library/isolate`, {
      method: 'POST',
      token: admin,
    });
    await eventually(() => everyReplica('isolated'), 1_000, 'every replica isolated');
    await library.resetStats();
    const refused = await Promise.all([lb, lb, lb, ...replicas].map((url) => startDownload(url)));
    const reached = (await library.stats()).requests;
    await http(`${replicas[2]}/api/v1/admin/circuits/library/reset`, { method: 'POST', token: admin });
    await eventually(() => everyReplica('closed'), 1_000, 'every replica closed');
    const served = await startDownload(lb);

    // Assert
    expect(isolated.status).toBe(200);
    expect(refused.every((a) => a.status === 503)).toBe(true);
    expect(reached).toBe(0);
    expect(served.status).toBe(201);
  });

  it('Redis stopped mid-traffic: no 5xx, /api/health says degraded, shared state resumes once it is back', async () => {
    // Arrange: steady traffic through HAProxy for the whole test.
    const statuses: number[] = [];
    let running = true;
    const traffic = (async () => {
      while (running) {
        statuses.push((await startDownload(lb)).status);
        await sleep(20);
      }
    })();

    // Act
    await sleep(300);
    await redis.stop();
    await eventually(
      async () =>
        (await Promise.all(replicas.map((url) => http(`${url}/api/health`)))).every(
          (h) => h.body.details?.redis?.state === 'degraded',
        ),
      5_000,
      'degraded everywhere',
    );
    const degraded = await Promise.all(replicas.map((url) => http(`${url}/api/health`)));
    const ready = await Promise.all(replicas.map((url) => http(`${url}/api/health/ready`)));
    await sleep(500);
    await redis.resume();
    await eventually(
      async () =>
        (await Promise.all(replicas.map((url) => http(`${url}/api/health`)))).every(
          (h) => h.body.details?.redis?.state === 'healthy',
        ),
      10_000,
      'healthy again everywhere',
    );
    // The traffic stops before the isolation, whose refusals are 503s by design.
    running = false;
    await traffic;
    await http(`${replicas[1]}/api/v1/admin/circuits/library/isolate`, { method: 'POST', token: admin });
    const sharedAgain = await eventually(
      () => everyReplica('isolated'),
      1_000,
      'an isolation reaches every replica again',
    ).then(() => true);
    await http(`${replicas[0]}/api/v1/admin/circuits/library/reset`, { method: 'POST', token: admin });

    // Assert
    expect(statuses.length).toBeGreaterThan(10);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    for (const h of degraded)
      expect(h.body.details.redis).toMatchObject({ status: 'up', state: 'degraded', sharedState: 'local' });
    expect(ready.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(sharedAgain).toBe(true);
  });
});
