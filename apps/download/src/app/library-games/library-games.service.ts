import { Injectable } from '@nestjs/common';
import { LibraryClient } from '@keel/clients-library';
import type { LibraryGamesPage } from './dto/library-games.response';

@Injectable()
export class LibraryGamesService {
  constructor(private readonly library: LibraryClient) {}

  /** The caller's games; a user the library does not know simply owns none. */
  async list(userId: string, cursor?: string, limit?: number): Promise<LibraryGamesPage> {
    return (await this.library.listUserGames(userId, cursor, limit)) ?? { games: [], nextCursor: null };
  }
}
