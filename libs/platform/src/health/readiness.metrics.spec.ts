import { Registry } from 'prom-client';
import { ReadinessMetrics } from './readiness.metrics';

describe(ReadinessMetrics.name, () => {
  it('shows the last answer and counts only changes of it', async () => {
    const registry = new Registry();
    const metrics = new ReadinessMetrics(registry);

    for (const ready of [true, true, false, false, true]) metrics.record(ready);
    const text = await registry.metrics();

    expect(text).toContain('readiness_state 1');
    expect(text).toContain('readiness_changes_total 2');
  });

  it('does not count the first answer as a change', async () => {
    const registry = new Registry();

    new ReadinessMetrics(registry).record(false);

    expect(await registry.metrics()).toContain('readiness_changes_total 0');
  });
});
