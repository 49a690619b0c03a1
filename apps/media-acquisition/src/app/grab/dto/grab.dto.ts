import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

export class GrabDto {
  @ApiPropertyOptional({ description: 'A release guid from the search; the best approved release when omitted' })
  @IsOptional()
  @IsString()
  @Length(1, 2048)
  guid?: string;
}
