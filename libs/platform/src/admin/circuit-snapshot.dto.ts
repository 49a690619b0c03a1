import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class RateLimitUsageDto {
  @ApiProperty({ example: 60 })
  limit!: number;

  @ApiProperty({ example: 60000 })
  windowMs!: number;

  @ApiProperty({ example: 12, description: 'Calls started (or waiting to start) in the current window' })
  used!: number;
}

export class CircuitSnapshotDto {
  @ApiProperty({ example: 'library', description: 'The policy (downstream) name' })
  name!: string;

  @ApiProperty({ enum: ['closed', 'half-open', 'open', 'isolated'], example: 'closed' })
  state!: string;

  @ApiProperty({ description: 'False when the policy has no circuit breaker' })
  hasCircuit!: boolean;

  @ApiPropertyOptional({ example: 12000, description: 'While refusing calls: ms until it lets one through' })
  retryAfterMs?: number;

  @ApiPropertyOptional({ type: RateLimitUsageDto, description: 'Only for a rate-limited policy' })
  rateLimit?: RateLimitUsageDto;
}
