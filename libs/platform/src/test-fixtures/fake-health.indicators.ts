import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { HealthIndicatorResult } from '@nestjs/terminus';

/** Stands in for the service's own database: decides readiness. */
@Injectable()
export class DatabaseHealthIndicator {
  healthy = true;
  constructor(private readonly indicators: HealthIndicatorService) {}

  async isHealthy(key: string): Promise<HealthIndicatorResult> {
    const check = this.indicators.check(key);
    return this.healthy ? check.up({ migrations: 'applied' }) : check.down({ message: 'connection refused' });
  }
}

/** Stands in for a downstream client's indicator: only the detailed view may go down with it. */
@Injectable()
export class LibraryHealthIndicator {
  healthy = true;
  constructor(private readonly indicators: HealthIndicatorService) {}

  async isHealthy(key: string): Promise<HealthIndicatorResult> {
    const check = this.indicators.check(key);
    return this.healthy ? check.up({ state: 'healthy' }) : check.down({ state: 'circuit-open' });
  }
}
