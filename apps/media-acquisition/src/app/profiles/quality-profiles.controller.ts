import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses, Roles } from '@keel/platform';
import { MEDIA_WRITE } from '../auth/media-write.roles';
import { CreateQualityProfileDto } from './dto/create-quality-profile.dto';
import { QualityProfileListResponse, QualityProfileResponse } from './dto/quality-profile.response';
import { QualityProfilesService } from './quality-profiles.service';

@ApiTags('quality-profiles')
@ApiBearerAuth()
@ApiProblemResponses({ status: 401, description: 'Missing, invalid or expired token' })
@Controller({ path: 'quality-profiles', version: '1' })
export class QualityProfilesController {
  constructor(private readonly profiles: QualityProfilesService) {}

  @Get()
  @ApiOperation({ summary: 'Every quality profile, the default one included' })
  @ApiOkResponse({ type: QualityProfileListResponse })
  async list(): Promise<QualityProfileListResponse> {
    return { items: await this.profiles.list() };
  }

  @Post()
  @HttpCode(201)
  @Roles(MEDIA_WRITE)
  @ApiOperation({ summary: 'Adds a quality profile' })
  @ApiCreatedResponse({ type: QualityProfileResponse })
  @ApiProblemResponses(
    { status: 400, description: 'Invalid profile: unknown quality, cutoff not allowed, duplicates' },
    { status: 409, description: 'The name is taken' },
  )
  create(@Body() body: CreateQualityProfileDto): Promise<QualityProfileResponse> {
    return this.profiles.create(body);
  }
}
