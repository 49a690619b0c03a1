export type RejectionReason = 'circuit_open' | 'rate_limited' | 'bulkhead_full';

/** The pipeline refused the call without reaching the downstream. */
export abstract class PolicyRejectedError extends Error {
  abstract readonly reason: RejectionReason;
  /** When the caller may try again, if known. */
  abstract readonly retryAfterMs: number | undefined;

  constructor(
    readonly policy: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
