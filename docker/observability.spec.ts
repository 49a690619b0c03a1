// docker/observability: the Prometheus alert rules (promtool accepts them and proves them with the
// unit tests beside them), the Prometheus config, Grafana's provisioning and the dashboard, and how
// compose wires them. promtool is optional locally (a one-line notice) and mandatory when CI=true.
// Whether the metrics the rules and the dashboard read really appear on /metrics after traffic is
// checked by the services' e2e suites (test/observability.e2e-spec.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { RESILIENCE_METRIC_NAMES } from '@keel/resilience';
import { PLATFORM_METRIC_NAMES } from '@keel/platform';
import { promqlMetricNames } from '@keel/platform/testing';

const OBSERVABILITY_DIR = join(__dirname, 'observability');
const PROMETHEUS_DIR = join(OBSERVABILITY_DIR, 'prometheus');
const readYaml = <T = any>(path: string): T => parse(readFileSync(join(__dirname, path), 'utf8')) as T;
const PROMTOOL = process.env.PROMTOOL ?? 'promtool';

/** Run promtool, or (outside CI only) skip it with a notice. */
function promtoolPlan(found: boolean, ci: string | undefined): { mode: 'run' } | { mode: 'skip'; notice: string } {
  if (found) return { mode: 'run' };
  if (ci === 'true')
    throw new Error(
      'promtool is not on PATH, and CI=true requires it: install prometheus (promtool) ' +
        'so the alert rules are checked and tested',
    );
  return {
    mode: 'skip',
    notice:
      'docker/observability: promtool is not on PATH, so the alert rules are neither ' +
      'checked nor tested (CI=true makes this a failure)',
  };
}

function promtoolOnPath(): boolean {
  const probe = spawnSync(PROMTOOL, ['--version'], { stdio: 'ignore', timeout: 20_000 });
  return !probe.error && probe.status === 0;
}

const promtool = (...args: string[]) =>
  spawnSync(PROMTOOL, args, { cwd: PROMETHEUS_DIR, encoding: 'utf8', timeout: 60_000 });

interface Rule {
  alert: string;
  expr: string;
  for?: string;
}
/** Compose accepts `environment` as a map or as a list of `KEY=value`. */
const envOf = (service: { environment?: Record<string, string> | string[] }): Record<string, string> =>
  Array.isArray(service.environment)
    ? Object.fromEntries(service.environment.map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]))
    : (service.environment ?? {});

const rules = (): Rule[] =>
  (parse(readFileSync(join(PROMETHEUS_DIR, 'alerts.yml'), 'utf8')) as { groups: { rules: Rule[] }[] }).groups.flatMap(
    (g) => g.rules,
  );

const plan = promtoolPlan(promtoolOnPath(), process.env.CI);
const withPromtool = plan.mode === 'run' ? it : it.skip;

describe('docker/observability/prometheus', () => {
  it('promtool is on PATH (a missing promtool fails when CI=true)', () => {
    if (plan.mode === 'skip') process.stderr.write(`${plan.notice}\n`);
    expect(['run', 'skip']).toContain(plan.mode);
  });

  it('promtoolPlan: runs when found; skips with a one-line notice outside CI; throws under CI=true', () => {
    expect(promtoolPlan(true, 'true')).toEqual({ mode: 'run' });
    const skipped = promtoolPlan(false, undefined);
    expect(skipped.mode).toBe('skip');
    expect('notice' in skipped && !skipped.notice.includes('\n')).toBe(true);
    expect(() => promtoolPlan(false, 'true')).toThrow(/promtool is not on PATH/);
  });

  withPromtool('promtool check rules accepts alerts.yml', () => {
    const result = promtool('check', 'rules', 'alerts.yml');

    expect(`${result.stdout}${result.stderr}`).toContain('SUCCESS: 4 rules found');
    expect(result.status).toBe(0);
  });

  withPromtool('promtool test rules passes every unit test in alerts.test.yml', () => {
    const result = promtool('test', 'rules', 'alerts.test.yml');

    expect(`${result.stdout}${result.stderr}`).toContain('SUCCESS');
    expect(result.status).toBe(0);
  });

  withPromtool('promtool check config accepts prometheus.yml and the rule files it loads', () => {
    const result = promtool('check', 'config', 'prometheus.yml');

    expect(`${result.stdout}${result.stderr}`).toContain('SUCCESS: 1 rule files found');
    expect(result.status).toBe(0);
  });

  it('has the four alerts of issue #10, each on Keel metric names only', () => {
    const known = new Set<string>([...Object.values(RESILIENCE_METRIC_NAMES), ...Object.values(PLATFORM_METRIC_NAMES)]);

    const alerts = rules();

    expect(alerts.map((r) => r.alert).sort()).toEqual([
      'KeelCircuitBreakerOpen',
      'KeelDownstreamErrorRatioHigh',
      'KeelReadinessFlapping',
      'KeelRetryBudgetExhausted',
    ]);
    expect(alerts.find((r) => r.alert === 'KeelCircuitBreakerOpen')!.for).toBe('1m');
    for (const rule of alerts) {
      expect({ alert: rule.alert, unknown: promqlMetricNames(rule.expr).filter((name) => !known.has(name)) }).toEqual({
        alert: rule.alert,
        unknown: [],
      });
    }
  });

  it('every alert has at least one promtool unit test', () => {
    const tests = parse(readFileSync(join(PROMETHEUS_DIR, 'alerts.test.yml'), 'utf8')) as {
      tests: { alert_rule_test: { alertname: string; exp_alerts: unknown[] }[] }[];
    };
    const proven = new Set(
      tests.tests.flatMap((t) => t.alert_rule_test.filter((a) => a.exp_alerts.length > 0).map((a) => a.alertname)),
    );

    expect([...proven].sort()).toEqual(
      rules()
        .map((r) => r.alert)
        .sort(),
    );
  });
});

