import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { LinkFunction } from './hardlink-or-copy';
import type { ImportRequest } from './import-outcome';
import { MovieFileImporter } from './movie-file.importer';

describe(MovieFileImporter.name, () => {
  let tmp: string;
  let downloads: string;
  let library: string;

  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'keel-import-'));
    downloads = path.join(tmp, 'downloads');
    library = path.join(tmp, 'library');
    fs.mkdirSync(downloads);
    fs.mkdirSync(library);
  });

  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  function writeFile(relative: string, bytes: number, fill = 'x'): string {
    const file = path.join(downloads, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, Buffer.alloc(bytes, fill));
    return file;
  }

  function request(contentPath: string, overrides: Partial<ImportRequest> = {}): ImportRequest {
    return {
      contentPath,
      libraryRoot: library,
      movie: { title: 'The Matrix', year: 1999 },
      quality: { name: 'Bluray-1080p' },
      revision: { version: 1, real: 0 },
      ...overrides,
    };
  }

  const exdevLink: LinkFunction = async () => {
    throw Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' });
  };

  const movieFile = 'The Matrix (1999)/The Matrix (1999) Bluray-1080p.mkv';

  it('hard-links a single-file download into the movie folder under the Radarr name', async () => {
    // Arrange
    const source = writeFile('The.Matrix.1999.1080p.BluRay.x264-GRP.mkv', 1000);

    // Act
    const outcome = await new MovieFileImporter().import(request(source));

    // Assert
    const destination = path.join(library, movieFile);
    expect(outcome).toEqual({
      kind: 'imported',
      path: destination,
      relativePath: movieFile,
      size: 1000,
      mode: 'hardlink',
      alreadyPresent: false,
    });
    expect(fs.statSync(destination).ino).toBe(fs.statSync(source).ino);
    expect(fs.statSync(destination).nlink).toBe(2);
    expect(fs.existsSync(source)).toBe(true);
  });

  it('imports the largest video of a folder and skips its samples', async () => {
    // Arrange
    const folder = path.join(downloads, 'The.Matrix.1999.1080p.BluRay.x264-GRP');
    writeFile('The.Matrix.1999.1080p.BluRay.x264-GRP/the.matrix.1999.1080p.mkv', 3000, 'm');
    writeFile('The.Matrix.1999.1080p.BluRay.x264-GRP/Sample/sample.mkv', 100, 's');
    writeFile('The.Matrix.1999.1080p.BluRay.x264-GRP/grp-the.matrix-sample.mkv', 120, 's');
    writeFile('The.Matrix.1999.1080p.BluRay.x264-GRP/the.matrix.nfo', 10, 'n');

    // Act
    const outcome = await new MovieFileImporter().import(request(folder));

    // Assert
    expect(outcome).toMatchObject({ kind: 'imported', relativePath: movieFile, size: 3000 });
    expect(fs.readdirSync(path.join(library, 'The Matrix (1999)'))).toEqual(['The Matrix (1999) Bluray-1080p.mkv']);
    expect(fs.readFileSync(path.join(library, movieFile))[0]).toBe('m'.charCodeAt(0));
  });

  it('keeps the extension of the source file', async () => {
    // Arrange
    const source = writeFile('the.matrix.1999.mp4', 500);

    // Act
    const outcome = await new MovieFileImporter().import(request(source));

    // Assert
    expect(outcome).toMatchObject({
      kind: 'imported',
      relativePath: 'The Matrix (1999)/The Matrix (1999) Bluray-1080p.mp4',
    });
  });

  it('blocks with noVideoFile when the download holds no video', async () => {
    // Arrange
    const folder = path.join(downloads, 'The.Matrix.1999.1080p.BluRay.x264-GRP');
    writeFile('The.Matrix.1999.1080p.BluRay.x264-GRP/the.matrix.rar', 3000);
    writeFile('The.Matrix.1999.1080p.BluRay.x264-GRP/the.matrix.nfo', 10);

    // Act
    const outcome = await new MovieFileImporter().import(request(folder));

    // Assert
    expect(outcome).toMatchObject({ kind: 'blocked', reason: 'noVideoFile' });
    expect(fs.readdirSync(library)).toEqual([]);
  });

  it('copies when a hard link is impossible, leaving no partial file behind', async () => {
    // Arrange
    const source = writeFile('the.matrix.1999.mkv', 2048, 'c');
    const importer = new MovieFileImporter({ link: exdevLink });

    // Act
    const outcome = await importer.import(request(source));

    // Assert
    const destination = path.join(library, movieFile);
    expect(outcome).toMatchObject({ kind: 'imported', mode: 'copy', alreadyPresent: false, size: 2048 });
    expect(fs.statSync(destination).nlink).toBe(1);
    expect(fs.statSync(destination).ino).not.toBe(fs.statSync(source).ino);
    expect(fs.readFileSync(destination).equals(fs.readFileSync(source))).toBe(true);
    expect(fs.readdirSync(path.dirname(destination))).toEqual([path.basename(destination)]);
    expect(fs.statSync(source).nlink).toBe(1);
  });

  it('reports an earlier hard link as already present without linking again', async () => {
    // Arrange
    const source = writeFile('the.matrix.1999.mkv', 1000);
    const importer = new MovieFileImporter();
    await importer.import(request(source));

    // Act
    const outcome = await importer.import(request(source));

    // Assert
    expect(outcome).toMatchObject({
      kind: 'imported',
      mode: 'hardlink',
      alreadyPresent: true,
      relativePath: movieFile,
    });
    expect(fs.readdirSync(path.join(library, 'The Matrix (1999)'))).toHaveLength(1);
    expect(fs.statSync(source).nlink).toBe(2);
  });

  it('reports an earlier copy as already present without copying again', async () => {
    // Arrange
    const source = writeFile('the.matrix.1999.mkv', 1000);
    const importer = new MovieFileImporter({ link: exdevLink });
    await importer.import(request(source));
    const firstCopy = fs.statSync(path.join(library, movieFile));

    // Act
    const outcome = await importer.import(request(source));

    // Assert
    expect(outcome).toMatchObject({ kind: 'imported', mode: 'copy', alreadyPresent: true });
    expect(fs.statSync(path.join(library, movieFile)).ino).toBe(firstCopy.ino);
    expect(fs.readdirSync(path.join(library, 'The Matrix (1999)'))).toHaveLength(1);
  });

  it('blocks with destinationExists and leaves a different file at the destination untouched', async () => {
    // Arrange
    const source = writeFile('the.matrix.1999.mkv', 1000);
    const destination = path.join(library, movieFile);
    fs.mkdirSync(path.dirname(destination), { recursive: true });
    fs.writeFileSync(destination, 'someone else');

    // Act
    const outcome = await new MovieFileImporter().import(request(source));

    // Assert
    expect(outcome).toMatchObject({ kind: 'blocked', reason: 'destinationExists' });
    expect(outcome.kind === 'blocked' && outcome.message).toContain(movieFile);
    expect(fs.readFileSync(destination, 'utf8')).toBe('someone else');
    expect(fs.statSync(source).nlink).toBe(1);
  });

  it('replaces characters that are illegal in file names, Radarr style', async () => {
    // Arrange
    const source = writeFile('Mission.Impossible.1996.mkv', 1000);
    const movie = { title: 'Mission: Impossible', year: 1996 };

    // Act
    const outcome = await new MovieFileImporter().import(request(source, { movie }));

    // Assert
    expect(outcome).toMatchObject({
      kind: 'imported',
      relativePath: 'Mission - Impossible (1996)/Mission - Impossible (1996) Bluray-1080p.mkv',
    });
    expect(fs.existsSync(path.join(library, 'Mission - Impossible (1996)'))).toBe(true);
  });

  it('names a PROPER REAL release with its full quality', async () => {
    // Arrange
    const source = writeFile('the.matrix.1999.proper.real.mkv', 1000);

    // Act
    const outcome = await new MovieFileImporter().import(request(source, { revision: { version: 2, real: 1 } }));

    // Assert
    expect(outcome).toMatchObject({ relativePath: 'The Matrix (1999)/The Matrix (1999) Bluray-1080p Proper REAL.mkv' });
  });

  it('blocks with contentMissing when the download is gone', async () => {
    // Arrange
    const gone = path.join(downloads, 'The.Matrix.1999.1080p.BluRay.x264-GRP');

    // Act
    const outcome = await new MovieFileImporter().import(request(gone));

    // Assert
    expect(outcome).toMatchObject({ kind: 'blocked', reason: 'contentMissing' });
    expect(fs.readdirSync(library)).toEqual([]);
  });

  it('blocks with libraryRootMissing and creates nothing when the root folder is missing', async () => {
    // Arrange
    const source = writeFile('the.matrix.1999.mkv', 1000);
    const missingRoot = path.join(tmp, 'unmounted', 'movies');

    // Act
    const outcome = await new MovieFileImporter().import(request(source, { libraryRoot: missingRoot }));

    // Assert
    expect(outcome).toMatchObject({ kind: 'blocked', reason: 'libraryRootMissing' });
    expect(fs.existsSync(path.join(tmp, 'unmounted'))).toBe(false);
  });

  it('throws on an I/O error it cannot judge, so the caller retries later', async () => {
    // Arrange
    const source = writeFile('the.matrix.1999.mkv', 1000);
    const brokenLink: LinkFunction = async () => {
      throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
    };

    // Act
    const attempt = new MovieFileImporter({ link: brokenLink }).import(request(source));

    // Assert
    await expect(attempt).rejects.toMatchObject({ code: 'EIO' });
    expect(fs.existsSync(path.join(library, movieFile))).toBe(false);
  });
});
