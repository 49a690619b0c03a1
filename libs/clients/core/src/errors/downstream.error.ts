export type DownstreamErrorKind = 'circuit_open' | 'rate_limited' | 'timeout' | 'unavailable' | 'rejected' | 'contract';

/**
 * A downstream call failed. Each subclass carries the status our own caller should get, so the
 * platform's exception filter can answer without knowing which client threw.
 */
export abstract class DownstreamError extends Error {
  abstract readonly kind: DownstreamErrorKind;
  /** The status to answer our caller with (never 500: a downstream's fault is not ours). */
  abstract readonly httpStatus: number;

  constructor(
    readonly downstream: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }

  /** Seconds the caller should wait before trying again, when known. */
  get retryAfterSeconds(): number | undefined {
    return undefined;
  }
}
