/**
 * Test support for the shipped dashboard and alert rules: which metric names a PromQL expression
 * reads, and which ones a /metrics page exposes. A regex reading, not a PromQL parser: it is enough
 * for the queries Keel ships, and a query it misreads fails the test loudly rather than passing.
 */

const KEYWORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'and',
  'or',
  'unless',
  'offset',
  'inf',
  'nan',
  'atan2',
]);

/** Metric names in a PromQL expression (functions, labels, keywords and Grafana variables dropped). */
export function promqlMetricNames(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, ' ') // string literals (label values)
    .replace(/\{[^}]*\}/g, ' ') // label matchers
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ') // grouping label lists
    .replace(/\[[^\]]*\]/g, ' ') // range and subquery durations
    .replace(/\$\{[^}]*\}|\$\w+/g, ' ') // Grafana variables
    .replace(/\b\d+(?:\.\d+)?(?:e[+-]?\d+)?(?:ms|s|m|h|d|w|y)?\b/gi, ' '); // numbers and durations
  const names = new Set<string>();
  for (const match of stripped.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*(\s*\()?/g)) {
    const [, call] = match;
    const name = match[0].replace(/\s*\($/, '');
    if (call || KEYWORDS.has(name.toLowerCase())) continue; // a function call or an operator
    names.add(name);
  }
  return [...names];
}

/**
 * Names with at least one sample on a Prometheus text page, plus the histogram families those
 * samples belong to (`x_bucket` exposes `x`). A `# TYPE` line alone does not count: a counter no
 * call has touched yet gives Prometheus no series to query.
 */
export function exposedMetricNames(page: string): Set<string> {
  const names = new Set<string>();
  for (const line of page.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const name = /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(line)?.[0];
    if (!name) continue;
    names.add(name);
    const family = /^(.+)_(?:bucket|sum|count)$/.exec(name)?.[1];
    if (family) names.add(family);
  }
  return names;
}

export interface DashboardQuery {
  /** The title of the row the panel sits under ('' above the first row). */
  row: string;
  panel: string;
  expr: string;
}

/**
 * Every PromQL query of a Grafana dashboard: each panel target's `expr`, and a `label_values(metric,
 * label)` template variable as the query `metric`. Rows are the flat layout (collapsed: false).
 */
export function dashboardQueries(dashboard: { panels: any[]; templating?: { list: any[] } }): DashboardQuery[] {
  const queries: DashboardQuery[] = [];
  let row = '';
  for (const panel of dashboard.panels) {
    if (panel.type === 'row') {
      row = panel.title;
      continue;
    }
    for (const target of panel.targets ?? [])
      if (target.expr) queries.push({ row, panel: panel.title, expr: target.expr });
  }
  for (const variable of dashboard.templating?.list ?? []) {
    const query = typeof variable.query === 'string' ? variable.query : variable.query?.query;
    const metric = /^label_values\(\s*([^,)]+?)\s*,/.exec(query ?? '')?.[1];
    if (variable.type === 'query' && metric) queries.push({ row: '', panel: `$${variable.name}`, expr: metric });
  }
  return queries;
}

/** `panel: metric` for each metric a query names that the /metrics page has no sample of. */
export function unexposedQueryMetrics(queries: { panel: string; expr: string }[], page: string): string[] {
  const exposed = exposedMetricNames(page);
  return queries.flatMap(({ panel, expr }) =>
    promqlMetricNames(expr)
      .filter((name) => !exposed.has(name))
      .map((name) => `${panel}: ${name}`),
  );
}
