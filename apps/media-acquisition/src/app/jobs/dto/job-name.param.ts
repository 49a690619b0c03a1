import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { JOB_NAMES } from '../job.names';
import type { JobName } from '../job.names';

export class JobNameParam {
  @ApiProperty({ enum: JOB_NAMES, example: 'rss-sync' })
  @IsIn(JOB_NAMES, { message: `name must be one of ${JOB_NAMES.join(', ')}` })
  name: JobName;
}
