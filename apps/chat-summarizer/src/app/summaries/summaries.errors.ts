/** The model answered with nothing usable; counted as an `invalid_response` fallback. */
export class EmptyCompletionError extends Error {
  readonly kind = 'contract';

  constructor() {
    super('the model answered with an empty summary');
    this.name = EmptyCompletionError.name;
  }
}

/** Our own deadline for the LLM call passed before it answered. */
export class LlmDeadlineError extends Error {
  readonly kind = 'timeout';

  constructor(deadlineMs: number) {
    super(`the LLM did not answer within ${deadlineMs} ms`);
    this.name = LlmDeadlineError.name;
  }
}
