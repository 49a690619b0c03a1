import { call } from '../test-fixtures/http-call';
import { DatabaseHealthIndicator, LibraryHealthIndicator } from '../test-fixtures/fake-health.indicators';
import { LifecycleProbe } from '../test-fixtures/lifecycle-probe.service';
import { TestAppModule } from '../test-fixtures/test-app.module';
import { ShutdownCoordinator } from '../shutdown/shutdown-coordinator.service';
import { signTestToken, startTestService } from '../testing';
import type { TestService } from '../testing';

process.env['LOG_LEVEL'] = 'silent';

describe('health, system status and circuit admin over HTTP', () => {
  let service: TestService;
  let database: DatabaseHealthIndicator;
  let library: LibraryHealthIndicator;

  beforeAll(async () => {
    service = await startTestService(TestAppModule);
    database = service.app.get(DatabaseHealthIndicator);
    library = service.app.get(LibraryHealthIndicator);
  });
  afterAll(() => service.close());
  afterEach(() => {
    database.healthy = true;
    library.healthy = true;
  });

  describe('/api/health/*', () => {
    it('live: 200 without checking anything', async () => {
      database.healthy = false;

      const res = await call(service.url, '/api/health/live');

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'ok' });
      expect(res.headers.get('cache-control')).toContain('no-store');
    });

    it('ready: 200 with the own dependencies up', async () => {
      const res = await call(service.url, '/api/health/ready');

      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        status: 'ok',
        info: { database: { status: 'up', migrations: 'applied' } },
        error: {},
        details: { database: { status: 'up', migrations: 'applied' } },
      });
    });

    it('ready: stays 200 while a downstream is down; the detailed view answers 503 with details', async () => {
      library.healthy = false;

      const ready = await call(service.url, '/api/health/ready');
      const detailed = await call(service.url, '/api/health');

      expect(ready.status).toBe(200);
      expect(detailed.status).toBe(503);
      expect(detailed.body).toEqual({
        status: 'error',
        info: { database: { status: 'up', migrations: 'applied' } },
        error: { library: { status: 'down', state: 'circuit-open' } },
        details: {
          database: { status: 'up', migrations: 'applied' },
          library: { status: 'down', state: 'circuit-open' },
        },
      });
    });

    it('ready: 503 when the database is down', async () => {
      database.healthy = false;

      const res = await call(service.url, '/api/health/ready');

      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({
        status: 'error',
        error: { database: { status: 'down', message: 'connection refused' } },
      });
    });

    it('ready: /metrics shows the last readiness answer and counts its changes', async () => {
      const scrape = async () => (await fetch(`${service.url}/metrics`)).text();
      const changes = (text: string) => Number(/^readiness_changes_total (\d+)$/m.exec(text)![1]);
      await call(service.url, '/api/health/ready');
      const before = await scrape();

      database.healthy = false;
      await call(service.url, '/api/health/ready');
      const down = await scrape();
      database.healthy = true;
      await call(service.url, '/api/health/ready');
      const up = await scrape();

      expect(before).toMatch(/^readiness_state 1$/m);
      expect(down).toMatch(/^readiness_state 0$/m);
      expect(up).toMatch(/^readiness_state 1$/m);
      expect(changes(up) - changes(before)).toBe(2);
    });

    it('detailed: /api/health/detailed answers exactly as /api/health, up and down', async () => {
      const upBase = await call(service.url, '/api/health');
      const upAlias = await call(service.url, '/api/health/detailed');
      library.healthy = false;
      const downBase = await call(service.url, '/api/health');
      const downAlias = await call(service.url, '/api/health/detailed');

      expect(upAlias.status).toBe(200);
      expect(upAlias.body).toEqual(upBase.body);
      expect(downAlias.status).toBe(503);
      expect(downAlias.body).toEqual(downBase.body);
      expect(downAlias.headers.get('cache-control')).toBe(downBase.headers.get('cache-control'));
    });

    it('detailed: 200 with every indicator when all are up', async () => {
      const res = await call(service.url, '/api/health');

      expect(res.status).toBe(200);
      expect(Object.keys(res.body.details)).toEqual(['database', 'library']);
    });
  });

  it('/api/system/status reports version, uptime, memory and circuits', async () => {
    const res = await call(service.url, '/api/system/status');

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      service: 'platform-fixture',
      version: '1.2.3',
      uptimeSeconds: expect.any(Number),
      memory: { rssBytes: expect.any(Number), heapUsedBytes: expect.any(Number) },
      circuits: expect.arrayContaining([
        { name: 'library', state: 'closed', hasCircuit: true },
        { name: 'plain', state: 'closed', hasCircuit: false },
      ]),
    });
    expect(res.body.memory.rssBytes).toBeGreaterThan(res.body.memory.heapUsedBytes);
  });

  describe('/api/v1/admin/circuits', () => {
    let admin: string;
    beforeAll(async () => {
      admin = await signTestToken({ sub: 'ops', roles: ['admin'] });
    });
    const circuits = (path = '', init: { method?: string; token?: string } = {}) =>
      call(service.url, `/api/v1/admin/circuits${path}`, { token: admin, ...init });

    it('needs a token (401) and the admin role (403)', async () => {
      const member = await signTestToken({ sub: 'u1', roles: ['member'] });

      expect((await circuits('', { token: '' })).status).toBe(401);
      expect((await circuits('', { token: member })).status).toBe(403);
      expect((await circuits('/library/isolate', { method: 'POST', token: member })).status).toBe(403);
    });

    it('lists the circuits', async () => {
      const res = await circuits();

      expect(res.status).toBe(200);
      expect(res.body).toEqual(expect.arrayContaining([{ name: 'library', state: 'closed', hasCircuit: true }]));
    });

    it('isolates a circuit, which the snapshot and system status show, then resets it', async () => {
      const isolated = await circuits('/library/isolate', { method: 'POST' });
      const status = await call(service.url, '/api/system/status');
      const reset = await circuits('/library/reset', { method: 'POST' });

      expect(isolated.status).toBe(200);
      expect(isolated.body).toEqual({ name: 'library', state: 'isolated', hasCircuit: true });
      expect(status.body.circuits).toContainEqual({ name: 'library', state: 'isolated', hasCircuit: true });
      expect(reset.status).toBe(200);
      expect(reset.body).toEqual({ name: 'library', state: 'closed', hasCircuit: true });
    });

    it('answers 404 problem+json for an unknown policy and 409 for one without a breaker', async () => {
      const unknown = await circuits('/nope/reset', { method: 'POST' });
      const plain = await circuits('/plain/isolate', { method: 'POST' });

      expect(unknown.status).toBe(404);
      expect(unknown.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
      expect(unknown.body).toMatchObject({
        status: 404,
        detail: 'no policy named nope',
        instance: '/api/v1/admin/circuits/nope/reset',
      });
      expect(plain.status).toBe(409);
    });
  });
});

