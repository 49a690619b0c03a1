import { parseTags, statusOfState, toQbittorrentItem } from './qbittorrent-state.mapper';
import type { QbittorrentTorrentInfo } from './qbittorrent.schemas';

const DHT_ON = { dhtEnabled: true };
const DHT_OFF = { dhtEnabled: false };

const raw = (overrides: Partial<QbittorrentTorrentInfo> = {}): QbittorrentTorrentInfo => ({
  hash: '0123456789abcdef0123456789abcdef01234567',
  name: 'Some.Movie.2019.1080p.BluRay.x264',
  state: 'downloading',
  progress: 0.5,
  eta: 120,
  size: 1000,
  downloaded: 500,
  content_path: '/downloads/Some.Movie.2019.1080p.BluRay.x264',
  save_path: '/downloads',
  category: 'radarr',
  tags: 'media-acq, test',
  ...overrides,
});

describe(statusOfState.name, () => {
  // Every state of research notes §2.3, with Radarr's verdict from §3.4.
  it.each([
    ['error', 'Warning', DHT_ON],
    ['missingFiles', 'Warning', DHT_ON],
    ['uploading', 'Completed', DHT_ON],
    ['pausedUP', 'Completed', DHT_ON],
    ['stoppedUP', 'Completed', DHT_ON],
    ['queuedUP', 'Completed', DHT_ON],
    ['stalledUP', 'Completed', DHT_ON],
    ['checkingUP', 'Queued', DHT_ON],
    ['forcedUP', 'Completed', DHT_ON],
    ['allocating', 'Downloading', DHT_ON],
    ['downloading', 'Downloading', DHT_ON],
    ['metaDL', 'Queued', DHT_ON],
    ['metaDL', 'Warning', DHT_OFF],
    ['forcedMetaDL', 'Queued', DHT_ON],
    ['forcedMetaDL', 'Warning', DHT_OFF],
    ['pausedDL', 'Paused', DHT_ON],
    ['stoppedDL', 'Paused', DHT_ON],
    ['queuedDL', 'Queued', DHT_ON],
    ['stalledDL', 'Warning', DHT_ON],
    ['checkingDL', 'Queued', DHT_ON],
    ['forcedDL', 'Downloading', DHT_ON],
    ['checkingResumeData', 'Queued', DHT_ON],
    ['moving', 'Downloading', DHT_ON],
    ['unknown', 'Downloading', DHT_ON],
    ['someFutureState', 'Downloading', DHT_ON],
  ])('maps %s to %s (%o)', (state, expected, options) => {
    // Arrange: the row above.

    // Act
    const { status } = statusOfState(state, options);

    // Assert
    expect(status).toBe(expected);
  });

  it('explains every Warning', () => {
    // Arrange
    const warnings = ['error', 'missingFiles', 'stalledDL', 'metaDL'];

    // Act
    const messages = warnings.map((state) => statusOfState(state, DHT_OFF).message);

    // Assert
    expect(messages.every((message) => typeof message === 'string' && message.length > 0)).toBe(true);
  });
});

describe(toQbittorrentItem.name, () => {
  it('maps the fields, upper-cases the id and splits the tags', () => {
    // Arrange
    const torrent = raw();

    // Act
    const item = toQbittorrentItem(torrent, DHT_ON);

    // Assert
    expect(item).toEqual({
      id: '0123456789ABCDEF0123456789ABCDEF01234567',
      hash: '0123456789abcdef0123456789abcdef01234567',
      name: 'Some.Movie.2019.1080p.BluRay.x264',
      status: 'Downloading',
      state: 'downloading',
      progress: 0.5,
      etaSeconds: 120,
      size: 1000,
      downloaded: 500,
      contentPath: '/downloads/Some.Movie.2019.1080p.BluRay.x264',
      savePath: '/downloads',
      category: 'radarr',
      tags: ['media-acq', 'test'],
    });
  });

  it('turns the infinite ETA (8640000) into null', () => {
    // Arrange
    const torrent = raw({ state: 'metaDL', eta: 8_640_000 });

    // Act
    const item = toQbittorrentItem(torrent, DHT_ON);

    // Assert
    expect(item.etaSeconds).toBeNull();
    expect(item.status).toBe('Queued');
  });

  it('forces the ETA of a completed torrent to 0', () => {
    // Arrange
    const torrent = raw({ state: 'stalledUP', eta: 8_640_000, progress: 1 });

    // Act
    const item = toQbittorrentItem(torrent, DHT_ON);

    // Assert
    expect(item).toMatchObject({ status: 'Completed', etaSeconds: 0 });
    expect(item.message).toBeUndefined();
  });

  it('warns about a completed torrent whose content path is the download directory', () => {
    // Arrange
    const torrent = raw({ state: 'pausedUP', progress: 1, content_path: '/downloads/', save_path: '/downloads' });

    // Act
    const item = toQbittorrentItem(torrent, DHT_ON);

    // Assert
    expect(item.status).toBe('Warning');
    expect(item.message).toMatch(/content path/);
  });

  it('does not apply the path check before completion (content_path is "" while waiting for metadata)', () => {
    // Arrange
    const torrent = raw({ state: 'metaDL', content_path: '', save_path: '' });

    // Act
    const item = toQbittorrentItem(torrent, DHT_ON);

    // Assert
    expect(item.status).toBe('Queued');
  });
});

describe(parseTags.name, () => {
  it.each([
    ['media-acq, test', ['media-acq', 'test']],
    ['', []],
    [undefined, []],
    ['one', ['one']],
  ])('splits %p', (tags, expected) => {
    // Arrange: the row above.

    // Act
    const result = parseTags(tags);

    // Assert
    expect(result).toEqual(expected);
  });
});
