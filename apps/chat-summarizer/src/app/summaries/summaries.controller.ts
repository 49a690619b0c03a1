import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiGatewayTimeoutResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ConversationParams, SummaryQuery } from './dto/summary.query';
import { SummaryResponse } from './dto/summary.response';
import { SUMMARY_DEFAULT_LIMIT } from './summaries.constants';
import { SummariesService } from './summaries.service';
import { ifNoneMatchHits } from './summary-etag';

@ApiTags('summaries')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Missing, invalid or expired token, or chat-svc refused it (problem+json)' })
@ApiBadRequestResponse({ description: 'Invalid id or limit; `errors` names each fault (problem+json)' })
@Controller({ path: 'conversations', version: '1' })
export class SummariesController {
  constructor(private readonly summaries: SummariesService) {}

  @Get(':id/summary')
  @ApiHeader({
    name: 'If-None-Match',
    required: false,
    description: 'An ETag of an earlier answer; 304 when the summary is unchanged.',
  })
  @ApiOkResponse({
    type: SummaryResponse,
    description: 'The summary; `degraded: true` when the LLM was unavailable and it is extractive',
  })
  @ApiResponse({ status: 304, description: 'Not modified: the If-None-Match ETag is current' })
  @ApiForbiddenResponse({ description: 'The caller does not take part in the conversation' })
  @ApiNotFoundResponse({ description: 'chat-svc knows no such conversation' })
  @ApiServiceUnavailableResponse({ description: 'chat-svc is unavailable or its circuit is open; see Retry-After' })
  @ApiGatewayTimeoutResponse({ description: 'chat-svc did not answer in time' })
  async summary(
    @Param() params: ConversationParams,
    @Query() query: SummaryQuery,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SummaryResponse | undefined> {
    const { body, etag } = await this.summaries.summarise(params.id, query.limit ?? SUMMARY_DEFAULT_LIMIT);
    // private: the answer depends on who may read the conversation; no-cache: revalidate each time.
    reply.header('etag', etag).header('cache-control', 'private, no-cache');
    if (ifNoneMatchHits(ifNoneMatch, etag)) {
      reply.status(304);
      return undefined;
    }
    return body;
  }
}
