import type { AxiosAdapter, AxiosResponse, InternalAxiosRequestConfig } from 'axios';
import { Pool } from 'undici';
import type { Dispatcher } from 'undici';

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

  /** One request on the pool of `baseURL`'s origin: what the axios adapter sends, also used without axios. */
  async send(baseURL: string, request: TransportRequest): Promise<TransportAnswer> {
    const { pool, prefix } = this.target(baseURL);
    const { url, headers } = request;
    const path = prefix + (url.startsWith('/') ? '' : '/') + withQuery(url, request.params);
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
  private target(baseURL: string): { pool: Pool; prefix: string } {
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

/**
 * The body on the wire, as axios would send it: a FormData as multipart, URLSearchParams as a form,
 * text and bytes as they are, anything else as JSON. A content-type of the caller's own wins.
 */
async function encodeBody(
  body: unknown,
  headers: Record<string, string>,
): Promise<Dispatcher.RequestOptions['body'] | undefined> {
  if (body === undefined || body === null) return undefined;
  if (body instanceof FormData) {
    // Node's global FormData belongs to its bundled undici, which this undici cannot read; the
    // runtime's own Response encodes it, boundary and file parts included.
    const encoded = new Response(body);
    for (const name of Object.keys(headers)) if (name.toLowerCase() === 'content-type') delete headers[name];
    headers['content-type'] = encoded.headers.get('content-type') as string;
    return Buffer.from(await encoded.arrayBuffer());
  }
  const typed = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
  if (body instanceof URLSearchParams) {
    if (!typed) headers['content-type'] = 'application/x-www-form-urlencoded;charset=utf-8';
    return body.toString();
  }
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  if (!typed) headers['content-type'] = 'application/json';
  return JSON.stringify(body);
}

function withQuery(url: string, params: Record<string, unknown> | undefined): string {
  if (!params) return url;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    // Repeated keys for arrays (`?a=1&a=2`), as ASP.NET-style APIs such as Prowlarr's expect.
    if (Array.isArray(value)) for (const item of value) search.append(key, String(item));
    else search.append(key, String(value));
  }
  const query = search.toString();
  return query ? `${url}${url.includes('?') ? '&' : '?'}${query}` : url;
}
