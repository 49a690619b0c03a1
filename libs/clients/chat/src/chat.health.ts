import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { DownstreamHealthIndicator, InjectHttpClient, ResilientHttpClient } from '@keel/clients-core';
import { CHAT } from './chat.constants';

@Injectable()
export class ChatHealthIndicator extends DownstreamHealthIndicator {
  constructor(health: HealthIndicatorService, @InjectHttpClient(CHAT) client: ResilientHttpClient) {
    super(health, client);
  }
}
