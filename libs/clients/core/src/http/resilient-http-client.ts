import axios from 'axios';
import type { AxiosInstance } from 'axios';
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
import { HedgeDelay, hedged } from './hedged-attempt';
import { probeHealth } from './health-probe';
import type { HttpAnswer, HttpCall, HttpClientOptions, HttpMethod } from './http-call.types';
import { deadlineOf } from './deadline-signal';
import { DownstreamErrorMapper } from './downstream-failures';
import { readAnswer, wantsBytes } from './answers';
import type { Answered, Answers } from './answers';
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
          if (!hedge) return this.attempts.attempt(instance, call, method, attempt.signal, attempt.attempt);
          const leg = (to: Instance, signal: SignalLike) =>
            this.attempts.attempt(to, call, method, signal, attempt.attempt);
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
}
