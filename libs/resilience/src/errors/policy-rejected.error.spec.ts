import { AttemptTimeoutError } from './attempt-timeout.error';
import { BulkheadFullError } from './bulkhead-full.error';
import { CallAbortedError } from './call-aborted.error';
import { CircuitOpenError } from './circuit-open.error';
import { PolicyRejectedError } from './policy-rejected.error';
import { RateLimitedError } from './rate-limited.error';

describe(PolicyRejectedError.name, () => {
  it('gives each rejection its reason, policy, name and retry hint', () => {
    const rateLimited = new RateLimitedError('library', 250);
    const bulkhead = new BulkheadFullError('library');
    let remaining: number | undefined = 1_500;
    const open = new CircuitOpenError('library', () => remaining);

    expect(rateLimited).toBeInstanceOf(PolicyRejectedError);
    expect(rateLimited).toMatchObject({
      name: 'RateLimitedError',
      reason: 'rate_limited',
      policy: 'library',
      retryAfterMs: 250,
    });
    expect(bulkhead).toBeInstanceOf(PolicyRejectedError);
    expect(bulkhead).toMatchObject({
      name: 'BulkheadFullError',
      reason: 'bulkhead_full',
      policy: 'library',
      retryAfterMs: undefined,
    });
    expect(open).toBeInstanceOf(PolicyRejectedError);
    expect(open).toMatchObject({
      name: 'CircuitOpenError',
      reason: 'circuit_open',
      policy: 'library',
      message: 'circuit for library is open',
    });
    expect(open.retryAfterMs).toBe(1_500);
    remaining = 20;
    expect(open.retryAfterMs).toBe(20);
  });
});

describe(AttemptTimeoutError.name, () => {
  it('names the policy and the timeout', () => {
    const error = new AttemptTimeoutError('prowlarr', 750);

    expect(error).not.toBeInstanceOf(PolicyRejectedError);
    expect(error).toMatchObject({
      name: 'AttemptTimeoutError',
      policy: 'prowlarr',
      timeoutMs: 750,
      message: 'prowlarr did not answer within 750 ms',
    });
  });
});

describe(CallAbortedError.name, () => {
  it('keeps the signal reason as its cause', () => {
    const reason = new Error('deadline');
    const error = new CallAbortedError('chat', reason);

    expect(error).not.toBeInstanceOf(PolicyRejectedError);
    expect(error).toMatchObject({ name: 'CallAbortedError', policy: 'chat', cause: reason });
  });
});
