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
  ) {
    super(`call to ${policy} was aborted by the caller`);
    this.name = 'CallAbortedError';
  }
}
