import { signTestToken } from '@keel/platform/testing';
import { callJson as call } from '@keel/platform/testing';
import { sandboxControl } from '@keel/sandbox';
import { startDownloadTestBed } from './download-test.setup';
import type { DownloadTestBed } from './download-test.setup';

/** Every request has a deadline, which bounds every library call made for it and its retries. */
describe('download: request deadlines (e2e)', () => {
  let bed: DownloadTestBed | undefined;
  let token: string;
  const start = (headers: Record<string, string> = {}, signal?: AbortSignal) =>
    call(bed!.service.url, 'POST', '/api/v1/downloads', { token, body: { gameId: 'g1' }, headers, signal });

  beforeAll(async () => {
    token = await signTestToken({ sub: 'u1' });
  });
  afterEach(async () => {
    await bed?.close();
    bed = undefined;
  });

  it('a library slower than the request deadline costs the caller the deadline: 504, and the call is cut', async () => {
    // Arrange: each attempt may take 10 s, the request only 1 s; the library answers after 3 s.
    bed = await startDownloadTestBed({ REQUEST_DEADLINE: '1s', LIBRARY_SERVICE_TIMEOUT: '10s' });
    await bed.inject({ mode: 'slow', latencyMs: 3_000 });

    // Act
    const answer = await start();
    const stats = await sandboxControl(bed.library.url).stats();

    // Assert
    expect(answer.status).toBe(504);
    expect(answer.body).toMatchObject({ status: 504, downstream: 'library' });
    expect(answer.body.detail).toContain('1000 ms');
    expect(stats.aborted).toBeGreaterThanOrEqual(1);
  });

  it('takes the smaller of its own deadline and the one a Keel caller propagates in keel-deadline-ms', async () => {
    // Arrange: the service would wait 10 s; its caller has 300 ms left.
    bed = await startDownloadTestBed({ REQUEST_DEADLINE: '10s', LIBRARY_SERVICE_TIMEOUT: '10s' });
    await bed.inject({ mode: 'slow', latencyMs: 2_000 });

    // Act
    const propagated = await start({ 'keel-deadline-ms': '300' });
    const larger = await call(bed.service.url, 'GET', '/api/v1/downloads', {
      token,
      headers: { 'keel-deadline-ms': '999999' },
    });
    const malformed = await call(bed.service.url, 'GET', '/api/v1/downloads', {
      token,
      headers: { 'keel-deadline-ms': '0x10' },
    });

    // Assert
    expect(propagated.status).toBe(504);
    expect(propagated.body.detail).toContain('300 ms');
    expect(larger.status).toBe(200);
    expect(malformed.status).toBe(200);
  });

  it('a client that hangs up cancels the library calls made for it', async () => {
    // Arrange
    bed = await startDownloadTestBed({ REQUEST_DEADLINE: '30s', LIBRARY_SERVICE_TIMEOUT: '30s' });
    await bed.inject({ mode: 'slow', latencyMs: 20_000 });
    const library = sandboxControl(bed.library.url);
    const client = new AbortController();

    // Act: the caller gives up after 300 ms.
    const pending = start({}, client.signal).catch((error: Error) => error.name);
    await new Promise((resolve) => setTimeout(resolve, 300));
    client.abort();
    await pending;
    let aborted = 0;
    for (let i = 0; i < 50 && aborted < 2; i++) {
      aborted = (await library.stats()).aborted;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    // Assert: both calls of the request (ownership and the game's size) were cut, long before 20 s.
    expect(aborted).toBe(2);
  });

  it('blackholed library (TCP accepts, no answer): 504 by the deadline; once back, first probe closes it', async () => {
    // Arrange
    bed = await startDownloadTestBed(
      {
        REQUEST_DEADLINE: '1s',
        LIBRARY_SERVICE_TIMEOUT: '10s',
        LIBRARY_SERVICE_MAX_RETRIES: '2',
        LIBRARY_SERVICE_CIRCUIT_BREAKER_TIMEOUT: '2s',
      },
      { tcpFault: true },
    );
    const tcp = bed.tcp!;
    tcp.blackhole = true;

    // Act: requests fail at their deadline until the circuit opens; the outage lasts a little longer.
    const during = [];
    for (let i = 0; i < 4; i++) during.push(await start());
    await new Promise((resolve) => setTimeout(resolve, 500));
    tcp.blackhole = false;
    const healedAt = performance.now();
    let recoveredAfterMs = -1;
    const statuses: number[] = [];
    while (recoveredAfterMs < 0 && performance.now() - healedAt < 15_000) {
      const answer = await start();
      statuses.push(answer.status);
      if (answer.status === 201) recoveredAfterMs = performance.now() - healedAt;
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const metrics = await (await fetch(`${bed.service.url}/metrics`)).text();
    console.info(
      `[deadlines e2e] blackholed: ${during.map((a) => a.status).join(', ')}; ` +
        `recovered ${recoveredAfterMs.toFixed(0)} ms after the route came back (half-open delay 2000 ms)`,
    );

    // Assert
    expect(during[0].status).toBe(504);
    expect(during.every((a) => a.status === 504 || a.status === 503)).toBe(true);
    expect(recoveredAfterMs).toBeGreaterThan(0);
    // After the route came back: refusals while open, then the first probe's 201 — no 504 from a
    // probe riding a socket opened during the outage.
    expect(statuses.filter((s) => s === 504)).toEqual([]);
    expect(metrics).toMatch(/downstream_circuit_breaker_state\{downstream="library"\} 0/);
  }, 60_000);
});
