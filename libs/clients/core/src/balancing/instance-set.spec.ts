import { powerOfTwoChoices, roundRobin } from './balancer';
import { InstanceSet } from './instance-set';
import type { OutlierOptions } from './instance-set';

const OUTLIER: OutlierOptions = { consecutiveFailures: 3, baseEjectionMs: 1_000, maxEjectionMs: 2_500, maxEjectionPercent: 50 };
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
