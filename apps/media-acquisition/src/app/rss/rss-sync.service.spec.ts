import { Logger } from '@nestjs/common';
import type { ProwlarrClient, ProwlarrRecent, ProwlarrRelease } from '@keel/clients-prowlarr';
import type { MovieRow } from '../db/schema';
import type { GrabService } from '../grab/grab.service';
import type { MoviesRepository } from '../movies/movies.repository';
import type { QualityProfilesService } from '../profiles/quality-profiles.service';
import type { ReleaseSearchResult, ReleaseSearchService } from '../search/release-search.service';
import { aMediaConfig, aMovie, anIndexer, aProfileRow, aProwlarrRelease, decisionsOn } from '../testing';
import { aTrackedDownload } from '../tracking/testing';
import { RssSyncService } from './rss-sync.service';

const DUNE = 'Dune.2021.1080p.BluRay.x264-SPARKS';
const ARRIVAL = 'Arrival.2016.1080p.BluRay.x264-SPARKS';

function setup(feeds: Record<number, ProwlarrRelease[] | Error>, movies: MovieRow[] = [aMovie()]) {
  const indexers = Object.keys(feeds).map((id) => anIndexer({ id: Number(id), name: `Indexer${id}`, priority: 10 }));
  const prowlarr = {
    recentReleases: jest.fn(async (request: ProwlarrRecent) => {
      const feed = feeds[request.indexerId];
      if (feed instanceof Error) throw feed;
      return feed;
    }),
  };
  const search = {
    indexers: jest.fn(async () => [...indexers, anIndexer({ id: 9, supportsRss: false })]),
    judge: jest.fn(async (_movie: MovieRow, _profile: unknown, found: ProwlarrRelease[]) => decisionsOn(found)),
  };
  const grabs = {
    grabDecided: jest.fn(async (movie: MovieRow, result: ReleaseSearchResult) =>
      aTrackedDownload({ movieId: movie.id, releaseTitle: result.decisions[0].release.title }),
    ),
  };
  const service = new RssSyncService(
    prowlarr as unknown as ProwlarrClient,
    search as unknown as ReleaseSearchService,
    { list: jest.fn(async () => movies) } as unknown as MoviesRepository,
    { byId: jest.fn(async () => aProfileRow()) } as unknown as QualityProfilesService,
    grabs as unknown as GrabService,
    aMediaConfig({ rssSyncPauseMs: 0 }),
  );
  return { service, prowlarr, search, grabs };
}

describe(RssSyncService.name, () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('reads each RSS indexer’s feed, judges the releases of each wanted movie and grabs the best', async () => {
    // Arrange
    const { service, prowlarr, search, grabs } = setup({
      1: [aProwlarrRelease({ title: DUNE, imdbId: 'tt1160419' })],
      2: [aProwlarrRelease({ title: ARRIVAL, indexerId: 2 })],
    });

    // Act
    const report = await service.sync();

    // Assert
    expect(prowlarr.recentReleases.mock.calls.map(([request]) => request.indexerId)).toEqual([1, 2]);
    expect(search.judge).toHaveBeenCalledWith(
      aMovie(),
      aProfileRow(),
      [expect.objectContaining({ title: DUNE })],
      new Map([
        [1, 10],
        [2, 10],
      ]),
    );
    expect(grabs.grabDecided).toHaveBeenCalledWith(aMovie(), expect.anything(), 'rss');
    expect(report).toEqual({ indexers: 2, failedIndexers: 0, releases: 2, matched: 1, grabbed: 1 });
  });

  it('skips movies downloading or unmonitored, and grabs nothing when nothing is approved', async () => {
    // Arrange
    const feed = [
      aProwlarrRelease({ title: 'Dune.2021.HDCAM.x264-NOGRP' }),
      aProwlarrRelease({ title: ARRIVAL }),
      aProwlarrRelease({ title: 'Inception.2010.1080p.BluRay.x264-SPARKS' }),
    ];
    const { service, grabs } = setup({ 1: feed }, [
      aMovie(),
      aMovie({ id: 'm2', title: 'Arrival', year: 2016, imdbId: null, tmdbId: null, status: 'downloading' }),
      aMovie({ id: 'm3', title: 'Inception', year: 2010, imdbId: null, tmdbId: null, monitored: false }),
    ]);

    // Act
    const report = await service.sync();

    // Assert
    expect(grabs.grabDecided).not.toHaveBeenCalled();
    expect(report).toMatchObject({ matched: 1, grabbed: 0 });
  });

  it('keeps going past a failed feed and a failed grab, and fails the run only when every feed fails', async () => {
    // Arrange
    const partly = setup({ 1: new Error('indexer 1 down'), 2: [aProwlarrRelease({ title: DUNE })] });
    partly.grabs.grabDecided.mockRejectedValueOnce(new Error('Dune is already downloading'));
    const down = new Error('Prowlarr is down');
    const wholly = setup({ 1: down, 2: down });

    // Act
    const report = await partly.service.sync();
    const failed = await wholly.service.sync().catch((error: Error) => error);

    // Assert
    expect(report).toEqual({ indexers: 2, failedIndexers: 1, releases: 1, matched: 1, grabbed: 0 });
    expect(failed).toBe(down);
  });
});
