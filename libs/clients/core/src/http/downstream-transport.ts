import { CanceledError } from 'axios';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Span } from '@opentelemetry/api';
import { DEADLINE_HEADER, RequestContext, Tracing, traceparentOfSpan } from '@keel/context';
import { AttemptTimeoutError } from '@keel/resilience';
import type { ResiliencePipeline } from '@keel/resilience';
import type { Instance } from '../balancing/instance';
import type { AttemptVerdict, InstanceSet } from '../balancing/instance-set';
import { RetryableStatusError, failOnStatus } from './answers';
import { HedgeLostError } from './hedged-attempt';
import type { HttpAnswer, HttpCall, HttpClientOptions, HttpMethod } from './http-call.types';
import { encodeBody, pathUnder } from './request-encoding';
import type { UndiciAdapter } from './undici-adapter';

export type SignalLike = { aborted: boolean; reason?: unknown } | undefined;

/**
 * One attempt of a call on one instance, from request to answer: the headers it carries, its span,
 * what it says about the instance, and the bytes through the instance's undici pool (the adapter
 * owns the pools). A 5xx or 429 leaves as a RetryableStatusError for the pipeline (`answers.ts`
 * decides that); every other answer is returned.
 */
export class DownstreamTransport {
  constructor(
    private readonly name: string,
    private readonly instances: InstanceSet,
    private readonly pipeline: ResiliencePipeline,
    private readonly adapter: UndiciAdapter,
    private readonly options: HttpClientOptions,
  ) {}

  /**
   * One attempt on `instance`, counted in its outstanding requests and toward its ejection, and a
   * client span of its own when tracing is on.
   */
  attempt(
    instance: Instance,
    call: HttpCall,
    method: HttpMethod,
    signal: SignalLike,
    attempt = 0,
  ): Promise<HttpAnswer> {
    const instances = this.instances;
    const startedAt = instances.begin(instance);
    const span = startAttemptSpan({
      downstream: this.name,
      operation: call.operation,
      method,
      instance: instance.url,
      attempt,
      breaker: this.pipeline.circuitState,
    });
    return this.request(instance.url, call, method, signal, span ? traceparentOfSpan(span) : undefined).then(
      (answer) => {
        instances.end(instance, 'success', startedAt);
        if (span) endAttemptSpan(span, answer.status < 400 ? 'success' : 'client_error', answer.status);
        return answer;
      },
      (error: unknown) => {
        if (signal?.aborted && signal.reason instanceof HedgeLostError) instances.abandon(instance, startedAt);
        else instances.end(instance, verdictOf(error, signal), startedAt);
        if (span)
          endAttemptSpan(
            span,
            spanOutcomeOf(error, signal),
            error instanceof RetryableStatusError ? error.status : undefined,
          );
        throw error;
      },
    );
  }

  private async request(
    baseURL: string,
    call: HttpCall,
    method: HttpMethod,
    signal: unknown,
    traceparent: string | undefined,
  ): Promise<HttpAnswer> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...propagatedHeaders(this.options.forwardAuth ?? false, this.options.propagateDeadline),
      ...call.headers,
    };
    // The attempt's own span is the downstream's parent (the inbound traceparent otherwise).
    if (traceparent) headers['traceparent'] = traceparent;
    if (call.idempotencyKey !== undefined) headers['idempotency-key'] = call.idempotencyKey;
    const binary = call.responseType === 'buffer';
    const response = await this.send(baseURL, call, method, headers, signal as AbortSignal | undefined, binary);
    return failOnStatus({
      status: response.status,
      headers: response.headers,
      text: binary ? response.data.toString('utf8') : (response.data as string),
      ...(binary ? { bytes: response.data as Buffer } : {}),
    });
  }

  /**
   * The call straight to the instance's undici pool, not through axios: axios' request pipeline
   * (config merge, header normalisation) cost about 7 % of a request's CPU in bench (c), for nothing
   * a call needs. Bodies are encoded as axios would (`request-encoding.ts`). An aborted signal ends
   * it with axios' CanceledError, as through axios.
   */
  private async send(
    baseURL: string,
    call: HttpCall,
    method: HttpMethod,
    headers: Record<string, string>,
    signal: AbortSignal | undefined,
    binary: boolean,
  ): Promise<{ status: number; headers: HttpAnswer['headers']; data: string | Buffer }> {
    if (signal?.aborted) throw new CanceledError();
    try {
      const { pool, prefix } = this.adapter.target(baseURL);
      const encoded = encodeBody(call.body, headers);
      const response = await pool.request({
        method,
        path: pathUnder(prefix, call.path, call.query),
        headers,
        body: encoded instanceof Promise ? await encoded : encoded,
        signal,
      });
      const data = binary ? Buffer.from(await response.body.arrayBuffer()) : await response.body.text();
      if (signal?.aborted) throw new CanceledError();
      return { status: response.statusCode, headers: response.headers, data };
    } catch (error) {
      if (signal?.aborted && !(error instanceof CanceledError)) throw new CanceledError();
      throw error;
    }
  }
}

/**
 * Headers every outbound call carries from the inbound request: `x-request-id` and `traceparent`
 * always; the caller's bearer token only when the client declares that its downstream expects the
 * end user's own token (`forwardAuth`), so a token never leaks to a service that did not ask for it;
 * what is left of the request's deadline only to a downstream that is ours (`propagateDeadline`).
 */
export function propagatedHeaders(forwardAuth: boolean, propagateDeadline = false): Record<string, string> {
  const context = RequestContext.current();
  if (!context) return {};
  const headers: Record<string, string> = { 'x-request-id': context.requestId };
  if (context.traceparent) headers['traceparent'] = context.traceparent;
  if (forwardAuth && context.token) headers['authorization'] = `Bearer ${context.token}`;
  if (propagateDeadline && context.deadline) headers[DEADLINE_HEADER] = String(context.deadline.remainingMs());
  return headers;
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
function verdictOf(error: unknown, signal: SignalLike): AttemptVerdict {
  if (error instanceof RetryableStatusError) return error.status >= 500 ? 'failure' : 'neutral';
  if (error instanceof AttemptTimeoutError) return 'failure';
  if (signal?.aborted) return signal.reason instanceof AttemptTimeoutError ? 'failure' : 'neutral';
  return 'failure';
}

interface AttemptSpanFields {
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
function startAttemptSpan(fields: AttemptSpanFields): Span | undefined {
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
function endAttemptSpan(span: Span, outcome: string, status?: number): void {
  if (status !== undefined) span.setAttribute('http.response.status_code', status);
  span.setAttribute('keel.outcome', outcome);
  if (outcome !== 'success' && outcome !== 'client_error')
    span.setStatus({ code: SpanStatusCode.ERROR, message: outcome });
  span.end();
}
