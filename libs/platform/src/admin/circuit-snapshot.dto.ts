import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class CircuitSnapshotDto {
  @ApiProperty({ example: 'library', description: 'The policy (downstream) name' })
  name!: string;

  @ApiProperty({ enum: ['closed', 'half-open', 'open', 'isolated'], example: 'closed' })
  state!: string;

  @ApiProperty({ description: 'False when the policy has no circuit breaker' })
  hasCircuit!: boolean;

  @ApiPropertyOptional({ example: 12000, description: 'While refusing calls: ms until it lets one through' })
  retryAfterMs?: number;
}
