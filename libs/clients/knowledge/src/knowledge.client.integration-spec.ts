import { DownstreamContractError, DownstreamRejectedError, DownstreamUnavailableError } from '@keel/clients-core';
import { emulatorClientBed } from '@keel/clients-core/testing';
import { startKnowledgeEmulator } from '@keel/sandbox';
import { KnowledgeClient } from './knowledge.client';
import { KnowledgeClientModule } from './knowledge-client.module';

/**
 * The real client, policies and transport against the real knowledge emulator on 127.0.0.1, faults injected over HTTP.
 */
describe(KnowledgeClient.name, () => {
  const bed = emulatorClientBed({
    name: 'knowledge',
    startEmulator: startKnowledgeEmulator,
    module: KnowledgeClientModule,
    client: KnowledgeClient,
    requestId: 'req-9',
  });
  const { boot, inject, stats, asUser } = bed;

  it('reads a resource and its citations, forwarding the caller’s token and request id', async () => {
    // Arrange
    await boot();

    // Act
    const resource = await asUser(() => bed.client.getResource('k1'));
    const citations = await asUser(() => bed.client.citations('k1'));

    // Assert
    expect(resource).toEqual({
      id: 'k1',
      title: 'Circuit breakers in distributed systems',
      url: 'https://kb.example.com/resources/k1',
      kind: 'article',
      tags: ['resilience', 'patterns'],
    });
    expect(citations?.map((citation) => citation.id)).toEqual(['k2', 'k3']);
    expect(await stats()).toMatchObject({ requests: 2, lastHeaders: { 'x-request-id': 'req-9', authorization: true } });
  });

  it('searches and recommends, passing q, projectId and limit', async () => {
    // Arrange
    await boot();

    // Act
    const results = await asUser(() => bed.client.search('circuit resilience'));
    const limited = await asUser(() => bed.client.search('latency', 1));
    const recommended = await asUser(() => bed.client.recommendations('p2'));
    const again = await asUser(() => bed.client.recommendations('any-project', 3));

    // Assert
    expect(results).toEqual([
      { id: 'k1', title: 'Circuit breakers in distributed systems', score: 1 },
      { id: 'k2', title: 'Exponential backoff and jitter for retries', score: 0.5 },
    ]);
    expect(limited.map((result) => result.id)).toEqual(['k3']);
    expect(recommended.map((result) => result.id)).toEqual(['k3', 'k4']);
    expect(again).toHaveLength(3);
    expect(await asUser(() => bed.client.recommendations('any-project', 3))).toEqual(again);
  });

  it('answers undefined for an unknown resource', async () => {
    // Arrange
    await boot();

    // Act
    const resource = await asUser(() => bed.client.getResource('k404'));
    const citations = await asUser(() => bed.client.citations('k404'));

    // Assert
    expect(resource).toBeUndefined();
    expect(citations).toBeUndefined();
  });

  it('throws DownstreamRejectedError 400 for an empty query, without retrying', async () => {
    // Arrange
    await boot();

    // Act
    const error = await asUser(() => bed.client.search('')).catch((e: unknown) => e);

    // Assert
    expect(error).toBeInstanceOf(DownstreamRejectedError);
    expect((error as DownstreamRejectedError).status).toBe(400);
    expect((error as DownstreamRejectedError).problem?.detail).toBe('q must not be empty');
    expect((await stats()).requests).toBe(1);
  });

  it('is refused with 401 when there is no token to forward', async () => {
    // Arrange
    await boot();

    // Act
    const error = await bed.client.getResource('k1').catch((e: unknown) => e);

    // Assert
    expect(error).toBeInstanceOf(DownstreamRejectedError);
    expect((error as DownstreamRejectedError).status).toBe(401);
  });

  it('retries a 503 up to KNOWLEDGE_SERVICE_MAX_RETRIES, then throws DownstreamUnavailableError', async () => {
    // Arrange
    await boot({ KNOWLEDGE_SERVICE_URL: bed.emulator.url, KNOWLEDGE_SERVICE_MAX_RETRIES: '2' });
    await inject({ mode: 'error', status: 503 });

    // Act
    const error = await asUser(() => bed.client.search('latency')).catch((e: unknown) => e);

    // Assert
    expect(error).toBeInstanceOf(DownstreamUnavailableError);
    expect((await stats()).requests).toBe(3);
  });

  it('turns a malformed body into DownstreamContractError', async () => {
    // Arrange
    await boot();
    await inject({ mode: 'malformed' });

    // Act
    const errors = await Promise.all(
      [asUser(() => bed.client.getResource('k1')), asUser(() => bed.client.recommendations('p1'))].map((call) =>
        call.catch((e: unknown) => e),
      ),
    );

    // Assert
    for (const error of errors) expect(error).toBeInstanceOf(DownstreamContractError);
  });

  it('is configured by KNOWLEDGE_SERVICE_HOST, _PORT and _PROTOCOL as well as _URL', async () => {
    // Arrange
    await boot({
      KNOWLEDGE_SERVICE_HOST: bed.emulator.host,
      KNOWLEDGE_SERVICE_PORT: String(bed.emulator.port),
      KNOWLEDGE_SERVICE_PROTOCOL: 'http',
    });

    // Act
    const resource = await asUser(() => bed.client.getResource('k4'));

    // Assert
    expect(resource).toMatchObject({ id: 'k4', kind: 'dataset' });
    expect((await stats()).byPath).toEqual({ '/api/v1/resources/k4': 1 });
  });

  it('reports health up when /health answers and down when the emulator is down', async () => {
    // Arrange
    await boot();
    const health = bed.health;

    // Act
    const up = await health.isHealthy('knowledge');
    await inject({ mode: 'down' });
    const down = await health.isHealthy('knowledge');

    // Assert
    expect(up.knowledge).toMatchObject({ status: 'up', state: 'healthy', breaker: 'closed' });
    expect(down.knowledge).toMatchObject({ status: 'down', state: 'down' });
  });
});
