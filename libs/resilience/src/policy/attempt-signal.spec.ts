import { AttemptSignal } from './attempt-signal';

describe(AttemptSignal.name, () => {
  it('starts not aborted and calls each listener once, in order, with the reason set', () => {
    const signal = new AttemptSignal();
    const seen: string[] = [];
    signal.addEventListener('abort', () => seen.push(`first:${String(signal.reason)}`));
    signal.addEventListener('abort', () => seen.push(`second:${signal.aborted}`));

    expect(signal.aborted).toBe(false);
    expect(signal.reason).toBeUndefined();
    signal.abort('timeout');
    signal.abort('again');

    expect(seen).toEqual(['first:timeout', 'second:true']);
    expect(signal.reason).toBe('timeout');
  });

  it('does not call a removed listener, and ignores removing an unknown one', () => {
    const signal = new AttemptSignal();
    const kept = jest.fn();
    const removed = jest.fn();
    signal.addEventListener('abort', removed);
    signal.addEventListener('abort', kept);

    signal.removeEventListener('abort', removed);
    signal.removeEventListener('abort', () => undefined);
    signal.abort(new Error('x'));

    expect(removed).not.toHaveBeenCalled();
    expect(kept).toHaveBeenCalledTimes(1);
  });

  it('gives a real AbortSignal that follows it, made once', () => {
    const signal = new AttemptSignal();
    const reason = new Error('cancelled');

    const real = signal.toAbortSignal();
    const onAbort = jest.fn();
    real.addEventListener('abort', onAbort);
    expect(real).toBeInstanceOf(AbortSignal);
    expect(real.aborted).toBe(false);
    signal.abort(reason);

    expect(real.aborted).toBe(true);
    expect(real.reason).toBe(reason);
    expect(onAbort).toHaveBeenCalledTimes(1);
    expect(signal.toAbortSignal()).toBe(real);
  });

  it('gives an already aborted AbortSignal when asked after the abort', () => {
    const signal = new AttemptSignal();
    signal.abort('late');

    const real = signal.toAbortSignal();

    expect(real.aborted).toBe(true);
    expect(real.reason).toBe('late');
  });
});
