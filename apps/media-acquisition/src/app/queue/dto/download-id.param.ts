import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class DownloadIdParam {
  @ApiProperty({
    example: '6BFE9A817CA7840AFBB63FB061C4EEA7BBF8159E',
    description: 'The torrent info hash (40 hex digits)',
  })
  @Matches(/^[0-9A-Fa-f]{40}$/, { message: 'downloadId must be a 40-digit hex info hash' })
  downloadId: string;
}
