import { Inject, Injectable, NotFoundException, OnModuleDestroy, Optional } from '@nestjs/common';
import type { FleetLink } from './fleet/fleet-link';
import { trackRateLimitUsage } from './metrics/rate-limit-gauges';
import { ResilienceMetrics } from './metrics/resilience-metrics';
import { DEFAULT_POLICY_OPTIONS, mergePolicyOptions } from './policy/default-options';
import { ResiliencePipeline } from './policy/resilience-pipeline';
import type { RateLimitUsage } from './policy/resilience-pipeline';
import { PolicyEventsSubscriber } from './policy-events.subscriber';
import type { CircuitStateName, PolicyOptionsInput, ResilienceModuleOptions } from './policy-options.interface';
import { FLEET_LINK, RESILIENCE_OPTIONS } from './resilience.constants';

export interface PolicySnapshot {
  name: string;
  state: CircuitStateName;
  hasCircuit: boolean;
  retryAfterMs: number | undefined;
  rateLimit?: RateLimitUsage;
}

/**
 * Builds each named pipeline once and hands the same instance to every consumer: a breaker built per
 * request or per module would never see enough failures to open.
 *
 * Options for a name merge, later winning: module defaults → the caller's (e.g. a client's env
 * config) → the module's `policies[name]`.
 */
@Injectable()
export class PolicyRegistry implements OnModuleDestroy {
  private readonly pipelines = new Map<string, ResiliencePipeline>();
  /** Every pipeline reports to this one subscriber: metrics on prom-client's default registry, and logs. */
  private readonly observer = new PolicyEventsSubscriber(new ResilienceMetrics());
  private readonly untrackRateLimits: () => void;

  constructor(
    @Optional() @Inject(RESILIENCE_OPTIONS) private readonly options: ResilienceModuleOptions = {},
    /** With `REDIS_URL`, the link through which breakers and rate limits hold for every replica. */
    @Optional() @Inject(FLEET_LINK) readonly fleet?: FleetLink,
  ) {
    this.untrackRateLimits = trackRateLimitUsage(() =>
      this.list().map((p) => ({ name: p.name, usage: p.rateLimitUsage() })),
    );
  }

  get(name: string, options?: PolicyOptionsInput): ResiliencePipeline {
    let pipeline = this.pipelines.get(name);
    if (!pipeline) {
      const merged = mergePolicyOptions(
        DEFAULT_POLICY_OPTIONS,
        this.options.defaults,
        options,
        this.options.policies?.[name],
      );
      pipeline = new ResiliencePipeline(name, merged, this.observer, this.fleet ?? undefined);
      this.observer.declare(name);
      this.pipelines.set(name, pipeline);
    }
    return pipeline;
  }

  list(): ResiliencePipeline[] {
    return [...this.pipelines.values()];
  }

  snapshot(): PolicySnapshot[] {
    return this.list().map((p) => ({
      name: p.name,
      state: p.circuitState,
      hasCircuit: p.hasCircuit,
      retryAfterMs: p.circuitRetryAfterMs(),
      rateLimit: p.rateLimitUsage(),
    }));
  }

  /** The pipeline of an existing policy; 404 for an unknown name (admin endpoints use this). */
  require(name: string): ResiliencePipeline {
    const pipeline = this.pipelines.get(name);
    if (!pipeline) throw new NotFoundException(`no policy named ${name}`);
    return pipeline;
  }

  onModuleDestroy(): void {
    this.untrackRateLimits();
    for (const pipeline of this.pipelines.values()) pipeline.dispose();
  }
}
