import type { Dispatcher } from 'undici';

type WireBody = Dispatcher.RequestOptions['body'];

/**
 * The body on the wire, as axios would send it: a FormData as multipart, URLSearchParams as a form,
 * text and bytes as they are, anything else as JSON. A content-type of the caller's own wins. Only a
 * FormData needs a promise (the runtime encodes it), so every other call reaches the socket in the
 * same tick it was made.
 */
export function encodeBody(body: unknown, headers: Record<string, string>): WireBody | Promise<WireBody> | undefined {
  if (body === undefined || body === null) return undefined;
  if (body instanceof FormData) return encodeFormData(body, headers);
  const typed = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
  if (body instanceof URLSearchParams) {
    if (!typed) headers['content-type'] = 'application/x-www-form-urlencoded;charset=utf-8';
    return body.toString();
  }
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  if (!typed) headers['content-type'] = 'application/json';
  return JSON.stringify(body);
}

/**
 * Node's global FormData belongs to its bundled undici, which this undici cannot read; the runtime's
 * own Response encodes it, boundary and file parts included.
 */
async function encodeFormData(body: FormData, headers: Record<string, string>): Promise<WireBody> {
  const encoded = new Response(body);
  for (const name of Object.keys(headers)) if (name.toLowerCase() === 'content-type') delete headers[name];
  headers['content-type'] = encoded.headers.get('content-type') as string;
  return Buffer.from(await encoded.arrayBuffer());
}

/**
 * `url` with `params` as its query: repeated keys for arrays (`?a=1&a=2`), as ASP.NET-style APIs such
 * as Prowlarr's expect.
 */
export function withQuery(url: string, params: Record<string, unknown> | undefined): string {
  if (!params) return url;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const item of value) search.append(key, String(item));
    else search.append(key, String(value));
  }
  const query = search.toString();
  return query ? `${url}${url.includes('?') ? '&' : '?'}${query}` : url;
}

/** The pool's path for `url` under a base URL's own path (`prefix`). */
export function pathUnder(prefix: string, url: string, params: Record<string, unknown> | undefined): string {
  return prefix + (url.startsWith('/') ? '' : '/') + withQuery(url, params);
}
