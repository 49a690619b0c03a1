import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiGatewayTimeoutResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { AuthenticatedUser } from '@keel/context';
import { CurrentUser, CursorPageQuery } from '@keel/platform';
import { CreateProjectDto } from './dto/create-project.dto';
import { ProjectPageResponse, ProjectResponse } from './dto/project.response';
import { UpdateProjectDto } from './dto/update-project.dto';
import { ProjectsService } from './projects.service';

export const PROJECT_ID = new ParseUUIDPipe({ version: '4' });

@ApiTags('projects')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Missing, invalid or expired token (problem+json)' })
@ApiBadRequestResponse({ description: 'Invalid input; `errors` names each fault (problem+json)' })
@Controller({ path: 'projects', version: '1' })
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: ProjectResponse, description: 'The caller is the owner.' })
  @ApiForbiddenResponse({ description: 'The caller is deactivated or unknown to the user service' })
  @ApiServiceUnavailableResponse({
    description: 'The user service is unavailable or its circuit is open; see Retry-After',
  })
  @ApiGatewayTimeoutResponse({ description: 'The user service did not answer in time' })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateProjectDto): Promise<ProjectResponse> {
    return this.projects.create(user, body);
  }

  @Get()
  @ApiOkResponse({
    type: ProjectPageResponse,
    description: 'The projects the caller owns or belongs to, newest first.',
  })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: CursorPageQuery): Promise<ProjectPageResponse> {
    return this.projects.list(user, query.limit, query.cursor);
  }

  @Get(':id')
  @ApiOkResponse({ type: ProjectResponse })
  @ApiNotFoundResponse({ description: 'No such project, or the caller is neither a member nor an admin' })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', PROJECT_ID) id: string): Promise<ProjectResponse> {
    return this.projects.get(id, user);
  }

  @Patch(':id')
  @ApiOkResponse({ type: ProjectResponse })
  @ApiForbiddenResponse({ description: 'The caller is a member, not the owner or an admin' })
  @ApiNotFoundResponse({ description: 'No such project, or the caller is neither a member nor an admin' })
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', PROJECT_ID) id: string,
    @Body() body: UpdateProjectDto,
  ): Promise<ProjectResponse> {
    return this.projects.update(id, user, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted, with its members, comments and resource links' })
  @ApiForbiddenResponse({ description: 'The caller is a member, not the owner or an admin' })
  @ApiNotFoundResponse({ description: 'No such project, or the caller is neither a member nor an admin' })
  delete(@CurrentUser() user: AuthenticatedUser, @Param('id', PROJECT_ID) id: string): Promise<void> {
    return this.projects.delete(id, user);
  }
}
