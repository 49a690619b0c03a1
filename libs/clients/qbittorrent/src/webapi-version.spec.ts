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
    ['2.8.19', 'torrents/pause', 'torrents/resume', 'paused'],
    ['2.10.4', 'torrents/pause', 'torrents/resume', 'paused'],
    ['2.11.0', 'torrents/stop', 'torrents/start', 'stopped'],
    ['2.15.1', 'torrents/stop', 'torrents/start', 'stopped'],
  ])('WebAPI %s pauses with %s, resumes with %s and adds stopped torrents with `%s`', (webApi, pause, resume, field) => {
    // Arrange: the version above.

    // Act
    const dialect = dialectFor(webApi);

    // Assert
    expect(dialect).toEqual({ webApi, pause, resume, addStoppedField: field, stoppedFilter: field });
  });
});
