import { maxInWindow } from './prowlarr.control';

describe(maxInWindow.name, () => {
  it('counts the densest window, wherever it starts', () => {
    // Arrange
    const timestamps = [0, 100, 900, 1000, 1050, 1100, 3000];

    // Act
    const max = maxInWindow(timestamps, 1000);

    // Assert: 900, 1000, 1050 and 1100 fit in [900, 1900)
    expect(max).toBe(4);
  });

  it('treats the window as half-open', () => {
    // Act + Assert
    expect(maxInWindow([0, 1000], 1000)).toBe(1);
    expect(maxInWindow([0, 999], 1000)).toBe(2);
  });

  it('accepts unsorted input and an empty log', () => {
    // Act + Assert
    expect(maxInWindow([50, 10, 30], 100)).toBe(3);
    expect(maxInWindow([], 100)).toBe(0);
  });
});
