import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { DownstreamHealthIndicator, InjectHttpClient, ResilientHttpClient } from '@keel/clients-core';
import { LIBRARY } from './library.constants';

@Injectable()
export class LibraryHealthIndicator extends DownstreamHealthIndicator {
  constructor(health: HealthIndicatorService, @InjectHttpClient(LIBRARY) client: ResilientHttpClient) {
    super(health, client);
  }
}
