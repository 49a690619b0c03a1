import { Test } from '@nestjs/testing';
import type { TestingModule } from '@nestjs/testing';
import { RequestContext } from '@keel/context';
import { DownstreamContractError, DownstreamRejectedError, DownstreamUnavailableError } from '@keel/clients-core';
import { ResilienceModule } from '@keel/resilience';
import type { PolicyOptionsInput } from '@keel/resilience';
import type { FaultSpec, RunningEmulator, SandboxControl } from '@keel/sandbox';
import { sandboxControl, startUserEmulator } from '@keel/sandbox';
import { UserClient } from './user.client';
import { UserClientModule } from './user-client.module';
import { UserHealthIndicator } from './user.health';

const ENV_KEYS = ['USER_SERVICE_URL', 'USER_SERVICE_HOST', 'USER_SERVICE_PORT', 'USER_SERVICE_PROTOCOL', 'USER_SERVICE_TIMEOUT', 'USER_SERVICE_MAX_RETRIES'];

/** The real client, policies and transport against the real user emulator on 127.0.0.1, faults injected over HTTP. */
describe(UserClient.name, () => {
  let emulator: RunningEmulator;
  let control: SandboxControl;
  let moduleRef: TestingModule | undefined;
  let client: UserClient;

  const fast: PolicyOptionsInput = { retry: { initialDelayMs: 5, maxDelayMs: 20 }, breaker: { kind: 'consecutive', threshold: 5, halfOpenAfterMs: 400 } };

  const inject = (fault: FaultSpec) => control.inject(fault);
  const stats = () => control.stats<{ requests: number; byPath: Record<string, number>; lastHeaders: Record<string, unknown> }>();
  const asUser = <T>(fn: () => Promise<T>) => RequestContext.run({ requestId: 'req-7', token: 'user-token' }, fn);

  async function boot(env: Record<string, string> = { USER_SERVICE_URL: emulator.url }, policy: PolicyOptionsInput = fast) {
    Object.assign(process.env, { USER_SERVICE_TIMEOUT: '2s', ...env });
    moduleRef = await Test.createTestingModule({ imports: [ResilienceModule.forRoot({ policies: { user: policy } }), UserClientModule] }).compile();
    await moduleRef.init();
    client = moduleRef.get(UserClient);
  }

  beforeAll(async () => {
    emulator = await startUserEmulator({ port: 0 });
    control = sandboxControl(emulator.url);
  });

  beforeEach(async () => {
    await control.heal();
    await control.resetStats();
  });

  afterEach(async () => {
    await moduleRef?.close();
    moduleRef = undefined;
    for (const key of ENV_KEYS) delete process.env[key];
  });

  afterAll(async () => {
    await emulator.close();
  });

  it('reads users and roles per the contract, forwarding the caller’s token and request id', async () => {
    // Arrange
    await boot();

    // Act
    const ada = await asUser(() => client.getUser('u1'));
    const inactive = await asUser(() => client.getUser('u3'));
    const roles = await asUser(() => client.getRoles('admin1'));

    // Assert
    expect(ada).toEqual({ id: 'u1', email: 'a@example.com', displayName: 'Ada', roles: ['member'], active: true });
    expect(inactive).toMatchObject({ id: 'u3', active: false });
    expect(roles).toEqual(['member', 'admin']);
    expect(await stats()).toMatchObject({ requests: 3, lastHeaders: { 'x-request-id': 'req-7', authorization: true } });
  });

  it('answers undefined for an unknown user', async () => {
    // Arrange
    await boot();

    // Act
    const user = await asUser(() => client.getUser('ghost'));
    const roles = await asUser(() => client.getRoles('ghost'));

    // Assert
    expect(user).toBeUndefined();
    expect(roles).toBeUndefined();
    expect((await stats()).requests).toBe(2);
  });

  it('is refused with 401 when there is no token to forward', async () => {
    // Arrange
    await boot();

    // Act
    const error = await client.getUser('u1').catch((e: unknown) => e);

    // Assert
    expect(error).toBeInstanceOf(DownstreamRejectedError);
    expect((error as DownstreamRejectedError).status).toBe(401);
    expect((await stats()).lastHeaders.authorization).toBe(false);
  });

  it('throws DownstreamRejectedError for a 4xx other than 404, without retrying', async () => {
    // Arrange
    await boot();
    await inject({ mode: 'error', status: 403 });

    // Act
    const error = await asUser(() => client.getRoles('u1')).catch((e: unknown) => e);

    // Assert
    expect(error).toBeInstanceOf(DownstreamRejectedError);
    expect((error as DownstreamRejectedError).status).toBe(403);
    expect((await stats()).requests).toBe(1);
  });

  it('retries a 503 up to USER_SERVICE_MAX_RETRIES, then throws DownstreamUnavailableError', async () => {
    // Arrange
    await boot({ USER_SERVICE_URL: emulator.url, USER_SERVICE_MAX_RETRIES: '2' });
    await inject({ mode: 'error', status: 503 });

    // Act
    const error = await asUser(() => client.getUser('u1')).catch((e: unknown) => e);

    // Assert
    expect(error).toBeInstanceOf(DownstreamUnavailableError);
    expect((await stats()).requests).toBe(3);
  });

  it('turns a malformed body into DownstreamContractError', async () => {
    // Arrange
    await boot();
    await inject({ mode: 'malformed' });

    // Act
    const error = await asUser(() => client.getUser('u1')).catch((e: unknown) => e);

    // Assert
    expect(error).toBeInstanceOf(DownstreamContractError);
    expect((error as DownstreamContractError).httpStatus).toBe(502);
  });

  it('is configured by USER_SERVICE_HOST, _PORT and _PROTOCOL as well as _URL', async () => {
    // Arrange
    await boot({ USER_SERVICE_HOST: emulator.host, USER_SERVICE_PORT: String(emulator.port), USER_SERVICE_PROTOCOL: 'http' });

    // Act
    const user = await asUser(() => client.getUser('u2'));

    // Assert
    expect(user).toMatchObject({ id: 'u2', displayName: 'Grace' });
    expect((await stats()).byPath).toEqual({ '/api/v1/users/u2': 1 });
  });

  it('reports health up when /health answers and down when it does not', async () => {
    // Arrange
    await boot();
    const health = moduleRef!.get(UserHealthIndicator);

    // Act
    const up = await health.isHealthy('user');
    await inject({ mode: 'error', status: 503, path: '/health' });
    const down = await health.isHealthy('user');

    // Assert
    expect(up.user).toMatchObject({ status: 'up', state: 'healthy', breaker: 'closed' });
    expect(down.user).toMatchObject({ status: 'down', state: 'down' });
  });
});
