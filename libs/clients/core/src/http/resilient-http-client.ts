import axios, { CanceledError } from 'axios';
import type { AxiosInstance } from 'axios';
import { traceparentOfSpan } from '@keel/context';
import type { CircuitStateListener, CircuitStateName, ResiliencePipeline } from '@keel/resilience';
import { balancerOf } from '../balancing/balancer';
import { BalancingMetrics } from '../balancing/balancing-metrics';
import { DnsDiscovery, systemResolver } from '../balancing/dns-discovery';
import type { DnsStatus } from '../balancing/dns-discovery';
import type { Instance, InstanceSnapshot } from '../balancing/instance';
import { InstanceSet } from '../balancing/instance-set';
import { CallStats } from '../health/call-stats';
import type { ServiceConfig } from '../registry/service.config';
import { endAttemptSpan, endFailedAttemptSpan, startAttemptSpan, verdictOf } from './attempt-span';
import type { SignalLike } from './attempt-span';
import { HedgeDelay, HedgeLostError, hedged } from './hedged-attempt';
import { probeHealth } from './health-probe';
import type { HttpAnswer, HttpCall, HttpClientOptions, HttpMethod } from './http-call.types';
import { deadlineOf } from './deadline-signal';
import { DownstreamErrorMapper } from './downstream-failures';
import { failOnStatus, readAnswer, wantsBytes } from './answers';
import type { Answered, Answers } from './answers';
import { propagatedHeaders } from './propagated-headers';
import { encodeBody, pathUnder } from './request-encoding';
import type { UndiciAdapter } from './undici-adapter';

export type { HttpMethod, HttpCall, HttpAnswer, HttpClientOptions, AnsweredCall } from './http-call.types';
import type { AnsweredCall } from './http-call.types';

