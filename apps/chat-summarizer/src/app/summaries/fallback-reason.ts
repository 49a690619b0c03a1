import type { FallbackReason } from './summaries.constants';

const KIND_TO_REASON: Record<string, FallbackReason> = {
  timeout: 'timeout',
  circuit_open: 'circuit_open',
  unavailable: 'unavailable',
  rate_limited: 'rate_limited',
  rejected: 'rejected',
  contract: 'invalid_response',
};

/**
 * Why the LLM gave no summary, as a `reason` label. Reads the DownstreamError's `kind` (apps may not
 * import clients-core); an abort of our own deadline is a timeout whatever the error says.
 */
export function fallbackReason(error: unknown, deadline?: AbortSignal): FallbackReason {
  if (deadline?.aborted) return 'timeout';
  if (typeof error !== 'object' || error === null) return 'error';
  // By shape, not instanceof: DOMException and errors from another realm are not `Error` here.
  const { kind, name } = error as { kind?: unknown; name?: unknown };
  if (typeof kind === 'string' && kind in KIND_TO_REASON) return KIND_TO_REASON[kind];
  if (name === 'AbortError' || name === 'TimeoutError') return 'timeout';
  return 'error';
}
