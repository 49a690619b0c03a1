/**
 * A bounded least-recently-used map: a read moves an entry to the back (a Map iterates in insertion
 * order), and a write past `maxEntries` drops the front. Enough for one process's summaries; replicas
 * each keep their own, which only costs an occasional second summary.
 */
export class SummaryCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly maxEntries: number) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1)
      throw new RangeError(`maxEntries must be a positive integer, got ${maxEntries}`);
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}

/**
 * What identifies a summary: the conversation, how many messages it covers and the newest of them.
 * A new message changes the newest id, so a stale summary is never served.
 */
export function summaryCacheKey(conversationId: string, limit: number, newestMessageId: string): string {
  return JSON.stringify([conversationId, limit, newestMessageId]);
}
