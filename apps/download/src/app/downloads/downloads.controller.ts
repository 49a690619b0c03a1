import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiGatewayTimeoutResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { AuthenticatedUser } from '@keel/context';
import { CurrentUser, CursorPageQuery, IdempotencyKey } from '@keel/platform';
import { DownloadsService } from './downloads.service';
import { CreateDownloadDto } from './dto/create-download.dto';
import { DownloadPageResponse, DownloadResponse } from './dto/download.response';

import { UpdateDownloadDto } from './dto/update-download.dto';

@ApiTags('downloads')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Missing, invalid or expired token (problem+json)' })
@ApiBadRequestResponse({ description: 'Invalid input; `errors` names each fault (problem+json)' })
@Controller({ path: 'downloads', version: '1' })
export class DownloadsController {
  constructor(private readonly downloads: DownloadsService) {}

  @Post()
  @HttpCode(201)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x20-\\x7E]+$' },
    description:
      'Repeat a POST safely: the same key returns the same session. ' +
      '1–255 printable ASCII characters (a UUID is typical); anything else is a 400.',
  })
  @ApiCreatedResponse({ type: DownloadResponse })
  @ApiForbiddenResponse({ description: 'The caller does not own the game' })
  @ApiNotFoundResponse({ description: 'The game is not in the caller’s library' })
  @ApiConflictResponse({ description: 'The Idempotency-Key was used for another game' })
  @ApiServiceUnavailableResponse({
    description: 'The library service is unavailable or its circuit is open; see Retry-After',
  })
  @ApiGatewayTimeoutResponse({ description: 'The library service did not answer in time' })
  start(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreateDownloadDto,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<DownloadResponse> {
    return this.downloads.start(user.id, body.gameId, idempotencyKey);
  }

  @Get()
  @ApiOkResponse({ type: DownloadPageResponse })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: CursorPageQuery): Promise<DownloadPageResponse> {
    return this.downloads.list(user.id, query.limit, query.cursor);
  }

  @Get(':id')
  @ApiOkResponse({ type: DownloadResponse })
  @ApiNotFoundResponse({ description: 'No such session among the caller’s' })
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe({ version: '4' })) id: string,
  ): Promise<DownloadResponse> {
    return this.downloads.get(id, user.id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: DownloadResponse })
  @ApiNotFoundResponse({ description: 'No such session among the caller’s' })
  @ApiConflictResponse({ description: 'The change is not allowed from the session’s current status' })
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe({ version: '4' })) id: string,
    @Body() body: UpdateDownloadDto,
  ): Promise<DownloadResponse> {
    return this.downloads.update(id, user.id, body);
  }
}