describe('compose runs Prometheus and Grafana with both provisioned', () => {
  const compose = readYaml('compose.yaml');
  const services: Record<string, any> = compose.services;
  const KEEL_SERVICES = ['download', 'chat-summarizer', 'project', 'media-acquisition'];
  const mountOf = (service: string, target: string): string | undefined =>
    (services[service].volumes as string[]).map((v) => v.split(':')).find(([, to]) => to === target)?.[0];

  it('mounts the alert rules and the Prometheus config where the command reads them', () => {
    expect(mountOf('prometheus', '/etc/prometheus')).toBe('./observability/prometheus');
    expect(services.prometheus.command).toContain('--config.file=/etc/prometheus/prometheus.yml');
    expect(readYaml('observability/prometheus/prometheus.yml').rule_files).toEqual(['alerts.yml']);
  });

  it('scrapes /metrics of every Keel service on its compose port, with the service name as job', () => {
    const config = readYaml('observability/prometheus/prometheus.yml');
    const jobs = Object.fromEntries(
      (config.scrape_configs as any[]).map((c) => [
        c.job_name,
        { targets: c.static_configs[0].targets, path: c.metrics_path ?? '/metrics' },
      ]),
    );

    expect(Object.keys(jobs).sort()).toEqual([...KEEL_SERVICES].sort());
    for (const name of KEEL_SERVICES) {
      expect([name, jobs[name]]).toEqual([
        name,
        { targets: [`${name}:${envOf(services[name]).PORT}`], path: '/metrics' },
      ]);
    }
  });

  it("provisions Grafana's data source at compose's Prometheus and the dashboards folder it mounts", () => {
    const datasource = readYaml('observability/grafana/provisioning/datasources/prometheus.yml').datasources[0];
    const provider = readYaml('observability/grafana/provisioning/dashboards/keel.yml').providers[0];

    expect(mountOf('grafana', '/etc/grafana/provisioning')).toBe('./observability/grafana/provisioning');
    expect(datasource).toMatchObject({
      type: 'prometheus',
      url: `http://prometheus:${services.prometheus.ports[0].split(':')[1]}`,
      isDefault: true,
    });
    expect(mountOf('grafana', provider.options.path)).toBe('./observability/grafana/dashboards');
    expect(existsSync(join(OBSERVABILITY_DIR, 'grafana', 'dashboards', 'keel.json'))).toBe(true);
    expect(services.grafana.depends_on).toEqual({ prometheus: { condition: 'service_healthy' } });
  });
});

describe('docker/observability/grafana/dashboards/keel.json', () => {
  const dashboard = JSON.parse(readFileSync(join(OBSERVABILITY_DIR, 'grafana', 'dashboards', 'keel.json'), 'utf8'));
  const panels = (dashboard.panels as any[]).filter((p) => p.type !== 'row');

  it('is a dashboard with a stable uid whose panels read the chosen Prometheus data source', () => {
    expect(dashboard).toMatchObject({
      uid: 'keel-services',
      title: expect.any(String),
      schemaVersion: expect.any(Number),
    });
    expect(dashboard.templating.list.map((v: any) => v.name)).toEqual(['datasource', 'job']);
    for (const panel of panels) {
      expect([panel.title, panel.datasource, panel.description?.length > 0, panel.targets.length > 0]).toEqual([
        panel.title,
        { type: 'prometheus', uid: '${datasource}' },
        true,
        true,
      ]);
    }
  });

  it('has unique panel ids and panels that do not overlap', () => {
    const ids = (dashboard.panels as any[]).map((p) => p.id);
    const cells = new Set<string>();

    expect(new Set(ids).size).toBe(ids.length);
    for (const { title, gridPos: g } of dashboard.panels as any[]) {
      expect([title, g.x + g.w <= 24]).toEqual([title, true]);
      for (let x = g.x; x < g.x + g.w; x++)
        for (let y = g.y; y < g.y + g.h; y++) {
          expect([title, cells.has(`${x},${y}`)]).toEqual([title, false]);
          cells.add(`${x},${y}`);
        }
    }
  });

  it('covers issue #10’s asks: rate, error ratio, p50/p95/p99, breaker, retries, rejections, rate-limit usage', () => {
    const exprs = panels.flatMap((p) => p.targets.map((t: any) => t.expr as string)).join('\n');

    for (const q of ['0.5', '0.95', '0.99'])
      expect(exprs).toContain(
        `histogram_quantile(${q}, sum by (job, downstream, le) (rate(downstream_request_duration_seconds_bucket`,
      );
    for (const name of [
      'downstream_requests_total',
      'downstream_circuit_breaker_state',
      'downstream_retries_total',
      'downstream_rejections_total',
      'downstream_rate_limit_used',
      'downstream_rate_limit_limit',
    ]) {
      expect(exprs).toContain(name);
    }
    for (const own of [
      'media_indexer_searches_total',
      'media_grabs_total',
      'media_imports_total',
      'media_failed_downloads_total',
      'summarizer_fallbacks_total',
    ])
      expect(exprs).toContain(own);
  });
});
