import { BadRequestException, Logger, NotFoundException } from '@nestjs/common';
import type { HistoryRow, MovieRow, RadarrIdKind } from '../db/schema';
import type { GrabService } from '../grab/grab.service';
import type { MoviesRepository } from '../movies/movies.repository';
import type { MoviesService } from '../movies/movies.service';
import type { QualityProfilesService } from '../profiles/quality-profiles.service';
import { aMediaConfig, aMovie, aProfileRow } from '../testing';
import type { HistoryRepository } from '../tracking/history.repository';
import { aTrackedDownload } from '../tracking/testing';
import type { TrackedDownloadsRepository } from '../tracking/tracked-downloads.repository';
import type { MovieMetadataSource } from './movie-metadata';
import type { RadarrIdsRepository } from './radarr-ids.repository';
import { RadarrV3Service } from './radarr-v3.service';

/** Integer ids handed out on first sight, per kind, as the radarr_ids table does. */
function fakeIds() {
  const byKind = new Map<RadarrIdKind, Map<string, number>>();
  const table = (kind: RadarrIdKind) => byKind.get(kind) ?? byKind.set(kind, new Map()).get(kind)!;
  const idFor = (kind: RadarrIdKind, key: string) => {
    const ids = table(kind);
    if (!ids.has(key)) ids.set(key, ids.size + 1);
    return ids.get(key)!;
  };
  return {
    idsFor: async (kind: RadarrIdKind, keys: readonly string[]) => new Map(keys.map((key) => [key, idFor(kind, key)])),
    idFor: async (kind: RadarrIdKind, key: string) => idFor(kind, key),
    keyFor: async (kind: RadarrIdKind, id: number) => [...table(kind)].find(([, n]) => n === id)?.[0],
  };
}

function setup(rows: MovieRow[] = [aMovie()]) {
  const ids = fakeIds();
  const movies = {
    create: jest.fn(async (_body: object) => ({ id: 'm9' })),
    update: jest.fn(async () => undefined),
    delete: jest.fn(async () => undefined),
  };
  const movieRows = {
    list: jest.fn(async () => rows),
    find: jest.fn(
      async (id: string) => rows.find((r) => r.id === id) ?? (id === 'm9' ? aMovie({ id: 'm9' }) : undefined),
    ),
    findMany: jest.fn(async (keys: string[]) => rows.filter((r) => keys.includes(r.id))),
    findByTmdbId: jest.fn(async (tmdbId: number) => rows.find((r) => r.tmdbId === tmdbId)),
    file: jest.fn(async () => undefined),
  };
  const hd = aProfileRow();
  const profiles = {
    list: jest.fn(async () => [{ id: hd.id, name: hd.name, ...hd.definition, isDefault: true }]),
    byId: jest.fn(async () => hd),
  };
  const downloads = {
    active: jest.fn(async () => [aTrackedDownload({ movieId: 'm1' }), aTrackedDownload({ movieId: 'm2' })]),
  };
  const history = {
    page: jest.fn(async (): Promise<{ rows: HistoryRow[]; total: number }> => ({ rows: [], total: 0 })),
  };
  const grabs = { grab: jest.fn(async (_movie: MovieRow, _guid?: string, _trigger?: string) => aTrackedDownload()) };
  const metadata = {
    byTmdbId: jest.fn(async (tmdbId: number) =>
      tmdbId === 329865 ? { tmdbId, title: 'Arrival', year: 2016 } : undefined,
    ),
  };
  const service = new RadarrV3Service(
    ids as unknown as RadarrIdsRepository,
    movies as unknown as MoviesService,
    movieRows as unknown as MoviesRepository,
    profiles as unknown as QualityProfilesService,
    downloads as unknown as TrackedDownloadsRepository,
    history as unknown as HistoryRepository,
    grabs as unknown as GrabService,
    metadata as MovieMetadataSource,
    aMediaConfig({ libraryRoot: '/library' }),
  );
  return { service, ids, movies, movieRows, history, grabs, metadata };
}

