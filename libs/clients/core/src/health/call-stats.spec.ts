import { CallStats } from './call-stats';

describe(CallStats.name, () => {
  it('reports nothing before the first call', () => {
    expect(new CallStats().snapshot()).toEqual({ calls: 0, errorRate: 0, p95Ms: null });
  });

  it('counts the share of failed calls', () => {
    // Arrange
    const stats = new CallStats(10);

    // Act
    for (let i = 0; i < 8; i++) stats.record(true, 5);
    stats.record(false, 5);
    stats.record(false, 5);

    // Assert
    expect(stats.snapshot()).toEqual({ calls: 10, errorRate: 0.2, p95Ms: 5 });
  });

  it('takes the nearest-rank p95 of the durations', () => {
    // Arrange
    const stats = new CallStats(200);

    // Act: 1..100 ms, recorded out of order
    for (let ms = 100; ms >= 1; ms--) stats.record(true, ms);

    // Assert
    expect(stats.snapshot().p95Ms).toBe(95);
  });

  it('uses the single duration as p95 for one call, rounded to 0.1 ms', () => {
    // Arrange
    const stats = new CallStats();

    // Act
    stats.record(true, 12.345);

    // Assert
    expect(stats.snapshot()).toEqual({ calls: 1, errorRate: 0, p95Ms: 12.3 });
  });

  it('forgets the oldest calls once the ring wraps', () => {
    // Arrange
    const stats = new CallStats(4);
    for (let i = 0; i < 4; i++) stats.record(false, 1000);

    // Act: four newer calls overwrite the four failures
    for (let i = 0; i < 3; i++) stats.record(true, 10);
    const partly = stats.snapshot();
    stats.record(true, 20);
    const fully = stats.snapshot();

    // Assert
    expect(partly).toEqual({ calls: 4, errorRate: 0.25, p95Ms: 1000 });
    expect(fully).toEqual({ calls: 4, errorRate: 0, p95Ms: 20 });
  });

  it('keeps counting over many wraps', () => {
    // Arrange
    const stats = new CallStats(5);

    // Act: 23 calls, every fifth a failure; the last five are calls 19..23, of which call 20 failed
    for (let i = 1; i <= 23; i++) stats.record(i % 5 !== 0, i);

    // Assert
    expect(stats.snapshot()).toEqual({ calls: 5, errorRate: 0.2, p95Ms: 23 });
  });
});
