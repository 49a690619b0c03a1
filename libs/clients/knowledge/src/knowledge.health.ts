import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { DownstreamHealthIndicator, InjectHttpClient, ResilientHttpClient } from '@keel/clients-core';
import { KNOWLEDGE } from './knowledge.constants';

@Injectable()
export class KnowledgeHealthIndicator extends DownstreamHealthIndicator {
  constructor(health: HealthIndicatorService, @InjectHttpClient(KNOWLEDGE) client: ResilientHttpClient) {
    super(health, client);
  }
}
