import { Registry } from 'prom-client';
import { ResiliencePipeline } from '../policy/resilience-pipeline';
import { DEFAULT_POLICY_OPTIONS, mergePolicyOptions } from '../policy/default-options';
import { noopObserver } from '../policy/pipeline-observer';
import { trackRateLimitUsage } from './rate-limit-gauges';

const limited = (name: string, limit: number) =>
  new ResiliencePipeline(
    name,
    mergePolicyOptions(DEFAULT_POLICY_OPTIONS, {
      rateLimit: { limit, windowMs: 60_000, maxWaitMs: 0 },
      retry: false,
      breaker: false,
    }),
    noopObserver,
  );

describe(trackRateLimitUsage.name, () => {
  it('reports used and limit per rate-limited downstream at scrape time, and skips unlimited ones', async () => {
    const registry = new Registry();
    const library = limited('library', 5);
    const plain = new ResiliencePipeline('plain', DEFAULT_POLICY_OPTIONS, noopObserver);
    trackRateLimitUsage(() => [library, plain].map((p) => ({ name: p.name, usage: p.rateLimitUsage() })), registry);

    await library.execute(async () => 'ok');
    await library.execute(async () => 'ok');
    const text = await registry.metrics();

    expect(text).toContain('downstream_rate_limit_used{downstream="library"} 2');
    expect(text).toContain('downstream_rate_limit_limit{downstream="library"} 5');
    expect(text).not.toContain('downstream="plain"');
    library.dispose();
    plain.dispose();
  });

  it('sums nothing twice across feeds and forgets a feed once it is stopped', async () => {
    const registry = new Registry();
    const first = limited('chat', 3);
    const second = limited('llm', 4);
    trackRateLimitUsage(() => [{ name: first.name, usage: first.rateLimitUsage() }], registry);
    const stop = trackRateLimitUsage(() => [{ name: second.name, usage: second.rateLimitUsage() }], registry);

    const both = await registry.metrics();
    stop();
    const after = await registry.metrics();

    expect(both).toContain('downstream_rate_limit_limit{downstream="chat"} 3');
    expect(both).toContain('downstream_rate_limit_limit{downstream="llm"} 4');
    expect(after).toContain('downstream_rate_limit_limit{downstream="chat"} 3');
    expect(after).not.toContain('downstream="llm"');
    first.dispose();
    second.dispose();
  });
});
