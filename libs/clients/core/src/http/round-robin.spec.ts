import { RoundRobin } from './round-robin';

describe(RoundRobin.name, () => {
  it('hands out the items in turn and starts over', () => {
    // Arrange
    const instances = new RoundRobin(['http://a', 'http://b', 'http://c']);

    // Act
    const picks = Array.from({ length: 7 }, () => instances.pick());

    // Assert
    expect(picks).toEqual(['http://a', 'http://b', 'http://c', 'http://a', 'http://b', 'http://c', 'http://a']);
  });

  it('always hands out a single item', () => {
    // Arrange
    const instances = new RoundRobin(['http://only']);

    // Act / Assert
    expect([instances.pick(), instances.pick(), instances.pick()]).toEqual(['http://only', 'http://only', 'http://only']);
  });

  it('refuses an empty list', () => {
    expect(() => new RoundRobin([])).toThrow('RoundRobin needs at least one item');
  });
});
