/**
 * A 5xx or 429 answer, thrown inside the pipeline so that retry and the breaker see it as a failure.
 * It never leaves the client: the error mapper turns it into a DownstreamUnavailableError.
 */
export class RetryableStatusError extends Error {
  constructor(
    readonly status: number,
    readonly retryAfterMs: number | undefined,
    readonly body: string,
  ) {
    super(`downstream answered ${status}`);
    this.name = 'RetryableStatusError';
  }
}

/** Retry-After as seconds or as an HTTP date → ms from now. */
export function parseRetryAfter(header: string | string[] | undefined, now = Date.now()): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
