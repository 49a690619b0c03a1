import type { Pool } from 'undici';
import { PoolRef } from './fuzz-values';
import { collectionOf } from './fuzz-request';
import type { GeneratedRequest, PathPart } from './fuzz-request';

/** Values earlier answers returned (ids, cursors), by `<collection>:id` or `field:<name>`. */
export class ValuePool {
  private readonly values = new Map<string, string[]>();

  add(key: string, value: string): void {
    const list = this.values.get(key) ?? [];
    if (list.includes(value)) return;
    list.push(value);
    // The newest are the likeliest to exist still.
    if (list.length > 64) list.shift();
    this.values.set(key, list);
  }

  pick(ref: PoolRef): string {
    const candidates = ref.keys.flatMap((key) => this.values.get(key) ?? []);
    return candidates.length === 0 ? ref.fallback : candidates[ref.pick % candidates.length];
  }

  /** Ids and cursors from a JSON answer, so later requests can name what exists. */
  harvest(template: string, body: unknown): void {
    const collection = /\/\{[^/]+\}$/.test(template)
      ? collectionOf(template, template.slice(template.lastIndexOf('{') + 1, -1))
      : template;
    const walk = (value: unknown, depth: number, topLevel: boolean): void => {
      if (depth > 5 || value === null || typeof value !== 'object') return;
      if (Array.isArray(value)) return value.slice(0, 50).forEach((item) => walk(item, depth + 1, topLevel));
      for (const [key, item] of Object.entries(value)) {
        const scalar = typeof item === 'string' || typeof item === 'number' ? String(item) : undefined;
        if (scalar !== undefined && key === 'id' && topLevel) this.add(`${collection}:id`, scalar);
        if (scalar !== undefined && /(Id|ID|guid|[cC]ursor|hash)$|^name$/.test(key)) this.add(`field:${key}`, scalar);
        walk(item, depth + 1, topLevel && (key === 'items' || Array.isArray(item)));
      }
    };
    walk(body, 0, true);
  }
}

/**
 * Percent-encodes every UTF-16 code unit, lone surrogates as their WTF-8 bytes (`%ED%A0%80`): what a
 * client that does not check its strings puts on the wire, and what `encodeURIComponent` refuses.
 */
export function encodeComponent(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((byte) => `%${byte.toString(16).toUpperCase()}`)
        .join('');
    } else out += encodeURIComponent(char);
  }
  return out;
}

/** A request as it goes on the wire. `credential` names the token, so a report never prints one. */
export interface WireRequest {
  operation: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  credential: string;
}

export interface FuzzCredential {
  /** Shown in a report instead of the token: `admin`, `none`, `expired`. */
  label: string;
  token?: string;
  /** Other credentials it sends, e.g. `{ 'x-api-key': … }` for an API-key-authenticated route. */
  headers?: Record<string, string>;
  /** How often it is drawn, relative to the others (default 1). */
  weight?: number;
}

function resolveJson(value: unknown, pool: ValuePool, depth = 0): unknown {
  if (value instanceof PoolRef) return pool.pick(value);
  // Pool references sit in a DTO's own fields; deeper down is generated nesting, left as it is.
  if (depth > 8) return value;
  if (Array.isArray(value)) return value.map((item) => resolveJson(item, pool, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    // defineProperty keeps a generated `__proto__` key a key, as JSON.parse on the server will.
    for (const [key, item] of Object.entries(value))
      Object.defineProperty(out, key, {
        value: resolveJson(item, pool, depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    return out;
  }
  return value;
}

const segment = (part: PathPart, pool: ValuePool): string =>
  part instanceof PoolRef
    ? encodeComponent(pool.pick(part))
    : 'encoded' in part
      ? part.encoded
      : encodeComponent(part.text);

export function toWire(
  request: GeneratedRequest,
  method: string,
  template: string,
  pool: ValuePool,
  credentials: FuzzCredential[],
): WireRequest {
  const path = template.replace(/\{([^}]+)\}/g, (_, name: string) =>
    segment(request.pathParams[name] ?? { text: 'x' }, pool),
  );
  const query = request.query
    .map(
      ([name, value]) =>
        `${encodeComponent(name)}=${encodeComponent(value instanceof PoolRef ? pool.pick(value) : value)}`,
    )
    .join('&');
  const credential = credentials[request.auth] ?? { label: 'none' };
  const headers: Record<string, string> = { ...request.headers, accept: 'application/json' };
  if (credential.token !== undefined) headers.authorization = `Bearer ${credential.token}`;
  Object.assign(headers, credential.headers);
  let body: string | undefined;
  if (request.body) {
    body = 'raw' in request.body ? request.body.raw : JSON.stringify(resolveJson(request.body.json, pool));
    // JSON.stringify(undefined) is undefined: the generated body was "nothing", sent as empty.
    body ??= '';
    if (request.contentType) headers['content-type'] = request.contentType;
  }
  return {
    operation: request.operation,
    method,
    path: query ? `${path}?${query}` : path,
    headers,
    body,
    credential: credential.label,
  };
}

export interface WireAnswer {
  status: number;
  contentType: string;
  text: string;
  /** Set when no answer came: a timeout or a dropped connection, which is as bad as a 5xx. */
  error?: string;
}

/** Sends over a real socket; an event stream is cut after its status line (it never ends). */
export async function send(pool: Pool, wire: WireRequest, timeoutMs: number): Promise<WireAnswer> {
  try {
    const response = await pool.request({
      method: wire.method as 'GET',
      path: wire.path,
      headers: wire.headers,
      body: wire.body,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    const contentType = String(response.headers['content-type'] ?? '');
    if (contentType.startsWith('text/event-stream')) {
      response.body.destroy();
      return { status: response.statusCode, contentType, text: '' };
    }
    return { status: response.statusCode, contentType, text: await response.body.text() };
  } catch (error) {
    return { status: 0, contentType: '', text: '', error: `${(error as Error).name}: ${(error as Error).message}` };
  }
}

const cut = (text: string | undefined, max: number): string | undefined =>
  text === undefined || text.length <= max ? text : `${text.slice(0, max)}… (${text.length} chars)`;

/** One line per bad answer: what was sent (token by label) and what came back. */
export function describeFailure(wire: WireRequest, answer: WireAnswer): string {
  const { authorization: _token, ...headers } = wire.headers;
  const sent = {
    request: `${wire.method} ${cut(wire.path, 300)}`,
    credential: wire.credential,
    headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, cut(v, 80)])),
    body: cut(wire.body, 300),
  };
  const got = answer.error ?? `${answer.status} ${cut(answer.text, 500)}`;
  return `${JSON.stringify(sent)}\n    -> ${got}`;
}
