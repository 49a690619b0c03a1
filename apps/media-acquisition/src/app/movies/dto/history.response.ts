import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HISTORY_EVENTS } from '../../db/schema';

export class HistoryEntryResponse {
  @ApiProperty({ enum: HISTORY_EVENTS }) event: string;
  @ApiProperty({ example: 'Blade.Runner.2049.2017.1080p.BluRay.x264-SPARKS' }) sourceTitle: string;
  @ApiPropertyOptional() downloadId?: string;
  @ApiPropertyOptional({ example: 'Bluray-1080p' }) quality?: string;
  @ApiProperty({ description: 'Event details: indexer, path, reason …' }) data: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) date: string;
}

export class HistoryResponse {
  @ApiProperty({ type: [HistoryEntryResponse], description: 'Newest first' }) items: HistoryEntryResponse[];
}
