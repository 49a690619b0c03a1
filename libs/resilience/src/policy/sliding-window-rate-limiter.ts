import { RateLimitedError } from '../errors/rate-limited.error';
import { stackless } from '../errors/stackless';
import type { RateLimitOptions } from '../policy-options.interface';
import { abortableDelay } from './abort-guard';

/** A limiter the pipeline asks before every attempt. */
export interface RateLimiter {
  /**
   * undefined when the call may start now; else a promise that resolves when it may, or rejects with
   * RateLimitedError when that is beyond `maxWaitMs`.
   */
  acquire(signal: AbortSignal | undefined, onAbort: () => Error): Promise<void> | undefined;
  /** Calls that could start now without waiting. */
  available(): number;
}

/** A limiter that can also be told of calls another limiter let through (see FleetRateLimiter). */
export interface RecordingRateLimiter extends RateLimiter {
  /** Takes a slot for a call that starts at `startAt` (ms), without asking whether it may. */
  record(startAt: number): void;
}

/**
 * An exact sliding-window limiter: at most `limit` calls start in any `windowMs`.
 *
 * It keeps the start times of the last `limit` calls in a ring. A call may start once the oldest of
 * them has left the window. A call that must wait reserves its future slot at once, so waiters are
 * served in arrival order and none can overtake another. O(1) per call, `limit` numbers of memory.
 */
export class SlidingWindowRateLimiter implements RecordingRateLimiter {
  private readonly starts: Float64Array;
  private head = 0;

  constructor(
    private readonly policy: string,
    private readonly options: RateLimitOptions,
    private readonly now: () => number = Date.now,
  ) {
    this.starts = new Float64Array(options.limit).fill(Number.NEGATIVE_INFINITY);
  }

  /**
   * undefined when the call may start now; else a promise that resolves when it may, or rejects with
   * RateLimitedError when that is beyond `maxWaitMs`.
   */
  acquire(signal: AbortSignal | undefined, onAbort: () => Error): Promise<void> | undefined {
    const now = this.now();
    const startAt = Math.max(now, this.starts[this.head] + this.options.windowMs);
    const waitMs = startAt - now;
    if (waitMs > this.options.maxWaitMs) {
      return Promise.reject(stackless(() => new RateLimitedError(this.policy, Math.ceil(waitMs))));
    }
    this.starts[this.head] = startAt;
    this.head = (this.head + 1) % this.starts.length;
    // No promise on the common path: the caller awaits only when it really has to wait.
    return waitMs > 0 ? abortableDelay(waitMs, signal, onAbort) : undefined;
  }

  record(startAt: number): void {
    this.starts[this.head] = startAt;
    this.head = (this.head + 1) % this.starts.length;
  }

  /** Calls that could start now without waiting. */
  available(): number {
    const cutoff = this.now() - this.options.windowMs;
    let free = 0;
    for (const start of this.starts) if (start <= cutoff) free++;
    return free;
  }
}
