import { Instance } from '../balancing/instance';
import { HedgeDelay, HedgeLostError, hedgedAttempt } from './hedged-attempt';

/** An instance whose window holds `latencies`. */
function answered(url: string, latencies: number[]): Instance {
  const instance = new Instance(url);
  for (const ms of latencies) instance.answered.record(ms);
  return instance;
}
const spread = (from: number, to: number, n = 100) =>
  Array.from({ length: n }, (_, i) => from + ((to - from) * i) / (n - 1));

describe(HedgeDelay.name, () => {
  it('returns a fixed delay as set', () => {
    expect(new HedgeDelay(40, () => []).ms()).toBe(40);
  });

  it('is the median of the instances’ p95s, so one slow instance does not raise it', () => {
    // Arrange: two instances answering in 1–10 ms and 2–20 ms, one in 100–200 ms.
    const instances = [
      answered('http://a', spread(1, 10)),
      answered('http://b', spread(2, 20)),
      answered('http://slow', spread(100, 200)),
    ];

    // Act
    const delay = new HedgeDelay(
      'p95',
      () => instances,
      () => 0,
    ).ms();

    // Assert: b's p95 (the 95th of 100 values from 2 to 20).
    expect(delay).toBeCloseTo(2 + (18 * 94) / 99, 6);
  });

  it('takes the higher of two p95s, ignoring an instance with too few answers', () => {
    // Arrange: the slow instance answered twice (its other calls were hedged and cut short).
    const instances = [
      answered('http://a', spread(1, 10)),
      answered('http://b', spread(2, 20)),
      answered('http://slow', [150, 160]),
    ];

    // Act
    const delay = new HedgeDelay(
      'p95',
      () => instances,
      () => 0,
    ).ms();

    // Assert
    expect(delay).toBeCloseTo(2 + (18 * 94) / 99, 6);
  });

  it('has no delay until an instance has enough answers, and never less than 5 ms', () => {
    // Arrange
    const a = answered('http://a', spread(0.1, 1, 10));
    let now = 0;
    const delay = new HedgeDelay(
      'p95',
      () => [a],
      () => now,
    );

    // Act: not enough answers; then enough (asked again at once: an unknown delay is not cached).
    const before = delay.ms();
    for (const ms of spread(0.1, 1, 10)) a.answered.record(ms);
    now += 1;
    const after = delay.ms();

    // Assert
    expect(before).toBeUndefined();
    expect(after).toBe(5);
  });

  it('reads the windows again at most every 100 ms', () => {
    // Arrange
    const a = answered('http://a', spread(10, 20));
    let now = 0;
    const delay = new HedgeDelay(
      'p95',
      () => [a],
      () => now,
    );
    const first = delay.ms();
    for (let i = 0; i < 128; i++) a.answered.record(50);

    // Act
    now = 99;
    const cached = delay.ms();
    now = 100;
    const fresh = delay.ms();

    // Assert
    expect(cached).toBe(first);
    expect(fresh).toBe(50);
  });
});

describe(hedgedAttempt.name, () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  /** A leg that answers `answer` after `ms`, or rejects with its signal's reason when aborted. */
  function legAnswering(plan: Map<Instance | undefined, number>, signals: Map<Instance | undefined, AbortSignal>) {
    return (signal: AbortSignal, instance?: Instance) =>
      new Promise<string>((resolve, reject) => {
        signals.set(instance, signal);
        // Its timer starts a microtask later, after the hedge timer: when both are due together,
        // the hedge timer fires first, as one does after a stall.
        let timer: NodeJS.Timeout | undefined;
        queueMicrotask(() => {
          if (!signal.aborted)
            timer = setTimeout(() => resolve(instance ? instance.url : 'first'), plan.get(instance) ?? 0);
        });
        signal.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(signal.reason);
        });
      });
  }

  it('sends a hedge after the delay, takes the first answer, and cancels the loser with HedgeLostError', async () => {
    // Arrange: the first leg takes 1 s, the hedge 10 ms.
    const other = new Instance('http://other');
    const signals = new Map<Instance | undefined, AbortSignal>();
    const observed: string[] = [];
    const result = hedgedAttempt({
      parent: undefined,
      delayMs: 50,
      leg: legAnswering(
        new Map<Instance | undefined, number>([
          [undefined, 1_000],
          [other, 10],
        ]),
        signals,
      ),
      hedgeTarget: () => other,
      observe: (r) => observed.push(r),
    });

    // Act
    await jest.advanceTimersByTimeAsync(49);
    const hedgedEarly = signals.has(other);
    await jest.advanceTimersByTimeAsync(61);

    // Assert
    expect(hedgedEarly).toBe(false);
    await expect(result).resolves.toBe('http://other');
    expect(observed).toEqual(['sent', 'won']);
    expect(signals.get(undefined)?.reason).toBeInstanceOf(HedgeLostError);
  });

  it('does not hedge a leg that answers before the delay', async () => {
    // Arrange
    const hedgeTarget = jest.fn(() => new Instance('http://other'));
    const result = hedgedAttempt({
      parent: undefined,
      delayMs: 50,
      leg: legAnswering(new Map([[undefined, 20]]), new Map()),
      hedgeTarget,
      observe: () => undefined,
    });

    // Act
    await jest.advanceTimersByTimeAsync(100);

    // Assert
    await expect(result).resolves.toBe('first');
    expect(hedgeTarget).not.toHaveBeenCalled();
  });

  it('does not hedge a leg whose answer is ready when the delay ends (the loop was busy)', async () => {
    // Arrange: the first leg's answer and the hedge timer come due in the same turn, as after a stall.
    const hedgeTarget = jest.fn(() => new Instance('http://other'));
    const result = hedgedAttempt({
      parent: undefined,
      delayMs: 50,
      leg: legAnswering(new Map([[undefined, 50]]), new Map()),
      hedgeTarget,
      observe: () => undefined,
    });

    // Act
    await jest.advanceTimersByTimeAsync(60);

    // Assert
    await expect(result).resolves.toBe('first');
    expect(hedgeTarget).not.toHaveBeenCalled();
  });

  it('sends no hedge when there is no target (no budget left) and waits for the first leg', async () => {
    // Arrange
    const observe = jest.fn();
    const result = hedgedAttempt({
      parent: undefined,
      delayMs: 50,
      leg: legAnswering(new Map([[undefined, 300]]), new Map()),
      hedgeTarget: () => undefined,
      observe,
    });

    // Act
    await jest.advanceTimersByTimeAsync(300);

    // Assert
    await expect(result).resolves.toBe('first');
    expect(observe).not.toHaveBeenCalled();
  });
});
