import { LatencyWindow } from './latency-window';

describe(LatencyWindow.name, () => {
  it('has no quantile while empty', () => {
    expect(new LatencyWindow(4).quantile(0.95)).toBeUndefined();
  });

  it('reads a quantile of what it holds', () => {
    // Arrange
    const window = new LatencyWindow(100);

    // Act
    for (let ms = 1; ms <= 100; ms++) window.record(ms);

    // Assert
    expect(window.samples).toBe(100);
    expect(window.quantile(0.95)).toBe(95);
    expect(window.quantile(0.5)).toBe(50);
  });

  it('keeps only the last `size` latencies', () => {
    // Arrange
    const window = new LatencyWindow(4);

    // Act: four slow ones, then four fast ones.
    for (const ms of [100, 100, 100, 100, 1, 2, 3, 4]) window.record(ms);

    // Assert
    expect(window.samples).toBe(4);
    expect(window.quantile(1)).toBe(4);
  });
});
