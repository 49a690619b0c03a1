import { peakEwmaTwoChoices, powerOfTwoChoices, roundRobin } from './balancer';
import { Instance } from './instance';
import { InstanceSet } from './instance-set';
import type { OutlierOptions } from './instance-set';

const OUTLIER: OutlierOptions = {
  consecutiveFailures: 3,
  baseEjectionMs: 1_000,
  maxEjectionMs: 2_500,
  maxEjectionPercent: 50,
};
const URLS = ['http://a', 'http://b', 'http://c'];

function setOf(urls = URLS, outlier = OUTLIER) {
  let now = 0;
  const ejected: string[] = [];
  const set = new InstanceSet(urls, roundRobin(), outlier, { ejected: (url) => ejected.push(url) }, () => now);
  return { set, ejected, advance: (ms: number) => (now += ms) };
}

/** Sends `n` attempts; `fails(url)` says which instances answer 5xx. Returns the URLs picked. */
function traffic(set: InstanceSet, n: number, fails: (url: string) => boolean): string[] {
  const picked: string[] = [];
  for (let i = 0; i < n; i++) {
    const instance = set.pick();
    set.begin(instance);
    picked.push(instance.url);
    set.end(instance, fails(instance.url) ? 'failure' : 'success');
  }
  return picked;
}

describe(InstanceSet.name, () => {
  it('ejects an instance after consecutive failures, and sends it nothing until the ejection ends', () => {
    // Arrange
    const { set, ejected, advance } = setOf();

    // Act
    traffic(set, 9, (url) => url === 'http://b');
    const whileEjected = traffic(set, 30, (url) => url === 'http://b');
    advance(1_000);
    const after = traffic(set, 3, () => false);

    // Assert
    expect(ejected).toEqual(['http://b']);
    expect(whileEjected).not.toContain('http://b');
    expect(after).toContain('http://b');
  });

  it('ejects for longer each time, up to the maximum', () => {
    // Arrange
    const { set, advance } = setOf();
    const b = () => set.snapshot().find((i) => i.url === 'http://b')!;
    const ejectB = () => {
      while (b().state !== 'ejected') traffic(set, 1, (url) => url === 'http://b');
    };

    // Act
    ejectB();
    const first = b().ejectedForMs;
    advance(first!);
    ejectB();
    const second = b().ejectedForMs;
    advance(second!);
    ejectB();
    const third = b().ejectedForMs;

    // Assert
    expect([first, second, third]).toEqual([1_000, 2_000, 2_500]);
  });

  it('never ejects more than the allowed share of instances', () => {
    // Arrange: 50 % of 3 is one instance.
    const { set, ejected } = setOf();

    // Act
    traffic(set, 60, () => true);

    // Assert
    expect(ejected).toHaveLength(1);
    expect(set.snapshot().filter((i) => i.state === 'ejected')).toHaveLength(1);
  });

  it('does not eject the only instance: that is the circuit breaker’s job', () => {
    // Arrange
    const { set, ejected } = setOf(['http://only']);

    // Act
    traffic(set, 20, () => true);

    // Assert
    expect(ejected).toEqual([]);
  });

  it('a success clears the count, so failures must be consecutive', () => {
    // Arrange
    const { set, ejected } = setOf(['http://a', 'http://b']);
    let n = 0;

    // Act: b fails every other time it is picked.
    traffic(set, 40, (url) => url === 'http://b' && n++ % 2 === 0);

    // Assert
    expect(ejected).toEqual([]);
  });

  it('sends a retry to another instance than the one that just failed', () => {
    // Arrange
    const { set } = setOf();
    const first = set.pick();

    // Act
    const retries = Array.from({ length: 20 }, () => set.pick(first));

    // Assert
    expect(retries.every((instance) => instance !== first)).toBe(true);
  });

  it('drains an instance that leaves: it takes no new calls and is forgotten after its last answer', () => {
    // Arrange
    const { set } = setOf();
    const inFlight = set.snapshot().map(() => set.pick());
    inFlight.forEach((instance) => set.begin(instance));
    const leaving = inFlight.find((instance) => instance.url === 'http://c')!;

    // Act
    set.replace(['http://a', 'http://b', 'http://d']);
    const picked = traffic(set, 12, () => false);
    const during = set.snapshot().find((i) => i.url === 'http://c');
    set.end(leaving, 'success');
    const afterwards = set.snapshot().find((i) => i.url === 'http://c');

    // Assert
    expect(picked).not.toContain('http://c');
    expect(picked).toContain('http://d');
    expect(during).toMatchObject({ state: 'draining', outstanding: 1 });
    expect(afterwards).toBeUndefined();
  });

  it('keeps the list when discovery reports nothing', () => {
    // Arrange
    const { set } = setOf();

    // Act
    set.replace([]);

    // Assert
    expect(set.urls()).toEqual(URLS);
  });
});

