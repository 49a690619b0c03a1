import { DownstreamContractError, DownstreamRejectedError, DownstreamUnavailableError } from '@keel/clients-core';
import { fakeHttpClient } from '@keel/clients-core/testing';
import { LibraryClient } from './library.client';

const OWNED = { userId: 'u 1', gameId: 'g/1', owned: true, acquiredAt: '2024-01-01T00:00:00Z', extra: 1 };
const GAME = { gameId: 'g1', title: 'T', sizeBytes: 10, platforms: ['linux'], acquiredAt: '2024-01-01T00:00:00Z' };

describe(LibraryClient.name, () => {
  const setup = () => {
    const http = fakeHttpClient('library');
    return { http, client: new LibraryClient(http.client) };
  };

  describe('checkOwnership', () => {
    it('answers 200 with the ownership (contract fields only), hedged, at the encoded path', async () => {
      // Arrange
      const { http, client } = setup();
      http.answer(200, OWNED);

      // Act
      const ownership = await client.checkOwnership('u 1', 'g/1');

      // Assert
      expect(ownership).toEqual({ userId: 'u 1', gameId: 'g/1', owned: true, acquiredAt: '2024-01-01T00:00:00Z' });
      expect(http.calls[0]).toMatchObject({
        operation: 'checkOwnership',
        path: '/api/v1/users/u%201/games/g%2F1/ownership',
        hedge: true,
      });
    });

    it('answers 404 with undefined', async () => {
      // Arrange
      const { http, client } = setup();
      http.answer(404, { title: 'Not Found' });

      // Act / Assert
      await expect(client.checkOwnership('u1', 'nope')).resolves.toBeUndefined();
    });

    it('throws DownstreamRejectedError for an undeclared 4xx', async () => {
      // Arrange
      const { http, client } = setup();
      http.answer(403, { title: 'Forbidden', status: 403, detail: 'not yours' });

      // Act
      const error = await client.checkOwnership('u1', 'g1').catch((e: unknown) => e);

      // Assert
      expect(error).toBeInstanceOf(DownstreamRejectedError);
      expect(error).toMatchObject({ status: 403, problem: { detail: 'not yours' } });
    });

    it('throws DownstreamContractError naming a mis-shaped field', async () => {
      // Arrange
      const { http, client } = setup();
      http.answer(200, { ...OWNED, owned: 'yes' });

      // Act
      const error = await client.checkOwnership('u1', 'g1').catch((e: unknown) => e);

      // Assert
      expect(error).toBeInstanceOf(DownstreamContractError);
      expect((error as DownstreamContractError).violations).toEqual(['body.owned: expected boolean, got string']);
    });

    it('throws DownstreamUnavailableError for a 5xx', async () => {
      // Arrange
      const { http, client } = setup();
      http.answer(503);

      // Act / Assert
      await expect(client.checkOwnership('u1', 'g1')).rejects.toBeInstanceOf(DownstreamUnavailableError);
    });
  });

  describe('listUserGames', () => {
    it('answers 200 with the page, sending cursor and limit', async () => {
      // Arrange
      const { http, client } = setup();
      http.answer(200, { games: [GAME], nextCursor: null });

      // Act
      const page = await client.listUserGames('u1', 'c1', 5);

      // Assert
      expect(page).toEqual({ games: [GAME], nextCursor: null });
      expect(http.calls[0]).toMatchObject({ path: '/api/v1/users/u1/games', query: { cursor: 'c1', limit: 5 } });
    });

    it('answers 404 with undefined', async () => {
      // Arrange
      const { http, client } = setup();
      http.answer(404);

      // Act / Assert
      await expect(client.listUserGames('ghost')).resolves.toBeUndefined();
    });

    it('throws DownstreamContractError naming the game that breaks the contract', async () => {
      // Arrange
      const { http, client } = setup();
      http.answer(200, { games: [GAME, { ...GAME, sizeBytes: '10' }], nextCursor: null });

      // Act
      const error = await client.listUserGames('u1').catch((e: unknown) => e);

      // Assert
      expect((error as DownstreamContractError).violations).toEqual([
        'body.games[1].sizeBytes: expected number, got string',
      ]);
    });

    it('throws DownstreamRejectedError for a 400 and DownstreamUnavailableError for a 500', async () => {
      // Arrange
      const { http, client } = setup();

      // Act
      http.answer(400);
      const bad = await client.listUserGames('u1').catch((e: unknown) => e);
      http.answer(500);
      const down = await client.listUserGames('u1').catch((e: unknown) => e);

      // Assert
      expect(bad).toBeInstanceOf(DownstreamRejectedError);
      expect(down).toBeInstanceOf(DownstreamUnavailableError);
    });
  });
});
