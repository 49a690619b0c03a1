import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { callJson as call, dashboardQueries, signTestToken, unexposedQueryMetrics } from '@keel/platform/testing';
import { startSummarizerTestBed } from './chat-summarizer-test.setup';
import type { SummarizerTestBed } from './chat-summarizer-test.setup';

const DASHBOARD = join(__dirname, '..', '..', '..', 'docker', 'observability', 'grafana', 'dashboards', 'keel.json');

/**
 * The Grafana dashboard's chat-summarizer row reads only metrics the real service exposes on
 * /metrics after a summary and a fallback. The other rows: apps/download/test/observability.e2e-spec.ts.
 */
describe('chat-summarizer: the dashboard row reads metrics /metrics really exposes (e2e)', () => {
  let bed: SummarizerTestBed;

  beforeAll(async () => {
    bed = await startSummarizerTestBed();
  });

  afterAll(async () => {
    await bed?.close();
  });

  it('has a sample of every metric the chat-summarizer row queries after a fallback and an LLM summary', async () => {
    const token = await signTestToken({ sub: 'u1' });
    const summarise = () => call(bed.service.url, 'GET', '/api/v1/conversations/c1/summary', { token });
    // The fallback first: an LLM summary would be cached and answer the second request.
    await bed.injectLlm({ mode: 'down' });
    expect((await summarise()).body).toMatchObject({ method: 'extractive', degraded: true });
    await bed.healLlm();
    expect((await summarise()).body).toMatchObject({ method: 'llm' });
    const queries = dashboardQueries(JSON.parse(readFileSync(DASHBOARD, 'utf8'))).filter(
      (q) => q.row === 'chat-summarizer',
    );

    const page = await (await fetch(`${bed.service.url}/metrics`)).text();

    expect(queries.length).toBeGreaterThanOrEqual(2);
    expect(unexposedQueryMetrics(queries, page)).toEqual([]);
  });
});
