import { ApiProperty } from '@nestjs/swagger';

export class LinkedResourceResponse {
  @ApiProperty({ example: 'k1' }) resourceId: string;
  @ApiProperty({
    description: 'Fresh from the knowledge service, or the title cached at linking when it is unavailable.',
  })
  title: string;
  @ApiProperty({ format: 'date-time' }) linkedAt: string;
}

export class LinkedResourcePageResponse {
  @ApiProperty({ type: [LinkedResourceResponse] }) items: LinkedResourceResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  @ApiProperty({ description: 'true when the knowledge service could not be asked: some titles are the cached ones.' })
  degraded: boolean;
}

export class ScoredResourceResponse {
  @ApiProperty({ example: 'k1' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ example: 0.93 }) score: number;
}

export class RecommendationsResponse {
  @ApiProperty({ type: [ScoredResourceResponse], description: 'Best first; empty when degraded.' })
  results: ScoredResourceResponse[];
  @ApiProperty({ description: 'true when the knowledge service could not be asked.' }) degraded: boolean;
}
