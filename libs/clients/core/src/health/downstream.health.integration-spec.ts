import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { PolicyRegistry } from '@keel/resilience';
import type { ResiliencePipeline } from '@keel/resilience';
import { httpFailureClassifier } from '../http/downstream-failures';
import { ResilientHttpClient } from '../http/resilient-http-client';
import { UndiciAdapter } from '../http/undici-adapter';
import { resolveServiceConfig } from '../registry/service.config';
import { DEGRADED_ERROR_RATE, DownstreamHealth } from './downstream.health';

/** `/health` answers `healthStatus`, `/status/<code>` that status, anything else 200; paths are counted. */
async function startDownstream() {
  const paths: string[] = [];
  let healthStatus = 200;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      paths.push(req.url!);
      const status = /^\/status\/(\d{3})$/.exec(req.url!);
      const code = req.url === '/health' ? healthStatus : status ? Number(status[1]) : 200;
      res.writeHead(code, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    paths,
    set healthStatus(value: number) {
      healthStatus = value;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe(DownstreamHealth.name, () => {
  let downstream: Awaited<ReturnType<typeof startDownstream>>;
  const registry = new PolicyRegistry({});
  const clients: ResilientHttpClient[] = [];
  let n = 0;

  function build(url = downstream.url): {
    client: ResilientHttpClient;
    health: DownstreamHealth;
    pipeline: ResiliencePipeline;
  } {
    const name = `health-${++n}`;
    const prefix = `HEALTH_${n}_SERVICE_`;
    const config = resolveServiceConfig(name, {
      [`${prefix}URL`]: url,
      [`${prefix}MAX_RETRIES`]: '0',
      [`${prefix}CIRCUIT_BREAKER_MAX_FAILS`]: '3',
    });
    const pipeline = registry.get(name, { ...config.policy, classifier: httpFailureClassifier });
    const client = new ResilientHttpClient(
      config,
      pipeline,
      new UndiciAdapter({ connections: 4, keepAliveTimeoutMs: 1000 }),
      { healthPath: '/health' },
    );
    clients.push(client);
    return { client, health: new DownstreamHealth(new HealthIndicatorService(), client), pipeline };
  }

  /** `ok` successful calls, then `failed` 500s (a breaker failure, never retried). */
  async function traffic(client: ResilientHttpClient, ok: number, failed: number) {
    for (let i = 0; i < ok; i++) await client.send({ operation: 'get', path: '/ok' });
    for (let i = 0; i < failed; i++)
      await client.send({ operation: 'get', path: '/status/500' }).catch(() => undefined);
  }

  beforeAll(async () => {
    Logger.overrideLogger(false);
    downstream = await startDownstream();
  });

  beforeEach(() => {
    downstream.paths.length = 0;
    downstream.healthStatus = 200;
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    registry.onModuleDestroy();
    await downstream.close();
  });

  it('treats more than 10 % failed calls as degraded', () => {
    expect(DEGRADED_ERROR_RATE).toBe(0.1);
  });

  it('reports up/healthy under the client’s name when the health path answers and calls succeed', async () => {
    // Arrange
    const { client, health } = build();
    await traffic(client, 3, 0);

    // Act
    const result = await health.isHealthy();

    // Assert
    expect(Object.keys(result)).toEqual([client.name]);
    expect(result[client.name]).toEqual({
      status: 'up',
      state: 'healthy',
      errorRate: 0,
      p95Ms: expect.any(Number),
      recentCalls: 3,
      breaker: 'closed',
    });
    expect(downstream.paths.filter((p) => p === '/health')).toHaveLength(1);
  });

  it('reports healthy with no calls yet, and a null p95', async () => {
    // Arrange
    const { health } = build();

    // Act
    const result = await health.isHealthy('echo');

    // Assert
    expect(result.echo).toEqual({
      status: 'up',
      state: 'healthy',
      errorRate: 0,
      p95Ms: null,
      recentCalls: 0,
      breaker: 'closed',
    });
  });

  it('stays healthy at exactly 10 % failed calls', async () => {
    // Arrange
    const { client, health } = build();
    await traffic(client, 9, 1);

    // Act
    const result = await health.isHealthy('echo');

    // Assert
    expect(result.echo).toMatchObject({ status: 'up', state: 'healthy', errorRate: 0.1, recentCalls: 10 });
  });

  it('reports up/degraded above 10 % failed calls', async () => {
    // Arrange
    const { client, health } = build();
    await traffic(client, 8, 2);

    // Act
    const result = await health.isHealthy('echo');

    // Assert
    expect(result.echo).toMatchObject({
      status: 'up',
      state: 'degraded',
      errorRate: 0.2,
      recentCalls: 10,
      breaker: 'closed',
    });
  });

  it('rounds the error rate to three decimals', async () => {
    // Arrange
    const { client, health } = build();
    await traffic(client, 2, 1);

    // Act
    const result = await health.isHealthy('echo');

    // Assert
    expect(result.echo).toMatchObject({ state: 'degraded', errorRate: 0.333 });
  });

  it('reports down when the downstream no longer listens, with the probe’s error', async () => {
    // Arrange
    const gone = await startDownstream();
    const { client, health } = build(gone.url);
    await traffic(client, 2, 0);
    await client.close();
    await gone.close();

    // Act
    const result = await health.isHealthy('echo');

    // Assert
    expect(result.echo).toEqual({
      status: 'down',
      state: 'down',
      probe: { ok: false, error: 'ECONNREFUSED' },
      errorRate: 0,
      p95Ms: expect.any(Number),
      recentCalls: 2,
      breaker: 'closed',
    });
  });

  it('reports down when the health path answers 503', async () => {
    // Arrange
    const { health } = build();
    downstream.healthStatus = 503;

    // Act
    const result = await health.isHealthy('echo');

    // Assert
    expect(result.echo).toMatchObject({ status: 'down', state: 'down', probe: { ok: false, status: 503 } });
  });

  it('reports down/circuit-open while the breaker is open, without probing', async () => {
    // Arrange
    const { client, health } = build();
    await traffic(client, 0, 3);
    downstream.paths.length = 0;

    // Act
    const result = await health.isHealthy('echo');

    // Assert
    expect(result.echo).toEqual({
      status: 'down',
      state: 'circuit-open',
      errorRate: 1,
      p95Ms: expect.any(Number),
      recentCalls: 3,
      breaker: 'open',
    });
    expect(downstream.paths).toEqual([]);
  });

  it('reports circuit-open while the circuit is isolated by hand', async () => {
    // Arrange
    const { health, pipeline } = build();
    pipeline.isolateCircuit();

    // Act
    const result = await health.isHealthy('echo');

    // Assert
    expect(result.echo).toMatchObject({ status: 'down', state: 'circuit-open', breaker: 'isolated' });
    pipeline.resetCircuit();
  });
});
