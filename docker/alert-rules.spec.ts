// The Prometheus alert rules in docker/observability/prometheus: promtool accepts them and proves
// them with the unit tests beside them. promtool is optional locally (a one-line notice) and
// mandatory when CI=true. Whether the metrics they read really appear on /metrics after traffic is
// checked by apps/download/test/observability.e2e-spec.ts.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { METRIC_NAMES } from '@keel/resilience';
import { promqlMetricNames } from '@keel/platform/testing';

const PROMETHEUS_DIR = join(__dirname, 'observability', 'prometheus');
const PROMTOOL = process.env.PROMTOOL ?? 'promtool';

/** Run promtool, or (outside CI only) skip it with a notice. */
function promtoolPlan(found: boolean, ci: string | undefined): { mode: 'run' } | { mode: 'skip'; notice: string } {
  if (found) return { mode: 'run' };
  if (ci === 'true') throw new Error('promtool is not on PATH, and CI=true requires it: install prometheus (promtool) so the alert rules are checked and tested');
  return { mode: 'skip', notice: 'docker/observability: promtool is not on PATH, so the alert rules are neither checked nor tested (CI=true makes this a failure)' };
}

function promtoolOnPath(): boolean {
  const probe = spawnSync(PROMTOOL, ['--version'], { stdio: 'ignore', timeout: 20_000 });
  return !probe.error && probe.status === 0;
}

const promtool = (...args: string[]) => spawnSync(PROMTOOL, args, { cwd: PROMETHEUS_DIR, encoding: 'utf8', timeout: 60_000 });

interface Rule {
  alert: string;
  expr: string;
  for?: string;
}
const rules = (): Rule[] => (parse(readFileSync(join(PROMETHEUS_DIR, 'alerts.yml'), 'utf8')) as { groups: { rules: Rule[] }[] }).groups.flatMap((g) => g.rules);

const plan = promtoolPlan(promtoolOnPath(), process.env.CI);
const withPromtool = plan.mode === 'run' ? it : it.skip;

describe('Prometheus alert rules (docker/observability/prometheus)', () => {
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

  it('has the four alerts of issue #10, each on Keel metric names only', () => {
    const known = new Set<string>(Object.values(METRIC_NAMES));

    const alerts = rules();

    expect(alerts.map((r) => r.alert).sort()).toEqual(['KeelCircuitBreakerOpen', 'KeelDownstreamErrorRatioHigh', 'KeelReadinessFlapping', 'KeelRetryBudgetExhausted']);
    expect(alerts.find((r) => r.alert === 'KeelCircuitBreakerOpen')!.for).toBe('1m');
    for (const rule of alerts) {
      expect({ alert: rule.alert, unknown: promqlMetricNames(rule.expr).filter((name) => !known.has(name)) }).toEqual({ alert: rule.alert, unknown: [] });
    }
  });

  it('every alert has at least one promtool unit test', () => {
    const tests = parse(readFileSync(join(PROMETHEUS_DIR, 'alerts.test.yml'), 'utf8')) as { tests: { alert_rule_test: { alertname: string; exp_alerts: unknown[] }[] }[] };
    const proven = new Set(tests.tests.flatMap((t) => t.alert_rule_test.filter((a) => a.exp_alerts.length > 0).map((a) => a.alertname)));

    expect([...proven].sort()).toEqual(rules().map((r) => r.alert).sort());
  });
});
