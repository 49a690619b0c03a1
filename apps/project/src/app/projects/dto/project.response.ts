import { ApiProperty } from '@nestjs/swagger';

export const CALLER_ACCESS = ['owner', 'admin', 'member'] as const;

export class ProjectResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty() ownerId: string;
  @ApiProperty({ enum: CALLER_ACCESS, description: 'How the caller relates to the project.' })
  access: (typeof CALLER_ACCESS)[number];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ProjectPageResponse {
  @ApiProperty({ type: [ProjectResponse] }) items: ProjectResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
