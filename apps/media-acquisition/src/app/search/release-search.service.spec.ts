import { Logger } from '@nestjs/common';
import { DownstreamTimeoutError, DownstreamUnavailableError } from '@keel/clients-core';
import type { ProwlarrClient, ProwlarrRelease, ProwlarrSearch } from '@keel/clients-prowlarr';
import type { MovieFileRow } from '../db/schema';
import type { MoviesRepository } from '../movies/movies.repository';
import type { QualityProfilesService } from '../profiles/quality-profiles.service';
import { aCounter, aMediaConfig, aMovie, aMovieFile, anIndexer, aProfileRow, aProwlarrRelease } from '../testing';
import { InMemoryTracking } from '../tracking/testing';
import { ReleaseSearchService } from './release-search.service';

const BLURAY = 'Dune.2021.1080p.BluRay.x264-SPARKS';
const WEB = 'Dune.2021.1080p.WEB-DL.DDP5.1.H.264-FLUX';
const CAM = 'Dune.2021.HDCAM.x264-NOGRP';

function setup(byIndexer: Record<number, ProwlarrRelease[] | Error>, file?: MovieFileRow) {
  const tables = new InMemoryTracking();
  const indexers = Object.keys(byIndexer).map((id) => anIndexer({ id: Number(id), name: `Indexer${id}` }));
  const prowlarr = {
    listIndexers: jest.fn(async () => [...indexers, anIndexer({ id: 99, name: 'Disabled', enable: false })]),
    search: jest.fn(async (request: ProwlarrSearch) => {
      const answer = byIndexer[request.indexerIds![0]];
      if (answer instanceof Error) throw answer;
      return answer;
    }),
  };
  const movies = { file: jest.fn(async () => file) };
  const profiles = { byId: jest.fn(async () => aProfileRow()) };
  const searches = aCounter<'indexer' | 'outcome'>();
  const service = new ReleaseSearchService(
    prowlarr as unknown as ProwlarrClient,
    tables.blocklists,
    movies as unknown as MoviesRepository,
    profiles as unknown as QualityProfilesService,
    aMediaConfig({ searchCacheTtlMs: 60_000, indexerTimeoutMs: 1_000 }),
    searches,
  );
  return { service, tables, prowlarr, profiles, searches };
}

