import { RequestContext } from '@keel/context';

/** The call's own signal and the request's deadline, whichever ends first; undefined outside a request. */
export function deadlineOf(own: AbortSignal | undefined): AbortSignal | undefined {
  const request = RequestContext.current()?.deadline?.signal;
  if (!request) return own;
  return own ? AbortSignal.any([own, request]) : request;
}
