import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class DeleteMovieQuery {
  @ApiPropertyOptional({
    default: false,
    description: 'Also remove the imported file: into MEDIA_RECYCLE_BIN when set, else deleted',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  deleteFiles?: boolean;
}
