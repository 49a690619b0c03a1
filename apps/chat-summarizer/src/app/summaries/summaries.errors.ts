/** Our own deadline for the LLM call passed before it answered (counted as a `timeout` fallback). */
export class LlmDeadlineError extends Error {
  constructor(deadlineMs: number) {
    super(`the LLM did not answer within ${deadlineMs} ms`);
    this.name = LlmDeadlineError.name;
  }
}
