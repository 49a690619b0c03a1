import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { DownstreamHealthIndicator, InjectHttpClient, ResilientHttpClient } from '@keel/clients-core';
import { TMDB } from './tmdb.constants';

/**
 * TMDB has no health endpoint: the probe asks `/3/configuration` without a key, and any answer below
 * 500 (TMDB's 401 included) proves it alive. Keeping the key off the probe means a health check can
 * never spend or leak it; a wrong key still shows, as failed calls in `errorRate`.
 */
@Injectable()
export class TmdbHealthIndicator extends DownstreamHealthIndicator {
  constructor(health: HealthIndicatorService, @InjectHttpClient(TMDB) client: ResilientHttpClient) {
    super(health, client);
  }

  protected override isAlive(probe: { ok: boolean; status?: number }): boolean {
    return probe.status !== undefined && probe.status < 500;
  }
}
