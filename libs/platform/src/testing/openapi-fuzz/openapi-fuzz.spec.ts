import fc from 'fast-check';
import { listOperations, requestArbitrary } from './fuzz-request';
import { PoolRef, validValue } from './fuzz-values';
import type { OpenApiDocument } from './fuzz-values';
import { ValuePool, encodeComponent, toWire } from './fuzz-send';

const DOC: OpenApiDocument = {
  paths: {
    '/api/v1/projects': {
      post: {
        requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/CreateDto' } } } },
      },
    },
    '/api/v1/projects/{id}/members/{userId}': {
      delete: {
        parameters: [
          { in: 'path', name: 'id', required: true, schema: { type: 'string' } },
          { in: 'path', name: 'userId', required: true, schema: { type: 'string' } },
          { in: 'query', name: 'limit', schema: { type: 'number', minimum: 1, maximum: 100 } },
        ],
      },
    },
  },
  components: {
    schemas: {
      CreateDto: {
        type: 'object',
        properties: {
          title: { type: 'string', minLength: 1, maxLength: 20 },
          year: { type: 'number', minimum: 1880, maximum: 2100 },
          kind: { type: 'string', enum: ['a', 'b'] },
        },
        required: ['title', 'year'],
      },
    },
  },
};

describe('OpenAPI fuzzing harness', () => {
  it('generates schema-valid bodies: required fields present, numbers and lengths in range', () => {
    // Arrange
    const arbitrary = validValue(DOC, { $ref: '#/components/schemas/CreateDto' });

    // Act
    const samples = fc.sample(arbitrary, { numRuns: 200, seed: 7 }) as Array<Record<string, unknown>>;

    // Assert
    for (const sample of samples) {
      expect(sample.year).toBeGreaterThanOrEqual(1880);
      expect(sample.year).toBeLessThanOrEqual(2100);
      expect(
        sample.title instanceof PoolRef ||
          (typeof sample.title === 'string' && [...sample.title].length >= 1 && [...sample.title].length <= 20),
      ).toBe(true);
      if ('kind' in sample && !(sample.kind instanceof PoolRef)) expect(['a', 'b']).toContain(sample.kind);
    }
  });

  it('percent-encodes a lone surrogate as its WTF-8 bytes, which encodeURIComponent refuses', () => {
    // Arrange
    const text = 'a\ud800/\u0000😀';

    // Act
    const encoded = encodeComponent(text);

    // Assert
    expect(encoded).toBe('a%ED%A0%80%2F%00%F0%9F%98%80');
    expect(() => encodeURIComponent(text)).toThrow(URIError);
  });

  it('fills path parameters with ids earlier answers returned, per collection', () => {
    // Arrange
    const pool = new ValuePool();
    pool.harvest('/api/v1/projects', { items: [{ id: 'p1', owner: { id: 'not-a-project' } }], nextCursor: 'c1' });
    pool.harvest('/api/v1/projects/{id}/members', { userId: 'u7' });
    const request = {
      operation: 'DELETE /api/v1/projects/{id}/members/{userId}',
      pathParams: {
        id: new PoolRef(['/api/v1/projects:id'], 5),
        userId: new PoolRef(['/api/v1/projects/{id}/members:id', 'field:userId'], 0),
      },
      query: [['cursor', new PoolRef(['field:nextCursor'], 0)]] as Array<[string, string | PoolRef]>,
      headers: {},
      auth: 0,
    };

    // Act
    const wire = toWire(request, 'DELETE', '/api/v1/projects/{id}/members/{userId}', pool, [
      { label: 'u1', token: 't' },
    ]);

    // Assert
    expect(wire.path).toBe('/api/v1/projects/p1/members/u7?cursor=c1');
    expect(wire.headers.authorization).toBe('Bearer t');
    expect(wire.credential).toBe('u1');
  });

  it('generates a request for every operation, each one the wire can carry', () => {
    // Arrange
    const operations = listOperations(DOC);
    const pool = new ValuePool();

    // Act
    const wires = operations.flatMap((op) =>
      fc
        .sample(requestArbitrary(DOC, op, [1, 1]), { numRuns: 100, seed: 3 })
        .map((request) =>
          toWire(request, op.method, op.template, pool, [{ label: 'a', token: 't' }, { label: 'none' }]),
        ),
    );

    // Assert
    expect(operations.map((op) => `${op.method} ${op.template}`)).toEqual([
      'POST /api/v1/projects',
      'DELETE /api/v1/projects/{id}/members/{userId}',
    ]);
    for (const wire of wires) {
      expect(wire.path).toMatch(/^\/[\x21-\x7e]*$/);
      for (const value of Object.values(wire.headers)) expect(value).toMatch(/^[\t\x20-\x7e]+$/);
    }
  });
});
