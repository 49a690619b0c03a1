import type { Balancer } from './balancer';
import { Instance } from './instance';
import type { InstanceSnapshot } from './instance';

/** Passive outlier ejection, after Envoy's `outlier_detection` (consecutive_5xx). */
export interface OutlierOptions {
  /** 5xx answers or connect failures in a row that eject an instance; 0 turns ejection off. */
  consecutiveFailures: number;
  /** The first ejection's length; the n-th lasts n times as long, up to `maxEjectionMs`. */
  baseEjectionMs: number;
  maxEjectionMs: number;
  /** The most instances out at once, as a share of all (floored), so a fleet-wide fault stays the breaker's. */
  maxEjectionPercent: number;
}

export type AttemptVerdict = 'success' | 'failure' | 'neutral';

export interface InstanceEvents {
  ejected?(url: string, forMs: number): void;
}

/**
 * A downstream's instances: which one takes the next attempt, what each has in flight, and which are
 * ejected. One instance (the common case) short-cuts everything to a field read.
 */
export class InstanceSet {
  private all: Instance[] = [];
  /** The instances a pick may return now: not ejected, not draining. */
  private eligible: Instance[] = [];
  private readonly draining = new Set<Instance>();
  /** When the soonest ejection ends (`performance.now()` time); Infinity when none is ejected. */
  private nextReturn = Infinity;

  constructor(
    urls: readonly string[],
    private readonly balancer: Balancer,
    private readonly outlier: OutlierOptions,
    private readonly events: InstanceEvents = {},
    private readonly now: () => number = () => performance.now(),
  ) {
    this.replace(urls);
  }

  get size(): number {
    return this.all.length;
  }

  /** The instance for the next attempt; `avoid` (the previous attempt's) only when another is eligible. */
  pick(avoid?: Instance): Instance {
    if (this.all.length === 1) return this.all[0];
    if (this.nextReturn <= this.now()) this.refresh();
    // Every eligible one ejected or gone (it cannot happen within maxEjectionPercent): use them all.
    const eligible = this.eligible.length > 0 ? this.eligible : this.all;
    if (avoid && eligible.length > 1) {
      const others = eligible.filter((instance) => instance !== avoid);
      if (others.length > 0) return this.balancer(others);
    }
    return this.balancer(eligible);
  }

  /** Marks an attempt as started on `instance`; returns its start time, for `end`. */
  begin(instance: Instance): number {
    instance.outstanding++;
    instance.requests++;
    return this.now();
  }

  /**
   * Marks the attempt as ended; a failure counts toward ejecting the instance, a success clears its
   * count. With `startedAt` (from `begin`) its latency feeds the instance's estimate: an answer in
   * full, an attempt that ended without one (cancelled, failed) only as a lower bound.
   */
  end(instance: Instance, verdict: AttemptVerdict, startedAt?: number): void {
    instance.outstanding--;
    if (instance.draining) {
      if (instance.outstanding <= 0) this.draining.delete(instance);
      return;
    }
    if (startedAt !== undefined) {
      const now = this.now();
      const ms = now - startedAt;
      if (verdict === 'success') {
        instance.latency.observe(ms, now);
        instance.answered.record(ms);
      } else {
        instance.latency.atLeast(ms, now);
      }
    }
    if (verdict === 'success') instance.consecutiveFailures = 0;
    else if (verdict === 'failure') this.failed(instance);
  }

  /**
   * Ends an attempt the client gave up on because another leg of its hedged call answered first.
   * The instance most likely still works on it (a server seldom notices a closed socket before it
   * writes), so the call stays in its outstanding count for as long as the instance's latency
   * estimate says it would still take. Otherwise a slow instance's count would drop to 0 each time
   * a hedge cut its call short, and the balancer would refill it at once.
   */
  abandon(instance: Instance, startedAt: number): void {
    const now = this.now();
    const elapsed = now - startedAt;
    instance.latency.atLeast(elapsed, now);
    const remainingMs = instance.latency.value(now) - elapsed;
    if (remainingMs < 1 || instance.draining) {
      this.end(instance, 'neutral');
      return;
    }
    setTimeout(() => this.end(instance, 'neutral'), remainingMs).unref();
  }

  /** The instances taking calls now (not ejected, not draining), for the hedge delay. */
  active(): readonly Instance[] {
    if (this.nextReturn <= this.now()) this.refresh();
    return this.eligible.length > 0 ? this.eligible : this.all;
  }

  /**
   * The instances discovery now reports. New ones join; one that left takes no new calls and is
   * forgotten once its calls in flight have answered (it drains).
   */
  replace(urls: readonly string[]): void {
    if (urls.length === 0) return;
    const current = new Map(this.all.map((instance) => [instance.url, instance]));
    const next = urls.map((url) => current.get(url) ?? new Instance(url));
    const kept = new Set(next);
    for (const instance of this.all) {
      if (kept.has(instance)) continue;
      instance.draining = true;
      if (instance.outstanding > 0) this.draining.add(instance);
    }
    this.all = next;
    this.refresh();
  }

  urls(): string[] {
    return this.all.map((instance) => instance.url);
  }

  snapshot(): InstanceSnapshot[] {
    const now = this.now();
    const describe = (instance: Instance): InstanceSnapshot => {
      const ejected = instance.isEjected(now);
      return {
        url: instance.url,
        state: instance.draining ? 'draining' : ejected ? 'ejected' : 'healthy',
        outstanding: instance.outstanding,
        requests: instance.requests,
        consecutiveFailures: instance.consecutiveFailures,
        ejections: instance.ejections,
        ...(instance.latency.known ? { latencyMs: Math.round(instance.latency.value(now) * 10) / 10 } : {}),
        ...(ejected ? { ejectedForMs: Math.round(instance.ejectedUntil - now) } : {}),
      };
    };
    return [...this.all.map(describe), ...[...this.draining].map(describe)];
  }

  private failed(instance: Instance): void {
    instance.consecutiveFailures++;
    const { consecutiveFailures, baseEjectionMs, maxEjectionMs, maxEjectionPercent } = this.outlier;
    if (consecutiveFailures <= 0 || instance.consecutiveFailures < consecutiveFailures) return;
    const now = this.now();
    if (instance.isEjected(now)) return;
    const ejectedNow = this.all.filter((other) => other.isEjected(now)).length;
    if (ejectedNow + 1 > Math.floor((this.all.length * maxEjectionPercent) / 100)) return;
    instance.ejections++;
    const forMs = Math.min(baseEjectionMs * instance.ejections, maxEjectionMs);
    instance.ejectedUntil = now + forMs;
    instance.consecutiveFailures = 0;
    this.refresh();
    this.events.ejected?.(instance.url, forMs);
  }

  private refresh(): void {
    const now = this.now();
    this.eligible = this.all.filter((instance) => !instance.isEjected(now));
    let soonest = Infinity;
    for (const instance of this.all) if (instance.isEjected(now)) soonest = Math.min(soonest, instance.ejectedUntil);
    this.nextReturn = soonest;
  }
}
