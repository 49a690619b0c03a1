import { DownstreamRejectedError, DownstreamUnavailableError } from '@keel/clients-core';
import type { LibraryClient } from '@keel/clients-library';
import { RequestValidationError } from '@keel/platform';
import { LibraryGamesService } from './library-games.service';

describe(LibraryGamesService.name, () => {
  it('passes the page through, and answers an empty page for a user the library does not know', async () => {
    // Arrange
    const page = {
      games: [{ gameId: 'g1', title: 'G', sizeBytes: 1, platforms: [], acquiredAt: '2025-01-01T00:00:00Z' }],
      nextCursor: null,
    };
    const listUserGames = jest.fn().mockResolvedValueOnce(page).mockResolvedValueOnce(undefined);
    const service = new LibraryGamesService({ listUserGames } as unknown as LibraryClient);

    // Act
    const known = await service.list('u1', undefined, 5);
    const unknown = await service.list('ghost');

    // Assert
    expect(known).toBe(page);
    expect(unknown).toEqual({ games: [], nextCursor: null });
    expect(listUserGames).toHaveBeenNthCalledWith(1, 'u1', undefined, 5);
  });

  it('blames the caller (400) when the library refuses their cursor, and passes other failures on', async () => {
    // Arrange
    const listUserGames = jest
      .fn()
      .mockRejectedValueOnce(new DownstreamRejectedError('library', 400, undefined))
      .mockRejectedValueOnce(new DownstreamRejectedError('library', 400, undefined))
      .mockRejectedValueOnce(new DownstreamUnavailableError('library', 'down'));
    const service = new LibraryGamesService({ listUserGames } as unknown as LibraryClient);

    // Act
    const badCursor = await service.list('u1', 'forged').catch((e: unknown) => e);
    const noCursor = await service.list('u1').catch((e: unknown) => e);
    const down = await service.list('u1', 'c1').catch((e: unknown) => e);

    // Assert
    expect(badCursor).toBeInstanceOf(RequestValidationError);
    expect(noCursor).toBeInstanceOf(DownstreamRejectedError);
    expect(down).toBeInstanceOf(DownstreamUnavailableError);
  });
});
