import { DownstreamCircuitOpenError } from './circuit-open.error';
import { DownstreamContractError } from './contract.error';
import { DownstreamError } from './downstream.error';
import { DownstreamRateLimitedError } from './rate-limited.error';
import { DownstreamRejectedError } from './rejected.error';
import { DownstreamTimeoutError } from './timeout.error';
import { DownstreamUnavailableError } from './unavailable.error';

describe(DownstreamError.name, () => {
  it.each([
    [new DownstreamCircuitOpenError('chat', () => 4500), 'DownstreamCircuitOpenError', 'circuit_open', 503, 5],
    [new DownstreamRateLimitedError('chat', undefined), 'DownstreamRateLimitedError', 'rate_limited', 503, undefined],
    [new DownstreamTimeoutError('chat', 300), 'DownstreamTimeoutError', 'timeout', 504, undefined],
    [new DownstreamUnavailableError('chat', 'chat is down'), 'DownstreamUnavailableError', 'unavailable', 503, 1],
    [new DownstreamRejectedError('chat', 403, undefined), 'DownstreamRejectedError', 'rejected', 502, undefined],
    [
      new DownstreamContractError('chat', ['body: expected an object']),
      'DownstreamContractError',
      'contract',
      502,
      undefined,
    ],
  ])(
    '%s: name %s, kind %s, httpStatus %d, retryAfterSeconds %s',
    (error, name, kind, httpStatus, retryAfterSeconds) => {
      expect(error).toBeInstanceOf(DownstreamError);
      expect(error.name).toBe(name);
      expect(error.kind).toBe(kind);
      expect(error.httpStatus).toBe(httpStatus);
      expect(error.retryAfterSeconds).toBe(retryAfterSeconds);
      expect(error.downstream).toBe('chat');
    },
  );

  it('puts the problem’s detail in a rejection’s message', () => {
    // Act
    const error = new DownstreamRejectedError('chat', 403, {
      type: 'about:blank',
      title: 'Forbidden',
      status: 403,
      detail: 'not a participant',
    });

    // Assert
    expect(error.message).toBe('chat rejected the request with 403: not a participant');
    expect(error.status).toBe(403);
    expect(error.problem?.title).toBe('Forbidden');
  });

  it('says only the status when the rejection had no problem body', () => {
    expect(new DownstreamRejectedError('chat', 404, undefined).message).toBe('chat rejected the request with 404');
  });
});
