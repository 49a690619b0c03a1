/** The caller's own signal ended the call (its deadline passed, or its client went away). */
export class CallAbortedError extends Error {
  constructor(
    readonly policy: string,
    override readonly cause?: unknown,
  ) {
    super(`call to ${policy} was aborted by the caller`);
    this.name = 'CallAbortedError';
  }
}
