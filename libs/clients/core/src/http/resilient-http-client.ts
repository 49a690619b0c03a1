import type { AxiosInstance } from 'axios';
import { RequestContext } from '@keel/context';
import { AttemptTimeoutError } from '@keel/resilience';
import type { CircuitStateListener, CircuitStateName, ResiliencePipeline } from '@keel/resilience';
import { balancerOf } from '../balancing/balancer';
import { BalancingMetrics } from '../balancing/balancing-metrics';
import { DnsDiscovery, systemResolver } from '../balancing/dns-discovery';
import type { DnsStatus } from '../balancing/dns-discovery';
import type { Instance, InstanceSnapshot } from '../balancing/instance';
import { InstanceSet } from '../balancing/instance-set';
import type { AttemptVerdict } from '../balancing/instance-set';
import { DownstreamContractError } from '../errors/contract.error';
import { DownstreamRejectedError } from '../errors/rejected.error';
import type { DownstreamProblem } from '../errors/rejected.error';
import { CallStats } from '../health/call-stats';
import type { ServiceConfig } from '../registry/service-config';
import { DownstreamErrorMapper } from './error-mapper';
import { propagatedHeaders } from './header-propagation';
import { RetryableStatusError, parseRetryAfter } from './status.error';
import type { UndiciAdapter } from './undici-adapter';

export type HttpMethod = 'GET' | 'HEAD' | 'OPTIONS' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpCall {
  /** Low-cardinality name for metrics and logs, e.g. `checkOwnership`. */
  operation: string;
  method?: HttpMethod;
  /** Path with its segments already encoded (use `encodePath`). */
  path: string;
  query?: Record<string, unknown>;
  /**
   * JSON-serialisable value, or a `URLSearchParams` (sent as a form) or `FormData` (sent as
   * multipart with its own boundary).
   */
  body?: unknown;
  headers?: Record<string, string>;
  /** Makes a POST/PATCH safe to retry; sent as `Idempotency-Key`. */
  idempotencyKey?: string;
  /**
   * A deadline of the call's own. The request's deadline (from the request context) applies anyway;
   * the call ends with whichever comes first.
   */
  signal?: AbortSignal;
  /** `buffer` keeps the body's bytes in `HttpAnswer.bytes` (e.g. a `.torrent` file); default text. */
  responseType?: 'text' | 'buffer';
  /**
   * For idempotent reads: when an attempt has not answered within `<NAME>_SERVICE_HEDGE_DELAY`,
   * send a second one to another instance and take the first answer. Hedges spend the retry budget.
   */
  hedge?: boolean;
}

/** An answer below 500 (other than 429): 2xx, 3xx and 4xx come back to the client to interpret. */
export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body decoded as UTF-8 (also set for `responseType: 'buffer'`). */
  text: string;
  /** The raw body, only for `responseType: 'buffer'`. */
  bytes?: Buffer;
}

export interface HttpClientOptions {
  /** Forward the end user's bearer token (the downstream applies its own access rules). */
  forwardAuth?: boolean;
  /** Liveness path of the downstream, probed by its health indicator. */
  healthPath?: string;
  /** The downstream is a Keel service: send it what is left of the request's deadline (`keel-deadline-ms`). */
  propagateDeadline?: boolean;
}

