import { Body, Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiGatewayTimeoutResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { AuthenticatedUser } from '@keel/context';
import { CurrentUser } from '@keel/platform';
import { PROJECT_ID } from '../projects/projects.controller';
import { AddMemberDto } from './dto/add-member.dto';
import { MemberResponse } from './dto/member.response';
import { MembersService } from './members.service';

@ApiTags('members')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Missing, invalid or expired token (problem+json)' })
@ApiBadRequestResponse({ description: 'Invalid input; `errors` names each fault (problem+json)' })
@ApiForbiddenResponse({ description: 'The caller is a member, not the owner or an admin' })
@Controller({ path: 'projects/:id/members', version: '1' })
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: MemberResponse })
  @ApiNotFoundResponse({ description: 'No such project, or the caller is neither a member nor an admin' })
  @ApiUnprocessableEntityResponse({ description: 'The user service knows no such user' })
  @ApiConflictResponse({ description: 'The user is deactivated, or already a member' })
  @ApiServiceUnavailableResponse({
    description: 'The user service is unavailable or its circuit is open; see Retry-After',
  })
  @ApiGatewayTimeoutResponse({ description: 'The user service did not answer in time' })
  add(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', PROJECT_ID) id: string,
    @Body() body: AddMemberDto,
  ): Promise<MemberResponse> {
    return this.members.add(id, user, body.userId);
  }

  @Delete(':userId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiNotFoundResponse({ description: 'No such project or member, or the caller is neither a member nor an admin' })
  @ApiConflictResponse({ description: 'The owner cannot be removed' })
  remove(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', PROJECT_ID) id: string,
    @Param('userId') userId: string,
  ): Promise<void> {
    return this.members.remove(id, user, userId);
  }
}
