import { signTestToken } from '@keel/platform/testing';
import { startSummarizerTestBed } from './chat-summarizer-test.setup';
import type { SummarizerTestBed } from './chat-summarizer-test.setup';
import { callJson as call } from '@keel/platform/testing';

const fallbacks = (metrics: string, reason: string) =>
  Number(new RegExp(`^summarizer_fallbacks_total\\{reason="${reason}"\\} (\\d+)`, 'm').exec(metrics)?.[1] ?? 0);

/** The LLM or chat-svc failing, seen from the summarizer's callers. */
describe('chat-summarizer when a downstream fails (e2e)', () => {
  let bed: SummarizerTestBed;
  let token: string;
  const summarise = (headers: Record<string, string> = {}) =>
    call(bed.service.url, 'GET', '/api/v1/conversations/c1/summary', { token, headers });
  const metrics = async () => (await fetch(`${bed.service.url}/metrics`)).text();

  beforeEach(async () => {
    bed = await startSummarizerTestBed({ env: { CHAT_SERVICE_MAX_RETRIES: '1' } });
    token = await signTestToken({ sub: 'u1' });
  });

  afterEach(async () => {
    await bed?.close();
  });

  it('answers extractively, marked degraded, when the LLM is down, and counts the fallback', async () => {
    const before = fallbacks(await metrics(), 'unavailable');
    await bed.injectLlm({ mode: 'down' });

    const answer = await summarise();

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ conversationId: 'c1', method: 'extractive', degraded: true, messageCount: 40 });
    expect(answer.body.model).toBeUndefined();
    expect(answer.body.summary.length).toBeGreaterThan(0);
    expect(answer.body.keyPoints.length).toBeGreaterThan(0);
    expect(fallbacks(await metrics(), 'unavailable')).toBe(before + 1);
  });

  it('answers extractively within the deadline when the LLM is slow', async () => {
    await bed.injectLlm({ mode: 'slow', latencyMs: 10_000 });
    const started = Date.now();

    const answer = await summarise();

    expect(Date.now() - started).toBeLessThan(3_000);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ method: 'extractive', degraded: true });
    expect(fallbacks(await metrics(), 'timeout')).toBeGreaterThanOrEqual(1);
  });

  it('does not keep the fallback: once the LLM recovers, the summary is the LLM’s again', async () => {
    await bed.injectLlm({ mode: 'error', status: 500 });
    const degraded = await summarise();
    await bed.healLlm();

    const recovered = await summarise({ 'if-none-match': degraded.headers.get('etag')! });

    expect(degraded.body).toMatchObject({ method: 'extractive', degraded: true });
    expect(recovered.status).toBe(200);
    expect(recovered.body).toMatchObject({ method: 'llm', degraded: false, model: 'sandbox-summarizer' });
    expect(recovered.headers.get('etag')).not.toBe(degraded.headers.get('etag'));
  });

  it('stops calling a failing LLM once its circuit opens, and uses it again after the break', async () => {
    await bed.injectLlm({ mode: 'error', status: 503 });
    for (let i = 0; i < 6; i++) await summarise();
    const reached = (await bed.llmStats()).requests;

    const whileOpen = await summarise();
    const reachedAfter = (await bed.llmStats()).requests;
    const scraped = await metrics();
    await bed.healLlm();
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const recovered = await summarise();

    expect(whileOpen.status).toBe(200);
    expect(whileOpen.body).toMatchObject({ method: 'extractive', degraded: true });
    expect(reachedAfter).toBe(reached);
    expect(fallbacks(scraped, 'circuit_open')).toBeGreaterThanOrEqual(1);
    expect(recovered.body.method).toBe('llm');
  });

  it('answers 503 problem+json with Retry-After when chat-svc is down, without calling the LLM', async () => {
    await bed.injectChat({ mode: 'down' });

    const answer = await summarise();

    expect(answer.status).toBe(503);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(Number(answer.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(answer.body).toMatchObject({ status: 503, downstream: 'chat' });
    expect((await bed.llmStats()).requests).toBe(0);
  });

  it('keeps readiness up while both downstreams are down, and reports them in the detailed health', async () => {
    await bed.injectChat({ mode: 'down' });
    await bed.injectLlm({ mode: 'down' });

    const ready = await call(bed.service.url, 'GET', '/api/health/ready');
    const detailed = await call(bed.service.url, 'GET', '/api/health');

    expect(ready.status).toBe(200);
    expect(detailed.status).toBe(503);
    expect(detailed.body.details.chat).toMatchObject({ status: 'down' });
    expect(detailed.body.details.llm).toMatchObject({ status: 'down' });
  });
});
