import { readMediaConfig } from './media.config';

describe('readMediaConfig', () => {
  it('defaults to the sandbox-friendly settings the README documents', () => {
    // Act
    const config = readMediaConfig({});

    // Assert
    expect(config).toMatchObject({
      category: 'keel-movies',
      monitorIntervalMs: 10_000,
      monitorLeaseTtlMs: 15_000,
      autoRedownload: true,
      removeFailed: true,
    });
    expect(config.libraryRoot).toMatch(/keel-media[\\/]library$/);
  });

  it('reads durations, flags and the category', () => {
    // Act
    const config = readMediaConfig({
      MEDIA_MONITOR_INTERVAL: '500ms',
      MEDIA_AUTO_REDOWNLOAD: 'false',
      MEDIA_QBITTORRENT_CATEGORY: 'films',
      MEDIA_LIBRARY_ROOT: '/srv/movies',
    });

    // Assert
    expect(config).toMatchObject({
      monitorIntervalMs: 500,
      monitorLeaseTtlMs: 750,
      autoRedownload: false,
      category: 'films',
      libraryRoot: '/srv/movies',
    });
  });

  it('reads the monitor lease TTL when set', () => {
    // Act
    const config = readMediaConfig({ MEDIA_MONITOR_INTERVAL: '2s', MEDIA_MONITOR_LEASE_TTL: '5s' });

    // Assert
    expect(config).toMatchObject({ monitorIntervalMs: 2_000, monitorLeaseTtlMs: 5_000 });
  });

  it('syncs RSS every 15 min, or per MEDIA_RSS_SYNC_INTERVAL or the issue’s RSS_SYNC_INTERVAL; 0 turns it off', () => {
    // Act
    const byDefault = readMediaConfig({});
    const byIssueName = readMediaConfig({ RSS_SYNC_INTERVAL: '0' });
    const both = readMediaConfig({
      RSS_SYNC_INTERVAL: '0',
      MEDIA_RSS_SYNC_INTERVAL: '30m',
      MEDIA_RSS_SYNC_PAUSE: '50ms',
    });

    // Assert
    expect(byDefault).toMatchObject({ rssSyncIntervalMs: 900_000, rssSyncPauseMs: 1_000 });
    expect(byIssueName.rssSyncIntervalMs).toBe(0);
    expect(both).toMatchObject({ rssSyncIntervalMs: 1_800_000, rssSyncPauseMs: 50 });
  });

  it.each([
    ['RSS_SYNC_INTERVAL', 'often'],
    ['MEDIA_RSS_SYNC_INTERVAL', 'often'],
    ['MEDIA_MONITOR_INTERVAL', 'soon'],
    ['MEDIA_MONITOR_LEASE_TTL', 'forever'],
    ['MEDIA_MONITOR_LEASE_TTL', '10ms'],
    ['MEDIA_AUTO_REDOWNLOAD', 'maybe'],
    ['MEDIA_QBITTORRENT_CATEGORY', 'a/b'],
  ])('names the bad variable %s', (name, value) => {
    expect(() => readMediaConfig({ [name]: value })).toThrow(name);
  });
});
