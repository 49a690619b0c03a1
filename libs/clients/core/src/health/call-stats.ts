/**
 * The last `size` logical calls of a client (ok or not, and how long), for the health indicator's
 * error rate and p95. A ring of numbers: recording is two stores, reading sorts at probe time only.
 */
export class CallStats {
  private readonly durations: Float64Array;
  private readonly failures: Uint8Array;
  private count = 0;
  private next = 0;

  constructor(private readonly size = 200) {
    this.durations = new Float64Array(size);
    this.failures = new Uint8Array(size);
  }

  record(ok: boolean, ms: number): void {
    this.durations[this.next] = ms;
    this.failures[this.next] = ok ? 0 : 1;
    this.next = (this.next + 1) % this.size;
    if (this.count < this.size) this.count++;
  }

  snapshot(): { calls: number; errorRate: number; p95Ms: number | null } {
    const n = this.count;
    if (n === 0) return { calls: 0, errorRate: 0, p95Ms: null };
    let failed = 0;
    for (let i = 0; i < n; i++) failed += this.failures[i];
    const sorted = Array.from(this.durations.subarray(0, n)).sort((a, b) => a - b);
    const p95 = sorted[Math.min(n - 1, Math.ceil(n * 0.95) - 1)];
    return { calls: n, errorRate: failed / n, p95Ms: Math.round(p95 * 10) / 10 };
  }
}
