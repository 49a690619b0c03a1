import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { AuthenticatedUser } from '@keel/context';
import { CurrentUser, CursorPageQuery } from '@keel/platform';
import { PROJECT_ID } from '../projects/projects.controller';
import { CommentsService } from './comments.service';
import { CommentPageResponse, CommentResponse } from './dto/comment.response';
import { CreateCommentDto } from './dto/create-comment.dto';

@ApiTags('comments')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Missing, invalid or expired token (problem+json)' })
@ApiBadRequestResponse({ description: 'Invalid input; `errors` names each fault (problem+json)' })
@ApiNotFoundResponse({ description: 'No such project, or the caller is neither a member nor an admin' })
@Controller({ path: 'projects/:id/comments', version: '1' })
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Get()
  @ApiOkResponse({ type: CommentPageResponse, description: 'Newest first.' })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', PROJECT_ID) id: string,
    @Query() query: CursorPageQuery,
  ): Promise<CommentPageResponse> {
    return this.comments.list(id, user, query.limit, query.cursor);
  }

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommentResponse })
  add(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', PROJECT_ID) id: string,
    @Body() body: CreateCommentDto,
  ): Promise<CommentResponse> {
    return this.comments.add(id, user, body.body);
  }

  @Delete(':commentId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiForbiddenResponse({ description: 'The caller is a member but neither the author, the owner nor an admin' })
  delete(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', PROJECT_ID) id: string,
    @Param('commentId', new ParseUUIDPipe({ version: '4' })) commentId: string,
  ): Promise<void> {
    return this.comments.delete(id, user, commentId);
  }
}
