import type { RunningEmulator } from '../kernel/emulator.types';
import { BEARER, http } from '../testing/http-client';
import { startTmdbEmulator } from './tmdb.emulator';
import { TMDB_MOVIES } from './tmdb.seed';
import { PROWLARR_MOVIES } from '../prowlarr/prowlarr-releases.seed';

describe(startTmdbEmulator.name, () => {
  let tmdb: RunningEmulator;
  const get = (path: string, headers: Record<string, string> = BEARER) => http(`${tmdb.url}${path}`, { headers });

  beforeAll(async () => {
    tmdb = await startTmdbEmulator();
  });

  afterAll(async () => {
    await tmdb.close();
  });

  beforeEach(() => {
    tmdb.setFaults(null);
    tmdb.resetStats();
  });

  it('seeds every movie the Prowlarr emulator has releases for, with the same title, year and ids', () => {
    // Arrange
    const byId = new Map(TMDB_MOVIES.map((m) => [m.id, m]));

    // Assert
    expect(TMDB_MOVIES.length).toBeGreaterThanOrEqual(12);
    for (const seeded of Object.values(PROWLARR_MOVIES)) {
      const movie = byId.get(seeded.tmdbId);
      expect({ title: movie?.title, year: movie?.release_date.slice(0, 4), imdbId: movie?.imdb_id }).toEqual({
        title: seeded.title,
        year: String(seeded.year),
        imdbId: seeded.imdbId,
      });
    }
  });

  describe('GET /3/movie/:id', () => {
    it('answers TMDB’s details shape for a known id', async () => {
      // Act
      const res = await get('/3/movie/603');

      // Assert
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/json;charset=utf-8');
      expect(res.json()).toMatchObject({
        id: 603,
        title: 'The Matrix',
        original_title: 'The Matrix',
        release_date: '1999-03-31',
        runtime: 136,
        imdb_id: 'tt0133093',
        status: 'Released',
        genres: [
          { id: 28, name: 'Action' },
          { id: 878, name: 'Science Fiction' },
        ],
      });
      expect(typeof res.json().overview).toBe('string');
      expect(res.json().poster_path).toMatch(/^\/.+\.jpg$/);
    });

    it.each([
      ['/3/movie/999999999', 34],
      ['/3/movie/abc', 6],
    ])('answers %s with 404 and TMDB’s status_code %d', async (path, code) => {
      // Act
      const res = await get(path);

      // Assert
      expect(res.status).toBe(404);
      expect(res.json()).toEqual({ status_code: code, status_message: expect.any(String), success: false });
    });
  });

  describe('authentication', () => {
    it('takes a bearer token or an api_key query parameter', async () => {
      // Act
      const bearer = await get('/3/movie/27205');
      const query = await get('/3/movie/27205?api_key=abc', {});

      // Assert
      expect([bearer.status, query.status]).toEqual([200, 200]);
      expect(query.json().title).toBe('Inception');
    });

    it.each([
      ['no key', {}],
      ['an empty bearer', { authorization: 'Bearer ' }],
    ])('answers 401 with status_code 7 for %s', async (_name, headers) => {
      // Act
      const res = await get('/3/movie/603', headers);

      // Assert
      expect(res.status).toBe(401);
      expect(res.json()).toEqual({
        status_code: 7,
        status_message: 'Invalid API key: You must be granted a valid key.',
        success: false,
      });
    });

    it('accepts only the configured key when one is set', async () => {
      // Arrange
      const strict = await startTmdbEmulator({ apiKey: 'the-key' });

      try {
        // Act
        const wrong = await http(`${strict.url}/3/movie/603`, { headers: BEARER });
        const right = await http(`${strict.url}/3/movie/603`, { headers: { authorization: 'Bearer the-key' } });
        const inQuery = await http(`${strict.url}/3/search/movie?query=matrix&api_key=the-key`);

        // Assert
        expect([wrong.status, right.status, inQuery.status]).toEqual([401, 200, 200]);
      } finally {
        await strict.close();
      }
    });
  });

  describe('GET /3/search/movie', () => {
    it('matches titles case-insensitively, most popular first, in TMDB’s page shape', async () => {
      // Act
      const res = await get('/3/search/movie?query=matrix');

      // Assert
      expect(res.status).toBe(200);
      expect(res.json()).toMatchObject({ page: 1, total_pages: 1, total_results: 2 });
      expect(res.json().results.map((m: { id: number }) => m.id)).toEqual([603, 604]);
      expect(res.json().results[0]).toMatchObject({
        id: 603,
        title: 'The Matrix',
        release_date: '1999-03-31',
        genre_ids: [28, 878],
      });
      expect(res.json().results[0].runtime).toBeUndefined();
    });

    it('narrows by year, which tells the two Dunes apart', async () => {
      // Act
      const both = await get('/3/search/movie?query=Dune');
      const old = await get('/3/search/movie?query=Dune&year=1984');

      // Assert
      expect(both.json().results.map((m: { id: number }) => m.id)).toEqual([438631, 841]);
      expect(old.json().results.map((m: { id: number }) => m.id)).toEqual([841]);
    });

    it('matches the original title too', async () => {
      // Act
      const res = await get(`/3/search/movie?query=${encodeURIComponent('千と千尋')}`);

      // Assert
      expect(res.json().results.map((m: { title: string }) => m.title)).toEqual(['Spirited Away']);
    });

    it('answers an empty page for no match or no query, and 400 for a page out of range', async () => {
      // Act
      const none = await get('/3/search/movie?query=zzzz');
      const empty = await get('/3/search/movie');
      const badPage = await get('/3/search/movie?query=dune&page=0');

      // Assert
      expect(none.json()).toEqual({ page: 1, results: [], total_pages: 1, total_results: 0 });
      expect(empty.json().results).toEqual([]);
      expect(badPage.status).toBe(400);
      expect(badPage.json().status_code).toBe(22);
    });
  });

  it('applies faults injected through the kernel', async () => {
    // Arrange
    tmdb.setFaults({ mode: 'error', status: 503 });

    // Act
    const res = await get('/3/movie/603');

    // Assert
    expect(res.status).toBe(503);
    expect(tmdb.stats().requests).toBe(1);
  });
});
