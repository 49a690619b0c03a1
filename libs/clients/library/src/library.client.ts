import { Injectable } from '@nestjs/common';
import { InjectHttpClient, ResilientHttpClient, encodePath } from '@keel/clients-core';
import { LIBRARY } from './library.constants';
import { GamesPageSchema, OwnershipSchema } from './library.schemas';
import type { GamesPage, Ownership } from './library.schemas';

/** Typed client of the library service. It forwards the caller's token: ownership is per user. */
@Injectable()
export class LibraryClient {
  constructor(@InjectHttpClient(LIBRARY) private readonly http: ResilientHttpClient) {}

  /** Whether `userId` owns `gameId`; `undefined` when the library knows neither the user nor the game. */
  async checkOwnership(userId: string, gameId: string): Promise<Ownership | undefined> {
    // A read on every download's path: with several library instances, a slow one is hedged around.
    const { body } = await this.http.call({
      operation: 'checkOwnership',
      path: encodePath`/api/v1/users/${userId}/games/${gameId}/ownership`,
      hedge: true,
      answers: { 200: OwnershipSchema, 404: null },
    });
    return body;
  }

  /** One page of the games `userId` owns; `undefined` for an unknown user. */
  async listUserGames(userId: string, cursor?: string, limit?: number): Promise<GamesPage | undefined> {
    const { body } = await this.http.call({
      operation: 'listUserGames',
      path: encodePath`/api/v1/users/${userId}/games`,
      query: { cursor, limit },
      answers: { 200: GamesPageSchema, 404: null },
    });
    return body;
  }
}