describe(ReleaseSearchService.name, () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('searches each enabled indexer once, drops duplicate guids and ranks approved releases first', async () => {
    // Arrange
    const bluray = aProwlarrRelease({ title: BLURAY });
    const { service, prowlarr, searches } = setup({
      1: [aProwlarrRelease({ title: CAM }), bluray],
      2: [{ ...bluray, indexerId: 2 }, aProwlarrRelease({ title: WEB, indexerId: 2 })],
    });

    // Act
    const result = await service.search(aMovie(), aProfileRow());

    // Assert
    expect(prowlarr.search.mock.calls.map(([request]) => request.indexerIds)).toEqual([[1], [2]]);
    expect(result.decisions.map((d) => [d.release.title, d.approved, d.rank])).toEqual([
      [BLURAY, true, 1],
      [WEB, true, 2],
      [CAM, false, undefined],
    ]);
    expect(result.degraded).toBe(false);
    expect(result.indexers.map((i) => [i.indexer, i.outcome, i.releases])).toEqual([
      ['Indexer1', 'ok', 2],
      ['Indexer2', 'ok', 2],
    ]);
    expect(searches.counted).toEqual([
      { indexer: 'Indexer1', outcome: 'ok' },
      { indexer: 'Indexer2', outcome: 'ok' },
    ]);
  });

  it('keeps the other indexers’ results when one times out, and says the search is degraded', async () => {
    // Arrange
    const { service, searches } = setup({
      1: [aProwlarrRelease({ title: BLURAY })],
      2: new DownstreamTimeoutError('prowlarr', 1_000),
    });

    // Act
    const result = await service.search(aMovie(), aProfileRow());

    // Assert
    expect(result.degraded).toBe(true);
    expect(result.decisions).toHaveLength(1);
    expect(result.indexers[1]).toMatchObject({ indexer: 'Indexer2', outcome: 'timeout', releases: 0 });
    expect(searches.counted).toContainEqual({ indexer: 'Indexer2', outcome: 'timeout' });
  });

  it('answers with the downstream’s own error when every indexer fails', async () => {
    // Arrange
    const unavailable = new DownstreamUnavailableError('prowlarr', 'Prowlarr is down', 503);
    const { service } = setup({ 1: new DownstreamTimeoutError('prowlarr', 1_000), 2: unavailable });

    // Act
    const search = service.search(aMovie(), aProfileRow());

    // Assert
    await expect(search).rejects.toBe(unavailable);
  });

  it('asks Prowlarr again only after the cache’s time-to-live, and says which results were cached', async () => {
    // Arrange
    const { service, prowlarr, searches } = setup({ 1: [aProwlarrRelease({ title: BLURAY })] });
    await service.search(aMovie(), aProfileRow());

    // Act
    const again = await service.search(aMovie(), aProfileRow());

    // Assert
    expect(prowlarr.search).toHaveBeenCalledTimes(1);
    expect(prowlarr.listIndexers).toHaveBeenCalledTimes(1);
    expect(again.indexers[0]).toMatchObject({ cached: true, outcome: 'ok' });
    expect(searches.counted.at(-1)).toEqual({ indexer: 'Indexer1', outcome: 'cached' });
  });

  it('rejects a blocklisted release, and one that is no upgrade of the movie’s file', async () => {
    // Arrange
    const blocked = aProwlarrRelease({ title: BLURAY });
    const { service, tables } = setup(
      { 1: [blocked, aProwlarrRelease({ title: 'Dune.2021.720p.HDTV.x264-GRP' })] },
      aMovieFile({ quality: 'HDTV-720p' }),
    );
    tables.blocklist.push({
      movieId: 'm1',
      releaseGuid: blocked.guid,
      releaseTitle: BLURAY,
      indexerId: 1,
      reason: 'x',
    });

    // Act
    const result = await service.search(aMovie(), aProfileRow());

    // Assert
    const codes = new Map(result.decisions.map((d) => [d.release.title, d.rejections.map((r) => r.code)]));
    expect(codes.get(BLURAY)).toContain('blocklisted');
    expect(codes.get('Dune.2021.720p.HDTV.x264-GRP')).toEqual(
      expect.arrayContaining([expect.stringMatching(/^(notAnUpgrade|cutoffMet)$/)]),
    );
    expect(result.decisions.some((d) => d.approved)).toBe(false);
  });

  it('answers a decision on a guid from the movie’s last search, with its Prowlarr release; no re-search', async () => {
    // Arrange
    const bluray = aProwlarrRelease({ title: BLURAY, downloadUrl: 'http://prowlarr.test/1/download?link=bluray' });
    const { service, prowlarr } = setup({ 1: [bluray] });
    await service.searchFor(aMovie());

    // Act
    const decision = await service.decisionOn(aMovie(), bluray.guid);
    const unknown = await service.decisionOn(aMovie(), 'https://indexer.invalid/none');

    // Assert
    expect(decision).toMatchObject({ approved: true, release: { guid: bluray.guid, downloadUrl: bluray.downloadUrl } });
    expect(unknown).toBeUndefined();
    expect(prowlarr.listIndexers).toHaveBeenCalledTimes(1);
    expect(prowlarr.search).toHaveBeenCalledTimes(1);
  });

  it('searches under the movie’s own profile for a decision when the movie has no recent search', async () => {
    // Arrange
    const bluray = aProwlarrRelease({ title: BLURAY });
    const { service, prowlarr, profiles } = setup({ 1: [bluray] });

    // Act
    const decision = await service.decisionOn(aMovie(), bluray.guid);

    // Assert
    expect(profiles.byId).toHaveBeenCalledWith('p1');
    expect(prowlarr.search).toHaveBeenCalledTimes(1);
    expect(decision?.release.title).toBe(BLURAY);
  });

  it('judges releases from a feed with their indexers’ priorities, without searching', async () => {
    // Arrange
    const { service, prowlarr } = setup({ 1: [] });
    const feed = [aProwlarrRelease({ title: WEB, indexerId: 3 }), aProwlarrRelease({ title: CAM, indexerId: 3 })];

    // Act
    const result = await service.judge(aMovie(), aProfileRow(), [...feed, feed[0]], new Map([[3, 10]]));

    // Assert
    expect(prowlarr.search).not.toHaveBeenCalled();
    expect(result.decisions.map((d) => [d.release.title, d.release.indexerPriority, d.approved])).toEqual([
      [WEB, 10, true],
      [CAM, 10, false],
    ]);
  });
});
