import { RequestContext } from '@keel/context';
import { propagatedHeaders } from './propagated-headers';

const TRACEPARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

describe(propagatedHeaders.name, () => {
  it('sends nothing outside a request context', () => {
    expect(propagatedHeaders(true)).toEqual({});
  });

  it('passes on x-request-id and traceparent, but not the token, without forwardAuth', () => {
    // Act
    const headers = RequestContext.run({ requestId: 'req-1', traceparent: TRACEPARENT, token: 'secret' }, () =>
      propagatedHeaders(false),
    );

    // Assert
    expect(headers).toEqual({ 'x-request-id': 'req-1', traceparent: TRACEPARENT });
  });

  it('adds the caller’s bearer token with forwardAuth', () => {
    // Act
    const headers = RequestContext.run({ requestId: 'req-2', traceparent: TRACEPARENT, token: 'user-token' }, () =>
      propagatedHeaders(true),
    );

    // Assert
    expect(headers).toEqual({ 'x-request-id': 'req-2', traceparent: TRACEPARENT, authorization: 'Bearer user-token' });
  });

  it('leaves out what the context does not have', () => {
    // Act
    const headers = RequestContext.run({ requestId: 'req-3' }, () => propagatedHeaders(true));

    // Assert
    expect(headers).toEqual({ 'x-request-id': 'req-3' });
  });

  it('follows the context across awaits', async () => {
    // Act
    const headers = await RequestContext.run({ requestId: 'req-4', token: 't' }, async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return propagatedHeaders(true);
    });

    // Assert
    expect(headers).toEqual({ 'x-request-id': 'req-4', authorization: 'Bearer t' });
  });

  it('sends what is left of the request’s deadline only to a downstream that is ours (propagateDeadline)', () => {
    // Arrange
    const deadline = { budgetMs: 5_000, remainingMs: () => 1_234, signal: new AbortController().signal };

    // Act
    const ours = RequestContext.run({ requestId: 'req-5', deadline }, () => propagatedHeaders(false, true));
    const theirs = RequestContext.run({ requestId: 'req-5', deadline }, () => propagatedHeaders(false, false));

    // Assert
    expect(ours).toEqual({ 'x-request-id': 'req-5', 'keel-deadline-ms': '1234' });
    expect(theirs).toEqual({ 'x-request-id': 'req-5' });
  });
});
