/** How fast an instance's latency estimate forgets, after Finagle's and linkerd2-proxy's 10 s default. */
export const PEAK_EWMA_DECAY_MS = 10_000;

/**
 * An instance's latency estimate, peak-sensitive (Finagle's `PeakEwma`, linkerd2-proxy's
 * `PeakEwma`): a latency above the estimate replaces it at once, one below pulls it down gradually,
 * weighted by the time since the last update (so the estimate does not depend on the call rate), and
 * with no answers it decays toward 0, so an instance that was slow is tried again after a while.
 */
export class PeakEwma {
  /** False until the first observation: the balancer treats an unknown instance on its own terms. */
  known = false;
  private estimateMs = 0;
  private stampMs = 0;

  constructor(private readonly decayMs = PEAK_EWMA_DECAY_MS) {}

  /** The estimate at `now`, decayed since the last update; 0 while unknown. */
  value(now: number): number {
    return this.estimateMs * Math.exp(-Math.max(0, now - this.stampMs) / this.decayMs);
  }

  /** An answer that took `ms`. */
  observe(ms: number, now: number): void {
    if (!this.known || ms > this.estimateMs) {
      this.estimateMs = ms;
    } else {
      const w = Math.exp(-Math.max(0, now - this.stampMs) / this.decayMs);
      this.estimateMs = this.estimateMs * w + ms * (1 - w);
    }
    this.stampMs = now;
    this.known = true;
  }

  /**
   * An attempt that ended without an answer (cancelled, failed) after `ms`: its latency is at least
   * that, so it can raise the estimate but never lower it; otherwise a slow instance whose calls are
   * always cancelled by a faster hedge would look fast.
   */
  atLeast(ms: number, now: number): void {
    if (ms > this.value(now)) {
      this.estimateMs = ms;
      this.stampMs = now;
      this.known = true;
    }
  }
}
