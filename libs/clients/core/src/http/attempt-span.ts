import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Span } from '@opentelemetry/api';
import { RequestContext, Tracing } from '@keel/context';
import { AttemptTimeoutError } from '@keel/resilience';
import type { AttemptVerdict } from '../balancing/instance-set';
import { RetryableStatusError } from './answers';

export type SignalLike = { aborted: boolean; reason?: unknown } | undefined;

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

/** Ends a failed attempt's span, with the status of a 5xx or 429 answer. */
export function endFailedAttemptSpan(span: Span, error: unknown, signal: SignalLike): void {
  endAttemptSpan(span, spanOutcomeOf(error, signal), error instanceof RetryableStatusError ? error.status : undefined);
}

/** How an attempt ended, for its span. */
function spanOutcomeOf(error: unknown, signal: SignalLike): string {
  if (error instanceof RetryableStatusError) return error.status === 429 ? 'rate_limited' : 'server_error';
  if (error instanceof AttemptTimeoutError || (signal?.aborted && signal.reason instanceof AttemptTimeoutError))
    return 'timeout';
  if (signal?.aborted) return 'cancelled';
  return 'network_error';
}

/** Whether an attempt's end says something about the instance: 5xx and connect failures do, aborts do not. */
export function verdictOf(error: unknown, signal: SignalLike): AttemptVerdict {
  if (error instanceof RetryableStatusError) return error.status >= 500 ? 'failure' : 'neutral';
  if (error instanceof AttemptTimeoutError) return 'failure';
  if (signal?.aborted) return signal.reason instanceof AttemptTimeoutError ? 'failure' : 'neutral';
  return 'failure';
}
