import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class CreateDownloadDto {
  @ApiProperty({ example: 'g1', description: 'The game to download; the caller must own it.' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, {
    message: 'gameId must be 1–64 letters, digits, dots, dashes or underscores',
  })
  gameId: string;
}
