import { PolicyRejectedError } from './policy-rejected.error';

/**
 * One instance per policy, thrown for every call the open circuit rejects: no allocation and no
 * stack trace per rejection. `retryAfterMs` is read live from the breaker.
 */
export class CircuitOpenError extends PolicyRejectedError {
  readonly reason = 'circuit_open' as const;

  constructor(
    policy: string,
    private readonly remainingMs: () => number | undefined,
  ) {
    super(policy, `circuit for ${policy} is open`);
  }

  get retryAfterMs(): number | undefined {
    return this.remainingMs();
  }
}
