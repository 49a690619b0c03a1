import { abortableDelay, guardWithSignal } from './abort-guard';

class Aborted extends Error {}

describe(guardWithSignal.name, () => {
  it('settles with the work when the signal never aborts, and unhooks its listener', async () => {
    const controller = new AbortController();
    const remove = jest.spyOn(controller.signal, 'removeEventListener');

    const value = await guardWithSignal(Promise.resolve(42), controller.signal, () => new Aborted());
    const error = await guardWithSignal(
      Promise.reject(new TypeError('boom')),
      controller.signal,
      () => new Aborted(),
    ).catch((e: unknown) => e);

    expect(value).toBe(42);
    expect(error).toBeInstanceOf(TypeError);
    expect(remove).toHaveBeenCalledTimes(2);
  });

  it('rejects with the abort error as soon as the signal aborts, while the work still waits', async () => {
    const controller = new AbortController();
    const never = new Promise<number>(() => undefined);

    const guarded = guardWithSignal(never, controller.signal, () => new Aborted('deadline'));
    controller.abort();

    await expect(guarded).rejects.toBeInstanceOf(Aborted);
  });

  it('rejects at once for a signal that is already aborted, and swallows the work failing later', async () => {
    const controller = new AbortController();
    controller.abort();
    let failWork!: (e: Error) => void;
    const work = new Promise<number>((_, reject) => (failWork = reject));
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);

    const guarded = guardWithSignal(work, controller.signal, () => new Aborted());
    failWork(new Error('late'));
    await expect(guarded).rejects.toBeInstanceOf(Aborted);
    await new Promise((resolve) => setImmediate(resolve));

    process.off('unhandledRejection', unhandled);
    expect(unhandled).not.toHaveBeenCalled();
  });
});

describe(abortableDelay.name, () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => {
    jest.clearAllTimers();
    jest.useRealTimers();
  });

  it('resolves after the delay, not before', async () => {
    let done = false;
    void abortableDelay(500, undefined, () => new Aborted()).then(() => (done = true));

    await jest.advanceTimersByTimeAsync(499);
    const early = done;
    await jest.advanceTimersByTimeAsync(1);

    expect(early).toBe(false);
    expect(done).toBe(true);
  });

  it('rejects when the signal aborts and clears its timer', async () => {
    const controller = new AbortController();
    const delay = abortableDelay(10_000, controller.signal, () => new Aborted());
    const settled = delay.catch((e: unknown) => e);

    await jest.advanceTimersByTimeAsync(10);
    controller.abort();

    await expect(settled).resolves.toBeInstanceOf(Aborted);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('rejects at once for an aborted signal', async () => {
    const controller = new AbortController();
    controller.abort();

    await expect(abortableDelay(10_000, controller.signal, () => new Aborted())).rejects.toBeInstanceOf(Aborted);
    expect(jest.getTimerCount()).toBe(0);
  });
});
