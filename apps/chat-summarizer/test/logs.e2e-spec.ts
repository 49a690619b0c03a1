import fs from 'node:fs';
import { signTestToken } from '@keel/platform/testing';
import { TEST_LLM_API_KEY, startSummarizerTestBed } from './chat-summarizer-test.setup';
import type { SummarizerTestBed } from './chat-summarizer-test.setup';
import { call } from './http';

/** Secrets never reach the logs: the caller's JWT (forwarded to chat-svc) and LLM_API_KEY. */
describe('chat-summarizer logs (e2e)', () => {
  let bed: SummarizerTestBed;
  let captured: string[];
  let restore: () => void;

  beforeEach(async () => {
    captured = [];
    // pino writes through sonic-boom (fs.writeSync on fd 1); Nest's console fallback uses the streams.
    const text = (chunk: unknown) => (typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk));
    const realWriteSync = fs.writeSync;
    const writeSync = jest.spyOn(fs, 'writeSync').mockImplementation(((fd: number, chunk: unknown, ...rest: unknown[]) => {
      if (fd !== 1 && fd !== 2) return (realWriteSync as (...args: unknown[]) => number)(fd, chunk, ...rest);
      captured.push(text(chunk));
      return typeof chunk === 'string' ? Buffer.byteLength(chunk) : (chunk as Buffer).length;
    }) as typeof fs.writeSync);
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(((chunk: unknown) => (captured.push(text(chunk)), true)) as typeof process.stdout.write);
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(((chunk: unknown) => (captured.push(text(chunk)), true)) as typeof process.stderr.write);
    restore = () => [writeSync, stdout, stderr].forEach((spy) => spy.mockRestore());
    bed = await startSummarizerTestBed({ env: { LOG_LEVEL: 'debug' } });
  });

  afterEach(async () => {
    await bed?.close();
    restore();
  });

  it('logs requests and fallbacks without the bearer token or the LLM API key', async () => {
    const token = await signTestToken({ sub: 'u1' });
    const expired = await signTestToken({ sub: 'u1', expiresIn: -60 });

    const ok = await call(bed.service.url, 'GET', '/api/v1/conversations/c1/summary', { token });
    await bed.injectLlm({ mode: 'error', status: 500 });
    const degraded = await call(bed.service.url, 'GET', '/api/v1/conversations/c1/summary?limit=5', { token });
    const forbidden = await call(bed.service.url, 'GET', '/api/v1/conversations/c2/summary', { token });
    const refused = await call(bed.service.url, 'GET', '/api/v1/conversations/c1/summary', { token: expired });
    const logs = captured.join('');

    expect([ok.status, degraded.status, forbidden.status, refused.status]).toEqual([200, 200, 403, 401]);
    expect(logs).toContain('request completed');
    expect(logs).toContain('llm summary failed; answering extractively');
    expect(logs).not.toContain(token);
    expect(logs).not.toContain(expired);
    expect(logs).not.toContain(token.split('.')[2]);
    expect(logs).not.toContain(TEST_LLM_API_KEY);
  });
});
