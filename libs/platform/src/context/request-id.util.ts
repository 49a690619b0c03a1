import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A caller's id is reused only when it is short and plain: it goes into logs and outbound headers. */
const SAFE_REQUEST_ID = /^[\w.:@=+/-]{1,128}$/;
/** W3C trace-context `traceparent` (version-traceid-parentid-flags). */
const TRACEPARENT = /^[\da-f]{2}-[\da-f]{32}-[\da-f]{16}-[\da-f]{2}$/;

/** Fastify's `genReqId`: the caller's `x-request-id`, or a fresh UUID. */
export function requestIdOf(req: IncomingMessage): string {
  const header = req.headers['x-request-id'];
  return typeof header === 'string' && SAFE_REQUEST_ID.test(header) ? header : randomUUID();
}

export function traceparentOf(header: string | string[] | undefined): string | undefined {
  return typeof header === 'string' && TRACEPARENT.test(header) ? header : undefined;
}
