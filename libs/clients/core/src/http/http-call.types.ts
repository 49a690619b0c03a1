import type { Answers } from './answers';

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
   * For `send` only: a signal of the caller's own (a job being stopped, say), on top of the
   * request's deadline. Typed clients take none: a tighter deadline is `RequestContext.withDeadline`.
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

/** A call that declares the answers it accepts (see `answers.ts`); the deadline comes from the request. */
export interface AnsweredCall<A extends Answers> extends Omit<HttpCall, 'signal' | 'responseType'> {
  answers: A;
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
