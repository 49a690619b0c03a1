import { Logger } from '@nestjs/common';
import { PolicyRegistry } from '@keel/resilience';
import { sandboxControl, startDnsStub, startLibraryEmulator } from '@keel/sandbox';
import type { DnsStub, RunningEmulator } from '@keel/sandbox';
import { resolveServiceConfig } from '../registry/service.config';
import { httpFailureClassifier } from '../http/downstream-failures';
import { ResilientHttpClient } from '../http/resilient-http-client';
import { UndiciAdapter } from '../http/undici-adapter';

const NAME = 'library.keel.svc.cluster.local';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Instances from DNS, as a Kubernetes headless Service gives them: one port, an A record per pod.
 * The pods are library emulators on 127.0.0.1–3 (all loopback on Linux), the records come from a
 * real UDP DNS server on loopback, and the client resolves them with Node's own resolver.
 */
describe('DNS discovery', () => {
  let dns: DnsStub;
  let pods: Map<string, RunningEmulator>;
  let registry: PolicyRegistry;
  let client: ResilientHttpClient;

  beforeAll(() => Logger.overrideLogger(false));

  beforeEach(async () => {
    dns = await startDnsStub();
    const first = await startLibraryEmulator({ port: 0, host: '127.0.0.1' });
    const port = Number(new URL(first.url).port);
    const others = await Promise.all(['127.0.0.2', '127.0.0.3'].map((host) => startLibraryEmulator({ port, host })));
    pods = new Map([first, ...others].map((pod) => [new URL(pod.url).hostname, pod]));
    dns.setRecords(NAME, ['127.0.0.1', '127.0.0.2']);
    const config = resolveServiceConfig('library', {
      LIBRARY_SERVICE_DNS: `${NAME}:${port}`,
      LIBRARY_SERVICE_DNS_SERVERS: dns.server,
      LIBRARY_SERVICE_DNS_REFRESH: '200ms',
      LIBRARY_SERVICE_TIMEOUT: '2s',
    });
    registry = new PolicyRegistry({});
    const pipeline = registry.get('library', { ...config.policy, classifier: httpFailureClassifier });
    client = new ResilientHttpClient(
      config,
      pipeline,
      new UndiciAdapter({ connections: 8, keepAliveTimeoutMs: 5_000 }),
      {},
    );
    await client.rediscover();
  });

  afterEach(async () => {
    await client?.close();
    registry?.onModuleDestroy();
    await Promise.all([...pods.values()].map((pod) => pod.close()));
    await dns.close();
  });

  const requestsOf = async (host: string) => (await sandboxControl(pods.get(host)!.url).stats()).requests;

  it('adds and removes an instance while traffic runs, with no failed call', async () => {
    // Arrange: steady traffic for the whole test.
    const outcomes: (number | string)[] = [];
    let running = true;
    const traffic = Promise.all(
      Array.from({ length: 4 }, async () => {
        while (running) {
          outcomes.push(
            await client
              .send({
                operation: 'ownership',
                path: '/api/v1/users/u1/games/g1/ownership',
                headers: { authorization: 'Bearer t' },
              })
              .then(
                (a) => a.status,
                (e: Error) => e.name,
              ),
          );
          await sleep(5);
        }
      }),
    );
    await sleep(300);
    const initial = client.instanceStates().map((i) => i.url);

    // Act: a pod joins, then another leaves.
    dns.setRecords(NAME, ['127.0.0.1', '127.0.0.2', '127.0.0.3']);
    await client.rediscover();
    await sleep(300);
    const joined = await requestsOf('127.0.0.3');
    dns.setRecords(NAME, ['127.0.0.2', '127.0.0.3']);
    await client.rediscover();
    await sleep(100);
    const leftAt = await requestsOf('127.0.0.1');
    await sleep(300);
    const leftAfter = await requestsOf('127.0.0.1');
    running = false;
    await traffic;

    // Assert
    expect(initial.map((url) => new URL(url).hostname)).toEqual(['127.0.0.1', '127.0.0.2']);
    expect(outcomes.length).toBeGreaterThan(20);
    expect(outcomes.filter((status) => status !== 200)).toEqual([]);
    expect(joined).toBeGreaterThan(0);
    expect(leftAfter).toBe(leftAt);
    expect(client.instanceStates().map((i) => new URL(i.url).hostname)).toEqual(['127.0.0.2', '127.0.0.3']);
    expect(client.dnsStatus).toMatchObject({ host: NAME, instances: 2 });
    expect(client.dnsStatus?.lastError).toBeUndefined();
  });

  it('keeps the last good list when resolution fails, and says so', async () => {
    // Arrange
    const before = client.instanceStates().map((i) => i.url);

    // Act: the name disappears (NXDOMAIN).
    dns.setRecords(NAME, []);
    await client.rediscover();
    const status = await client
      .send({
        operation: 'ownership',
        path: '/api/v1/users/u1/games/g1/ownership',
        headers: { authorization: 'Bearer t' },
      })
      .then((a) => a.status);

    // Assert
    expect(client.instanceStates().map((i) => i.url)).toEqual(before);
    expect(client.dnsStatus?.lastError).toBeDefined();
    expect(status).toBe(200);
  });

  it('re-resolves by itself on the refresh interval', async () => {
    // Arrange
    const asked = dns.queries;

    // Act
    dns.setRecords(NAME, ['127.0.0.3']);
    const deadline = Date.now() + 10_000;
    while (
      Date.now() < deadline &&
      client
        .instanceStates()
        .map((i) => i.url)
        .join() !==
        client
          .instanceStates()
          .filter((i) => i.url.includes('127.0.0.3'))
          .map((i) => i.url)
          .join()
    )
      await sleep(50);

    // Assert
    expect(dns.queries).toBeGreaterThan(asked);
    expect(client.instanceStates().map((i) => new URL(i.url).hostname)).toEqual(['127.0.0.3']);
  });
});
