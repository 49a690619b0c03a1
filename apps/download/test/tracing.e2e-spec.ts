import { signTestToken, callJson as call, startOtlpReceiver } from '@keel/platform/testing';
import type { OtlpReceiver } from '@keel/platform/testing';
import { sandboxControl, startLibraryEmulator } from '@keel/sandbox';
import type { RunningEmulator } from '@keel/sandbox';
import { startDownloadTestBed } from './download-test.setup';
import type { DownloadTestBed } from './download-test.setup';

const SERVER = 2;
const CLIENT = 3;
const CALLER_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN = '00f067aa0ba902b7';

/**
 * Tracing on through the standard OTEL_* variables, exported over OTLP to a receiver in the test:
 * the inbound request, one client span per attempt (the first on a library instance that answers 503,
 * the retry on a healthy one) and each emulator's span, all in the caller's trace.
 */
describe('download traces (e2e)', () => {
  let receiver: OtlpReceiver;
  let sick: RunningEmulator;
  let bed: DownloadTestBed;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    sick = await startLibraryEmulator({ port: 0 });
    await sandboxControl(sick.url).inject({ mode: 'error', status: 503 });
    bed = await startDownloadTestBed(
      {
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_BSP_SCHEDULE_DELAY: '50',
        LIBRARY_SERVICE_LB: 'round-robin',
      },
      { env: (library) => ({ LIBRARY_SERVICE_URLS: `${sick.url},${library}` }) },
    );
  });

  afterAll(async () => {
    await bed?.close();
    await sick?.close();
    await receiver?.close();
    delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
  });

  // The request's own span ends last, after every span it caused, so it is what to wait for; the
  // count alone can be met by the earlier spans while the request's span is still in the batch.
  const isRequestSpan = (s: { kind: number; attributes: Record<string, unknown> }) =>
    s.kind === SERVER && !s.attributes['keel.emulator'];
  const spansOf = async (traceId: string, count: number) =>
    (
      await receiver.waitFor((spans) => {
        const ours = spans.filter((s) => s.traceId === traceId);
        return ours.length >= count && ours.some(isRequestSpan);
      })
    ).filter((s) => s.traceId === traceId);

  it('continues the caller’s trace: request span, a client span per attempt, each emulator’s span', async () => {
    // Arrange
    const token = await signTestToken({ sub: 'u1' });

    // Act
    const answer = await call(bed.service.url, 'POST', '/api/v1/downloads', {
      token,
      body: { gameId: 'g1' },
      headers: { traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01` },
    });
    const spans = await spansOf(CALLER_TRACE, 5);

    // Assert
    expect(answer.status).toBe(201);
    // The emulators run in this process, so their spans share the service's resource: tell them apart by their
    // attribute.
    const server = spans.find((s) => s.kind === SERVER && !s.attributes['keel.emulator'])!;
    expect(server).toMatchObject({
      parentSpanId: CALLER_SPAN,
      name: 'POST /api/v1/downloads',
      attributes: expect.objectContaining({ 'http.response.status_code': 201 }),
    });
    // Every library call of the request is a child of its span; the one that met the sick instance
    // first shows its failed attempt and its retry side by side.
    const attempts = spans.filter((s) => s.kind === CLIENT);
    expect(attempts.every((s) => s.parentSpanId === server.spanId)).toBe(true);
    const failed = attempts.find((s) => s.attributes['keel.outcome'] === 'server_error')!;
    const retry = attempts.find(
      (s) =>
        s.attributes['keel.operation'] === failed.attributes['keel.operation'] && s.attributes['keel.attempt'] === 1,
    );
    expect(failed.attributes).toMatchObject({
      'keel.attempt': 0,
      'http.response.status_code': 503,
      'server.address': sick.url,
    });
    expect(retry?.attributes).toMatchObject({ 'keel.outcome': 'success', 'http.response.status_code': 200 });
    expect(
      attempts.every(
        (s) => s.attributes['keel.breaker.state'] === 'closed' && s.attributes['keel.downstream'] === 'library',
      ),
    ).toBe(true);
    const emulators = spans.filter((s) => s.attributes['keel.emulator'] === 'library');
    expect(emulators.map((s) => s.parentSpanId).sort()).toEqual(attempts.map((s) => s.spanId).sort());
  });

  it('starts a trace when the caller sends none', async () => {
    // Arrange
    const token = await signTestToken({ sub: 'u1' });
    const before = new Set(receiver.spans().map((s) => s.traceId));

    // Act
    const answer = await call(bed.service.url, 'GET', '/api/v1/downloads?limit=1', { token });
    const spans = await receiver.waitFor((all) => all.some((s) => !before.has(s.traceId) && s.kind === SERVER));

    // Assert
    expect(answer.status).toBe(200);
    const root = spans.find((s) => !before.has(s.traceId) && s.kind === SERVER);
    expect(root).toBeDefined();
    expect(root!.parentSpanId).toBeUndefined();
    expect(root!.traceId).toMatch(/^[\da-f]{32}$/);
  });
});
