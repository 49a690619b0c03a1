import { Logger } from '@nestjs/common';
import type { Counter } from 'prom-client';
import type { QbittorrentClient } from '@keel/clients-qbittorrent';
import type { MediaConfig } from '../config/media.config';
import type { TrackedDownloadRow } from '../db/schema';
import type { GrabService } from '../grab/grab.service';
import type { MoviesRepository } from '../movies/movies.repository';
import type { QueueEventsService } from '../queue/queue-events.service';
import type { BlocklistRepository } from '../tracking/blocklist.repository';
import type { OutcomeRepository } from '../tracking/outcome.repository';
import type { TrackedDownloadsRepository } from '../tracking/tracked-downloads.repository';
import { FailedDownloadHandler } from './failed-download.handler';

const row = (overrides: Partial<TrackedDownloadRow> = {}) =>
  ({
    id: 't1',
    movieId: 'm1',
    downloadId: 'ABC',
    releaseGuid: 'guid-1',
    releaseTitle: 'Dune.2021.1080p',
    indexerId: 3,
    quality: 'Bluray-1080p',
    state: 'downloading',
    messages: [],
    ...overrides,
  }) as unknown as TrackedDownloadRow;

function setup(config: Partial<MediaConfig> = {}) {
  const downloads = {
    transition: jest.fn(async (_id: string, _from: string[], state: string, changes: object) =>
      row({ state, ...changes } as Partial<TrackedDownloadRow>),
    ),
  };
  const blocklist = { add: jest.fn() };
  const outcomes = {
    record: jest.fn(async ({ to }: { to: string }) => row({ state: to } as Partial<TrackedDownloadRow>)),
  };
  const movies = { find: jest.fn(async () => ({ id: 'm1', title: 'Dune' })) };
  const qbittorrent = { remove: jest.fn(async () => undefined) };
  const grabs = { grabNextBest: jest.fn(async () => undefined) };
  const events = { publish: jest.fn() };
  const failures = { inc: jest.fn() };
  const handler = new FailedDownloadHandler(
    downloads as unknown as TrackedDownloadsRepository,
    blocklist as unknown as BlocklistRepository,
    outcomes as unknown as OutcomeRepository,
    movies as unknown as MoviesRepository,
    qbittorrent as unknown as QbittorrentClient,
    grabs as unknown as GrabService,
    events as unknown as QueueEventsService,
    { removeFailed: true, autoRedownload: true, ...config } as MediaConfig,
    failures as unknown as Counter,
  );
  return { handler, downloads, blocklist, outcomes, movies, qbittorrent, grabs, events, failures };
}

describe(FailedDownloadHandler.name, () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('marks the download failedPending first, then blocklists the release, removes the torrent, records the failure and grabs the next best', async () => {
    // Arrange
    const { handler, downloads, blocklist, qbittorrent, outcomes, grabs, events, failures } = setup();

    // Act
    await handler.fail(row(), 'stalled');

    // Assert
    expect(downloads.transition).toHaveBeenCalledWith('t1', ['downloading', 'importBlocked'], 'failedPending', {
      messages: ['stalled'],
    });
    expect(blocklist.add).toHaveBeenCalledWith({
      movieId: 'm1',
      releaseGuid: 'guid-1',
      releaseTitle: 'Dune.2021.1080p',
      indexerId: 3,
      reason: 'stalled',
    });
    expect(qbittorrent.remove).toHaveBeenCalledWith(['ABC'], true);
    expect(outcomes.record).toHaveBeenCalledWith(
      expect.objectContaining({
        from: ['failedPending'],
        to: 'failed',
        history: expect.objectContaining({ event: 'downloadFailed', data: { reason: 'stalled' } }),
      }),
    );
    expect(failures.inc).toHaveBeenCalledTimes(1);
    expect(events.publish.mock.calls.map(([, published]) => (published as TrackedDownloadRow).state)).toEqual([
      'failedPending',
      'failed',
    ]);
    expect(grabs.grabNextBest).toHaveBeenCalledWith({ id: 'm1', title: 'Dune' });
  });

  it('does nothing more when another replica moved the download first', async () => {
    // Arrange
    const { handler, downloads, blocklist, events } = setup();
    downloads.transition.mockResolvedValueOnce(undefined as unknown as TrackedDownloadRow);

    // Act
    await handler.fail(row(), 'stalled');

    // Assert
    expect(blocklist.add).not.toHaveBeenCalled();
    expect(events.publish).not.toHaveBeenCalled();
  });

  it('keeps the torrent and grabs nothing when MEDIA_REMOVE_FAILED and MEDIA_AUTO_REDOWNLOAD are off, and still fails if removal throws', async () => {
    // Arrange
    const off = setup({ removeFailed: false, autoRedownload: false });
    const failingRemoval = setup();
    failingRemoval.qbittorrent.remove.mockRejectedValueOnce(new Error('qBittorrent down'));

    // Act
    await off.handler.finish(row({ state: 'failedPending', messages: ['bad'] }));
    await failingRemoval.handler.finish(row({ state: 'failedPending', messages: ['bad'] }));

    // Assert
    expect(off.qbittorrent.remove).not.toHaveBeenCalled();
    expect(off.grabs.grabNextBest).not.toHaveBeenCalled();
    expect(off.blocklist.add).toHaveBeenCalledTimes(1);
    expect(failingRemoval.outcomes.record).toHaveBeenCalledWith(expect.objectContaining({ to: 'failed' }));
  });

  it('stops tracking an ignored download without blocklisting or grabbing', async () => {
    // Arrange
    const { handler, blocklist, grabs, outcomes } = setup();

    // Act
    const ignored = await handler.ignore(row(), 'removed by the user');

    // Assert
    expect(ignored?.state).toBe('ignored');
    expect(outcomes.record).toHaveBeenCalledWith(
      expect.objectContaining({
        from: ['downloading', 'importPending', 'importBlocked'],
        to: 'ignored',
        messages: ['removed by the user'],
      }),
    );
    expect(blocklist.add).not.toHaveBeenCalled();
    expect(grabs.grabNextBest).not.toHaveBeenCalled();
  });
});
