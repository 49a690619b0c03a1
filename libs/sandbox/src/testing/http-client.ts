import { request, type Agent, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';

export interface HttpResult {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json<T = any>(): T;
}

export interface HttpOptions {
  method?: string;
  headers?: OutgoingHttpHeaders;
  body?: unknown;
  /** Default `false`: a fresh connection per request (`Connection: close`), so nothing lingers. */
  agent?: Agent | false;
  /** Aborting destroys the request's socket, as a client-side timeout would. */
  signal?: AbortSignal;
}

/** A network failure, or an answer cut short after its status line (`status` is then set). */
export type HttpFailure = Error & { code?: string; status?: number };

export const BEARER = { authorization: 'Bearer test-token-123' };

/** Minimal node:http client for specs: resolves with any complete answer, rejects on a broken one. */
export function http(url: string, options: HttpOptions = {}): Promise<HttpResult> {
  const body =
    options.body === undefined
      ? undefined
      : typeof options.body === 'string'
        ? options.body
        : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: options.method ?? 'GET',
        agent: options.agent ?? false,
        signal: options.signal,
        headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (err: HttpFailure) => reject(Object.assign(err, { status: res.statusCode })));
        res.on('close', () => {
          if (!res.complete) {
            reject(Object.assign(new Error('response cut short'), { code: 'ECONNRESET', status: res.statusCode }));
            return;
          }
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Polls until `probe` returns a value that passes `done`, or fails after `timeoutMs`. */
export async function eventually<T>(
  probe: () => T | Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 5_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`Condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
