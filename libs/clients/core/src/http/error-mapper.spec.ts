import {
  AttemptTimeoutError,
  BulkheadFullError,
  CallAbortedError,
  CircuitOpenError,
  RateLimitedError,
} from '@keel/resilience';
import type { ResiliencePipeline } from '@keel/resilience';
import { DownstreamCircuitOpenError } from '../errors/circuit-open.error';
import { DownstreamContractError } from '../errors/contract.error';
import { DownstreamError } from '../errors/downstream.error';
import { DownstreamRateLimitedError } from '../errors/rate-limited.error';
import { DownstreamRejectedError } from '../errors/rejected.error';
import { DownstreamTimeoutError } from '../errors/timeout.error';
import { DownstreamUnavailableError } from '../errors/unavailable.error';
import { DownstreamErrorMapper } from './error-mapper';
import { RetryableStatusError } from './answers';

describe(DownstreamErrorMapper.name, () => {
  let remainingMs: number | undefined;
  let mapper: DownstreamErrorMapper;
  const pipeline = { circuitRetryAfterMs: () => remainingMs } as unknown as ResiliencePipeline;
  const circuitOpen = () => new CircuitOpenError('library', () => remainingMs);

  beforeEach(() => {
    remainingMs = 12_345;
    mapper = new DownstreamErrorMapper('library', pipeline, 10_000);
  });

  describe('circuit open', () => {
    it('maps to DownstreamCircuitOpenError: 503, Retry-After from the breaker', () => {
      // Act
      const error = mapper.map(circuitOpen());

      // Assert
      expect(error).toBeInstanceOf(DownstreamCircuitOpenError);
      expect(error.kind).toBe('circuit_open');
      expect(error.httpStatus).toBe(503);
      expect(error.downstream).toBe('library');
      expect(error.message).toBe('library is unavailable (circuit open)');
      expect(error.retryAfterSeconds).toBe(13);
    });

    it('returns the same instance every time, reading Retry-After live', () => {
      // Act
      const first = mapper.map(circuitOpen());
      remainingMs = 2_001;
      const second = mapper.map(circuitOpen());

      // Assert
      expect(second).toBe(first);
      expect(second.retryAfterSeconds).toBe(3);
    });

    it('says 1 s when the breaker does not know', () => {
      remainingMs = undefined;

      expect(mapper.map(circuitOpen()).retryAfterSeconds).toBe(1);
    });

    it('is built without a stack trace', () => {
      expect(mapper.map(circuitOpen()).stack).not.toMatch(/\n\s+at /);
    });
  });

  it('maps RateLimitedError to DownstreamRateLimitedError: 503, Retry-After rounded up to whole seconds', () => {
    // Act
    const error = mapper.map(new RateLimitedError('library', 1500));

    // Assert
    expect(error).toBeInstanceOf(DownstreamRateLimitedError);
    expect(error.kind).toBe('rate_limited');
    expect(error.httpStatus).toBe(503);
    expect(error.retryAfterSeconds).toBe(2);
  });

  it('never asks for less than 1 s on a rate limit', () => {
    expect(mapper.map(new RateLimitedError('library', 20)).retryAfterSeconds).toBe(1);
  });

  it('maps BulkheadFullError to DownstreamUnavailableError: 503, Retry-After 1', () => {
    // Arrange
    const cause = new BulkheadFullError('library');

    // Act
    const error = mapper.map(cause);

    // Assert
    expect(error).toBeInstanceOf(DownstreamUnavailableError);
    expect(error.httpStatus).toBe(503);
    expect(error.retryAfterSeconds).toBe(1);
    expect(error.message).toBe('library has too many calls in flight');
    expect(error.cause).toBe(cause);
  });

  it('maps AttemptTimeoutError to DownstreamTimeoutError: 504 with the attempt’s timeout', () => {
    // Act
    const error = mapper.map(new AttemptTimeoutError('library', 750));

    // Assert
    expect(error).toBeInstanceOf(DownstreamTimeoutError);
    expect(error.kind).toBe('timeout');
    expect(error.httpStatus).toBe(504);
    expect((error as DownstreamTimeoutError).timeoutMs).toBe(750);
    expect(error.message).toBe('library did not answer within 750 ms');
    expect(error.retryAfterSeconds).toBeUndefined();
  });

  it.each([
    [503, 4000, 4],
    [502, undefined, 1],
    [429, 2500, 3],
    [500, undefined, 1],
  ])(
    'maps a %d answer (Retry-After %s ms) to DownstreamUnavailableError: 503, retryAfterSeconds %d',
    (status, retryAfterMs, seconds) => {
      // Arrange
      const cause = new RetryableStatusError(status, retryAfterMs, 'busy');

      // Act
      const error = mapper.map(cause);

      // Assert
      expect(error).toBeInstanceOf(DownstreamUnavailableError);
      expect(error.httpStatus).toBe(503);
      expect((error as DownstreamUnavailableError).status).toBe(status);
      expect(error.retryAfterSeconds).toBe(seconds);
      expect(error.message).toBe(`library answered ${status}`);
      expect(error.cause).toBe(cause);
    },
  );

  describe('cancellation', () => {
    it('maps a call the caller’s deadline ended (TimeoutError reason) to DownstreamTimeoutError with the configured timeout', () => {
      // Arrange
      // What AbortSignal.timeout() aborts with (a DOMException named TimeoutError). Built as an Error of
      // this realm: Jest's sandbox has its own Error, so a host DOMException fails `instanceof Error` here.
      const reason = Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' });

      // Act
      const error = mapper.map(new CallAbortedError('library', reason));

      // Assert
      expect(error).toBeInstanceOf(DownstreamTimeoutError);
      expect(error.httpStatus).toBe(504);
      expect((error as DownstreamTimeoutError).timeoutMs).toBe(10_000);
    });

    // Regression (was a bug at error-mapper.ts:36, `reason instanceof Error`): the reason AbortSignal.timeout() aborts
    // with is a
    // DOMException of Node's own realm. Under Jest that is not an `Error` of the test's realm, so a caller's
    // deadline maps to "cancelled" (503) instead of a timeout (504). Production Node is unaffected; checking
    // `(reason as { name?: unknown })?.name === 'TimeoutError'` works in both.
    it('maps the reason AbortSignal.timeout() really aborts with to DownstreamTimeoutError', async () => {
      // Arrange
      const signal = AbortSignal.timeout(1);
      await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));

      // Act
      const error = mapper.map(new CallAbortedError('library', signal.reason));

      // Assert
      expect((signal.reason as { name: string }).name).toBe('TimeoutError');
      expect(error).toBeInstanceOf(DownstreamTimeoutError);
    });

    it('maps any other cancellation to DownstreamUnavailableError', () => {
      // Act
      const error = mapper.map(
        new CallAbortedError('library', Object.assign(new Error('This operation was aborted'), { name: 'AbortError' })),
      );

      // Assert
      expect(error).toBeInstanceOf(DownstreamUnavailableError);
      expect(error.httpStatus).toBe(503);
      expect(error.message).toBe('call to library was cancelled');
    });

    it('maps a deadline that ended while waiting to retry a 503 to that 503, with its Retry-After', () => {
      // Arrange
      const reason = Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' });
      const failure = new RetryableStatusError(503, 7_000, '');

      // Act
      const error = mapper.map(new CallAbortedError('library', reason, failure));

      // Assert
      expect(error).toBeInstanceOf(DownstreamUnavailableError);
      expect(error.retryAfterSeconds).toBe(7);
    });

    it('maps a cancellation without a reason to DownstreamUnavailableError', () => {
      expect(mapper.map(new CallAbortedError('library'))).toBeInstanceOf(DownstreamUnavailableError);
    });
  });

  it.each(['ECONNREFUSED', 'UND_ERR_SOCKET'])(
    'maps a %s network error to DownstreamUnavailableError naming the code',
    (code) => {
      // Arrange
      const cause = Object.assign(new Error('connect failed'), { code });

      // Act
      const error = mapper.map(cause);

      // Assert
      expect(error).toBeInstanceOf(DownstreamUnavailableError);
      expect(error.httpStatus).toBe(503);
      expect(error.message).toBe(`library is unreachable (${code})`);
      expect(error.retryAfterSeconds).toBe(1);
      expect(error.cause).toBe(cause);
    },
  );

  it('maps anything unknown to DownstreamUnavailableError, keeping its message', () => {
    expect(mapper.map(new Error('boom')).message).toBe('library call failed: boom');
    expect(mapper.map('weird').message).toBe('library call failed: weird');
  });

  it('passes a DownstreamError through untouched', () => {
    // Arrange
    const rejected = new DownstreamRejectedError('library', 404, { title: 'Not Found' });
    const contract = new DownstreamContractError('library', ['body: expected an object']);

    // Act / Assert
    expect(mapper.map(rejected)).toBe(rejected);
    expect(mapper.map(contract)).toBe(contract);
  });

  it('never maps to a 500', () => {
    // Arrange
    const inputs: unknown[] = [
      circuitOpen(),
      new RateLimitedError('library', 1),
      new BulkheadFullError('library'),
      new AttemptTimeoutError('library', 1),
      new RetryableStatusError(500, undefined, ''),
      new CallAbortedError('library'),
      new Error('x'),
    ];

    // Act
    const statuses = inputs.map((input) => mapper.map(input)).map((error: DownstreamError) => error.httpStatus);

    // Assert
    expect(statuses).toEqual([503, 503, 503, 504, 503, 503, 503]);
  });
});
