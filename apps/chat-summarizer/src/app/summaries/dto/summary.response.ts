import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class SummaryResponse {
  @ApiProperty() conversationId: string;
  @ApiProperty() summary: string;
  @ApiProperty({ type: [String] }) keyPoints: string[];
  @ApiProperty({ description: 'Messages the summary covers' }) messageCount: number;
  @ApiProperty({ enum: ['llm', 'extractive'] }) method: 'llm' | 'extractive';
  @ApiPropertyOptional({ description: 'The model that wrote it (method llm only)' }) model?: string;
  @ApiProperty({ description: 'True when the LLM failed and the summary is the extractive fallback' })
  degraded: boolean;
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
}
