import { CanceledError } from 'axios';
import { traceparentOfSpan } from '@keel/context';
import type { ResiliencePipeline } from '@keel/resilience';
import type { Instance } from '../balancing/instance';
import type { InstanceSet } from '../balancing/instance-set';
import { failOnStatus } from './answers';
import { endAttemptSpan, endFailedAttemptSpan, startAttemptSpan, verdictOf } from './attempt-span';
import type { SignalLike } from './attempt-span';
import { HedgeLostError } from './hedged-attempt';
import type { HttpAnswer, HttpCall, HttpClientOptions, HttpMethod } from './http-call.types';
import { propagatedHeaders } from './propagated-headers';
import { encodeBody, pathUnder } from './request-encoding';
import type { UndiciAdapter } from './undici-adapter';

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
        if (span) endFailedAttemptSpan(span, error, signal);
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
