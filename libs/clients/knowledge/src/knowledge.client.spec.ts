import { DownstreamContractError, DownstreamRejectedError, DownstreamUnavailableError } from '@keel/clients-core';
import { fakeHttpClient } from '@keel/clients-core/testing';
import { KnowledgeClient } from './knowledge.client';

const RESOURCE = { id: 'k/1', title: 'T', url: 'https://x', kind: 'paper', tags: ['a'] };
const HIT = { id: 'k1', title: 'T', score: 0.5 };

describe(KnowledgeClient.name, () => {
  const setup = () => {
    const http = fakeHttpClient('knowledge');
    return { http, client: new KnowledgeClient(http.client) };
  };
  const failures = async (call: (client: KnowledgeClient) => Promise<unknown>) => {
    const { http, client } = setup();
    http.answer(403, { type: 'about:blank', title: 'Forbidden', status: 403, detail: 'no' });
    const rejected = await call(client).catch((e: unknown) => e);
    http.answer(503);
    const down = await call(client).catch((e: unknown) => e);
    return { rejected, down };
  };

  describe('getResource', () => {
    it('answers 200 with the contract fields of a resource, at the encoded path', async () => {
      // Arrange
      const { http, client } = setup();
      http.answer(200, { ...RESOURCE, extra: true });

      // Act
      const resource = await client.getResource('k/1');

      // Assert
      expect(resource).toEqual(RESOURCE);
      expect(http.calls[0]).toMatchObject({ operation: 'getResource', path: '/api/v1/resources/k%2F1' });
    });

    it('answers 404 with undefined', async () => {
      // Arrange
      const { http, client } = setup();
      http.answer(404, { status: 404 });

      // Act / Assert
      await expect(client.getResource('k9')).resolves.toBeUndefined();
    });

    it.each([
      ['an unknown kind', { ...RESOURCE, kind: 'video' }, /^body\.kind: Invalid option: expected one of/],
      ['tags that are not strings', { ...RESOURCE, tags: [1] }, /^body\.tags\[0\]: expected string, got number$/],
    ])('throws DownstreamContractError for %s', async (_label, body, violation) => {
      // Arrange
      const { http, client } = setup();
      http.answer(200, body);

      // Act
      const error = await client.getResource('k1').catch((e: unknown) => e);

      // Assert
      expect(error).toBeInstanceOf(DownstreamContractError);
      expect((error as DownstreamContractError).violations).toEqual([expect.stringMatching(violation)]);
    });

    it('throws DownstreamRejectedError for a 403 and DownstreamUnavailableError for a 503', async () => {
      // Act
      const { rejected, down } = await failures((client) => client.getResource('k1'));

      // Assert
      expect(rejected).toBeInstanceOf(DownstreamRejectedError);
      expect((rejected as DownstreamRejectedError).problem?.detail).toBe('no');
      expect(down).toBeInstanceOf(DownstreamUnavailableError);
    });
  });

  describe('search', () => {
    it('answers 200 with id, title and score of each hit, sending q and limit', async () => {
      // Arrange
      const { http, client } = setup();
      http.answer(200, { results: [{ ...HIT, url: 'x' }] });

      // Act
      const results = await client.search('retries', 3);

      // Assert
      expect(results).toEqual([HIT]);
      expect(http.calls[0]).toMatchObject({
        operation: 'search',
        path: '/api/v1/search',
        query: { q: 'retries', limit: 3 },
      });
    });

    it('throws DownstreamRejectedError for a 400 (an empty q) and a 404, which it does not declare', async () => {
      // Arrange
      const { http, client } = setup();

      // Act
      http.answer(400);
      const empty = await client.search('').catch((e: unknown) => e);
      http.answer(404);
      const missing = await client.search('x').catch((e: unknown) => e);

      // Assert
      expect(empty).toMatchObject({ status: 400 });
      expect(missing).toBeInstanceOf(DownstreamRejectedError);
    });

    it('throws DownstreamContractError and DownstreamUnavailableError', async () => {
      // Arrange
      const { http, client } = setup();

      // Act
      http.answer(200, {});
      const contract = await client.search('x').catch((e: unknown) => e);
      const { down } = await failures((c) => c.search('x'));

      // Assert
      expect((contract as DownstreamContractError).violations).toEqual(['body.results: expected array, got undefined']);
      expect(down).toBeInstanceOf(DownstreamUnavailableError);
    });
  });

  describe('citations', () => {
    it('answers 200 with the citations and 404 with undefined', async () => {
      // Arrange
      const { http, client } = setup();

      // Act
      http.answer(200, { citations: [{ id: 'k2', title: 'Two' }] });
      const citations = await client.citations('k1');
      http.answer(404);
      const unknown = await client.citations('k9');

      // Assert
      expect(citations).toEqual([{ id: 'k2', title: 'Two' }]);
      expect(unknown).toBeUndefined();
      expect(http.calls[0]).toMatchObject({ operation: 'citations', path: '/api/v1/resources/k1/citations' });
    });

    it('throws DownstreamContractError naming the broken citation, and the typed errors', async () => {
      // Arrange
      const { http, client } = setup();
      http.answer(200, { citations: [{ id: 'k2' }] });

      // Act
      const contract = await client.citations('k1').catch((e: unknown) => e);
      const { rejected, down } = await failures((c) => c.citations('k1'));

      // Assert
      expect((contract as DownstreamContractError).violations).toEqual([
        'body.citations[0].title: expected string, got undefined',
      ]);
      expect(rejected).toBeInstanceOf(DownstreamRejectedError);
      expect(down).toBeInstanceOf(DownstreamUnavailableError);
    });
  });

  describe('recommendations', () => {
    it('answers 200 with the hits, sending projectId and limit', async () => {
      // Arrange
      const { http, client } = setup();
      http.answer(200, { results: [HIT] });

      // Act
      const results = await client.recommendations('p1', 2);

      // Assert
      expect(results).toEqual([HIT]);
      expect(http.calls[0]).toMatchObject({ query: { projectId: 'p1', limit: 2 } });
    });

    it('throws DownstreamContractError for a score that is a string, and the typed errors', async () => {
      // Arrange
      const { http, client } = setup();
      http.answer(200, { results: [{ ...HIT, score: '0.5' }] });

      // Act
      const contract = await client.recommendations('p1').catch((e: unknown) => e);
      const { rejected, down } = await failures((c) => c.recommendations('p1'));

      // Assert
      expect((contract as DownstreamContractError).violations).toEqual([
        'body.results[0].score: expected number, got string',
      ]);
      expect(rejected).toBeInstanceOf(DownstreamRejectedError);
      expect(down).toBeInstanceOf(DownstreamUnavailableError);
    });
  });
});
