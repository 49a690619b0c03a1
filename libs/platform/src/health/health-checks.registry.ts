import { Inject, Injectable, Optional } from '@nestjs/common';
import type { OnModuleInit, Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { HealthIndicatorFunction, HealthIndicatorResult } from '@nestjs/terminus';
import type { HealthCheckable, HealthIndicatorRef, PlatformModuleOptions } from '../platform-options.interface';
import { PLATFORM_OPTIONS } from '../platform.constants';
import { SharedStateHealthIndicator } from './shared-state.health';

/** `LibraryHealthIndicator` → `library`, `DatabaseHealth` → `database`. */
export function healthKeyOf(indicator: Type<unknown>): string {
  return (
    indicator.name.replace(/(HealthIndicator|Health|Indicator)$/, '').toLowerCase() || indicator.name.toLowerCase()
  );
}

/**
 * Resolves the indicator classes named in `PlatformModule.forRoot()` from whichever module provides
 * them, once, at start-up: a missing one fails the start with its name rather than the first probe.
 */
@Injectable()
export class HealthChecksRegistry implements OnModuleInit {
  private readinessChecks: HealthIndicatorFunction[] = [];
  private downstreamChecks: HealthIndicatorFunction[] = [];

  constructor(
    @Inject(PLATFORM_OPTIONS) private readonly options: PlatformModuleOptions,
    private readonly moduleRef: ModuleRef,
    @Optional() private readonly sharedState?: SharedStateHealthIndicator,
  ) {}

  /** The service's own dependencies; what decides readiness. */
  get readiness(): HealthIndicatorFunction[] {
    return this.readinessChecks;
  }

  /** Readiness plus every downstream (and the fleet's Redis, when configured): the detailed view. */
  get all(): HealthIndicatorFunction[] {
    return [...this.readinessChecks, ...this.downstreamChecks];
  }

  onModuleInit(): void {
    const seen = new Set<string>();
    this.readinessChecks = (this.options.readiness ?? []).map((ref) => this.resolve(ref, seen));
    this.downstreamChecks = (this.options.downstreams ?? []).map((ref) => this.resolve(ref, seen));
    const sharedState = this.sharedState;
    if (sharedState?.configured) this.downstreamChecks.push(() => sharedState.isHealthy('redis'));
  }

  private resolve(ref: HealthIndicatorRef, seen: Set<string>): HealthIndicatorFunction {
    const { key, indicator } = 'indicator' in ref ? ref : { key: healthKeyOf(ref), indicator: ref };
    if (seen.has(key))
      throw new Error(
        `PlatformModule: two health indicators share the key "${key}"; give one an explicit { key, indicator }`,
      );
    seen.add(key);
    let instance: HealthCheckable;
    try {
      instance = this.moduleRef.get<HealthCheckable>(indicator, { strict: false });
    } catch {
      throw new Error(
        `PlatformModule: health indicator ${typeof indicator === 'function' ? indicator.name : String(indicator)} ` +
          `is not provided by any module; import the module that provides it`,
      );
    }
    // terminus rethrows anything but its own HealthCheckError, which would turn one broken
    // indicator into a 500 for the whole report: report it as down instead.
    return () =>
      instance.isHealthy(key).catch(
        (error: unknown): HealthIndicatorResult => ({
          [key]: { status: 'down', message: error instanceof Error ? error.message : String(error) },
        }),
      );
  }
}
