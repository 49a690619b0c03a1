import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { AuthenticatedUser } from '@keel/context';
import { CurrentUser, CursorPageQuery } from '@keel/platform';

import { LibraryGamesPage } from './dto/library-games.response';
import { LibraryGamesService } from './library-games.service';

@ApiTags('library')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Missing, invalid or expired token (problem+json)' })
@Controller({ path: 'library/games', version: '1' })
export class LibraryGamesController {
  constructor(private readonly games: LibraryGamesService) {}

  @Get()
  @ApiOkResponse({ type: LibraryGamesPage })
  @ApiServiceUnavailableResponse({
    description: 'The library service is unavailable or its circuit is open; see Retry-After',
  })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: CursorPageQuery): Promise<LibraryGamesPage> {
    return this.games.list(user.id, query.cursor, query.limit);
  }
}
