import { PeakEwma } from './peak-ewma';

describe(PeakEwma.name, () => {
  it('is unknown, and 0, until the first observation', () => {
    // Arrange
    const ewma = new PeakEwma(1_000);

    // Act
    const before = { known: ewma.known, value: ewma.value(0) };
    ewma.observe(8, 0);

    // Assert
    expect(before).toEqual({ known: false, value: 0 });
    expect(ewma.known).toBe(true);
    expect(ewma.value(0)).toBe(8);
  });

  it('jumps to a latency above the estimate at once', () => {
    // Arrange
    const ewma = new PeakEwma(1_000);
    ewma.observe(2, 0);

    // Act
    ewma.observe(100, 1);

    // Assert
    expect(ewma.value(1)).toBe(100);
  });

  it('moves toward a lower latency by the time since the last update, not by the number of answers', () => {
    // Arrange: two estimates at 100; one hears 10 one decay time later, the other hears 10 ten times
    // in the same span.
    const once = new PeakEwma(1_000);
    const often = new PeakEwma(1_000);
    once.observe(100, 0);
    often.observe(100, 0);

    // Act
    once.observe(10, 1_000);
    for (let t = 100; t <= 1_000; t += 100) often.observe(10, t);

    // Assert: both weigh the old estimate by e^-1.
    const expected = 100 * Math.exp(-1) + 10 * (1 - Math.exp(-1));
    expect(once.value(1_000)).toBeCloseTo(expected, 6);
    expect(often.value(1_000)).toBeCloseTo(expected, 6);
  });

  it('decays toward 0 without answers, so a slow instance is tried again', () => {
    // Arrange
    const ewma = new PeakEwma(1_000);
    ewma.observe(100, 0);

    // Act
    const later = ewma.value(2_000);

    // Assert
    expect(later).toBeCloseTo(100 * Math.exp(-2), 6);
  });

  it('takes a cut-short attempt as a lower bound: it raises the estimate, never lowers it', () => {
    // Arrange
    const ewma = new PeakEwma(1_000);
    ewma.observe(100, 0);

    // Act
    ewma.atLeast(15, 0);
    const afterShort = ewma.value(0);
    ewma.atLeast(150, 0);

    // Assert
    expect(afterShort).toBe(100);
    expect(ewma.value(0)).toBe(150);
  });
});
