import { PolicyRejectedError } from './policy-rejected.error';

export class BulkheadFullError extends PolicyRejectedError {
  readonly reason = 'bulkhead_full' as const;
  readonly retryAfterMs = undefined;

  constructor(policy: string) {
    super(policy, `too many concurrent calls to ${policy}`);
  }
}
