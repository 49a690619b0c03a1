import { readMediaConfig } from './media.config';

describe('readMediaConfig', () => {
  it('defaults to the sandbox-friendly settings the README documents', () => {
    // Act
    const config = readMediaConfig({});

    // Assert
    expect(config).toMatchObject({ category: 'keel-movies', monitorIntervalMs: 10_000, autoRedownload: true, removeFailed: true });
    expect(config.libraryRoot).toMatch(/keel-media[\\/]library$/);
  });

  it('reads durations, flags and the category', () => {
    // Act
    const config = readMediaConfig({ MEDIA_MONITOR_INTERVAL: '500ms', MEDIA_AUTO_REDOWNLOAD: 'false', MEDIA_QBITTORRENT_CATEGORY: 'films', MEDIA_LIBRARY_ROOT: '/srv/movies' });

    // Assert
    expect(config).toMatchObject({ monitorIntervalMs: 500, autoRedownload: false, category: 'films', libraryRoot: '/srv/movies' });
  });

  it.each([
    ['MEDIA_MONITOR_INTERVAL', 'soon'],
    ['MEDIA_AUTO_REDOWNLOAD', 'maybe'],
    ['MEDIA_QBITTORRENT_CATEGORY', 'a/b'],
  ])('names the bad variable %s', (name, value) => {
    expect(() => readMediaConfig({ [name]: value })).toThrow(name);
  });
});
