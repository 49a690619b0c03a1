import { Test } from '@nestjs/testing';
import type { TestingModule } from '@nestjs/testing';
import { register } from 'prom-client';
import { RequestContext } from '@keel/context';
import {
  DownstreamCircuitOpenError,
  DownstreamContractError,
  DownstreamRejectedError,
  DownstreamTimeoutError,
  DownstreamUnavailableError,
  getDownstreamHealthToken,
} from '@keel/clients-core';
import type { DownstreamHealth } from '@keel/clients-core';
import { PolicyRegistry, ResilienceModule } from '@keel/resilience';
import type { PolicyOptionsInput } from '@keel/resilience';
import { sandboxControl, startLibraryEmulator } from '@keel/sandbox';
import type { FaultSpec, RunningEmulator, SandboxControl } from '@keel/sandbox';
import { LibraryClient } from './library.client';
import { LibraryClientModule } from './library-client.module';
import { LIBRARY } from './library.constants';

/**
 * The real client, policies and transport against the real library emulator on 127.0.0.1, with
 * faults injected over its HTTP control API (never stubs).
 */
describe(LibraryClient.name, () => {
  let emulator: RunningEmulator;
  let control: SandboxControl;
  let moduleRef: TestingModule;
  let client: LibraryClient;

  const HALF_OPEN_MS = 400;
  const fast: PolicyOptionsInput = {
    retry: { initialDelayMs: 5, maxDelayMs: 20 },
    breaker: { kind: 'consecutive', threshold: 5, halfOpenAfterMs: HALF_OPEN_MS },
  };

  const inject = (fault: FaultSpec) => control.inject(fault);
  const stats = () =>
    control.stats<{
      requests: number;
      aborted: number;
      connections: { open: number };
      lastHeaders: Record<string, unknown>;
    }>();
  const asUser = <T>(fn: () => Promise<T>) =>
    RequestContext.run(
      {
        requestId: 'req-42',
        traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
        token: 'user-token',
      },
      fn,
    );

  async function boot(policy: PolicyOptionsInput = fast, env: Record<string, string> = {}) {
    Object.assign(process.env, { LIBRARY_SERVICE_URL: emulator.url, LIBRARY_SERVICE_TIMEOUT: '2s', ...env });
    moduleRef = await Test.createTestingModule({
      imports: [ResilienceModule.forRoot({ policies: { library: policy } }), LibraryClientModule],
    }).compile();
    await moduleRef.init();
    client = moduleRef.get(LibraryClient);
  }

  beforeAll(async () => {
    emulator = await startLibraryEmulator({ port: 0 });
    control = sandboxControl(emulator.url);
  });

  beforeEach(async () => {
    await control.heal();
    await control.resetStats();
  });

  afterEach(async () => {
    await moduleRef?.close();
    delete process.env.LIBRARY_SERVICE_TIMEOUT;
  });

  afterAll(async () => {
    await emulator.close();
  });

  it('reads ownership per the contract and forwards the caller’s token, request id and traceparent', async () => {
    await boot();

    const owned = await asUser(() => client.checkOwnership('u1', 'g1'));
    const notOwned = await asUser(() => client.checkOwnership('u1', 'g3'));
    const unknown = await asUser(() => client.checkOwnership('u1', 'nope'));

    expect(owned).toMatchObject({ userId: 'u1', gameId: 'g1', owned: true });
    expect(typeof owned?.acquiredAt).toBe('string');
    expect(notOwned).toEqual({ userId: 'u1', gameId: 'g3', owned: false, acquiredAt: null });
    expect(unknown).toBeUndefined();
    expect((await stats()).lastHeaders).toEqual({
      'x-request-id': 'req-42',
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
      authorization: true,
    });
  });

  it('pages through a user’s games', async () => {
    await boot();

    const first = await asUser(() => client.listUserGames('u1', undefined, 1));
    const second = await asUser(() => client.listUserGames('u1', first!.nextCursor!, 1));

    expect(first!.games.map((g) => g.gameId)).toEqual(['g1']);
    expect(second!.games.map((g) => g.gameId)).toEqual(['g2']);
    expect(second!.nextCursor).toBeNull();
    expect(await asUser(() => client.listUserGames('ghost'))).toBeUndefined();
  });

  it('opens the circuit after 5 consecutive 503s; later calls never reach the emulator', async () => {
    await boot({ ...fast, retry: { maxRetries: 0 } });
    await inject({ mode: 'error', status: 503 });

    for (let i = 0; i < 5; i++)
      await expect(asUser(() => client.checkOwnership('u1', 'g1'))).rejects.toBeInstanceOf(DownstreamUnavailableError);
    const errors = await Promise.all(
      Array.from({ length: 10 }, () => asUser(() => client.checkOwnership('u1', 'g1')).catch((e: unknown) => e)),
    );

    expect((await stats()).requests).toBe(5);
    expect(errors.every((e) => e instanceof DownstreamCircuitOpenError)).toBe(true);
    expect(new Set(errors).size).toBe(1);
    expect((errors[0] as DownstreamCircuitOpenError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(moduleRef.get(PolicyRegistry).require('library').circuitState).toBe('open');
  });

  it('lets one probe through after the half-open delay, and closes the circuit when it succeeds', async () => {
    await boot({ ...fast, retry: { maxRetries: 0 } });
    await inject({ mode: 'error', status: 503 });
    for (let i = 0; i < 5; i++) await asUser(() => client.checkOwnership('u1', 'g1')).catch(() => undefined);
    await control.heal();
    await control.resetStats();
    await expect(asUser(() => client.checkOwnership('u1', 'g1'))).rejects.toBeInstanceOf(DownstreamCircuitOpenError);

    await new Promise((resolve) => setTimeout(resolve, HALF_OPEN_MS + 50));
    const probe = await asUser(() => client.checkOwnership('u1', 'g1'));

    expect(probe?.owned).toBe(true);
    expect((await stats()).requests).toBe(1);
    expect(moduleRef.get(PolicyRegistry).require('library').circuitState).toBe('closed');
  });

  it('does not retry a 400', async () => {
    await boot();
    await inject({ mode: 'error', status: 400 });

    const error = await asUser(() => client.checkOwnership('u1', 'g1')).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DownstreamRejectedError);
    expect((error as DownstreamRejectedError).status).toBe(400);
    expect((await stats()).requests).toBe(1);
  });

  it('retries a 503 with backoff, up to LIBRARY_SERVICE_MAX_RETRIES', async () => {
    await boot(fast, { LIBRARY_SERVICE_MAX_RETRIES: '2' });
    await inject({ mode: 'error', status: 503 });

    await expect(asUser(() => client.checkOwnership('u1', 'g1'))).rejects.toBeInstanceOf(DownstreamUnavailableError);

    expect((await stats()).requests).toBe(3);
  });

  it('waits for Retry-After: 2 before the next attempt', async () => {
    await boot();
    await inject({ mode: 'error', status: 503, retryAfterSeconds: 2 });

    const call = asUser(() => client.checkOwnership('u1', 'g1'));
    while ((await stats()).requests === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await control.heal();
    // A lower bound only: on a busy machine the retry can come later, never sooner.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const beforeRetry = (await stats()).requests;
    const result = await call;

    expect(beforeRetry).toBe(1);
    expect(result?.owned).toBe(true);
    expect((await stats()).requests).toBe(2);
  });

  it('turns a down emulator into DownstreamUnavailableError', async () => {
    await boot({ ...fast, retry: { maxRetries: 1 } });
    await inject({ mode: 'down' });

    const error = await asUser(() => client.checkOwnership('u1', 'g1')).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DownstreamUnavailableError);
    expect((error as DownstreamUnavailableError).httpStatus).toBe(503);
    expect((error as DownstreamUnavailableError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
  });

  it('times a slow emulator out with DownstreamTimeoutError and closes the server-side socket', async () => {
    await boot({ ...fast, retry: { maxRetries: 0 } }, { LIBRARY_SERVICE_TIMEOUT: '300ms' });
    await inject({ mode: 'slow', latencyMs: 5000 });

    const error = await asUser(() => client.checkOwnership('u1', 'g1')).catch((e: unknown) => e);
    let after = await stats();
    for (let i = 0; i < 50 && after.aborted === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      after = await stats();
    }

    expect(error).toBeInstanceOf(DownstreamTimeoutError);
    expect((error as DownstreamTimeoutError).httpStatus).toBe(504);
    expect(after.aborted).toBe(1);
  });

  it('turns a malformed body into DownstreamContractError (502)', async () => {
    await boot();
    await inject({ mode: 'malformed' });

    const error = await asUser(() => client.checkOwnership('u1', 'g1')).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DownstreamContractError);
    expect((error as DownstreamContractError).httpStatus).toBe(502);
  });

  it('reports calls in downstream_requests_total and the breaker state gauge', async () => {
    await boot();
    await asUser(() => client.checkOwnership('u1', 'g1'));
    await asUser(() => client.checkOwnership('u1', 'nope'));

    const text = await register.metrics();

    expect(text).toMatch(
      /downstream_requests_total\{downstream="library",operation="checkOwnership",outcome="success"\} [1-9]/,
    );
    expect(text).toMatch(
      /downstream_requests_total\{downstream="library",operation="checkOwnership",outcome="client_error"\} [1-9]/,
    );
    expect(text).toMatch(
      /downstream_request_duration_seconds_count\{downstream="library",operation="checkOwnership"\} [1-9]/,
    );
    expect(text).toMatch(/downstream_circuit_breaker_state\{downstream="library"\} 0/);
  });

  it('reports health: healthy when reachable, circuit-open when the breaker is open', async () => {
    await boot({ ...fast, retry: { maxRetries: 0 } });
    const health = moduleRef.get<string, DownstreamHealth>(getDownstreamHealthToken(LIBRARY), { strict: false });
    await asUser(() => client.checkOwnership('u1', 'g1'));

    const up = await health.isHealthy('library');
    await inject({ mode: 'error', status: 503 });
    for (let i = 0; i < 5; i++) await asUser(() => client.checkOwnership('u1', 'g1')).catch(() => undefined);
    const open = await health.isHealthy('library');

    expect(up.library).toMatchObject({ status: 'up', state: 'healthy', breaker: 'closed', errorRate: 0 });
    expect(open.library).toMatchObject({ status: 'down', state: 'circuit-open', breaker: 'open' });
    expect(open.library.errorRate).toBeGreaterThan(0.1);
  });
});
