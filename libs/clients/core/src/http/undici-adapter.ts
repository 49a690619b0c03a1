import type { AxiosAdapter, AxiosResponse, InternalAxiosRequestConfig } from 'axios';
import { Pool } from 'undici';
import { encodeBody, pathUnder } from './request-encoding';

export interface PoolOptions {
  /** Sockets per instance. */
  connections: number;
  keepAliveTimeoutMs: number;
}

/** A request as the transport sends it (the axios adapter's config, reduced to what it reads). */
export interface TransportRequest {
  method: string;
  /** Appended to the base URL's path. */
  url: string;
  params?: Record<string, unknown>;
  headers: Record<string, string>;
  body?: unknown;
  signal?: AbortSignal;
  /** The body as a Buffer rather than text. */
  binary?: boolean;
}

export interface TransportAnswer {
  data: string | Buffer;
  status: number;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * An axios adapter on one undici Pool (keep-alive sockets) per downstream instance. axios' own Node
 * adapter costs ~7× undici per call here (STACK.md); this keeps axios as the client API and moves
 * the bytes with undici. `config.signal` may be our light AttemptSignal: undici accepts any object
 * with `aborted` and `addEventListener`, and aborting destroys the request's socket.
 *
 * The body comes back as text (or a Buffer for `responseType: 'arraybuffer'`): the client parses it,
 * so a malformed body is a contract error rather than axios' silent fallback to the raw string.
 * Redirects are never followed: a 3xx comes back to the client, which may need its `Location`
 * (Prowlarr answers a magnet link as `301 Location: magnet:…`).
 */
export class UndiciAdapter {
  private readonly targets = new Map<string, { pool: Pool; prefix: string }>();

  constructor(private readonly options: PoolOptions) {}

  readonly adapter: AxiosAdapter = async (config: InternalAxiosRequestConfig): Promise<AxiosResponse> => {
    const { data, status, headers } = await this.send(config.baseURL as string, {
      method: config.method ?? 'get',
      url: config.url ?? '/',
      params: config.params as Record<string, unknown> | undefined,
      headers: config.headers.toJSON(true) as Record<string, string>,
      body: config.data,
      signal: config.signal as AbortSignal | undefined,
      binary: config.responseType === 'arraybuffer',
    });
    return { data, status, statusText: '', headers: headers as AxiosResponse['headers'], config, request: undefined };
  };

  /**
   * One request on the pool of `baseURL`'s origin, for the axios adapter and the health probe (a
   * client's calls go through `ResilientHttpClient`, which takes the pool from `target`).
   */
  async send(baseURL: string, request: TransportRequest): Promise<TransportAnswer> {
    const { pool, prefix } = this.target(baseURL);
    const { headers } = request;
    const path = pathUnder(prefix, request.url, request.params);
    const body = await encodeBody(request.body, headers);
    const response = await pool.request({
      method: request.method.toUpperCase() as 'GET',
      path,
      headers,
      body,
      signal: request.signal,
    });
    const data = request.binary ? Buffer.from(await response.body.arrayBuffer()) : await response.body.text();
    return { data, status: response.statusCode, headers: response.headers };
  }

  async close(): Promise<void> {
    const targets = [...this.targets.values()];
    this.targets.clear();
    await Promise.all(targets.map(({ pool }) => pool.close()));
  }

  /**
   * Lets go of every pooled socket: calls from now on open fresh connections, while the calls in
   * flight finish on the old ones. Sockets opened during an outage (e.g. to a host that accepts and
   * never answers) would otherwise carry the first call after it, the circuit's probe, into the same
   * silence.
   */
  retire(): void {
    const targets = [...this.targets.values()];
    this.targets.clear();
    for (const { pool } of targets) void pool.close().catch(() => undefined);
  }

  /** The pool of a base URL's origin, and the base URL's own path, which prefixes every call. */
  target(baseURL: string): { pool: Pool; prefix: string } {
    let target = this.targets.get(baseURL);
    if (!target) {
      const url = new URL(baseURL);
      const pool = new Pool(url.origin, {
        connections: this.options.connections,
        keepAliveTimeout: this.options.keepAliveTimeoutMs,
        keepAliveMaxTimeout: Math.max(this.options.keepAliveTimeoutMs, 60_000),
      });
      target = { pool, prefix: url.pathname.replace(/\/+$/, '') };
      this.targets.set(baseURL, target);
    }
    return target;
  }
}
