import { toMovie, toSearchPage } from './tmdb.mapper';
import { tmdbMovieSchema, tmdbSearchPageSchema } from './tmdb.schemas';

/** What the client does with a body: check it against the schema, then map it. */
const parseMovie = (body: unknown) => toMovie(tmdbMovieSchema.parse(body));
const parseSearchPage = (body: unknown) => toSearchPage(tmdbSearchPageSchema.parse(body));
/** Where a body breaks the schema, as `path: expected type`. */
const violationsOf = (body: unknown) =>
  (tmdbMovieSchema.safeParse(body).error?.issues ?? []).map(
    (issue) => `${['body', ...issue.path].join('.')}: ${issue.message}`,
  );

describe('TMDB answers', () => {
  it('defaults every optional field TMDB leaves out, nulls or zeroes', () => {
    // Arrange
    const body = {
      id: 1_234_567,
      title: 'Untitled Project',
      release_date: '',
      runtime: 0,
      imdb_id: null,
      poster_path: null,
      overview: null,
    };

    // Act
    const movie = parseMovie(body);

    // Assert
    expect(movie).toEqual({
      tmdbId: 1_234_567,
      title: 'Untitled Project',
      originalTitle: 'Untitled Project',
      year: undefined,
      releaseDate: undefined,
      runtimeMinutes: undefined,
      imdbId: undefined,
      overview: '',
      posterPath: undefined,
    });
  });

  it('ignores fields it does not know and keeps the original title', () => {
    // Act
    const movie = parseMovie({
      id: 129,
      title: 'Spirited Away',
      original_title: '千と千尋の神隠し',
      release_date: '2001-07-20',
      runtime: 125,
      imdb_id: 'tt0245429',
      origin_country: ['JP'],
    });

    // Assert
    expect(movie).toMatchObject({
      originalTitle: '千と千尋の神隠し',
      year: 2001,
      runtimeMinutes: 125,
      imdbId: 'tt0245429',
    });
  });

  it.each([
    ['no title', { id: 1 }, 'body.title: Invalid input: expected string'],
    ['a string id', { id: '603', title: 'The Matrix' }, 'body.id: Invalid input: expected number'],
    ['not an object', [], 'body: Invalid input: expected object'],
  ])('refuses a movie with %s', (_name, body, violation) => {
    // Act
    const violations = violationsOf(body);

    // Assert
    expect(violations.join(' ')).toContain(violation);
  });

  it('reads a search page without its counters, and refuses one whose result lacks a title', () => {
    // Act
    const page = parseSearchPage({ results: [{ id: 603, title: 'The Matrix', release_date: '1999-03-31' }] });

    // Assert
    expect(page).toMatchObject({ page: 1, totalPages: 1, totalResults: 1, results: [{ tmdbId: 603, year: 1999 }] });
    expect(tmdbSearchPageSchema.safeParse({ results: [{ id: 603 }] }).success).toBe(false);
  });
});
