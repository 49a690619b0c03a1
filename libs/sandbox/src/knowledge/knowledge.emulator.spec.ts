import type { RunningEmulator } from '../kernel/emulator.types';
import { BEARER, http } from '../testing/http-client';
import { startKnowledgeEmulator } from './knowledge.emulator';
import { KNOWLEDGE_SEED } from './knowledge.seed';

describe(startKnowledgeEmulator.name, () => {
  let knowledge: RunningEmulator;
  const get = (path: string, headers: Record<string, string> = BEARER) => http(`${knowledge.url}${path}`, { headers });

  beforeAll(async () => {
    knowledge = await startKnowledgeEmulator();
  });

  afterAll(async () => {
    await knowledge.close();
  });

  beforeEach(() => {
    knowledge.setFaults(null);
    knowledge.resetStats();
  });

  describe('seed', () => {
    it('holds k1–k6 of every kind, with tags and citations between them', () => {
      // Assert
      expect(KNOWLEDGE_SEED.resources.map((resource) => resource.id)).toEqual(['k1', 'k2', 'k3', 'k4', 'k5', 'k6']);
      expect(new Set(KNOWLEDGE_SEED.resources.map((resource) => resource.kind))).toEqual(
        new Set(['article', 'paper', 'dataset']),
      );
      expect(KNOWLEDGE_SEED.resources.every((resource) => resource.tags.length > 0)).toBe(true);
      expect(KNOWLEDGE_SEED.resources.flatMap((resource) => resource.cites).length).toBeGreaterThan(0);
      expect(Object.isFrozen(KNOWLEDGE_SEED.resources[0].tags)).toBe(true);
    });
  });

  describe('GET /api/v1/resources/:id', () => {
    it('answers a resource per the contract', async () => {
      // Act
      const res = await get('/api/v1/resources/k1');

      // Assert
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/json');
      expect(res.json()).toEqual({
        id: 'k1',
        title: 'Circuit breakers in distributed systems',
        url: 'https://kb.example.com/resources/k1',
        kind: 'article',
        tags: ['resilience', 'patterns'],
      });
    });

    it('answers 404 problem+json for an unknown resource', async () => {
      // Act
      const res = await get('/api/v1/resources/k99');

      // Assert
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toBe('application/problem+json');
      expect(res.json()).toEqual({
        type: 'about:blank',
        title: 'Not Found',
        status: 404,
        detail: "Resource 'k99' not found",
      });
    });
  });

  describe('GET /api/v1/resources/:id/citations', () => {
    it('answers the cited resources with their titles', async () => {
      // Act
      const res = await get('/api/v1/resources/k1/citations');

      // Assert
      expect(res.status).toBe(200);
      expect(res.json()).toEqual({
        citations: [
          { id: 'k2', title: 'Exponential backoff and jitter for retries' },
          { id: 'k3', title: 'The tail at scale: latency in large services' },
        ],
      });
    });

    it('answers an empty list for a resource that cites nothing, 404 for an unknown one', async () => {
      // Act
      const none = await get('/api/v1/resources/k6/citations');
      const unknown = await get('/api/v1/resources/nope/citations');

      // Assert
      expect(none.json()).toEqual({ citations: [] });
      expect(unknown.status).toBe(404);
    });
  });

  describe('GET /api/v1/search', () => {
    it('ranks by query-term overlap', async () => {
      // Act
      const res = await get(`/api/v1/search?q=${encodeURIComponent('circuit resilience')}`);

      // Assert
      expect(res.status).toBe(200);
      expect(res.json()).toEqual({
        results: [
          { id: 'k1', title: 'Circuit breakers in distributed systems', score: 1 },
          { id: 'k2', title: 'Exponential backoff and jitter for retries', score: 0.5 },
        ],
      });
    });

    it('applies limit and answers an empty list when nothing matches', async () => {
      // Act
      const limited = await get('/api/v1/search?q=latency&limit=1');
      const none = await get('/api/v1/search?q=quantum');

      // Assert
      expect(limited.json().results.map((r: { id: string }) => r.id)).toEqual(['k3']);
      expect(none.json()).toEqual({ results: [] });
    });

    it.each([
      ['a missing q', '', /q must not be empty/],
      ['an empty q', 'q=', /q must not be empty/],
      ['a blank q', 'q=%20%20', /q must not be empty/],
      ['limit=0', 'q=latency&limit=0', /limit/],
      ['limit=51', 'q=latency&limit=51', /limit/],
    ])('answers 400 problem+json for %s', async (_label, query, detail) => {
      // Act
      const res = await get(`/api/v1/search?${query}`);

      // Assert
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toBe('application/problem+json');
      expect(res.json()).toMatchObject({ title: 'Bad Request', status: 400 });
      expect(res.json().detail).toMatch(detail);
    });
  });

  describe('GET /api/v1/recommendations', () => {
    it('answers a seeded project its curated list', async () => {
      // Act
      const res = await get('/api/v1/recommendations?projectId=p2');

      // Assert
      expect(res.status).toBe(200);
      expect(res.json()).toEqual({
        results: [
          { id: 'k3', title: 'The tail at scale: latency in large services', score: 0.95 },
          { id: 'k4', title: 'Service latency traces 2024', score: 0.85 },
        ],
      });
    });

    it('answers any project deterministically, five by default', async () => {
      // Act
      const first = await get('/api/v1/recommendations?projectId=proj-xyz');
      const again = await get('/api/v1/recommendations?projectId=proj-xyz');
      const two = await get('/api/v1/recommendations?projectId=proj-xyz&limit=2');

      // Assert
      expect(first.json().results).toHaveLength(5);
      expect(again.json()).toEqual(first.json());
      expect(two.json().results).toEqual(first.json().results.slice(0, 2));
    });

    it('answers 400 for a bad limit', async () => {
      // Act
      const res = await get('/api/v1/recommendations?projectId=p1&limit=x');

      // Assert
      expect(res.status).toBe(400);
    });
  });

  it.each([
    ['a duplicate id', [KNOWLEDGE_SEED.resources[5], KNOWLEDGE_SEED.resources[5]], "duplicate resource 'k6'"],
    ['a citation of an unknown resource', [KNOWLEDGE_SEED.resources[0]], "'k1' cites unknown resource 'k2'"],
  ])('refuses a seed with %s', (_label, resources, message) => {
    // Act / Assert
    expect(() => startKnowledgeEmulator({ seed: { resources, projects: {} } })).toThrow(message);
  });

  describe('authorization', () => {
    it.each([
      '/api/v1/resources/k1',
      '/api/v1/resources/k1/citations',
      '/api/v1/search?q=x',
      '/api/v1/recommendations?projectId=p1',
    ])('answers 401 without a bearer token on %s', async (path) => {
      // Act
      const res = await get(path, {});

      // Assert
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer');
    });
  });

  describe('GET /health and faults', () => {
    it('answers ok without a token, and 503 under an error fault set over HTTP', async () => {
      // Act
      const ok = await get('/health', {});
      await http(`${knowledge.url}/_sandbox/faults`, {
        method: 'PUT',
        body: { mode: 'error', status: 503, path: '/health' },
      });
      const faulted = await get('/health', {});
      const api = await get('/api/v1/resources/k1');
      const stats = (await http(`${knowledge.url}/_sandbox/stats`)).json();

      // Assert
      expect(ok.json()).toEqual({ status: 'ok' });
      expect(faulted.status).toBe(503);
      expect(api.status).toBe(200);
      expect(stats).toMatchObject({
        requests: 3,
        byPath: { '/health': 2, '/api/v1/resources/k1': 1 },
        faulted: { error: 1 },
      });
    });
  });
});