describe('InstanceSet latencies', () => {
  afterEach(() => jest.useRealTimers());

  it('feeds an answer to the instance latency estimate and window, and a failure only as a lower bound', () => {
    // Arrange
    const { set, advance } = setOf();
    const a = set.pick();

    // Act: a 40 ms answer, then a failure after 5 ms, then one after 90 ms.
    let started = set.begin(a);
    advance(40);
    set.end(a, 'success', started);
    const afterAnswer = a.latency.value(40);
    started = set.begin(a);
    advance(5);
    set.end(a, 'failure', started);
    const afterFastFailure = a.latency.value(45);
    started = set.begin(a);
    advance(90);
    set.end(a, 'failure', started);

    // Assert
    expect(afterAnswer).toBe(40);
    expect(afterFastFailure).toBeCloseTo(40, 1);
    expect(a.latency.value(135)).toBe(90);
    expect(a.answered.samples).toBe(1);
    expect(set.snapshot()[0]).toMatchObject({ url: a.url, latencyMs: 90 });
  });

  it('keeps a hedge-abandoned call outstanding on its instance until its estimate says it would have answered', () => {
    // Arrange: an instance known to take 100 ms.
    jest.useFakeTimers();
    const { set, advance } = setOf();
    const slow = set.pick();
    let started = set.begin(slow);
    advance(100);
    set.end(slow, 'success', started);

    // Act: a call cut short after 20 ms, because the hedge answered first.
    started = set.begin(slow);
    advance(20);
    set.abandon(slow, started);
    const justAfter = slow.outstanding;
    // It would answer about 80 ms from now (the estimate decays a little meanwhile).
    jest.advanceTimersByTime(70);
    const before = slow.outstanding;
    jest.advanceTimersByTime(10);

    // Assert
    expect(justAfter).toBe(1);
    expect(before).toBe(1);
    expect(slow.outstanding).toBe(0);
  });

  it('ends an abandoned call at once when its instance has no estimate beyond it', () => {
    // Arrange
    jest.useFakeTimers();
    const { set, advance } = setOf();
    const a = set.pick();

    // Act
    const started = set.begin(a);
    advance(20);
    set.abandon(a, started);

    // Assert: its estimate is now the 20 ms it is known to take at least; nothing is left.
    expect(a.outstanding).toBe(0);
    expect(a.latency.value(20)).toBe(20);
  });

  it('lists the instances taking calls, without the ejected ones', () => {
    // Arrange
    const { set } = setOf();

    // Act
    traffic(set, 9, (url) => url === 'http://b');

    // Assert
    expect(set.active().map((instance) => instance.url)).toEqual(['http://a', 'http://c']);
  });
});

describe(peakEwmaTwoChoices.name, () => {
  /** An instance that answered in `latencyMs` at time 0, with `outstanding` calls in flight. */
  function instance(url: string, latencyMs: number | undefined, outstanding: number): Instance {
    const it = new Instance(url);
    if (latencyMs !== undefined) it.latency.observe(latencyMs, 0);
    it.outstanding = outstanding;
    return it;
  }
  const pick = peakEwmaTwoChoices(() => 0);

  it('prefers the instance with the lower latency × (calls in flight + 1)', () => {
    // Arrange: 100 ms idle (cost 100) against 10 ms with 4 in flight (cost 50).
    const pair = [instance('http://slow', 100, 0), instance('http://busy', 10, 4)];

    // Act
    const picks = Array.from({ length: 20 }, () => pick(pair).url);

    // Assert
    expect(new Set(picks)).toEqual(new Set(['http://busy']));
  });

  it('is least outstanding among instances that answer alike', () => {
    // Arrange
    const pair = [instance('http://a', 10, 3), instance('http://b', 10, 1)];

    // Act
    const picks = Array.from({ length: 20 }, () => pick(pair).url);

    // Assert
    expect(new Set(picks)).toEqual(new Set(['http://b']));
  });

  it('gives an instance that never answered one call, then waits for its answer', () => {
    // Arrange: a new instance next to one at 50 ms with 3 in flight.
    const known = instance('http://known', 50, 3);
    const fresh = instance('http://new', undefined, 0);

    // Act
    const first = pick([known, fresh]);
    fresh.outstanding = 1;
    const second = pick([known, fresh]);

    // Assert
    expect(first).toBe(fresh);
    expect(second).toBe(known);
  });

  it('tries a slow instance again once its estimate has decayed', () => {
    // Arrange: 100 ms idle against 10 ms with 4 in flight (cost 50), 10 s decay.
    let now = 0;
    const decaying = peakEwmaTwoChoices(() => now);
    const pair = [instance('http://slow', 100, 0), instance('http://busy', 10, 4)];

    // Act: the busy one keeps answering in 10 ms; the slow one takes nothing. After 10 s its
    // estimate is 100·e^-1 ≈ 37, below the busy one's 10 × 5.
    const early = decaying(pair).url;
    now = 10_000;
    pair[1].latency.observe(10, now);
    const late = decaying(pair).url;

    // Assert
    expect(early).toBe('http://busy');
    expect(late).toBe('http://slow');
  });
});

describe(powerOfTwoChoices.name, () => {
  it('prefers the instance with fewer calls in flight', () => {
    // Arrange: a, b, c with 5, 0 and 5 outstanding.
    let now = 0;
    const set = new InstanceSet(URLS, powerOfTwoChoices(), OUTLIER, {}, () => now);
    const [a, , c] = URLS.map(() => set.pick());
    for (const instance of [a, c]) for (let i = 0; i < 5; i++) set.begin(instance);
    now++;

    // Act
    const picks = Array.from({ length: 300 }, () => set.pick().url);

    // Assert: whenever the idle instance is one of the two drawn (2 pairs in 3), it wins.
    const idle = picks.filter((url) => url !== a.url && url !== c.url).length;
    expect(idle).toBeGreaterThan(150);
  });

  it('always draws two distinct instances', () => {
    // Arrange: a random source that repeats the same draw.
    const pick = powerOfTwoChoices(() => 0);
    const set = new InstanceSet(['http://a', 'http://b'], pick, OUTLIER);
    const a = set.pick();
    set.begin(a);

    // Act
    const chosen = set.pick();

    // Assert
    expect(chosen.url).not.toBe(a.url);
  });
});
