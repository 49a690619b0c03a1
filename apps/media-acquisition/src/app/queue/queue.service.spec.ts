import { Logger, NotFoundException } from '@nestjs/common';
import type { TorrentSender } from '../grab/torrent.sender';
import type { DownloadMonitorService } from '../monitor/download-monitor.service';
import type { MoviesRepository } from '../movies/movies.repository';
import { aMovie } from '../testing';
import { aTrackedDownload, InMemoryTracking } from '../tracking/testing';
import { QueueService } from './queue.service';

function setup() {
  const tables = new InMemoryTracking();
  const movies = {
    findMany: jest.fn(async () => [aMovie({ id: 'm1' }), aMovie({ id: 'm2', title: 'Arrival', year: 2016 })]),
  };
  const lease = { name: 'download-monitor', self: 'me', held: true };
  const monitor = { status: { polls: 3 }, leaseStatus: jest.fn(async () => lease) };
  const torrents = { remove: jest.fn(async () => undefined) };
  const queue = new QueueService(
    tables.tracked,
    movies as unknown as MoviesRepository,
    monitor as unknown as DownloadMonitorService,
    torrents as unknown as TorrentSender,
  );
  return { queue, tables, movies, torrents, lease };
}

describe(QueueService.name, () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('lists the active downloads with their movie’s title and year', async () => {
    // Arrange
    const { queue, tables } = setup();
    tables.seed(
      aTrackedDownload({ movieId: 'm1', downloadId: 'A', progress: 0.5 }),
      aTrackedDownload({ movieId: 'm2', downloadId: 'B', state: 'imported' }),
    );

    // Act
    const items = await queue.list();

    // Assert
    expect(items).toEqual([
      expect.objectContaining({
        downloadId: 'A',
        movieId: 'm1',
        movie: 'Dune (2021)',
        progress: 0.5,
        state: 'downloading',
      }),
    ]);
  });

  it('removes a download from the queue and from qBittorrent, blocklisting its release when asked', async () => {
    // Arrange
    const { queue, tables, torrents } = setup();
    const [row] = tables.seed(aTrackedDownload({ movieId: 'm1', downloadId: 'A', releaseGuid: 'g1' }));

    // Act
    await queue.remove('A', { removeFromClient: true, blocklist: true });

    // Assert
    expect(torrents.remove).toHaveBeenCalledWith('A', true);
    expect(tables.row(row.id)).toMatchObject({ state: 'ignored', messages: ['Removed from the queue'] });
    expect(tables.blocklist).toEqual([
      expect.objectContaining({ releaseGuid: 'g1', reason: 'Removed from the queue' }),
    ]);
    expect(tables.movieStatus.get('m1')).toBe('wanted');
  });

  it('keeps the torrent and the release when not asked to remove or blocklist them', async () => {
    // Arrange
    const { queue, tables, torrents } = setup();
    tables.seed(aTrackedDownload({ downloadId: 'A' }));

    // Act
    await queue.remove('A', { removeFromClient: false, blocklist: false });

    // Assert
    expect(torrents.remove).not.toHaveBeenCalled();
    expect(tables.blocklist).toEqual([]);
  });

  it('answers 404 for a download not in the queue, and changes nothing while qBittorrent can’t remove it', async () => {
    // Arrange
    const { queue, tables, torrents } = setup();
    const [importing, downloading] = tables.seed(
      aTrackedDownload({ downloadId: 'I', state: 'importing' }),
      aTrackedDownload({ downloadId: 'D', movieId: 'm2' }),
    );
    torrents.remove.mockRejectedValueOnce(new Error('qBittorrent is down'));

    // Act
    const unknown = queue.remove('NOPE', { removeFromClient: false, blocklist: false });
    const busy = queue.remove('I', { removeFromClient: false, blocklist: false });
    const down = queue.remove('D', { removeFromClient: true, blocklist: true });

    // Assert
    await expect(unknown).rejects.toBeInstanceOf(NotFoundException);
    await expect(busy).rejects.toBeInstanceOf(NotFoundException);
    await expect(down).rejects.toThrow('qBittorrent is down');
    expect(tables.row(importing.id)?.state).toBe('importing');
    expect(tables.row(downloading.id)?.state).toBe('downloading');
    expect(tables.blocklist).toEqual([]);
  });

  it('reports counts by state and the monitor with its lease for /api/system/status', async () => {
    // Arrange
    const { queue, tables, lease } = setup();
    tables.seed(aTrackedDownload({ downloadId: 'A' }), aTrackedDownload({ downloadId: 'B', state: 'failed' }));

    // Act
    const status = await queue.status();

    // Assert
    expect(status).toEqual({ counts: { downloading: 1, failed: 1 }, monitor: { polls: 3, lease } });
  });
});
