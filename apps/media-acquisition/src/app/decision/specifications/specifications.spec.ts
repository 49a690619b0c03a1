import { MEGABYTE } from '../decision.constants';
import { aContext, DUNE, evaluated, GB } from '../testing';
import { acceptableSizeSpecification } from './acceptable-size.specification';
import { blocklistedSpecification } from './blocklisted.specification';
import { minimumSeedersSpecification } from './minimum-seeders.specification';
import { qualityAllowedSpecification } from './quality-allowed.specification';
import { sampleSpecification } from './sample.specification';
import { unparsableSpecification } from './unparsable.specification';
import { wrongMovieSpecification } from './wrong-movie.specification';

describe('qualityAllowedSpecification', () => {
  it('accepts an allowed quality', () => {
    expect(qualityAllowedSpecification(evaluated(), aContext())).toBeUndefined();
  });

  it('rejects a quality the profile does not allow, naming both', () => {
    // Arrange
    const candidate = evaluated({ title: 'Dune.2021.2160p.WEBRip.x265-GRP' });

    // Act
    const rejection = qualityAllowedSpecification(candidate, aContext());

    // Assert
    expect(rejection).toEqual({
      code: 'qualityNotAllowed',
      message: 'Quality WEBRip-2160p is not wanted in profile HD-1080p',
    });
  });
});

describe('acceptableSizeSpecification', () => {
  const webdl = 'Dune.2021.1080p.WEB-DL.H264-GRP'; // 0..100 MB/min
  const strict = { ...DUNE, runtimeMinutes: 100 }; // max 10 000 MB

  it.each([
    ['just under the max', 9_999 * MEGABYTE, undefined],
    ['over the max', 10_001 * MEGABYTE, 'aboveMaximumSize'],
    ['size unknown (0)', 0, undefined],
  ])('%s', (_case, size, code) => {
    expect(acceptableSizeSpecification(evaluated({ title: webdl, size }), aContext({ movie: strict }))?.code).toBe(
      code,
    );
  });

  it('assumes 110 minutes when the runtime is unknown', () => {
    // Arrange: 10.5 GB is over 100 min × 100 MB but under 110 min × 100 MB.
    const candidate = evaluated({ title: webdl, size: 10_500 * MEGABYTE });

    // Act / Assert
    expect(acceptableSizeSpecification(candidate, aContext({ movie: { ...DUNE, runtimeMinutes: 0 } }))).toBeUndefined();
    expect(acceptableSizeSpecification(candidate, aContext({ movie: strict }))?.code).toBe('aboveMaximumSize');
  });

  it('has no maximum for Bluray-1080p', () => {
    expect(acceptableSizeSpecification(evaluated({ size: 500 * GB }), aContext())).toBeUndefined();
  });

  it('rejects below a raised minimum', () => {
    // Arrange: Radarr ships every minimum as 0, so raise one the way a user would.
    const candidate = evaluated({ title: webdl, size: 1 * GB });
    candidate.quality = { ...candidate.quality, minSize: 20 };

    // Act
    const rejection = acceptableSizeSpecification(candidate, aContext({ movie: strict }));

    // Assert
    expect(rejection?.code).toBe('belowMinimumSize');
    expect(rejection?.message).toBe('1.0 GB is smaller than minimum allowed 2.0 GB for WEBDL-1080p (runtime 100 min)');
  });
});

describe('minimumSeedersSpecification', () => {
  it.each([
    ['torrent below the minimum', { seeders: 0 }, 'minimumSeeders'],
    ['torrent at the minimum', { seeders: 1 }, undefined],
    ['torrent with unknown seeders', { seeders: undefined }, undefined],
    ['usenet', { protocol: 'usenet' as const, seeders: 0 }, undefined],
  ])('%s', (_case, overrides, code) => {
    expect(minimumSeedersSpecification(evaluated(overrides), aContext())?.code).toBe(code);
  });
});

describe('blocklistedSpecification', () => {
  const release = { guid: 'abc', title: 'Dune.2021.1080p.BluRay.x264-SPARKS', indexerId: 7 };

  it.each([
    ['the same guid', { guid: 'abc' }, 'blocklisted'],
    ['title and indexer', { title: release.title, indexerId: 7 }, 'blocklisted'],
    ['the title on any indexer', { title: release.title }, 'blocklisted'],
    ['the title on another indexer', { title: release.title, indexerId: 8 }, undefined],
    ['another guid', { guid: 'xyz' }, undefined],
  ])('matching %s → %s', (_case, entry, code) => {
    expect(blocklistedSpecification(evaluated(release), aContext({ blocklist: [entry] }))?.code).toBe(code);
  });
});

describe('wrongMovieSpecification', () => {
  it.each([
    ['the right movie', 'Dune.2021.1080p.BluRay.x264-GRP', {}, undefined],
    ['a year off by one', 'Dune.2022.1080p.BluRay.x264-GRP', {}, undefined],
    ['a year off by two', 'Dune.2019.1080p.BluRay.x264-GRP', {}, 'Year 2019 does not match Dune (2021)'],
    ['another title', 'Dune.Part.Two.2021.1080p.BluRay.x264-GRP', {}, '"Dune Part Two" does not match Dune'],
    [
      'another IMDb id',
      'Dune.2021.1080p.BluRay.x264-GRP',
      { imdbId: 'tt0087182' },
      'IMDb id tt0087182 is not Dune (tt1160419)',
    ],
    ['the same IMDb id in other case', 'Dune.2021.1080p.BluRay.x264-GRP', { imdbId: 'TT1160419' }, undefined],
    ['another TMDb id', 'Dune.2021.1080p.BluRay.x264-GRP', { tmdbId: 841 }, 'TMDb id 841 is not Dune (438631)'],
    ['no title to compare', '', {}, undefined],
  ])('%s', (_case, title, ids, message) => {
    // Act
    const rejection = wrongMovieSpecification(evaluated({ title, ...ids }), aContext());

    // Assert
    expect(rejection?.message).toBe(message);
    if (message) expect(rejection?.code).toBe('wrongMovie');
  });
});

describe('sampleSpecification', () => {
  it.each([
    ['a sample token after the title', 'Dune.2021.1080p.BluRay.x264.sample-GRP', 5 * GB, 'sample'],
    ['"sample" anywhere and under 70 MB', 'The.Sample.2021.1080p.BluRay.x264-GRP', 69 * MEGABYTE, 'sample'],
    ['"sample" in the movie title of a full-size release', 'The.Sample.2021.1080p.BluRay.x264-GRP', 5 * GB, undefined],
    ['a small release without "sample"', 'Dune.2021.1080p.BluRay.x264-GRP', 10 * MEGABYTE, undefined],
  ])('%s', (_case, title, size, code) => {
    expect(sampleSpecification(evaluated({ title, size }), aContext())?.code).toBe(code);
  });
});

describe('unparsableSpecification', () => {
  it.each([
    ['Dune.2021.1080p.BluRay.x264-GRP', undefined],
    ['Dune.1080p.BluRay.x264-GRP', 'unableToParse'],
    ['', 'unableToParse'],
  ])('%j → %s', (title, code) => {
    expect(unparsableSpecification(evaluated({ title }), aContext())?.code).toBe(code);
  });
});
