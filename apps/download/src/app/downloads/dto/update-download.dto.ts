import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

export const SETTABLE_STATUSES = ['paused', 'downloading', 'cancelled'] as const;
export type SettableStatus = (typeof SETTABLE_STATUSES)[number];

/** Either progress (`bytesDone`) or a status change, not both. */
export class UpdateDownloadDto {
  @ApiPropertyOptional({ example: 1048576, description: 'Bytes received so far; never decreases, at most bytesTotal.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  bytesDone?: number;

  @ApiPropertyOptional({
    enum: SETTABLE_STATUSES,
    description: '`paused` or `cancelled`; `downloading` resumes a paused session.',
  })
  @IsOptional()
  @IsIn([...SETTABLE_STATUSES])
  status?: SettableStatus;
}
