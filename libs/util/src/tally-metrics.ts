import type { Registry } from 'prom-client';

/**
 * Counters and histograms for hot paths, read by prom-client's registry at scrape time.
 *
 * prom-client validates and hashes the label set on every `inc()`/`observe()`, even through a
 * `labels()` child: ~1.5 µs a call here. These hand out one cell per label set, and the caller keeps
 * it, so a hot-path update is a number increment. The registry calls `get()` only when scraped.
 */
type Labels = Record<string, string>;

export class CounterCell {
  value = 0;
  constructor(readonly labels: Labels) {}
  inc(by = 1): void {
    this.value += by;
  }
}

export class HistogramCell {
  readonly counts: Float64Array;
  sum = 0;
  count = 0;
  constructor(
    readonly labels: Labels,
    private readonly bounds: readonly number[],
  ) {
    this.counts = new Float64Array(bounds.length);
  }
  observe(value: number): void {
    this.sum += value;
    this.count++;
    const { bounds } = this;
    for (let i = 0; i < bounds.length; i++) {
      if (value <= bounds[i]) {
        this.counts[i]++;
        return;
      }
    }
  }
}

abstract class TallyMetric<C> {
  abstract readonly type: 'counter' | 'histogram';
  readonly aggregator = 'sum';
  protected readonly cells = new Map<string, C>();

  constructor(
    readonly name: string,
    readonly help: string,
    readonly labelNames: readonly string[],
  ) {}

  /** The cell of one label set, in `labelNames` order. Keep it: looking it up again costs a join. */
  cell(...values: string[]): C {
    const key = values.join('\u0000');
    let cell = this.cells.get(key);
    if (!cell) {
      const labels: Labels = {};
      this.labelNames.forEach((name, i) => (labels[name] = values[i]));
      cell = this.create(labels);
      this.cells.set(key, cell);
    }
    return cell;
  }

  reset(): void {
    for (const cell of this.cells.values()) this.zero(cell);
  }

  protected abstract zero(cell: C): void;

  protected abstract create(labels: Labels): C;
}

export class TallyCounter extends TallyMetric<CounterCell> {
  readonly type = 'counter' as const;

  get() {
    return {
      name: this.name,
      help: this.help,
      type: this.type,
      aggregator: this.aggregator,
      values: [...this.cells.values()].map((c) => ({ labels: c.labels, value: c.value })),
    };
  }

  protected zero(cell: CounterCell): void {
    cell.value = 0;
  }

  protected create(labels: Labels): CounterCell {
    return new CounterCell(labels);
  }
}

export class TallyHistogram extends TallyMetric<HistogramCell> {
  readonly type = 'histogram' as const;

  constructor(
    name: string,
    help: string,
    labelNames: readonly string[],
    readonly buckets: readonly number[],
  ) {
    super(name, help, labelNames);
  }

  get() {
    const values: { labels: Labels; value: number; metricName: string }[] = [];
    for (const cell of this.cells.values()) {
      let cumulative = 0;
      this.buckets.forEach((le, i) => {
        cumulative += cell.counts[i];
        values.push({
          labels: { ...cell.labels, le: String(le) },
          value: cumulative,
          metricName: `${this.name}_bucket`,
        });
      });
      values.push({ labels: { ...cell.labels, le: '+Inf' }, value: cell.count, metricName: `${this.name}_bucket` });
      values.push({ labels: cell.labels, value: cell.sum, metricName: `${this.name}_sum` });
      values.push({ labels: cell.labels, value: cell.count, metricName: `${this.name}_count` });
    }
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }

  protected zero(cell: HistogramCell): void {
    cell.counts.fill(0);
    cell.sum = 0;
    cell.count = 0;
  }

  protected create(labels: Labels): HistogramCell {
    return new HistogramCell(labels, this.buckets);
  }
}

/** Registers `metric`, or returns the one already registered under its name (modules may repeat). */
export function registerTally<T extends TallyMetric<unknown>>(registry: Registry, metric: T): T {
  const existing = registry.getSingleMetric(metric.name) as unknown;
  if (existing instanceof TallyMetric && existing.type === metric.type) return existing as T;
  if (existing) throw new Error(`metric ${metric.name} is already registered with another type`);
  registry.registerMetric(metric as never);
  return metric;
}
