import { DEADLINE_HEADER, RequestContext } from '@keel/context';

/**
 * Headers every outbound call carries from the inbound request: `x-request-id` and `traceparent`
 * always; the caller's bearer token only when the client declares that its downstream expects the
 * end user's own token (`forwardAuth`), so a token never leaks to a service that did not ask for it;
 * what is left of the request's deadline only to a downstream that is ours (`propagateDeadline`).
 */
export function propagatedHeaders(forwardAuth: boolean, propagateDeadline = false): Record<string, string> {
  const context = RequestContext.current();
  if (!context) return {};
  const headers: Record<string, string> = { 'x-request-id': context.requestId };
  if (context.traceparent) headers['traceparent'] = context.traceparent;
  if (forwardAuth && context.token) headers['authorization'] = `Bearer ${context.token}`;
  if (propagateDeadline && context.deadline) headers[DEADLINE_HEADER] = String(context.deadline.remainingMs());
  return headers;
}
