import { ROOT_CONTEXT, SpanKind, SpanStatusCode, TraceFlags, trace } from '@opentelemetry/api';
import type { Span } from '@opentelemetry/api';
import { Tracing } from '@keel/context';

/**
 * The server span of an inbound request, child of the caller's `traceparent` when it sent one (the
 * trace continues) or the root of a new trace. Undefined while tracing is off.
 */
export function startRequestSpan(method: string, route: string, traceparent: string | undefined): Span | undefined {
  const tracer = Tracing.tracer;
  if (!tracer) return undefined;
  const parent = traceparent
    ? trace.setSpanContext(ROOT_CONTEXT, {
        traceId: traceparent.slice(3, 35),
        spanId: traceparent.slice(36, 52),
        traceFlags: parseInt(traceparent.slice(53, 55), 16) & TraceFlags.SAMPLED,
        isRemote: true,
      })
    : ROOT_CONTEXT;
  return tracer.startSpan(
    `${method} ${route}`,
    { kind: SpanKind.SERVER, attributes: { 'http.request.method': method, 'http.route': route } },
    parent,
  );
}

export function endRequestSpan(span: Span, status: number): void {
  span.setAttribute('http.response.status_code', status);
  // Server spans are errors only for 5xx (OpenTelemetry's HTTP conventions): a 4xx is the caller's.
  if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
  span.end();
}
