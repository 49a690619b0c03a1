import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { HealthIndicatorResult } from '@nestjs/terminus';
import { DEGRADED_ERROR_RATE, InjectHttpClient, ResilientHttpClient } from '@keel/clients-core';
import type { DownstreamHealthState } from '@keel/clients-core';
import { QBITTORRENT } from './qbittorrent.constants';

/**
 * Like `DownstreamHealthIndicator`, except that any answer below 500 from the probe counts as up:
 * qBittorrent answers 403 to every call without a session, and that 403 proves it is alive. The probe
 * deliberately does not log in: a health check every few seconds must not create sessions (or, with
 * wrong credentials, earn an IP ban). Bad credentials still show, as failed calls in `errorRate`.
 */
@Injectable()
export class QbittorrentHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    @InjectHttpClient(QBITTORRENT) private readonly client: ResilientHttpClient,
  ) {}

  async isHealthy(key: string = QBITTORRENT): Promise<HealthIndicatorResult> {
    const indicator = this.health.check(key);
    const { calls, errorRate, p95Ms } = this.client.stats.snapshot();
    const breaker = this.client.circuitState;
    const details = { errorRate: Math.round(errorRate * 1000) / 1000, p95Ms, recentCalls: calls, breaker };
    if (breaker === 'open' || breaker === 'isolated') return indicator.down({ state: 'circuit-open' satisfies DownstreamHealthState, ...details });
    const probe = await this.client.probe();
    const alive = probe.status !== undefined && probe.status < 500;
    if (!alive) return indicator.down({ state: 'down' satisfies DownstreamHealthState, probe, ...details });
    const state: DownstreamHealthState = errorRate > DEGRADED_ERROR_RATE ? 'degraded' : 'healthy';
    return indicator.up({ state, probeStatus: probe.status, ...details });
  }
}
