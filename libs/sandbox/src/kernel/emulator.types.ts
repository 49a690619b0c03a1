import type { IncomingMessage, ServerResponse } from 'node:http';

export type FaultMode = 'ok' | 'error' | 'down' | 'slow' | 'reset' | 'malformed';

/** The modes that change an answer; `ok` means "no fault". */
export type ActiveFaultMode = Exclude<FaultMode, 'ok'>;

/** What `PUT /_sandbox/faults` and `setFaults` accept. Omitted fields take the defaults of {@link NO_FAULT}. */
export interface FaultSpec {
  mode: FaultMode;
  /** Status of an `error` answer (400–599). Default 503. */
  status?: number;
  /** Fraction of matching requests affected, 0–1. Default 1. */
  rate?: number;
  /** Wait before answering (`slow`, and before an `error`, `reset` or `malformed` answer). Default 0. */
  latencyMs?: number;
  /** Sent as `Retry-After` on `error` answers when set. Default null. */
  retryAfterSeconds?: number | null;
  /** Only requests whose path starts with this prefix are affected. Default null (all). */
  path?: string | null;
}

/** A fault with every default filled in, as the control API reports it. */
export interface Fault {
  mode: FaultMode;
  status: number;
  rate: number;
  latencyMs: number;
  retryAfterSeconds: number | null;
  path: string | null;
}

export interface EmulatorStats {
  /** Requests that reached the emulator (control endpoints excluded), counted before faults apply. */
  requests: number;
  byPath: Record<string, number>;
  /** `open` is a gauge (never reset); `total` counts accepted connections, control ones included. */
  connections: { open: number; total: number };
  /** Requests whose socket closed before the emulator finished answering (the client gave up). */
  aborted: number;
  /** Requests each fault mode acted on. */
  faulted: Record<ActiveFaultMode, number>;
  /** Propagated headers of the last counted request; the bearer token only as a presence flag. */
  lastHeaders: { 'x-request-id'?: string; traceparent?: string; authorization?: boolean };
}

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

export interface RequestContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly method: string;
  /** The request path without its query string, still percent-encoded. */
  readonly path: string;
  /** Decoded `:param` values of the matched route. */
  readonly params: Readonly<Record<string, string>>;
  /** Parsed on first access. */
  readonly query: URLSearchParams;
}

export type RouteHandler = (ctx: RequestContext) => void | Promise<void>;

export interface Route {
  method: HttpMethod;
  /** Literal segments and `:name` parameters, e.g. `/api/v1/users/:userId`. */
  path: string;
  handler: RouteHandler;
}

export interface StartEmulatorOptions {
  name: string;
  /** 0 (the default) picks an ephemeral port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  routes: readonly Route[];
  /** Request headers copied onto every response. Default `x-request-id` and `traceparent`. */
  echoHeaders?: readonly string[];
}

export interface RunningEmulator {
  name: string;
  /** `http://<host>:<port>`, without a trailing slash. */
  url: string;
  port: number;
  host: string;
  stats(): EmulatorStats;
  resetStats(): void;
  getFaults(): Fault;
  /** `null` or `{ mode: 'ok' }` clears the fault. Throws on an invalid spec. */
  setFaults(fault: FaultSpec | null): void;
  /** Stops listening and destroys every open connection, keep-alive ones included. */
  close(): Promise<void>;
}
