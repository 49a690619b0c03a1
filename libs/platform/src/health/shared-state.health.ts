import { Injectable, Optional } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { HealthIndicatorResult } from '@nestjs/terminus';
import { PolicyRegistry } from '@keel/resilience';

/**
 * The fleet's shared state (Redis), in the detailed `/api/health` only. Always `up`: without Redis the
 * policies run on local state and the service keeps serving, so its absence is `degraded`, never a
 * failed check (and it never touches readiness).
 */
@Injectable()
export class SharedStateHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    @Optional() private readonly policies?: PolicyRegistry,
  ) {}

  /** Whether this service shares state through Redis at all (`REDIS_URL`). */
  get configured(): boolean {
    return this.policies?.fleet !== undefined;
  }

  async isHealthy(key = 'redis'): Promise<HealthIndicatorResult> {
    const status = this.policies?.fleet?.status ?? { available: false, error: 'REDIS_URL is not set' };
    const indicator = this.health.check(key);
    return status.available
      ? indicator.up({ state: 'healthy', sharedState: 'fleet' })
      : indicator.up({ state: 'degraded', sharedState: 'local', error: status.error });
  }
}
