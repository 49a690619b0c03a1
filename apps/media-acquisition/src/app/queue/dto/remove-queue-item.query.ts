import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

// Query strings are text: only the words true and false are booleans; anything else fails validation.
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class RemoveQueueItemQuery {
  @ApiPropertyOptional({ default: false, description: 'Also remove the torrent and its files from qBittorrent' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  removeFromClient?: boolean;

  @ApiPropertyOptional({ default: false, description: 'Blocklist the release, so no search approves it again' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  blocklist?: boolean;
}