describe('graceful shutdown over HTTP', () => {
  it('answers readiness 503 at once, keeps serving through the delay, and drains a slow request', async () => {
    const service = await startTestService(TestAppModule);
    const coordinator = service.app.get(ShutdownCoordinator);
    const probe = service.app.get(LifecycleProbe);
    const slow = call(service.url, '/api/v1/fixture/slow?ms=700');
    await new Promise((resolve) => setTimeout(resolve, 50));

    const stopped = coordinator.shutdown({ reason: 'SIGTERM', delayMs: 300 });
    const ready = await call(service.url, '/api/health/ready');
    const live = await call(service.url, '/api/health/live');
    const stillServing = await call(service.url, '/api/v1/fixture/public');

    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ status: 'error', error: { shutdown: { status: 'down' } } });
    expect(ready.headers.get('connection')).toBe('close');
    expect(live.status).toBe(200);
    expect(stillServing.status).toBe(200);

    // The delay (300 ms) ends while the slow request (700 ms) is still in flight: close() must drain it.
    const slowResult = await slow;
    await stopped;

    expect(slowResult.status).toBe(200);
    expect(slowResult.body).toEqual({ slept: 700, finishedAt: expect.any(Number) });
    // Clients and the database close only after the last request was answered.
    expect(probe.destroyedAt).toBeDefined();
    expect(probe.destroyedAt!).toBeGreaterThanOrEqual(slowResult.body.finishedAt);
    await expect(fetch(`${service.url}/api/health/live`)).rejects.toThrow();
    await service.close();
  });
});
