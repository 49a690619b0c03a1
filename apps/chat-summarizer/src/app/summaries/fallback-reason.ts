import { DownstreamError } from '@keel/clients-core';
import type { FallbackReason } from './summaries.constants';

const KIND_TO_REASON: Record<DownstreamError['kind'], FallbackReason> = {
  timeout: 'timeout',
  circuit_open: 'circuit_open',
  unavailable: 'unavailable',
  rate_limited: 'rate_limited',
  rejected: 'rejected',
  contract: 'invalid_response',
};

/**
 * Why the LLM gave no summary, as a `reason` label. An abort of our own deadline is a timeout
 * whatever the error says.
 */
export function fallbackReason(error: unknown, deadline?: AbortSignal): FallbackReason {
  if (deadline?.aborted) return 'timeout';
  if (error instanceof DownstreamError) return KIND_TO_REASON[error.kind];
  // By name: AbortSignal's DOMException comes from another realm under Jest, so it is no `Error` here.
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  return name === 'AbortError' || name === 'TimeoutError' ? 'timeout' : 'error';
}
