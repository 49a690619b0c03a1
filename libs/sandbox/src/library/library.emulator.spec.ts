import type { RunningEmulator } from '../kernel/emulator.types';
import { BEARER, http } from '../testing/http-client';
import { startLibraryEmulator } from './library.emulator';
import { LIBRARY_SEED } from './library.seed';

describe(startLibraryEmulator.name, () => {
  let library: RunningEmulator;
  const get = (path: string, headers: Record<string, string> = BEARER) => http(`${library.url}${path}`, { headers });

  beforeAll(async () => {
    library = await startLibraryEmulator();
  });

  afterAll(async () => {
    await library.close();
  });

  beforeEach(() => {
    library.setFaults(null);
    library.resetStats();
  });

  describe('seed', () => {
    it('holds the contract seed with realistic games', () => {
      // Assert
      expect(LIBRARY_SEED.games.map((game) => game.gameId)).toEqual(['g1', 'g2', 'g3', 'g4', 'g5']);
      expect(LIBRARY_SEED.games[0]).toEqual({
        gameId: 'g1',
        title: 'Hollow Knight',
        sizeBytes: 9_100_000_000,
        platforms: ['windows', 'linux'],
      });
      expect(Object.keys(LIBRARY_SEED.users)).toEqual(['u1', 'u2', 'u3']);
      expect(LIBRARY_SEED.users['u1'].map((owned) => owned.gameId)).toEqual(['g1', 'g2']);
      expect(LIBRARY_SEED.users['u2'].map((owned) => owned.gameId)).toEqual(['g3']);
      expect(LIBRARY_SEED.users['u3']).toEqual([]);
      expect(Object.isFrozen(LIBRARY_SEED.games[0].platforms)).toBe(true);
    });
  });

  describe('GET /api/v1/users/:userId/games/:gameId/ownership', () => {
    it('answers owned with the acquisition time', async () => {
      // Act
      const res = await get('/api/v1/users/u1/games/g1/ownership');

      // Assert
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/json');
      expect(res.json()).toEqual({ userId: 'u1', gameId: 'g1', owned: true, acquiredAt: '2024-01-02T03:04:05Z' });
    });

    it.each([
      ['u1', 'g3'],
      ['u2', 'g1'],
      ['u3', 'g5'],
    ])('answers %s does not own %s with acquiredAt null', async (userId, gameId) => {
      // Act
      const res = await get(`/api/v1/users/${userId}/games/${gameId}/ownership`);

      // Assert
      expect(res.status).toBe(200);
      expect(res.json()).toEqual({ userId, gameId, owned: false, acquiredAt: null });
    });

    it.each([
      ['an unknown user', '/api/v1/users/u9/games/g1/ownership', "User 'u9' not found"],
      ['an unknown game', '/api/v1/users/u1/games/g9/ownership', "Game 'g9' not found"],
    ])('answers 404 problem+json for %s', async (_label, path, detail) => {
      // Act
      const res = await get(path);

      // Assert
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toBe('application/problem+json');
      expect(res.json()).toEqual({ type: 'about:blank', title: 'Not Found', status: 404, detail });
    });
  });

  describe('GET /api/v1/users/:userId/games', () => {
    it('lists the games a user owns, with the default limit', async () => {
      // Act
      const res = await get('/api/v1/users/u1/games');

      // Assert
      expect(res.status).toBe(200);
      expect(res.json()).toEqual({
        games: [
          {
            gameId: 'g1',
            title: 'Hollow Knight',
            sizeBytes: 9_100_000_000,
            platforms: ['windows', 'linux'],
            acquiredAt: '2024-01-02T03:04:05Z',
          },
          {
            gameId: 'g2',
            title: 'Celeste',
            sizeBytes: 1_200_000_000,
            platforms: ['windows', 'macos', 'linux'],
            acquiredAt: '2024-03-15T18:30:00Z',
          },
        ],
        nextCursor: null,
      });
    });

    it('answers an empty list for a user who owns nothing', async () => {
      // Act
      const res = await get('/api/v1/users/u3/games');

      // Assert
      expect(res.status).toBe(200);
      expect(res.json()).toEqual({ games: [], nextCursor: null });
    });

    it('pages with an opaque cursor until nextCursor is null', async () => {
      // Act
      const first = (await get('/api/v1/users/u1/games?limit=1')).json();
      const second = (
        await get(`/api/v1/users/u1/games?limit=1&cursor=${encodeURIComponent(first.nextCursor)}`)
      ).json();

      // Assert
      expect(first.games.map((game: { gameId: string }) => game.gameId)).toEqual(['g1']);
      expect(typeof first.nextCursor).toBe('string');
      expect(second.games.map((game: { gameId: string }) => game.gameId)).toEqual(['g2']);
      expect(second.nextCursor).toBeNull();
      expect(library.stats().byPath).toEqual({ '/api/v1/users/u1/games': 2 });
    });

    it('pages through a larger seed given at start-up', async () => {
      // Arrange
      const games = Array.from({ length: 45 }, (_, i) => ({
        gameId: `x${i}`,
        title: `Game ${i}`,
        sizeBytes: 1_000_000_000 + i,
        platforms: ['linux'],
      }));
      const big = await startLibraryEmulator({
        seed: {
          games,
          users: { big: games.map((game) => ({ gameId: game.gameId, acquiredAt: '2024-05-01T00:00:00Z' })) },
        },
      });

      // Act
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = cursor === null ? '' : `?cursor=${encodeURIComponent(cursor)}`;
        const body = (await http(`${big.url}/api/v1/users/big/games${query}`, { headers: BEARER })).json();
        seen.push(...body.games.map((game: { gameId: string }) => game.gameId));
        cursor = body.nextCursor;
        pages++;
      } while (cursor !== null && pages < 10);
      await big.close();

      // Assert
      expect(pages).toBe(3);
      expect(seen).toEqual(games.map((game) => game.gameId));
    });

    it.each([
      ['limit=0', /limit/],
      ['limit=101', /limit/],
      ['limit=abc', /limit/],
      ['limit=', /limit/],
      ['limit=-1', /limit/],
      ['cursor=not-a-cursor', /cursor/],
      [`cursor=${Buffer.from('o99').toString('base64url')}`, /past the end/],
    ])('answers 400 problem+json for %s', async (query, detail) => {
      // Act
      const res = await get(`/api/v1/users/u1/games?${query}`);

      // Assert
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toBe('application/problem+json');
      expect(res.json()).toMatchObject({ type: 'about:blank', title: 'Bad Request', status: 400 });
      expect(res.json().detail).toMatch(detail);
    });

    it('accepts the limit bounds 1 and 100', async () => {
      // Act
      const low = await get('/api/v1/users/u1/games?limit=1');
      const high = await get('/api/v1/users/u1/games?limit=100');

      // Assert
      expect([low.status, high.status]).toEqual([200, 200]);
      expect(high.json().games).toHaveLength(2);
    });

    it('answers 404 for an unknown user', async () => {
      // Act
      const res = await get('/api/v1/users/nobody/games');

      // Assert
      expect(res.status).toBe(404);
      expect(res.json()).toMatchObject({ status: 404, detail: "User 'nobody' not found" });
    });
  });

  describe('authorization', () => {
    it.each([
      ['no Authorization header', {}],
      ['a Basic credential', { authorization: 'Basic dTE6cHc=' }],
      ['an empty bearer token', { authorization: 'Bearer   ' }],
    ])('answers 401 problem+json with %s', async (_label, headers) => {
      // Act
      const ownership = await get('/api/v1/users/u1/games/g1/ownership', headers);
      const list = await get('/api/v1/users/u1/games', headers);

      // Assert
      for (const res of [ownership, list]) {
        expect(res.status).toBe(401);
        expect(res.headers['content-type']).toBe('application/problem+json');
        expect(res.headers['www-authenticate']).toBe('Bearer');
        expect(res.json()).toMatchObject({ type: 'about:blank', title: 'Unauthorized', status: 401 });
      }
      expect(library.stats().lastHeaders.authorization).toBe('authorization' in headers);
    });

    it('accepts any bearer token, whatever the scheme case', async () => {
      // Act
      const res = await get('/api/v1/users/u1/games/g1/ownership', { authorization: 'bearer anything' });

      // Assert
      expect(res.status).toBe(200);
    });
  });

  describe('GET /health', () => {
    it('answers ok without a token', async () => {
      // Act
      const res = await get('/health', {});

      // Assert
      expect(res.status).toBe(200);
      expect(res.json()).toEqual({ status: 'ok' });
    });

    it('answers 503 when an error fault covers it', async () => {
      // Arrange
      library.setFaults({ mode: 'error', path: '/health' });

      // Act
      const health = await get('/health', {});
      const api = await get('/api/v1/users/u1/games/g1/ownership');

      // Assert
      expect(health.status).toBe(503);
      expect(health.json()).toMatchObject({ status: 503 });
      expect(api.status).toBe(200);
    });
  });

  describe('header propagation', () => {
    it('echoes x-request-id and traceparent and records them in stats', async () => {
      // Arrange
      const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

      // Act
      const res = await get('/api/v1/users/u2/games', { ...BEARER, 'x-request-id': 'abc-123', traceparent });
      const stats = await http(`${library.url}/_sandbox/stats`);

      // Assert
      expect(res.status).toBe(200);
      expect(res.headers['x-request-id']).toBe('abc-123');
      expect(res.headers['traceparent']).toBe(traceparent);
      expect(stats.json()).toMatchObject({
        requests: 1,
        byPath: { '/api/v1/users/u2/games': 1 },
        lastHeaders: { 'x-request-id': 'abc-123', traceparent, authorization: true },
      });
      expect(stats.text).not.toContain('test-token-123');
    });

    it('echoes the headers on error answers too', async () => {
      // Act
      const res = await get('/api/v1/users/u1/games/g1/ownership', { 'x-request-id': 'no-token' });

      // Assert
      expect(res.status).toBe(401);
      expect(res.headers['x-request-id']).toBe('no-token');
    });
  });

  describe('faults', () => {
    it('counts every attempt that reached it, faulted ones included', async () => {
      // Arrange
      library.setFaults({ mode: 'error', status: 503, retryAfterSeconds: 2, path: '/api/v1/users/u1' });

      // Act
      const faulted = await get('/api/v1/users/u1/games/g1/ownership');
      const healthy = await get('/api/v1/users/u2/games/g3/ownership');

      // Assert
      expect(faulted.status).toBe(503);
      expect(faulted.headers['retry-after']).toBe('2');
      expect(healthy.json()).toMatchObject({ owned: true });
      expect(library.stats()).toMatchObject({
        requests: 2,
        byPath: { '/api/v1/users/u1/games/g1/ownership': 1, '/api/v1/users/u2/games/g3/ownership': 1 },
        faulted: { error: 1 },
      });
    });

    it('malformed: answers 200 with a body that is not JSON', async () => {
      // Arrange
      library.setFaults({ mode: 'malformed' });

      // Act
      const res = await get('/api/v1/users/u1/games/g1/ownership');

      // Assert
      expect(res.status).toBe(200);
      expect(() => res.json()).toThrow(SyntaxError);
    });
  });
});