const IDEMPOTENT = new Set<HttpMethod>(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
const identity = (data: unknown) => data;
/** Below this, a p95-based hedge delay would hedge calls that are merely normal. */
const MIN_HEDGE_DELAY_MS = 5;

/** Whether an attempt's end says something about the instance: 5xx and connect failures do, aborts do not. */
function verdictOf(error: unknown, signal: { aborted: boolean; reason?: unknown } | undefined): AttemptVerdict {
  if (error instanceof RetryableStatusError) return error.status >= 500 ? 'failure' : 'neutral';
  if (error instanceof AttemptTimeoutError) return 'failure';
  if (signal?.aborted) return signal.reason instanceof AttemptTimeoutError ? 'failure' : 'neutral';
  return 'failure';
}

/** The call's own signal and the request's deadline, whichever ends first; undefined outside a request. */
function deadlineOf(own: AbortSignal | undefined): AbortSignal | undefined {
  const request = RequestContext.current()?.deadline?.signal;
  if (!request) return own;
  return own ? AbortSignal.any([own, request]) : request;
}

/** Encodes each value as one path segment: `encodePath\`/users/${id}\``. */
export function encodePath(strings: TemplateStringsArray, ...values: (string | number)[]): string {
  return strings.reduce((path, part, i) => path + part + (i < values.length ? encodeURIComponent(String(values[i])) : ''), '');
}

/**
 * The resilient base of every typed client: one axios instance (from @nestjs/axios) per downstream,
 * on undici pools, with the downstream's named policy pipeline around every call.
 */
export class ResilientHttpClient {
  readonly stats = new CallStats();
  private readonly errors: DownstreamErrorMapper;
  private readonly instances: InstanceSet;
  private readonly metrics = new BalancingMetrics();
  private readonly discovery: DnsDiscovery | undefined;
  private readonly unsubscribe: () => void;
  private readonly untrack: () => void;
  private p95ReadAt = -Infinity;
  private p95Delay: number | undefined;

  constructor(
    readonly config: ServiceConfig,
    private readonly axios: AxiosInstance,
    private readonly pipeline: ResiliencePipeline,
    private readonly transport: UndiciAdapter,
    private readonly options: HttpClientOptions = {},
  ) {
    axios.defaults.adapter = transport.adapter;
    // The client parses bodies itself, so that a malformed one is a contract error (axios would
    // silently hand back the raw string).
    axios.defaults.transformResponse = [identity];
    this.errors = new DownstreamErrorMapper(config.name, pipeline, config.timeoutMs);
    const { balancing } = config;
    this.instances = new InstanceSet(config.urls, balancerOf(balancing.balancer), balancing.outlier, {
      ejected: (url) => this.metrics.ejected(config.name, url),
    });
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
          return hedge ? this.hedged(instance, call, method, attempt.signal) : this.attempt(instance, call, method, attempt.signal);
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
   * Sends `call` and parses a 2xx JSON body through `validate`. A 4xx becomes DownstreamRejectedError
   * (for the typed client to map); an unparsable or mis-shaped body a DownstreamContractError (502).
   */
  async json<T>(call: HttpCall, validate: (body: unknown) => T): Promise<T> {
    const answer = await this.send(call);
    if (answer.status >= 300) throw this.rejected(answer);
    return this.parse(answer, validate);
  }

  parse<T>(answer: HttpAnswer, validate: (body: unknown) => T): T {
    let body: unknown;
    try {
      body = answer.text === '' ? undefined : JSON.parse(answer.text);
    } catch (error) {
      throw new DownstreamContractError(this.name, ['the body is not valid JSON'], { cause: error });
    }
    return validate(body);
  }

  rejected(answer: HttpAnswer): DownstreamRejectedError {
    let problem: DownstreamProblem | undefined;
    try {
      const parsed: unknown = JSON.parse(answer.text);
      if (parsed && typeof parsed === 'object') problem = parsed as DownstreamProblem;
    } catch {
      problem = undefined;
    }
    return new DownstreamRejectedError(this.name, answer.status, problem);
  }

  /**
   * Asks the downstream's health path directly, outside the pipeline: a probe must neither trip the
   * breaker nor be refused by it, or the health view would only echo the breaker.
   */
  async probe(timeoutMs = 2000): Promise<{ ok: boolean; status?: number; error?: string }> {
    try {
      const response = await this.axios.request({
        baseURL: this.instances.pick().url,
        url: this.options.healthPath ?? '/health',
        method: 'GET',
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

  /** One attempt on `instance`, counted in its outstanding requests and toward its ejection. */
  private attempt(instance: Instance, call: HttpCall, method: HttpMethod, signal: { aborted: boolean; reason?: unknown } | undefined): Promise<HttpAnswer> {
    const instances = this.instances;
    instances.begin(instance);
    return this.request(instance.url, call, method, signal).then(
      (answer) => {
        instances.end(instance, 'success');
        return answer;
      },
      (error: unknown) => {
        instances.end(instance, verdictOf(error, signal));
        throw error;
      },
    );
  }

  /**
   * A hedged attempt: the first leg on `first`; if it has not answered after the hedge delay and the
   * retry budget allows, a second leg on another instance. The first answer wins and the other leg
   * is cancelled; a leg that fails leaves the other to answer.
   */
  private hedged(first: Instance, call: HttpCall, method: HttpMethod, signal: { aborted: boolean; reason?: unknown; addEventListener?: unknown } | undefined): Promise<HttpAnswer> {
    const delay = this.hedgeDelayMs();
    if (delay === undefined) return this.attempt(first, call, method, signal);
    const parent = signal as AbortSignal | undefined;
    return new Promise<HttpAnswer>((resolve, reject) => {
      const legs: AbortController[] = [];
      let pending = 0;
      let done = false;
      let timer: NodeJS.Timeout | undefined;
      const finish = () => {
        done = true;
        if (timer) clearTimeout(timer);
        parent?.removeEventListener?.('abort', onParentAbort);
      };
      const onParentAbort = () => {
        for (const leg of legs) leg.abort(parent?.reason);
      };
      parent?.addEventListener?.('abort', onParentAbort);
      const launch = (instance: Instance, isHedge: boolean) => {
        const leg = new AbortController();
        if (parent?.aborted) leg.abort(parent.reason);
        legs.push(leg);
        pending++;
        this.attempt(instance, call, method, leg.signal).then(
          (answer) => {
            pending--;
            if (done) return;
            finish();
            if (isHedge) this.metrics.hedge(this.name, 'won');
            for (const other of legs) if (other !== leg) other.abort(new Error('another hedged attempt answered first'));
            resolve(answer);
          },
          (error: unknown) => {
            pending--;
            // A leg that fails leaves the other to answer; the last one's failure is the attempt's.
            if (done || pending > 0) return;
            finish();
            reject(error);
          },
        );
      };
      launch(first, false);
      timer = setTimeout(() => {
        timer = undefined;
        if (done) return;
        if (!this.pipeline.tryHedge(call.operation)) return;
        this.metrics.hedge(this.name, 'sent');
        launch(this.instances.pick(first), true);
      }, delay);
    });
  }

  /** The hedge delay: fixed, or the p95 of recent calls (none until some calls have been seen). */
  private hedgeDelayMs(): number | undefined {
    const setting = this.config.balancing.hedgeDelay;
    if (setting !== 'p95') return setting;
    // The p95 sorts the recent calls: do it at most every 100 ms, not per call.
    const now = performance.now();
    if (now - this.p95ReadAt > 100) {
      const { calls, p95Ms } = this.stats.snapshot();
      this.p95ReadAt = now;
      this.p95Delay = calls < 20 || p95Ms === null ? undefined : Math.max(MIN_HEDGE_DELAY_MS, p95Ms);
    }
    return this.p95Delay;
  }

  private async request(baseURL: string, call: HttpCall, method: HttpMethod, signal: unknown): Promise<HttpAnswer> {
    const headers: Record<string, string> = { accept: 'application/json', ...propagatedHeaders(this.options.forwardAuth ?? false, this.options.propagateDeadline), ...call.headers };
    if (call.idempotencyKey !== undefined) headers['idempotency-key'] = call.idempotencyKey;
    const binary = call.responseType === 'buffer';
    const response = await this.axios.request<string | Buffer>({
      baseURL,
      url: call.path,
      method,
      params: call.query,
      data: call.body,
      headers,
      signal: signal as AbortSignal,
      responseType: binary ? 'arraybuffer' : undefined,
    });
    const answer: HttpAnswer = binary
      ? { status: response.status, headers: response.headers as HttpAnswer['headers'], text: response.data.toString('utf8'), bytes: response.data as Buffer }
      : { status: response.status, headers: response.headers as HttpAnswer['headers'], text: response.data as string };
    if (response.status >= 500 || response.status === 429) {
      throw new RetryableStatusError(response.status, parseRetryAfter(answer.headers['retry-after']), answer.text);
    }
    return answer;
  }
}
