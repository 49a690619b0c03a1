import { ApiProperty } from '@nestjs/swagger';
import { MEMBER_ROLES } from '../../db/schema';
import type { MemberRole } from '../../db/schema';

export class MemberResponse {
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty() userId: string;
  @ApiProperty({ enum: MEMBER_ROLES }) role: MemberRole;
  @ApiProperty({ format: 'date-time' }) addedAt: string;
}
