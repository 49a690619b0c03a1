import type { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import type { ResilientHttpClient } from '../http/resilient-http-client';

/** Above this share of failed calls in the recent window, a reachable downstream is "degraded". */
export const DEGRADED_ERROR_RATE = 0.1;

export type DownstreamHealthState = 'healthy' | 'degraded' | 'down' | 'circuit-open';

export interface DownstreamHealthOptions {
  /** A probe answering below this status counts as alive (default 400). */
  aliveBelow?: number;
}

/**
 * The health indicator of one downstream (terminus v11 style), provided by `DownstreamModule` under
 * `getDownstreamHealthToken(name)`. `up` with state healthy or degraded; `down` with state down (the
 * health path does not answer, or answers at or above `aliveBelow`) or circuit-open. Details carry
 * the error rate and p95 of the client's recent calls and the breaker's state.
 */
export class DownstreamHealth {
  constructor(
    private readonly health: HealthIndicatorService,
    private readonly client: ResilientHttpClient,
    private readonly options: DownstreamHealthOptions = {},
  ) {}

  async isHealthy(key: string = this.client.name): Promise<HealthIndicatorResult> {
    const indicator = this.health.check(key);
    const { calls, errorRate, p95Ms } = this.client.stats.snapshot();
    const breaker = this.client.circuitState;
    const instances = this.client.instanceStates();
    const dns = this.client.dnsStatus;
    // One instance says nothing the rest of the details do not; several (or DNS) get their own list.
    const balancing = instances.length > 1 || dns ? { instances, ...(dns ? { dns } : {}) } : {};
    const details = {
      errorRate: Math.round(errorRate * 1000) / 1000,
      p95Ms,
      recentCalls: calls,
      breaker,
      ...balancing,
    };
    if (breaker === 'open' || breaker === 'isolated')
      return indicator.down({ state: 'circuit-open' satisfies DownstreamHealthState, ...details });
    const probe = await this.client.probe();
    if (!this.isAlive(probe))
      return indicator.down({ state: 'down' satisfies DownstreamHealthState, probe, ...details });
    const state: DownstreamHealthState = errorRate > DEGRADED_ERROR_RATE ? 'degraded' : 'healthy';
    return indicator.up({ state, ...(probe.ok ? {} : { probeStatus: probe.status }), ...details });
  }

  /** Whether the probe's answer shows the downstream alive: a status below `aliveBelow`. */
  protected isAlive(probe: { ok: boolean; status?: number }): boolean {
    return probe.status !== undefined && probe.status < (this.options.aliveBelow ?? 400);
  }
}
