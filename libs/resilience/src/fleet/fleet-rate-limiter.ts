import { randomUUID } from 'node:crypto';
import { RateLimitedError } from '../errors/rate-limited.error';
import { stackless } from '../errors/stackless';
import type { RateLimitOptions } from '../policy-options.interface';
import { abortableDelay } from '../policy/abort-guard';
import type { RateLimiter, RecordingRateLimiter } from '../policy/sliding-window-rate-limiter';
import type { FleetLink, FleetMember } from './fleet-link';

/**
 * The sliding-window limit held across every replica of a service: one atomic script per attempt
 * keeps the window in Redis (`keel:<service>:<downstream>:rate`), so three replicas together start
 * at most `limit` calls in any window. While Redis is unavailable, the in-process limiter decides; it
 * is told of every call the shared window let through, so it carries on from this replica's own
 * recent calls instead of a fresh window, and the calls it lets through alone are added to the shared
 * window when Redis is back.
 */
export class FleetRateLimiter implements RateLimiter, FleetMember {
  private readonly key: string;
  private readonly prefix = randomUUID();
  private sequence = 0;
  /** Slots taken in the shared window at our last look, for status pages. */
  private lastUsed = 0;
  /** Start times of the calls let through locally while Redis was unavailable. */
  private unshared: number[] = [];

  constructor(
    private readonly policy: string,
    private readonly options: RateLimitOptions,
    private readonly link: FleetLink,
    private readonly local: RecordingRateLimiter,
  ) {
    this.key = link.key(policy, 'rate');
    link.register(policy, this);
  }

  acquire(signal: AbortSignal | undefined, onAbort: () => Error): Promise<void> | undefined {
    if (!this.link.available) return this.locally(signal, onAbort);
    const { limit, windowMs, maxWaitMs } = this.options;
    return this.link
      .run('rateLimitAcquire', [this.key], [limit, windowMs, maxWaitMs, `${this.prefix}:${this.sequence++}`])
      .then((answer) => {
        if (!answer) return this.locally(signal, onAbort);
        const [waitMs, second, third] = answer as number[];
        if (waitMs < 0) {
          this.lastUsed = third;
          throw stackless(() => new RateLimitedError(this.policy, Math.ceil(second)));
        }
        this.lastUsed = second;
        this.local.record(Date.now() + waitMs);
        return waitMs > 0 ? abortableDelay(waitMs, signal, onAbort) : undefined;
      });
  }

  receive(): void {
    // The window has no news to publish: every acquire reads it afresh.
  }

  async resync(): Promise<void> {
    const now = Date.now();
    const ages = this.unshared.filter((at) => now - at < this.options.windowMs).map((at) => Math.max(now - at, 0));
    this.unshared = [];
    if (ages.length > 0)
      await this.link.run(
        'rateLimitRecord',
        [this.key],
        [this.options.windowMs, `${this.prefix}:r${this.sequence++}`, ...ages],
      );
  }

  private locally(signal: AbortSignal | undefined, onAbort: () => Error): Promise<void> | undefined {
    const wait = this.local.acquire(signal, onAbort);
    if (!wait) {
      this.remember(Date.now());
      return undefined;
    }
    return wait.then(() => this.remember(Date.now()));
  }

  /** Only the last `limit` calls can matter to a window of `limit`. */
  private remember(startAt: number): void {
    this.unshared.push(startAt);
    if (this.unshared.length > this.options.limit) this.unshared.shift();
  }

  available(): number {
    return this.link.available ? Math.max(this.options.limit - this.lastUsed, 0) : this.local.available();
  }
}
