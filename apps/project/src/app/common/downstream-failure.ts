/** The fields every `DownstreamError` of @keel/clients-core carries. */
export interface DownstreamFailure extends Error {
  downstream: string;
  kind: string;
  httpStatus: number;
}

const KINDS = new Set(['circuit_open', 'rate_limited', 'timeout', 'unavailable', 'rejected', 'contract']);

/**
 * Whether `error` is a client's DownstreamError. Apps may not import @keel/clients-core (the module
 * boundaries allow only the typed clients), so this reads its shape instead of using instanceof.
 */
export function isDownstreamFailure(error: unknown): error is DownstreamFailure {
  if (!(error instanceof Error)) return false;
  const { downstream, kind, httpStatus } = error as Partial<DownstreamFailure>;
  return typeof downstream === 'string' && typeof kind === 'string' && KINDS.has(kind) && typeof httpStatus === 'number';
}
