import axios from 'axios';
import type { AxiosInstance } from 'axios';
import { RequestContext } from '@keel/context';
import type { CircuitStateListener, CircuitStateName, ResiliencePipeline } from '@keel/resilience';
import { balancerOf } from '../balancing/balancer';
import { BalancingMetrics } from '../balancing/balancing-metrics';
import { DnsDiscovery, systemResolver } from '../balancing/dns-discovery';
import type { DnsStatus } from '../balancing/dns-discovery';
import type { Instance, InstanceSnapshot } from '../balancing/instance';
import { InstanceSet } from '../balancing/instance-set';
import { CallStats } from '../health/call-stats';
import type { ServiceConfig } from '../registry/service.config';
import { DownstreamTransport } from './downstream-transport';
import type { SignalLike } from './attempt-span';
import { HedgeDelay, hedgedAttempt } from './hedged-attempt';
import type { HttpAnswer, HttpCall, HttpClientOptions, HttpMethod } from './http-call.types';
import { DownstreamErrorMapper } from './downstream-failures';
import { readAnswer, wantsBytes } from './answers';
import type { Answered, Answers } from './answers';
import type { UndiciAdapter } from './undici-adapter';

export type { HttpMethod, HttpCall, HttpAnswer, HttpClientOptions, AnsweredCall } from './http-call.types';
import type { AnsweredCall } from './http-call.types';

const IDEMPOTENT = new Set<HttpMethod>(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
const identity = (data: unknown) => data;

/** The call's own signal and the request's deadline, whichever ends first; undefined outside a request. */
function deadlineOf(own: AbortSignal | undefined): AbortSignal | undefined {
  const request = RequestContext.current()?.deadline?.signal;
  if (!request) return own;
  return own ? AbortSignal.any([own, request]) : request;
}

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
  private readonly attempts: DownstreamTransport;
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
    this.attempts = new DownstreamTransport(config.name, this.instances, pipeline, transport, options);
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
          return hedge
            ? this.hedged(instance, call, method, attempt.signal, attempt.attempt)
            : this.attempts.attempt(instance, call, method, attempt.signal, attempt.attempt);
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

  /**
   * Asks the downstream's health path directly, outside the pipeline: a probe must neither trip the
   * breaker nor be refused by it, or the health view would only echo the breaker.
   */
  async probe(timeoutMs = 2000): Promise<{ ok: boolean; status?: number; error?: string }> {
    try {
      const response = await this.transport.send(this.instances.pick().url, {
        method: 'GET',
        url: this.options.healthPath ?? '/health',
        headers: {},
        signal: AbortSignal.timeout(timeoutMs),
      });
      return { ok: response.status < 400, status: response.status };
    } catch (error) {
      return { ok: false, error: (error as { code?: string }).code ?? (error as Error).name };
    }
  }

  close(): Promise<void> {
    this.unsubscribe();
    this.untrack();
    this.discovery?.stop();
    return this.transport.close();
  }

  /**
   * A hedged attempt: the first leg on `first`; if it has not answered after the hedge delay and the
   * retry budget allows, a second leg on another instance (see `hedgedAttempt`).
   */
  private hedged(
    first: Instance,
    call: HttpCall,
    method: HttpMethod,
    signal: SignalLike,
    attempt: number,
  ): Promise<HttpAnswer> {
    const delayMs = this.hedgeDelay.ms();
    if (delayMs === undefined) return this.attempts.attempt(first, call, method, signal, attempt);
    return hedgedAttempt({
      parent: signal as AbortSignal | undefined,
      delayMs,
      leg: (legSignal, instance) => this.attempts.attempt(instance ?? first, call, method, legSignal, attempt),
      hedgeTarget: () => (this.pipeline.tryHedge(call.operation) ? this.instances.pick(first) : undefined),
      observe: (result) => this.metrics.hedge(this.name, result),
    });
  }
}
