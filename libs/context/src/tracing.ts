import type { Span, SpanContext, Tracer } from '@opentelemetry/api';

/**
 * The tracer every Keel library starts its spans with, or undefined while tracing is off (the
 * default): then a span costs one property read, and `traceparent` passes through unchanged. The
 * platform sets it when `OTEL_*` asks for traces and clears it on shutdown.
 */
export const Tracing: { tracer: Tracer | undefined } = { tracer: undefined };

/** The W3C `traceparent` of a span, for the next hop. */
export function traceparentOfSpan(span: Span | SpanContext): string {
  const context = 'spanContext' in span ? span.spanContext() : span;
  return `00-${context.traceId}-${context.spanId}-${(context.traceFlags & 0xff).toString(16).padStart(2, '0')}`;
}
