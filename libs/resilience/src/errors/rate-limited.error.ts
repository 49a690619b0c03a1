import { PolicyRejectedError } from './policy-rejected.error';

export class RateLimitedError extends PolicyRejectedError {
  readonly reason = 'rate_limited' as const;

  constructor(
    policy: string,
    readonly retryAfterMs: number,
  ) {
    super(policy, `rate limit for ${policy} reached`);
  }
}
