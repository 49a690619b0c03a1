import { ROOT_CONTEXT, SpanKind, SpanStatusCode, propagation, trace } from '@opentelemetry/api';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A server span per request when the process has an OpenTelemetry tracer provider registered (a
 * test that collects traces, or a service with tracing on that runs an emulator in-process), child
 * of the caller's `traceparent`: the emulator then shows in the caller's trace as a real downstream
 * would. Without a provider the API's tracer is a no-op.
 */
export function traceRequest(emulator: string, path: string, req: IncomingMessage, res: ServerResponse): void {
  const parent = propagation.extract(ROOT_CONTEXT, req.headers);
  if (!trace.getSpanContext(parent)) return;
  const span = trace.getTracer('keel-sandbox').startSpan(
    `${emulator} ${req.method ?? 'GET'} ${path}`,
    {
      kind: SpanKind.SERVER,
      attributes: { 'http.request.method': req.method ?? 'GET', 'url.path': path, 'keel.emulator': emulator },
    },
    parent,
  );
  if (!span.isRecording()) return;
  res.once('close', () => {
    span.setAttribute('http.response.status_code', res.statusCode);
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
}
