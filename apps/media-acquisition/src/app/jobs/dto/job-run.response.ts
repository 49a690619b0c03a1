import { ApiProperty } from '@nestjs/swagger';
import { JOB_NAMES } from '../job.names';

export class JobRunResponse {
  @ApiProperty({ enum: JOB_NAMES }) name: string;
  @ApiProperty({
    enum: ['started', 'running'],
    description: '`running`: a run was already going on this replica; it stands for this request',
  })
  status: 'started' | 'running';
}
