import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { DownstreamHealthIndicator, InjectHttpClient, ResilientHttpClient } from '@keel/clients-core';
import { QBITTORRENT } from './qbittorrent.constants';

/**
 * Any answer below 500 from the probe counts as up: qBittorrent answers 403 to every call without a
 * session, and that 403 proves it is alive. The probe deliberately does not log in: a health check
 * every few seconds must not create sessions (or, with wrong credentials, earn an IP ban). Bad
 * credentials still show, as failed calls in `errorRate`.
 */
@Injectable()
export class QbittorrentHealthIndicator extends DownstreamHealthIndicator {
  constructor(health: HealthIndicatorService, @InjectHttpClient(QBITTORRENT) client: ResilientHttpClient) {
    super(health, client);
  }

  protected override isAlive(probe: { ok: boolean; status?: number }): boolean {
    return probe.status !== undefined && probe.status < 500;
  }
}
