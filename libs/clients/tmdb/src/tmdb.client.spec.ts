import { DownstreamContractError, DownstreamRejectedError, DownstreamUnavailableError } from '@keel/clients-core';
import { fakeHttpClient } from '@keel/clients-core/testing';
import type { FakeHttpClient } from '@keel/clients-core/testing';
import { TmdbClient } from './tmdb.client';
import { TMDB } from './tmdb.constants';

const MATRIX = {
  id: 603,
  title: 'The Matrix',
  release_date: '1999-03-31',
  runtime: 136,
  imdb_id: 'tt0133093',
  overview: 'A hacker learns the truth.',
  poster_path: '/matrix.jpg',
};

/** The declared answers of each method, and the typed errors of everything else, over a fake transport. */
describe(TmdbClient.name, () => {
  let http: FakeHttpClient;
  let client: TmdbClient;

  beforeEach(() => {
    http = fakeHttpClient(TMDB);
    client = new TmdbClient(http.client, 'read-token');
  });

  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (error: unknown) => error,
    );

  describe('movie', () => {
    it('reads 200 as the movie, asking with the key as a bearer token only', async () => {
      // Arrange
      http.answer(200, MATRIX);

      // Act
      const movie = await client.movie(603);

      // Assert
      expect(movie).toMatchObject({ tmdbId: 603, title: 'The Matrix', year: 1999, runtimeMinutes: 136 });
      expect(http.calls[0]).toMatchObject({
        operation: 'movie',
        path: '/3/movie/603',
        headers: { authorization: 'Bearer read-token' },
      });
      expect(http.calls[0].query).toBeUndefined();
    });

    it('reads 404 as undefined: an id TMDB does not know', async () => {
      // Arrange
      http.answer(404, { status_code: 34, status_message: 'The resource you requested could not be found.' });

      // Act + Assert
      expect(await client.movie(1)).toBeUndefined();
    });

    it('turns a 401 into DownstreamRejectedError (a wrong key is not a missing movie)', async () => {
      // Arrange
      http.answer(401, { status_code: 7, status_message: 'Invalid API key' });

      // Act
      const error = await failure(client.movie(603));

      // Assert
      expect(error).toBeInstanceOf(DownstreamRejectedError);
      expect(error).toMatchObject({ status: 401 });
    });

    it('turns a movie without a title into DownstreamContractError naming the field', async () => {
      // Arrange
      http.answer(200, { id: 603 });

      // Act
      const error = await failure(client.movie(603));

      // Assert
      expect(error).toBeInstanceOf(DownstreamContractError);
      expect((error as DownstreamContractError).violations).toEqual(['body.title: expected string, got undefined']);
    });

    it('turns a 5xx into DownstreamUnavailableError', async () => {
      // Arrange
      http.answer(503);

      // Act + Assert
      expect(await failure(client.movie(603))).toBeInstanceOf(DownstreamUnavailableError);
    });
  });

  describe('search', () => {
    it('reads 200 as a page, sending title, year and page', async () => {
      // Arrange
      http.answer(200, { page: 1, results: [MATRIX], total_pages: 1, total_results: 1 });

      // Act
      const page = await client.search('matrix', 1999, 1);

      // Assert
      expect(page).toMatchObject({ page: 1, totalPages: 1, totalResults: 1, results: [{ tmdbId: 603, year: 1999 }] });
      expect(http.calls[0]).toMatchObject({
        operation: 'search',
        path: '/3/search/movie',
        query: { query: 'matrix', year: 1999, page: 1, include_adult: false },
      });
    });

    it('turns a 404 into DownstreamRejectedError: search declares no 404', async () => {
      // Arrange
      http.answer(404);

      // Act + Assert
      expect(await failure(client.search('matrix'))).toBeInstanceOf(DownstreamRejectedError);
    });

    it('turns a result without an id into DownstreamContractError naming the result', async () => {
      // Arrange
      http.answer(200, { results: [MATRIX, { title: 'Dune' }] });

      // Act
      const error = await failure(client.search('dune'));

      // Assert
      expect(error).toBeInstanceOf(DownstreamContractError);
      expect((error as DownstreamContractError).violations).toEqual([
        'body.results[1].id: expected number, got undefined',
      ]);
    });

    it('turns a body that is not JSON into DownstreamContractError', async () => {
      // Arrange
      http.answer(200, '<html>maintenance</html>');

      // Act + Assert
      expect(await failure(client.search('matrix'))).toBeInstanceOf(DownstreamContractError);
    });

    it('turns a 429 into DownstreamUnavailableError', async () => {
      // Arrange
      http.answer(429, undefined, { 'retry-after': '2' });

      // Act + Assert
      expect(await failure(client.search('matrix'))).toBeInstanceOf(DownstreamUnavailableError);
    });
  });
});
