import { ConflictException, Logger, NotFoundException } from '@nestjs/common';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HistoryRow, MovieFileRow, MovieRow } from '../db/schema';
import type { QualityProfilesService } from '../profiles/quality-profiles.service';
import { aMediaConfig, aMovie, aMovieFile, aProfileRow } from '../testing';
import type { HistoryRepository } from '../tracking/history.repository';
import { aTrackedDownload } from '../tracking/testing';
import type { TrackedDownloadsRepository } from '../tracking/tracked-downloads.repository';
import { MovieAddedEvents } from './movie-added.events';
import type { MovieAdded } from './movie-added.events';
import type { CompleteMovie, MovieMetadataService } from './movie-metadata.service';
import type { MoviePatch, MoviesRepository } from './movies.repository';
import { MoviesService } from './movies.service';

function setup(options: { libraryRoot?: string; file?: MovieFileRow } = {}) {
  const rows = new Map<string, MovieRow>([['m1', aMovie()]]);
  const movies = {
    insert: jest.fn(async (row: MovieRow) => {
      if ([...rows.values()].some((r) => r.title === row.title && r.year === row.year)) return undefined;
      rows.set(row.id, row);
      return row;
    }),
    find: jest.fn(async (id: string) => rows.get(id)),
    list: jest.fn(async () => [...rows.values()]),
    update: jest.fn(async (id: string, patch: MoviePatch) => {
      const row = rows.get(id);
      if (row) Object.assign(row, patch);
      return row;
    }),
    delete: jest.fn(async (id: string) => rows.delete(id)),
    file: jest.fn(async () => options.file),
    snapshot: jest.fn(<T>(read: (db: unknown) => Promise<T>) => read(undefined)),
  };
  const hd = aProfileRow();
  const sd = aProfileRow({ id: 'p2', name: 'SD' });
  const profiles = {
    resolve: jest.fn(async (name?: string) => {
      if (name === undefined || name === hd.name) return hd;
      if (name === sd.name) return sd;
      throw new NotFoundException(`No quality profile named "${name}"`);
    }),
    byId: jest.fn(async (id: string) => (id === sd.id ? sd : hd)),
    list: jest.fn(async () => [hd, sd]),
  };
  const downloads = {
    latestForMovie: jest.fn(async () => undefined as ReturnType<typeof aTrackedDownload> | undefined),
  };
  const history = { forMovie: jest.fn(async (): Promise<HistoryRow[]> => []) };
  const metadata = {
    complete: jest.fn(async (body: { title?: string; year?: number }) => ({ title: 'Arrival', year: 2016, ...body })),
  };
  const added = new MovieAddedEvents();
  const published: MovieAdded[] = [];
  added.subscribe((event) => published.push(event));
  const service = new MoviesService(
    movies as unknown as MoviesRepository,
    profiles as unknown as QualityProfilesService,
    downloads as unknown as TrackedDownloadsRepository,
    history as unknown as HistoryRepository,
    metadata as unknown as MovieMetadataService,
    added,
    aMediaConfig({ libraryRoot: options.libraryRoot ?? '/library' }),
  );
  return { service, rows, movies, profiles, downloads, history, metadata, published };
}

describe(MoviesService.name, () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('adds a wanted movie under the named profile, completed from metadata, and says it was added', async () => {
    // Arrange
    const { service, rows, metadata, published } = setup();

    // Act
    const movie = await service.create({ tmdbId: 329865, qualityProfile: 'SD', searchOnAdd: false });

    // Assert
    expect(metadata.complete).toHaveBeenCalledWith({ tmdbId: 329865, qualityProfile: 'SD', searchOnAdd: false });
    expect(movie).toMatchObject({
      title: 'Arrival',
      year: 2016,
      tmdbId: 329865,
      qualityProfile: 'SD',
      status: 'wanted',
    });
    expect(rows.get(movie.id)).toMatchObject({ qualityProfileId: 'p2', monitored: true });
    expect(published).toEqual([{ movie: rows.get(movie.id), search: false }]);
  });

  it('answers 409 to a movie already in the list, and announces nothing', async () => {
    // Arrange
    const { service, published } = setup();

    // Act
    const create = service.create({ title: 'Dune', year: 2021 } as CompleteMovie);

    // Assert
    await expect(create).rejects.toBeInstanceOf(ConflictException);
    expect(published).toEqual([]);
  });

  it('changes only what an update gives, resolving a new profile by name', async () => {
    // Arrange
    const { service, movies } = setup();

    // Act
    const updated = await service.update('m1', { qualityProfile: 'SD' });

    // Assert
    expect(movies.update).toHaveBeenCalledWith('m1', { qualityProfileId: 'p2' });
    expect(updated).toMatchObject({ id: 'm1', qualityProfile: 'SD', monitored: true });
  });

  it('answers 404 for a movie that is not there', async () => {
    // Arrange
    const { service } = setup();

    // Act
    const answers = await Promise.all(
      [
        service.get('nope'),
        service.update('nope', { monitored: false }),
        service.history('nope'),
        service.delete('nope', true),
      ].map((p: Promise<unknown>) => p.catch((error: Error) => error)),
    );

    // Assert
    for (const answer of answers) expect(answer).toBeInstanceOf(NotFoundException);
  });

  it('shows a movie with its profile, file and latest download', async () => {
    // Arrange
    const { service, downloads } = setup({ file: aMovieFile() });
    downloads.latestForMovie.mockResolvedValueOnce(aTrackedDownload({ downloadId: 'A', state: 'imported' }));

    // Act
    const movie = await service.get('m1');

    // Assert
    expect(movie).toMatchObject({
      qualityProfile: 'HD-1080p',
      file: { relativePath: aMovieFile().relativePath, quality: 'HDTV-720p' },
      download: { downloadId: 'A', state: 'imported' },
    });
  });

  it('lists movies with their profiles’ names, and a movie’s history newest first as stored', async () => {
    // Arrange
    const { service, history } = setup();
    history.forMovie.mockResolvedValueOnce([
      {
        id: 'h1',
        movieId: 'm1',
        downloadId: 'A',
        event: 'grabbed',
        sourceTitle: 'Dune.2021.1080p',
        quality: null,
        data: { indexer: 'x' },
        date: new Date('2026-01-01T00:00:00Z'),
      },
    ]);

    // Act
    const list = await service.list();
    const entries = await service.history('m1');

    // Assert
    expect(list.map((m) => [m.title, m.qualityProfile])).toEqual([['Dune', 'HD-1080p']]);
    expect(entries).toEqual([
      {
        event: 'grabbed',
        sourceTitle: 'Dune.2021.1080p',
        downloadId: 'A',
        quality: undefined,
        data: { indexer: 'x' },
        date: '2026-01-01T00:00:00.000Z',
      },
    ]);
  });

  describe('deleting', () => {
    let root: string;
    beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'keel-movies-'))));
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it('removes the movie, and its file only when asked', async () => {
      // Arrange
      const file = aMovieFile();
      mkdirSync(join(root, 'Dune (2021)'));
      writeFileSync(join(root, file.relativePath), 'movie');
      const keep = setup({ libraryRoot: root, file });
      const discard = setup({ libraryRoot: root, file });

      // Act
      await keep.service.delete('m1', false);
      const kept = existsSync(join(root, file.relativePath));
      await discard.service.delete('m1', true);

      // Assert
      expect(keep.rows.has('m1')).toBe(false);
      expect(kept).toBe(true);
      expect(existsSync(join(root, file.relativePath))).toBe(false);
    });
  });
});
