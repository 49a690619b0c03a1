/** The caller's own signal ended the call (its deadline passed, or its client went away). */
export class CallAbortedError extends Error {
  constructor(
    readonly policy: string,
    override readonly cause?: unknown,
    /**
     * The downstream's last failure, when the caller gave up while waiting to retry it: a deadline
     * that ends during a backoff after a 503 is better reported as that 503 than as a timeout.
     */
    readonly lastFailure?: unknown,
    /** The caller's signal cut an attempt that was waiting on the downstream. */
    readonly inFlight = false,
  ) {
    super(`call to ${policy} was aborted by the caller`);
    this.name = 'CallAbortedError';
  }

  /**
   * The caller's deadline passed (its signal aborted with a TimeoutError, as `AbortSignal.timeout()`
   * and a request's deadline do), rather than the caller going away.
   */
  get deadlineExceeded(): boolean {
    return (this.cause as { name?: unknown } | undefined)?.name === 'TimeoutError';
  }
}
