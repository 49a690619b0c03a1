import { createHash } from 'node:crypto';
import { Test } from '@nestjs/testing';
import type { TestingModule } from '@nestjs/testing';
import { RequestContext } from '@keel/context';
import {
  DownstreamContractError,
  DownstreamRejectedError,
  DownstreamTimeoutError,
  InvalidServiceConfigError,
  getDownstreamHealthToken,
} from '@keel/clients-core';
import type { DownstreamHealth } from '@keel/clients-core';
import { ResilienceModule } from '@keel/resilience';
import type { PolicyOptionsInput } from '@keel/resilience';
import { startLlmEmulator, type RunningEmulator } from '@keel/sandbox';
import { LlmClient } from './llm.client';
import { LlmClientModule } from './llm-client.module';

/** The real client, policies and transport against the real LLM emulator on 127.0.0.1. */
describe(LlmClient.name, () => {
  const API_KEY = 'sk-sandbox-9f8e7d6c5b4a';
  let emulator: RunningEmulator;
  let moduleRef: TestingModule;
  let client: LlmClient;
  const logged: string[] = [];
  const capture = (...args: unknown[]) => void logged.push(JSON.stringify(args));

  const fast: PolicyOptionsInput = { retry: { initialDelayMs: 5, maxDelayMs: 20 } };
  const request = {
    system: 'Summarise the chat.',
    messages: [{ role: 'user' as const, content: 'u1: the deploy is on Friday' }],
    maxTokens: 200,
  };
  const asUser = <T>(fn: () => Promise<T>) =>
    RequestContext.run({ requestId: 'req-9', token: 'the-users-own-jwt' }, fn);

  async function boot(env: Record<string, string> = {}) {
    Object.assign(process.env, {
      LLM_SERVICE_URL: emulator.url,
      LLM_API_KEY: API_KEY,
      LLM_MODEL: 'test-model',
      ...env,
    });
    moduleRef = await Test.createTestingModule({
      imports: [ResilienceModule.forRoot({ policies: { llm: fast } }), LlmClientModule],
    })
      .setLogger({ log: capture, error: capture, warn: capture, debug: capture, verbose: capture, fatal: capture })
      .compile();
    await moduleRef.init();
    client = moduleRef.get(LlmClient);
  }

  beforeAll(async () => {
    emulator = await startLlmEmulator({ port: 0, apiKey: API_KEY });
  });

  beforeEach(() => {
    emulator.setFaults(null);
    emulator.resetStats();
  });

  afterEach(async () => {
    await moduleRef?.close();
    for (const key of ['LLM_SERVICE_URL', 'LLM_API_KEY', 'LLM_MODEL', 'LLM_SERVICE_TIMEOUT']) delete process.env[key];
  });

  afterAll(async () => {
    await emulator.close();
  });

  it('completes with the API key, not the caller’s token, and maps the answer', async () => {
    await boot();

    const completion = await asUser(() => client.complete(request));

    const digest = createHash('sha256')
      .update(JSON.stringify([{ role: 'system', content: request.system }, ...request.messages]))
      .digest('hex');
    expect(completion.content).toBe(`Summary of 1 messages: u1: the deploy. [sha256:${digest}]`);
    expect(completion).toMatchObject({ finishReason: 'stop', model: 'test-model', usage: { promptTokens: 9 } });
    expect(completion.usage.totalTokens).toBe(completion.usage.promptTokens + completion.usage.completionTokens);
    expect(emulator.stats()).toMatchObject({
      requests: 1,
      lastHeaders: { 'x-request-id': 'req-9', authorization: true },
    });
  });

  it('never writes the API key to the logs', async () => {
    logged.length = 0;
    const logSpy = jest.spyOn(process.stdout, 'write');
    await boot();

    await asUser(() => client.complete(request));
    emulator.setFaults({ mode: 'error', status: 503 });
    await asUser(() => client.complete(request)).catch(() => undefined);
    await moduleRef.close();
    await boot({ LLM_API_KEY: 'sk-wrong-key' });
    await asUser(() => client.complete(request)).catch(() => undefined);
    const written = logSpy.mock.calls.map((call) => String(call[0])).join('');
    logSpy.mockRestore();

    expect(logged.length).toBeGreaterThan(0);
    expect([...logged, written].join('\n')).not.toMatch(/sk-sandbox-9f8e7d6c5b4a|sk-wrong-key|the-users-own-jwt/);
  });

  it('answers DownstreamRejectedError on a wrong key (the emulator’s 401), without retrying', async () => {
    await boot({ LLM_API_KEY: 'sk-wrong-key' });

    const error = await asUser(() => client.complete(request)).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DownstreamRejectedError);
    expect((error as DownstreamRejectedError).status).toBe(401);
    expect(emulator.stats().requests).toBe(1);
  });

  it('times a slow generation out with DownstreamTimeoutError after one attempt', async () => {
    await boot({ LLM_SERVICE_TIMEOUT: '300ms' });
    emulator.setFaults({ mode: 'slow', latencyMs: 3000 });

    const started = Date.now();
    const error = await asUser(() => client.complete(request)).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DownstreamTimeoutError);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(emulator.stats().requests).toBe(1);
  });

  it('does not retry a 503 on a POST', async () => {
    await boot();
    emulator.setFaults({ mode: 'error', status: 503 });

    await asUser(() => client.complete(request)).catch(() => undefined);

    expect(emulator.stats().requests).toBe(1);
  });

  it('turns a malformed body into DownstreamContractError', async () => {
    await boot();
    emulator.setFaults({ mode: 'malformed' });

    const error = await asUser(() => client.complete(request)).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DownstreamContractError);
  });

  it('waits 20 s per attempt by default (generation is slow)', async () => {
    await boot();

    expect(client.model).toBe('test-model');
    expect(
      (moduleRef.get('KEEL:HTTP_CLIENT:llm') as { config: { urls: string[]; timeoutMs: number } }).config,
    ).toMatchObject({ urls: [emulator.url], timeoutMs: 20_000 });
  });

  it('does not start without LLM_SERVICE_URL, naming it', async () => {
    const error = await boot({ LLM_SERVICE_URL: '' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(InvalidServiceConfigError);
    expect((error as InvalidServiceConfigError).variable).toBe('LLM_SERVICE_URL');
  });

  it('reports health from the emulator', async () => {
    await boot();

    const health = await moduleRef
      .get<string, DownstreamHealth>(getDownstreamHealthToken('llm'), { strict: false })
      .isHealthy('llm');

    expect(health.llm).toMatchObject({ status: 'up', state: 'healthy', breaker: 'closed' });
  });
});
