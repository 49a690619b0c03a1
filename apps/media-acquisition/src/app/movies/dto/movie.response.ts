import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MOVIE_STATUSES, TRACKED_STATES } from '../../db/schema';

export class MovieFileResponse {
  @ApiProperty({
    example: 'Blade Runner 2049 (2017)/Blade Runner 2049 (2017) Bluray-1080p.mkv',
    description: 'Relative to MEDIA_LIBRARY_ROOT',
  })
  relativePath: string;
  @ApiProperty({ example: 'Bluray-1080p' }) quality: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty() releaseTitle: string;
  @ApiProperty({ enum: ['hardlink', 'copy'] }) transfer: string;
  @ApiProperty({ format: 'date-time' }) importedAt: string;
}

export class MovieDownloadResponse {
  @ApiProperty({
    example: '0123456789ABCDEF0123456789ABCDEF01234567',
    description: 'The torrent info hash, upper-case',
  })
  downloadId: string;
  @ApiProperty() releaseTitle: string;
  @ApiProperty() indexer: string;
  @ApiProperty({ example: 'Bluray-1080p' }) quality: string;
  @ApiProperty({ enum: TRACKED_STATES }) state: string;
  @ApiPropertyOptional({ example: 'Downloading', description: 'qBittorrent’s state, mapped as Radarr does' })
  clientStatus?: string;
  @ApiProperty({ example: 0.42 }) progress: number;
  @ApiPropertyOptional({ example: 120, description: 'Seconds left; absent when unknown' }) etaSeconds?: number;
  @ApiProperty({ type: [String] }) messages: string[];
  @ApiProperty({ format: 'date-time' }) grabbedAt: string;
}

export class MovieResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() year: number;
  @ApiPropertyOptional() tmdbId?: number;
  @ApiPropertyOptional() imdbId?: string;
  @ApiPropertyOptional() runtimeMinutes?: number;
  @ApiProperty({ example: 'HD-1080p' }) qualityProfile: string;
  @ApiProperty({ enum: MOVIE_STATUSES }) status: string;
  @ApiProperty({ description: 'Whether the missing search and RSS sync grab it by themselves' }) monitored: boolean;
  @ApiPropertyOptional({ type: MovieFileResponse }) file?: MovieFileResponse;
  @ApiPropertyOptional({ type: MovieDownloadResponse, description: 'The latest grab' })
  download?: MovieDownloadResponse;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class MovieListResponse {
  @ApiProperty({ type: [MovieResponse] }) items: MovieResponse[];
}
