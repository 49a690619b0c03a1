import { TimeoutWheel } from './timeout-wheel';

describe(TimeoutWheel.name, () => {
  afterEach(() => {
    jest.clearAllTimers();
    jest.useRealTimers();
  });

  it('expires a deadline at its timeout when the clock is aligned to the slots', async () => {
    jest.useFakeTimers({ now: 0 });
    const wheel = new TimeoutWheel(10);
    const expire = jest.fn();

    wheel.schedule(100, expire);
    await jest.advanceTimersByTimeAsync(99);
    const early = expire.mock.calls.length;
    await jest.advanceTimersByTimeAsync(1);

    expect(early).toBe(0);
    expect(expire).toHaveBeenCalledTimes(1);
  });

  it('expires between the timeout and the timeout plus two slots', async () => {
    jest.useFakeTimers({ now: 5 });
    const wheel = new TimeoutWheel(10);
    const expire = jest.fn();

    wheel.schedule(100, expire);
    await jest.advanceTimersByTimeAsync(99);
    const beforeTimeout = expire.mock.calls.length;
    await jest.advanceTimersByTimeAsync(20);

    expect(beforeTimeout).toBe(0);
    expect(expire).toHaveBeenCalledTimes(1);
  });

  it('keeps every deadline within [timeout, timeout + 2 slots) whatever the start time', async () => {
    jest.useFakeTimers({ now: 0 });
    const wheel = new TimeoutWheel(25);
    const fired: { due: number; at: number }[] = [];
    for (let i = 0; i < 40; i++) {
      const timeoutMs = 100 + ((i * 37) % 190);
      const due = Date.now() + timeoutMs;
      wheel.schedule(timeoutMs, () => fired.push({ due, at: Date.now() }));
      await jest.advanceTimersByTimeAsync(7 + (i % 5));
    }

    await jest.advanceTimersByTimeAsync(1_000);

    expect(fired).toHaveLength(40);
    for (const { due, at } of fired) {
      expect(at).toBeGreaterThanOrEqual(due);
      expect(at).toBeLessThan(due + 2 * 25);
    }
  });

  it('never calls a cancelled deadline and calls the others once', async () => {
    jest.useFakeTimers({ now: 0 });
    const wheel = new TimeoutWheel(10);
    const cancelled = jest.fn();
    const kept = jest.fn();
    const handle = wheel.schedule(50, cancelled);
    wheel.schedule(50, kept);

    wheel.cancel(handle, cancelled);
    await jest.advanceTimersByTimeAsync(500);

    expect(cancelled).not.toHaveBeenCalled();
    expect(kept).toHaveBeenCalledTimes(1);
  });

  it('groups deadlines of one slot in one Set, and separates later ones', () => {
    jest.useFakeTimers({ now: 0 });
    const wheel = new TimeoutWheel(10);

    const a = wheel.schedule(41, jest.fn());
    const b = wheel.schedule(50, jest.fn());
    const c = wheel.schedule(51, jest.fn());

    expect(a).toBe(b);
    expect(a.size).toBe(2);
    expect(c).not.toBe(a);
  });

  it('runs one interval timer while deadlines are pending and stops it when none remain', async () => {
    jest.useFakeTimers({ now: 0 });
    const wheel = new TimeoutWheel(10);

    wheel.schedule(30, jest.fn());
    wheel.schedule(80, jest.fn());
    const whilePending = jest.getTimerCount();
    await jest.advanceTimersByTimeAsync(100);

    expect(whilePending).toBe(1);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('starts its timer again for a deadline scheduled after it went idle', async () => {
    jest.useFakeTimers({ now: 0 });
    const wheel = new TimeoutWheel(10);
    wheel.schedule(20, jest.fn());
    await jest.advanceTimersByTimeAsync(50);
    const expire = jest.fn();

    wheel.schedule(20, expire);
    await jest.advanceTimersByTimeAsync(40);

    expect(expire).toHaveBeenCalledTimes(1);
    wheel.dispose();
  });

  it('stops the timer and forgets every deadline on dispose', async () => {
    jest.useFakeTimers({ now: 0 });
    const wheel = new TimeoutWheel(10);
    const expire = jest.fn();
    wheel.schedule(30, expire);

    wheel.dispose();
    await jest.advanceTimersByTimeAsync(100);

    expect(jest.getTimerCount()).toBe(0);
    expect(expire).not.toHaveBeenCalled();
  });

  it('does not keep the process alive for a pending deadline', () => {
    const wheel = new TimeoutWheel(1_000);
    wheel.schedule(60_000, jest.fn());

    const timer = (wheel as unknown as { timer: NodeJS.Timeout }).timer;

    expect(timer.hasRef()).toBe(false);
    wheel.dispose();
  });
});
