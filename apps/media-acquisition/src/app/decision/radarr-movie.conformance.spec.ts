import { normalizeMovieTitle } from './movie-title.normalizer';
import { RADARR_LANGUAGE_CASES } from './radarr-language.fixtures';
import { RADARR_EDITION_CASES, RADARR_TITLE_CASES } from './radarr-movie.fixtures';
import { parseReleaseQuality } from './release-quality.parser';

/**
 * Radarr's ParserFixture / EditionParserFixture / LanguageParserFixture cases (see the fixture files for the
 * commits). Titles are compared as Keel matches them (normalizeMovieTitle): "R.I.P.D." and "RIPD" meet, as
 * Radarr's CleanMovieTitle makes them meet. No case is a known difference today; a future one goes in
 * KNOWN_DIFFERENCES with its reason.
 */
const KNOWN_DIFFERENCES: ReadonlyArray<{ title: string; reason: string }> = [];
const known = new Set(KNOWN_DIFFERENCES.map((difference) => difference.title));

describe('Radarr ParserFixture conformance: title and year', () => {
  const titled = RADARR_TITLE_CASES.filter(([release, title]) => title !== null && !known.has(release));
  const dated = RADARR_TITLE_CASES.filter(([release, , year]) => year !== null && !known.has(release));

  it.each(titled)('reads the title of %j as %j', (release, title) => {
    expect(normalizeMovieTitle(parseReleaseQuality(release).parsed.title)).toBe(normalizeMovieTitle(title as string));
  });

  it.each(dated)('reads the year of %j as %p', (release, _title, year) => {
    expect(parseReleaseQuality(release).parsed.year).toBe(year);
  });
});

describe('Radarr EditionParserFixture conformance', () => {
  it.each(RADARR_EDITION_CASES.filter(([release]) => !known.has(release)))(
    'reads the edition of %j as %j',
    (release, edition) => {
      expect(parseReleaseQuality(release).parsed.editionText).toBe(edition);
    },
  );
});

describe('Radarr LanguageParserFixture conformance', () => {
  it.each(RADARR_LANGUAGE_CASES.filter(([release]) => !known.has(release)))(
    'reads the languages of %j as %j (%s)',
    (release, languages, mode) => {
      // Act
      const found = parseReleaseQuality(release).parsed.languages;

      // Assert
      if (mode === 'exact') expect([...found].sort()).toEqual([...languages].sort());
      else expect(found).toEqual(expect.arrayContaining([...languages]));
    },
  );
});
