import { Module } from '@nestjs/common';
import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { ResilienceModule, providePolicy } from '@keel/resilience';
import { redisUrlForTests } from '@keel/resilience/testing';
import { PlatformModule } from '../platform.module';
import { call } from '../test-fixtures/http-call';
import { DatabaseHealthIndicator } from '../test-fixtures/fake-health.indicators';
import { signTestToken, startTestService } from '../testing';
import type { TestService } from '../testing';

process.env['LOG_LEVEL'] = 'silent';

@Module({
  imports: [
    ResilienceModule.forRoot({ service: 'platform-fleet-fixture' }),
    PlatformModule.forRoot({ service: 'platform-fleet-fixture', readiness: [DatabaseHealthIndicator] }),
  ],
  providers: [DatabaseHealthIndicator, providePolicy('library')],
})
class FleetAppModule {}

/** Starts the fixture with `REDIS_URL` set to `url` (restored afterwards). */
async function withRedisUrl(url: string): Promise<TestService> {
  const previous = process.env['REDIS_URL'];
  process.env['REDIS_URL'] = url;
  try {
    return await startTestService(FleetAppModule);
  } finally {
    if (previous === undefined) delete process.env['REDIS_URL'];
    else process.env['REDIS_URL'] = previous;
  }
}

describe('the fleet’s Redis in health, metrics and the admin endpoints', () => {
  let service: TestService | undefined;
  let blackhole: Server | undefined;
  const sockets: Socket[] = [];
  afterEach(async () => {
    await service?.close();
    for (const socket of sockets.splice(0)) socket.destroy();
    await new Promise((resolve) => (blackhole ? blackhole.close(resolve) : resolve(undefined)));
    service = blackhole = undefined;
  });

  it('Redis unreachable: the service starts and serves, /api/health says degraded, readiness stays 200', async () => {
    // Arrange: a port that accepts TCP and never answers, like a hung Redis.
    blackhole = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => blackhole?.listen(0, '127.0.0.1', resolve));
    const port = (blackhole.address() as { port: number }).port;
    service = await withRedisUrl(`redis://127.0.0.1:${port}`);
    const admin = await signTestToken({ roles: ['admin'] });

    // Act
    const health = await call(service.url, '/api/health');
    const ready = await call(service.url, '/api/health/ready');
    const isolate = await call(service.url, '/api/v1/admin/circuits/library/isolate', { method: 'POST', token: admin });
    const metrics = await (await fetch(`${service.url}/metrics`)).text();

    // Assert
    expect(health.status).toBe(200);
    expect(health.body.details.redis).toMatchObject({ status: 'up', state: 'degraded', sharedState: 'local' });
    expect(ready.status).toBe(200);
    expect(ready.body.details.redis).toBeUndefined();
    expect(isolate.status).toBe(200);
    expect(isolate.body).toMatchObject({ name: 'library', state: 'isolated' });
    expect(metrics).toMatch(/^shared_state_available 0$/m);
    expect(metrics).toMatch(/^shared_state_fallbacks_total\{operation="circuitSet"\} 1$/m);
  });

  const url = redisUrlForTests('platform: fleet health');
  (url ? describe : describe.skip)('with a real Redis [real peer: Redis]', () => {
    it('Redis available: /api/health says healthy', async () => {
      // Arrange
      service = await withRedisUrl(url as string);

      // Act
      const health = await call(service.url, '/api/health');
      const metrics = await (await fetch(`${service.url}/metrics`)).text();

      // Assert
      expect(health.body.details.redis).toMatchObject({ status: 'up', state: 'healthy', sharedState: 'fleet' });
      expect(metrics).toMatch(/^shared_state_available 1$/m);
    });
  });
});
