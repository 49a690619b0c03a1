import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { SUMMARY_DEFAULT_LIMIT, SUMMARY_MAX_LIMIT, SUMMARY_MIN_LIMIT } from '../summaries.constants';

export class SummaryQuery {
  @ApiPropertyOptional({
    minimum: SUMMARY_MIN_LIMIT,
    maximum: SUMMARY_MAX_LIMIT,
    default: SUMMARY_DEFAULT_LIMIT,
    description: 'How many of the newest messages to summarise.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(SUMMARY_MIN_LIMIT)
  @Max(SUMMARY_MAX_LIMIT)
  limit?: number;
}

export class ConversationParams {
  /** Bounded, so an id can neither bloat the cache key nor smuggle a path into chat-svc's URL. */
  @ApiProperty({ description: "chat-svc's conversation id", example: 'c1' })
  @Matches(/^[A-Za-z0-9._:-]{1,128}$/, { message: 'id must be 1 to 128 letters, digits, ".", "_", ":" or "-"' })
  id: string;
}
