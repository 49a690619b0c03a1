import { ForbiddenException, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { TestingModule } from '@nestjs/testing';
import { RequestContext } from '@keel/context';
import { DownstreamContractError, DownstreamUnavailableError, getDownstreamHealthToken } from '@keel/clients-core';
import type { DownstreamHealth } from '@keel/clients-core';
import { PolicyRegistry, ResilienceModule } from '@keel/resilience';
import type { PolicyOptionsInput } from '@keel/resilience';
import { sandboxControl, signDevJwt, startChatEmulator, type FaultSpec, type RunningChatEmulator } from '@keel/sandbox';
import { ChatClient } from './chat.client';
import { ChatClientModule } from './chat-client.module';
import type { ChatClientOptions, CircuitState } from './chat.types';

/** The real client, policies and transport against the real chat-svc emulator on 127.0.0.1. */
describe(ChatClient.name, () => {
  let emulator: RunningChatEmulator;
  let moduleRef: TestingModule;
  let client: ChatClient;
  const logged: string[] = [];
  const capture = (...args: unknown[]) => void logged.push(JSON.stringify(args));

  const fast: PolicyOptionsInput = {
    retry: { initialDelayMs: 5, maxDelayMs: 20 },
    breaker: { kind: 'consecutive', threshold: 3, halfOpenAfterMs: 300 },
  };
  const inject = (fault: FaultSpec) => sandboxControl(emulator.url).inject(fault);
  const withToken = <T>(token: string | undefined, fn: () => Promise<T>) =>
    RequestContext.run({ requestId: 'req-7', token }, fn);
  const as = <T>(sub: string, fn: () => Promise<T>) => withToken(signDevJwt({ sub }), fn);

  async function boot(
    policy: PolicyOptionsInput = fast,
    options?: ChatClientOptions,
    env: Record<string, string> = {},
  ) {
    Object.assign(process.env, { CHAT_SERVICE_URL: emulator.url, ...env });
    moduleRef = await Test.createTestingModule({
      imports: [
        ResilienceModule.forRoot({ policies: { chat: policy } }),
        options ? ChatClientModule.register(options) : ChatClientModule,
      ],
    })
      .setLogger({ log: capture, error: capture, warn: capture, debug: capture, verbose: capture, fatal: capture })
      .compile();
    await moduleRef.init();
    client = moduleRef.get(ChatClient);
  }

  beforeAll(async () => {
    emulator = await startChatEmulator({ port: 0 });
  });

  beforeEach(() => {
    emulator.setFaults(null);
    emulator.resetStats();
  });

  afterEach(async () => {
    await moduleRef?.close();
    delete process.env.CHAT_SERVICE_URL;
    delete process.env.CHAT_SERVICE_MAX_RETRIES;
  });

  afterAll(async () => {
    await emulator.close();
  });

  it('reads the newest messages in camelCase and forwards the caller’s own token', async () => {
    await boot();

    const page = await as('u1', () => client.getRecentMessages('c1', 5));

    expect(page.totalCount).toBe(40);
    expect(page.hasMore).toBe(true);
    expect(page.messages).toHaveLength(5);
    expect(page.messages[0]).toMatchObject({
      conversationId: 'c1',
      content: 'Message 40 from u2 about the API contract.',
      messageType: 'user',
      metadata: {},
    });
    expect(page.messages.map((m) => m.createdAt)).toEqual([...page.messages.map((m) => m.createdAt)].sort().reverse());
    expect(emulator.stats()).toMatchObject({
      requests: 1,
      lastSubject: 'u1',
      bySubject: { u1: 1 },
      lastHeaders: { 'x-request-id': 'req-7', authorization: true },
    });
  });

  it('follows the cursor to the oldest message', async () => {
    await boot();

    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await as('u2', () => client.getRecentMessages('c1', 15, cursor));
      ids.push(...page.messages.map((m) => m.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);

    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
    expect(emulator.stats().bySubject).toEqual({ u2: 3 });
  });

  it.each([
    [
      '401 for an expired token',
      'c1',
      () => signDevJwt({ sub: 'u1', exp: Math.floor(Date.now() / 1000) - 10 }),
      UnauthorizedException,
      401,
    ],
    ['401 without a token', 'c1', () => undefined, UnauthorizedException, 401],
    ['403 for a non-participant', 'c2', () => signDevJwt({ sub: 'u1' }), ForbiddenException, 403],
    ['404 for an unknown conversation', 'nope', () => signDevJwt({ sub: 'u1' }), NotFoundException, 404],
  ])('maps chat-svc’s %s to the same status, without retrying', async (_label, conversation, token, type, status) => {
    await boot();

    const error = await withToken(token(), () => client.getRecentMessages(conversation, 10)).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(type);
    expect((error as UnauthorizedException).getStatus()).toBe(status);
    expect(emulator.stats().requests).toBe(1);
    expect(client.circuitState).toBe('closed');
  });

  it('sends the service-held token from updateToken instead of the caller’s', async () => {
    await boot(fast, { updateToken: () => signDevJwt({ sub: 'svc-summarizer' }) });

    const error = await as('u1', () => client.getRecentMessages('c1', 1)).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ForbiddenException);
    expect(emulator.stats()).toMatchObject({ lastSubject: 'svc-summarizer', bySubject: { 'svc-summarizer': 1 } });
  });

  it('turns a malformed or mis-shaped body into DownstreamContractError', async () => {
    await boot();
    await inject({ mode: 'malformed' });

    const error = await as('u1', () => client.getRecentMessages('c1', 1)).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DownstreamContractError);
    expect((error as DownstreamContractError).httpStatus).toBe(502);
  });

  it('retries a 503 and then reports DownstreamUnavailableError', async () => {
    await boot(fast, undefined, { CHAT_SERVICE_MAX_RETRIES: '2' });
    await inject({ mode: 'error', status: 503 });

    const error = await as('u1', () => client.getRecentMessages('c1', 1)).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DownstreamUnavailableError);
    expect(emulator.stats().requests).toBe(3);
    expect(logged.join('\n')).toContain('retrying downstream call');
    expect(logged.join('\n')).not.toContain('eyJ');
  });

  it('reports the breaker’s state changes to subscribers and in its health', async () => {
    await boot({ ...fast, retry: { maxRetries: 0 } });
    const health = moduleRef.get<string, DownstreamHealth>(getDownstreamHealthToken('chat'), { strict: false });
    const changes: [CircuitState, CircuitState][] = [];
    client.onStateChange((state, previous) => changes.push([previous, state]));
    const up = await health.isHealthy('chat');

    await inject({ mode: 'error', status: 503 });
    for (let i = 0; i < 3; i++) await as('u1', () => client.getRecentMessages('c1', 1)).catch(() => undefined);
    const open = await health.isHealthy('chat');
    emulator.setFaults(null);
    await new Promise((resolve) => setTimeout(resolve, 350));
    await as('u1', () => client.getRecentMessages('c1', 1));

    expect(up.chat).toMatchObject({ status: 'up', breaker: 'closed' });
    expect(open.chat).toMatchObject({ status: 'down', state: 'circuit-open', breaker: 'open' });
    expect(changes).toEqual([
      ['closed', 'open'],
      ['open', 'half-open'],
      ['half-open', 'closed'],
    ]);
    expect(moduleRef.get(PolicyRegistry).require('chat').circuitState).toBe('closed');
  });
});
