import { Injectable } from '@nestjs/common';
import { DownstreamRejectedError } from '@keel/clients-core';
import { LibraryClient } from '@keel/clients-library';
import { RequestValidationError } from '@keel/platform';
import type { LibraryGamesPage } from './dto/library-games.response';

@Injectable()
export class LibraryGamesService {
  constructor(private readonly library: LibraryClient) {}

  /**
   * The caller's games; a user the library does not know simply owns none. The cursor is the
   * library's own and opaque here, so only the library can tell a bad one: its 400 to a request
   * that carried the caller's cursor is the caller's fault (400), not a downstream fault (502).
   * `limit` is validated here as the library does (1–100), so that 400 can only be the cursor.
   */
  async list(userId: string, cursor?: string, limit?: number): Promise<LibraryGamesPage> {
    try {
      return (await this.library.listUserGames(userId, cursor, limit)) ?? { games: [], nextCursor: null };
    } catch (error) {
      if (cursor && error instanceof DownstreamRejectedError && error.status === 400)
        throw new RequestValidationError(['cursor is not one the library issued']);
      throw error;
    }
  }
}
