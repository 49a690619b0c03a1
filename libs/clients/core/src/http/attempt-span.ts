import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Span } from '@opentelemetry/api';
import { RequestContext, Tracing } from '@keel/context';

export interface AttemptSpanFields {
  downstream: string;
  operation: string;
  method: string;
  instance: string;
  /** 0 for the first try, 1 for the first retry… */
  attempt: number;
  breaker: string;
}

/**
 * A client span per attempt, child of the inbound request's span, so retries and hedges show as
 * siblings. Undefined while tracing is off: the attempt then costs one property read here.
 */
export function startAttemptSpan(fields: AttemptSpanFields): Span | undefined {
  const tracer = Tracing.tracer;
  if (!tracer) return undefined;
  const parent = RequestContext.current()?.span;
  return tracer.startSpan(
    `${fields.downstream} ${fields.operation}`,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        'http.request.method': fields.method,
        'server.address': fields.instance,
        'keel.downstream': fields.downstream,
        'keel.operation': fields.operation,
        'keel.attempt': fields.attempt,
        'keel.breaker.state': fields.breaker,
      },
    },
    parent ? trace.setSpan(ROOT_CONTEXT, parent) : ROOT_CONTEXT,
  );
}

/** Ends an attempt's span with its HTTP status (if any answer came) and how it went. */
export function endAttemptSpan(span: Span, outcome: string, status?: number): void {
  if (status !== undefined) span.setAttribute('http.response.status_code', status);
  span.setAttribute('keel.outcome', outcome);
  if (outcome !== 'success' && outcome !== 'client_error')
    span.setStatus({ code: SpanStatusCode.ERROR, message: outcome });
  span.end();
}
