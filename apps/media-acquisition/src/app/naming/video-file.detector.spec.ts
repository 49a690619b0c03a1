import { isSampleFile, isVideoFile } from './video-file.detector';

const GB = 1024 ** 3;
const MB = 1024 ** 2;

describe(isVideoFile.name, () => {
  it.each([
    ['Dune.2021.1080p.BluRay.x264-SPARKS.mkv', true],
    ['movie.MP4', true],
    ['movie.avi', true],
    ['movie.m4v', true],
    ['movie.ts', true],
    ['movie.wmv', true],
    ['movie.mov', true],
    ['BDMV/STREAM/00001.m2ts', true],
    ['disc.iso', true],
    ['Dune.2021.nfo', false],
    ['Dune.2021.srt', false],
    ['playlist.m3u', false],
    ['Dune.2021.part01.rar', false],
    ['no-extension', false],
  ])('%s → %s', (name, expected) => {
    expect(isVideoFile(name)).toBe(expected);
  });
});

describe(isSampleFile.name, () => {
  it.each([
    ['a sample token in the name', '/dl/Dune/dune.2021.1080p-sample.mkv', 50 * MB, true],
    ['a file in a Sample folder', '/dl/Dune/Sample/dune.mkv', 50 * MB, true],
    ['a sample token but the largest file', '/dl/The.Sample.2021/The.Sample.2021.1080p.mkv', 8 * GB, false],
    ['a sample-named disc stream', '/dl/Dune/sample.m2ts', 50 * MB, false],
    ['an ISO in a Sample folder', '/dl/Dune/Sample/dune.iso', 50 * MB, false],
    ['a small file without a sample marker', '/dl/Dune/extras.mkv', 50 * MB, false],
    ['a word merely containing "sample"', '/dl/Dune/samplers.mkv', 50 * MB, false],
  ])('%s → %s', (_case, path, size, expected) => {
    expect(isSampleFile(path, size, 8 * GB)).toBe(expected);
  });
});