describe(RadarrV3Service.name, () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('gives profiles and movies Radarr’s integer ids, the same on every read', async () => {
    // Arrange
    const { service } = setup([aMovie(), aMovie({ id: 'm2', title: 'Arrival', tmdbId: 329865 })]);

    // Act
    const profiles = await service.qualityProfiles();
    const movies = await service.movieList();
    const again = await service.movieList(329865);

    // Assert
    expect(profiles).toEqual([expect.objectContaining({ id: 1, name: 'HD-1080p' })]);
    expect(movies.map((m) => [m.id, m.title, m.qualityProfileId])).toEqual([
      [1, 'Dune', 1],
      [2, 'Arrival', 1],
    ]);
    expect(again.map((m) => m.id)).toEqual([2]);
    expect(service.rootFolders()).toEqual([{ id: 1, path: '/library', accessible: true, unmappedFolders: [] }]);
  });

  it('looks a movie up in the library, then in the metadata source, and answers 400 or 404 otherwise', async () => {
    // Arrange
    const { service, metadata } = setup();

    // Act
    const inLibrary = await service.lookup('tmdb:438631');
    const fromTmdb = await service.lookup('329865');
    const unknown = await service.lookup('tmdb:1').catch((error: Error) => error);
    const byTitle = await service.lookup('Dune').catch((error: Error) => error);

    // Assert
    expect(inLibrary).toEqual([expect.objectContaining({ id: 1, title: 'Dune' })]);
    expect(fromTmdb).toEqual([expect.objectContaining({ title: 'Arrival', tmdbId: 329865 })]);
    expect(metadata.byTmdbId).toHaveBeenCalledTimes(2);
    expect(unknown).toBeInstanceOf(NotFoundException);
    expect(byTitle).toBeInstanceOf(BadRequestException);
  });

  it.each(['tmdb:2147483648', '0'])(
    'answers 400 for %p, an id no movie can have, without asking anyone',
    async (term) => {
      // Arrange
      const { service, metadata } = setup();

      // Act
      const error = await service.lookup(term).catch((caught: Error) => caught);

      // Assert
      expect(error).toBeInstanceOf(BadRequestException);
      expect(metadata.byTmdbId).not.toHaveBeenCalled();
    },
  );

  it('adds a movie without searching unless addOptions asks, and refuses a profile id it does not know', async () => {
    // Arrange
    const { service, movies } = setup();
    await service.qualityProfiles();

    // Act
    const added = await service.add({ tmdbId: 329865, qualityProfileId: 1, runtime: 0 });
    await service.add({ tmdbId: 329866, addOptions: { searchForMovie: true } });
    const unknown = await service.add({ tmdbId: 1, qualityProfileId: 7 }).catch((error: Error) => error);

    // Assert
    expect(movies.create.mock.calls.map(([body]) => body)).toEqual([
      expect.objectContaining({
        tmdbId: 329865,
        qualityProfile: 'HD-1080p',
        runtimeMinutes: undefined,
        searchOnAdd: false,
      }),
      expect.objectContaining({ tmdbId: 329866, qualityProfile: undefined, searchOnAdd: true }),
    ]);
    expect(added).toMatchObject({ title: 'Dune' });
    expect(unknown).toBeInstanceOf(BadRequestException);
  });

  it('edits and deletes movies by their integer id, and answers 404 for one it never numbered', async () => {
    // Arrange
    const { service, movies } = setup();
    await service.movieList();

    // Act
    await service.update(1, { monitored: false });
    await service.delete(1, true);
    const unknown = await service.delete(42, false).catch((error: Error) => error);

    // Assert
    expect(movies.update).toHaveBeenCalledWith('m1', { monitored: false, qualityProfile: undefined });
    expect(movies.delete).toHaveBeenCalledWith('m1', true);
    expect(unknown).toBeInstanceOf(NotFoundException);
  });

  it('pages the queue', async () => {
    // Arrange
    const { service } = setup();

    // Act
    const page = await service.queue(2, 1);

    // Assert
    expect(page).toMatchObject({ page: 2, pageSize: 1, totalRecords: 2, sortKey: 'timeleft' });
    expect(page.records.map((r) => [r.id, r.movieId])).toEqual([[2, 2]]);
  });

  it('pages history, for the movies asked about only', async () => {
    // Arrange
    const { service, history } = setup();
    await service.movieList();

    // Act
    const page = await service.historyPage(1, 20, [1, 99]);

    // Assert
    expect(history.page).toHaveBeenCalledWith(0, 20, ['m1']);
    expect(page).toMatchObject({ page: 1, pageSize: 20, totalRecords: 0, records: [] });
  });

  it('searches the movies asked for, or every monitored wanted one, in the background', async () => {
    // Arrange
    const rows = [aMovie(), aMovie({ id: 'm2', status: 'downloaded' }), aMovie({ id: 'm3', monitored: false })];
    const named = setup(rows);
    const missing = setup(rows);
    await named.service.movieList();
    named.grabs.grab.mockRejectedValueOnce(new Error('nothing approved'));

    // Act
    const namedCount = await named.service.searchMovies([2, 3]);
    const missingCount = await missing.service.searchMovies(undefined);
    await new Promise(setImmediate);

    // Assert
    expect(namedCount).toBe(2);
    expect(named.grabs.grab.mock.calls.map(([movie, guid, trigger]) => [movie.id, guid, trigger])).toEqual([
      ['m2', undefined, 'command'],
      ['m3', undefined, 'command'],
    ]);
    expect(missingCount).toBe(1);
    expect(missing.grabs.grab).toHaveBeenCalledWith(aMovie(), undefined, 'command');
  });
});
