import { Logger } from '@nestjs/common';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MovieFileRow } from '../db/schema';
import type { MoviesRepository } from '../movies/movies.repository';
import { aCounter, aMediaConfig, aMovie, aMovieFile } from '../testing';
import { aTrackedDownload, InMemoryTracking } from '../tracking/testing';
import { CompletedDownloadHandler } from './completed-download.handler';
import type { ImportOutcome } from './import-outcome';
import type { MovieFileImporter } from './movie-file.importer';

const IMPORTED: ImportOutcome = {
  kind: 'imported',
  path: '/library/Dune (2021)/Dune (2021) Bluray-1080p.mkv',
  relativePath: 'Dune (2021)/Dune (2021) Bluray-1080p.mkv',
  size: 8,
  mode: 'hardlink',
  alreadyPresent: false,
};

function setup(options: { outcome?: ImportOutcome | Error; file?: MovieFileRow; libraryRoot?: string } = {}) {
  const tables = new InMemoryTracking();
  const importer = {
    import: jest.fn(async () => {
      if (options.outcome instanceof Error) throw options.outcome;
      return options.outcome ?? IMPORTED;
    }),
  };
  const movies = { find: jest.fn(async () => aMovie()), file: jest.fn(async () => options.file) };
  const imports = aCounter<'outcome'>();
  const handler = new CompletedDownloadHandler(
    importer as unknown as MovieFileImporter,
    tables.tracked,
    movies as unknown as MoviesRepository,
    aMediaConfig({ monitorLeaseTtlMs: 60_000, libraryRoot: options.libraryRoot ?? '/library' }),
    imports,
  );
  return { handler, tables, importer, movies, imports };
}

const pending = () =>
  aTrackedDownload({ movieId: 'm1', state: 'importPending', outputPath: '/downloads/Dune.2021.1080p.BluRay' });

describe(CompletedDownloadHandler.name, () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('claims a pending import, links the file into the library and records the movie downloaded', async () => {
    // Arrange
    const { handler, tables, importer, imports } = setup();
    const [row] = tables.seed(pending());

    // Act
    await handler.import(row);

    // Assert
    expect(importer.import).toHaveBeenCalledWith({
      contentPath: '/downloads/Dune.2021.1080p.BluRay',
      libraryRoot: '/library',
      movie: { title: 'Dune', year: 2021 },
      quality: { name: 'Bluray-1080p' },
      revision: { version: 1, real: 0 },
    });
    expect(tables.row(row.id)?.state).toBe('imported');
    expect(tables.files.get('m1')).toMatchObject({ relativePath: IMPORTED.relativePath, transfer: 'hardlink' });
    expect(tables.movieStatus.get('m1')).toBe('downloaded');
    expect(tables.history).toEqual([expect.objectContaining({ event: 'imported' })]);
    expect(tables.events.map((e) => e.state)).toEqual(['importing', 'imported']);
    expect(imports.counted).toEqual([{ outcome: 'imported' }]);
  });

  it('imports once when two monitors hand it the same download', async () => {
    // Arrange
    const { handler, tables, importer } = setup();
    const [row] = tables.seed(pending());

    // Act
    await Promise.all([handler.import(row), handler.import(row)]);

    // Assert
    expect(importer.import).toHaveBeenCalledTimes(1);
    expect(tables.history).toHaveLength(1);
  });

  it('blocks the import with the importer’s message, and leaves the movie downloading', async () => {
    // Arrange
    const { handler, tables, imports } = setup({
      outcome: { kind: 'blocked', reason: 'noVideoFile', message: 'No video file in the download' },
    });
    const [row] = tables.seed(pending());

    // Act
    await handler.import(row);

    // Assert
    expect(tables.row(row.id)).toMatchObject({ state: 'importBlocked', messages: ['No video file in the download'] });
    expect(tables.movieStatus.get('m1')).toBe('downloading');
    expect(imports.counted).toEqual([{ outcome: 'blocked' }]);
  });

  it('blocks a download without a content path, or whose movie was deleted, without importing', async () => {
    // Arrange
    const noPath = setup();
    const [pathless] = noPath.tables.seed({ ...pending(), outputPath: null });
    const deleted = setup();
    const [orphan] = deleted.tables.seed(pending());
    deleted.movies.find.mockResolvedValueOnce(undefined as never);

    // Act
    await noPath.handler.import(pathless);
    await deleted.handler.import(orphan);

    // Assert
    expect(noPath.tables.row(pathless.id)?.messages).toEqual(['qBittorrent reported no content path for the download']);
    expect(deleted.tables.row(orphan.id)?.messages).toEqual(['The movie was deleted']);
    expect(noPath.importer.import).not.toHaveBeenCalled();
    expect(deleted.importer.import).not.toHaveBeenCalled();
  });

  it('puts the download back to pending when the import throws, so the next tick tries again', async () => {
    // Arrange
    const { handler, tables, imports } = setup({ outcome: new Error('ENOSPC: no space left on device') });
    const [row] = tables.seed(pending());

    // Act
    await handler.import(row);

    // Assert
    expect(tables.row(row.id)).toMatchObject({
      state: 'importPending',
      messages: ['Import failed: ENOSPC: no space left on device'],
    });
    expect(tables.history).toEqual([]);
    expect(imports.counted).toEqual([{ outcome: 'error' }]);
  });

  it('does nothing with a download another importer holds', async () => {
    // Arrange
    const { handler, tables, importer } = setup();
    const [row] = tables.seed({ ...pending(), state: 'importing', updatedAt: new Date() });

    // Act
    await handler.import(row);

    // Assert
    expect(importer.import).not.toHaveBeenCalled();
    expect(tables.events).toEqual([]);
  });

  describe('an upgrade', () => {
    let root: string;
    beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'keel-import-'))));
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it('deletes the file it supersedes from the library', async () => {
      // Arrange
      const previous = aMovieFile({ relativePath: 'Dune (2021)/Dune (2021) HDTV-720p.mkv' });
      mkdirSync(join(root, 'Dune (2021)'));
      writeFileSync(join(root, previous.relativePath), 'old');
      const { handler, tables } = setup({ file: previous, libraryRoot: root });
      const [row] = tables.seed(pending());

      // Act
      await handler.import(row);

      // Assert
      expect(existsSync(join(root, previous.relativePath))).toBe(false);
      expect(readdirSync(join(root, 'Dune (2021)'))).toEqual([]);
      expect(tables.row(row.id)?.state).toBe('imported');
    });
  });
});
