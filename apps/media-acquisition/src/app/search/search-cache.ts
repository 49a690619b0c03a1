/**
 * A small TTL cache with single-flight loads: concurrent searches for the same key share one call to
 * Prowlarr (which rate-limits us), and failures are never cached.
 */
export class SearchCache<T> {
  private readonly entries = new Map<string, { at: number; value: T }>();
  private readonly inFlight = new Map<string, Promise<T>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 500,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached value (and `cached: true`), or the result of `load`, stored on success. */
  async get(key: string, load: () => Promise<T>): Promise<{ value: T; cached: boolean }> {
    const entry = this.entries.get(key);
    if (entry && this.now() - entry.at < this.ttlMs) return { value: entry.value, cached: true };
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = load().then(
        (value) => {
          this.store(key, value);
          return value;
        },
        (error: unknown) => Promise.reject(error),
      );
      const settled = () => this.inFlight.delete(key);
      pending.then(settled, settled);
      this.inFlight.set(key, pending);
    }
    return { value: await pending, cached: false };
  }

  /** Stores `value` as if `load` had just returned it. */
  set(key: string, value: T): void {
    this.store(key, value);
  }

  private store(key: string, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, { at: this.now(), value });
    // Maps iterate in insertion order, so the first key is the oldest entry.
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }
}
