import { ApiProperty } from '@nestjs/swagger';

export class CommentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty() authorId: string;
  @ApiProperty() body: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class CommentPageResponse {
  @ApiProperty({ type: [CommentResponse] }) items: CommentResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
