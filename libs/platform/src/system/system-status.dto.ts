import { ApiProperty } from '@nestjs/swagger';
import { CircuitSnapshotDto } from '../admin/circuit-snapshot.dto';

export class MemoryUsageDto {
  @ApiProperty({ example: 104857600 })
  rssBytes!: number;

  @ApiProperty({ example: 52428800 })
  heapUsedBytes!: number;
}

export class SystemStatusDto {
  @ApiProperty({ example: 'download' })
  service!: string;

  @ApiProperty({ example: '1.4.0' })
  version!: string;

  @ApiProperty({ example: 3600 })
  uptimeSeconds!: number;

  @ApiProperty({ type: MemoryUsageDto })
  memory!: MemoryUsageDto;

  @ApiProperty({ type: [CircuitSnapshotDto], description: 'Every resilience policy built so far' })
  circuits!: CircuitSnapshotDto[];
}
