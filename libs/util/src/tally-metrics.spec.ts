import { Counter, Registry } from 'prom-client';
import { CounterCell, HistogramCell, TallyCounter, TallyHistogram, registerTally } from './tally-metrics';

describe(TallyCounter.name, () => {
  it('hands out one cell per label set and reports them in prom-client get() shape', () => {
    const counter = new TallyCounter('calls_total', 'Calls', ['downstream', 'outcome']);

    const ok = counter.cell('library', 'success');
    ok.inc();
    counter.cell('library', 'success').inc(2);
    counter.cell('library', 'timeout').inc();

    expect(ok).toBeInstanceOf(CounterCell);
    expect(counter.cell('library', 'success')).toBe(ok);
    expect(counter.get()).toEqual({
      name: 'calls_total',
      help: 'Calls',
      type: 'counter',
      aggregator: 'sum',
      values: [
        { labels: { downstream: 'library', outcome: 'success' }, value: 3 },
        { labels: { downstream: 'library', outcome: 'timeout' }, value: 1 },
      ],
    });
  });

  it('keeps label sets apart even when their joined values look alike', () => {
    const counter = new TallyCounter('pairs_total', 'Pairs', ['a', 'b']);

    counter.cell('x', 'yz').inc();
    counter.cell('xy', 'z').inc(5);

    expect(counter.get().values.map((v) => v.value)).toEqual([1, 5]);
  });

  // Regression (was a bug at tally-metrics.ts, TallyMetric.reset): reset() drops the cells, but callers keep the cells
  // they
  // were handed (PolicyEventsSubscriber caches them), so after registry.resetMetrics() every later
  // increment goes to an orphaned cell and never reaches /metrics again.
  it('zeroes on reset but keeps counting through cells handed out before', () => {
    const counter = new TallyCounter('kept_total', 'Kept', ['downstream']);
    const cell = counter.cell('library');
    cell.inc(4);

    counter.reset();
    cell.inc();

    expect(counter.get().values).toEqual([{ labels: { downstream: 'library' }, value: 1 }]);
  });
});

describe(TallyHistogram.name, () => {
  it('reports cumulative buckets, +Inf, sum and count per label set', () => {
    const histogram = new TallyHistogram('latency_seconds', 'Latency', ['downstream'], [0.1, 1, 5]);
    const cell = histogram.cell('library');

    for (const seconds of [0.05, 0.1, 0.5, 3, 12]) cell.observe(seconds);

    expect(cell).toBeInstanceOf(HistogramCell);
    expect(histogram.get()).toEqual({
      name: 'latency_seconds',
      help: 'Latency',
      type: 'histogram',
      aggregator: 'sum',
      values: [
        { labels: { downstream: 'library', le: '0.1' }, value: 2, metricName: 'latency_seconds_bucket' },
        { labels: { downstream: 'library', le: '1' }, value: 3, metricName: 'latency_seconds_bucket' },
        { labels: { downstream: 'library', le: '5' }, value: 4, metricName: 'latency_seconds_bucket' },
        { labels: { downstream: 'library', le: '+Inf' }, value: 5, metricName: 'latency_seconds_bucket' },
        { labels: { downstream: 'library' }, value: 15.65, metricName: 'latency_seconds_sum' },
        { labels: { downstream: 'library' }, value: 5, metricName: 'latency_seconds_count' },
      ],
    });
  });

  it('renders in the Prometheus text format through a prom-client Registry', async () => {
    const registry = new Registry();
    const histogram = registerTally(
      registry,
      new TallyHistogram('wait_seconds', 'Wait', ['downstream', 'operation'], [1]),
    );
    histogram.cell('library', 'get').observe(0.5);
    histogram.cell('library', 'get').observe(2);

    const text = await registry.metrics();

    expect(text).toContain('# TYPE wait_seconds histogram');
    expect(text).toContain('wait_seconds_bucket{downstream="library",operation="get",le="1"} 1');
    expect(text).toContain('wait_seconds_bucket{downstream="library",operation="get",le="+Inf"} 2');
    expect(text).toContain('wait_seconds_sum{downstream="library",operation="get"} 2.5');
    expect(text).toContain('wait_seconds_count{downstream="library",operation="get"} 2');
  });
});

describe(registerTally.name, () => {
  it('registers a metric once and returns the registered one for the same name and type', async () => {
    const registry = new Registry();

    const first = registerTally(registry, new TallyCounter('shared_total', 'Shared', ['downstream']));
    const second = registerTally(registry, new TallyCounter('shared_total', 'Shared', ['downstream']));
    second.cell('library').inc();

    expect(second).toBe(first);
    expect(await registry.metrics()).toContain('shared_total{downstream="library"} 1');
  });

  it('refuses a name already registered as another type', () => {
    const registry = new Registry();
    registerTally(registry, new TallyCounter('taken', 'Taken', []));
    new Counter({ name: 'prom_counter', help: 'x', registers: [registry] });

    expect(() => registerTally(registry, new TallyHistogram('taken', 'Taken', [], [1]))).toThrow(
      'metric taken is already registered with another type',
    );
    expect(() => registerTally(registry, new TallyCounter('prom_counter', 'x', []))).toThrow(
      'already registered with another type',
    );
  });
});
