import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { DeadlineExceededError } from '@keel/context';
import { LazyRequestDeadline, propagatedBudgetMs } from './request-deadline';

/** The part of a ServerResponse the deadline watches. */
function fakeResponse() {
  return Object.assign(new EventEmitter(), { destroyed: false, writableFinished: false });
}

describe(LazyRequestDeadline.name, () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('counts its budget down, and its signal aborts with DeadlineExceededError when it is spent', async () => {
    // Arrange
    const deadline = new LazyRequestDeadline(1_000, fakeResponse() as unknown as ServerResponse);

    // Act
    await jest.advanceTimersByTimeAsync(400);
    const remaining = deadline.remainingMs();
    const { signal } = deadline;
    await jest.advanceTimersByTimeAsync(599);
    const early = signal.aborted;
    await jest.advanceTimersByTimeAsync(1);

    // Assert
    expect(remaining).toBe(600);
    expect(early).toBe(false);
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBeInstanceOf(DeadlineExceededError);
    expect(signal.reason).toMatchObject({ name: 'TimeoutError', budgetMs: 1_000 });
  });

  it('aborts (AbortError) when the client closes the request before the answer is finished', () => {
    // Arrange
    const response = fakeResponse();
    const { signal } = new LazyRequestDeadline(5_000, response as unknown as ServerResponse);

    // Act
    response.emit('close');

    // Assert
    expect(signal.aborted).toBe(true);
    expect((signal.reason as DOMException).name).toBe('AbortError');
  });

  it('does not abort when the answer was finished, and leaves no timer behind', () => {
    // Arrange
    const response = fakeResponse();
    const { signal } = new LazyRequestDeadline(5_000, response as unknown as ServerResponse);

    // Act
    response.writableFinished = true;
    response.emit('close');
    jest.advanceTimersByTime(10_000);

    // Assert
    expect(signal.aborted).toBe(false);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('costs nothing until its signal is asked for', () => {
    // Arrange & Act
    const response = fakeResponse();
    new LazyRequestDeadline(5_000, response as unknown as ServerResponse);

    // Assert
    expect(jest.getTimerCount()).toBe(0);
    expect(response.listenerCount('close')).toBe(0);
  });
});

describe(propagatedBudgetMs.name, () => {
  it.each([
    ['250', 250],
    ['0', 0],
    ['0x10', undefined],
    ['1e3', undefined],
    ['-5', undefined],
    [' 5', undefined],
    ['9999999999', undefined],
    [undefined, undefined],
  ])('%j → %j', (header, expected) => {
    expect(propagatedBudgetMs(header)).toBe(expected);
  });
});
