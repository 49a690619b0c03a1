import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiGatewayTimeoutResponse,
  ApiOkResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { KnowledgeClient } from '@keel/clients-knowledge';
import { SearchQuery } from './dto/search.query';
import { SearchResponse } from './dto/search.response';

/** A pass-through to the knowledge service's search, for finding resources to link. */
@ApiTags('knowledge')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Missing, invalid or expired token (problem+json)' })
@Controller({ path: 'knowledge', version: '1' })
export class KnowledgeSearchController {
  constructor(private readonly knowledge: KnowledgeClient) {}

  @Get('search')
  @ApiOkResponse({ type: SearchResponse })
  @ApiBadRequestResponse({ description: 'q is missing or empty (problem+json)' })
  @ApiServiceUnavailableResponse({
    description: 'The knowledge service is unavailable or its circuit is open; see Retry-After',
  })
  @ApiGatewayTimeoutResponse({ description: 'The knowledge service did not answer in time' })
  async search(@Query() query: SearchQuery): Promise<SearchResponse> {
    return { results: await this.knowledge.search(query.q, query.limit) };
  }
}
