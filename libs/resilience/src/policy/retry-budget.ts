/**
 * Caps retries to a share of recent calls so that a struggling downstream is not hit with
 * (1 + maxRetries)× its normal load (Finagle's RetryBudget, Envoy's retry_budget).
 * Retries allowed over the last `ttlMs` = ratio × calls + minPerSecond × ttl seconds.
 * Counts live in one-second buckets, rotated lazily on use.
 */
export class RetryBudget {
  private readonly calls: Uint32Array;
  private readonly retries: Uint32Array;
  private callTotal = 0;
  private retryTotal = 0;
  private bucketSecond = 0;
  private readonly reserve: number;

  constructor(
    private readonly ratio: number,
    minPerSecond: number,
    ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {
    const buckets = Math.max(1, Math.ceil(ttlMs / 1000));
    this.calls = new Uint32Array(buckets);
    this.retries = new Uint32Array(buckets);
    this.reserve = minPerSecond * buckets;
    this.bucketSecond = Math.floor(this.now() / 1000);
  }

  recordCall(): void {
    this.rotate();
    this.calls[this.bucketSecond % this.calls.length]++;
    this.callTotal++;
  }

  /** Takes one retry from the budget if there is one left. */
  tryWithdraw(): boolean {
    this.rotate();
    if (this.retryTotal >= this.reserve + this.ratio * this.callTotal) return false;
    this.retries[this.bucketSecond % this.retries.length]++;
    this.retryTotal++;
    return true;
  }

  private rotate(): void {
    const second = Math.floor(this.now() / 1000);
    if (second === this.bucketSecond) return;
    const size = this.calls.length;
    const steps = Math.min(second - this.bucketSecond, size);
    for (let i = 1; i <= steps; i++) {
      const index = (this.bucketSecond + i) % size;
      this.callTotal -= this.calls[index];
      this.retryTotal -= this.retries[index];
      this.calls[index] = 0;
      this.retries[index] = 0;
    }
    this.bucketSecond = second;
  }
}
