import * as path from 'node:path';
import type { ContentFile } from './content-walker';
import { importCandidates, pickMainVideoFile } from './import-candidates';

// Pure functions over a file list: the paths never touch the disk.
const root = path.join(path.sep, 'downloads', 'Movie.2000.1080p.BluRay-GRP');
const file = (relative: string, size: number): ContentFile => ({ path: path.join(root, relative), size });

describe(importCandidates.name, () => {
  it('keeps video files only, largest first', () => {
    // Arrange
    const files = [file('movie.part2.mp4', 800), file('movie.nfo', 5), file('movie.mkv', 1000), file('movie.srt', 2)];

    // Act
    const candidates = importCandidates(files, root);

    // Assert
    expect(candidates).toEqual([file('movie.mkv', 1000), file('movie.part2.mp4', 800)]);
  });

  it.each([
    ['a Sample folder', 'Sample/movie.mkv'],
    ['a samples folder', 'samples/movie.mkv'],
    ['a sample token', 'grp-movie-sample.mkv'],
    ['a leading sample token', 'sample.movie.mkv'],
  ])('drops a small file marked by %s', (_marker, relative) => {
    // Arrange
    const files = [file('movie.mkv', 1000), file(relative, 50)];

    // Act
    const candidates = importCandidates(files, root);

    // Assert
    expect(candidates).toEqual([file('movie.mkv', 1000)]);
  });

  it('keeps a marked file that is not much smaller than the largest', () => {
    // Arrange: a movie whose own title contains "Sample".
    const files = [file('The.Sample.2000.1080p.mkv', 1000), file('extras/featurette.mkv', 400)];

    // Act
    const candidates = importCandidates(files, root);

    // Assert
    expect(candidates.map((candidate) => candidate.size)).toEqual([1000, 400]);
  });

  it('does not treat a word containing "sample" as a sample token', () => {
    // Arrange
    const files = [file('movie.mkv', 1000), file('samplers.showcase.mkv', 50)];

    // Act
    const candidates = importCandidates(files, root);

    // Assert
    expect(candidates).toHaveLength(2);
  });

  it('ignores a "Sample" folder that is the content root or above it', () => {
    // Arrange
    const sampleRoot = path.join(path.sep, 'downloads', 'Sample');
    const small = { path: path.join(sampleRoot, 'movie.cd2.mkv'), size: 50 };
    const files = [{ path: path.join(sampleRoot, 'movie.cd1.mkv'), size: 1000 }, small];

    // Act
    const candidates = importCandidates(files, sampleRoot);

    // Assert
    expect(candidates).toContainEqual(small);
  });

  it('never treats a disc image as a sample', () => {
    // Arrange
    const files = [file('movie.mkv', 1000), file('Sample/sample.iso', 50)];

    // Act
    const candidates = importCandidates(files, root);

    // Assert
    expect(candidates).toContainEqual(file('Sample/sample.iso', 50));
  });

  it('drops a sample next to a much larger non-video file', () => {
    // Arrange: an unextracted archive; its sample must not be imported as the movie.
    const files = [file('movie.rar', 1000), file('Sample/movie-sample.mkv', 50)];

    // Act
    const candidates = importCandidates(files, root);

    // Assert
    expect(candidates).toEqual([]);
  });
});

describe(pickMainVideoFile.name, () => {
  it('picks the largest remaining video file', () => {
    // Arrange
    const files = [file('Sample/sample.mkv', 50), file('movie.cd1.mkv', 700), file('movie.mkv', 1000)];

    // Act
    const main = pickMainVideoFile(files, root);

    // Assert
    expect(main).toEqual(file('movie.mkv', 1000));
  });

  it('returns undefined when there is no video file', () => {
    // Act
    const main = pickMainVideoFile([file('movie.nfo', 5)], root);

    // Assert
    expect(main).toBeUndefined();
  });
});
