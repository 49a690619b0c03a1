import { DownstreamContractError, DownstreamRejectedError, ResilientHttpClient } from '@keel/clients-core';
import type { HttpAnswer, HttpCall } from '@keel/clients-core';
import { KnowledgeClient } from './knowledge.client';

/** The real ResilientHttpClient parsing, with `send` answering a canned body (no pipeline, no socket). */
function clientAnswering(status: number, body: unknown): { client: KnowledgeClient; calls: HttpCall[] } {
  const calls: HttpCall[] = [];
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const http = Object.assign(Object.create(ResilientHttpClient.prototype) as ResilientHttpClient, {
    config: { name: 'knowledge' },
    send: async (call: HttpCall): Promise<HttpAnswer> => {
      calls.push(call);
      return { status, headers: {}, text };
    },
  });
  return { client: new KnowledgeClient(http), calls };
}

describe(KnowledgeClient.name, () => {
  it('keeps only the contract fields of a resource and encodes its id', async () => {
    // Arrange
    const { client, calls } = clientAnswering(200, {
      id: 'k/1',
      title: 'T',
      url: 'https://x',
      kind: 'paper',
      tags: ['a'],
      extra: true,
    });

    // Act
    const resource = await client.getResource('k/1');

    // Assert
    expect(resource).toEqual({ id: 'k/1', title: 'T', url: 'https://x', kind: 'paper', tags: ['a'] });
    expect(calls[0]).toMatchObject({ operation: 'getResource', path: '/api/v1/resources/k%2F1' });
  });

  it.each([
    [
      'an unknown kind',
      { id: 'k1', title: 'T', url: 'u', kind: 'video', tags: [] },
      /body.kind: expected one of article\|paper\|dataset/,
    ],
    [
      'tags that are not strings',
      { id: 'k1', title: 'T', url: 'u', kind: 'paper', tags: [1] },
      /body.tags: expected string\[\]/,
    ],
  ])('rejects a resource with %s as a contract error', async (_label, body, message) => {
    // Arrange
    const { client } = clientAnswering(200, body);

    // Act
    const error = await client.getResource('k1').catch((e: unknown) => e);

    // Assert
    expect(error).toBeInstanceOf(DownstreamContractError);
    expect((error as DownstreamContractError).violations.join()).toMatch(message);
  });

  it('sends q and limit as the query, and keeps only id, title and score', async () => {
    // Arrange
    const { client, calls } = clientAnswering(200, { results: [{ id: 'k1', title: 'T', score: 0.5, url: 'x' }] });

    // Act
    const results = await client.search('retries', 3);

    // Assert
    expect(results).toEqual([{ id: 'k1', title: 'T', score: 0.5 }]);
    expect(calls[0]).toMatchObject({ operation: 'search', path: '/api/v1/search', query: { q: 'retries', limit: 3 } });
  });

  it.each([
    ['results missing', {}, 'body.results: expected array, got undefined'],
    [
      'a score that is a string',
      { results: [{ id: 'k1', title: 'T', score: '0.5' }] },
      'body.results[0].score: expected number, got string',
    ],
  ])('rejects recommendations with %s', async (_label, body, violation) => {
    // Arrange
    const { client } = clientAnswering(200, body);

    // Act
    const error = await client.recommendations('p1').catch((e: unknown) => e);

    // Assert
    expect(error).toBeInstanceOf(DownstreamContractError);
    expect((error as DownstreamContractError).violations).toEqual([violation]);
  });

  it('validates each citation', async () => {
    // Arrange
    const { client } = clientAnswering(200, { citations: [{ id: 'k2' }] });

    // Act
    const error = await client.citations('k1').catch((e: unknown) => e);

    // Assert
    expect((error as DownstreamContractError).violations).toEqual([
      'body.citations[0].title: expected string, got undefined',
    ]);
  });

  it('answers undefined for 404 and throws DownstreamRejectedError for other 4xx', async () => {
    // Arrange
    const missing = clientAnswering(404, { status: 404 }).client;
    const forbidden = clientAnswering(403, {
      type: 'about:blank',
      title: 'Forbidden',
      status: 403,
      detail: 'no',
    }).client;

    // Act
    const citations = await missing.citations('k9');
    const error = await forbidden.getResource('k1').catch((e: unknown) => e);

    // Assert
    expect(citations).toBeUndefined();
    expect(error).toBeInstanceOf(DownstreamRejectedError);
    expect((error as DownstreamRejectedError).status).toBe(403);
  });
});
