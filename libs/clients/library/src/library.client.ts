import { Injectable } from '@nestjs/common';
import {
  DownstreamRejectedError,
  InjectHttpClient,
  ResilientHttpClient,
  checkShape,
  encodePath,
  shapeViolations,
  DownstreamContractError,
} from '@keel/clients-core';
import { LIBRARY } from './library.constants';
import type { GamesPage, OwnedGame, Ownership } from './library.types';

const OWNERSHIP_SHAPE = { userId: 'string', gameId: 'string', owned: 'boolean', acquiredAt: 'string|null' } as const;
const GAME_SHAPE = {
  gameId: 'string',
  title: 'string',
  sizeBytes: 'number',
  platforms: 'string[]',
  acquiredAt: 'string',
} as const;

/** Typed client of the library service. It forwards the caller's token: ownership is per user. */
@Injectable()
export class LibraryClient {
  constructor(@InjectHttpClient(LIBRARY) private readonly http: ResilientHttpClient) {}

  /** Whether `userId` owns `gameId`; `undefined` when the library knows neither the user nor the game. */
  async checkOwnership(userId: string, gameId: string, signal?: AbortSignal): Promise<Ownership | undefined> {
    // A read on every download's path: with several library instances, a slow one is hedged around.
    const answer = await this.http.send({
      operation: 'checkOwnership',
      path: encodePath`/api/v1/users/${userId}/games/${gameId}/ownership`,
      signal,
      hedge: true,
    });
    if (answer.status === 404) return undefined;
    if (answer.status >= 300) throw this.http.rejected(answer);
    return this.http.parse(answer, (body) => checkShape<Ownership>(LIBRARY, body, OWNERSHIP_SHAPE));
  }

  /** One page of the games `userId` owns; `undefined` for an unknown user. */
  async listUserGames(
    userId: string,
    cursor?: string,
    limit?: number,
    signal?: AbortSignal,
  ): Promise<GamesPage | undefined> {
    try {
      return await this.http.json(
        {
          operation: 'listUserGames',
          path: encodePath`/api/v1/users/${userId}/games`,
          query: { cursor, limit },
          signal,
        },
        parseGamesPage,
      );
    } catch (error) {
      if (error instanceof DownstreamRejectedError && error.status === 404) return undefined;
      throw error;
    }
  }
}

function parseGamesPage(body: unknown): GamesPage {
  const page = checkShape<GamesPage>(LIBRARY, body, { games: 'array', nextCursor: 'string|null' });
  const violations = page.games.flatMap((game, i) => shapeViolations(game, GAME_SHAPE, `body.games[${i}]`));
  if (violations.length > 0) throw new DownstreamContractError(LIBRARY, violations);
  return {
    games: page.games.map((g: OwnedGame) => ({
      gameId: g.gameId,
      title: g.title,
      sizeBytes: g.sizeBytes,
      platforms: g.platforms,
      acquiredAt: g.acquiredAt,
    })),
    nextCursor: page.nextCursor,
  };
}
