import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiGatewayTimeoutResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { AuthenticatedUser } from '@keel/context';
import { CurrentUser, CursorPageQuery } from '@keel/platform';
import { PROJECT_ID } from '../projects/projects.controller';
import { LinkResourceDto } from './dto/link-resource.dto';
import { RecommendationsQuery } from './dto/recommendations.query';
import { LinkedResourcePageResponse, LinkedResourceResponse, RecommendationsResponse } from './dto/resource.response';
import { ResourcesService } from './resources.service';

@ApiTags('resources')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Missing, invalid or expired token (problem+json)' })
@ApiBadRequestResponse({ description: 'Invalid input; `errors` names each fault (problem+json)' })
@ApiNotFoundResponse({ description: 'No such project, or the caller is neither a member nor an admin' })
@Controller({ path: 'projects/:id', version: '1' })
export class ResourcesController {
  constructor(private readonly resources: ResourcesService) {}

  @Post('resources')
  @HttpCode(201)
  @ApiCreatedResponse({
    type: LinkedResourceResponse,
    description: 'Linked (or its cached title refreshed, if it already was).',
  })
  @ApiUnprocessableEntityResponse({ description: 'The knowledge service knows no such resource' })
  @ApiServiceUnavailableResponse({
    description: 'The knowledge service is unavailable or its circuit is open; see Retry-After',
  })
  @ApiGatewayTimeoutResponse({ description: 'The knowledge service did not answer in time' })
  link(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', PROJECT_ID) id: string,
    @Body() body: LinkResourceDto,
  ): Promise<LinkedResourceResponse> {
    return this.resources.link(id, user, body.resourceId);
  }

  @Get('resources')
  @ApiOkResponse({
    type: LinkedResourcePageResponse,
    description: 'Never fails with the knowledge service: `degraded: true` with cached titles instead.',
  })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', PROJECT_ID) id: string,
    @Query() query: CursorPageQuery,
  ): Promise<LinkedResourcePageResponse> {
    return this.resources.list(id, user, query.limit, query.cursor);
  }

  @Get('recommendations')
  @ApiOkResponse({
    type: RecommendationsResponse,
    description: 'Empty with `degraded: true` when the knowledge service is unavailable.',
  })
  recommendations(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', PROJECT_ID) id: string,
    @Query() query: RecommendationsQuery,
  ): Promise<RecommendationsResponse> {
    return this.resources.recommendations(id, user, query.limit);
  }
}
