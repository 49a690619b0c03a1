import type { LibraryClient } from '@keel/clients-library';
import { GameSizes } from './game-sizes.service';

const game = (gameId: string, sizeBytes: number) => ({
  gameId,
  title: gameId,
  sizeBytes,
  platforms: ['pc'],
  acquiredAt: '2025-01-01T00:00:00Z',
});

describe(GameSizes.name, () => {
  it('pages through the library until it finds the game, then serves every game it saw from its cache', async () => {
    // Arrange
    const listUserGames = jest
      .fn()
      .mockResolvedValueOnce({ games: [game('g1', 10)], nextCursor: 'c2' })
      .mockResolvedValueOnce({ games: [game('g2', 20), game('g3', 30)], nextCursor: null });
    const sizes = new GameSizes({ listUserGames } as unknown as LibraryClient);

    // Act
    const g2 = await sizes.sizeOf('u1', 'g2');
    const g1 = await sizes.sizeOf('u9', 'g1');

    // Assert
    expect([g2, g1]).toEqual([20, 10]);
    expect(listUserGames.mock.calls).toEqual([
      ['u1', undefined, 100],
      ['u1', 'c2', 100],
    ]);
  });

  it('peeks at the cache without asking the library: undefined until a lookup has seen the game', async () => {
    // Arrange
    const listUserGames = jest.fn().mockResolvedValueOnce({ games: [game('g1', 10)], nextCursor: null });
    const sizes = new GameSizes({ listUserGames } as unknown as LibraryClient);

    // Act
    const before = sizes.cached('g1');
    await sizes.sizeOf('u1', 'g1');
    const after = sizes.cached('g1');

    // Assert
    expect([before, after]).toEqual([undefined, 10]);
    expect(listUserGames).toHaveBeenCalledTimes(1);
  });

  it('answers undefined for a game not in the library, and for a user the library does not know', async () => {
    // Arrange
    const listUserGames = jest
      .fn()
      .mockResolvedValueOnce({ games: [game('g1', 10)], nextCursor: null })
      .mockResolvedValueOnce(undefined);
    const sizes = new GameSizes({ listUserGames } as unknown as LibraryClient);

    // Act
    const missing = await sizes.sizeOf('u1', 'nope');
    const unknownUser = await sizes.sizeOf('ghost', 'g9');

    // Assert
    expect([missing, unknownUser]).toEqual([undefined, undefined]);
  });

  it('stops after 10 pages rather than walking an endless library', async () => {
    // Arrange
    const listUserGames = jest.fn(async () => ({ games: [game(`g${Math.random()}`, 1)], nextCursor: 'more' }));
    const sizes = new GameSizes({ listUserGames } as unknown as LibraryClient);

    // Act
    const size = await sizes.sizeOf('u1', 'never');

    // Assert
    expect(size).toBeUndefined();
    expect(listUserGames).toHaveBeenCalledTimes(10);
  });
});
