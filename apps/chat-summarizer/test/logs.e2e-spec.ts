import { captureProcessOutput, signTestToken } from '@keel/platform/testing';
import type { CapturedOutput } from '@keel/platform/testing';
import { TEST_LLM_API_KEY, startSummarizerTestBed } from './chat-summarizer-test.setup';
import type { SummarizerTestBed } from './chat-summarizer-test.setup';
import { callJson as call } from '@keel/platform/testing';

/** Secrets never reach the logs: the caller's JWT (forwarded to chat-svc) and LLM_API_KEY. */
describe('chat-summarizer logs (e2e)', () => {
  let bed: SummarizerTestBed;
  let output: CapturedOutput;

  beforeEach(async () => {
    output = captureProcessOutput();
    bed = await startSummarizerTestBed({ env: { LOG_LEVEL: 'debug' } });
  });

  afterEach(async () => {
    await bed?.close();
    output.restore();
  });

  it('logs requests and fallbacks without the bearer token or the LLM API key', async () => {
    const token = await signTestToken({ sub: 'u1' });
    const expired = await signTestToken({ sub: 'u1', expiresIn: -60 });

    const ok = await call(bed.service.url, 'GET', '/api/v1/conversations/c1/summary', { token });
    await bed.injectLlm({ mode: 'error', status: 500 });
    const degraded = await call(bed.service.url, 'GET', '/api/v1/conversations/c1/summary?limit=5', { token });
    const forbidden = await call(bed.service.url, 'GET', '/api/v1/conversations/c2/summary', { token });
    const refused = await call(bed.service.url, 'GET', '/api/v1/conversations/c1/summary', { token: expired });
    const logs = output.text();

    expect([ok.status, degraded.status, forbidden.status, refused.status]).toEqual([200, 200, 403, 401]);
    expect(logs).toContain('request completed');
    expect(logs).toContain('llm summary failed; answering extractively');
    expect(logs).not.toContain(token);
    expect(logs).not.toContain(expired);
    expect(logs).not.toContain(token.split('.')[2]);
    expect(logs).not.toContain(TEST_LLM_API_KEY);
  });
});
