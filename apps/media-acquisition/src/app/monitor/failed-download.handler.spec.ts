import { Logger } from '@nestjs/common';
import type { Counter } from 'prom-client';
import type { MediaConfig } from '../config/media.config';
import type { GrabService } from '../grab/grab.service';
import type { TorrentSender } from '../grab/torrent.sender';
import type { MoviesRepository } from '../movies/movies.repository';
import { aCounter, aMediaConfig, aMovie } from '../testing';
import { aTrackedDownload, InMemoryTracking } from '../tracking/testing';
import { FailedDownloadHandler } from './failed-download.handler';

function setup(config: Partial<MediaConfig> = {}) {
  const tables = new InMemoryTracking();
  const torrents = { remove: jest.fn(async () => undefined) };
  const movies = { find: jest.fn(async () => aMovie()) };
  const grabs = { grabNextBest: jest.fn(async () => undefined) };
  const failures = aCounter();
  const handler = new FailedDownloadHandler(
    tables.tracked,
    torrents as unknown as TorrentSender,
    movies as unknown as MoviesRepository,
    grabs as unknown as GrabService,
    aMediaConfig({ removeFailed: true, autoRedownload: true, ...config }),
    failures as Counter,
  );
  return { handler, tables, torrents, movies, grabs, failures };
}

describe(FailedDownloadHandler.name, () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('goes failedPending, then removes the torrent, blocklists the release, logs the failure, grabs anew', async () => {
    // Arrange
    const { handler, tables, torrents, grabs, failures } = setup();
    const [row] = tables.seed(aTrackedDownload({ movieId: 'm1', downloadId: 'ABC', releaseGuid: 'guid-1' }));

    // Act
    await handler.fail(row, 'stalled');

    // Assert
    expect(tables.events.map((e) => e.state)).toEqual(['failedPending', 'failed']);
    expect(tables.row(row.id)).toMatchObject({ state: 'failed', messages: ['stalled'] });
    expect(tables.blocklist).toEqual([
      { movieId: 'm1', releaseGuid: 'guid-1', releaseTitle: row.releaseTitle, indexerId: 1, reason: 'stalled' },
    ]);
    expect(torrents.remove).toHaveBeenCalledWith('ABC', true);
    expect(tables.history).toEqual([expect.objectContaining({ event: 'downloadFailed', data: { reason: 'stalled' } })]);
    expect(failures.counted).toHaveLength(1);
    expect(grabs.grabNextBest).toHaveBeenCalledWith(aMovie());
  });

  it('does nothing more when another replica moved the download first', async () => {
    // Arrange
    const { handler, tables, torrents, grabs } = setup();
    const [row] = tables.seed(aTrackedDownload({ state: 'failed' }));

    // Act
    await handler.fail({ ...row, state: 'downloading' }, 'stalled');

    // Assert
    expect(tables.blocklist).toEqual([]);
    expect(tables.events).toEqual([]);
    expect(torrents.remove).not.toHaveBeenCalled();
    expect(grabs.grabNextBest).not.toHaveBeenCalled();
  });

  it('finishes a failedPending download a restart left, once however often it is asked', async () => {
    // Arrange
    const { handler, tables, grabs, failures } = setup();
    const [row] = tables.seed(aTrackedDownload({ state: 'failedPending', messages: ['bad'] }));

    // Act
    await handler.finish(row);
    await handler.finish(row);

    // Assert
    expect(tables.row(row.id)?.state).toBe('failed');
    expect(tables.history).toHaveLength(1);
    expect(failures.counted).toHaveLength(1);
    expect(grabs.grabNextBest).toHaveBeenCalledTimes(1);
  });

  it('MEDIA_REMOVE_FAILED/_AUTO_REDOWNLOAD off: keeps torrent, grabs nothing; fails if removal throws', async () => {
    // Arrange
    const off = setup({ removeFailed: false, autoRedownload: false });
    const [offRow] = off.tables.seed(aTrackedDownload({ state: 'failedPending', messages: ['bad'] }));
    const failingRemoval = setup();
    const [failingRow] = failingRemoval.tables.seed(aTrackedDownload({ state: 'failedPending', messages: ['bad'] }));
    failingRemoval.torrents.remove.mockRejectedValueOnce(new Error('qBittorrent down'));

    // Act
    await off.handler.finish(offRow);
    await failingRemoval.handler.finish(failingRow);

    // Assert
    expect(off.torrents.remove).not.toHaveBeenCalled();
    expect(off.grabs.grabNextBest).not.toHaveBeenCalled();
    expect(off.tables.blocklist).toHaveLength(1);
    expect(failingRemoval.tables.row(failingRow.id)?.state).toBe('failed');
  });

  it('survives a re-download that throws, and skips it for a movie deleted meanwhile', async () => {
    // Arrange
    const throwing = setup();
    const [throwingRow] = throwing.tables.seed(aTrackedDownload({ state: 'failedPending' }));
    throwing.grabs.grabNextBest.mockRejectedValueOnce(new Error('Prowlarr down'));
    const deleted = setup();
    const [deletedRow] = deleted.tables.seed(aTrackedDownload({ state: 'failedPending' }));
    deleted.movies.find.mockResolvedValueOnce(undefined as never);

    // Act
    await throwing.handler.finish(throwingRow);
    await deleted.handler.finish(deletedRow);

    // Assert
    expect(throwing.tables.row(throwingRow.id)?.state).toBe('failed');
    expect(deleted.grabs.grabNextBest).not.toHaveBeenCalled();
  });
});
