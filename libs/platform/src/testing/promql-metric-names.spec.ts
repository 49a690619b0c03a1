import { dashboardQueries, exposedMetricNames, promqlMetricNames, unexposedQueryMetrics } from './promql-metric-names';

describe(promqlMetricNames.name, () => {
  it.each([
    [
      'sum by (job, downstream) (rate(downstream_requests_total{outcome=~"server_error|timeout"}[5m]))',
      ['downstream_requests_total'],
    ],
    [
      'histogram_quantile(0.95, sum by (le, downstream) ' +
        '(rate(downstream_request_duration_seconds_bucket{job=~"$job"}[$__rate_interval])))',
      ['downstream_request_duration_seconds_bucket'],
    ],
    ['max by (downstream) (downstream_circuit_breaker_state) >= 1', ['downstream_circuit_breaker_state']],
    ['sum(rate(a_total[5m])) / sum(rate(b_total[5m])) > 0.10', ['a_total', 'b_total']],
    [
      'downstream_rate_limit_used / on (job, instance, downstream) downstream_rate_limit_limit',
      ['downstream_rate_limit_used', 'downstream_rate_limit_limit'],
    ],
    ['increase(readiness_changes_total[15m]) >= 4 and bool up offset 1h', ['readiness_changes_total', 'up']],
    ['sum without (instance) (rate(x_total[${__range}])) * 1e3', ['x_total']],
  ])('reads %s', (expr, expected) => {
    expect(promqlMetricNames(expr).sort()).toEqual([...expected].sort());
  });
});

describe(exposedMetricNames.name, () => {
  it('keeps sampled names and histogram families, not bare TYPE lines', () => {
    const page = [
      '# HELP untouched_total never incremented',
      '# TYPE untouched_total counter',
      '# TYPE d_seconds histogram',
      'd_seconds_bucket{le="0.1"} 1',
      'd_seconds_sum 0.05',
      'd_seconds_count 1',
      'c_total{x="y"} 3',
      '',
    ].join('\n');

    const names = exposedMetricNames(page);

    expect([...names].sort()).toEqual(['c_total', 'd_seconds', 'd_seconds_bucket', 'd_seconds_count', 'd_seconds_sum']);
  });
});

describe(dashboardQueries.name, () => {
  it('lists panel targets under their row and the metric of a label_values variable', () => {
    const dashboard = {
      panels: [
        { type: 'timeseries', title: 'top', targets: [{ expr: 'up' }] },
        { type: 'row', title: 'media' },
        { type: 'timeseries', title: 'grabs', targets: [{ expr: 'rate(media_grabs_total[5m])' }, { refId: 'B' }] },
      ],
      templating: {
        list: [
          { type: 'query', name: 'job', query: { query: 'label_values(http_server_requests_total, job)' } },
          { type: 'datasource', name: 'ds', query: 'prometheus' },
        ],
      },
    };

    const queries = dashboardQueries(dashboard);

    expect(queries).toEqual([
      { row: '', panel: 'top', expr: 'up' },
      { row: 'media', panel: 'grabs', expr: 'rate(media_grabs_total[5m])' },
      { row: '', panel: '$job', expr: 'http_server_requests_total' },
    ]);
  });
});

describe(unexposedQueryMetrics.name, () => {
  it('names each queried metric the page has no sample of, by panel', () => {
    const page = 'a_total 1\nh_seconds_bucket{le="+Inf"} 2\n# TYPE typed_only_total counter\n';

    const missing = unexposedQueryMetrics(
      [
        { panel: 'ok', expr: 'rate(a_total[5m]) + histogram_quantile(0.9, rate(h_seconds_bucket[5m]))' },
        { panel: 'bad', expr: 'typed_only_total / nowhere_total' },
      ],
      page,
    );

    expect(missing).toEqual(['bad: typed_only_total', 'bad: nowhere_total']);
  });
});
