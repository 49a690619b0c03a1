import type { AxiosInstance } from 'axios';
import { RequestContext } from '@keel/context';
import type { CircuitStateListener, CircuitStateName, ResiliencePipeline } from '@keel/resilience';
import { DownstreamContractError } from '../errors/contract.error';
import { DownstreamRejectedError } from '../errors/rejected.error';
import type { DownstreamProblem } from '../errors/rejected.error';
import { CallStats } from '../health/call-stats';
import type { ServiceConfig } from '../registry/service-config';
import { DownstreamErrorMapper } from './error-mapper';
import { propagatedHeaders } from './header-propagation';
import { RoundRobin } from './round-robin';
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
  private readonly instances: RoundRobin<string>;
  private readonly unsubscribe: () => void;

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
    this.instances = new RoundRobin(config.urls);
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
      const answer = await this.pipeline.execute((attempt) => this.attempt(call, method, attempt.signal), { operation: call.operation, signal: deadlineOf(call.signal), retryable });
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
        baseURL: this.instances.pick(),
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
    return this.transport.close();
  }

  private async attempt(call: HttpCall, method: HttpMethod, signal: unknown): Promise<HttpAnswer> {
    const headers: Record<string, string> = { accept: 'application/json', ...propagatedHeaders(this.options.forwardAuth ?? false, this.options.propagateDeadline), ...call.headers };
    if (call.idempotencyKey !== undefined) headers['idempotency-key'] = call.idempotencyKey;
    const binary = call.responseType === 'buffer';
    const response = await this.axios.request<string | Buffer>({
      baseURL: this.instances.pick(),
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
