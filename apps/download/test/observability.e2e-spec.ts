import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { callJson as call, dashboardQueries, signTestToken, unexposedQueryMetrics } from '@keel/platform/testing';
import { startDownloadTestBed } from './download-test.setup';
import type { DownloadTestBed } from './download-test.setup';

const OBSERVABILITY = join(__dirname, '..', '..', '..', 'docker', 'observability');
const dashboard = JSON.parse(readFileSync(join(OBSERVABILITY, 'grafana', 'dashboards', 'keel.json'), 'utf8'));
const alerts = parse(readFileSync(join(OBSERVABILITY, 'prometheus', 'alerts.yml'), 'utf8')) as {
  groups: { rules: { alert: string; expr: string }[] }[];
};
/** Rows of metrics only those services expose; their own observability e2e suites check them. */
const OTHER_SERVICES_ROWS = ['media-acquisition', 'chat-summarizer'];

/**
 * The shipped Grafana dashboard and alert rules read only metrics that the real download service
 * exposes on /metrics once it has served traffic, a failing downstream call included.
 */
describe('download service: the dashboard and alerts read metrics /metrics really exposes (e2e)', () => {
  let bed: DownloadTestBed;
  let page: string;

  beforeAll(async () => {
    bed = await startDownloadTestBed({
      LIBRARY_SERVICE_MAX_RETRIES: '1',
      LIBRARY_SERVICE_RATE_LIMIT: '1000/1m',
      // Nothing listens on port 1: the service runs on local state and says so in the shared-state metrics.
      REDIS_URL: 'redis://127.0.0.1:1',
    });
    const token = await signTestToken({ sub: 'u1' });
    const start = () => call(bed.service.url, 'POST', '/api/v1/downloads', { token, body: { gameId: 'g1' } });
    await call(bed.service.url, 'GET', '/api/health/ready');
    expect((await start()).status).toBe(201);
    expect((await call(bed.service.url, 'GET', '/api/v1/library/games', { token })).status).toBe(200);
    await bed.inject({ mode: 'error', status: 503 });
    // Each failing start is two attempts (one retry); three of them open the breaker (5 in a row).
    for (let i = 0; i < 3; i++) expect((await start()).status).toBeGreaterThanOrEqual(500);
    expect((await start()).status).toBe(503); // refused by the open breaker: a rejection
    page = await (await fetch(`${bed.service.url}/metrics`)).text();
  });

  afterAll(async () => {
    await bed?.close();
  });

  it('has a sample of every metric the dashboard queries (outside the other services’ rows)', () => {
    const queries = dashboardQueries(dashboard).filter((q) => !OTHER_SERVICES_ROWS.includes(q.row));

    expect(queries.length).toBeGreaterThan(20);
    expect(unexposedQueryMetrics(queries, page)).toEqual([]);
  });

  it('has a sample of every metric the alert rules read', () => {
    const rules = alerts.groups.flatMap((g) => g.rules).map((r) => ({ panel: r.alert, expr: r.expr }));

    expect(unexposedQueryMetrics(rules, page)).toEqual([]);
  });

  it('exposes the failure the traffic caused: an open breaker, retries, a rejection and rate-limit usage', () => {
    expect(page).toMatch(/^downstream_circuit_breaker_state\{downstream="library"\} 2$/m);
    expect(page).toMatch(/^downstream_retries_total\{downstream="library"\} [1-9]\d*$/m);
    expect(page).toMatch(/^downstream_rejections_total\{downstream="library",reason="circuit_open"\} [1-9]\d*$/m);
    expect(page).toMatch(/^downstream_rate_limit_limit\{downstream="library"\} 1000$/m);
    expect(page).toMatch(/^downstream_rate_limit_used\{downstream="library"\} [1-9]\d*$/m);
    expect(page).toMatch(/^shared_state_available 0$/m);
  });

  // tools/ci/check-metrics.js runs promtool in CI; here it is a quick extra wherever promtool is installed.
  const promtoolFound = spawnSync('promtool', ['--version'], { stdio: 'ignore' }).status === 0;
  (promtoolFound ? it : it.skip)('passes `promtool check metrics` with the new gauges and counters on the page', () => {
    const result = spawnSync('promtool', ['check', 'metrics'], { input: page, encoding: 'utf8' });

    expect(`${result.stdout}${result.stderr}`).toBe('');
    expect(result.status).toBe(0);
  });
});
