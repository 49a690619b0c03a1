/** One attempt ran past the per-attempt timeout; its request was cancelled. */
export class AttemptTimeoutError extends Error {
  constructor(
    readonly policy: string,
    readonly timeoutMs: number,
  ) {
    super(`${policy} did not answer within ${timeoutMs} ms`);
    this.name = 'AttemptTimeoutError';
  }
}
