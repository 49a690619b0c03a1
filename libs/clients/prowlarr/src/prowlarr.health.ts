import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { DownstreamHealthIndicator, InjectHttpClient, ResilientHttpClient } from '@keel/clients-core';
import { PROWLARR } from './prowlarr.constants';

@Injectable()
export class ProwlarrHealthIndicator extends DownstreamHealthIndicator {
  constructor(health: HealthIndicatorService, @InjectHttpClient(PROWLARR) client: ResilientHttpClient) {
    super(health, client);
  }
}
