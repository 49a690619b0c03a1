import { buildMovieFileName, buildMovieFolderName, cleanFileName, formatQualityFull } from './movie-file-name.builder';

const original = { version: 1, real: 0 };

describe(buildMovieFileName.name, () => {
  it.each([
    [
      { title: 'Blade Runner 2049', year: 2017 },
      'Bluray-1080p',
      original,
      'mkv',
      'Blade Runner 2049 (2017) Bluray-1080p.mkv',
    ],
    [
      { title: 'Mission: Impossible', year: 1996 },
      'WEBDL-1080p',
      { version: 2, real: 0 },
      'mkv',
      'Mission - Impossible (1996) WEBDL-1080p Proper.mkv',
    ],
    [
      { title: 'Dune', year: 2021 },
      'Bluray-1080p',
      { version: 2, real: 1 },
      '.mp4',
      'Dune (2021) Bluray-1080p Proper REAL.mp4',
    ],
    [
      { title: 'Dune', year: 2021 },
      'Bluray-1080p',
      { version: 1, real: 1 },
      'mkv',
      'Dune (2021) Bluray-1080p REAL.mkv',
    ],
    [{ title: 'What If...?', year: 2021 }, 'WEBDL-2160p', original, 'mkv', 'What If...! (2021) WEBDL-2160p.mkv'],
  ])('%j + %s → %s', (movie, quality, revision, ext, expected) => {
    expect(buildMovieFileName(movie, { name: quality, revision }, ext)).toBe(expected);
  });
});

describe(buildMovieFolderName.name, () => {
  it.each([
    ['What If...?', 2021, 'What If...! (2021)'],
    ['AC/DC: Live', 1992, 'AC+DC - Live (1992)'],
    ['Blade Runner 2049', 2017, 'Blade Runner 2049 (2017)'],
    ['Face/Off', 1997, 'Face+Off (1997)'],
  ])('%s (%i) → %s', (title, year, expected) => {
    expect(buildMovieFolderName({ title, year })).toBe(expected);
  });
});

describe(cleanFileName.name, () => {
  it("applies Radarr's replacement table and the Smart colon rule", () => {
    expect(cleanFileName('a\\b/c<d>e?f*g|h"i')).toBe('a+b+cde!f-ghi');
    expect(cleanFileName('Star Wars: Episode IV')).toBe('Star Wars - Episode IV');
    expect(cleanFileName('12:01')).toBe('12-01');
  });
});

describe(formatQualityFull.name, () => {
  it('omits tags the revision does not carry', () => {
    expect(formatQualityFull({ name: 'WEBDL-1080p', revision: original })).toBe('WEBDL-1080p');
  });
});
