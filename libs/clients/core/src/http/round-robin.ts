/** Spreads calls over a downstream's instances (`<NAME>_SERVICE_URLS`) in turn. */
export class RoundRobin<T> {
  private next = 0;

  constructor(private readonly items: readonly T[]) {
    if (items.length === 0) throw new Error('RoundRobin needs at least one item');
  }

  pick(): T {
    if (this.items.length === 1) return this.items[0];
    const item = this.items[this.next];
    this.next = (this.next + 1) % this.items.length;
    return item;
  }
}
