import { DownstreamContractError, DownstreamRejectedError, DownstreamUnavailableError } from '@keel/clients-core';
import { emulatorClientBed } from '@keel/clients-core/testing';
import { startUserEmulator } from '@keel/sandbox';
import { UserClient } from './user.client';
import { UserClientModule } from './user-client.module';

/** The real client, policies and transport against the real user emulator on 127.0.0.1, faults injected over HTTP. */
describe(UserClient.name, () => {
  const bed = emulatorClientBed({
    name: 'user',
    startEmulator: startUserEmulator,
    module: UserClientModule,
    client: UserClient,
    requestId: 'req-7',
  });
  const { boot, inject, stats, asUser } = bed;

  it('reads users and roles per the contract, forwarding the caller’s token and request id', async () => {
    // Arrange
    await boot();

    // Act
    const ada = await asUser(() => bed.client.getUser('u1'));
    const inactive = await asUser(() => bed.client.getUser('u3'));
    const roles = await asUser(() => bed.client.getRoles('admin1'));

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
    const user = await asUser(() => bed.client.getUser('ghost'));
    const roles = await asUser(() => bed.client.getRoles('ghost'));

    // Assert
    expect(user).toBeUndefined();
    expect(roles).toBeUndefined();
    expect((await stats()).requests).toBe(2);
  });

  it('is refused with 401 when there is no token to forward', async () => {
    // Arrange
    await boot();

    // Act
    const error = await bed.client.getUser('u1').catch((e: unknown) => e);

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
    const error = await asUser(() => bed.client.getRoles('u1')).catch((e: unknown) => e);

    // Assert
    expect(error).toBeInstanceOf(DownstreamRejectedError);
    expect((error as DownstreamRejectedError).status).toBe(403);
    expect((await stats()).requests).toBe(1);
  });

  it('retries a 503 up to USER_SERVICE_MAX_RETRIES, then throws DownstreamUnavailableError', async () => {
    // Arrange
    await boot({ USER_SERVICE_URL: bed.emulator.url, USER_SERVICE_MAX_RETRIES: '2' });
    await inject({ mode: 'error', status: 503 });

    // Act
    const error = await asUser(() => bed.client.getUser('u1')).catch((e: unknown) => e);

    // Assert
    expect(error).toBeInstanceOf(DownstreamUnavailableError);
    expect((await stats()).requests).toBe(3);
  });

  it('turns a malformed body into DownstreamContractError', async () => {
    // Arrange
    await boot();
    await inject({ mode: 'malformed' });

    // Act
    const error = await asUser(() => bed.client.getUser('u1')).catch((e: unknown) => e);

    // Assert
    expect(error).toBeInstanceOf(DownstreamContractError);
    expect((error as DownstreamContractError).httpStatus).toBe(502);
  });

  it('is configured by USER_SERVICE_HOST, _PORT and _PROTOCOL as well as _URL', async () => {
    // Arrange
    await boot({
      USER_SERVICE_HOST: bed.emulator.host,
      USER_SERVICE_PORT: String(bed.emulator.port),
      USER_SERVICE_PROTOCOL: 'http',
    });

    // Act
    const user = await asUser(() => bed.client.getUser('u2'));

    // Assert
    expect(user).toMatchObject({ id: 'u2', displayName: 'Grace' });
    expect((await stats()).byPath).toEqual({ '/api/v1/users/u2': 1 });
  });

  it('reports health up when /health answers and down when it does not', async () => {
    // Arrange
    await boot();
    const health = bed.health;

    // Act
    const up = await health.isHealthy('user');
    await inject({ mode: 'error', status: 503, path: '/health' });
    const down = await health.isHealthy('user');

    // Assert
    expect(up.user).toMatchObject({ status: 'up', state: 'healthy', breaker: 'closed' });
    expect(down.user).toMatchObject({ status: 'down', state: 'down' });
  });
});
