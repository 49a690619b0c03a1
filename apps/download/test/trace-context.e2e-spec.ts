import { callJson as call, captureProcessOutput, signTestToken } from '@keel/platform/testing';
import type { CapturedOutput } from '@keel/platform/testing';
import { sandboxControl } from '@keel/sandbox';
import { startDownloadTestBed } from './download-test.setup';
import type { DownloadTestBed } from './download-test.setup';

const TRACEPARENT = /^00-([\da-f]{32})-[\da-f]{16}-00$/;

/**
 * With tracing off (the default): every request still belongs to a W3C trace, the caller's,
 * forwarded unchanged to the library, or one the service starts. Every log line written for the
 * request carries its trace id. (With tracing on, see tracing.e2e-spec.ts.)
 */
describe('download service: trace context and trace ids in logs (e2e)', () => {
  let bed: DownloadTestBed;
  let output: CapturedOutput;
  let token: string;
  const start = (requestId: string, headers: Record<string, string> = {}) =>
    call(bed.service.url, 'POST', '/api/v1/downloads', {
      token,
      body: { gameId: 'g1' },
      headers: { 'x-request-id': requestId, ...headers },
    });
  const lastSeenByLibrary = async () => (await sandboxControl(bed.library.url).stats()).lastHeaders;
  /** The JSON log lines written for one request (pino-http binds its id as reqId, or req.id on the access line). */
  const linesOf = (requestId: string) =>
    output
      .text()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { reqId?: string; req?: { id?: string }; traceId?: string; msg?: string })
      .filter((line) => line.reqId === requestId || line.req?.id === requestId);

  beforeAll(async () => {
    output = captureProcessOutput();
    bed = await startDownloadTestBed({ LOG_LEVEL: 'debug', LIBRARY_SERVICE_MAX_RETRIES: '1' });
    token = await signTestToken({ sub: 'u1' });
  });

  afterAll(async () => {
    await bed?.close();
    output.restore();
  });

  it("forwards the caller's traceparent as is; logs its trace id on each request line, retries included", async () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    await bed.inject({ mode: 'error', status: 503 });

    const failed = await start('trace-in-1', { traceparent });
    const seen = await lastSeenByLibrary();
    await bed.heal();

    expect(failed.status).toBe(503);
    expect(seen.traceparent).toBe(traceparent);
    const lines = linesOf('trace-in-1');
    expect(lines.length).toBeGreaterThanOrEqual(2); // the retry's warning and the access line at least
    expect(lines.map((l) => l.traceId)).toEqual(lines.map(() => '4bf92f3577b34da6a3ce929d0e0e4736'));
  });

  it('starts a trace when none comes in (or an invalid one does), sends it downstream and logs its id', async () => {
    const none = await start('trace-new-1');
    const seenNone = await lastSeenByLibrary();
    const invalid = await start('trace-new-2', {
      traceparent: '00-00000000000000000000000000000000-00f067aa0ba902b7-01',
    });
    const seenInvalid = await lastSeenByLibrary();

    expect([none.status, invalid.status]).toEqual([201, 201]);
    const [, traceId] = TRACEPARENT.exec(seenNone.traceparent ?? '') ?? [];
    const [, otherTraceId] = TRACEPARENT.exec(seenInvalid.traceparent ?? '') ?? [];
    expect(traceId).toEqual(expect.any(String));
    expect(otherTraceId).toEqual(expect.any(String));
    expect(otherTraceId).not.toBe(traceId);
    const lines = linesOf('trace-new-1');
    expect(lines.length).toBeGreaterThanOrEqual(1);
    expect(lines.map((l) => l.traceId)).toEqual(lines.map(() => traceId));
    expect(linesOf('trace-new-2').map((l) => l.traceId)).toContain(otherTraceId);
  });
});
