import { Logger } from '@nestjs/common';
import { aTrackedDownload, InMemoryTracking } from './testing';
import { TrackedDownloads } from './tracked-downloads.service';

const FILE = {
  relativePath: 'Dune (2021)/Dune (2021) Bluray-1080p.mkv',
  sizeBytes: 8,
  quality: 'Bluray-1080p',
  revisionVersion: 1,
  revisionReal: 0,
  transfer: 'hardlink' as const,
};

describe(TrackedDownloads.name, () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('tracks a grab with its history entry and the movie downloading, and tells the queue', async () => {
    // Arrange
    const tables = new InMemoryTracking();
    const row = aTrackedDownload({ movieId: 'm1' });

    // Act
    const tracked = await tables.tracked.grabbed(row, { indexer: 'TestTracker' });

    // Assert
    expect(tracked).toMatchObject({ id: row.id, state: 'downloading' });
    expect(tables.history).toEqual([
      expect.objectContaining({ event: 'grabbed', downloadId: row.downloadId, data: { indexer: 'TestTracker' } }),
    ]);
    expect(tables.movieStatus.get('m1')).toBe('downloading');
    expect(tables.events.map((e) => [e.type, e.state])).toEqual([['grabbed', 'downloading']]);
  });

  it('answers undefined to a grab of a movie that is downloading already, and writes and tells nothing', async () => {
    // Arrange
    const tables = new InMemoryTracking();
    tables.seed(aTrackedDownload({ movieId: 'm1' }));

    // Act
    const tracked = await tables.tracked.grabbed(aTrackedDownload({ movieId: 'm1' }), {});

    // Assert
    expect(tracked).toBeUndefined();
    expect(tables.downloads).toHaveLength(1);
    expect(tables.history).toEqual([]);
    expect(tables.events).toEqual([]);
  });

  it('writes and publishes progress only when qBittorrent reports something new', async () => {
    // Arrange
    const tables = new InMemoryTracking();
    const [row] = tables.seed(aTrackedDownload({ progress: 0.5, clientStatus: 'Downloading' }));

    // Act
    const same = await tables.tracked.reported(row, { progress: 0.5, clientStatus: 'Downloading' });
    const moved = await tables.tracked.reported(row, { progress: 0.75, clientStatus: 'Downloading' });

    // Assert
    expect(same).toBe(row);
    expect(moved.progress).toBe(0.75);
    expect(tables.row(row.id)?.progress).toBe(0.75);
    expect(tables.events.map((e) => [e.type, e.progress])).toEqual([['progress', 0.75]]);
  });

  it('walks a download from downloading through import to imported, the file and the movie downloaded', async () => {
    // Arrange
    const tables = new InMemoryTracking();
    const [row] = tables.seed(aTrackedDownload({ movieId: 'm1' }));

    // Act
    const pending = await tables.tracked.completed(row);
    const claimed = await tables.tracked.claimImport(pending!, 60_000);
    const imported = await tables.tracked.imported(claimed!, FILE, { path: FILE.relativePath });

    // Assert
    expect(imported?.state).toBe('imported');
    expect(tables.files.get('m1')).toMatchObject({ ...FILE, movieId: 'm1', downloadId: row.downloadId });
    expect(tables.movieStatus.get('m1')).toBe('downloaded');
    expect(tables.history.map((h) => h.event)).toEqual(['imported']);
    expect(tables.events.map((e) => e.state)).toEqual(['importPending', 'importing', 'imported']);
  });

  it('gives an import to one claimant only, and does nothing for the one that lost the race', async () => {
    // Arrange
    const tables = new InMemoryTracking();
    const [row] = tables.seed(aTrackedDownload({ state: 'importPending' }));

    // Act
    const [first, second] = await Promise.all([
      tables.tracked.claimImport(row, 60_000),
      tables.tracked.claimImport(row, 60_000),
    ]);

    // Assert
    expect([first?.state, second?.state]).toEqual(['importing', undefined]);
    expect(tables.events).toHaveLength(1);
  });

  it('puts a failed import back to pending with its message, and blocks one that cannot go on', async () => {
    // Arrange
    const tables = new InMemoryTracking();
    const [retried, blocked] = tables.seed(
      aTrackedDownload({ state: 'importing', movieId: 'm1' }),
      aTrackedDownload({ state: 'importing', movieId: 'm2' }),
    );

    // Act
    const pending = await tables.tracked.importFailed(retried, 'Import failed: ENOSPC');
    const stuck = await tables.tracked.importBlocked(blocked, 'No video file');

    // Assert
    expect(pending).toMatchObject({ state: 'importPending', messages: ['Import failed: ENOSPC'] });
    expect(stuck).toMatchObject({ state: 'importBlocked', messages: ['No video file'] });
    expect(tables.history).toEqual([
      expect.objectContaining({ event: 'importBlocked', data: { message: 'No video file' } }),
    ]);
    expect(tables.movieStatus.get('m2')).toBe('downloading');
  });

  it('fails a download in two steps, blocklisting the release and making the movie wanted again', async () => {
    // Arrange
    const tables = new InMemoryTracking();
    const [row] = tables.seed(aTrackedDownload({ movieId: 'm1', releaseGuid: 'g1' }));

    // Act
    const pending = await tables.tracked.failing(row, 'stalled');
    const failed = await tables.tracked.failed(pending!, 'stalled');
    const again = await tables.tracked.failed(pending!, 'stalled');

    // Assert
    expect(pending).toMatchObject({ state: 'failedPending', messages: ['stalled'] });
    expect(failed?.state).toBe('failed');
    expect(again).toBeUndefined();
    expect(tables.blocklist).toEqual([
      expect.objectContaining({ movieId: 'm1', releaseGuid: 'g1', reason: 'stalled' }),
    ]);
    expect(tables.movieStatus.get('m1')).toBe('wanted');
    expect(tables.history.map((h) => [h.event, h.data])).toEqual([['downloadFailed', { reason: 'stalled' }]]);
    expect(tables.events.map((e) => e.state)).toEqual(['failedPending', 'failed']);
  });

  it('does not fail a download that is importing or imported already', async () => {
    // Arrange
    const tables = new InMemoryTracking();
    const [importing, imported] = tables.seed(
      aTrackedDownload({ state: 'importing' }),
      aTrackedDownload({ state: 'imported', movieId: 'm2' }),
    );

    // Act
    const outcomes = [await tables.tracked.failing(importing, 'x'), await tables.tracked.failing(imported, 'x')];

    // Assert
    expect(outcomes).toEqual([undefined, undefined]);
    expect(tables.events).toEqual([]);
  });

  it('stops tracking an ignored download (movie downloaded if it has a file), blocklisting only if asked', async () => {
    // Arrange
    const tables = new InMemoryTracking();
    const [kept, dropped] = tables.seed(
      aTrackedDownload({ movieId: 'm1', releaseGuid: 'g1' }),
      aTrackedDownload({ movieId: 'm2', releaseGuid: 'g2' }),
    );
    tables.files.set('m1', { ...FILE, movieId: 'm1', downloadId: 'OLD', releaseTitle: 'older' });

    // Act
    const first = await tables.tracked.ignored(kept, 'Removed from the queue');
    const second = await tables.tracked.ignored(dropped, 'Removed from the queue', 'Removed from the queue');

    // Assert
    expect([first?.state, second?.state]).toEqual(['ignored', 'ignored']);
    expect(tables.movieStatus.get('m1')).toBe('downloaded');
    expect(tables.movieStatus.get('m2')).toBe('wanted');
    expect(tables.blocklist.map((b) => b.releaseGuid)).toEqual(['g2']);
    expect(tables.history.map((h) => h.event)).toEqual(['downloadIgnored', 'downloadIgnored']);
  });

  it('reads active downloads, by movie and by torrent, and counts them by state', async () => {
    // Arrange
    const tables = new InMemoryTracking();
    const [active] = tables.seed(
      aTrackedDownload({ movieId: 'm1', downloadId: 'A' }),
      aTrackedDownload({ movieId: 'm2', downloadId: 'B', state: 'imported' }),
    );

    // Act
    const all = await tables.tracked.active();
    const forMovie = await tables.tracked.activeFor('m1');
    const byTorrent = await tables.tracked.byDownloadId('B');
    const counts = await tables.tracked.countByState();

    // Assert
    expect(all.map((r) => r.id)).toEqual([active.id]);
    expect(forMovie?.id).toBe(active.id);
    expect(byTorrent?.state).toBe('imported');
    expect(counts).toEqual({ downloading: 1, imported: 1 });
  });
});
