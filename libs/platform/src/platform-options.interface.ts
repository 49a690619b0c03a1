import type { Type } from '@nestjs/common';
import type { HealthIndicatorResult } from '@nestjs/terminus';

/** What `/api/health*` calls: a terminus v11 indicator (`HealthIndicatorService.check(key).up()`). */
export interface HealthCheckable {
  isHealthy(key: string): Promise<HealthIndicatorResult>;
}

/**
 * An indicator class, keyed by its name (`LibraryHealthIndicator` → `library`), or with an explicit
 * key; or a provider token with its key, as clients-core's `downstreamHealth('library')` gives.
 */
export type HealthIndicatorRef =
  | Type<HealthCheckable>
  | { key: string; indicator: Type<HealthCheckable> | string | symbol };

/** A provider that adds one section to `/api/system/status` (e.g. a service's queue counts). */
export interface StatusContributor {
  status(): unknown | Promise<unknown>;
}

export interface PlatformModuleOptions {
  /** The service name: logs, Swagger title, `/api/system/status`. */
  service: string;
  /** Defaults to `SERVICE_VERSION`, then `npm_package_version`, then `0.0.0`. */
  version?: string;
  /** The service's own dependencies (its database): `/api/health/ready` and `/api/health`. */
  readiness?: HealthIndicatorRef[];
  /** Downstream services: only the detailed `/api/health`, never readiness. */
  downstreams?: HealthIndicatorRef[];
  /** Extra sections of `/api/system/status`, by key: `{ queue: QueueStatus }` adds `queue: await status()`. */
  status?: Record<string, Type<StatusContributor>>;
  /**
   * Every inbound request's budget, e.g. `5s` (the default): every downstream call made for it, with
   * its retries and waits, ends by then. `REQUEST_DEADLINE` overrides it; a Keel caller's smaller
   * `keel-deadline-ms` wins over both.
   */
  requestDeadline?: string;
}

export const DEFAULT_REQUEST_DEADLINE_MS = 5_000;
