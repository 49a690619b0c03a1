import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signTestToken, callJson as call } from '@keel/platform/testing';
import { sandboxControl, startLibraryEmulator } from '@keel/sandbox';
import type { RunningEmulator } from '@keel/sandbox';
import { startDownloadTestBed } from './download-test.setup';
import type { DownloadTestBed } from './download-test.setup';

interface CollectedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  service: string;
  attributes: Record<string, unknown>;
}

/** OTLP/JSON ids are hex, or base64 in some encoders: read both. */
const hex = (id: string | undefined) => (!id ? undefined : /^[\da-f]+$/.test(id) ? id : Buffer.from(id, 'base64').toString('hex'));

function attributesOf(list: { key: string; value: Record<string, unknown> }[] = []): Record<string, unknown> {
  return Object.fromEntries(list.map(({ key, value }) => [key, value.stringValue ?? (value.intValue !== undefined ? Number(value.intValue) : (value.boolValue ?? value.doubleValue))]));
}

/** A real OTLP/HTTP receiver (JSON), in-process: what a collector would get. */
async function startOtlpReceiver(): Promise<{ url: string; spans: CollectedSpan[]; close(): Promise<void> }> {
  const spans: CollectedSpan[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const body = JSON.parse(raw);
      for (const resourceSpans of body.resourceSpans ?? []) {
        const service = String(attributesOf(resourceSpans.resource?.attributes)['service.name']);
        for (const scope of resourceSpans.scopeSpans ?? [])
          for (const span of scope.spans ?? [])
            spans.push({ traceId: hex(span.traceId)!, spanId: hex(span.spanId)!, parentSpanId: hex(span.parentSpanId) || undefined, name: span.name, kind: span.kind, service, attributes: attributesOf(span.attributes) });
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/traces`, spans, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

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
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  let sick: RunningEmulator;
  let bed: DownloadTestBed;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    sick = await startLibraryEmulator({ port: 0 });
    await sandboxControl(sick.url).inject({ mode: 'error', status: 503 });
    bed = await startDownloadTestBed(
      { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: receiver.url, OTEL_BSP_SCHEDULE_DELAY: '50', LIBRARY_SERVICE_LB: 'round-robin' },
      { env: (library) => ({ LIBRARY_SERVICE_URLS: `${sick.url},${library}` }) },
    );
  });

  afterAll(async () => {
    await bed?.close();
    await sick?.close();
    await receiver?.close();
    delete process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  });

  const spansOf = async (traceId: string, count: number) => {
    for (let i = 0; i < 200 && receiver.spans.filter((s) => s.traceId === traceId).length < count; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    return receiver.spans.filter((s) => s.traceId === traceId);
  };

  it('continues the caller’s trace: the request span, a client span per attempt, and each emulator’s span', async () => {
    // Arrange
    const token = await signTestToken({ sub: 'u1' });

    // Act
    const answer = await call(bed.service.url, 'POST', '/api/v1/downloads', { token, body: { gameId: 'g1' }, headers: { traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01` } });
    const spans = await spansOf(CALLER_TRACE, 5);

    // Assert
    expect(answer.status).toBe(201);
    // The emulators run in this process, so their spans share the service's resource: tell them apart by their attribute.
    const server = spans.find((s) => s.kind === SERVER && !s.attributes['keel.emulator'])!;
    expect(server).toMatchObject({ parentSpanId: CALLER_SPAN, name: 'POST /api/v1/downloads', attributes: expect.objectContaining({ 'http.response.status_code': 201 }) });
    // Every library call of the request is a child of its span; the one that met the sick instance
    // first shows its failed attempt and its retry side by side.
    const attempts = spans.filter((s) => s.kind === CLIENT);
    expect(attempts.every((s) => s.parentSpanId === server.spanId)).toBe(true);
    const failed = attempts.find((s) => s.attributes['keel.outcome'] === 'server_error')!;
    const retry = attempts.find((s) => s.attributes['keel.operation'] === failed.attributes['keel.operation'] && s.attributes['keel.attempt'] === 1);
    expect(failed.attributes).toMatchObject({ 'keel.attempt': 0, 'http.response.status_code': 503, 'server.address': sick.url });
    expect(retry?.attributes).toMatchObject({ 'keel.outcome': 'success', 'http.response.status_code': 200 });
    expect(attempts.every((s) => s.attributes['keel.breaker.state'] === 'closed' && s.attributes['keel.downstream'] === 'library')).toBe(true);
    const emulators = spans.filter((s) => s.attributes['keel.emulator'] === 'library');
    expect(emulators.map((s) => s.parentSpanId).sort()).toEqual(attempts.map((s) => s.spanId).sort());
  });

  it('starts a trace when the caller sends none', async () => {
    // Arrange
    const token = await signTestToken({ sub: 'u1' });
    const before = new Set(receiver.spans.map((s) => s.traceId));

    // Act
    const answer = await call(bed.service.url, 'GET', '/api/v1/downloads?limit=1', { token });
    for (let i = 0; i < 200 && !receiver.spans.some((s) => !before.has(s.traceId) && s.kind === SERVER); i++) await new Promise((resolve) => setTimeout(resolve, 50));

    // Assert
    expect(answer.status).toBe(200);
    const root = receiver.spans.find((s) => !before.has(s.traceId) && s.kind === SERVER);
    expect(root).toBeDefined();
    expect(root!.parentSpanId).toBeUndefined();
    expect(root!.traceId).toMatch(/^[\da-f]{32}$/);
  });
});
