import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import { PolicyRegistry } from '@keel/resilience';
import { startTcpBlackhole } from '@keel/sandbox';
import { resolveServiceConfig } from '../registry/service.config';
import { httpFailureClassifier } from './downstream-failures';
import { ResilientHttpClient } from './resilient-http-client';
import { UndiciAdapter } from './undici-adapter';

describe('ResilientHttpClient after a TCP blackhole', () => {
  it('recovers with the first half-open probe: it does not ride a socket opened during the outage', async () => {
    // Arrange
    Logger.overrideLogger(false);
    let served = 0;
    const server = createHttpServer((_req, res) => {
      served++;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const proxy = await startTcpBlackhole((server.address() as AddressInfo).port);
    const env = {
      BH_SERVICE_URL: proxy.url,
      BH_SERVICE_TIMEOUT: '200ms',
      BH_SERVICE_MAX_RETRIES: '0',
      BH_SERVICE_CIRCUIT_BREAKER_MAX_FAILS: '3',
      BH_SERVICE_CIRCUIT_BREAKER_TIMEOUT: '500ms',
    };
    const config = resolveServiceConfig('bh', env);
    const registry = new PolicyRegistry({});
    const pipeline = registry.get('bh', { ...config.policy, classifier: httpFailureClassifier });
    const client = new ResilientHttpClient(
      config,
      pipeline,
      new UndiciAdapter({ connections: 8, keepAliveTimeoutMs: 30_000 }),
      {},
    );
    const states: string[] = [];
    pipeline.onCircuitStateChange((state) => states.push(state));
    const call = () =>
      client.send({ operation: 'get', path: '/thing' }).then(
        () => 'ok',
        (e: Error) => e.name,
      );

    // Act: the outage. Concurrent calls time out and open the circuit.
    proxy.blackhole = true;
    await Promise.all(Array.from({ length: 8 }, call));
    // The outage lasts a moment: the pool reconnects in the meantime, to the silence.
    await new Promise((r) => setTimeout(r, 300));
    // The route comes back; callers keep calling until one gets through.
    proxy.blackhole = false;
    const healedAt = performance.now();
    let recoveredAfterMs = -1;
    for (let i = 0; i < 100 && recoveredAfterMs < 0; i++) {
      if ((await call()) === 'ok') recoveredAfterMs = performance.now() - healedAt;
      else await new Promise((r) => setTimeout(r, 50));
    }
    console.info(
      `[blackhole] recovered ${recoveredAfterMs.toFixed(0)} ms after the route came back ` +
        `(half-open delay 500 ms); states: ${states.join(' → ')}`,
    );

    // Assert: the first probe closed the circuit; it never re-opened after the route came back.
    expect(recoveredAfterMs).toBeGreaterThanOrEqual(0);
    expect(states).toEqual(['open', 'half-open', 'closed']);
    await client.close();
    registry.onModuleDestroy();
    await proxy.close();
    await new Promise((resolve) => server.close(resolve));
    expect(served).toBeGreaterThanOrEqual(1);
  });
});
