import { RequestContext } from './request-context';

describe('RequestContext', () => {
  it('exposes the store to async work started inside run() and to nothing outside', async () => {
    const seen = await RequestContext.run({ requestId: 'r1', token: 't' }, async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return RequestContext.current();
    });

    expect(seen).toEqual({ requestId: 'r1', token: 't' });
    expect(RequestContext.current()).toBeUndefined();
  });

  it('keeps concurrent requests apart', async () => {
    const read = (id: string) =>
      RequestContext.run({ requestId: id }, async () => {
        await new Promise((resolve) => setTimeout(resolve, id === 'a' ? 10 : 1));
        return RequestContext.current()?.requestId;
      });

    await expect(Promise.all([read('a'), read('b')])).resolves.toEqual(['a', 'b']);
  });
});

describe('RequestContext.withDeadline', () => {
  it('outside a request, runs fn in a context of its own with the given deadline', async () => {
    // Act
    const seen = await RequestContext.withDeadline(50, async (deadline) => {
      const store = RequestContext.current();
      return { budgetMs: store?.deadline?.budgetMs, same: store?.deadline === deadline, id: store?.requestId };
    });

    // Assert
    expect(seen.budgetMs).toBe(50);
    expect(seen.same).toBe(true);
    expect(typeof seen.id).toBe('string');
    expect(RequestContext.current()).toBeUndefined();
  });

  it('aborts its signal with a TimeoutError once the budget is spent', async () => {
    // Arrange
    jest.useFakeTimers();
    try {
      const signal = RequestContext.withDeadline(100, (deadline) => deadline.signal);

      // Act
      jest.advanceTimersByTime(100);

      // Assert
      expect(signal.aborted).toBe(true);
      expect((signal.reason as Error).name).toBe('TimeoutError');
      expect((signal.reason as { budgetMs: number }).budgetMs).toBe(100);
    } finally {
      jest.useRealTimers();
    }
  });

  it('keeps the request’s deadline when it ends first, and its other fields', () => {
    // Arrange
    const outer = { budgetMs: 10, remainingMs: () => 10, signal: new AbortController().signal };

    // Act
    const seen = RequestContext.run({ requestId: 'r1', token: 't', deadline: outer }, () =>
      RequestContext.withDeadline(1000, () => RequestContext.current()),
    );

    // Assert
    expect(seen?.deadline).toBe(outer);
    expect(seen).toMatchObject({ requestId: 'r1', token: 't' });
  });

  it('takes a tighter one than the request’s, which still aborts it', () => {
    // Arrange
    const request = new AbortController();
    const outer = { budgetMs: 5000, remainingMs: () => 5000, signal: request.signal };

    // Act
    const inner = RequestContext.run({ requestId: 'r1', deadline: outer }, () =>
      RequestContext.withDeadline(1000, (deadline) => deadline),
    );
    request.abort(new Error('client went away'));

    // Assert
    expect(inner.budgetMs).toBe(1000);
    expect(inner.signal.aborted).toBe(true);
    expect((inner.signal.reason as Error).message).toBe('client went away');
  });
});
