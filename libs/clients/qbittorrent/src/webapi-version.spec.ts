import { compareVersions, dialectFor } from './webapi-version';

describe(compareVersions.name, () => {
  it.each([
    ['2.8.19', '2.11.0', -1],
    ['2.9.3', '2.11.0', -1],
    ['2.11.0', '2.11.0', 0],
    ['2.11', '2.11.0', 0],
    ['2.11.2', '2.11.0', 1],
    ['2.15.1', '2.11.0', 1],
    ['v4.5.2', 'v4.10.0', -1],
    ['3.0', '2.99.99', 1],
  ])('compares %s with %s numerically → %i', (a, b, expected) => {
    // Arrange: the pair above.

    // Act
    const result = compareVersions(a, b);

    // Assert
    expect(result).toBe(expected);
  });
});

describe(dialectFor.name, () => {
  it.each([
    ['2.8.19', 'paused'],
    ['2.10.4', 'paused'],
    ['2.11.0', 'stopped'],
    ['2.15.1', 'stopped'],
  ])('WebAPI %s adds stopped torrents with `%s`', (webApi, field) => {
    // Arrange: the version above.

    // Act
    const dialect = dialectFor(webApi);

    // Assert
    expect(dialect).toEqual({ webApi, addStoppedField: field });
  });
});
