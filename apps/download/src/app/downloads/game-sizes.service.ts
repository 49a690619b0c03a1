import { Injectable, Logger } from '@nestjs/common';
import { LibraryClient } from '@keel/clients-library';

const TTL_MS = 10 * 60_000;
const MAX_ENTRIES = 10_000;
const MAX_PAGES = 10;

/**
 * A game's size, for a new session's bytesTotal. The library's ownership answer has no size, and a
 * game's size rarely changes, so sizes are cached per game: only a user's first download of a game
 * not yet seen pages through their library.
 */
@Injectable()
export class GameSizes {
  private readonly logger = new Logger(GameSizes.name);
  private readonly sizes = new Map<string, { bytes: number; until: number }>();

  constructor(private readonly library: LibraryClient) {}

  /** The size of `gameId` if it is cached and fresh: a hit needs no promise (see DownloadsService.start). */
  cached(gameId: string): number | undefined {
    const cached = this.sizes.get(gameId);
    return cached && cached.until > Date.now() ? cached.bytes : undefined;
  }

  /** The size of `gameId`, looked up through `userId`'s library; undefined if it is not listed there. */
  async sizeOf(userId: string, gameId: string): Promise<number | undefined> {
    const cached = this.cached(gameId);
    if (cached !== undefined) return cached;
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const games = await this.library.listUserGames(userId, cursor, 100);
      if (!games) return undefined;
      for (const game of games.games) this.remember(game.gameId, game.sizeBytes);
      const found = games.games.find((game) => game.gameId === gameId);
      if (found) return found.sizeBytes;
      if (!games.nextCursor) return undefined;
      cursor = games.nextCursor;
    }
    this.logger.warn({ msg: 'game not found within the page limit of the library', userId, gameId, pages: MAX_PAGES });
    return undefined;
  }

  private remember(gameId: string, bytes: number): void {
    if (this.sizes.size >= MAX_ENTRIES) this.sizes.delete(this.sizes.keys().next().value as string);
    this.sizes.set(gameId, { bytes, until: Date.now() + TTL_MS });
  }
}
