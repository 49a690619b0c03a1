import { ApiProperty } from '@nestjs/swagger';
import { DOWNLOAD_STATUSES } from '../../db/schema';
import type { DownloadStatus } from '../../db/schema';

export class DownloadResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() userId: string;
  @ApiProperty() gameId: string;
  @ApiProperty({ enum: DOWNLOAD_STATUSES }) status: DownloadStatus;
  @ApiProperty() bytesTotal: number;
  @ApiProperty() bytesDone: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ description: 'Signed, expiring URL of the content.' }) downloadUrl: string;
}

export class DownloadPageResponse {
  @ApiProperty({ type: [DownloadResponse] }) items: DownloadResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
