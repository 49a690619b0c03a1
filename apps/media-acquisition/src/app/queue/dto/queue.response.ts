import { ApiProperty } from '@nestjs/swagger';
import { MovieDownloadResponse } from '../../movies/dto/movie.response';

export class QueueItemResponse extends MovieDownloadResponse {
  @ApiProperty({ format: 'uuid' }) movieId: string;
  @ApiProperty({ example: 'Blade Runner 2049 (2017)' }) movie: string;
}

export class QueueResponse {
  @ApiProperty({ type: [QueueItemResponse], description: 'Downloads still being watched, oldest grab first' })
  items: QueueItemResponse[];
}