const IDEMPOTENT = new Set<HttpMethod>(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
const identity = (data: unknown) => data;

/** Encodes each value as one path segment: `encodePath\`/users/${id}\``. */
export function encodePath(strings: TemplateStringsArray, ...values: (string | number)[]): string {
  return strings.reduce(
    (path, part, i) => path + part + (i < values.length ? encodeURIComponent(String(values[i])) : ''),
    '',
  );
}

/**
 * The resilient base of every typed client: undici pools per downstream, with the downstream's named
 * policy pipeline around every call, and answers read as the client declares them (`answers.ts`).
 */
export class ResilientHttpClient {
  readonly stats = new CallStats();
  private readonly errors: DownstreamErrorMapper;
  private readonly instances: InstanceSet;
  private readonly metrics = new BalancingMetrics();
  private readonly discovery: DnsDiscovery | undefined;
  private readonly unsubscribe: () => void;
  private readonly untrack: () => void;
  private readonly hedgeDelay: HedgeDelay;
  /**
   * This downstream's own axios instance, on the same undici pools but outside the pipeline, for
   * code that wants axios' API (interceptors, raw requests). Created here, never shared: its
   * defaults are ours. Bodies come back as text (`answers.ts` parses them).
   */
  readonly axios: AxiosInstance;

  constructor(
    readonly config: ServiceConfig,
    private readonly pipeline: ResiliencePipeline,
    private readonly transport: UndiciAdapter,
    private readonly options: HttpClientOptions = {},
  ) {
    this.axios = axios.create({ adapter: transport.adapter, transformResponse: [identity] });
    this.errors = new DownstreamErrorMapper(config.name, pipeline, config.timeoutMs);
    const { balancing } = config;
    this.instances = new InstanceSet(config.urls, balancerOf(balancing.balancer), balancing.outlier, {
      ejected: (url) => this.metrics.ejected(config.name, url),
    });
    this.hedgeDelay = new HedgeDelay(balancing.hedgeDelay, () => this.instances.active());
    this.untrack = this.metrics.track(config.name, this.instances);
    if (balancing.dns) {
      this.discovery = new DnsDiscovery(balancing.dns, this.instances, systemResolver(balancing.dns.servers));
      void this.discovery.start();
    }
    // The circuit's probe must not ride a socket opened during the outage: start it on fresh ones.
    this.unsubscribe = pipeline.onCircuitStateChange((state) => {
      if (state === 'open') transport.retire();
    });
  }

  get name(): string {
    return this.config.name;
  }

  get circuitState(): CircuitStateName {
    return this.pipeline.circuitState;
  }

  /** Each instance's state (balancer, ejection, drain), for the detailed health view. */
  instanceStates(): InstanceSnapshot[] {
    return this.instances.snapshot();
  }

  /** Where DNS discovery stands, when the instances come from `<NAME>_SERVICE_DNS`. */
  get dnsStatus(): DnsStatus | undefined {
    return this.discovery?.status;
  }

  /** Resolves the instances again now (DNS discovery only); tests and operators use it. */
  async rediscover(): Promise<void> {
    await this.discovery?.refresh();
  }

  /** Calls `listener(state, previous)` whenever this downstream's circuit changes; returns the unsubscribe. */
  onCircuitStateChange(listener: CircuitStateListener): () => void {
    return this.pipeline.onCircuitStateChange(listener);
  }

  /** Sends `call` through the pipeline. Throws a DownstreamError for failures; returns 2xx–4xx answers. */
  async send(call: HttpCall): Promise<HttpAnswer> {
    const method = call.method ?? 'GET';
    const retryable = IDEMPOTENT.has(method) || call.idempotencyKey !== undefined;
    const started = performance.now();
    try {
      // Each retry goes to another instance than the attempt before it, when there is one.
      let previous: Instance | undefined;
      const hedge = call.hedge === true && retryable && this.instances.size > 1;
      const answer = await this.pipeline.execute(
        (attempt) => {
          const instance = this.instances.pick(previous);
          previous = instance;
          if (!hedge) return this.attempt(instance, call, method, attempt.signal, attempt.attempt);
          const leg = (to: Instance, signal: SignalLike) => this.attempt(to, call, method, signal, attempt.attempt);
          return hedged(instance, attempt.signal, this.hedgeDelay, leg, {
            hedgeTarget: () => (this.pipeline.tryHedge(call.operation) ? this.instances.pick(instance) : undefined),
            observe: (result) => this.metrics.hedge(this.name, result),
          });
        },
        { operation: call.operation, signal: deadlineOf(call.signal), retryable },
      );
      this.stats.record(true, performance.now() - started);
      return answer;
    } catch (error) {
      this.stats.record(false, performance.now() - started);
      throw this.errors.map(error);
    }
  }

  /**
   * Sends `call` and reads its answer as declared: `answers: { 200: OwnershipSchema, 404: null }`
   * gives `{ status: 200, body: Ownership } | { status: 404, body: undefined }`. Any other answer
   * is a typed error (see `readAnswer`).
   */
  async call<const A extends Answers>(call: AnsweredCall<A>): Promise<Answered<A>> {
    const { answers, ...rest } = call;
    const answer = await this.send(wantsBytes(answers) ? { ...rest, responseType: 'buffer' } : rest);
    return readAnswer(this.name, answer, answers);
  }

  /** The downstream's health, asked on one of its instances outside the pipeline (see `probeHealth`). */
  probe(timeoutMs = 2000): Promise<{ ok: boolean; status?: number; error?: string }> {
    return probeHealth(this.transport, this.instances, this.options.healthPath, timeoutMs);
  }

  close(): Promise<void> {
    this.unsubscribe();
    this.untrack();
    this.discovery?.stop();
    return this.transport.close();
  }

  /**
   * One attempt of a call on `instance`, counted in its outstanding requests and toward its ejection,
   * with a client span of its own when tracing is on. A 5xx or 429 leaves as a RetryableStatusError for
   * the pipeline (`answers.ts` decides that); every other answer is returned. It and the two methods
   * below stay in this class so that a call reaches the socket through one file of ours.
   */
  private attempt(
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
    const response = await this.sendOnPool(baseURL, call, method, headers, signal as AbortSignal | undefined, binary);
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
  private async sendOnPool(
    baseURL: string,
    call: HttpCall,
    method: HttpMethod,
    headers: Record<string, string>,
    signal: AbortSignal | undefined,
    binary: boolean,
  ): Promise<{ status: number; headers: HttpAnswer['headers']; data: string | Buffer }> {
    if (signal?.aborted) throw new CanceledError();
    try {
      const { pool, prefix } = this.transport.target(baseURL);
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
