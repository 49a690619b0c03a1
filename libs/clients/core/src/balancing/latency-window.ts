/**
 * The latencies of an instance's last `size` answered attempts: a ring of numbers, recording is two
 * stores, and a quantile sorts a copy (read rarely, for the hedge delay).
 */
export class LatencyWindow {
  private readonly values: Float64Array;
  private count = 0;
  private next = 0;

  constructor(private readonly size = 128) {
    this.values = new Float64Array(size);
  }

  get samples(): number {
    return this.count;
  }

  record(ms: number): void {
    this.values[this.next] = ms;
    this.next = (this.next + 1) % this.size;
    if (this.count < this.size) this.count++;
  }

  /** The `q` quantile (0..1) of the window; undefined when it is empty. */
  quantile(q: number): number | undefined {
    const n = this.count;
    if (n === 0) return undefined;
    const sorted = Array.from(this.values.subarray(0, n)).sort((a, b) => a - b);
    return sorted[Math.min(n - 1, Math.max(0, Math.ceil(n * q) - 1))];
  }
}
