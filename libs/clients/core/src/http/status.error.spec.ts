import { RetryableStatusError, parseRetryAfter } from './status.error';

describe(parseRetryAfter.name, () => {
  const now = Date.parse('2025-03-01T12:00:00Z');

  it.each([
    ['0', 0],
    ['2', 2000],
    ['120', 120_000],
    [' 3 ', 3000],
  ])('reads delta-seconds %j as %d ms', (header, ms) => {
    expect(parseRetryAfter(header, now)).toBe(ms);
  });

  it('reads an HTTP-date as the ms left until then', () => {
    expect(parseRetryAfter('Sat, 01 Mar 2025 12:00:05 GMT', now)).toBe(5000);
  });

  it('reads an HTTP-date in the past as 0', () => {
    expect(parseRetryAfter('Sat, 01 Mar 2025 11:59:00 GMT', now)).toBe(0);
  });

  it('takes the first of repeated headers', () => {
    expect(parseRetryAfter(['7', '1'], now)).toBe(7000);
  });

  it.each([undefined, '', 'soon', []])('returns undefined for %j', (header) => {
    expect(parseRetryAfter(header as string | string[] | undefined, now)).toBeUndefined();
  });
});

describe(RetryableStatusError.name, () => {
  it('carries status, Retry-After and body', () => {
    // Act
    const error = new RetryableStatusError(503, 1000, '{"title":"busy"}');

    // Assert
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('RetryableStatusError');
    expect(error.message).toBe('downstream answered 503');
    expect([error.status, error.retryAfterMs, error.body]).toEqual([503, 1000, '{"title":"busy"}']);
  });
});
