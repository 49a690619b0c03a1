import { randomUUID } from 'node:crypto';
import { RateLimitedError } from '../errors/rate-limited.error';
import { stackless } from '../errors/stackless';
import type { RateLimitOptions } from '../policy-options.interface';
import { abortableDelay } from '../policy/abort-guard';
import type { RateLimiter } from '../policy/sliding-window-rate-limiter';
import type { FleetLink } from './fleet-link';

/**
 * The sliding-window limit held across every replica of a service: one atomic script per attempt
 * keeps the window in Redis (`keel:<service>:<downstream>:rate`), so three replicas together start
 * at most `limit` calls in any window. While Redis is unavailable, the in-process limiter decides.
 */
export class FleetRateLimiter implements RateLimiter {
  private readonly key: string;
  private readonly prefix = randomUUID();
  private sequence = 0;
  /** Slots taken in the shared window at our last look, for status pages. */
  private lastUsed = 0;

  constructor(
    private readonly policy: string,
    private readonly options: RateLimitOptions,
    private readonly link: FleetLink,
    private readonly local: RateLimiter,
  ) {
    this.key = link.key(policy, 'rate');
  }

  acquire(signal: AbortSignal | undefined, onAbort: () => Error): Promise<void> | undefined {
    if (!this.link.available) return this.local.acquire(signal, onAbort);
    const { limit, windowMs, maxWaitMs } = this.options;
    return this.link.run('rateLimitAcquire', [this.key], [limit, windowMs, maxWaitMs, `${this.prefix}:${this.sequence++}`]).then((answer) => {
      if (!answer) return this.local.acquire(signal, onAbort);
      const [waitMs, second, third] = answer as number[];
      if (waitMs < 0) {
        this.lastUsed = third;
        throw stackless(() => new RateLimitedError(this.policy, Math.ceil(second)));
      }
      this.lastUsed = second;
      return waitMs > 0 ? abortableDelay(waitMs, signal, onAbort) : undefined;
    });
  }

  available(): number {
    return this.link.available ? Math.max(this.options.limit - this.lastUsed, 0) : this.local.available();
  }
}
