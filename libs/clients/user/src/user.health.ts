import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { DownstreamHealthIndicator, InjectHttpClient, ResilientHttpClient } from '@keel/clients-core';
import { USER } from './user.constants';

@Injectable()
export class UserHealthIndicator extends DownstreamHealthIndicator {
  constructor(health: HealthIndicatorService, @InjectHttpClient(USER) client: ResilientHttpClient) {
    super(health, client);
  }
}
