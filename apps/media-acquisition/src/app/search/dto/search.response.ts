import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class RejectionResponse {
  @ApiProperty({ example: 'qualityNotAllowed', description: 'Stable code for programs' }) code: string;
  @ApiProperty({ example: 'CAM is not wanted in profile HD-1080p' }) message: string;
}

export class ReleaseDecisionResponse {
  @ApiProperty() guid: string;
  @ApiProperty({ example: 'Blade.Runner.2049.2017.1080p.BluRay.x264-SPARKS' }) title: string;
  @ApiProperty() indexerId: number;
  @ApiProperty() indexer: string;
  @ApiProperty({ description: 'Bytes' }) size: number;
  @ApiPropertyOptional() seeders?: number;
  @ApiPropertyOptional() leechers?: number;
  @ApiProperty({ example: 'torrent' }) protocol: string;
  @ApiPropertyOptional({ format: 'date-time' }) publishDate?: string;
  @ApiProperty({ type: [String], example: ['freeleech'] }) indexerFlags: string[];
  @ApiProperty({ example: 'Bluray-1080p', description: 'Radarr quality name parsed from the title' }) quality: string;
  @ApiProperty({ description: 'Grab-able under the movie’s profile' }) approved: boolean;
  @ApiPropertyOptional({ example: 1, description: '1 = best approved release' }) rank?: number;
  @ApiProperty({ type: [RejectionResponse] }) rejections: RejectionResponse[];
}

export class IndexerReportResponse {
  @ApiProperty() indexerId: number;
  @ApiProperty() indexer: string;
  @ApiProperty({ enum: ['ok', 'timeout', 'failed'] }) outcome: string;
  @ApiProperty({ description: 'Served from the short-lived search cache' }) cached: boolean;
  @ApiProperty() releases: number;
}

export class SearchResponse {
  @ApiProperty({ format: 'uuid' }) movieId: string;
  @ApiProperty({ description: 'Some indexers failed or timed out; their releases are missing' }) degraded: boolean;
  @ApiProperty({ type: [IndexerReportResponse] }) indexers: IndexerReportResponse[];
  @ApiProperty({ type: [ReleaseDecisionResponse], description: 'Approved releases best first, then rejected ones' })
  releases: ReleaseDecisionResponse[];
}
