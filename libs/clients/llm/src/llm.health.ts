import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { DownstreamHealthIndicator, InjectHttpClient, ResilientHttpClient } from '@keel/clients-core';
import { LLM } from './llm.constants';

@Injectable()
export class LlmHealthIndicator extends DownstreamHealthIndicator {
  constructor(health: HealthIndicatorService, @InjectHttpClient(LLM) client: ResilientHttpClient) {
    super(health, client);
  }
}
