import { signTestToken } from '@keel/platform/testing';
import { startDownloadTestBed } from './download-test.setup';
import type { DownloadTestBed } from './download-test.setup';
import { callJson as call } from '@keel/platform/testing';

/** The library service failing in each way it can, seen from the download service's callers. */
describe('download service when the library service fails (e2e)', () => {
  let bed: DownloadTestBed;
  let token: string;
  const start = () => call(bed.service.url, 'POST', '/api/v1/downloads', { token, body: { gameId: 'g1' } });

  beforeEach(async () => {
    bed = await startDownloadTestBed({ LIBRARY_SERVICE_MAX_RETRIES: '1' });
    token = await signTestToken({ sub: 'u1' });
  });

  afterEach(async () => {
    await bed?.close();
  });

  it('answers 503 problem+json with Retry-After when the library is down', async () => {
    await bed.inject({ mode: 'down' });

    const answer = await start();

    expect(answer.status).toBe(503);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(Number(answer.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(answer.body).toMatchObject({ status: 503, downstream: 'library' });
  });

  it('answers 504 when the library is slower than the timeout', async () => {
    await bed.inject({ mode: 'slow', latencyMs: 5000 });

    const answer = await start();

    expect(answer.status).toBe(504);
    expect(answer.body).toMatchObject({ status: 504, downstream: 'library' });
  });

  it('answers 502 when the library breaks its contract', async () => {
    await bed.inject({ mode: 'malformed' });

    const answer = await start();

    expect(answer.status).toBe(502);
    expect(answer.body.status).toBe(502);
  });

  it('opens the circuit, stops calling the library, shows it in /metrics, and recovers by itself', async () => {
    await bed.inject({ mode: 'error', status: 503 });
    for (let i = 0; i < 3; i++) await start();
    const reached = await bed.libraryRequests();

    const rejected = await start();
    const metrics = await (await fetch(`${bed.service.url}/metrics`)).text();
    const reachedAfter = await bed.libraryRequests();
    await bed.heal();
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const recovered = await start();

    expect(rejected.status).toBe(503);
    expect(Number(rejected.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(rejected.body.detail).toContain('circuit');
    expect(reachedAfter).toBe(reached);
    expect(metrics).toMatch(/downstream_circuit_breaker_state\{downstream="library"\} 2/);
    expect(metrics).toMatch(/downstream_rejections_total\{downstream="library",reason="circuit_open"\} [1-9]/);
    expect(metrics).toMatch(
      /downstream_requests_total\{downstream="library",operation="checkOwnership",outcome="server_error"\} [1-9]/,
    );
    expect(recovered.status).toBe(201);
  });

  it('keeps readiness up while the library is down, and reports it in the detailed health', async () => {
    await bed.inject({ mode: 'down' });

    const ready = await call(bed.service.url, 'GET', '/api/health/ready');
    const detailed = await call(bed.service.url, 'GET', '/api/health');

    expect(ready.status).toBe(200);
    expect(detailed.status).toBe(503);
    expect(detailed.body.details.library).toMatchObject({ status: 'down', state: 'down' });
    expect(detailed.body.details.database.status).toBe('up');
  });
});
